#pragma once
// Method + path-template routing, e.g. "/api/tasks/{id}/complete".
// Unknown path → 404; known path, other method → 405 with `Allow`.
// Templates match whole segments; `{name}` captures one non-empty segment.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/http/request.hpp"
#include "shared/http/responder.hpp"
#include "shared/http/response.hpp"

namespace shared::http {

using SyncHandler = std::function<Response(const Request&)>;
using AsyncHandler = std::function<void(const Request&, Responder)>;

class Router {
 public:
  void add(std::string method, std::string path_template, SyncHandler handler);
  void add_async(std::string method, std::string path_template, AsyncHandler handler);

  struct Match {
    enum class Kind { kFound, kNotFound, kMethodNotAllowed } kind = Kind::kNotFound;
    const AsyncHandler* handler = nullptr;
    std::string route;  // the template, or "unmatched"
    std::vector<std::pair<std::string, std::string>> params;
    std::vector<std::string> allowed_methods;  // for kMethodNotAllowed
  };
  Match match(std::string_view method, std::string_view path) const;

 private:
  struct Route {
    std::string method;
    std::string path_template;
    std::vector<std::string> segments;
    AsyncHandler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace shared::http
