#include <gtest/gtest.h>

#include "frontend/parse.h"

namespace tdxc {
namespace {

std::vector<ast::StringPart> decode(std::string_view body, DiagnosticEngine &diags) {
  return decodeStringLiteral(body, {0, 10, static_cast<std::uint32_t>(10 + body.size())}, diags);
}

TEST(StringLiteral, DecodesEscapes) {
  DiagnosticEngine diags;
  auto parts = decode(R"(a\n\t\"\\\$b\u{1F600})", diags);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].text, "a\n\t\"\\$b\xF0\x9F\x98\x80");
  EXPECT_FALSE(diags.hasErrors());
}

TEST(StringLiteral, SplitsInterpolationWithRanges) {
  DiagnosticEngine diags;
  auto parts = decode("v${MAJOR}.${MINOR}", diags);
  ASSERT_EQ(parts.size(), 4u);
  EXPECT_EQ(parts[0].text, "v");
  EXPECT_TRUE(parts[1].isReference);
  EXPECT_EQ(parts[1].text, "MAJOR");
  EXPECT_EQ(parts[1].range.begin, 11u);  // body starts at offset 10
  EXPECT_EQ(parts[1].range.end, 19u);
  EXPECT_EQ(parts[2].text, ".");
  EXPECT_EQ(parts[3].text, "MINOR");
}

TEST(StringLiteral, DollarWithoutBraceIsLiteral) {
  DiagnosticEngine diags;
  auto parts = decode("cost $5", diags);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].text, "cost $5");
}

TEST(StringLiteral, ReportsBadEscapesAndInterpolations) {
  DiagnosticEngine diags;
  decode(R"(\q ${} ${1x} \u{110000} \u{zz})", diags);
  ASSERT_EQ(diags.errorCount(), 5u);
  EXPECT_EQ(diags.unsorted()[0].kind, DiagKind::InvalidEscape);
  EXPECT_EQ(diags.unsorted()[1].kind, DiagKind::BadInterpolation);
  EXPECT_EQ(diags.unsorted()[2].kind, DiagKind::BadInterpolation);
  EXPECT_EQ(diags.unsorted()[3].kind, DiagKind::InvalidEscape);
  EXPECT_EQ(diags.unsorted()[4].kind, DiagKind::InvalidEscape);
}

TEST(RawString, DedentsByCommonIndentation) {
  EXPECT_EQ(dedentRawString("\n    #!/bin/bash\n      echo hi\n\n    done\n    "), "#!/bin/bash\n  echo hi\n\ndone\n");
}

TEST(RawString, KeepsTextWithoutCommonIndentation) {
  EXPECT_EQ(dedentRawString("a\n  b"), "a\n  b");
  EXPECT_EQ(dedentRawString(""), "");
}

TEST(RawString, NormalisesCrlf) { EXPECT_EQ(dedentRawString("\r\n  x\r\n  y\r\n  "), "x\ny\n"); }

}  // namespace
}  // namespace tdxc
