// Decoding of string literal bodies. Kept apart from the AST builder so that it
// can be unit-tested without ANTLR.
#include <fmt/format.h>

#include "frontend/parse.h"

namespace tdxc {
namespace {

bool isIdentStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool isIdentChar(char c) { return isIdentStart(c) || (c >= '0' && c <= '9'); }

void appendUtf8(std::string &out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

std::vector<ast::StringPart> decodeStringLiteral(std::string_view body, SourceRange bodyRange,
                                                 DiagnosticEngine &diags) {
  std::vector<ast::StringPart> parts;
  auto at = [&](std::size_t begin, std::size_t end) {
    return SourceRange{bodyRange.file, bodyRange.begin + static_cast<std::uint32_t>(begin),
                       bodyRange.begin + static_cast<std::uint32_t>(end)};
  };
  ast::StringPart literal;
  std::size_t literalStart = 0;
  auto flushLiteral = [&](std::size_t end) {
    if (!literal.text.empty() || (parts.empty() && end == body.size())) {
      literal.range = at(literalStart, end);
      parts.push_back(std::move(literal));
    }
    literal = ast::StringPart{};
  };

  std::size_t i = 0;
  while (i < body.size()) {
    char c = body[i];
    if (c == '\\' && i + 1 < body.size()) {
      char e = body[i + 1];
      switch (e) {
        case 'n':
          literal.text += '\n';
          i += 2;
          continue;
        case 't':
          literal.text += '\t';
          i += 2;
          continue;
        case 'r':
          literal.text += '\r';
          i += 2;
          continue;
        case '\\':
          literal.text += '\\';
          i += 2;
          continue;
        case '"':
          literal.text += '"';
          i += 2;
          continue;
        case '$':
          literal.text += '$';
          i += 2;
          continue;
        case 'u': {
          // \u{1F600}: 1 to 6 hex digits, a Unicode scalar value.
          std::size_t close = body.find('}', i + 2);
          bool ok = i + 2 < body.size() && body[i + 2] == '{' && close != std::string_view::npos && close > i + 3 &&
                    close - (i + 3) <= 6;
          std::uint32_t cp = 0;
          for (std::size_t k = i + 3; ok && k < close; ++k) {
            char h = body[k];
            int v = (h >= '0' && h <= '9')   ? h - '0'
                    : (h >= 'a' && h <= 'f') ? h - 'a' + 10
                    : (h >= 'A' && h <= 'F') ? h - 'A' + 10
                                             : -1;
            if (v < 0)
              ok = false;
            else
              cp = cp * 16 + static_cast<std::uint32_t>(v);
          }
          if (ok && (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0)) ok = false;
          if (!ok) {
            bool braced = i + 2 < body.size() && body[i + 2] == '{' && close != std::string_view::npos;
            std::size_t end = braced ? close + 1 : i + 2;
            diags.report(
                DiagKind::InvalidEscape, at(i, end),
                "invalid \\u escape; write \\u{XXXX} with 1 to 6 hex digits naming a Unicode character other than NUL");
            i = end;
            continue;
          }
          appendUtf8(literal.text, cp);
          i = close + 1;
          continue;
        }
        default: {
          std::size_t len = 2;
          while (i + len < body.size() && (static_cast<unsigned char>(body[i + len]) & 0xC0) == 0x80) ++len;
          diags.report(DiagKind::InvalidEscape, at(i, i + len),
                       fmt::format("unknown escape '\\{}'; valid escapes are \\n \\t \\r \\\\ \\\" \\$ and \\u{{...}}",
                                   body.substr(i + 1, len - 1)));
          i += len;
          continue;
        }
      }
    }
    if (c == '$' && i + 1 < body.size() && body[i + 1] == '{') {
      std::size_t nameStart = i + 2, k = nameStart;
      if (k < body.size() && isIdentStart(body[k]))
        while (k < body.size() && isIdentChar(body[k])) ++k;
      if (k == nameStart || k >= body.size() || body[k] != '}') {
        std::size_t close = body.find('}', i);
        std::size_t end = close == std::string_view::npos ? body.size() : close + 1;
        diags.report(
            DiagKind::BadInterpolation, at(i, end),
            "malformed interpolation; write ${NAME} with a constant or variable name, or \\$ for a literal '$'");
        i = end;
        continue;
      }
      flushLiteral(i);
      parts.push_back(ast::StringPart{true, std::string(body.substr(nameStart, k - nameStart)), at(i, k + 1)});
      i = k + 1;
      literalStart = i;
      continue;
    }
    literal.text += c;
    ++i;
  }
  flushLiteral(body.size());
  if (parts.empty()) parts.push_back(ast::StringPart{false, "", at(0, body.size())});
  return parts;
}

std::string dedentRawString(std::string_view body) {
  std::string text;
  text.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i)  // normalise CRLF: output is always LF
    if (!(body[i] == '\r' && i + 1 < body.size() && body[i + 1] == '\n')) text += body[i];

  if (!text.empty() && text.front() == '\n') text.erase(0, 1);
  // Drop the indentation of the closing """ when it sits on a line of its own.
  std::size_t lastNewline = text.rfind('\n');
  if (lastNewline != std::string::npos && text.find_first_not_of(" \t", lastNewline + 1) == std::string::npos)
    text.erase(lastNewline + 1);

  // The common leading whitespace of all non-blank lines.
  std::optional<std::string> common;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    std::size_t indent = line.find_first_not_of(" \t");
    if (indent != std::string_view::npos) {
      std::string_view prefix = line.substr(0, indent);
      if (!common) {
        common = std::string(prefix);
      } else {
        std::size_t k = 0;
        while (k < common->size() && k < prefix.size() && (*common)[k] == prefix[k]) ++k;
        common->resize(k);
      }
    }
    pos = end + 1;
  }
  if (!common || common->empty()) return text;

  std::string result;
  result.reserve(text.size());
  pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    bool hasNewline = end != std::string::npos;
    if (!hasNewline) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    if (line.substr(0, common->size()) == *common)
      line.remove_prefix(common->size());
    else
      line = line.substr(line.find_first_not_of(" \t") == std::string_view::npos ? line.size() : 0);
    result += line;
    if (hasNewline) result += '\n';
    pos = end + 1;
  }
  return result;
}

}  // namespace tdxc
