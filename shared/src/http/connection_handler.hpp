#pragma once
// Internal: where Pistache's TCP reactor meets our connections.
//
// Pistache 0.0.5 gives this server its listener and reactor threads (accept,
// epoll, reads); HTTP itself is ours (docs/architecture.md, "The HTTP
// layer"). ConnectionHandler is Pistache's per-reactor-thread handler: it
// keeps one Connection per client and feeds it the bytes Pistache reads.
// ConnectionTransport is Pistache's transport for that thread plus two
// descriptors on the same epoll: a timer for timeouts and an eventfd by
// which answers finished on other threads hand their connection back to
// this thread.

#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include <pistache/tcp.h>
#include <pistache/transport.h>

#include "connection.hpp"
#include "server_state.hpp"

namespace shared::http {

class ConnectionHandler : public Pistache::Tcp::Handler {
 public:
  explicit ConnectionHandler(std::shared_ptr<ServerState> state);
  ~ConnectionHandler() override;

  std::shared_ptr<Pistache::Tcp::Handler> clone() const override {
    return std::make_shared<ConnectionHandler>(state_);
  }

  void onConnection(const std::shared_ptr<Pistache::Tcp::Peer>& peer) override;
  void onInput(const char* buffer, size_t length,
               const std::shared_ptr<Pistache::Tcp::Peer>& peer) override;
  void onDisconnection(const std::shared_ptr<Pistache::Tcp::Peer>& peer) override;

  // On the reactor thread, from the transport.
  int wake_fd() const { return queue_->fd; }
  void on_wake();
  void on_tick();

 private:
  // Drops `connection` once it has nothing left to do.
  void forget_if_finished(const std::shared_ptr<Connection>& connection);

  // The wake-up queue, shared with the connections' callbacks so that an
  // answer finished after this handler is gone still finds a live (if
  // unpolled) eventfd.
  struct WakeQueue {
    WakeQueue();
    ~WakeQueue();
    void push(std::weak_ptr<Connection> connection);
    std::vector<std::weak_ptr<Connection>> take();

    std::mutex mutex;
    std::vector<std::weak_ptr<Connection>> connections;
    int fd = -1;
  };

  std::shared_ptr<ServerState> state_;
  std::shared_ptr<WakeQueue> queue_;
  // Reactor thread only. A connection stays after its peer's EOF until it
  // has answered what it read (`all_`); `by_peer_` routes input. Keyed by
  // address, so a connection leaves in constant time however many there are.
  std::unordered_map<const Pistache::Tcp::Peer*, std::shared_ptr<Connection>> by_peer_;
  std::unordered_map<const Connection*, std::shared_ptr<Connection>> all_;
};

class ConnectionTransport : public Pistache::Tcp::Transport {
 public:
  explicit ConnectionTransport(std::shared_ptr<ConnectionHandler> handler);
  ~ConnectionTransport() override;

  void registerPoller(Pistache::Polling::Epoll& poller) override;
  void onReady(const Pistache::Aio::FdSet& fds) override;
  std::shared_ptr<Pistache::Aio::Handler> clone() const override;

 private:
  std::shared_ptr<ConnectionHandler> handler_;
  int timer_fd_ = -1;
};

}  // namespace shared::http
