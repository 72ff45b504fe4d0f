#include "task/adapters/postgres/task_row.hpp"

#include <chrono>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace task::adapters::postgres {
namespace {

shared::time::Timestamp from_micros(long long micros) {
  return shared::time::Timestamp(std::chrono::microseconds(micros));
}

std::vector<std::string> parse_tags(const std::string& json) {
  const auto parsed = nlohmann::json::parse(json);
  std::vector<std::string> tags;
  tags.reserve(parsed.size());
  for (const auto& tag : parsed) tags.push_back(tag.get<std::string>());
  return tags;
}

}  // namespace

void TaskRow::bind(soci::statement& statement) {
  statement.exchange(soci::into(id));
  statement.exchange(soci::into(title));
  statement.exchange(soci::into(description, description_indicator));
  statement.exchange(soci::into(completed));
  statement.exchange(soci::into(priority));
  statement.exchange(soci::into(tags_json));
  statement.exchange(soci::into(due_micros, due_indicator));
  statement.exchange(soci::into(created_micros));
  statement.exchange(soci::into(updated_micros));
}

domain::Task TaskRow::to_task(const domain::UserId& owner) const {
  domain::Task task;
  task.id = id;
  task.user_id = owner;  // every statement is scoped by it
  task.title = title;
  if (description_indicator == soci::i_ok) task.description = description;
  task.completed = completed != 0;
  const auto parsed_priority = domain::parse_priority(priority);
  if (!parsed_priority) throw std::runtime_error("unexpected priority in tasks row");
  task.priority = *parsed_priority;
  task.tags = parse_tags(tags_json);
  if (due_indicator == soci::i_ok) task.due_date = from_micros(due_micros);
  task.created_at = from_micros(created_micros);
  task.updated_at = from_micros(updated_micros);
  return task;
}

std::string text_array_literal(const std::vector<std::string>& values) {
  std::string literal = "{";
  for (const auto& value : values) {
    if (literal.size() > 1) literal += ',';
    literal += '"';
    for (const char c : value) {
      if (c == '"' || c == '\\') literal += '\\';
      literal += c;
    }
    literal += '"';
  }
  literal += '}';
  return literal;
}

std::string contains_pattern(std::string_view text) {
  std::string pattern = "%";
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';  // LIKE's default escape
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

}  // namespace task::adapters::postgres
