#include "operational_routes.hpp"

namespace shared::http {

void add_operational_routes(Router& router, const metrics::Registry& metrics,
                            ReadinessCheck readiness, const std::atomic<bool>& draining) {
  router.add("GET", "/healthz", [](const Request&) {
    return Response::json(200, {{"status", "ok"}});
  });

  router.add("GET", "/readyz", [readiness = std::move(readiness), &draining](const Request&) {
    if (draining.load()) {
      return Response::json(503, {{"status", "unavailable"}, {"reason", "shutting down"}});
    }
    if (!readiness.dependencies_ready()) {
      return Response::json(503, {{"status", "unavailable"}, {"reason", "database unavailable"}});
    }
    return Response::json(200, {{"status", "ready"}});
  });

  router.add("GET", "/metrics", [&metrics](const Request&) {
    Response response;
    response.body = metrics.render();
    response.content_type = "text/plain; version=0.0.4; charset=utf-8";
    return response;
  });
}

}  // namespace shared::http
