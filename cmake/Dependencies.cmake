# Every third-party dependency as an imported target, so each layer links only
# what it may use. Packages that ship a CMake config are found directly; the
# rest through pkg-config or find_library (SOCI in Debian ships neither).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

find_package(nlohmann_json 3 REQUIRED)
find_package(spdlog REQUIRED)
find_package(cpp-jwt REQUIRED)
find_package(OpenSSL REQUIRED) # cpp-jwt signs with OpenSSL's HMAC
find_package(Boost REQUIRED)   # SOCI's headers include Boost

pkg_check_modules(PISTACHE REQUIRED IMPORTED_TARGET libpistache)
pkg_check_modules(BOTAN REQUIRED IMPORTED_TARGET botan-2)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)

find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE_LIBRARY soci_core REQUIRED)
find_library(SOCI_POSTGRESQL_LIBRARY soci_postgresql REQUIRED)
add_library(soci::postgresql INTERFACE IMPORTED)
target_include_directories(soci::postgresql SYSTEM INTERFACE ${SOCI_INCLUDE_DIR} ${SOCI_INCLUDE_DIR}/soci)
target_link_libraries(soci::postgresql INTERFACE ${SOCI_POSTGRESQL_LIBRARY} ${SOCI_CORE_LIBRARY}
                                                 PkgConfig::LIBPQ Boost::headers ${CMAKE_DL_LIBS})

if(TODO_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
endif()
