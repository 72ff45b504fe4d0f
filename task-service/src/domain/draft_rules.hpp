#pragma once
// Shared by NewTask::from and TaskChanges::from: each field's rules applied
// to a present, non-null value, collecting violations instead of stopping.

#include <optional>
#include <string>
#include <vector>

#include "shared/result.hpp"

namespace task::domain::internal {

class ViolationCollector {
 public:
  // The value, or nullopt after recording the result's violations.
  template <class T>
  std::optional<T> take(shared::Result<T> result) {
    if (result) return std::move(result).value();
    for (const auto& violation : result.error().violations) violations_.push_back(violation);
    return std::nullopt;
  }
  void add(shared::Location location, std::string message, std::string type) {
    violations_.push_back({std::move(location), std::move(message), std::move(type)});
  }
  bool empty() const { return violations_.empty(); }
  shared::Error error() && { return shared::Error::invalid_argument(std::move(violations_)); }

 private:
  std::vector<shared::FieldViolation> violations_;
};

// pydantic's messages for a null where a value of that type is required.
inline void null_not_allowed(ViolationCollector& collector, const std::string& field,
                             const std::string& type) {
  static constexpr const char* kMessages[][2] = {
      {"string_type", "Input should be a valid string"},
      {"bool_type", "Input should be a valid boolean"},
      {"list_type", "Input should be a valid list"},
      {"enum", "Input should be 'low', 'medium' or 'high'"},
  };
  for (const auto& [name, message] : kMessages) {
    if (type == name) collector.add({field}, message, type);
  }
}

}  // namespace task::domain::internal
