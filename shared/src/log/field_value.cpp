#include "field_value.hpp"

#include <charconv>
#include <cmath>

namespace shared::log::internal {
namespace {

void append_double(std::string& out, double value, const ValueSyntax& syntax) {
  if (!std::isfinite(value)) {
    out += syntax.non_finite(value);
    return;
  }
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

}  // namespace

void append_field_value(std::string& out, const FieldValue& value, const ValueSyntax& syntax) {
  std::visit(
      [&out, &syntax](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) {
          out += v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, double>) {
          append_double(out, v, syntax);
        } else if constexpr (std::is_same_v<T, const char*>) {
          if (v == nullptr) {
            out += "null";
          } else {
            syntax.append_string(out, v);
          }
        } else if constexpr (std::is_arithmetic_v<T>) {
          out += std::to_string(v);
        } else {
          syntax.append_string(out, v);
        }
      },
      value);
}

}  // namespace shared::log::internal
