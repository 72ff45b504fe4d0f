#include "content_length_guard.hpp"

#include <memory>
#include <mutex>
#include <string>

#include <pistache/http.h>
#include <pistache/http_headers.h>

namespace shared::http {
namespace {
namespace Header = Pistache::Http::Header;

class StrictContentLength : public Header::ContentLength {
 public:
  void parse(const std::string& data) override {
    // 18 digits keep the value far from overflow; no body is that large.
    if (data.empty() || data.size() > 18 ||
        data.find_first_not_of("0123456789") != std::string::npos) {
      throw Pistache::Http::HttpError(Pistache::Http::Code::Bad_Request,
                                      R"({"detail":"Invalid Content-Length header"})");
    }
    ContentLength::parse(data);
  }
};

// Pistache's Registry keeps its name → factory map private and refuses to
// register a name twice. An explicit instantiation may name a private member
// (C++ [temp.spec]/6), which is how this reaches the map to replace one entry.
template <auto Member>
struct RegistryMapAccess {
  friend auto& registry_map(Header::Registry& registry) { return registry.*Member; }
};
template struct RegistryMapAccess<&Header::Registry::registry>;
auto& registry_map(Header::Registry& registry);

}  // namespace

void install_strict_content_length() {
  static std::once_flag once;
  std::call_once(once, [] {
    registry_map(Header::Registry::instance())[StrictContentLength::Name] = [] {
      return std::unique_ptr<Header::Header>(new StrictContentLength());
    };
  });
}

}  // namespace shared::http
