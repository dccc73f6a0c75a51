// ast::clone must copy every field: the language server compiles documents
// against cloned stdlib ASTs. Compared through the AST dump, for every
// stdlib file and every example.
#include "frontend/ast_clone.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "frontend/ast_dump.h"
#include "frontend/module_loader.h"
#include "frontend/parse.h"
#include "frontend/stdlib.h"

namespace tdxc {
namespace {

void expectCloneDumpsTheSame(const std::string &path, const std::string &text) {
  SourceManager sources;
  DiagnosticEngine diags;
  ast::File original = parseFile(sources.file(sources.add(path, text)), diags);
  ast::File copy = ast::clone(original);
  std::ostringstream a, b;
  dumpAst(a, sources, original);
  dumpAst(b, sources, copy);
  EXPECT_GT(a.str().size(), 20u) << path;
  EXPECT_EQ(a.str(), b.str()) << path;
}

TEST(AstClone, CopiesEveryStdlibFile) {
  for (const StdlibFile &file : stdlibFiles())
    expectCloneDumpsTheSame("std/" + std::string(file.name) + ".tdx", std::string(file.text));
}

TEST(AstClone, CopiesEveryExample) {
  for (const auto &entry : std::filesystem::recursive_directory_iterator(std::string(TDXC_SOURCE_DIR) + "/examples"))
    if (entry.path().extension() == ".tdx")
      expectCloneDumpsTheSame(entry.path().string(), *readFileBytes(entry.path()));
}

}  // namespace
}  // namespace tdxc
