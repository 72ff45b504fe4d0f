#pragma once
// The request id of the request this thread is handling (ScopedRequestId).

#include <string_view>

namespace shared::log::internal {

// Empty when no ScopedRequestId is alive on this thread.
std::string_view current_request_id();

}  // namespace shared::log::internal
