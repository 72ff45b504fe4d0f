// Revocation, end to end on the real binary: task-service follows a fake
// revocation feed (in this process) and refuses revoked tokens within 2 s,
// is not ready before its first snapshot, fails closed when told to,
// deletes a deleted user's tasks in batches and resumes that after a
// restart. Bounds are asserted by polling, never by fixed sleeps.
#include <chrono>
#include <thread>

#include <catch2/catch.hpp>
#include <soci/soci.h>

#include "shared/db/connection_pool.hpp"
#include "shared/jwt/service_token.hpp"

#include "running_task_service.hpp"
#include "support/jwt_forge.hpp"

using namespace std::chrono_literals;
using shared::revocation::TokenRevoked;
using shared::revocation::UserCutoff;
using shared::revocation::UserDeleted;
using task_test::Client;

namespace {

using Clock = std::chrono::steady_clock;

// Polls `probe` until it is true or `limit` passes; returns how long it took
// (or nullopt on timeout).
template <class Probe>
std::optional<std::chrono::milliseconds> time_until(std::chrono::milliseconds limit, Probe probe) {
  const auto start = Clock::now();
  while (true) {
    if (probe()) {
      return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    }
    if (Clock::now() - start > limit) return std::nullopt;
    std::this_thread::sleep_for(20ms);
  }
}

bool is_revoked_answer(const test::HttpResponse& response) {
  return response.status == 401 && task_test::detail_of(response) == "Token has been revoked" &&
         response.header("www-authenticate") == R"(Bearer error="invalid_token")";
}

// The test's own way into the service's database.
class Database {
 public:
  explicit Database(const std::string& url) : pool_({.url = url, .size = 1}) {}
  long long count(const std::string& sql) {
    long long n = -1;
    REQUIRE(pool_.with_session([&](soci::session& s) -> shared::Result<bool> {
      s << sql, soci::into(n);
      return true;
    }));
    return n;
  }
  void run(const std::string& sql) {
    REQUIRE(pool_.with_session([&](soci::session& s) -> shared::Result<bool> {
      s << sql;
      return true;
    }));
  }
  long long tasks_of(const std::string& user) {
    return count("SELECT count(*) FROM tasks WHERE user_id = '" + user + "'");
  }

 private:
  shared::db::ConnectionPool pool_;
};

std::int64_t expires_in_10_minutes() {
  return test::unix_now() + 600;
}

}  // namespace

TEST_CASE("a revoked token gets 401 within 2 s, and the user's other tokens keep working",
          "[http][revocation]") {
  task_test::RunningTaskService service;
  const auto user = task_test::new_user();
  const auto now = test::unix_now();
  const Client revoked(service.port(), task_test::token_for(user.id, "jti-revoked", now));
  const Client kept(service.port(), task_test::token_for(user.id, "jti-kept", now));
  revoked.create({{"title", "before logout"}});

  service.feed().push(TokenRevoked{"jti-revoked", user.id, expires_in_10_minutes()});
  const auto took = time_until(3s, [&] { return is_revoked_answer(revoked.get("/api/tasks")); });
  REQUIRE(took);
  CHECK(*took < 2s);
  CHECK(kept.get("/api/tasks").status == 200);
  CHECK(is_revoked_answer(revoked.post("/api/tasks", {{"title", "after logout"}})));

  const auto metrics = test::http_request(service.port(), "GET", "/metrics");
  const auto gauge = [](const std::string& name, const std::string& value) {
    return name + R"({service="task-service"} )" + value;
  };
  CHECK_THAT(metrics.body, Catch::Contains(gauge("revocation_set_tokens", "1")));
  CHECK_THAT(metrics.body, Catch::Contains(gauge("revocation_set_users", "0")));
  CHECK_THAT(metrics.body, Catch::Contains(gauge("user_deletions_pending", "0")));
  CHECK_THAT(metrics.body, Catch::Contains("revocation_feed_lag_seconds{"));
}

TEST_CASE("a user cutoff revokes the user's tokens issued before it, not later ones",
          "[http][revocation]") {
  task_test::RunningTaskService service;
  const auto user = task_test::new_user();
  const auto now = test::unix_now();
  const Client old_session(service.port(), task_test::token_for(user.id, "old", now - 10));
  const Client other_user(service.port(), task_test::new_user());
  REQUIRE(old_session.get("/api/tasks").status == 200);

  service.feed().push(UserCutoff{user.id, now - 5, expires_in_10_minutes()});
  const auto took =
      time_until(3s, [&] { return is_revoked_answer(old_session.get("/api/tasks")); });
  REQUIRE(took);
  CHECK(*took < 2s);
  const Client new_session(service.port(), task_test::token_for(user.id, "new", now));
  CHECK(new_session.get("/api/tasks").status == 200);
  CHECK(other_user.get("/api/tasks").status == 200);
}

