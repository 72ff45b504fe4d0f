#pragma once
// The auth-service endpoints (docs/api.md, "auth-service"): thin
// handlers that turn requests into use-case calls and results into responses.
// Sign-up and log-in run on the bounded worker pool (bcrypt); a full queue is
// answered 503 at once. Me and verify are cheap and answer on the HTTP thread.

#include "auth/adapters/workers/bounded_worker_pool.hpp"
#include "auth/app/get_current_user.hpp"
#include "auth/app/log_in.hpp"
#include "auth/app/sign_up.hpp"
#include "auth/app/verify_token.hpp"
#include "shared/http/router.hpp"

namespace auth::adapters::http {

struct AuthUseCases {
  const app::SignUp& sign_up;
  const app::LogIn& log_in;
  const app::GetCurrentUser& get_current_user;
  const app::VerifyToken& verify_token;
};

// Everything referenced must outlive the router and the server using it.
void add_auth_routes(shared::http::Router& router, AuthUseCases use_cases,
                     workers::BoundedWorkerPool& workers);

}  // namespace auth::adapters::http
