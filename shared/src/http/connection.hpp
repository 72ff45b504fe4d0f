#pragma once
// Internal: one client connection, from the first byte to the close.
//
// Requests are parsed here (request_parser.hpp) and dispatched one at a
// time: the next pipelined request is parsed only once the previous answer
// is completely written, so answers go out in request order, a slow answer
// holds back only its own connection, and a client that sends but never
// reads stops being served. The connection's fate is decided when an answer
// is written, not when a handler returns: an answer finished late on a
// worker thread still says `Connection: close` and closes after its last byte.
//
// Threads: input, timers and resumption run on the connection's reactor
// thread; answers arrive from any thread. One mutex guards the state; it is
// never held while a handler runs or while writing.

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "client_socket.hpp"
#include "request_parser.hpp"
#include "server_state.hpp"

namespace shared::http {

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  using Clock = std::chrono::steady_clock;
  // Called (on any thread) when this connection can go on with buffered
  // input: the reactor thread then calls resume().
  using Wake = std::function<void(std::weak_ptr<Connection>)>;

  Connection(std::shared_ptr<ServerState> state, ClientSocket socket, std::string peer_address,
             Wake wake);

  // Reactor thread.
  void on_input(std::string_view bytes);
  void on_input_ended();  // the client sent EOF (it may still read answers)
  void resume();
  void on_tick(Clock::time_point now);
  bool finished() const;  // closed, nothing in flight: can be forgotten
  void abort();           // the server stopped: close, whatever is in progress

  // Any thread: writes one complete answer. With `close`, the connection
  // ends after it (a half-close, then a short linger so the client reads it
  // before any reset).
  void write_answer(std::string bytes, bool close);
  // Whether answers must say `Connection: close` whatever the request said.
  bool must_close() const;

 private:
  void pump(std::unique_lock<std::mutex>& lock);
  void answer_error(std::unique_lock<std::mutex>& lock, const ParseError& error);
  void dispatch(ParsedRequest parsed);
  void written(bool ok, bool was_answer);
  void close_now();  // under the lock

  const std::shared_ptr<ServerState> state_;
  const ClientSocket socket_;
  const std::string peer_address_;
  const Wake wake_;

  mutable std::mutex mutex_;
  RequestParser parser_;
  bool handling_ = false;     // a request is with its handler
  bool writing_ = false;      // bytes are being written
  bool closing_ = false;      // no more requests: the last answer closes
  bool input_ended_ = false;  // the client sent EOF
  bool closed_ = false;       // shut down: nothing more happens
  bool lingering_ = false;    // half-closed after the last answer, draining input
  bool answered_any_ = false;
  Clock::time_point request_started_;  // first byte of the request being received
  Clock::time_point idle_since_;       // the last answer (or the accept)
  Clock::time_point linger_until_;
};

}  // namespace shared::http
