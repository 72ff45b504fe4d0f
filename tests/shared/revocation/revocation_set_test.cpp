#include "shared/revocation/revocation_set.hpp"

#include <catch2/catch.hpp>

using shared::revocation::RevocationSet;
using shared::revocation::TokenFacts;
using shared::revocation::TokenRevoked;
using shared::revocation::UserCutoff;
using shared::revocation::UserDeleted;

namespace {
constexpr const char* kAlice = "11111111-1111-4111-8111-111111111111";
constexpr const char* kBob = "22222222-2222-4222-8222-222222222222";
}  // namespace

TEST_CASE("revocation set: a revoked jti is refused, other tokens of the user are not") {
  RevocationSet set;
  set.apply(TokenRevoked{"jti-1", kAlice, 2000});
  CHECK(set.is_revoked({kAlice, "jti-1", 1000}));
  CHECK_FALSE(set.is_revoked({kAlice, "jti-2", 1000}));
  CHECK_FALSE(set.is_revoked({kAlice, std::nullopt, 1000}));
}

TEST_CASE("revocation set: a cutoff revokes tokens issued before it, none issued at or after it") {
  RevocationSet set;
  set.apply(UserCutoff{kAlice, 1001, 0});
  CHECK(set.is_revoked({kAlice, "a", 1000}));
  CHECK_FALSE(set.is_revoked({kAlice, "b", 1001}));
  CHECK_FALSE(set.is_revoked({kAlice, "c", 1002}));
  CHECK_FALSE(set.is_revoked({kBob, "d", 1000}));
}

TEST_CASE("revocation set: a token without iat cannot prove it is newer than a cutoff") {
  RevocationSet set;
  CHECK_FALSE(set.is_revoked({kAlice, "a", std::nullopt}));
  set.apply(UserCutoff{kAlice, 1001, 0});
  CHECK(set.is_revoked({kAlice, "a", std::nullopt}));
}

TEST_CASE("revocation set: cutoffs only move forward") {
  RevocationSet set;
  set.apply(UserCutoff{kAlice, 2000, 0});
  set.apply(UserCutoff{kAlice, 1500, 0});  // an older event replayed
  CHECK(set.is_revoked({kAlice, "a", 1999}));
}

TEST_CASE("revocation set: a revoked jti is kept until its token expires, plus the grace") {
  RevocationSet set(std::chrono::seconds(60));
  set.apply(TokenRevoked{"jti-1", kAlice, 1000});
  CHECK(set.drop_expired(1060) == 0);
  CHECK(set.is_revoked({kAlice, "jti-1", 1}));
  CHECK(set.drop_expired(1061) == 1);
  CHECK_FALSE(set.is_revoked({kAlice, "jti-1", 1}));
  CHECK(set.size().tokens == 0);
}

TEST_CASE("revocation set: a cutoff with an expiry is dropped after it, one without is kept") {
  RevocationSet set;
  set.apply(UserCutoff{kAlice, 1000, 5000});
  set.apply(UserCutoff{kBob, 1000, 0});
  CHECK(set.drop_expired(5001) == 1);
  CHECK_FALSE(set.is_revoked({kAlice, "a", 999}));
  CHECK(set.is_revoked({kBob, "b", 999}));
}

TEST_CASE(
    "revocation set: a snapshot replaces what was there, user_deleted alone revokes nothing") {
  RevocationSet set;
  set.apply(TokenRevoked{"old", kAlice, 9000});
  set.replace({TokenRevoked{"new", kBob, 9000}, UserDeleted{kAlice}});
  CHECK_FALSE(set.is_revoked({kAlice, "old", 1}));
  CHECK(set.is_revoked({kBob, "new", 1}));
  CHECK(set.size().tokens == 1);
  CHECK(set.size().users == 0);
}
