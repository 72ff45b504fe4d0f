# The dependency rule, checked in the sources: a domain or app file of any
# service (ROOT/*-service/src/{domain,app}) may include the standard library,
# shared's core value types (shared/result.hpp) and its own service's inner
# layers, nothing else. The build enforces most of this already (each layer
# sees only the include roots of what it links, cmake/Layers.cmake); this
# also catches what a compiler cannot: a third-party header found in
# /usr/include (Pistache, SOCI, libpq, nlohmann, spdlog, fmt, cpp-jwt,
# Botan, OpenSSL) and a relative path around the include roots.
#
#   cmake -DROOT=<repository> -P check_layer_includes.cmake   (exit 1 on a finding)

set(forbidden_everywhere
  "^\\.\\./" "/\\.\\./"                                   # around the include roots
  "^pistache/" "^soci/" "^libpq" "^postgresql/" "^pqxx/"  # HTTP, SQL
  "^nlohmann/" "^spdlog/" "^fmt/" "^jwt/" "^botan" "^openssl/" "^catch2/"
  "^shared/(http|db|log|config|jwt|metrics|service)/"     # shared's adapters
  "^[a-z]+/adapters/" "^[a-z]+/config/")
set(forbidden_in_domain "^[a-z]+/app/")

file(GLOB services LIST_DIRECTORIES true "${ROOT}/*-service")
set(findings "")
set(found 0)
set(checked 0)
foreach(service_dir IN LISTS services)
  foreach(layer domain app)
    file(GLOB_RECURSE files "${service_dir}/src/${layer}/*.hpp" "${service_dir}/src/${layer}/*.cpp")
    foreach(file IN LISTS files)
      math(EXPR checked "${checked} + 1")
      file(STRINGS "${file}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
      foreach(line IN LISTS includes)
        string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]+)[>\"].*" "\\1" path "${line}")
        set(rules ${forbidden_everywhere})
        if(layer STREQUAL "domain")
          list(APPEND rules ${forbidden_in_domain})
        endif()
        foreach(rule IN LISTS rules)
          if(path MATCHES "${rule}")
            file(RELATIVE_PATH shown "${ROOT}" "${file}")
            string(APPEND findings "  ${shown}: #include ${path} (not in the ${layer} layer)\n")
            math(EXPR found "${found} + 1")
            break()
          endif()
        endforeach()
      endforeach()
    endforeach()
  endforeach()
endforeach()

if(checked EQUAL 0)
  message(FATAL_ERROR "no domain or app sources found under ${ROOT}")
endif()
if(findings)
  message(FATAL_ERROR "layer rule broken by ${found} includes:\n${findings}")
endif()
message(STATUS "${checked} domain and app files include only what their layer may")
