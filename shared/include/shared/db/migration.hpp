#pragma once
#include <string>
#include <vector>

namespace shared::db {

// One versioned schema change, compiled into the binary (cmake/EmbedFiles.cmake).
// `version` is the file name without extension, e.g. "0001_create_users";
// migrations are applied in ascending version order.
struct Migration {
  std::string version;
  std::string sql;
};

}  // namespace shared::db
