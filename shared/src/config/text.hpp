#pragma once
// Small text helpers shared by the configuration readers.

#include <string>
#include <string_view>
#include <vector>

namespace shared::config::internal {

// Splits on commas, trims blanks (space, tab, CR, LF) around each item and
// drops empty items.
std::vector<std::string> split_list(std::string_view text);

std::string join(const std::vector<std::string>& items, std::string_view separator);

}  // namespace shared::config::internal
