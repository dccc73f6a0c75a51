// Collects diagnostics from every stage. Nothing stops at the first error;
// consumers read the sorted list at the end.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace tdxc {

class DiagnosticEngine {
 public:
  /// Reports a diagnostic and returns it so the caller can add notes/fix-its.
  Diagnostic &report(DiagKind kind, SourceRange range, std::string message);

  /// While a context is pushed, every report carries it as a trailing note
  /// (module expansion: the use site of the module being expanded).
  void pushContext(DiagNote note) { context_.push_back(std::move(note)); }
  void popContext() { context_.pop_back(); }

  std::size_t errorCount() const { return errors_; }
  std::size_t warningCount() const { return warnings_; }
  bool hasErrors() const { return errors_ > 0; }

  /// All diagnostics, stably sorted by file, position and then report order.
  std::vector<Diagnostic> sorted() const;
  const std::vector<Diagnostic> &unsorted() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
  std::vector<DiagNote> context_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
};

}  // namespace tdxc
