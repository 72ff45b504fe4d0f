#pragma once
// Result<T>: the one way expected failures travel between layers.
//
// Error codes are protocol-agnostic (in the spirit of absl::StatusCode); only
// the HTTP adapter (shared/http/error_response) turns them into statuses.

#include <cassert>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace shared {

enum class ErrorCode {
  kInvalidArgument,       // the caller sent something that breaks a rule; see violations
  kNotFound,              // the thing does not exist, or is not the caller's to see
  kAlreadyExists,         // a uniqueness rule would be broken
  kUnauthenticated,       // no usable credentials were presented, or they were wrong
  kInvalidToken,          // a bearer token was presented and rejected (bad, expired, gone)
  kPermissionDenied,      // valid credentials, but not allowed
  kRateLimited,           // too many attempts; retry_after says when to try again
  kUnavailable,           // a dependency (database, worker pool) cannot serve now
  kMalformedInput,        // the input cannot be read at all (not JSON, not an object)
  kUnsupportedMediaType,  // the input is in a format the endpoint does not take
  kInternal,              // a bug or an unexpected failure; never shown in detail
};

// One step of where a broken rule sits, as FastAPI writes `loc`: a name
// ("body", "tags") or, inside a list, an element's index, which JSON shows
// as a number (["body", "tags", 3], not "3").
class LocationPart {
 public:
  LocationPart(std::string name) : name_(std::move(name)) {}  // NOLINT: implicit, {"body", "x"}
  LocationPart(const char* name) : name_(name) {}             // NOLINT: implicit
  static LocationPart index(std::size_t position) {
    LocationPart part("");
    part.index_ = position;
    return part;
  }

  bool is_index() const { return index_.has_value(); }
  std::size_t position() const { return index_.value(); }
  // The name, or the index in decimal.
  std::string text() const { return index_ ? std::to_string(*index_) : name_; }

  bool operator==(const LocationPart&) const = default;

 private:
  std::string name_;  // empty for an index
  std::optional<std::size_t> index_;
};
using Location = std::vector<LocationPart>;

// One broken rule of one field, e.g. {{"body", "email"}, "not a valid email"}.
struct FieldViolation {
  Location location;
  std::string message;
  std::string type = "value_error";
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::vector<FieldViolation> violations;
  std::optional<std::chrono::seconds> retry_after;

  static Error invalid_argument(std::vector<FieldViolation> violations) {
    return {ErrorCode::kInvalidArgument, "Validation failed", std::move(violations), {}};
  }
  static Error invalid_field(Location location, std::string message,
                             std::string type = "value_error") {
    return invalid_argument({{std::move(location), std::move(message), std::move(type)}});
  }
  static Error not_found(std::string message) {
    return {ErrorCode::kNotFound, std::move(message), {}, {}};
  }
  static Error already_exists(std::string message) {
    return {ErrorCode::kAlreadyExists, std::move(message), {}, {}};
  }
  static Error unauthenticated(std::string message) {
    return {ErrorCode::kUnauthenticated, std::move(message), {}, {}};
  }
  static Error permission_denied(std::string message) {
    return {ErrorCode::kPermissionDenied, std::move(message), {}, {}};
  }
  static Error rate_limited(std::string message, std::chrono::seconds retry_after) {
    return {ErrorCode::kRateLimited, std::move(message), {}, retry_after};
  }
  static Error invalid_token(std::string message) {
    return {ErrorCode::kInvalidToken, std::move(message), {}, {}};
  }
  // `retry_after`, when known, tells the client when to try again.
  static Error unavailable(std::string message,
                           std::optional<std::chrono::seconds> retry_after = std::nullopt) {
    return {ErrorCode::kUnavailable, std::move(message), {}, retry_after};
  }
  static Error malformed_input(std::string message) {
    return {ErrorCode::kMalformedInput, std::move(message), {}, {}};
  }
  static Error unsupported_media_type(std::string message) {
    return {ErrorCode::kUnsupportedMediaType, std::move(message), {}, {}};
  }
  static Error internal(std::string message) {
    return {ErrorCode::kInternal, std::move(message), {}, {}};
  }
};

// Either a value or an Error. Accessing the wrong alternative is a bug and
// asserts in debug builds.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value)
      : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }  // so std::move(*result) moves
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(state_);
  }

 private:
  std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design

  static Result success() { return {}; }

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const {
    assert(!ok());
    return *error_;
  }

 private:
  std::optional<Error> error_;
};

}  // namespace shared
