#include "task/adapters/http/request_parameters.hpp"

#include <charconv>
#include <limits>

#include "shared/violations.hpp"

namespace task::adapters::http {

shared::Result<domain::TaskId> task_id_from_path(const shared::http::Request& request) {
  std::string_view text = request.path_param("id");
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  domain::TaskId id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || ec == std::errc::invalid_argument || end != text.data() + text.size()) {
    return shared::Error::invalid_argument({shared::violation::int_parsing({"path", "id"})});
  }
  if (ec == std::errc::result_out_of_range) {
    using Limits = std::numeric_limits<domain::TaskId>;
    return shared::Error::invalid_argument(
        {text.front() == '-' ? shared::violation::greater_than_equal({"path", "id"}, Limits::min())
                             : shared::violation::less_than_equal({"path", "id"}, Limits::max())});
  }
  return id;
}

shared::Result<domain::TaskQuery> task_query_from(const shared::http::Request& request) {
  auto query = domain::TaskQuery::from_parameters(
      [&](std::string_view name) { return request.query_param(name); });
  if (query) return query;
  shared::Error error = query.error();
  for (auto& violation : error.violations)
    violation.location.insert(violation.location.begin(), "query");
  return error;
}

}  // namespace task::adapters::http
