#pragma once
// Lease: exclusive use of one pooled connection, handed back on destruction.

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <soci/session.h>

#include "shared/db/internal/pooled_connection.hpp"
#include "shared/db/pooler.hpp"
#include "shared/db/statements.hpp"

namespace shared::db {

class ConnectionPool;

// Move-only RAII handle from ConnectionPool::acquire(). The pool must outlive
// every lease. A lease is for one thread at a time (soci::session is not
// thread-safe); it is fine to move it to another thread.
class Lease {
 public:
  Lease(Lease&& other) noexcept;
  Lease& operator=(Lease&& other) noexcept;
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  ~Lease();

  // The open session. Leave it outside a transaction when the lease ends
  // (soci::transaction rolls back in its destructor, so use one).
  soci::session& session() const noexcept { return *connection_->session; }

  // The connection failed at connection level (or is in a state nobody should
  // inherit): drop it when the lease ends, and make the pool validate its idle
  // connections before handing them out again.
  void mark_broken() noexcept;

  // What sits between this connection and PostgreSQL (DB_POOLER).
  Pooler pooler() const noexcept;

  // Exchanges `elements` and prepares `sql` on `statement` (a statement of
  // session()) for repeated execution, as this connection allows: see
  // prepare_statement in statements.hpp.
  template <class... Elements>
  void prepare(soci::statement& statement, const std::string& sql, Elements&&... elements) const {
    prepare_statement(statement, pooler(), sql, std::forward<Elements>(elements)...);
  }

  // A per-connection object, created by make(*this) the first time `key`
  // is asked for on this connection and reused by later leases of the same
  // connection; dropped when the connection is reconnected. Meant for
  // prepared statements together with the variables they are bound to:
  //
  //   struct FindTitle {
  //     explicit FindTitle(Lease& lease) : stmt(lease.session()) {
  //       lease.prepare(stmt, kFindTitleSql, soci::use(id), soci::into(title));
  //     }
  //     long long id = 0;
  //     std::string title;
  //     soci::statement stmt;  // declared after what it binds
  //   };
  //   auto& q = lease.cached<FindTitle>("tasks.find_title",
  //                                     [](Lease& l) { return FindTitle(l); });
  //   q.id = 42;
  //   q.stmt.execute(true);
  //
  // make() must return T by value (T need not be movable) and must not keep
  // the Lease. Use one key per type; asking for a key with another type
  // throws std::logic_error.
  // Stops reusing `key`'s object; the next cached() call makes a new one.
  // Call it when the object's statement threw: SOCI 4.0.3 leaks a failed
  // statement's parameter buffers when it is executed again (with_session
  // does this for every cached object when f throws). The old object stays
  // valid until the lease ends, and is destroyed only after any transaction
  // left open was rolled back (SOCI cannot DEALLOCATE in a failed one).
  void forget(std::string_view key) { connection_->cache.retire(key); }

  template <class T, class Make>
  T& cached(std::string_view key, Make&& make) {
    return connection_->cache.get_or_create<T>(
        key, [&]() -> T { return std::forward<Make>(make)(*this); });
  }

 private:
  friend class ConnectionPool;
  Lease(ConnectionPool& pool, std::unique_ptr<internal::PooledConnection> connection) noexcept;
  internal::PooledConnection& connection() noexcept { return *connection_; }

  ConnectionPool* pool_ = nullptr;
  std::unique_ptr<internal::PooledConnection> connection_;
};

}  // namespace shared::db
