#pragma once
// The UserRepository contract suite: one set of tests every implementation
// must pass (InMemoryUserRepository and SociUserRepository alike), so the
// fake can be trusted. The same shape as task-service's TaskRepository suite.
//
// A test executable adds user_repository_contract.cpp to its sources and
// defines make_repository_under_test(). Tests isolate themselves by using
// fresh random addresses, so one store may serve every test.

#include <memory>
#include <string_view>

#include "auth/domain/email.hpp"
#include "auth/domain/ports/user_repository.hpp"

namespace auth_contract {

std::unique_ptr<auth::domain::UserRepository> make_repository_under_test();

// "<name>-<random hex>@example.com", as a valid Email.
auth::domain::Email unique_email(std::string_view name);
// An address exactly as given (it must pass Email's rules).
auth::domain::Email email(std::string_view raw);

}  // namespace auth_contract
