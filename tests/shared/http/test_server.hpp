#pragma once
// An in-process Server with routes that exercise every path of the HTTP
// layer: sync and async handlers, a throwing one, one that forgets to answer,
// a large response.

#include <atomic>
#include <memory>
#include <thread>

#include "shared/http/error_response.hpp"
#include "shared/http/json_body.hpp"
#include "shared/http/server.hpp"

namespace test {

inline shared::http::Router sample_routes() {
  using namespace shared::http;
  Router router;
  router.add("GET", "/hello", [](const Request& r) {
    return Response::json(200, {{"hello", "world"}, {"client", r.client_address}});
  });
  router.add("POST", "/echo", [](const Request& r) {
    auto body = json_object_body(r);
    if (!body) return error_response(body.error());
    return Response::json(200, *body);
  });
  router.add("GET", "/items/{id}", [](const Request& r) {
    return Response::json(200,
                          {{"id", r.path_param("id")}, {"q", r.query_param("q").value_or("")}});
  });
  router.add("GET", "/throws", [](const Request&) -> Response {
    throw std::runtime_error("secret internals: password=hunter2");
  });
  router.add_async("GET", "/forgets", [](const Request&, Responder) {});
  router.add_async("GET", "/slow", [](const Request&, Responder responder) {
    std::thread([responder = std::move(responder)]() mutable {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      responder.send(Response::json(200, {{"slow", true}}));
    }).detach();
  });
  router.add("GET", "/large", [](const Request&) {
    nlohmann::json items = nlohmann::json::array();
    for (int i = 0; i < 2000; ++i)
      items.push_back(std::string(250, static_cast<char>('a' + i % 26)));
    return Response::json(200, items);
  });
  return router;
}

struct RunningServer {
  explicit RunningServer(
      shared::http::ServerOptions options = {}, std::function<bool()> ready = [] { return true; })
      : metrics("test"),
        server(with_defaults(std::move(options)), sample_routes(), metrics, {std::move(ready)}) {
    port = server.start();
  }
  static shared::http::ServerOptions with_defaults(shared::http::ServerOptions options) {
    if (options.address == shared::http::ServerOptions{}.address) options.address = "127.0.0.1";
    options.threads = 2;
    if (options.trusted_proxies.empty()) {
      options.trusted_proxies = shared::config::CidrSet::parse({"127.0.0.1/32"}).value();
    }
    return options;
  }
  shared::metrics::Registry metrics;
  shared::http::Server server;
  std::uint16_t port = 0;
};

}  // namespace test
