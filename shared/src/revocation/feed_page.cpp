#include "shared/revocation/feed_page.hpp"

#include <nlohmann/json.hpp>

#include "shared/overloaded.hpp"

namespace shared::revocation {
namespace {

using nlohmann::json;

json event_json(const Event& event) {
  return std::visit(shared::Overloaded{
                        [](const TokenRevoked& e) {
                          return json{{"type", "token"},
                                      {"jti", e.jti},
                                      {"user_id", e.user_id},
                                      {"expires_at", e.expires_at}};
                        },
                        [](const UserCutoff& e) {
                          return json{{"type", "user"},
                                      {"user_id", e.user_id},
                                      {"not_before", e.not_before},
                                      {"expires_at", e.expires_at}};
                        },
                        [](const UserDeleted& e) {
                          return json{{"type", "user_deleted"}, {"user_id", e.user_id}};
                        },
                    },
                    event);
}

bool read_string(const json& object, const char* key, std::string& out) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return false;
  out = it->get<std::string>();
  return !out.empty();
}

bool read_seconds(const json& object, const char* key, std::int64_t& out) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) return false;
  out = it->get<std::int64_t>();
  return true;
}

// nullopt for an unknown type; an Error for a known one that lacks a field.
Result<std::optional<Event>> read_event(const json& object) {
  const auto bad = [](const std::string& what) {
    return Error::malformed_input("revocation event: " + what);
  };
  if (!object.is_object()) return bad("not an object");
  std::string type;
  if (!read_string(object, "type", type)) return bad("no type");
  if (type == "token") {
    TokenRevoked e;
    if (!read_string(object, "jti", e.jti) || !read_string(object, "user_id", e.user_id) ||
        !read_seconds(object, "expires_at", e.expires_at)) {
      return bad("token event without jti, user_id or expires_at");
    }
    return std::optional<Event>(std::move(e));
  }
  if (type == "user") {
    UserCutoff e;
    if (!read_string(object, "user_id", e.user_id) ||
        !read_seconds(object, "not_before", e.not_before)) {
      return bad("user event without user_id or not_before");
    }
    if (object.contains("expires_at") && !read_seconds(object, "expires_at", e.expires_at)) {
      return bad("user event with a non-integer expires_at");
    }
    return std::optional<Event>(std::move(e));
  }
  if (type == "user_deleted") {
    UserDeleted e;
    if (!read_string(object, "user_id", e.user_id))
      return bad("user_deleted event without user_id");
    return std::optional<Event>(std::move(e));
  }
  return std::optional<Event>();
}

}  // namespace

std::string feed_page_json(const FeedPage& page) {
  json events = json::array();
  for (const auto& event : page.events) events.push_back(event_json(event));
  return json{{"cursor", page.cursor}, {"events", std::move(events)}}.dump();
}

Result<FeedPage> parse_feed_page(std::string_view body) {
  const auto parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return Error::malformed_input("revocation feed: not a JSON object");
  }
  FeedPage page;
  if (!read_string(parsed, "cursor", page.cursor)) {
    return Error::malformed_input("revocation feed: no cursor");
  }
  const auto events = parsed.find("events");
  if (events == parsed.end() || !events->is_array()) {
    return Error::malformed_input("revocation feed: no events array");
  }
  for (const auto& object : *events) {
    auto event = read_event(object);
    if (!event) return event.error();
    if (*event) page.events.push_back(std::move(**event));
  }
  return page;
}

}  // namespace shared::revocation
