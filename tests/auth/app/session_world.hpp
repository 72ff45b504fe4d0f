#pragma once
// Every auth use case wired to in-memory adapters and fakes, as main() wires
// the real ones: for unit tests of sessions, logout and revocation.

#include <catch2/catch.hpp>

#include "auth/adapters/memory/in_memory_attempt_counters.hpp"
#include "auth/adapters/memory/in_memory_session_store.hpp"
#include "auth/adapters/memory/in_memory_user_repository.hpp"
#include "auth/app/change_password.hpp"
#include "auth/app/commands.hpp"
#include "auth/app/delete_account.hpp"
#include "auth/app/fakes.hpp"
#include "auth/app/get_current_user.hpp"
#include "auth/app/log_in.hpp"
#include "auth/app/log_out.hpp"
#include "auth/app/log_out_everywhere.hpp"
#include "auth/app/read_revocation_feed.hpp"
#include "auth/app/refresh_session.hpp"
#include "auth/app/sign_up.hpp"

namespace auth::testing {

struct SessionWorld {
  static constexpr std::chrono::seconds kAccessLifetime{604800};
  static constexpr std::chrono::seconds kRefreshLifetime{2592000};
  static constexpr std::chrono::seconds kGrace{30};

  FakeClock clock;
  adapters::memory::InMemoryUserRepository users{clock};
  FakePasswordHasher hasher;
  FakeTokenVerifier verifier;
  FakeTokenIssuer tokens{clock, &verifier};
  FakeRefreshTokenGenerator refresh_tokens;
  adapters::memory::InMemorySessionStore store{users, clock};
  adapters::memory::InMemoryAttemptCounters counters;
  domain::FailedLoginThrottle throttle{counters, {3, 5, std::chrono::seconds(60)}, clock};
  domain::SignUpLimit sign_up_limit{counters, {}, clock};
  app::LocalRevocations revocations{store, clock, kGrace};
  app::SessionIssuer issuer{tokens, refresh_tokens, store, clock, kRefreshLifetime};
  app::Authenticate authenticate{verifier, revocations};
  app::ConfirmPassword confirm{authenticate, users, hasher, throttle};
  app::SignUp sign_up{users, hasher, sign_up_limit};
  app::LogIn log_in{users, hasher, issuer, throttle};
  app::GetCurrentUser me{authenticate, users};
  app::RefreshSession refresh{users, store, refresh_tokens, issuer, throttle, revocations, clock};
  app::LogOut log_out{authenticate, store, refresh_tokens, revocations, clock, kAccessLifetime};
  app::LogOutEverywhere log_out_everywhere{authenticate, store, revocations, clock,
                                           kAccessLifetime};
  app::ChangePassword change_password{confirm,     hasher, store,          issuer,
                                      revocations, clock,  kAccessLifetime};
  app::DeleteAccount delete_account{confirm, store, revocations, clock, kAccessLifetime};
  app::ReadRevocationFeed feed{store, clock, kGrace};

  SessionWorld() { REQUIRE(revocations.load().ok()); }

  std::string add_user(const std::string& email, const std::string& password = "correct horse") {
    auto user = sign_up.execute(sign_up_command(email, password));
    REQUIRE(user.ok());
    return user->id;
  }
  domain::Session login(const std::string& email, const std::string& password = "correct horse",
                        const std::string& client = "10.0.0.1") {
    auto session = log_in.execute({email, password, client});
    REQUIRE(session.ok());
    return std::move(session).value();
  }
  bool accepted(const domain::Session& session) {
    return authenticate.execute(session.access.access_token).ok();
  }
};

}  // namespace auth::testing
