// The checks on a complete request head: which body follows (framing), the
// Host rule, persistence and expectations. Everything that could make this
// server and another one (a proxy in front) disagree about where the body
// ends is refused (RFC 9112 §6.3, §11.2: request smuggling).
#include <algorithm>

#include "http_syntax.hpp"
#include "request_parser.hpp"

namespace shared::http {
namespace {

constexpr std::size_t kMaxContentLengthDigits = 18;  // fits std::size_t with room

// Every member of every header `name`, in order.
std::vector<std::string> all_members(const ParsedRequest& request, std::string_view name) {
  std::vector<std::string> members;
  for (const auto& [key, value] : request.headers) {
    if (key != name) continue;
    auto more = syntax::list_members(value);
    members.insert(members.end(), more.begin(), more.end());
  }
  return members;
}

std::size_t count_headers(const ParsedRequest& request, std::string_view name) {
  return static_cast<std::size_t>(std::count_if(request.headers.begin(), request.headers.end(),
                                                [&](const auto& h) { return h.first == name; }));
}

bool has_member(const std::vector<std::string>& members, std::string_view member) {
  return std::find(members.begin(), members.end(), member) != members.end();
}

}  // namespace

RequestParser::Result RequestParser::on_head_complete() {
  ParsedRequest& r = current_;
  const bool http11 = r.minor_version >= 1;

  // RFC 9112 §3.2: exactly one Host in HTTP/1.1, at most one in 1.0.
  const std::size_t hosts = count_headers(r, "host");
  if (hosts > 1 || (http11 && hosts == 0)) return fail(400, "Missing or repeated Host header");

  // Persistence (RFC 9112 §9.3): `close` anywhere in the list wins.
  const auto connection = all_members(r, "connection");
  r.keep_alive =
      !has_member(connection, "close") && (http11 || has_member(connection, "keep-alive"));

  const auto expect = all_members(r, "expect");
  if (!expect.empty()) {
    if (expect.size() != 1 || expect.front() != "100-continue") {
      return fail(417, "Expectation Failed: only 100-continue is supported");
    }
    r.expects_continue = http11;
  }

  const std::size_t transfer_encodings = count_headers(r, "transfer-encoding");
  const std::size_t content_lengths = count_headers(r, "content-length");
  if (transfer_encodings > 0) {
    if (content_lengths > 0) {
      return fail(400, "Content-Length and Transfer-Encoding together are not accepted");
    }
    if (!http11) return fail(400, "Transfer-Encoding is not accepted in HTTP/1.0");
    // Only chunked, alone: a coding we do not decode (RFC 9112 §6.1 suggests
    // 501; a client's bytes never get a 5xx here) would leave the body's end
    // unknown.
    if (all_members(r, "transfer-encoding") != std::vector<std::string>{"chunked"}) {
      return fail(400, "Unsupported Transfer-Encoding: only chunked is accepted");
    }
    phase_ = Phase::kChunkSize;
    return Result::kNeedMore;
  }

  if (content_lengths > 0) {
    // Repeats of one value are allowed (RFC 9112 §6.3 item 5); anything else
    // is two answers to where the body ends.
    std::optional<std::string> length;
    for (const auto& [name, value] : r.headers) {
      if (name != "content-length") continue;
      std::string_view rest = value;
      do {
        const auto comma = rest.find(',');
        const auto member = syntax::trim_ows(rest.substr(0, comma));
        if (member.empty() || member.size() > kMaxContentLengthDigits ||
            !std::all_of(member.begin(), member.end(),
                         [](char c) { return c >= '0' && c <= '9'; })) {
          return fail(400, "Invalid Content-Length header");
        }
        if (length && *length != member) return fail(400, "Conflicting Content-Length headers");
        length = std::string(member);
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
      } while (!rest.empty());
    }
    const std::size_t size = std::stoull(*length);
    // Refused before any of the body is read or allocated.
    if (size > limits_.max_body_bytes) return fail(413, "Request body too large");
    if (size > 0) {
      remaining_ = size;
      phase_ = Phase::kBody;
      return Result::kNeedMore;
    }
  }
  phase_ = Phase::kDone;
  return Result::kRequest;
}

}  // namespace shared::http
