// The formatter (format/formatter.h): the spacing and indentation rules,
// refusal of broken input, and over every .tdx file of the repository:
// idempotence and an unchanged parse.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>

#include "format/formatter.h"
#include "frontend/ast_dump.h"
#include "frontend/module_loader.h"
#include "frontend/parse.h"

namespace tdxc::format {
namespace {

namespace fs = std::filesystem;

FormatResult formatText(const std::string &text, DiagnosticEngine &diags) {
  static SourceManager sources;  // outlives the results' diagnostics
  return formatSource(sources.file(sources.add("t.tdx", text)), diags);
}

std::string formatted(const std::string &text) {
  DiagnosticEngine diags;
  FormatResult result = formatText(text, diags);
  EXPECT_EQ(result.status, FormatStatus::Ok) << text;
  return result.text;
}

std::string astWithoutPositions(const std::string &text) {
  SourceManager sources;
  DiagnosticEngine diags;
  ast::File file = parseFile(sources.file(sources.add("t.tdx", text)), diags);
  std::ostringstream dump;
  dumpAst(dump, sources, file);
  return std::regex_replace(dump.str(), std::regex("@[0-9]+:[0-9]+"), "");
}

TEST(Formatter, SpacesAroundOperatorsNoneInsideBracketsAndCalls) {
  EXPECT_EQ(formatted("const X=to_json( [ 1,2 ] )+\"a\""), "const X = to_json([1, 2]) + \"a\"\n");
  EXPECT_EQ(formatted("image \"x\"{a=!(b==c)&&d}"), "image \"x\" { a = !(b == c) && d }\n");
  EXPECT_EQ(formatted("image \"x\" { }"), "image \"x\" {}\n");
  EXPECT_EQ(formatted("image \"x\" { m = {a=1;b=2} }"), "image \"x\" { m = { a = 1; b = 2 } }\n");
}

TEST(Formatter, TypeAnnotationsKeepTheirAngleBrackets) {
  EXPECT_EQ(formatted("module M { param p :map< list<string> > = {} }"),
            "module M { param p: map<list<string>> = {} }\n");
  EXPECT_EQ(formatted("module M { param p: enum( \"a\" ,\"b\" ) }"), "module M { param p: enum(\"a\", \"b\") }\n");
  EXPECT_EQ(formatted("const B = 1<2"), "const B = 1 < 2\n");
}

TEST(Formatter, IndentsByBracketDepthAndContinuationLines) {
  EXPECT_EQ(formatted("image \"x\" {\nservice \"s\" {\nexec = [\n\"a\",\n]\n}\n}"),
            "image \"x\" {\n  service \"s\" {\n    exec = [\n      \"a\",\n    ]\n  }\n}\n");
  EXPECT_EQ(formatted("const A = \"a\" +\n\"b\"\nconst B = 1\n  == 2"),
            "const A = \"a\" +\n  \"b\"\nconst B = 1\n  == 2\n");
}

TEST(Formatter, KeepsOneBlankLineAndNoneAtTheEdgesOfBlocks) {
  EXPECT_EQ(formatted("\n\nconst A = 1\n\n\n\nconst B = 2\n\n\n"), "const A = 1\n\nconst B = 2\n");
  EXPECT_EQ(formatted("image \"x\" {\n\n  a = 1\n\n}"), "image \"x\" {\n  a = 1\n}\n");
}

TEST(Formatter, AlignsTrailingCommentsOfConsecutiveLines) {
  EXPECT_EQ(formatted("image \"x\" {\n  a = 1 // one\n  long_key = 2     // two\n\n  b = 3   // three\n}"),
            "image \"x\" {\n  a = 1         // one\n  long_key = 2  // two\n\n  b = 3  // three\n}\n");
}

TEST(Formatter, CopiesCommentsAndRawStringsByteForByte) {
  std::string raw = "image \"x\" {\n  script \"s\" {\n      run = \"\"\"\n   keep   \n\t this\n\"\"\"\n  }\n}\n";
  EXPECT_EQ(formatted(raw), "image \"x\" {\n  script \"s\" {\n    run = \"\"\"\n   keep   \n\t this\n\"\"\"\n  }\n}\n");
  EXPECT_EQ(formatted("/*  a\n   b */ const A = 1 //  x  "), "/*  a\n   b */ const A = 1  //  x  \n");
}

TEST(Formatter, RefusesInputThatDoesNotParse) {
  for (const char *broken : {"image \"x\" {", "image \"x\" { a = \"unterminated }", "const = 1", "image \"x\" {} $",
                             "/* open", "\xC3\x28"}) {
    DiagnosticEngine diags;
    EXPECT_EQ(formatText(broken, diags).status, FormatStatus::SyntaxErrors) << broken;
    EXPECT_TRUE(diags.hasErrors()) << broken;
  }
}

// Every .tdx of the repository that parses: formatting twice changes nothing
// more, and the AST is the same before and after.
TEST(Formatter, IsIdempotentAndKeepsTheParseOnEveryRepositoryFile) {
  std::size_t checked = 0;
  for (const auto &entry : fs::recursive_directory_iterator(fs::path(TDXC_SOURCE_DIR))) {
    std::string path = entry.path().string();
    if (entry.path().extension() != ".tdx" || path.find("/build") != std::string::npos ||
        path.find("node_modules") != std::string::npos)
      continue;
    auto text = readFileBytes(entry.path());
    ASSERT_TRUE(text) << path;
    DiagnosticEngine diags;
    FormatResult once = formatText(*text, diags);
    if (once.status == FormatStatus::SyntaxErrors) continue;  // test inputs of broken syntax
    ASSERT_EQ(once.status, FormatStatus::Ok) << path;
    EXPECT_EQ(formatted(once.text), once.text) << path;
    EXPECT_EQ(astWithoutPositions(*text), astWithoutPositions(once.text)) << path;
    ++checked;
  }
  EXPECT_GT(checked, 100u);
}

}  // namespace
}  // namespace tdxc::format
