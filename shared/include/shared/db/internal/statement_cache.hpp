#pragma once
// Per-connection cache of objects tied to one database session, typically a
// prepared soci::statement together with the variables it is bound to.
// Internal to shared_db: reached through Lease::cached().

#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <typeindex>
#include <typeinfo>
#include <vector>

namespace shared::db::internal {

class StatementCache {
 public:
  // Returns the object stored under `key`, creating it with make() (which
  // returns a T by value; guaranteed copy elision lets T be immovable, as a
  // statement bound to its own members must be). The object's address is
  // stable until clear(). Asking for a key with a different type is a bug
  // and throws std::logic_error.
  template <class T, class Make>
  T& get_or_create(std::string_view key, Make&& make) {
    if (auto found = entries_.find(key); found != entries_.end()) {
      if (found->second.type != std::type_index(typeid(T))) {
        throw std::logic_error("statement cache key reused with another type");
      }
      return *static_cast<T*>(found->second.object.get());
    }
    // `new T(prvalue)` rather than make_unique, which would need a move.
    std::unique_ptr<T> object(new T(std::invoke(std::forward<Make>(make))));
    T& ref = *object;
    entries_.emplace(std::string(key),
                     Entry{typeid(T), ErasedPtr(object.release(), &delete_as<T>)});
    return ref;
  }

  // Stops handing out `key`'s object (the next get_or_create makes a new
  // one) but keeps it alive until drop_retired(), so references stay valid
  // and it can be destroyed once no transaction is open.
  void retire(std::string_view key) {
    if (auto found = entries_.find(key); found != entries_.end()) {
      retired_.push_back(std::move(found->second.object));
      entries_.erase(found);
    }
  }
  void retire_all() {
    for (auto& [key, entry] : entries_) retired_.push_back(std::move(entry.object));
    entries_.clear();
  }
  void drop_retired() noexcept { retired_.clear(); }

  void clear() noexcept {
    retired_.clear();
    entries_.clear();
  }
  std::size_t size() const noexcept { return entries_.size(); }

 private:
  template <class T>
  static void delete_as(void* p) noexcept {
    delete static_cast<T*>(p);
  }
  using ErasedPtr = std::unique_ptr<void, void (*)(void*)>;
  struct Entry {
    std::type_index type;
    ErasedPtr object;
  };
  std::map<std::string, Entry, std::less<>> entries_;
  std::vector<ErasedPtr> retired_;
};

}  // namespace shared::db::internal
