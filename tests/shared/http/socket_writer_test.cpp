// SocketWriter over a socketpair: whole answers, in the background when the
// socket is full, half-closed only after the last byte, abandoned when
// stalled, and `done` told how it went, once.
#include "socket_writer.hpp"

#include <atomic>
#include <chrono>
#include <thread>

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using shared::http::SocketWriter;

namespace {

// A connected pair: the server end non-blocking like Pistache's sockets,
// with a small send buffer so a few hundred KiB cannot go out at once.
struct Pair {
  int server = -1;
  int client = -1;
  Pair() {
    int fds[2];
    REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
    server = fds[0];
    client = fds[1];
    const int small = 4096;
    ::setsockopt(server, SOL_SOCKET, SO_SNDBUF, &small, sizeof small);
    ::fcntl(server, F_SETFL, ::fcntl(server, F_GETFL) | O_NONBLOCK);
  }
  ~Pair() {
    ::close(server);
    if (client >= 0) ::close(client);
  }
  // Everything the client receives until EOF or `quiet` without a byte.
  std::string read_all(std::chrono::milliseconds quiet = std::chrono::seconds(5)) const {
    std::string out;
    char buffer[65536];
    for (;;) {
      pollfd p{client, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(quiet.count())) <= 0) return out + "<quiet>";
      const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
      if (n <= 0) return out;
      out.append(buffer, static_cast<std::size_t>(n));
    }
  }
};

// Records what `done` reported, from whichever thread it runs on.
struct Outcome {
  std::atomic<int> calls{0};
  std::atomic<bool> ok{false};
  SocketWriter::Done callback() {
    return [this](bool success) {
      ok.store(success);
      calls.fetch_add(1);
    };
  }
  bool wait(std::chrono::milliseconds limit = std::chrono::seconds(5)) const {
    for (auto waited = std::chrono::milliseconds(0); calls.load() == 0 && waited < limit;
         waited += std::chrono::milliseconds(10)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return calls.load() == 1;
  }
};

std::string pattern(std::size_t size) {
  std::string bytes(size, '\0');
  for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>('a' + i % 26);
  return bytes;
}

}  // namespace

TEST_CASE("a small answer is written at once and the connection kept") {
  Pair pair;
  SocketWriter writer;
  Outcome outcome;
  writer.send(pair.server, "HTTP/1.1 200 OK\r\n\r\n", false, outcome.callback());
  CHECK(writer.pending() == 0);
  CHECK(outcome.calls.load() == 1);  // at once, on this thread
  CHECK(outcome.ok.load());
  CHECK(pair.read_all(std::chrono::milliseconds(200)) == "HTTP/1.1 200 OK\r\n\r\n<quiet>");
}

TEST_CASE("a large answer finishes in the background, then closes when asked") {
  Pair pair;
  SocketWriter writer;
  const std::string bytes = pattern(2 * 1024 * 1024);
  const auto started = std::chrono::steady_clock::now();
  Outcome outcome;
  writer.send(pair.server, bytes, true, outcome.callback());
  // The caller (a reactor or worker thread) did not wait for the reader.
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
  CHECK(writer.pending() == 1);
  const std::string received = pair.read_all();
  CHECK(received.size() == bytes.size());
  CHECK(received == bytes);  // whole, in order, and then EOF (no "<quiet>")
  CHECK(outcome.wait());
  CHECK(outcome.ok.load());
  for (int i = 0; i < 100 && writer.pending() != 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(writer.pending() == 0);
}

TEST_CASE("a reader that stops reading is cut off after the stall timeout") {
  Pair pair;
  SocketWriter writer(std::chrono::milliseconds(300));
  Outcome outcome;
  writer.send(pair.server, pattern(2 * 1024 * 1024), false, outcome.callback());
  REQUIRE(writer.pending() == 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  CHECK(writer.pending() == 0);
  CHECK(outcome.wait());
  CHECK_FALSE(outcome.ok.load());
  // What was buffered arrives, then EOF: never a silent half answer that
  // the client could take for a whole one followed by more.
  const std::string received = pair.read_all();
  CHECK(received.size() < 2u * 1024 * 1024);
  CHECK(received.find("<quiet>") == std::string::npos);
}

TEST_CASE("a client that hung up is dropped without a signal") {
  Pair pair;
  ::close(pair.client);
  pair.client = -1;
  SocketWriter writer;
  Outcome outcome;
  writer.send(pair.server, pattern(1024 * 1024), false, outcome.callback());
  for (int i = 0; i < 100 && writer.pending() != 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(writer.pending() == 0);
  CHECK(outcome.wait());
  CHECK_FALSE(outcome.ok.load());
}
