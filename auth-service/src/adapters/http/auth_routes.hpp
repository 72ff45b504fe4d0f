#pragma once
// The auth-service endpoints (docs/api.md, "auth-service"): thin
// handlers that turn requests into use-case calls and results into responses.
// Whatever checks a password (sign-up, log-in, password change, account
// deletion) runs on the bounded worker pool (bcrypt); a full queue is
// answered 503 at once. The rest is cheap and answers on the HTTP thread.

#include "auth/adapters/workers/bounded_worker_pool.hpp"
#include "auth/app/change_password.hpp"
#include "auth/app/delete_account.hpp"
#include "auth/app/get_current_user.hpp"
#include "auth/app/log_in.hpp"
#include "auth/app/log_out.hpp"
#include "auth/app/log_out_everywhere.hpp"
#include "auth/app/refresh_session.hpp"
#include "auth/app/sign_up.hpp"
#include "auth/app/verify_token.hpp"
#include "shared/http/router.hpp"

namespace auth::adapters::http {

struct AuthUseCases {
  // Bearer endpoints with a body check the token first, as FastAPI's
  // dependencies do: a bad token is 401 whatever the body.
  const app::Authenticate& authenticate;
  const app::SignUp& sign_up;
  const app::LogIn& log_in;
  const app::GetCurrentUser& get_current_user;
  const app::VerifyToken& verify_token;
  const app::RefreshSession& refresh_session;
  const app::LogOut& log_out;
  const app::LogOutEverywhere& log_out_everywhere;
  const app::ChangePassword& change_password;
  const app::DeleteAccount& delete_account;
};

// Everything referenced must outlive the router and the server using it.
void add_auth_routes(shared::http::Router& router, AuthUseCases use_cases,
                     workers::BoundedWorkerPool& workers);

}  // namespace auth::adapters::http
