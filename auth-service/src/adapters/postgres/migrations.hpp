#pragma once
// auth-service's schema, compiled in from auth-service/migrations/*.sql
// (cmake/EmbedFiles.cmake), applied at start-up by shared::db::apply_migrations.

#include <vector>

#include "shared/db/migration.hpp"

namespace auth::adapters::postgres {

const std::vector<shared::db::Migration>& migrations();

}  // namespace auth::adapters::postgres
