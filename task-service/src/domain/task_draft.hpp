#pragma once
// A task's fields as a client sent them, before the contract's rules: the
// input of both creating a task and changing one. Each field is absent
// (std::nullopt), null (an empty inner optional) or a value. Whoever reads
// the wire format fills it after checking JSON types.

#include <optional>
#include <string>
#include <vector>

namespace task::domain {

template <class T>
using Sent = std::optional<std::optional<T>>;

struct TaskDraft {
  Sent<std::string> title;
  Sent<std::string> description;
  Sent<bool> completed;
  Sent<std::string> priority;
  Sent<std::vector<std::string>> tags;
  Sent<std::string> due_date;
};

}  // namespace task::domain
