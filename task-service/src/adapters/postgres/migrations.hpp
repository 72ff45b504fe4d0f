#pragma once
// task-service's schema, compiled in from task-service/migrations/*.sql
// (cmake/EmbedFiles.cmake), applied at start-up by shared::db::apply_migrations.

#include <vector>

#include "shared/db/migration.hpp"

namespace task::adapters::postgres {

const std::vector<shared::db::Migration>& migrations();

}  // namespace task::adapters::postgres
