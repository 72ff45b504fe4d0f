#pragma once
// application/x-www-form-urlencoded bodies (what Swagger UI and FastAPI's
// OAuth2PasswordRequestForm send): `a=1&b=x+y%21`.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace auth::adapters::http {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// Splits on '&' and '=', turns '+' into a space and decodes %XX. A malformed
// escape is kept literally, as Python's urllib.parse does.
FormFields parse_form_urlencoded(std::string_view body);

// The LAST value of `name` (Starlette's FormData gives the last one too).
std::optional<std::string> form_value(const FormFields& fields, std::string_view name);

}  // namespace auth::adapters::http
