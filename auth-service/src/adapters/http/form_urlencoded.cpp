#include "auth/adapters/http/form_urlencoded.hpp"

namespace auth::adapters::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
               hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

FormFields parse_form_urlencoded(std::string_view body) {
  FormFields fields;
  while (!body.empty()) {
    const auto end = body.find('&');
    const auto pair = body.substr(0, end);
    body = end == std::string_view::npos ? std::string_view{} : body.substr(end + 1);
    if (pair.empty()) continue;
    const auto equals = pair.find('=');
    if (equals == std::string_view::npos) {
      fields.emplace_back(decode(pair), std::string());
    } else {
      fields.emplace_back(decode(pair.substr(0, equals)), decode(pair.substr(equals + 1)));
    }
  }
  return fields;
}

std::optional<std::string> form_value(const FormFields& fields, std::string_view name) {
  std::optional<std::string> value;
  for (const auto& [key, field_value] : fields) {
    if (key == name) value = field_value;
  }
  return value;
}

}  // namespace auth::adapters::http
