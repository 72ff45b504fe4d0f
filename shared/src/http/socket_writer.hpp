#pragma once
// Internal: writes whole responses to client sockets, from any thread.
//
// send() writes what the socket takes at once on the caller's thread, which
// is everything for all but large answers to slow readers. The rest goes to
// one background thread that waits until each socket drains, so a slow
// reader never holds a reactor or a worker thread. A write that makes no
// progress for `stall_timeout` is abandoned and its connection closed.
// With `close_after`, the sending side is shut down (FIN) once the last
// byte is written, never before; a failed or abandoned write shuts the
// socket down both ways. `done(ok)` then runs, on the caller's thread when
// everything went out at once, else on the writer's thread.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace shared::http {

class SocketWriter {
 public:
  explicit SocketWriter(std::chrono::milliseconds stall_timeout = std::chrono::seconds(30));
  ~SocketWriter();  // stops the thread; unfinished writes are dropped
  SocketWriter(const SocketWriter&) = delete;
  SocketWriter& operator=(const SocketWriter&) = delete;

  using Done = std::function<void(bool ok)>;
  // `fd` must stay open until `done` has run (the caller owns it).
  void send(int fd, std::string bytes, bool close_after, Done done);

  // Writes handed to the background thread and not finished yet.
  std::size_t pending() const { return pending_count_.load(); }

 private:
  struct Pending {
    int fd = -1;
    std::string bytes;
    std::size_t written = 0;
    bool close_after = false;
    Done done;
    std::chrono::steady_clock::time_point last_progress;
  };

  void run();
  void wake() const;

  const std::chrono::milliseconds stall_timeout_;
  int wake_fd_ = -1;  // eventfd: new work, or stop
  std::mutex mutex_;
  std::vector<Pending> incoming_;  // guarded by mutex_
  std::atomic<bool> stopping_{false};
  std::atomic<std::size_t> pending_count_{0};
  std::thread thread_;
};

}  // namespace shared::http
