#pragma once
// Internal: an incremental HTTP/1.1 request parser (RFC 9112) for bytes from
// an untrusted client, written for this server instead of Pistache's own
// (docs/architecture.md, "The HTTP layer", says why).
//
// Bytes go in with feed() as they arrive; advance() says whether a whole
// request is ready, more bytes are needed, or the input is not HTTP we can
// frame. Bytes after a request stay buffered for the next one (pipelining).
// It is strict where leniency lets two parsers disagree on where a request
// ends (bare LF or CR, obs-fold, conflicting Content-Length, Content-Length
// with Transfer-Encoding, unknown transfer codings) and decides every
// malformed input as soon as the offending line is complete, so no client
// waits for a timeout to learn that it sent garbage. Memory is bounded: a
// head over the limit fails once the limit is passed, a declared
// Content-Length above the body limit fails before any body is buffered.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shared::http {

struct ParserLimits {
  std::size_t max_head_bytes = 16384;  // request line and headers, CRLFs included
  std::size_t max_body_bytes = 65536;  // decoded body
  std::size_t max_header_count = 100;
};

struct ParsedRequest {
  std::string method;
  std::string target;     // the request-target as sent
  int minor_version = 1;  // HTTP/1.<minor>; HTTP/1.2 and up are served as 1.1
  std::vector<std::pair<std::string, std::string>> headers;  // lower-case names, OWS trimmed
  std::string body;                                          // decoded (chunked framing removed)
  bool keep_alive = true;
  bool expects_continue = false;

  std::optional<std::string_view> header(std::string_view lowercase_name) const;
};

// Why the input cannot be a request: the status and message to answer with.
// After any error the connection's framing is lost: answer, then close.
struct ParseError {
  int status = 400;
  std::string detail;
};

class RequestParser {
 public:
  enum class Result { kNeedMore, kRequest, kError };

  explicit RequestParser(ParserLimits limits) : limits_(limits) {}

  void feed(std::string_view bytes) { buffer_.append(bytes); }
  Result advance();

  // After kRequest: the request; the parser starts on the next one.
  ParsedRequest take_request();
  // After kError.
  const ParseError& error() const { return error_; }
  // What was read of the failed or unfinished request (for its request id).
  const ParsedRequest& partial() const { return current_; }

  // True once any byte of a request that is not complete yet has arrived.
  bool in_request() const { return phase_ != Phase::kRequestLine || pos_ < buffer_.size(); }
  // Bytes received and not yet consumed by a returned request.
  std::size_t buffered() const { return buffer_.size(); }
  // The head asked for `100 Continue` and it has not been given yet: the
  // caller sends it (once) and calls continue_sent().
  bool wants_continue() const {
    return awaiting_body() && current_.expects_continue && !continued_;
  }
  void continue_sent() { continued_ = true; }

 private:
  enum class Phase {
    kRequestLine,
    kHeaders,
    kBody,
    kChunkSize,
    kChunkData,
    kChunkEnd,
    kTrailers,
    kDone,
    kFailed
  };

  std::optional<std::string_view> next_line(std::size_t limit, int status_when_too_long);
  Result fail(int status, std::string detail);
  Result on_request_line(std::string_view line);
  Result on_header_line(std::string_view line);
  Result on_head_complete();
  Result on_chunk_size_line(std::string_view line);
  Result on_trailer_line(std::string_view line);
  Result take_body_bytes();
  bool awaiting_body() const {
    return phase_ == Phase::kBody || phase_ == Phase::kChunkSize || phase_ == Phase::kChunkData ||
           phase_ == Phase::kChunkEnd || phase_ == Phase::kTrailers;
  }

  const ParserLimits limits_;
  std::string buffer_;
  std::size_t pos_ = 0;         // parsed up to here
  std::size_t scanned_ = 0;     // searched for LF up to here (never rescan a long line)
  std::size_t head_bytes_ = 0;  // of the current request's head (or trailers)
  std::size_t remaining_ = 0;   // of the body or the current chunk
  Phase phase_ = Phase::kRequestLine;
  bool continued_ = false;
  ParsedRequest current_;
  ParseError error_;
};

}  // namespace shared::http
