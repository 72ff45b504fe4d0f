#include "auth/adapters/http/auth_routes.hpp"

#include <memory>

#include "auth/adapters/http/credentials_body.hpp"
#include "auth/adapters/http/session_body.hpp"
#include "auth/adapters/http/user_json.hpp"
#include "shared/http/bearer.hpp"
#include "shared/http/error_response.hpp"
#include "shared/log/logging.hpp"

namespace auth::adapters::http {
namespace {

using shared::http::Request;
using shared::http::Responder;
using shared::http::Response;

// Runs `work` on the worker pool and sends what it returns; 503 with
// Retry-After when the queue is full. The Request behind `work` stays valid
// as long as the Responder lives, which the job keeps alive.
void answer_on_workers(workers::BoundedWorkerPool& workers, Responder responder,
                       std::function<Response()> work) {
  auto shared_responder = std::make_shared<Responder>(std::move(responder));
  const bool queued = workers.try_submit([shared_responder, work = std::move(work)] {
    shared::log::ScopedRequestId request_id(shared_responder->request_id());
    shared_responder->send(work());
  });
  if (!queued) {
    shared_responder->send(shared::http::error_response(
        shared::Error::unavailable("password hashing queue full", std::chrono::seconds(1))));
  }
}

// A fresh login response: tokens are never to be cached by anyone.
Response session_response(const domain::Session& session) {
  return Response::json(200, session_json(session)).with_header("Cache-Control", "no-store");
}

// Runs `make_command(request, bearer token)` and then `run(command)` on the
// worker pool: the shape of every bearer endpoint that checks a password.
// The token is checked before the body (and again by the use case, which
// costs one HMAC): a bad token is 401 whatever the body says.
shared::Result<std::string_view> authenticated_token(const app::Authenticate& authenticate,
                                                     const Request& request) {
  auto token = shared::http::bearer_token(request);
  if (!token) return token.error();
  if (const auto claims = authenticate.execute(*token); !claims) return claims.error();
  return token;
}

template <class MakeCommand, class Run>
void bearer_on_workers(const app::Authenticate& authenticate, workers::BoundedWorkerPool& workers,
                       const Request& request, Responder responder, MakeCommand make_command,
                       Run run) {
  const auto token = authenticated_token(authenticate, request);
  if (!token) return responder.send(shared::http::error_response(token.error()));
  auto command = make_command(request, *token);
  if (!command) return responder.send(shared::http::error_response(command.error()));
  answer_on_workers(
      workers, std::move(responder),
      [run = std::move(run), command = std::move(command).value()] { return run(command); });
}

Response refresh(const app::RefreshSession& use_case, const Request& request) {
  const auto command = refresh_command(request);
  if (!command) return shared::http::error_response(command.error());
  const auto session = use_case.execute(*command);
  if (!session) return shared::http::error_response(session.error());
  return session_response(*session);
}

Response log_out(const app::Authenticate& authenticate, const app::LogOut& use_case,
                 const Request& request) {
  const auto token = authenticated_token(authenticate, request);
  if (!token) return shared::http::error_response(token.error());
  const auto command = log_out_command(request, *token);
  if (!command) return shared::http::error_response(command.error());
  const auto done = use_case.execute(*command);
  if (!done) return shared::http::error_response(done.error());
  return Response::no_content();
}

Response log_out_everywhere(const app::LogOutEverywhere& use_case, const Request& request) {
  const auto token = shared::http::bearer_token(request);
  if (!token) return shared::http::error_response(token.error());
  const auto done = use_case.execute({std::string(*token)});
  if (!done) return shared::http::error_response(done.error());
  shared::log::info("logged out everywhere");
  return Response::no_content();
}

Response change_password(const app::ChangePassword& use_case,
                         const app::ChangePasswordCommand& command) {
  const auto session = use_case.execute(command);
  if (!session) return shared::http::error_response(session.error());
  shared::log::info("password changed");
  return session_response(*session);
}

Response delete_account(const app::DeleteAccount& use_case,
                        const app::DeleteAccountCommand& command) {
  const auto user_id = use_case.execute(command);
  if (!user_id) return shared::http::error_response(user_id.error());
  shared::log::info("account deleted", {{"user_id", *user_id}});
  return Response::no_content();
}

void sign_up(const app::SignUp& use_case, workers::BoundedWorkerPool& workers,
             const Request& request, Responder responder) {
  auto command = sign_up_command(request);
  if (!command) return responder.send(shared::http::error_response(command.error()));
  answer_on_workers(
      workers, std::move(responder), [&use_case, command = std::move(command).value()] {
        const auto user = use_case.execute(command);
        if (!user) return shared::http::error_response(user.error());
        shared::log::info("user signed up", {{"user_id", user->id}});
        return Response::json(201, user_json(*user)).with_header("Location", "/auth/me");
      });
}

void log_in(const app::LogIn& use_case, workers::BoundedWorkerPool& workers, const Request& request,
            Responder responder) {
  auto command = log_in_command(request);
  if (!command) return responder.send(shared::http::error_response(command.error()));
  answer_on_workers(workers, std::move(responder),
                    [&use_case, command = std::move(command).value()] {
                      const auto session = use_case.execute(command);
                      if (!session) {
                        shared::log::info("login refused", {{"client", command.client_address}});
                        return shared::http::error_response(session.error());
                      }
                      return session_response(*session);
                    });
}

Response me(const app::GetCurrentUser& use_case, const Request& request) {
  const auto token = shared::http::bearer_token(request);
  if (!token) return shared::http::error_response(token.error());
  const auto user = use_case.execute(*token);
  if (!user) return shared::http::error_response(user.error());
  return Response::json(200, user_json(*user));
}

// A header value must not be able to split the response.
bool header_safe(std::string_view value) {
  for (unsigned char c : value) {
    if (c < 0x20 || c == 0x7F) return false;
  }
  return true;
}

Response verify(const app::VerifyToken& use_case, const Request& request) {
  const auto token = shared::http::bearer_token(request);
  if (!token) return shared::http::error_response(token.error());
  const auto claims = use_case.execute(*token);
  if (!claims) return shared::http::error_response(claims.error());
  nlohmann::json body = {{"sub", claims->subject}, {"email", nullptr}, {"exp", claims->expires_at}};
  if (claims->email) body["email"] = *claims->email;
  auto response = Response::json(200, body);
  if (header_safe(claims->subject)) response.with_header("X-User-Id", claims->subject);
  if (claims->email && header_safe(*claims->email)) {
    response.with_header("X-User-Email", *claims->email);
  }
  return response;
}

void add_session_routes(shared::http::Router& router, const AuthUseCases& use_cases,
                        workers::BoundedWorkerPool& workers) {
  router.add("POST", "/auth/refresh",
             [&use_case = use_cases.refresh_session](const Request& request) {
               return refresh(use_case, request);
             });
  router.add("POST", "/auth/logout",
             [&authenticate = use_cases.authenticate, &use_case = use_cases.log_out](
                 const Request& request) { return log_out(authenticate, use_case, request); });
  router.add("POST", "/auth/logout-all",
             [&use_case = use_cases.log_out_everywhere](const Request& request) {
               return log_out_everywhere(use_case, request);
             });
  router.add_async("POST", "/auth/password",
                   [&authenticate = use_cases.authenticate, &use_case = use_cases.change_password,
                    &workers](const Request& request, Responder responder) {
                     bearer_on_workers(authenticate, workers, request, std::move(responder),
                                       change_password_command,
                                       [&use_case](const app::ChangePasswordCommand& command) {
                                         return change_password(use_case, command);
                                       });
                   });
  router.add_async("DELETE", "/auth/me",
                   [&authenticate = use_cases.authenticate, &use_case = use_cases.delete_account,
                    &workers](const Request& request, Responder responder) {
                     bearer_on_workers(authenticate, workers, request, std::move(responder),
                                       delete_account_command,
                                       [&use_case](const app::DeleteAccountCommand& command) {
                                         return delete_account(use_case, command);
                                       });
                   });
}

}  // namespace

void add_auth_routes(shared::http::Router& router, AuthUseCases use_cases,
                     workers::BoundedWorkerPool& workers) {
  router.add_async(
      "POST", "/auth/signup",
      [&use_case = use_cases.sign_up, &workers](const Request& request, Responder responder) {
        sign_up(use_case, workers, request, std::move(responder));
      });
  router.add_async(
      "POST", "/auth/login",
      [&use_case = use_cases.log_in, &workers](const Request& request, Responder responder) {
        log_in(use_case, workers, request, std::move(responder));
      });
  router.add("GET", "/auth/me", [&use_case = use_cases.get_current_user](const Request& request) {
    return me(use_case, request);
  });
  router.add("GET", "/auth/verify", [&use_case = use_cases.verify_token](const Request& request) {
    return verify(use_case, request);
  });
  add_session_routes(router, use_cases, workers);
}

}  // namespace auth::adapters::http
