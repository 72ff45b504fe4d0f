#include "task/adapters/memory/in_memory_task_repository.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

#include "task/adapters/memory/task_matching.hpp"

namespace task::adapters::memory {

using domain::Task;
using domain::TaskId;
using domain::UserId;
using shared::time::Timestamp;

InMemoryTaskRepository::InMemoryTaskRepository(const shared::time::Clock& clock) : clock_(clock) {}

shared::time::Timestamp InMemoryTaskRepository::next_stamp() {
  last_stamp_ = std::max(clock_.now(), last_stamp_ + std::chrono::microseconds(1));
  return last_stamp_;
}

Task* InMemoryTaskRepository::owned(const UserId& owner, TaskId id) {
  const auto found = tasks_.find(id);
  if (found == tasks_.end() || found->second.user_id != owner) return nullptr;
  return &found->second;
}

shared::Result<std::optional<Task>> InMemoryTaskRepository::create(const UserId& owner,
                                                                   const domain::NewTask& task,
                                                                   std::size_t max_tasks) {
  std::lock_guard lock(mutex_);
  std::size_t& held = counts_[owner];
  if (held >= max_tasks) return std::optional<Task>();
  ++held;
  Task created{.id = next_id_++,
               .user_id = owner,
               .title = task.title,
               .description = task.description,
               .completed = task.completed,
               .priority = task.priority,
               .tags = task.tags,
               .due_date = task.due_date,
               .created_at = next_stamp(),
               .updated_at = {}};
  created.updated_at = created.created_at;
  tasks_.emplace(created.id, created);
  return std::optional<Task>(std::move(created));
}

shared::Result<domain::Page<Task>> InMemoryTaskRepository::list(const UserId& owner,
                                                                const domain::TaskQuery& query) {
  std::vector<const Task*> matching;
  std::lock_guard lock(mutex_);
  for (const auto& [id, task] : tasks_) {
    if (task.user_id == owner && matches(task, query)) matching.push_back(&task);
  }
  std::sort(matching.begin(), matching.end(),
            [&](const Task* a, const Task* b) { return comes_before(*a, *b, query); });
  domain::Page<Task> page;
  page.total = static_cast<std::int64_t>(matching.size());
  const auto offset = static_cast<std::size_t>(std::min<std::int64_t>(query.offset, page.total));
  const auto end = std::min(matching.size(), offset + static_cast<std::size_t>(query.limit));
  for (std::size_t i = offset; i < end; ++i) page.items.push_back(*matching[i]);
  return page;
}

shared::Result<std::optional<Task>> InMemoryTaskRepository::find(const UserId& owner, TaskId id) {
  std::lock_guard lock(mutex_);
  if (const Task* task = owned(owner, id)) return std::optional<Task>(*task);
  return std::optional<Task>();
}

shared::Result<std::optional<Task>> InMemoryTaskRepository::update(
    const UserId& owner, TaskId id, const domain::TaskChanges& changes) {
  std::lock_guard lock(mutex_);
  Task* task = owned(owner, id);
  if (task == nullptr) return std::optional<Task>();
  if (changes.title) task->title = *changes.title;
  if (changes.description) task->description = *changes.description;
  if (changes.completed) task->completed = *changes.completed;
  if (changes.priority) task->priority = *changes.priority;
  if (changes.tags) task->tags = *changes.tags;
  if (changes.due_date) task->due_date = *changes.due_date;
  task->updated_at = next_stamp();
  return std::optional<Task>(*task);
}

shared::Result<std::optional<Task>> InMemoryTaskRepository::set_completed(
    const UserId& owner, TaskId id, std::optional<bool> completed) {
  std::lock_guard lock(mutex_);
  Task* task = owned(owner, id);
  if (task == nullptr) return std::optional<Task>();
  task->completed = completed.value_or(!task->completed);
  task->updated_at = next_stamp();
  return std::optional<Task>(*task);
}

shared::Result<bool> InMemoryTaskRepository::remove(const UserId& owner, TaskId id) {
  std::lock_guard lock(mutex_);
  if (owned(owner, id) == nullptr) return false;
  tasks_.erase(id);
  --counts_[owner];
  return true;
}

}  // namespace task::adapters::memory
