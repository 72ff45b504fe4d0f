#include "adapters/memory/in_memory_user_repository.hpp"

#include "auth/adapters/user_repository_contract.hpp"

#include "adapters/system/system_clock.hpp"

TEST_CASE("InMemoryUserRepository keeps the UserRepository contract", "[unit][repository]") {
  auth::adapters::SystemClock clock;
  auth::adapters::InMemoryUserRepository users(clock);
  auth::testing::check_user_repository_contract(users);
}
