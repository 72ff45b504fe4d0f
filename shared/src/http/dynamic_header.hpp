#pragma once
// Internal: a response header with a name chosen at run time.
//
// Pistache 0.0.5 writes only typed headers (Header::Collection::list());
// headers added with addRaw() are silently dropped from responses. This
// typed header carries any name and value, so X-Request-ID, Location,
// Retry-After and friends reach the client.

#include <ostream>
#include <string>

#include <pistache/http_header.h>

namespace shared::http {

class DynamicHeader : public Pistache::Http::Header::Header {
 public:
  DynamicHeader(std::string name, std::string value)
      : name_(std::move(name)), value_(std::move(value)) {}

  const char* name() const override { return name_.c_str(); }
  void write(std::ostream& stream) const override { stream << value_; }
#ifdef SAFE_HEADER_CAST
  uint64_t hash() const override {
    return std::hash<std::string>{}(name_);
  }
#endif

 private:
  std::string name_;
  std::string value_;
};

}  // namespace shared::http
