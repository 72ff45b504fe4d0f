// The AttemptCounters contract: see attempt_counters_contract.hpp.
#include "contract/attempt_counters_contract.hpp"

#include <atomic>
#include <random>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

using auth::domain::AttemptKey;
using auth::domain::AttemptKind;
using auth_contract::make_attempt_counters_under_test;
using namespace std::chrono_literals;

namespace {

std::string unique_value(std::string_view name) {
  static thread_local std::mt19937_64 generator{std::random_device{}()};
  return std::string(name) + "-" + std::to_string(generator());
}

// A fixed instant well inside PostgreSQL's range, so windows do not depend on
// the machine's clock.
const shared::time::Timestamp kT0{std::chrono::seconds(1'800'000'000)};

std::vector<AttemptKey> one(AttemptKind kind, const std::string& value) {
  return {AttemptKey{kind, value}};
}

}  // namespace

TEST_CASE("contract: attempts count into one window that ends a window after the first",
          "[contract][attempts]") {
  auto counters = make_attempt_counters_under_test();
  const auto keys = one(AttemptKind::failed_login_email, unique_value("ada@example.com"));
  auto first = counters->count(keys, kT0, 60s);
  REQUIRE(first.ok());
  REQUIRE(first->size() == 1);
  CHECK(first->front().attempts == 1);
  CHECK(first->front().kind == AttemptKind::failed_login_email);
  CHECK(first->front().ends == kT0 + 60s);
  auto second = counters->count(keys, kT0 + 59s, 60s);
  REQUIRE(second.ok());
  CHECK(second->front().attempts == 2);
  CHECK(second->front().ends == kT0 + 60s);  // the window does not slide

  auto open = counters->open_windows(keys, kT0 + 59s);
  REQUIRE(open.ok());
  REQUIRE(open->size() == 1);
  CHECK(open->front().attempts == 2);
  auto ended = counters->open_windows(keys, kT0 + 60s);
  REQUIRE(ended.ok());
  CHECK(ended->empty());

  auto fresh = counters->count(keys, kT0 + 61s, 60s);
  REQUIRE(fresh.ok());
  CHECK(fresh->front().attempts == 1);
  CHECK(fresh->front().ends == kT0 + 121s);
}

TEST_CASE("contract: two keys of different kinds count together and apart",
          "[contract][attempts]") {
  auto counters = make_attempt_counters_under_test();
  const std::string value = unique_value("shared-value");
  const std::vector<AttemptKey> both{{AttemptKind::failed_login_client, value},
                                     {AttemptKind::failed_login_email, value}};
  REQUIRE(counters->count(both, kT0, 60s).ok());
  REQUIRE(counters->count(one(AttemptKind::failed_login_client, value), kT0, 60s).ok());
  auto open = counters->open_windows(both, kT0 + 1s);
  REQUIRE(open.ok());
  REQUIRE(open->size() == 2);
  for (const auto& window : *open) {
    CHECK(window.attempts == (window.kind == AttemptKind::failed_login_client ? 2U : 1U));
  }
  // The same value under a third kind is another counter.
  auto sign_ups = counters->open_windows(one(AttemptKind::sign_up_client, value), kT0 + 1s);
  REQUIRE(sign_ups.ok());
  CHECK(sign_ups->empty());
}

TEST_CASE("contract: clear closes one key's window, prune forgets the ended ones",
          "[contract][attempts]") {
  auto counters = make_attempt_counters_under_test();
  const auto cleared = one(AttemptKind::failed_login_email, unique_value("c"));
  const auto ending = one(AttemptKind::failed_login_client, unique_value("e"));
  const auto lasting = one(AttemptKind::failed_login_client, unique_value("l"));
  REQUIRE(counters->count(cleared, kT0, 60s).ok());
  REQUIRE(counters->count(ending, kT0, 10s).ok());
  REQUIRE(counters->count(lasting, kT0, 3600s).ok());
  REQUIRE(counters->clear(cleared.front()).ok());
  CHECK(counters->open_windows(cleared, kT0 + 1s)->empty());

  auto pruned = counters->prune(kT0 + 20s);
  REQUIRE(pruned.ok());
  CHECK(*pruned >= 1);  // `ending`, and whatever other tests left behind
  CHECK(counters->count(ending, kT0 + 20s, 10s)->front().attempts == 1);
  CHECK(counters->open_windows(lasting, kT0 + 20s)->size() == 1);
}

TEST_CASE("contract: a very long key counts like any other", "[contract][attempts]") {
  auto counters = make_attempt_counters_under_test();
  const auto keys = one(AttemptKind::failed_login_client, unique_value(std::string(60000, 'x')));
  REQUIRE(counters->count(keys, kT0, 60s).ok());
  CHECK(counters->count(keys, kT0, 60s)->front().attempts == 2);
}

TEST_CASE("contract: concurrent counts of one key all add up", "[contract][attempts]") {
  auto counters = make_attempt_counters_under_test();
  const auto keys = one(AttemptKind::failed_login_email, unique_value("race"));
  constexpr int kThreads = 4;
  constexpr int kEach = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) {
        if (!counters->count(keys, kT0, 60s).ok()) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(failures == 0);
  CHECK(counters->open_windows(keys, kT0)->front().attempts == kThreads * kEach);
}
