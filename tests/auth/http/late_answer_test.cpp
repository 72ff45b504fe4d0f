// Answers finished late, on the bcrypt worker pool, reach their own client
// whole, whatever the connections around them do: `Connection: close`,
// HTTP/1.0 without keep-alive, and clients that hang up right after asking
// while others keep asking. (It used to lose about 1 login in 10 under
// `Connection: close`: the close went to a descriptor number that another
// connection had taken by then.)
#include <atomic>
#include <mutex>
#include <thread>

#include <catch2/catch.hpp>

#include "auth/http/auth_service.hpp"

using auth::testing::AuthService;

namespace {

constexpr const char* kPassword = "correct horse battery";

// Requests answered from the worker pool, in turn: a wrong password with a
// 1 KiB body, the right password, a sign-up, a wrong password as a form.
struct PoolRequest {
  std::string method_and_target;
  std::string content_type;
  std::string body;
  int expected_status;
};

PoolRequest pool_request(int n, const std::string& email, const std::string& unique) {
  switch (n % 4) {
    case 0:
      return {
          "POST /auth/login", "application/json",
          nlohmann::json{
              {"email", email}, {"password", "wrong password"}, {"padding", std::string(1024, 'x')}}
              .dump(),
          401};
    case 1:
      return {"POST /auth/login", "application/json",
              nlohmann::json{{"email", email}, {"password", kPassword}}.dump(), 200};
    case 2:
      return {"POST /auth/signup", "application/json",
              nlohmann::json{{"email", unique + "@example.com"}, {"password", kPassword}}.dump(),
              201};
    default:
      return {"POST /auth/login", "application/x-www-form-urlencoded",
              "username=" + email + "&password=wrong+password", 401};
  }
}

// Sends the head and the body in two writes, as Python's http.client does.
void send(test::HttpConnection& connection, const PoolRequest& r, std::string_view version,
          std::string_view extra_headers, const std::string& request_id) {
  connection.send_raw(r.method_and_target + " " + std::string(version) + "\r\nHost: t\r\n" +
                      std::string(extra_headers) + "X-Request-ID: " + request_id +
                      "\r\nContent-Type: " + r.content_type +
                      "\r\nContent-Length: " + std::to_string(r.body.size()) + "\r\n\r\n");
  connection.send_raw(r.body);
}

// What went wrong, across threads; empty when every answer was right.
class Problems {
 public:
  void add(std::string problem) {
    std::lock_guard lock(mutex_);
    problems_.push_back(std::move(problem));
  }
  std::vector<std::string> all() {
    std::lock_guard lock(mutex_);
    return problems_;
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> problems_;
};

// One request on a fresh connection that the server must close after its
// answer: that answer must arrive complete and be this request's. Like most
// clients, odd-numbered ones hang up as soon as they have it (which frees
// their descriptor number on the server at once); even-numbered ones wait
// for the server's close.
void ask_and_expect_close(std::uint16_t port, const std::string& email, int n,
                          std::string_view version, std::string_view extra_headers,
                          Problems& problems) {
  const std::string id = "late-" + std::string(version.substr(5)) + "-" + std::to_string(n);
  const PoolRequest request = pool_request(n, email, id);
  try {
    test::HttpConnection connection(port);
    send(connection, request, version, extra_headers, id);
    const auto response = connection.read_response(std::chrono::seconds(60));
    if (response.status != request.expected_status || response.header("x-request-id") != id) {
      problems.add(id + ": got " + std::to_string(response.status) + " for request id " +
                   response.header("x-request-id").value_or("(none)"));
    } else if (response.header("connection") != "close") {
      problems.add(id + ": answered without Connection: close");
    } else if (n % 2 == 0 && !connection.closed_by_peer(std::chrono::seconds(10))) {
      problems.add(id + ": answered but the connection was not closed");
    }
  } catch (const std::exception& e) {
    problems.add(id + ": no complete answer (" + e.what() + ")");
  }
}

template <class Body>
void in_parallel(int threads, Body body) {
  std::vector<std::thread> running;
  for (int t = 0; t < threads; ++t) running.emplace_back(body, t);
  for (auto& thread : running) thread.join();
}

AuthService busy_service() {
  return AuthService({{"LOGIN_MAX_FAILURES_PER_EMAIL", "1000000"},
                      {"LOGIN_MAX_FAILURES_PER_CLIENT", "1000000"},
                      {"HASH_QUEUE_LIMIT", "1000"},
                      {"LOG_LEVEL", "warn"}});
}

}  // namespace

TEST_CASE("every late answer arrives whole before a Connection: close or HTTP/1.0 close",
          "[integration][workers]") {
  auto service = busy_service();
  const std::string email = "closer@example.com";
  REQUIRE(service.signup(email, kPassword).status == 201);

  constexpr int kThreads = 4;
  constexpr int kPerThread = 30;
  for (const auto& [version, headers] :
       {std::pair<std::string_view, std::string_view>{"HTTP/1.1", "Connection: close\r\n"},
        std::pair<std::string_view, std::string_view>{"HTTP/1.0", ""}}) {
    INFO(version << " " << headers);
    Problems problems;
    in_parallel(kThreads, [&](int t) {
      for (int i = 0; i < kPerThread; ++i) {
        ask_and_expect_close(service.port(), email, t * kPerThread + i, version, headers, problems);
      }
    });
    const auto found = problems.all();
    CAPTURE(found);
    CHECK(found.empty());
  }
}

TEST_CASE("clients that hang up right after asking never disturb another client's answer",
          "[integration][workers]") {
  auto service = busy_service();
  const std::string email = "quitter@example.com";
  REQUIRE(service.signup(email, kPassword).status == 201);

  // Two threads ask and hang up at once; their answers, finished later on
  // the pool, must go nowhere. Two others ask on fresh keep-alive
  // connections, whose descriptors are the ones the quitters just freed,
  // and must each get exactly their own answer, with the connection open.
  constexpr int kPerThread = 40;
  Problems problems;
  std::atomic<int> answered{0};
  in_parallel(4, [&](int t) {
    for (int i = 0; i < kPerThread; ++i) {
      const int n = t * kPerThread + i;
      const std::string id = "keep-" + std::to_string(n);
      const PoolRequest request = pool_request(n, email, id);
      try {
        test::HttpConnection connection(service.port());
        send(connection, request, "HTTP/1.1", "", id);
        if (t % 2 == 0) continue;  // hang up without reading
        const auto response = connection.read_response(std::chrono::seconds(60));
        if (response.status != request.expected_status || response.header("x-request-id") != id) {
          problems.add(id + ": got " + std::to_string(response.status) + " for request id " +
                       response.header("x-request-id").value_or("(none)"));
          continue;
        }
        // Nothing else arrives, and the connection stays usable.
        if (connection.closed_by_peer(std::chrono::milliseconds(50))) {
          problems.add(id + ": connection closed after a keep-alive answer");
          continue;
        }
        if (connection.request("GET", "/healthz").status != 200) {
          problems.add(id + ": the kept connection did not answer again");
          continue;
        }
        answered.fetch_add(1);
      } catch (const std::exception& e) {
        problems.add(id + ": no complete answer (" + e.what() + ")");
      }
    }
  });
  const auto found = problems.all();
  CAPTURE(found);
  CHECK(found.empty());
  CHECK(answered.load() == 2 * kPerThread);
  CHECK(test::http_request(service.port(), "GET", "/healthz").status == 200);
}
