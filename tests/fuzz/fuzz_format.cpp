// libFuzzer target: the formatter. For any input that it formats,
//   - formatting the output again changes nothing (idempotence), and
//   - the output parses to the same AST (the dump without source positions),
//     with no new lexical or syntax errors.
// A violation traps, so libFuzzer reports the input. Inputs that do not
// parse are refused by the formatter; that path is exercised too.
#include <cstddef>
#include <cstdint>
#include <regex>
#include <sstream>
#include <string>

#include "format/formatter.h"
#include "frontend/ast_dump.h"
#include "frontend/parse.h"

namespace {

std::string astWithoutPositions(const std::string &text) {
  tdxc::SourceManager sources;
  tdxc::DiagnosticEngine diags;
  tdxc::FileId id = sources.add("fuzz.tdx", text);
  tdxc::ast::File file = tdxc::parseFile(sources.file(id), diags);
  std::ostringstream dump;
  tdxc::dumpAst(dump, sources, file);
  static const std::regex kPosition("@[0-9]+:[0-9]+");
  return std::regex_replace(dump.str(), kPosition, "") + "errors=" + std::to_string(diags.errorCount());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  using namespace tdxc;
  std::string text(reinterpret_cast<const char *>(data), size);
  SourceManager sources;
  DiagnosticEngine diags;
  format::FormatResult once = format::formatSource(sources.file(sources.add("fuzz.tdx", text)), diags);
  if (once.status == format::FormatStatus::InternalError) __builtin_trap();
  if (once.status != format::FormatStatus::Ok) return 0;

  DiagnosticEngine diags2;
  format::FormatResult twice = format::formatSource(sources.file(sources.add("fuzz.tdx", once.text)), diags2);
  if (twice.status != format::FormatStatus::Ok || twice.text != once.text) __builtin_trap();
  if (astWithoutPositions(text) != astWithoutPositions(once.text)) __builtin_trap();
  return 0;
}
