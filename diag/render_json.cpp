#include <nlohmann/json.hpp>

#include "diag/render.h"

namespace tdxc {
namespace {

nlohmann::json rangeJson(const SourceManager &sources, SourceRange range) {
  if (!range.valid()) return nullptr;
  const SourceFile &file = sources.file(range.file);
  LineColumn begin = file.lineColumn(range.begin);
  LineColumn end = file.lineColumn(range.end);
  return {{"file", file.path()},
          {"line", begin.line},
          {"column", begin.column},
          {"endLine", end.line},
          {"endColumn", end.column}};
}

}  // namespace

void renderJson(std::ostream &out, const SourceManager &sources, const std::vector<Diagnostic> &diagnostics) {
  nlohmann::json list = nlohmann::json::array();
  std::size_t errors = 0, warnings = 0;
  for (const Diagnostic &d : diagnostics) {
    if (d.severity() == Severity::Error) ++errors;
    if (d.severity() == Severity::Warning) ++warnings;
    nlohmann::json notes = nlohmann::json::array();
    for (const DiagNote &note : d.notes)
      notes.push_back({{"range", rangeJson(sources, note.range)}, {"message", note.message}});
    nlohmann::json fixits = nlohmann::json::array();
    for (const FixIt &fix : d.fixits)
      fixits.push_back({{"range", rangeJson(sources, fix.range)}, {"replacement", fix.replacement}});
    list.push_back({{"code", std::string(d.code())},
                    {"severity", std::string(severityName(d.severity()))},
                    {"message", d.message},
                    {"range", rangeJson(sources, d.range)},
                    {"notes", notes},
                    {"fixits", fixits}});
  }
  nlohmann::json doc = {{"diagnostics", list}, {"errors", errors}, {"warnings", warnings}};
  out << doc.dump(2) << '\n';
}

}  // namespace tdxc
