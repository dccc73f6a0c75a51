// Every diagnostic code is unique, named after its severity, exercised by at
// least one lit test and documented in docs/errors.md.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "diag/diagnostic.h"

namespace tdxc {
namespace {

namespace fs = std::filesystem;

std::string readAll(const fs::path &path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(DiagnosticRegistry, CodesAreUniqueAndMatchSeverity) {
  std::set<std::string_view> seen;
  for (const DiagKindInfo &info : allDiagKinds()) {
    EXPECT_TRUE(seen.insert(info.code).second) << info.code;
    std::string_view prefix = info.severity == Severity::Error ? "E_" : "W_";
    EXPECT_EQ(info.code.substr(0, 2), prefix) << info.code;
    EXPECT_FALSE(info.summary.empty()) << info.code;
  }
}

TEST(DiagnosticRegistry, EveryCodeHasALitTest) {
  std::string tests;
  for (const auto &entry : fs::recursive_directory_iterator(fs::path(TDXC_SOURCE_DIR) / "tests/lit"))
    if (entry.is_regular_file()) tests += readAll(entry.path());
  for (const DiagKindInfo &info : allDiagKinds())
    EXPECT_NE(tests.find(std::string(info.code)), std::string::npos) << info.code << " is not exercised by tests/lit";
}

TEST(DiagnosticRegistry, EveryCodeIsDocumented) {
  std::string docs = readAll(fs::path(TDXC_SOURCE_DIR) / "docs/errors.md");
  for (const DiagKindInfo &info : allDiagKinds())
    EXPECT_NE(docs.find("## " + std::string(info.code) + "\n"), std::string::npos)
        << info.code << " is missing from docs/errors.md";
}

}  // namespace
}  // namespace tdxc
