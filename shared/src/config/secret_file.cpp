#include "secret_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "shared/config/env.hpp"

namespace shared::config::internal {
namespace {

// Far above any real key; stops a mistaken path such as /dev/zero from
// hanging or exhausting memory at start-up.
constexpr std::size_t kMaxSecretFileBytes = std::size_t{64} * 1024;

void strip_one_trailing_newline(std::string& text) {
  if (!text.empty() && text.back() == '\n') {
    text.pop_back();
    if (!text.empty() && text.back() == '\r') text.pop_back();
  }
}

}  // namespace

std::string read_secret_file(const std::string& file_variable, const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    throw ConfigError(file_variable, std::string("names a file that cannot be read (") +
                                         std::strerror(errno) +
                                         ")");  // NOLINT(concurrency-mt-unsafe)
  }
  std::string contents;
  contents.resize(kMaxSecretFileBytes + 1);
  file.read(contents.data(), static_cast<std::streamsize>(contents.size()));
  if (file.bad()) throw ConfigError(file_variable, "names a file that cannot be read");
  contents.resize(static_cast<std::size_t>(file.gcount()));
  if (contents.size() > kMaxSecretFileBytes) {
    throw ConfigError(file_variable, "names a file larger than 64 KiB");
  }
  strip_one_trailing_newline(contents);
  return contents;
}

}  // namespace shared::config::internal
