#include "task/adapters/http/task_body.hpp"

#include <algorithm>
#include <set>

#include "shared/violations.hpp"
#include "task/domain/priority.hpp"

namespace task::adapters::http {
namespace {

using nlohmann::json;
using shared::FieldViolation;

struct DraftReading {
  domain::TaskDraft draft;
  std::vector<FieldViolation> type_violations;  // already located at ["body", ...]
  std::set<std::string> mistyped;               // fields with a type violation
};

void mistype(DraftReading& reading, FieldViolation violation) {
  reading.mistyped.insert(violation.location.at(1).text());
  reading.type_violations.push_back(std::move(violation));
}

// A member that must be a string when present and not null; `problem` is
// the violation for any other JSON type.
template <class Setter>
void read_string(const json& body, const char* name, DraftReading& reading,
                 FieldViolation (*problem)(shared::Location), Setter set) {
  const auto member = body.find(name);
  if (member == body.end()) return;
  if (member->is_null()) return set(std::optional<std::string>());
  if (!member->is_string()) return mistype(reading, problem({"body", name}));
  set(std::optional<std::string>(member->get<std::string>()));
}

FieldViolation not_a_date(shared::Location location) {
  return shared::violation::datetime_type(std::move(location),
                                          " (YYYY-MM-DD or an RFC 3339 date-time)");
}

DraftReading read_draft(const json& body) {
  DraftReading r;
  using shared::violation::string_type;
  read_string(body, "title", r, string_type, [&](auto v) { r.draft.title = v; });
  read_string(body, "description", r, string_type, [&](auto v) { r.draft.description = v; });
  read_string(body, "priority", r, domain::priority_violation,
              [&](auto v) { r.draft.priority = v; });
  read_string(body, "due_date", r, not_a_date, [&](auto v) { r.draft.due_date = v; });
  if (const auto completed = body.find("completed"); completed != body.end()) {
    if (completed->is_null()) {
      r.draft.completed = std::optional<bool>();
    } else if (completed->is_boolean()) {
      r.draft.completed = std::optional<bool>(completed->get<bool>());
    } else {
      mistype(r, shared::violation::bool_type({"body", "completed"}));
    }
  }
  if (const auto tags = body.find("tags"); tags != body.end()) {
    if (tags->is_null()) {
      r.draft.tags = std::optional<std::vector<std::string>>();
    } else if (!tags->is_array()) {
      mistype(r, shared::violation::list_type({"body", "tags"}));
    } else {
      std::vector<std::string> values;
      for (std::size_t i = 0; i < tags->size(); ++i) {
        const auto& tag = (*tags)[i];
        if (tag.is_string()) {
          values.push_back(tag.get<std::string>());
        } else {
          mistype(r, string_type({"body", "tags", shared::LocationPart::index(i)}));
        }
      }
      r.draft.tags = std::optional<std::vector<std::string>>(std::move(values));
    }
  }
  return r;
}

// The domain's result with type violations merged in, all located in the body.
template <class T>
shared::Result<T> validated(DraftReading reading,
                            shared::Result<T> (*rules)(const domain::TaskDraft&)) {
  auto result = rules(reading.draft);
  if (result && reading.type_violations.empty()) return result;
  std::vector<FieldViolation> violations = std::move(reading.type_violations);
  if (!result) {
    for (auto violation : result.error().violations) {
      if (reading.mistyped.count(violation.location.at(0).text()) > 0)
        continue;  // reported already
      violation.location.insert(violation.location.begin(), "body");
      violations.push_back(std::move(violation));
    }
  }
  // In the contract's field order, as pydantic reports a model's fields.
  static constexpr std::string_view kFieldOrder[] = {"title",    "description", "completed",
                                                     "priority", "tags",        "due_date"};
  const auto rank = [](const FieldViolation& v) {
    return std::find(std::begin(kFieldOrder), std::end(kFieldOrder), v.location.at(1).text()) -
           std::begin(kFieldOrder);
  };
  std::stable_sort(violations.begin(), violations.end(),
                   [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  return shared::Error::invalid_argument(std::move(violations));
}

}  // namespace

shared::Result<domain::NewTask> new_task_from_body(const json& body) {
  return validated<domain::NewTask>(read_draft(body), &domain::NewTask::from);
}

shared::Result<domain::TaskChanges> task_changes_from_body(const json& body) {
  return validated<domain::TaskChanges>(read_draft(body), &domain::TaskChanges::from);
}

shared::Result<std::optional<bool>> completion_from_body(const json& body) {
  const auto completed = body.find("completed");
  if (completed == body.end() || completed->is_null()) return std::optional<bool>();
  if (completed->is_boolean()) return std::optional<bool>(completed->get<bool>());
  return shared::Error::invalid_argument({shared::violation::bool_type({"body", "completed"})});
}

}  // namespace task::adapters::http
