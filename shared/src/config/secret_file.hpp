#pragma once
// Reading a secret from a file named by NAME_FILE (Kubernetes mounts secrets
// as files).

#include <string>

namespace shared::config::internal {

// The file's contents with one trailing newline ("\n" or "\r\n") removed, so
// `echo secret > file` works. Throws ConfigError naming `file_variable` (never
// the path or the contents) when the file cannot be read or is too large.
std::string read_secret_file(const std::string& file_variable, const std::string& path);

}  // namespace shared::config::internal
