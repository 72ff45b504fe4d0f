// Fixture for check_layer_includes.cmake's own test (see ../domain/order.hpp).
#include <pistache/http.h>

#include "shared/http/request.hpp"

#include "../adapters/http/routes.hpp"
