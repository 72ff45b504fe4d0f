#include "request_context.hpp"

#include <string>
#include <utility>

#include "shared/log/logging.hpp"

namespace shared::log {
namespace {

thread_local std::string t_request_id;

}  // namespace

namespace internal {

std::string_view current_request_id() {
  return t_request_id;
}

}  // namespace internal

ScopedRequestId::ScopedRequestId(std::string_view request_id)
    : previous_(std::exchange(t_request_id, std::string(request_id))) {}

ScopedRequestId::~ScopedRequestId() {
  t_request_id = std::move(previous_);
}

}  // namespace shared::log
