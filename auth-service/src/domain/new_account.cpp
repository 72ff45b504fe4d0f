#include "auth/domain/new_account.hpp"

#include "shared/violations.hpp"

namespace auth::domain {

shared::Result<NewAccount> NewAccount::from(std::string_view email, std::string_view password) {
  shared::ViolationCollector violations;
  auto parsed_email = violations.take(Email::parse(email));
  auto parsed_password = violations.take(PlainPassword::parse(password));
  if (!violations.empty()) return std::move(violations).error();
  return NewAccount(std::move(*parsed_email), std::move(*parsed_password));
}

}  // namespace auth::domain
