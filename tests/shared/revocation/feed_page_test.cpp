#include "shared/revocation/feed_page.hpp"

#include <catch2/catch.hpp>

using namespace shared::revocation;

TEST_CASE("feed page: what auth-service writes, a follower reads back") {
  const FeedPage page{"42",
                      {TokenRevoked{"j1", "u1", 1700000000},
                       UserCutoff{"u2", 1700000001, 1700604801}, UserDeleted{"u3"}}};
  const auto json = feed_page_json(page);
  CHECK(
      json ==
      R"({"cursor":"42","events":[{"expires_at":1700000000,"jti":"j1","type":"token","user_id":"u1"},)"
      R"({"expires_at":1700604801,"not_before":1700000001,"type":"user","user_id":"u2"},)"
      R"({"type":"user_deleted","user_id":"u3"}]})");
  const auto parsed = parse_feed_page(json);
  REQUIRE(parsed);
  CHECK(parsed->cursor == "42");
  REQUIRE(parsed->events.size() == 3);
  CHECK(std::get<TokenRevoked>(parsed->events[0]).jti == "j1");
  CHECK(std::get<UserCutoff>(parsed->events[1]).not_before == 1700000001);
  CHECK(std::get<UserDeleted>(parsed->events[2]).user_id == "u3");
}

TEST_CASE("feed page: events of unknown types are skipped") {
  const auto parsed = parse_feed_page(
      R"({"cursor":"7","events":[{"type":"session_note","x":1},{"type":"user","user_id":"u","not_before":5}]})");
  REQUIRE(parsed);
  REQUIRE(parsed->events.size() == 1);
  CHECK(std::get<UserCutoff>(parsed->events[0]).expires_at == 0);
}

TEST_CASE("feed page: a known event without its fields, or no cursor, is malformed") {
  for (const char* body :
       {R"({"cursor":"1","events":[{"type":"token","user_id":"u","expires_at":1}]})",
        R"({"cursor":"1","events":[{"type":"user","user_id":"u","not_before":"5"}]})",
        R"({"cursor":"1","events":[{"type":"user_deleted"}]})", R"({"events":[]})",
        R"({"cursor":"1"})", "[]", "not json"}) {
    INFO(body);
    const auto parsed = parse_feed_page(body);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().code == shared::ErrorCode::kMalformedInput);
  }
}
