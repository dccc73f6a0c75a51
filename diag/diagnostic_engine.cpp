#include "diag/diagnostic_engine.h"

#include <algorithm>
#include <tuple>

namespace tdxc {

Diagnostic &DiagnosticEngine::report(DiagKind kind, SourceRange range, std::string message) {
  diagnostics_.push_back(Diagnostic{kind, range, std::move(message), {}, {}, {context_.rbegin(), context_.rend()}});
  if (diagInfo(kind).severity == Severity::Error) ++errors_;
  if (diagInfo(kind).severity == Severity::Warning) ++warnings_;
  return diagnostics_.back();
}

std::vector<Diagnostic> DiagnosticEngine::sorted() const {
  std::vector<Diagnostic> result = diagnostics_;
  for (Diagnostic &d : result) {
    d.notes.insert(d.notes.end(), d.context.begin(), d.context.end());
    d.context.clear();
  }
  // Located diagnostics first (by file id, i.e. load order, then offset);
  // location-less ones (command line, output) keep their order at the end.
  std::stable_sort(result.begin(), result.end(), [](const Diagnostic &a, const Diagnostic &b) {
    auto key = [](const Diagnostic &d) {
      return std::make_tuple(!d.range.valid(), d.range.file, d.range.begin, d.range.end);
    };
    return key(a) < key(b);
  });
  return result;
}

}  // namespace tdxc
