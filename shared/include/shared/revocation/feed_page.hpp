#pragma once
// One answer of GET /internal/revocations, and its JSON both ways: written by
// auth-service, read by every follower.
//   {"cursor": "<opaque>", "events": [{"type": "token", ...}, ...]}

#include <string>
#include <string_view>
#include <vector>

#include "shared/result.hpp"
#include "shared/revocation/event.hpp"

namespace shared::revocation {

struct FeedPage {
  std::string cursor;
  std::vector<Event> events;  // oldest first
};

std::string feed_page_json(const FeedPage& page);

// kMalformedInput when the body is not such an object or a known event lacks
// a field; events of types this build does not know are skipped (the contract
// lets the feed add informational types).
Result<FeedPage> parse_feed_page(std::string_view body);

}  // namespace shared::revocation
