// Quoting text as a .tdx string literal, for dumps and messages.
#pragma once

#include <string>
#include <string_view>

namespace tdxc {

/// "text" with \" \\ \n \t \r escaped; `escapeDollar` also writes $ as \$
/// (so the result reads back as the same .tdx string, without interpolation).
std::string quoteTdxString(std::string_view text, bool escapeDollar);

}  // namespace tdxc
