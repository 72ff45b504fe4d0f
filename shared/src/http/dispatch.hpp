#pragma once
// Internal: from a parsed request to a handler's answer: the contract's
// conventions (request id, client address, 404/405/413, the exception
// barrier) applied once, for every route of both services.

#include <memory>
#include <string>

#include "request_parser.hpp"
#include "server_state.hpp"

namespace shared::http {

class Connection;

// Routes `parsed` and runs its handler; the answer reaches `connection`
// through an Exchange, now or later, from any thread.
void dispatch(ParsedRequest parsed, const std::string& peer_address,
              std::shared_ptr<Connection> connection, const std::shared_ptr<ServerState>& state);

// Answers input that is not a request we can serve (`error`), with what was
// read of it, and closes the connection after the answer.
void dispatch_error(const ParseError& error, const ParsedRequest& partial,
                    const std::string& peer_address, std::shared_ptr<Connection> connection,
                    const std::shared_ptr<ServerState>& state);

}  // namespace shared::http
