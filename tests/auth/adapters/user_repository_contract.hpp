#pragma once
// The UserRepository contract, run against every implementation
// (InMemoryUserRepository in the unit suite, SociUserRepository against
// PostgreSQL in the integration suite), so the fake can be trusted.

#include <atomic>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "auth/domain/ports/user_repository.hpp"

namespace auth::testing {

inline domain::Email email(std::string_view raw) {
  return domain::Email::parse(raw).value();
}

inline void check_user_repository_contract(domain::UserRepository& users) {
  SECTION("add assigns a UUID and equal created/updated times") {
    const auto added = users.add({email("ada@example.com"), "$2b$10$hash"});
    REQUIRE(added.ok());
    CHECK(added->id.size() == 36);
    CHECK(added->id[8] == '-');
    CHECK(added->email.value() == "ada@example.com");
    CHECK(added->password_hash == "$2b$10$hash");
    CHECK(added->created_at == added->updated_at);
    const auto age = std::chrono::system_clock::now() - added->created_at;
    CHECK(std::chrono::abs(age) < std::chrono::hours(24 * 365 * 10));
  }
  SECTION("a user is found by email and by id, with every field") {
    const auto added = users.add({email("grace@example.com"), "hash-g"});
    REQUIRE(added.ok());
    const auto by_email = users.find_by_email(email("GRACE@example.com"));
    REQUIRE(by_email.ok());
    REQUIRE(by_email->has_value());
    CHECK((*by_email)->id == added->id);
    CHECK((*by_email)->password_hash == "hash-g");
    CHECK((*by_email)->created_at == added->created_at);
    const auto by_id = users.find_by_id(added->id);
    REQUIRE(by_id.ok());
    REQUIRE(by_id->has_value());
    CHECK((*by_id)->email.value() == "grace@example.com");
    CHECK((*by_id)->updated_at == added->updated_at);
  }
  SECTION("missing users are nullopt, whatever the id looks like") {
    CHECK_FALSE(users.find_by_email(email("nobody@example.com")).value().has_value());
    CHECK_FALSE(users.find_by_id("00000000-0000-4000-8000-000000000000").value().has_value());
    CHECK_FALSE(users.find_by_id("not-a-uuid").value().has_value());
    CHECK_FALSE(users.find_by_id("").value().has_value());
    CHECK_FALSE(users.find_by_id("'; DROP TABLE users; --").value().has_value());
  }
  SECTION("a taken email is kAlreadyExists") {
    REQUIRE(users.add({email("linus@example.com"), "h1"}).ok());
    const auto again = users.add({email("Linus@Example.com"), "h2"});
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == shared::ErrorCode::kAlreadyExists);
    CHECK(users.find_by_email(email("linus@example.com")).value()->password_hash == "h1");
  }
  SECTION("of 8 concurrent adds of one email exactly one succeeds") {
    std::atomic<int> created{0};
    std::atomic<int> conflicts{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) {
      threads.emplace_back([&, i] {
        const auto result = users.add({email("race@example.com"), "h" + std::to_string(i)});
        if (result.ok()) ++created;
        if (!result.ok() && result.error().code == shared::ErrorCode::kAlreadyExists) ++conflicts;
      });
    }
    for (auto& thread : threads) thread.join();
    CHECK(created == 1);
    CHECK(conflicts == 7);
  }
  SECTION("distinct users get distinct ids") {
    const auto a = users.add({email("a@example.com"), "h"});
    const auto b = users.add({email("b@example.com"), "h"});
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a->id != b->id);
  }
}

}  // namespace auth::testing
