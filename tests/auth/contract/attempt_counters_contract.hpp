#pragma once
// The AttemptCounters contract suite: InMemoryAttemptCounters and
// SociAttemptCounters alike. A test executable adds
// attempt_counters_contract.cpp and defines make_attempt_counters_under_test().
// Tests isolate themselves by random key values, so one store may serve all.

#include <memory>

#include "auth/domain/ports/attempt_counters.hpp"

namespace auth_contract {

std::unique_ptr<auth::domain::AttemptCounters> make_attempt_counters_under_test();

}  // namespace auth_contract
