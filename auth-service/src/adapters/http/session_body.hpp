#pragma once
// Request bodies of the session endpoints → commands, with the same
// problems as credentials_body.hpp (415, 400, 422 located in the body).

#include <string_view>

#include "auth/app/change_password.hpp"
#include "auth/app/delete_account.hpp"
#include "auth/app/log_out.hpp"
#include "auth/app/refresh_session.hpp"
#include "shared/http/request.hpp"
#include "shared/result.hpp"

namespace auth::adapters::http {

// JSON {"refresh_token"}.
shared::Result<app::RefreshSessionCommand> refresh_command(const shared::http::Request& request);

// No body, or JSON {"refresh_token"?}.
shared::Result<app::LogOutCommand> log_out_command(const shared::http::Request& request,
                                                   std::string_view access_token);

// JSON {"current_password", "new_password"}; new_password follows sign-up's rules.
shared::Result<app::ChangePasswordCommand> change_password_command(
    const shared::http::Request& request, std::string_view access_token);

// JSON {"password"}.
shared::Result<app::DeleteAccountCommand> delete_account_command(
    const shared::http::Request& request, std::string_view access_token);

}  // namespace auth::adapters::http
