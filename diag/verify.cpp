#include "diag/verify.h"

#include <fmt/format.h>

#include <optional>
#include <regex>

namespace tdxc {
namespace {

struct Expectation {
  FileId file;
  std::optional<std::uint32_t> line;  // nullopt: '@*', a diagnostic without location
  std::uint32_t writtenAt;
  Severity severity;
  std::string code;
  std::string text;
  bool met = false;
};

std::vector<Expectation> collect(const SourceManager &sources, std::ostream &out, bool &ok) {
  static const std::regex pattern(R"(//\s*expected-(error|warning)(@(\*|[+-]?\d+))?\s+([A-Z_]+)(\s*\{\{(.*?)\}\})?)");
  std::vector<Expectation> result;
  for (FileId id = 0; id < sources.size(); ++id) {
    const SourceFile &file = sources.file(id);
    for (std::uint32_t line = 1; line <= file.lineCount(); ++line) {
      std::string text(file.lineText(line));
      if (text.find("expected-") == std::string::npos) continue;
      std::smatch m;
      if (!std::regex_search(text, m, pattern)) {
        out << fmt::format("{}:{}: verify: malformed expectation (write // expected-error[@LINE] CODE {{{{text}}}})\n",
                           file.path(), line);
        ok = false;
        continue;
      }
      Expectation e{id, line, line, m[1] == "error" ? Severity::Error : Severity::Warning, m[4], m[6], false};
      std::string at = m[3];
      if (at == "*")
        e.line.reset();
      else if (!at.empty() && (at[0] == '+' || at[0] == '-'))
        e.line = static_cast<std::uint32_t>(static_cast<long>(line) + std::stol(at));
      else if (!at.empty())
        e.line = static_cast<std::uint32_t>(std::stoul(at));
      result.push_back(e);
    }
  }
  return result;
}

bool textMatches(const Diagnostic &d, const std::string &text) {
  if (d.message.find(text) != std::string::npos) return true;
  for (const DiagNote &note : d.notes)
    if (note.message.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

bool verifyDiagnostics(const SourceManager &sources, const std::vector<Diagnostic> &diagnostics, std::ostream &out) {
  bool ok = true;
  std::vector<Expectation> expectations = collect(sources, out, ok);
  for (const Diagnostic &d : diagnostics) {
    if (d.severity() == Severity::Note) continue;
    std::optional<std::uint32_t> line;
    if (d.range.valid()) line = sources.file(d.range.file).lineColumn(d.range.begin).line;
    bool matched = false;
    for (Expectation &e : expectations) {
      if (e.met || e.severity != d.severity() || e.code != d.code() || !textMatches(d, e.text)) continue;
      bool located = d.range.valid() && e.line && e.file == d.range.file && *e.line == *line;
      if (located || (!d.range.valid() && !e.line)) {
        e.met = matched = true;
        break;
      }
    }
    if (!matched) {
      std::string where = d.range.valid() ? fmt::format("{}:{}", sources.file(d.range.file).path(), *line) : "tdxc";
      out << fmt::format("{}: verify: unexpected {} {}: {}\n", where, severityName(d.severity()), d.code(), d.message);
      ok = false;
    }
  }
  for (const Expectation &e : expectations)
    if (!e.met) {
      out << fmt::format("{}:{}: verify: expected {} {}{} was not produced{}\n", sources.file(e.file).path(),
                         e.writtenAt, severityName(e.severity), e.code, e.text.empty() ? "" : " {{" + e.text + "}}",
                         e.line ? fmt::format(" on line {}", *e.line) : " (without location)");
      ok = false;
    }
  return ok;
}

}  // namespace tdxc
