#pragma once
// Internal: our own descriptor for one client's socket, a dup(2) of the one
// Pistache reads from, so an answer can only ever reach the client that
// asked for it.
//
// Pistache 0.0.5 queues writes by descriptor *number*, and our close went
// by number too. When a client hangs up, Pistache closes that number and
// the kernel hands it to the next accepted connection at once; anything
// sent by number afterwards (an answer finished late on a worker thread, a
// shutdown for `Connection: close`) lands on a stranger's connection. That
// lost about 1 login in 10 under `Connection: close`, and could have handed
// one client's answer to another. A duplicate names the socket itself:
// it stays valid whatever Pistache closes, and only we close it.

#include <utility>

#include <sys/socket.h>
#include <unistd.h>

namespace shared::http {

class ClientSocket {
 public:
  ClientSocket() = default;
  // A duplicate of `fd`; !valid() when the process is out of descriptors.
  static ClientSocket duplicate(int fd) { return ClientSocket(::dup(fd)); }

  ClientSocket(ClientSocket&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  ClientSocket& operator=(ClientSocket&&) = delete;
  ClientSocket(const ClientSocket&) = delete;
  ClientSocket& operator=(const ClientSocket&) = delete;
  ~ClientSocket() { reset(); }

  bool valid() const { return fd_ >= 0; }
  int fd() const { return fd_; }

  // Ends the connection for both sides: the client reads EOF after what was
  // written, and Pistache's reactor sees EOF and forgets the peer.
  void shut_down() const {
    if (valid()) ::shutdown(fd_, SHUT_RDWR);
  }

 private:
  explicit ClientSocket(int fd) : fd_(fd) {}
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

  int fd_ = -1;
};

}  // namespace shared::http
