#include "shared/db/internal/connect_string.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>

#include <libpq-fe.h>

namespace shared::db::internal {
namespace {

struct ConnInfoOptionsDeleter {
  void operator()(PQconninfoOption* options) const { PQconninfoFree(options); }
};

bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (is_unreserved(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

}  // namespace

Result<ConnInfo> parse_conninfo(std::string_view url) {
  char* error_message = nullptr;
  std::unique_ptr<PQconninfoOption, ConnInfoOptionsDeleter> options(
      PQconninfoParse(std::string(url).c_str(), &error_message));
  // libpq's message can quote the offending part of the URL, password
  // included, so it is dropped.
  PQfreemem(error_message);
  if (!options) {
    return Error::invalid_argument(
        {{{"DATABASE_URL"}, "not a valid libpq URI or keyword/value connection string"}});
  }
  ConnInfo info;
  for (const PQconninfoOption* option = options.get(); option->keyword != nullptr; ++option) {
    if (option->val != nullptr) info.emplace_back(option->keyword, option->val);
  }
  return info;
}

void set_option(ConnInfo& info, std::string_view key, std::string value) {
  auto found =
      std::find_if(info.begin(), info.end(), [&](const auto& kv) { return kv.first == key; });
  if (found != info.end()) {
    found->second = std::move(value);
  } else {
    info.emplace_back(std::string(key), std::move(value));
  }
}

bool has_option(const ConnInfo& info, std::string_view key) {
  return std::any_of(info.begin(), info.end(), [&](const auto& kv) { return kv.first == key; });
}

std::string render_conninfo_uri(const ConnInfo& info) {
  std::string uri = "postgresql://";
  char separator = '?';
  for (const auto& [key, value] : info) {
    uri += separator;
    uri += percent_encode(key);
    uri += '=';
    uri += percent_encode(value);
    separator = '&';
  }
  return uri;
}

void add_server_setting(ConnInfo& info, std::string_view name, std::string_view value) {
  std::string options;
  auto found =
      std::find_if(info.begin(), info.end(), [](const auto& kv) { return kv.first == "options"; });
  if (found != info.end()) {
    options = found->second;
  } else if (const char* from_environment = std::getenv("PGOPTIONS")) {
    options = from_environment;
  }
  if (!options.empty()) options += ' ';
  options += "-c ";
  options += name;
  options += '=';
  options += value;
  set_option(info, "options", std::move(options));
}

Result<std::string> to_soci_connect_string(
    std::string_view url, std::chrono::seconds connect_timeout,
    std::optional<std::chrono::milliseconds> statement_timeout) {
  Result<ConnInfo> parsed = parse_conninfo(url);
  if (!parsed) return parsed.error();
  ConnInfo info = std::move(parsed).value();
  if (!has_option(info, "connect_timeout")) {
    set_option(info, "connect_timeout", std::to_string(connect_timeout.count()));
  }
  // A startup option rather than a SET after connecting: no extra round
  // trip, and in force before the first statement. In milliseconds, the
  // setting's default unit.
  if (statement_timeout) {
    add_server_setting(info, "statement_timeout", std::to_string(statement_timeout->count()));
  }
  return render_conninfo_uri(info);
}

}  // namespace shared::db::internal
