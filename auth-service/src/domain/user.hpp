#pragma once
#include <string>

#include "auth/domain/email.hpp"
#include "shared/time/timestamp.hpp"

namespace auth::domain {

struct User {
  std::string id;  // a UUID, assigned by the repository
  Email email;
  std::string password_hash;  // bcrypt; never leaves the service
  shared::time::Timestamp created_at;
  shared::time::Timestamp updated_at;
};

// What sign-up hands the repository: the rest is assigned on insert.
struct NewUser {
  Email email;
  std::string password_hash;
};

}  // namespace auth::domain
