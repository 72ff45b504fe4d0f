#include "support/fake_feed_server.hpp"

#include <charconv>
#include <optional>

#include "shared/http/bearer.hpp"
#include "shared/http/error_response.hpp"
#include "shared/log/logging.hpp"
#include "shared/revocation/feed_page.hpp"

namespace task_test {

using shared::http::Request;
using shared::http::Responder;
using shared::http::Response;
using shared::revocation::Event;
using shared::revocation::FeedPage;

struct FakeFeedServer::Held {
  Responder responder;
  std::size_t cursor = 0;
  std::chrono::steady_clock::time_point deadline;
};

namespace {

// "<epoch>:<events covered>"; forget_history() starts a new epoch.
std::string cursor_text(std::size_t epoch, std::size_t covered) {
  return std::to_string(epoch) + ":" + std::to_string(covered);
}

std::optional<std::size_t> covered_by(std::string_view cursor, std::size_t epoch) {
  const auto prefix = std::to_string(epoch) + ":";
  if (!cursor.starts_with(prefix)) return std::nullopt;
  cursor.remove_prefix(prefix.size());
  std::size_t covered = 0;
  const auto parsed = std::from_chars(cursor.data(), cursor.data() + cursor.size(), covered);
  if (parsed.ec != std::errc() || parsed.ptr != cursor.data() + cursor.size()) return std::nullopt;
  return covered;
}

Response page_response(const std::vector<Event>& log, std::size_t epoch, std::size_t from) {
  FeedPage page{cursor_text(epoch, log.size()), {}};
  page.events.assign(log.begin() + static_cast<std::ptrdiff_t>(from), log.end());
  return Response{200, {}, shared::revocation::feed_page_json(page)};
}

Response unavailable() {
  return Response::detail(503, "Service temporarily unavailable");
}

}  // namespace

FakeFeedServer::FakeFeedServer(std::string_view service_secret, std::vector<Event> initial)
    : tokens_(service_secret), log_(std::move(initial)), metrics_("fake-feed") {
  // Its access log (a line per poll) would bury the test's own output.
  shared::log::configure({.level = shared::log::Level::kWarn}, "fake-feed");
  shared::http::ServerOptions options;
  options.address = "127.0.0.1";
  options.threads = 2;
  options.shutdown_grace = std::chrono::seconds(1);
  server_ = std::make_unique<shared::http::Server>(options, routes(), metrics_,
                                                   shared::http::ReadinessCheck{});
  port_ = server_->start();
  poller_ = std::thread([this] { answer_held_polls(); });
}

FakeFeedServer::~FakeFeedServer() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  poller_.join();
  server_->drain_and_stop();
}

void FakeFeedServer::push(Event event) {
  {
    const std::lock_guard lock(mutex_);
    log_.push_back(std::move(event));
  }
  changed_.notify_all();
}

void FakeFeedServer::set_down(bool down) {
  {
    const std::lock_guard lock(mutex_);
    down_ = down;
  }
  changed_.notify_all();
}

void FakeFeedServer::forget_history() {
  const std::lock_guard lock(mutex_);
  ++epoch_;
}

shared::http::Router FakeFeedServer::routes() {
  shared::http::Router router;
  router.add_async(
      "GET", "/internal/revocations", [this](const Request& request, Responder responder) {
        auto token = shared::http::bearer_token(request);
        if (!token || !tokens_.verify(*token)) {
          responder.send(
              shared::http::error_response(shared::Error::invalid_token("Invalid token")));
          return;
        }
        std::unique_lock lock(mutex_);
        if (down_) {
          lock.unlock();
          responder.send(unavailable());
          return;
        }
        const auto after = request.query_param("after");
        if (!after) {
          ++snapshots_;
          auto response = page_response(log_, epoch_, 0);
          lock.unlock();
          responder.send(std::move(response));
          return;
        }
        const auto covered = covered_by(*after, epoch_);
        if (!covered || *covered > log_.size()) {
          lock.unlock();
          responder.send(Response::detail(410, "Cursor expired"));
          return;
        }
        ++polls_;
        int wait = 0;
        const auto wait_text = request.query_param("wait").value_or("0");
        std::from_chars(wait_text.data(), wait_text.data() + wait_text.size(), wait);
        const auto cursor = *covered;
        if (cursor < log_.size() || wait <= 0 || stopping_) {
          auto response = page_response(log_, epoch_, cursor);
          lock.unlock();
          responder.send(std::move(response));
          return;
        }
        held_.push_back(std::make_shared<Held>(
            Held{std::move(responder), cursor,
                 std::chrono::steady_clock::now() + std::chrono::seconds(std::min(wait, 30))}));
        changed_.notify_all();
      });
  return router;
}

void FakeFeedServer::answer_held_polls() {
  std::unique_lock lock(mutex_);
  while (true) {
    changed_.wait_for(lock, std::chrono::milliseconds(50));
    const auto now = std::chrono::steady_clock::now();
    std::vector<std::pair<std::shared_ptr<Held>, Response>> ready;
    std::erase_if(held_, [&](const std::shared_ptr<Held>& held) {
      if (down_) {
        ready.emplace_back(held, unavailable());
      } else if (stopping_ || held->cursor < log_.size() || now >= held->deadline) {
        ready.emplace_back(held, page_response(log_, epoch_, held->cursor));
      } else {
        return false;
      }
      return true;
    });
    const bool stop = stopping_;
    lock.unlock();
    for (auto& [held, response] : ready) held->responder.send(std::move(response));
    if (stop) return;
    lock.lock();
  }
}

}  // namespace task_test
