#include "support/quote.h"

namespace tdxc {

std::string quoteTdxString(std::string_view text, bool escapeDollar) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '$': out += escapeDollar ? "\\$" : "$"; break;
      default: out += c;
    }
  }
  return out + "\"";
}

}  // namespace tdxc
