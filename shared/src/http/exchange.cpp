#include "exchange.hpp"

#include <cmath>

#include "shared/log/logging.hpp"

#include "connection.hpp"
#include "wire_response.hpp"

namespace shared::http {

Exchange::Exchange(Request request, std::shared_ptr<Connection> connection, bool keep_alive,
                   std::shared_ptr<ServerState> state)
    : request_(std::move(request)),
      connection_(std::move(connection)),
      keep_alive_(keep_alive),
      state_(std::move(state)) {
  state_->in_flight.fetch_add(1);
}

Exchange::~Exchange() {
  finish_in_flight();
}

void Exchange::finish_in_flight() {
  if (counted_.exchange(false)) state_->in_flight.fetch_sub(1);
}

namespace {

// Methods are a client's free text; as a metric label they must come from a
// fixed set, or each invented method would add a time series.
std::string_view method_label(std::string_view method) {
  for (std::string_view known : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
    if (method == known) return known;
  }
  return "OTHER";
}

}  // namespace

void Exchange::complete(Response response) {
  if (completed_.exchange(true)) return;

  const bool close = !keep_alive_ || state_->draining.load() || connection_->must_close();
  HeaderList headers;
  headers.reserve(response.headers.size() + 3);
  headers.emplace_back("Connection", close ? "close" : "keep-alive");
  headers.emplace_back("X-Request-ID", request_.request_id);
  if (!response.content_type.empty()) headers.emplace_back("Content-Type", response.content_type);
  for (auto& header : response.headers) headers.push_back(std::move(header));

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  state_->metrics.observe_request(method_label(request_.method), request_.route, response.status,
                                  seconds);
  log::info("request", {{"request_id", request_.request_id},
                        {"method", request_.method},
                        {"route", request_.route},
                        {"status", response.status},
                        {"duration_ms", std::round(seconds * 1e6) / 1e3},  // µs precision
                        {"client", request_.client_address}});

  // An answer to HEAD has the headers of the answer to GET, not its body.
  connection_->write_answer(wire_response(response.status, headers, response.body,
                                          /*send_body=*/request_.method != "HEAD"),
                            close);
  finish_in_flight();
}

}  // namespace shared::http
