#include "connection.hpp"

#include "dispatch.hpp"

namespace shared::http {
namespace {

constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

}  // namespace

Connection::Connection(std::shared_ptr<ServerState> state, ClientSocket socket,
                       std::string peer_address, Wake wake)
    : state_(std::move(state)),
      socket_(std::move(socket)),
      peer_address_(std::move(peer_address)),
      wake_(std::move(wake)),
      parser_(state_->limits.parser),
      request_started_(Clock::now()),
      idle_since_(Clock::now()) {}

void Connection::on_input(std::string_view bytes) {
  std::unique_lock lock(mutex_);
  // After the last answer, or once the request in progress is refused,
  // input is read only to be dropped (see written()'s linger).
  if (closed_ || closing_) return;
  if (!parser_.in_request()) request_started_ = Clock::now();
  parser_.feed(bytes);
  // Pipelined requests wait in the parser while one is handled. A client
  // that sends far more than a whole request ahead gets the request in
  // progress answered, and then the connection closes; it may send the
  // unanswered rest again (RFC 9112 §9.3.2).
  if (parser_.buffered() > state_->limits.max_buffered_bytes()) {
    closing_ = true;
    return;
  }
  pump(lock);
}

void Connection::on_input_ended() {
  std::unique_lock lock(mutex_);
  input_ended_ = true;
  if (lingering_) return close_now();  // the client has read the last answer
  pump(lock);
}

void Connection::resume() {
  std::unique_lock lock(mutex_);
  pump(lock);
}

// Parses and dispatches buffered requests while nothing is in progress.
void Connection::pump(std::unique_lock<std::mutex>& lock) {
  while (!closed_ && !handling_ && !writing_ && !lingering_) {
    if (closing_) return close_now();
    switch (parser_.advance()) {
      case RequestParser::Result::kError:
        return answer_error(lock, parser_.error());
      case RequestParser::Result::kNeedMore:
        if (parser_.wants_continue()) {
          parser_.continue_sent();
          writing_ = true;
          lock.unlock();
          state_->writer.send(socket_.fd(), std::string(kContinue), false,
                              [self = shared_from_this()](bool ok) { self->written(ok, false); });
          lock.lock();
          continue;
        }
        // A client that sent EOF has asked all it will ask; a request it
        // cut short can never complete.
        if (input_ended_) close_now();
        return;
      case RequestParser::Result::kRequest: {
        handling_ = true;
        ParsedRequest parsed = parser_.take_request();
        lock.unlock();
        dispatch(std::move(parsed));
        lock.lock();
        break;
      }
    }
  }
}

void Connection::dispatch(ParsedRequest parsed) {
  http::dispatch(std::move(parsed), peer_address_, shared_from_this(), state_);
}

void Connection::answer_error(std::unique_lock<std::mutex>& lock, const ParseError& error) {
  closing_ = true;
  handling_ = true;
  ParsedRequest partial = parser_.partial();
  lock.unlock();
  dispatch_error(error, partial, peer_address_, shared_from_this(), state_);
  lock.lock();
}

bool Connection::must_close() const {
  std::lock_guard lock(mutex_);
  return closing_;
}

void Connection::write_answer(std::string bytes, bool close) {
  {
    std::lock_guard lock(mutex_);
    handling_ = false;
    writing_ = true;
    if (close) closing_ = true;
    close = closing_;  // decided after the answer was built (input overflow)
  }
  state_->writer.send(socket_.fd(), std::move(bytes), close,
                      [self = shared_from_this()](bool ok) { self->written(ok, true); });
}

void Connection::written(bool ok, bool was_answer) {
  std::lock_guard lock(mutex_);
  writing_ = false;
  if (!ok) {
    close_now();
    return;
  }
  if (was_answer) {
    answered_any_ = true;
    idle_since_ = Clock::now();
    if (parser_.in_request()) request_started_ = idle_since_;
  }
  if (closing_ && was_answer) {
    // Half-closed by the writer: the client reads the answer, then EOF. Its
    // unread input (a refused body, pipelined requests) is drained for a
    // moment rather than left to turn the close into a reset that could
    // destroy the answer in flight.
    lingering_ = true;
    linger_until_ = idle_since_ + state_->limits.linger;
    return;
  }
  // The reactor thread goes on with what is buffered.
  if (wake_) wake_(weak_from_this());
}

void Connection::on_tick(Clock::time_point now) {
  std::unique_lock lock(mutex_);
  if (closed_) return;
  if (lingering_) {
    if (now >= linger_until_) close_now();
    return;
  }
  if (handling_ || writing_) return;  // a handler's time is the handler's to bound
  if (parser_.in_request()) {
    if (now - request_started_ >= state_->limits.request_timeout) {
      answer_error(lock, {408, "Request timeout: the request did not arrive in time"});
    }
    return;
  }
  // A connection that has not sent a byte yet gets the request timeout, not
  // the keep-alive one: opening sockets and saying nothing must not hold
  // them for long.
  const auto idle_limit =
      answered_any_ ? state_->limits.keepalive_timeout : state_->limits.request_timeout;
  if (state_->draining.load() || now - idle_since_ >= idle_limit) close_now();
}

void Connection::close_now() {
  if (closed_) return;
  closed_ = true;
  // Both ways: Pistache's reactor reads EOF on its descriptor and forgets
  // the peer; our duplicate closes when the last holder lets go.
  socket_.shut_down();
}

void Connection::abort() {
  std::lock_guard lock(mutex_);
  close_now();
}

bool Connection::finished() const {
  std::lock_guard lock(mutex_);
  return closed_ && !handling_ && !writing_;
}

}  // namespace shared::http
