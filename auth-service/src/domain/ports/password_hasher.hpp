#pragma once
// One-way password hashing (bcrypt in production). Every call costs real CPU
// time (hundreds of ms at cost 12): callers must not run it on a thread that
// has to stay responsive.

#include <string>
#include <string_view>

#include "auth/domain/plain_password.hpp"
#include "shared/result.hpp"

namespace auth::domain {

class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;

  // A new salted hash of `password`; kInternal if hashing fails.
  virtual shared::Result<std::string> hash(const PlainPassword& password) = 0;

  // Whether `password` matches `hash`. False, never an error, for a hash this
  // hasher cannot read. `password` is whatever the user typed at login.
  virtual bool matches(std::string_view password, const std::string& hash) = 0;

  // Costs what matches() costs and proves nothing: run for an unknown email
  // so the response time does not reveal which emails exist.
  virtual void spend_equivalent_effort(std::string_view password) = 0;

  // Whether `hash` was made at another cost than new hashes are (BCRYPT_COST
  // changed, or it was imported from passlib): a login that matched it
  // should replace it, so every account costs the same to check.
  virtual bool needs_rehash(const std::string& hash) const = 0;
};

}  // namespace auth::domain
