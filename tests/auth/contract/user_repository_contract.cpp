// The UserRepository contract: see user_repository_contract.hpp.
#include "contract/user_repository_contract.hpp"

#include <atomic>
#include <random>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

using auth::domain::Email;
using auth_contract::make_repository_under_test;
using auth_contract::unique_email;

namespace auth_contract {

Email email(std::string_view raw) {
  return Email::parse(raw).value();
}

Email unique_email(std::string_view name) {
  static thread_local std::mt19937_64 generator{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string local(name);
  local += '-';
  for (int i = 0; i < 16; ++i) local += kHex[generator() % 16];
  return email(local + "@example.com");
}

}  // namespace auth_contract

TEST_CASE("contract: add assigns a UUID and equal created/updated times", "[contract]") {
  auto users = make_repository_under_test();
  const auto address = unique_email("ada");
  const auto added = users->add({address, "$2b$10$hash"});
  REQUIRE(added.ok());
  CHECK(added->id.size() == 36);
  CHECK(added->id[8] == '-');
  CHECK(added->email == address);
  CHECK(added->password_hash == "$2b$10$hash");
  CHECK(added->created_at == added->updated_at);
  const auto age = std::chrono::system_clock::now() - added->created_at;
  CHECK(std::chrono::abs(age) < std::chrono::hours(24 * 365 * 10));
}

TEST_CASE("contract: a user is found by email and by id, with every field", "[contract]") {
  auto users = make_repository_under_test();
  const auto address = unique_email("grace");
  const auto added = users->add({address, "hash-g"});
  REQUIRE(added.ok());
  const auto by_email = users->find_by_email(address);
  REQUIRE(by_email.ok());
  REQUIRE(by_email->has_value());
  CHECK((*by_email)->id == added->id);
  CHECK((*by_email)->password_hash == "hash-g");
  CHECK((*by_email)->created_at == added->created_at);
  const auto by_id = users->find_by_id(added->id);
  REQUIRE(by_id.ok());
  REQUIRE(by_id->has_value());
  CHECK((*by_id)->email == address);
  CHECK((*by_id)->updated_at == added->updated_at);
}

TEST_CASE("contract: missing users are nullopt, whatever the id looks like", "[contract]") {
  auto users = make_repository_under_test();
  CHECK_FALSE(users->find_by_email(unique_email("nobody")).value().has_value());
  CHECK_FALSE(users->find_by_id("00000000-0000-4000-8000-000000000000").value().has_value());
  CHECK_FALSE(users->find_by_id("not-a-uuid").value().has_value());
  CHECK_FALSE(users->find_by_id("").value().has_value());
  CHECK_FALSE(users->find_by_id("'; DROP TABLE users; --").value().has_value());
}

TEST_CASE("contract: a taken email is kAlreadyExists and keeps the first user", "[contract]") {
  auto users = make_repository_under_test();
  const auto address = unique_email("linus");
  REQUIRE(users->add({address, "h1"}).ok());
  const auto again = users->add({address, "h2"});
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == shared::ErrorCode::kAlreadyExists);
  CHECK(users->find_by_email(address).value()->password_hash == "h1");
}

TEST_CASE("contract: of 8 concurrent adds of one email exactly one succeeds", "[contract]") {
  auto users = make_repository_under_test();
  const auto address = unique_email("race");
  std::atomic<int> created{0};
  std::atomic<int> conflicts{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      const auto result = users->add({address, "h" + std::to_string(i)});
      if (result.ok()) ++created;
      if (!result.ok() && result.error().code == shared::ErrorCode::kAlreadyExists) ++conflicts;
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(created == 1);
  CHECK(conflicts == 7);
}

TEST_CASE("contract: distinct users get distinct ids", "[contract]") {
  auto users = make_repository_under_test();
  const auto a = users->add({unique_email("a"), "h"});
  const auto b = users->add({unique_email("b"), "h"});
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->id != b->id);
}
