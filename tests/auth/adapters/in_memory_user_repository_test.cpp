// InMemoryUserRepository against the UserRepository contract suite.
#include "auth/adapters/memory/in_memory_user_repository.hpp"

#include "auth/adapters/memory/in_memory_attempt_counters.hpp"
#include "auth/adapters/memory/in_memory_session_store.hpp"
#include "shared/time/clock.hpp"

#include "contract/attempt_counters_contract.hpp"
#include "contract/session_store_contract.hpp"
#include "contract/user_repository_contract.hpp"

namespace auth_contract {
std::unique_ptr<auth::domain::UserRepository> make_repository_under_test() {
  static const shared::time::SystemClock clock;
  return std::make_unique<auth::adapters::memory::InMemoryUserRepository>(clock);
}
}  // namespace auth_contract

// ... and InMemorySessionStore against the SessionStore contract suite.
namespace auth_contract {
namespace {
class InMemorySessions final : public SessionStoreUnderTest {
 public:
  auth::domain::UserRepository& users() override { return users_; }
  auth::domain::SessionStore& sessions() override { return store_; }
  auth::domain::RevocationLog& log() override { return store_; }
  shared::time::Timestamp now() override { return clock_.now(); }

 private:
  shared::time::SystemClock clock_;
  auth::adapters::memory::InMemoryUserRepository users_{clock_};
  auth::adapters::memory::InMemorySessionStore store_{users_, clock_};
};
}  // namespace

std::unique_ptr<SessionStoreUnderTest> make_session_store_under_test() {
  return std::make_unique<InMemorySessions>();
}

std::unique_ptr<auth::domain::AttemptCounters> make_attempt_counters_under_test() {
  return std::make_unique<auth::adapters::memory::InMemoryAttemptCounters>();
}
}  // namespace auth_contract
