#include "support/quote.h"

namespace tdxc {
namespace {

// The escapes .tdx and JSON string literals share; false for other bytes.
bool appendCommonEscape(std::string &out, char c) {
  switch (c) {
    case '"': out += "\\\""; return true;
    case '\\': out += "\\\\"; return true;
    case '\n': out += "\\n"; return true;
    case '\t': out += "\\t"; return true;
    case '\r': out += "\\r"; return true;
    default: return false;
  }
}

}  // namespace

std::string quoteTdxString(std::string_view text, bool escapeDollar) {
  std::string out = "\"";
  for (char c : text) {
    if (appendCommonEscape(out, c)) continue;
    out += c == '$' && escapeDollar ? "\\$" : std::string(1, c);
  }
  return out + "\"";
}

std::string shellQuote(std::string_view word) {
  bool plain = !word.empty() &&
               word.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-./:=@+,") ==
                   std::string_view::npos;
  if (plain) return std::string(word);
  std::string out = "'";
  for (char c : word) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

std::string quoteJsonString(std::string_view text) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (char c : text) {
    if (appendCommonEscape(out, c)) continue;
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20) {
      out += "\\u00";
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace tdxc
