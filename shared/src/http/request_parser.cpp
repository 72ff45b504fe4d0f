#include "request_parser.hpp"

#include <algorithm>

#include "shared/text/percent_decode.hpp"

#include "http_syntax.hpp"

namespace shared::http {
namespace {

// A chunk-size line is a size and extensions we ignore; a client has no
// reason to send kilobytes of them.
constexpr std::size_t kMaxChunkSizeLine = 4096;
constexpr std::size_t kMaxChunkSizeDigits = 15;  // < 2^60, far above any body limit

}  // namespace

std::optional<std::string_view> ParsedRequest::header(std::string_view lowercase_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lowercase_name) return std::string_view(value);
  }
  return std::nullopt;
}

RequestParser::Result RequestParser::fail(int status, std::string detail) {
  phase_ = Phase::kFailed;
  error_ = {status, std::move(detail)};
  return Result::kError;
}

// The next CRLF-terminated line without its CRLF, or nullopt until it is
// complete. A bare LF or CR is an error at once: RFC 9112 lets a server
// accept a bare LF, but a proxy in front that does not would see different
// requests in the same bytes.
std::optional<std::string_view> RequestParser::next_line(std::size_t limit,
                                                         int status_when_too_long) {
  scanned_ = std::max(scanned_, pos_);
  const auto lf = buffer_.find('\n', scanned_);
  const std::size_t end = lf == std::string::npos ? buffer_.size() : lf;
  const auto cr = buffer_.find('\r', scanned_);
  if (cr != std::string::npos && cr + 1 < buffer_.size() && cr + 1 != lf) {
    fail(400, "Malformed request: a bare CR in a line");
    return std::nullopt;
  }
  if (lf == std::string::npos) {
    // A CR last in the buffer is looked at again once its successor is in.
    scanned_ = buffer_.size() - (!buffer_.empty() && buffer_.back() == '\r' ? 1 : 0);
    if (buffer_.size() - pos_ > limit) fail(status_when_too_long, "");
    return std::nullopt;
  }
  if (lf == pos_ || buffer_[lf - 1] != '\r') {
    fail(400, "Malformed request: lines must end with CRLF");
    return std::nullopt;
  }
  if (end - pos_ > limit) {
    fail(status_when_too_long, "");
    return std::nullopt;
  }
  const std::string_view line(buffer_.data() + pos_, lf - 1 - pos_);
  pos_ = lf + 1;
  scanned_ = pos_;
  return line;
}

RequestParser::Result RequestParser::advance() {
  for (;;) {
    switch (phase_) {
      case Phase::kFailed:
        return Result::kError;
      case Phase::kDone:
        return Result::kRequest;
      case Phase::kRequestLine:
      case Phase::kHeaders:
      case Phase::kTrailers: {
        const std::size_t room =
            limits_.max_head_bytes - std::min(head_bytes_, limits_.max_head_bytes);
        const bool trailers = phase_ == Phase::kTrailers;
        const int too_long = trailers ? 400 : 431;
        const std::size_t start = pos_;
        const auto line = next_line(room, too_long);
        if (phase_ == Phase::kFailed) {
          if (error_.detail.empty()) {
            error_.detail =
                trailers ? "Chunked trailer section too large" : "Request header fields too large";
          }
          return Result::kError;
        }
        if (!line) return Result::kNeedMore;
        head_bytes_ += pos_ - start;
        Result result = Result::kNeedMore;
        if (phase_ == Phase::kRequestLine) {
          result = on_request_line(*line);
        } else if (phase_ == Phase::kHeaders) {
          result = on_header_line(*line);
        } else {
          result = on_trailer_line(*line);
        }
        if (result == Result::kError) return result;
        break;
      }
      case Phase::kChunkSize: {
        const auto line = next_line(kMaxChunkSizeLine, 400);
        if (phase_ == Phase::kFailed) {
          if (error_.detail.empty()) error_.detail = "Invalid chunk size line";
          return Result::kError;
        }
        if (!line) return Result::kNeedMore;
        if (on_chunk_size_line(*line) == Result::kError) return Result::kError;
        break;
      }
      case Phase::kBody:
      case Phase::kChunkData: {
        if (take_body_bytes() == Result::kNeedMore) return Result::kNeedMore;
        break;
      }
      case Phase::kChunkEnd: {
        if (buffer_.size() - pos_ < 2) return Result::kNeedMore;
        if (buffer_.compare(pos_, 2, "\r\n") != 0)
          return fail(400, "Invalid chunk: data longer than its size");
        pos_ += 2;
        phase_ = Phase::kChunkSize;
        break;
      }
    }
  }
}

RequestParser::Result RequestParser::take_body_bytes() {
  const std::size_t n = std::min(remaining_, buffer_.size() - pos_);
  current_.body.append(buffer_, pos_, n);
  pos_ += n;
  remaining_ -= n;
  if (remaining_ > 0) return Result::kNeedMore;
  phase_ = phase_ == Phase::kBody ? Phase::kDone : Phase::kChunkEnd;
  return Result::kRequest;
}

