#pragma once
// GET /healthz (liveness), GET /readyz (readiness: the dependency answers and
// the server is not draining), GET /metrics (Prometheus text 0.0.4).

// Internal: Server adds them to every service's router.

#include <atomic>

#include "shared/http/router.hpp"
#include "shared/http/server.hpp"
#include "shared/metrics/registry.hpp"

namespace shared::http {

void add_operational_routes(Router& router, const metrics::Registry& metrics,
                            ReadinessCheck readiness, const std::atomic<bool>& draining);

}  // namespace shared::http
