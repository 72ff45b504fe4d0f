#include "connection_handler.hpp"

#include <stdexcept>

#include <pistache/peer.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "shared/log/logging.hpp"

namespace shared::http {
namespace Polling = Pistache::Polling;

// --- the wake-up queue ---------------------------------------------------------

ConnectionHandler::WakeQueue::WakeQueue() : fd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  if (fd < 0) throw std::runtime_error("eventfd failed");
}

ConnectionHandler::WakeQueue::~WakeQueue() {
  ::close(fd);
}

void ConnectionHandler::WakeQueue::push(std::weak_ptr<Connection> connection) {
  {
    std::lock_guard lock(mutex);
    connections.push_back(std::move(connection));
  }
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto ignored = ::write(fd, &one, sizeof one);
}

std::vector<std::weak_ptr<Connection>> ConnectionHandler::WakeQueue::take() {
  std::uint64_t count = 0;
  [[maybe_unused]] const auto ignored = ::read(fd, &count, sizeof count);
  std::lock_guard lock(mutex);
  return std::exchange(connections, {});
}

// --- the handler -----------------------------------------------------------------

ConnectionHandler::ConnectionHandler(std::shared_ptr<ServerState> state)
    : state_(std::move(state)), queue_(std::make_shared<WakeQueue>()) {}

ConnectionHandler::~ConnectionHandler() {
  // The server has stopped (after its drain): end every connection this
  // thread still holds. Nothing is dispatched any more.
  for (auto& [key, connection] : all_) connection->abort();
}

void ConnectionHandler::onConnection(const std::shared_ptr<Pistache::Tcp::Peer>& peer) {
  // Our own descriptor for the socket (client_socket.hpp): answers written
  // from other threads cannot reach a later client that inherits the
  // number Pistache closes.
  ClientSocket socket = ClientSocket::duplicate(peer->fd());
  if (!socket.valid()) {
    log::warn("out of file descriptors: dropping a connection");
    ::shutdown(peer->fd(), SHUT_RDWR);
    return;
  }
  auto connection = std::make_shared<Connection>(
      state_, std::move(socket), peer->address().host(),
      [queue = queue_](std::weak_ptr<Connection> c) { queue->push(std::move(c)); });
  by_peer_.emplace(peer.get(), connection);
  all_.emplace(connection.get(), connection);
}

void ConnectionHandler::onInput(const char* buffer, size_t length,
                                const std::shared_ptr<Pistache::Tcp::Peer>& peer) {
  const auto it = by_peer_.find(peer.get());
  if (it != by_peer_.end()) it->second->on_input(std::string_view(buffer, length));
}

void ConnectionHandler::onDisconnection(const std::shared_ptr<Pistache::Tcp::Peer>& peer) {
  const auto it = by_peer_.find(peer.get());
  if (it == by_peer_.end()) return;
  const auto connection = std::move(it->second);
  by_peer_.erase(it);
  connection->on_input_ended();
  forget_if_finished(connection);
}

void ConnectionHandler::on_wake() {
  for (auto& weak : queue_->take()) {
    if (const auto connection = weak.lock()) {
      connection->resume();
      forget_if_finished(connection);
    }
  }
}

// Also the sweep for connections that finished on another thread (an answer
// whose write failed), which no event on this thread names.
void ConnectionHandler::on_tick() {
  const auto now = Connection::Clock::now();
  for (const auto& [key, connection] : all_) connection->on_tick(now);
  std::erase_if(all_, [](const auto& entry) { return entry.second->finished(); });
}

void ConnectionHandler::forget_if_finished(const std::shared_ptr<Connection>& connection) {
  if (connection->finished()) all_.erase(connection.get());
}

// --- the transport ---------------------------------------------------------------

ConnectionTransport::ConnectionTransport(std::shared_ptr<ConnectionHandler> handler)
    : Pistache::Tcp::Transport(handler), handler_(std::move(handler)) {}

ConnectionTransport::~ConnectionTransport() {
  if (timer_fd_ >= 0) ::close(timer_fd_);
}

void ConnectionTransport::registerPoller(Polling::Epoll& poller) {
  Transport::registerPoller(poller);
  // Timeouts are checked four times a second: a deadline is kept to within
  // a quarter of a second, and an idle server wakes rarely.
  timer_fd_ = ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
  if (timer_fd_ < 0) throw std::runtime_error("timerfd_create failed");
  itimerspec every{};
  every.it_interval.tv_nsec = 250'000'000;
  every.it_value = every.it_interval;
  ::timerfd_settime(timer_fd_, 0, &every, nullptr);
  poller.addFd(timer_fd_, Pistache::Flags<Polling::NotifyOn>(Polling::NotifyOn::Read),
               Polling::Tag(timer_fd_));
  poller.addFd(handler_->wake_fd(), Pistache::Flags<Polling::NotifyOn>(Polling::NotifyOn::Read),
               Polling::Tag(handler_->wake_fd()));
}

void ConnectionTransport::onReady(const Pistache::Aio::FdSet& fds) {
  for (const auto& entry : fds) {
    if (entry.getTag() == Polling::Tag(timer_fd_)) {
      std::uint64_t expirations = 0;
      [[maybe_unused]] const auto ignored = ::read(timer_fd_, &expirations, sizeof expirations);
      handler_->on_tick();
    } else if (entry.getTag() == Polling::Tag(handler_->wake_fd())) {
      handler_->on_wake();
    }
  }
  // Pistache's own descriptors (peers, its queues); it skips ours.
  Transport::onReady(fds);
}

std::shared_ptr<Pistache::Aio::Handler> ConnectionTransport::clone() const {
  return std::make_shared<ConnectionTransport>(
      std::static_pointer_cast<ConnectionHandler>(handler_->clone()));
}

}  // namespace shared::http
