#include <random>

#include <catch2/catch.hpp>

#include "contract/task_repository_contract.hpp"

namespace task_contract {

using namespace task::domain;

UserId random_user() {
  static thread_local std::mt19937_64 generator{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text;
  for (int i = 0; i < 32; ++i) {
    if (i == 8 || i == 12 || i == 16 || i == 20) text.push_back('-');
    unsigned digit = static_cast<unsigned>(generator() % 16);
    if (i == 12) digit = 4;
    if (i == 16) digit = 8 + digit % 4;
    text.push_back(kHex[digit]);
  }
  return *UserId::parse(text);
}

DraftBuilder& DraftBuilder::title(std::string v) {
  draft.title = std::optional<std::string>(std::move(v));
  return *this;
}
DraftBuilder& DraftBuilder::description(std::optional<std::string> v) {
  draft.description = std::move(v);
  return *this;
}
DraftBuilder& DraftBuilder::completed(bool v) {
  draft.completed = std::optional<bool>(v);
  return *this;
}
DraftBuilder& DraftBuilder::priority(std::string v) {
  draft.priority = std::optional<std::string>(std::move(v));
  return *this;
}
DraftBuilder& DraftBuilder::tags(std::vector<std::string> v) {
  draft.tags = std::optional<std::vector<std::string>>(std::move(v));
  return *this;
}
DraftBuilder& DraftBuilder::due(std::optional<std::string> v) {
  draft.due_date = std::move(v);
  return *this;
}
NewTask DraftBuilder::new_task() const {
  auto result = NewTask::from(draft);
  REQUIRE(result.ok());
  return std::move(result).value();
}
TaskChanges DraftBuilder::changes() const {
  auto result = TaskChanges::from(draft);
  REQUIRE(result.ok());
  return std::move(result).value();
}

}  // namespace task_contract
