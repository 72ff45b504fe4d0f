#include "auth/adapters/http/string_fields.hpp"

#include "shared/violations.hpp"

namespace auth::adapters::http {

shared::Result<std::vector<std::string>> required_strings(
    const nlohmann::json& body, std::initializer_list<const char*> names) {
  std::vector<shared::FieldViolation> violations;
  std::vector<std::string> values;
  values.reserve(names.size());
  for (const char* name : names) {
    const auto member = body.find(name);
    if (member == body.end()) {
      violations.push_back(shared::violation::missing({"body", name}));
    } else if (!member->is_string()) {
      violations.push_back(shared::violation::string_type({"body", name}));
    } else {
      values.push_back(member->get<std::string>());
    }
  }
  if (!violations.empty()) return shared::Error::invalid_argument(std::move(violations));
  return values;
}

shared::Result<std::optional<std::string>> optional_string(const nlohmann::json& body,
                                                           const char* name) {
  const auto member = body.find(name);
  if (member == body.end() || member->is_null()) return std::optional<std::string>();
  if (!member->is_string()) {
    return shared::Error::invalid_argument({shared::violation::string_type({"body", name})});
  }
  return std::optional<std::string>(member->get<std::string>());
}

}  // namespace auth::adapters::http
