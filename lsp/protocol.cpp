#include "lsp/protocol.h"

namespace tdxc::lsp {

json toJson(Position position) { return {{"line", position.line}, {"character", position.character}}; }

json toJson(const Range &range) { return {{"start", toJson(range.start)}, {"end", toJson(range.end)}}; }

json location(const std::string &uri, const Range &range) { return {{"uri", uri}, {"range", toJson(range)}}; }

Position readPosition(const json &value) {
  return {value.at("line").get<std::uint32_t>(), value.at("character").get<std::uint32_t>()};
}

Range readRange(const json &value) { return {readPosition(value.at("start")), readPosition(value.at("end"))}; }

std::string documentUri(const json &params) { return params.at("textDocument").at("uri").get<std::string>(); }

json markdown(const std::string &text) { return {{"kind", "markdown"}, {"value", text}}; }

}  // namespace tdxc::lsp
