#include "auth/adapters/memory/in_memory_user_repository.hpp"

#include "auth/adapters/user_repository_contract.hpp"
#include "shared/time/clock.hpp"

TEST_CASE("InMemoryUserRepository keeps the UserRepository contract", "[unit][repository]") {
  shared::time::SystemClock clock;
  auth::adapters::memory::InMemoryUserRepository users(clock);
  auth::testing::check_user_repository_contract(users);
}
