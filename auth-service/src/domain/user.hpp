#pragma once
#include <chrono>
#include <string>

#include "auth/domain/email.hpp"

namespace auth::domain {

// Microsecond precision: what PostgreSQL's timestamptz keeps.
using Timestamp = std::chrono::sys_time<std::chrono::microseconds>;

struct User {
  std::string id;  // a UUID, assigned by the repository
  Email email;
  std::string password_hash;  // bcrypt; never leaves the service
  Timestamp created_at;
  Timestamp updated_at;
};

// What sign-up hands the repository: the rest is assigned on insert.
struct NewUser {
  Email email;
  std::string password_hash;
};

}  // namespace auth::domain
