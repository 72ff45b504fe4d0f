#pragma once
// Fixture for check_layer_includes.cmake's own test: every include below
// breaks the layer rule, so the check must fail on this tree.
#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include "demo/adapters/postgres/order_rows.hpp"
#include "demo/app/place_order.hpp"
