#include "auth/adapters/http/credentials_body.hpp"

#include <optional>

#include "auth/adapters/http/form_urlencoded.hpp"
#include "auth/adapters/http/string_fields.hpp"
#include "shared/http/error_response.hpp"
#include "shared/http/json_body.hpp"
#include "shared/text/utf8.hpp"
#include "shared/violations.hpp"

namespace auth::adapters::http {
namespace {

using shared::FieldViolation;

struct Credentials {
  std::string login;
  std::string password;
};

shared::Result<Credentials> credentials_from_json(const nlohmann::json& body,
                                                  const char* login_name) {
  auto values = required_strings(body, {login_name, "password"});
  if (!values) return values.error();
  return Credentials{std::move((*values)[0]), std::move((*values)[1])};
}

// The domain locates violations by field ("email"); over HTTP they are in
// the body.
shared::Error in_body(shared::Error error) {
  for (auto& violation : error.violations)
    violation.location.insert(violation.location.begin(), "body");
  return error;
}

constexpr std::string_view kFormMediaType = "application/x-www-form-urlencoded";

// `also_accepted`: the other media type the endpoint takes, for its 415.
shared::Result<Credentials> json_credentials(const shared::http::Request& request,
                                             std::string_view also_accepted = {}) {
  auto body = shared::http::required_json_object_body(request, also_accepted);
  if (!body) return body.error();
  return credentials_from_json(*body, "email");
}

// Form values are arbitrary bytes after percent-decoding; JSON ones are
// already valid UTF-8.
shared::Result<Credentials> form_credentials(const shared::http::Request& request) {
  const auto fields = parse_form_urlencoded(request.body);
  std::vector<FieldViolation> violations;
  std::string values[2];
  const char* names[2] = {"username", "password"};
  for (int i = 0; i < 2; ++i) {
    auto value = form_value(fields, names[i]);
    if (!value) {
      violations.push_back(shared::violation::missing({"body", names[i]}));
    } else if (!shared::text::is_valid_utf8(*value)) {
      violations.push_back(shared::violation::string_unicode({"body", names[i]}));
    } else {
      values[i] = std::move(*value);
    }
  }
  if (!violations.empty()) return shared::Error::invalid_argument(std::move(violations));
  return Credentials{std::move(values[0]), std::move(values[1])};
}

}  // namespace

shared::Result<app::SignUpCommand> sign_up_command(const shared::http::Request& request) {
  auto credentials = json_credentials(request);
  if (!credentials) return credentials.error();
  auto account = domain::NewAccount::from(credentials->login, credentials->password);
  if (!account) return in_body(account.error());
  return app::SignUpCommand{std::move(account).value(), request.client_address};
}

shared::Result<app::LogInCommand> log_in_command(const shared::http::Request& request) {
  const bool is_form = request.media_type() == kFormMediaType;
  auto credentials =
      is_form ? form_credentials(request) : json_credentials(request, kFormMediaType);
  if (!credentials) return credentials.error();
  auto [email, password] = std::move(credentials).value();
  return app::LogInCommand{std::move(email), std::move(password), request.client_address};
}

}  // namespace auth::adapters::http
