#include "auth/adapters/http/auth_routes.hpp"

#include <memory>

#include "auth/adapters/http/credentials_body.hpp"
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
                      const auto token = use_case.execute(command);
                      if (!token) {
                        shared::log::info("login refused", {{"client", command.client_address}});
                        return shared::http::error_response(token.error());
                      }
                      return Response::json(200, token_json(*token));
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
}

}  // namespace auth::adapters::http
