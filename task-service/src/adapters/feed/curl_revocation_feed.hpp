#pragma once
// RevocationFeed over HTTP: GET {AUTH_INTERNAL_URL}/internal/revocations,
// authenticated with a service token (shared::jwt::ServiceTokens).
//
// Why libcurl and not Pistache's HTTP client: libcurl is the most widely
// used and best-kept HTTP client there is (Debian's libcurl4-openssl-dev),
// with connect and total timeouts, connection reuse (keep-alive) and TLS for
// an https AUTH_INTERNAL_URL built in; Pistache 0.0.5's client has no TLS
// without rebuilding it, and its HTTP layer is the one whose defects made us
// write our own server side (docs/architecture.md, "The HTTP layer").
//
// One easy handle is reused through one multi handle, so the connection to
// auth-service stays open between polls. The transfer runs in
// curl_multi_poll, which interrupt() wakes (curl_multi_wakeup): shutdown
// does not wait for a long poll to end. Timeouts: 2 s to connect, and the
// poll's wait plus 5 s in all. The service token is minted here, renewed a
// minute before it expires, and never logged or put in a URL.
//
// Not thread-safe apart from interrupt(): one follower thread calls it.

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

#include "shared/jwt/service_token.hpp"
#include "shared/time/clock.hpp"
#include "task/domain/ports/revocation_feed.hpp"

namespace task::adapters::feed {

class CurlRevocationFeed final : public domain::RevocationFeed {
 public:
  // `base_url`: AUTH_INTERNAL_URL, without a trailing '/'. `clock` decides
  // when the service token is renewed and must outlive this object.
  CurlRevocationFeed(std::string base_url, std::string_view service_secret,
                     const shared::time::Clock& clock = shared::time::system_clock());
  ~CurlRevocationFeed() override;
  CurlRevocationFeed(const CurlRevocationFeed&) = delete;
  CurlRevocationFeed& operator=(const CurlRevocationFeed&) = delete;

  domain::FeedAnswer snapshot() override;
  domain::FeedAnswer after(const std::string& cursor, std::chrono::seconds wait) override;
  void interrupt() override;

 private:
  struct Handles;  // the curl handles, kept out of this header
  domain::FeedAnswer get(const std::string& url, std::chrono::seconds timeout);
  const std::string& service_token();

  std::string feed_url_;
  const shared::time::Clock& clock_;
  shared::jwt::ServiceTokens tokens_;
  std::string token_;
  shared::time::Timestamp renew_at_;
  std::atomic<bool> interrupted_{false};
  std::unique_ptr<Handles> handles_;
};

}  // namespace task::adapters::feed
