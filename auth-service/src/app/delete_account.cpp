#include "auth/app/delete_account.hpp"

namespace auth::app {

DeleteAccount::DeleteAccount(const ConfirmPassword& confirm, domain::SessionStore& sessions,
                             LocalRevocations& revocations, const shared::time::Clock& clock,
                             std::chrono::seconds access_lifetime)
    : confirm_(confirm),
      sessions_(sessions),
      revocations_(revocations),
      clock_(clock),
      access_lifetime_(access_lifetime) {}

shared::Result<std::string> DeleteAccount::execute(const DeleteAccountCommand& command) const {
  const auto user =
      confirm_.execute(command.access_token, command.password, command.client_address);
  if (!user) return user.error();
  const auto deleted =
      sessions_.delete_user(user->id, domain::cutoff_at(clock_.now(), access_lifetime_));
  if (!deleted) return deleted.error();
  (void)revocations_.catch_up();  // as in ChangePassword: the tick retries
  return user->id;
}

}  // namespace auth::app
