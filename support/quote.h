// Quoting text for the languages tdxc writes: .tdx literals (dumps and
// messages), bash words and JSON strings.
#pragma once

#include <string>
#include <string_view>

namespace tdxc {

/// "text" with \" \\ \n \t \r escaped; `escapeDollar` also writes $ as \$
/// (so the result reads back as the same .tdx string, without interpolation).
std::string quoteTdxString(std::string_view text, bool escapeDollar);
/// The word unchanged if it only has safe characters, else single-quoted for bash.
std::string shellQuote(std::string_view word);
/// A JSON string literal (also a valid YAML double-quoted scalar).
std::string quoteJsonString(std::string_view text);

}  // namespace tdxc
