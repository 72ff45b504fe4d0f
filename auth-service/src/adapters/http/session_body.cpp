#include "auth/adapters/http/session_body.hpp"

#include "auth/adapters/http/string_fields.hpp"
#include "shared/http/json_body.hpp"

namespace auth::adapters::http {
namespace {

// The domain locates a password problem at ["password"]; here it is the
// body's `name`.
shared::Error located_at(shared::Error error, const char* name) {
  for (auto& violation : error.violations) violation.location = {"body", name};
  return error;
}

}  // namespace

shared::Result<app::RefreshSessionCommand> refresh_command(const shared::http::Request& request) {
  auto body = shared::http::required_json_object_body(request);
  if (!body) return body.error();
  auto values = required_strings(*body, {"refresh_token"});
  if (!values) return values.error();
  return app::RefreshSessionCommand{std::move((*values)[0]), request.client_address};
}

shared::Result<app::LogOutCommand> log_out_command(const shared::http::Request& request,
                                                   std::string_view access_token) {
  app::LogOutCommand command{std::string(access_token), std::nullopt};
  if (request.body.empty()) return command;
  auto body = shared::http::json_object_body(request);
  if (!body) return body.error();
  auto refresh_token = optional_string(*body, "refresh_token");
  if (!refresh_token) return refresh_token.error();
  command.refresh_token = std::move(refresh_token).value();
  return command;
}

shared::Result<app::ChangePasswordCommand> change_password_command(
    const shared::http::Request& request, std::string_view access_token) {
  auto body = shared::http::required_json_object_body(request);
  if (!body) return body.error();
  auto values = required_strings(*body, {"current_password", "new_password"});
  if (!values) return values.error();
  auto new_password = domain::PlainPassword::parse((*values)[1]);
  if (!new_password) return located_at(new_password.error(), "new_password");
  return app::ChangePasswordCommand{std::string(access_token), std::move((*values)[0]),
                                    std::move(new_password).value(), request.client_address};
}

shared::Result<app::DeleteAccountCommand> delete_account_command(
    const shared::http::Request& request, std::string_view access_token) {
  auto body = shared::http::required_json_object_body(request);
  if (!body) return body.error();
  auto values = required_strings(*body, {"password"});
  if (!values) return values.error();
  return app::DeleteAccountCommand{std::string(access_token), std::move((*values)[0]),
                                   request.client_address};
}

}  // namespace auth::adapters::http
