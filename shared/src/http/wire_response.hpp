#pragma once
// Internal: a response as the bytes HTTP/1.1 puts on the wire (RFC 9112).
// Written here rather than by Pistache, whose writer queues by descriptor
// number (client_socket.hpp) and drops raw headers.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shared::http {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// Status line, `headers` in order, Content-Length (none for 204 and 304,
// which have no body by definition), then the body unless `send_body` is
// false, as for an answer to HEAD. CR and LF inside a header are dropped,
// so no value can split the response.
std::string wire_response(int status, const HeaderList& headers, std::string_view body,
                          bool send_body);

// The reason phrase for `status` ("" for one not listed): the ones the
// FastAPI backend sent (Python's http.HTTPStatus), e.g. 422 "Unprocessable Entity".
std::string_view reason_phrase(int status);

}  // namespace shared::http
