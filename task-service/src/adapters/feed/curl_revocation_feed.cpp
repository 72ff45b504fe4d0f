#include "task/adapters/feed/curl_revocation_feed.hpp"

#include <mutex>

#include <curl/curl.h>

namespace task::adapters::feed {
namespace {

using domain::FeedAnswer;
using Kind = domain::FeedAnswer::Kind;

constexpr std::chrono::seconds kConnectTimeout{2};
constexpr std::chrono::seconds kSlack{5};  // beyond the poll's wait, for the answer to arrive
constexpr std::chrono::seconds kTokenLifetime{300};
constexpr std::chrono::seconds kRenewBefore{60};
constexpr std::chrono::milliseconds kPollSlice{1000};
// A snapshot of a million revoked tokens is about 110 MB; far beyond is a fault.
constexpr std::size_t kMaxBodyBytes = std::size_t{512} << 20;

struct Body {
  std::string text;
  bool too_large = false;
};

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto& body = *static_cast<Body*>(user);
  const auto bytes = size * count;
  if (body.text.size() + bytes > kMaxBodyBytes) {
    body.too_large = true;
    return 0;  // aborts the transfer
  }
  body.text.append(data, bytes);
  return bytes;
}

void global_init_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

struct CurlRevocationFeed::Handles {
  Handles() : easy(curl_easy_init()), multi(curl_multi_init()) {}
  ~Handles() {
    if (multi != nullptr) curl_multi_cleanup(multi);
    if (easy != nullptr) curl_easy_cleanup(easy);
  }
  Handles(const Handles&) = delete;
  Handles& operator=(const Handles&) = delete;

  CURL* easy;
  CURLM* multi;
  Body body;
  char error[CURL_ERROR_SIZE] = {};
};

CurlRevocationFeed::CurlRevocationFeed(std::string base_url, std::string_view service_secret,
                                       const shared::time::Clock& clock)
    : feed_url_(std::move(base_url) + "/internal/revocations"),
      clock_(clock),
      tokens_(service_secret, std::chrono::seconds(30), clock),
      renew_at_(clock.now()) {
  global_init_once();
  handles_ = std::make_unique<Handles>();
  if (handles_->easy == nullptr || handles_->multi == nullptr) {
    throw std::runtime_error("libcurl: cannot create a handle");
  }
  CURL* easy = handles_->easy;
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &handles_->body);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, handles_->error);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(std::chrono::milliseconds(kConnectTimeout).count()));
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
}

CurlRevocationFeed::~CurlRevocationFeed() = default;

FeedAnswer CurlRevocationFeed::snapshot() {
  return get(feed_url_, kSlack);
}

FeedAnswer CurlRevocationFeed::after(const std::string& cursor, std::chrono::seconds wait) {
  char* escaped = curl_easy_escape(handles_->easy, cursor.data(), static_cast<int>(cursor.size()));
  if (escaped == nullptr) return FeedAnswer::failed(Kind::kUnavailable, "libcurl: out of memory");
  const std::string url = feed_url_ + "?after=" + escaped + "&wait=" + std::to_string(wait.count());
  curl_free(escaped);
  return get(url, wait + kSlack);
}

void CurlRevocationFeed::interrupt() {
  interrupted_.store(true);
  curl_multi_wakeup(handles_->multi);
}

const std::string& CurlRevocationFeed::service_token() {
  const auto now = clock_.now();
  if (token_.empty() || now >= renew_at_) {
    token_ = tokens_.mint("task-service", kTokenLifetime);
    renew_at_ = now + kTokenLifetime - kRenewBefore;
  }
  return token_;
}

FeedAnswer CurlRevocationFeed::get(const std::string& url, std::chrono::seconds timeout) {
  if (interrupted_.load()) return FeedAnswer::failed(Kind::kUnavailable, "stopping");
  CURL* easy = handles_->easy;
  CURLM* multi = handles_->multi;
  handles_->body = {};
  handles_->error[0] = '\0';

  const std::string authorization = "Authorization: Bearer " + service_token();
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(
      curl_slist_append(nullptr, authorization.c_str()), &curl_slist_free_all);
  if (headers) curl_slist_append(headers.get(), "Accept: application/json");
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS,
                   static_cast<long>(std::chrono::milliseconds(timeout).count()));

  curl_multi_add_handle(multi, easy);
  CURLcode result = CURLE_OK;
  bool stopped = false;
  for (int running = 1; running != 0;) {
    if (curl_multi_perform(multi, &running) != CURLM_OK) {
      result = CURLE_FAILED_INIT;
      break;
    }
    if (running == 0) break;
    if (interrupted_.load()) {
      stopped = true;
      break;
    }
    curl_multi_poll(multi, nullptr, 0, static_cast<int>(kPollSlice.count()), nullptr);
  }
  int left = 0;
  while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
    if (message->msg == CURLMSG_DONE) result = message->data.result;
  }
  curl_multi_remove_handle(multi, easy);
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, nullptr);  // `headers` goes now

  if (stopped) return FeedAnswer::failed(Kind::kUnavailable, "stopping");
  if (handles_->body.too_large) {
    return FeedAnswer::failed(Kind::kUnavailable, "answer larger than 512 MiB");
  }
  if (result != CURLE_OK) {
    const std::string detail =
        handles_->error[0] != '\0' ? handles_->error : curl_easy_strerror(result);
    return FeedAnswer::failed(Kind::kUnavailable, detail);
  }
  long status = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  switch (status) {
    case 200: {
      auto page = shared::revocation::parse_feed_page(handles_->body.text);
      if (!page) return FeedAnswer::failed(Kind::kUnavailable, page.error().message);
      return FeedAnswer::of(std::move(*page));
    }
    case 410:
      return FeedAnswer::failed(Kind::kCursorExpired, "cursor expired");
    case 401:
      return FeedAnswer::failed(Kind::kRefused, "service token refused (SERVICE_JWT_SECRET)");
    default:
      return FeedAnswer::failed(Kind::kUnavailable, "HTTP " + std::to_string(status));
  }
}

}  // namespace task::adapters::feed
