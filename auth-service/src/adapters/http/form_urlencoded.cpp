#include "auth/adapters/http/form_urlencoded.hpp"

#include "shared/text/percent_decode.hpp"

namespace auth::adapters::http {
FormFields parse_form_urlencoded(std::string_view body) {
  return shared::text::parse_urlencoded(body);
}

std::optional<std::string> form_value(const FormFields& fields, std::string_view name) {
  std::optional<std::string> value;
  for (const auto& [key, field_value] : fields) {
    if (key == name) value = field_value;
  }
  return value;
}

}  // namespace auth::adapters::http
