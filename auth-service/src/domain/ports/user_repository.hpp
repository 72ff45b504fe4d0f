#pragma once
// Where users live. Implementations: SociUserRepository (PostgreSQL) and
// InMemoryUserRepository; one contract suite (tests/auth/adapters) holds both
// to the rules below.

#include <optional>
#include <string>

#include "auth/domain/user.hpp"
#include "shared/result.hpp"

namespace auth::domain {

// The one message for a taken email, whoever notices first.
inline constexpr const char* kEmailTaken = "Email already registered";

class UserRepository {
 public:
  virtual ~UserRepository() = default;

  // Stores a new user with a fresh UUID and created_at = updated_at = now.
  // kAlreadyExists when the email is taken (emails compare case-insensitively;
  // of concurrent adds of one email exactly one succeeds); kUnavailable when
  // the store cannot be reached.
  virtual shared::Result<User> add(const NewUser& user) = 0;

  // nullopt when no user has this email.
  virtual shared::Result<std::optional<User>> find_by_email(const Email& email) = 0;

  // nullopt when no user has this id, including when `id` is not a UUID at
  // all (a token's `sub` is whatever the token says).
  virtual shared::Result<std::optional<User>> find_by_id(const std::string& id) = 0;

  // Replaces a user's hash with the same password's at another cost, only
  // while the stored hash is still `old_hash` (a password changed meanwhile
  // wins). Nothing else changes: not updated_at, no session. True when it
  // replaced it.
  virtual shared::Result<bool> rehash_password(const std::string& id, const std::string& old_hash,
                                               const std::string& new_hash) = 0;
};

}  // namespace auth::domain
