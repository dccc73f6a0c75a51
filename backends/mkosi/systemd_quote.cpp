#include "backends/mkosi/systemd_quote.h"

#include "backends/mkosi/ini_writer.h"

namespace tdxc::mkosi {
namespace {

std::string cEscape(const std::string &text, bool escapeDollar) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\n': out += "\\n"; break;
      case '%': out += "%%"; break;
      case '$': out += escapeDollar ? "$$" : "$"; break;
      default: out += c;
    }
  }
  return out;
}

bool needsQuotes(const std::string &text) {
  if (text.empty()) return true;
  return text.find_first_of(" \t\r\n\"'\\;") != std::string::npos;
}

}  // namespace

std::string quoteExecArgument(const std::string &arg, bool expandEnvironment) {
  std::string escaped = cEscape(arg, !expandEnvironment);
  return needsQuotes(arg) ? "\"" + escaped + "\"" : escaped;
}

std::string execLine(const std::vector<std::string> &argv, bool expandEnvironment) {
  std::string line;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    if (i > 0) line += ' ';
    line += quoteExecArgument(argv[i], expandEnvironment);
  }
  return line;
}

std::string quoteEnvironmentAssignment(const std::string &key, const std::string &value) {
  std::string assignment = key + "=" + value;
  std::string escaped = cEscape(assignment, false);
  return needsQuotes(assignment) ? "\"" + escaped + "\"" : escaped;
}

// systemd and mkosi share the %-specifier syntax and its %% escape.
std::string escapeUnitText(const std::string &text) { return escapeSpecifiers(text); }

}  // namespace tdxc::mkosi
