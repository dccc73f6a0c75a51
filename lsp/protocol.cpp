#include "lsp/protocol.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace tdxc::lsp {

json toJson(Position position) { return {{"line", position.line}, {"character", position.character}}; }

json toJson(const Range &range) { return {{"start", toJson(range.start)}, {"end", toJson(range.end)}}; }

json location(const std::string &uri, const Range &range) { return {{"uri", uri}, {"range", toJson(range)}}; }

// Numbers are clamped into range: converting an out-of-range double (1e300)
// to an integer would be undefined behaviour. Non-numbers throw type_error.
std::uint32_t readUnsigned(const json &value) {
  constexpr auto kMax = std::numeric_limits<std::uint32_t>::max();
  if (value.is_number_unsigned())
    return static_cast<std::uint32_t>(std::min<std::uint64_t>(value.get<std::uint64_t>(), kMax));
  if (value.is_number_integer()) return 0;  // negative
  if (value.is_number_float()) {
    double d = value.get<double>();
    if (!(d >= 0)) return 0;  // negative or NaN
    return d >= static_cast<double>(kMax) ? kMax : static_cast<std::uint32_t>(d);
  }
  return value.get<std::uint32_t>();  // throws: not a number
}

std::int64_t readInteger(const json &value) {
  if (value.is_number_integer()) return value.get<std::int64_t>();
  if (value.is_number_unsigned())
    return static_cast<std::int64_t>(std::min<std::uint64_t>(value.get<std::uint64_t>(), INT64_MAX));
  if (value.is_number_float()) {
    double d = value.get<double>();
    if (!(d > -9.0e18 && d < 9.0e18)) return 0;
    return static_cast<std::int64_t>(d);
  }
  return value.get<std::int64_t>();  // throws: not a number
}

Position readPosition(const json &value) {
  return {readUnsigned(value.at("line")), readUnsigned(value.at("character"))};
}

Range readRange(const json &value) { return {readPosition(value.at("start")), readPosition(value.at("end"))}; }

std::string documentUri(const json &params) { return params.at("textDocument").at("uri").get<std::string>(); }

json markdown(const std::string &text) { return {{"kind", "markdown"}, {"value", text}}; }

}  // namespace tdxc::lsp
