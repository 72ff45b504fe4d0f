#include "socket_writer.hpp"

#include <cerrno>
#include <stdexcept>

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace shared::http {
namespace {

enum class Progress { kDone, kBlocked, kFailed };

// Writes as much of `pending` as the socket takes now. MSG_NOSIGNAL: a
// client that hung up is an error to drop, not a SIGPIPE.
template <class Pending>
Progress write_some(Pending& pending) {
  while (pending.written < pending.bytes.size()) {
    const ssize_t n = ::send(pending.fd, pending.bytes.data() + pending.written,
                             pending.bytes.size() - pending.written, MSG_NOSIGNAL);
    if (n > 0) {
      pending.written += static_cast<std::size_t>(n);
      pending.last_progress = std::chrono::steady_clock::now();
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      return Progress::kBlocked;
    } else {
      return Progress::kFailed;
    }
  }
  return Progress::kDone;
}

template <class Pending>
void finish(Pending& pending, Progress progress) {
  const bool ok = progress == Progress::kDone;
  // A failed or abandoned write leaves the client a truncated answer: close
  // so it cannot take what follows for the rest of it.
  if (!ok) {
    ::shutdown(pending.fd, SHUT_RDWR);
  } else if (pending.close_after) {
    ::shutdown(pending.fd, SHUT_WR);
  }
  if (pending.done) pending.done(ok);
}

}  // namespace

SocketWriter::SocketWriter(std::chrono::milliseconds stall_timeout)
    : stall_timeout_(stall_timeout), wake_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  if (wake_fd_ < 0) throw std::runtime_error("eventfd failed");
  thread_ = std::thread([this] { run(); });
}

SocketWriter::~SocketWriter() {
  stopping_.store(true);
  wake();
  thread_.join();
  ::close(wake_fd_);
}

void SocketWriter::wake() const {
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto ignored = ::write(wake_fd_, &one, sizeof one);
}

void SocketWriter::send(int fd, std::string bytes, bool close_after, Done done) {
  Pending pending{fd,          std::move(bytes), 0,
                  close_after, std::move(done),  std::chrono::steady_clock::now()};
  if (fd < 0) return finish(pending, Progress::kFailed);
  const Progress progress = write_some(pending);
  if (progress != Progress::kBlocked) return finish(pending, progress);
  pending_count_.fetch_add(1);
  {
    std::lock_guard lock(mutex_);
    incoming_.push_back(std::move(pending));
  }
  wake();
}

void SocketWriter::run() {
  std::vector<Pending> active;
  std::vector<pollfd> polled;
  while (!stopping_.load()) {
    {
      std::lock_guard lock(mutex_);
      for (auto& p : incoming_) active.push_back(std::move(p));
      incoming_.clear();
    }
    polled.assign(1, pollfd{wake_fd_, POLLIN, 0});
    for (const auto& p : active) polled.push_back(pollfd{p.fd, POLLOUT, 0});
    // The timeout only bounds how late a stalled write is noticed.
    ::poll(polled.data(), polled.size(), 500);
    if (polled[0].revents & POLLIN) {
      std::uint64_t count = 0;
      [[maybe_unused]] const auto ignored = ::read(wake_fd_, &count, sizeof count);
    }

    const auto now = std::chrono::steady_clock::now();
    std::vector<Pending> still_active;
    for (std::size_t i = 0; i < active.size(); ++i) {
      Pending& p = active[i];
      Progress progress = Progress::kBlocked;
      if (polled[i + 1].revents & (POLLOUT | POLLERR | POLLHUP)) progress = write_some(p);
      if (progress == Progress::kBlocked && now - p.last_progress > stall_timeout_) {
        progress = Progress::kFailed;
      }
      if (progress == Progress::kBlocked) {
        still_active.push_back(std::move(p));
      } else {
        finish(p, progress);
        pending_count_.fetch_sub(1);
      }
    }
    active = std::move(still_active);
  }
}

}  // namespace shared::http
