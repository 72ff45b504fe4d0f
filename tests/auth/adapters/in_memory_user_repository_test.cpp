// InMemoryUserRepository against the UserRepository contract suite.
#include "auth/adapters/memory/in_memory_user_repository.hpp"

#include "shared/time/clock.hpp"

#include "contract/user_repository_contract.hpp"

namespace auth_contract {
std::unique_ptr<auth::domain::UserRepository> make_repository_under_test() {
  static const shared::time::SystemClock clock;
  return std::make_unique<auth::adapters::memory::InMemoryUserRepository>(clock);
}
}  // namespace auth_contract