TEST_CASE("a deleted user's tasks are all deleted, in batches, and nobody else's",
          "[http][revocation]") {
  task_test::RunningTaskService service({.deletion_batch_size = "10"});
  Database db(service.database_url());
  const auto gone = task_test::new_user();
  const auto stays = task_test::new_user();
  const Client gone_client(service.port(), gone);
  const Client stays_client(service.port(), stays);
  for (int i = 0; i < 25; ++i) gone_client.create({{"title", "task " + std::to_string(i)}});
  for (int i = 0; i < 3; ++i) stays_client.create({{"title", "mine " + std::to_string(i)}});
  REQUIRE(db.tasks_of(gone.id) == 25);

  service.feed().push(UserCutoff{gone.id, test::unix_now() + 1, expires_in_10_minutes()});
  service.feed().push(UserDeleted{gone.id});
  const auto took = time_until(5s, [&] {
    return db.tasks_of(gone.id) == 0 &&
           db.count("SELECT count(*) FROM user_deletions WHERE completed_at IS NOT NULL") == 1;
  });
  REQUIRE(took);
  CHECK(*took < 5s);
  CHECK(is_revoked_answer(gone_client.get("/api/tasks")));
  CHECK(stays_client.get("/api/tasks").json().size() == 3);
}

TEST_CASE("a deletion left unfinished resumes after a restart", "[http][revocation]") {
  task_test::RunningTaskService service({.deletion_batch_size = "10"});
  Database db(service.database_url());
  const auto user = task_test::new_user();
  const auto other = task_test::new_user();
  const Client client(service.port(), user);
  for (int i = 0; i < 15; ++i) client.create({{"title", "task " + std::to_string(i)}});
  Client(service.port(), other).create({{"title", "not deleted"}});

  // What a process killed between two batches leaves: the request recorded,
  // some tasks gone, not done. The next process must finish it at start-up,
  // with no event to prompt it (the feed has moved past it).
  service.process().stop();
  db.run("INSERT INTO user_deletions (user_id) VALUES ('" + user.id + "')");
  db.run("DELETE FROM tasks WHERE id IN (SELECT id FROM tasks WHERE user_id = '" + user.id +
         "' LIMIT 10)");
  REQUIRE(db.tasks_of(user.id) == 5);
  service.restart();

  const auto took = time_until(5s, [&] {
    return db.tasks_of(user.id) == 0 &&
           db.count("SELECT count(*) FROM user_deletions WHERE completed_at IS NULL") == 0;
  });
  REQUIRE(took);
  CHECK(db.tasks_of(other.id) == 1);
}

TEST_CASE("not ready, and 503 for tokens, until the first snapshot is in", "[http][revocation]") {
  task_test::RunningTaskService service({.feed_down_at_start = true});
  const Client client(service.port(), task_test::new_user());

  CHECK(test::http_request(service.port(), "GET", "/readyz").status == 503);
  const auto refused = client.get("/api/tasks");
  CHECK(refused.status == 503);
  CHECK(refused.header("retry-after") == "1");
  CHECK(test::http_request(service.port(), "GET", "/healthz").status == 200);
  // No token: still the plain 401, nothing to look up.
  CHECK(test::http_request(service.port(), "GET", "/api/tasks").status == 401);

  service.feed().set_down(false);
  // The follower backs off up to 5 s between attempts.
  REQUIRE(service.wait_until_ready(8s));
  CHECK(client.get("/api/tasks").status == 200);
}

TEST_CASE(
    "fail-closed: 503 once the feed has been silent for longer than the limit, "
    "200 again when it answers",
    "[http][revocation]") {
  task_test::RunningTaskService service({.fail_closed_after = "2"});
  const Client client(service.port(), task_test::new_user());
  REQUIRE(client.get("/api/tasks").status == 200);

  service.feed().set_down(true);
  const auto took = time_until(6s, [&] { return client.get("/api/tasks").status == 503; });
  REQUIRE(took);
  CHECK(*took >= 1s);  // the last answer came at most 1 s (the poll's wait) before
  CHECK(*took < 4s);

  service.feed().set_down(false);
  CHECK(time_until(8s, [&] { return client.get("/api/tasks").status == 200; }));
}

TEST_CASE("by default a silent feed does not stop known-good tokens", "[http][revocation]") {
  task_test::RunningTaskService service;
  const Client client(service.port(), task_test::new_user());
  service.feed().set_down(true);
  std::this_thread::sleep_for(1500ms);  // the feed stays down; nothing to poll for
  CHECK(client.get("/api/tasks").status == 200);
  CHECK(test::http_request(service.port(), "GET", "/readyz").status == 200);
}

TEST_CASE("a service token is not a user token: 401 on /api/tasks", "[http][revocation]") {
  task_test::RunningTaskService service;
  const shared::jwt::ServiceTokens tokens(task_test::kServiceSecret);
  const Client caller(service.port(), tokens.mint("task-service"));
  const auto answer = caller.get("/api/tasks");
  CHECK(answer.status == 401);
  CHECK(answer.header("www-authenticate") == R"(Bearer error="invalid_token")");
}

TEST_CASE("SIGTERM in the middle of a long poll: the service exits within a second",
          "[http][revocation]") {
  task_test::RunningTaskService service;
  // Ready means the snapshot is in; the follower is now (or soon) in a 25 s poll.
  REQUIRE(time_until(2s, [&] { return service.feed().polls_served() > 0; }));
  const auto start = Clock::now();
  CHECK(service.process().stop() == 0);
  CHECK(Clock::now() - start < 1s);
  service.restart();  // the destructor expects a running process
}
