# todo_expose_layer(<target> <service> <layer>)
#
# Makes the headers of <service>-service/src/<layer> includable as
# "<service>/<layer>/..." by <target> and by whatever links it, and by
# nothing else: each layer target gets an include root of its own in the
# build tree, holding one link to its sources. So the dependency rule is a
# compile error too, not only a link error: auth_domain cannot even include
# "auth/app/..." or "auth/adapters/...", because it does not link (and so
# does not see the include root of) those targets. <layer> is a path under
# src/, e.g. "domain", "app", "adapters/postgres", "config".
function(todo_expose_layer target service layer)
  set(root ${CMAKE_BINARY_DIR}/include-roots/${target})
  set(link ${root}/${service}/${layer})
  get_filename_component(parent ${link} DIRECTORY)
  file(MAKE_DIRECTORY ${parent})
  file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR}/src/${layer} ${link} SYMBOLIC)
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "INTERFACE_LIBRARY")
    target_include_directories(${target} INTERFACE ${root})
  else()
    target_include_directories(${target} PUBLIC ${root})
  endif()
endfunction()