RequestParser::Result RequestParser::on_request_line(std::string_view line) {
  // RFC 9112 §2.2: ignore empty lines before the request line (a client's
  // stray CRLF after a previous body), within the head limit.
  if (line.empty()) return Result::kNeedMore;
  const auto first = line.find(' ');
  const auto last = line.rfind(' ');
  if (first == std::string_view::npos || first == last) {
    return fail(400, "Malformed request line: expected METHOD TARGET HTTP/1.1");
  }
  const auto method = line.substr(0, first);
  const auto target = line.substr(first + 1, last - first - 1);
  const auto version = line.substr(last + 1);
  if (!syntax::is_token(method)) return fail(400, "Malformed request line: invalid method");
  if (target.empty() || target.find(' ') != std::string_view::npos ||
      !std::all_of(target.begin(), target.end(), [](char c) { return c > 0x20 && c < 0x7f; })) {
    return fail(400, "Malformed request line: invalid request target");
  }
  if (version.size() != 8 || version.substr(0, 5) != "HTTP/" || !std::isdigit(version[5]) ||
      version[6] != '.' || !std::isdigit(version[7])) {
    return fail(400, "Malformed request line: invalid HTTP version");
  }
  // A newer HTTP/1 minor version is served as 1.1 (RFC 9110 §6.2); another
  // major version is not HTTP/1 at all. RFC 9110 suggests 505 for it, but
  // the contract keeps 5xx for the server's own faults.
  if (version[5] != '1') return fail(400, "HTTP version not supported");
  current_.method = std::string(method);
  current_.target = std::string(target);
  current_.minor_version = std::min(version[7] - '0', 1);
  phase_ = Phase::kHeaders;
  return Result::kNeedMore;
}

RequestParser::Result RequestParser::on_header_line(std::string_view line) {
  if (line.empty()) return on_head_complete();
  if (line.front() == ' ' || line.front() == '\t') {
    return fail(400, "Malformed header: line folding is not accepted");
  }
  const auto colon = line.find(':');
  // No whitespace between the name and the colon (RFC 9112 §5.1): such a
  // name is not a token, so it fails here.
  if (colon == std::string_view::npos || !syntax::is_token(line.substr(0, colon))) {
    return fail(400, "Malformed header: expected Name: value");
  }
  const auto value = syntax::trim_ows(line.substr(colon + 1));
  if (!syntax::is_field_value(value))
    return fail(400, "Malformed header: invalid character in value");
  if (current_.headers.size() >= limits_.max_header_count) {
    return fail(431, "Too many request header fields");
  }
  current_.headers.emplace_back(syntax::lowercase(line.substr(0, colon)), std::string(value));
  return Result::kNeedMore;
}

RequestParser::Result RequestParser::on_chunk_size_line(std::string_view line) {
  std::size_t digits = 0;
  std::size_t size = 0;
  while (digits < line.size() && text::hex_digit_value(line[digits]) >= 0) {
    if (digits == kMaxChunkSizeDigits) return fail(413, "Request body too large");
    size = size * 16 + static_cast<std::size_t>(text::hex_digit_value(line[digits]));
    ++digits;
  }
  // chunk-ext: BWS ";" name [= value], ignored (RFC 9112 §7.1.1).
  const auto extensions = syntax::trim_ows(line.substr(digits));
  if (digits == 0 || (!extensions.empty() && extensions.front() != ';') ||
      !syntax::is_field_value(extensions)) {
    return fail(400, "Invalid chunk size line");
  }
  if (size > limits_.max_body_bytes - std::min(current_.body.size(), limits_.max_body_bytes)) {
    return fail(413, "Request body too large");
  }
  if (size == 0) {
    phase_ = Phase::kTrailers;
    head_bytes_ = 0;  // the trailer section gets a head's allowance of its own
  } else {
    remaining_ = size;
    phase_ = Phase::kChunkData;
  }
  return Result::kNeedMore;
}

// Trailer fields are read for framing and dropped: nothing here needs them,
// and merging them into the headers would let a body smuggle headers in.
RequestParser::Result RequestParser::on_trailer_line(std::string_view line) {
  if (line.empty()) {
    phase_ = Phase::kDone;
    return Result::kRequest;
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos || !syntax::is_token(line.substr(0, colon)) ||
      !syntax::is_field_value(line.substr(colon + 1))) {
    return fail(400, "Malformed chunked trailer field");
  }
  return Result::kNeedMore;
}

ParsedRequest RequestParser::take_request() {
  ParsedRequest request = std::move(current_);
  current_ = ParsedRequest{};
  buffer_.erase(0, pos_);
  pos_ = 0;
  scanned_ = 0;
  head_bytes_ = 0;
  remaining_ = 0;
  continued_ = false;
  phase_ = Phase::kRequestLine;
  return request;
}

}  // namespace shared::http
