#pragma once
// A stand-in for auth-service's GET /internal/revocations, in process, on
// shared/http's Server: the tests of the feed adapter and the task-service
// integration tests follow it instead of a real auth-service.
//
// It keeps an append-only log of events; the cursor names the number of
// events a page has covered. A snapshot is the whole log; `after` answers the
// events past the cursor at once, or holds the poll until one is pushed or
// `wait` passes. Like the real feed it refuses a request without a valid
// service token (401) and answers 410 for a cursor outside its history.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "shared/http/server.hpp"
#include "shared/jwt/service_token.hpp"
#include "shared/metrics/registry.hpp"
#include "shared/revocation/event.hpp"

namespace task_test {

class FakeFeedServer {
 public:
  explicit FakeFeedServer(std::string_view service_secret,
                          std::vector<shared::revocation::Event> initial = {});
  ~FakeFeedServer();
  FakeFeedServer(const FakeFeedServer&) = delete;
  FakeFeedServer& operator=(const FakeFeedServer&) = delete;

  std::uint16_t port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  // Appends an event and answers the polls waiting for one.
  void push(shared::revocation::Event event);
  // While down, every request (and every poll held now) gets 503.
  void set_down(bool down);
  // Every cursor given so far gets 410, as when the real feed prunes its history.
  void forget_history();

  std::size_t snapshots_served() const { return snapshots_.load(); }
  std::size_t polls_served() const { return polls_.load(); }

 private:
  struct Held;
  shared::http::Router routes();
  void answer_held_polls();  // on its own thread

  shared::jwt::ServiceTokens tokens_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<shared::revocation::Event> log_;
  std::size_t epoch_ = 0;  // a cursor of an earlier epoch is forgotten
  bool down_ = false;
  bool stopping_ = false;
  std::vector<std::shared_ptr<Held>> held_;
  std::atomic<std::size_t> snapshots_{0};
  std::atomic<std::size_t> polls_{0};
  shared::metrics::Registry metrics_;
  std::unique_ptr<shared::http::Server> server_;
  std::uint16_t port_ = 0;
  std::thread poller_;
};

}  // namespace task_test
