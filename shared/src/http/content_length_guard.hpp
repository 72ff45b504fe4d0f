#pragma once
namespace shared::http {

// Debian's Pistache 0.0.5 parses Content-Length with stoull and then reserves
// that many bytes: "-5" becomes a huge size and ends in a 500 whose body is an
// exception text; "abc" silently becomes 0. This swaps Pistache's header
// parser for a strict one (1–18 digits, else 400 with a JSON body) in its
// process-wide header registry. Idempotent; call before serving.
void install_strict_content_length();

}  // namespace shared::http
