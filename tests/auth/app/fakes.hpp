#pragma once
// In-memory test doubles for the auth-service ports.

#include <atomic>
#include <map>
#include <string>

#include "auth/domain/cutoff.hpp"
#include "auth/domain/ports/password_hasher.hpp"
#include "auth/domain/ports/refresh_token_generator.hpp"
#include "auth/domain/ports/token_issuer.hpp"
#include "auth/domain/ports/token_verifier.hpp"
#include "shared/time/clock.hpp"

namespace auth::testing {

// Starts at 2027-01-15T08:00:00Z and moves only when told to.
class FakeClock final : public shared::time::Clock {
 public:
  shared::time::Timestamp now() const override { return clock_.now(); }
  void advance(std::chrono::seconds by) { clock_.advance(by); }

 private:
  shared::time::ManualClock clock_{shared::time::Timestamp(std::chrono::seconds(1'800'000'000))};
};

// Reversible "hash" so tests can see what was hashed; counts every
// bcrypt-priced call so tests can prove the dummy check ran.
class FakePasswordHasher final : public domain::PasswordHasher {
 public:
  shared::Result<std::string> hash(const domain::PlainPassword& password) override {
    ++hashes;
    return "fake$" + password.reveal();
  }
  // "old$<password>" stands for a hash made at another cost.
  bool matches(std::string_view password, const std::string& hash) override {
    ++checks;
    return hash == "fake$" + std::string(password) || hash == "old$" + std::string(password);
  }
  void spend_equivalent_effort(std::string_view) override { ++dummy_checks; }
  bool needs_rehash(const std::string& hash) const override { return hash.rfind("old$", 0) == 0; }

  std::atomic<int> hashes{0};
  std::atomic<int> checks{0};
  std::atomic<int> dummy_checks{0};
};

// Accepts exactly the tokens it was told about.
class FakeTokenVerifier final : public domain::TokenVerifier {
 public:
  shared::Result<domain::TokenClaims> verify(std::string_view token) const override {
    const auto found = accepted.find(std::string(token));
    if (found == accepted.end()) return shared::Error::invalid_token("Invalid token");
    return found->second;
  }
  std::map<std::string, domain::TokenClaims> accepted;
};

// Issues "token-<n>" with jti "jti-<n>", dated per the cutoff rule, and
// tells `verifier` (when given) to accept it with those claims.
class FakeTokenIssuer final : public domain::TokenIssuer {
 public:
  explicit FakeTokenIssuer(const shared::time::Clock& clock, FakeTokenVerifier* verifier = nullptr)
      : clock_(clock), verifier_(verifier) {}
  shared::Result<domain::IssuedToken> issue(const domain::User& user,
                                            std::int64_t not_before) override {
    ++issued;
    const auto n = std::to_string(issued);
    const auto iat = domain::issue_time(clock_.now(), not_before);
    domain::IssuedToken token{"token-" + n, std::chrono::seconds(604800), "jti-" + n, iat,
                              iat + 604800};
    if (verifier_) {
      verifier_->accepted[token.access_token] = {user.id, user.email.value(), token.expires_at,
                                                 token.id, token.issued_at};
    }
    return token;
  }
  int issued = 0;

 private:
  const shared::time::Clock& clock_;
  FakeTokenVerifier* verifier_;
};

// "refresh-<n>", stored under "hash:refresh-<n>".
class FakeRefreshTokenGenerator final : public domain::RefreshTokenGenerator {
 public:
  shared::Result<domain::RefreshSecret> generate() override {
    auto token = "refresh-" + std::to_string(++generated);
    auto token_hash = hash(token);
    return domain::RefreshSecret{std::move(token), std::move(token_hash)};
  }
  [[nodiscard]] std::string hash(std::string_view token) const override {
    return "hash:" + std::string(token);
  }
  int generated = 0;
};

}  // namespace auth::testing
