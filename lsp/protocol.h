// JSON shapes of the LSP types this server uses (positions, ranges,
// locations) and the JSON-RPC error codes. Readers throw nlohmann::json
// exceptions on malformed input; the server turns those into InvalidParams.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "lsp/position.h"

namespace tdxc::lsp {

using json = nlohmann::json;

namespace error_code {
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kServerNotInitialized = -32002;
inline constexpr int kRequestFailed = -32803;
}  // namespace error_code

json toJson(Position position);
json toJson(const Range &range);
json location(const std::string &uri, const Range &range);

Position readPosition(const json &value);
/// A non-negative integer (clamped) / an integer; throw if not a number.
std::uint32_t readUnsigned(const json &value);
std::int64_t readInteger(const json &value);
Range readRange(const json &value);
/// params.textDocument.uri
std::string documentUri(const json &params);

/// Markdown for hovers and completion documentation.
json markdown(const std::string &text);

}  // namespace tdxc::lsp
