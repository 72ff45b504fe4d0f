#include "task/adapters/http/task_routes.hpp"

#include "shared/http/error_response.hpp"
#include "shared/http/json_body.hpp"
#include "task/adapters/http/authenticated.hpp"
#include "task/adapters/http/request_parameters.hpp"
#include "task/adapters/http/task_body.hpp"
#include "task/adapters/http/task_json.hpp"

namespace task::adapters::http {
namespace {

using domain::UserId;
using shared::http::error_response;
using shared::http::Request;
using shared::http::Response;

Response json_response(int status, std::string body) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

Response list(const TaskUseCases& use_cases, const Request& request, const UserId& caller) {
  auto query = task_query_from(request);
  if (!query) return error_response(query.error());
  const auto page = use_cases.list_tasks.execute({caller, std::move(query).value()});
  if (!page) return error_response(page.error());
  return json_response(200, task_list_json(page->items))
      .with_header("X-Total-Count", std::to_string(page->total));
}

Response create(const TaskUseCases& use_cases, const Request& request, const UserId& caller) {
  auto body = shared::http::required_json_object_body(request);
  if (!body) return error_response(body.error());
  auto new_task = new_task_from_body(*body);
  if (!new_task) return error_response(new_task.error());
  const auto created = use_cases.create_task.execute({caller, std::move(new_task).value()});
  if (!created) return error_response(created.error());
  return json_response(201, task_json(*created))
      .with_header("Location", "/api/tasks/" + std::to_string(created->id));
}

Response get(const TaskUseCases& use_cases, const Request& request, const UserId& caller) {
  const auto id = task_id_from_path(request);
  if (!id) return error_response(id.error());
  const auto task = use_cases.get_task.execute({caller, *id});
  if (!task) return error_response(task.error());
  return json_response(200, task_json(*task));
}

Response update(const TaskUseCases& use_cases, const Request& request, const UserId& caller) {
  const auto id = task_id_from_path(request);
  if (!id) return error_response(id.error());
  auto body = shared::http::required_json_object_body(request);
  if (!body) return error_response(body.error());
  auto changes = task_changes_from_body(*body);
  if (!changes) return error_response(changes.error());
  const auto task = use_cases.update_task.execute({caller, *id, std::move(changes).value()});
  if (!task) return error_response(task.error());
  return json_response(200, task_json(*task));
}

// No body (or an empty one) toggles; {"completed": bool} sets.
Response complete(const TaskUseCases& use_cases, const Request& request, const UserId& caller) {
  const auto id = task_id_from_path(request);
  if (!id) return error_response(id.error());
  std::optional<bool> completed;
  if (!request.body.empty()) {
    auto body = shared::http::json_object_body(request);
    if (!body) return error_response(body.error());
    const auto requested = completion_from_body(*body);
    if (!requested) return error_response(requested.error());
    completed = *requested;
  }
  const auto task = use_cases.complete_task.execute({caller, *id, completed});
  if (!task) return error_response(task.error());
  return json_response(200, task_json(*task));
}

Response remove(const TaskUseCases& use_cases, const Request& request, const UserId& caller) {
  const auto id = task_id_from_path(request);
  if (!id) return error_response(id.error());
  const auto deleted = use_cases.delete_task.execute({caller, *id});
  if (!deleted) return error_response(deleted.error());
  return Response::no_content();
}

}  // namespace

void add_task_routes(shared::http::Router& router, TaskUseCases use_cases,
                     const domain::TokenVerifier& verifier) {
  using Endpoint = Response (*)(const TaskUseCases&, const Request&, const UserId&);
  const auto route = [&](const char* method, const char* path, Endpoint endpoint) {
    router.add(
        method, path,
        authenticated(verifier, [use_cases, endpoint](const Request& r, const UserId& caller) {
          return endpoint(use_cases, r, caller);
        }));
  };
  route("GET", "/api/tasks", &list);
  route("POST", "/api/tasks", &create);
  route("GET", "/api/tasks/{id}", &get);
  route("PUT", "/api/tasks/{id}", &update);
  route("PATCH", "/api/tasks/{id}", &update);
  route("PATCH", "/api/tasks/{id}/complete", &complete);
  route("DELETE", "/api/tasks/{id}", &remove);
}

}  // namespace task::adapters::http
