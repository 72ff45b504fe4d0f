#pragma once
// One field's value, written the same way by both line formats; only how a
// string is quoted and how a non-finite double is spelled differ.

#include <string>
#include <string_view>

#include "shared/log/logging.hpp"

namespace shared::log::internal {

struct ValueSyntax {
  void (*append_string)(std::string& out, std::string_view text);
  std::string_view (*non_finite)(double value);  // NaN or an infinity
};

// bool as true/false, numbers as digits (doubles shortest round-trip), a
// null `const char*` as null, strings through syntax.append_string.
void append_field_value(std::string& out, const FieldValue& value, const ValueSyntax& syntax);

}  // namespace shared::log::internal
