#include "shared/db/lease.hpp"

#include "shared/db/connection_pool.hpp"

namespace shared::db {

Lease::Lease(ConnectionPool& pool, std::unique_ptr<internal::PooledConnection> connection) noexcept
    : pool_(&pool), connection_(std::move(connection)) {}

Lease::Lease(Lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)), connection_(std::move(other.connection_)) {}

Lease& Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    if (pool_ != nullptr) pool_->release(std::move(connection_));
    pool_ = std::exchange(other.pool_, nullptr);
    connection_ = std::move(other.connection_);
  }
  return *this;
}

Lease::~Lease() {
  if (pool_ != nullptr) pool_->release(std::move(connection_));
}

Pooler Lease::pooler() const noexcept {
  return pool_->settings().pooler;
}

void Lease::mark_broken() noexcept {
  connection_->broken = true;
  pool_->note_connection_failure();
}

}  // namespace shared::db
