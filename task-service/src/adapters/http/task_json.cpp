#include "task/adapters/http/task_json.hpp"

namespace task::adapters::http {
namespace {

// Enough for a typical task; a longer one grows the string once or twice.
constexpr std::size_t kTypicalTaskBytes = 320;

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t run_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.substr(run_start, i - run_start));
    run_start = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
  }
  out.append(text.substr(run_start));
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
