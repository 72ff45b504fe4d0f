#include "task/adapters/http/task_json.hpp"

#include "shared/text/escape.hpp"

namespace task::adapters::http {
namespace {

// Enough for a typical task; a longer one grows the string once or twice.
constexpr std::size_t kTypicalTaskBytes = 320;

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  shared::text::append_escaped(out, text, shared::text::EscapeStyle::kJson);
  out.push_back('"');
}

void append_task_json(std::string& out, const domain::Task& task) {
  out += "{\"id\":";
  out += std::to_string(task.id);
  out += ",\"user_id\":";
  append_json_string(out, task.user_id.str());
  out += ",\"title\":";
  append_json_string(out, task.title);
  out += ",\"description\":";
  if (task.description) {
    append_json_string(out, *task.description);
  } else {
    out += "null";
  }
  out += task.completed ? ",\"completed\":true" : ",\"completed\":false";
  out += ",\"priority\":\"";
  out += domain::priority_name(task.priority);
  out += "\",\"tags\":[";
  for (std::size_t i = 0; i < task.tags.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_json_string(out, task.tags[i]);
  }
  out += "],\"due_date\":";
  if (task.due_date) {
    out.push_back('"');
    shared::time::append_rfc3339(out, *task.due_date);
    out.push_back('"');
  } else {
    out += "null";
  }
  out += ",\"created_at\":\"";
  shared::time::append_rfc3339(out, task.created_at);
  out += "\",\"updated_at\":\"";
  shared::time::append_rfc3339(out, task.updated_at);
  out += "\"}";
}

std::string task_json(const domain::Task& task) {
  std::string out;
  out.reserve(kTypicalTaskBytes);
  append_task_json(out, task);
  return out;
}

std::string task_list_json(const std::vector<domain::Task>& tasks) {
  std::string out;
  out.reserve(2 + tasks.size() * kTypicalTaskBytes);
  out.push_back('[');
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_task_json(out, tasks[i]);
  }
  out.push_back(']');
  return out;
}

}  // namespace task::adapters::http
