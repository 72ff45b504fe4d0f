#pragma once
// The SessionStore + RevocationLog contract suite, run against
// InMemorySessionStore and SociSessionStore alike. Each test gets a store of
// its own (the feed is global to a store), from
// make_session_store_under_test(), which the test executable defines.

#include <memory>

#include "auth/domain/ports/revocation_log.hpp"
#include "auth/domain/ports/session_store.hpp"
#include "auth/domain/ports/user_repository.hpp"

namespace auth_contract {

class SessionStoreUnderTest {
 public:
  virtual ~SessionStoreUnderTest() = default;
  virtual auth::domain::UserRepository& users() = 0;
  virtual auth::domain::SessionStore& sessions() = 0;
  virtual auth::domain::RevocationLog& log() = 0;
  // The store's idea of now (events are stamped with it).
  virtual shared::time::Timestamp now() = 0;
};

std::unique_ptr<SessionStoreUnderTest> make_session_store_under_test();

}  // namespace auth_contract
