// UTF-16 positions (lsp/position.h): the only place where LSP positions and
// byte offsets meet, tested on text of 1-, 2-, 3- and 4-byte characters.
#include <gtest/gtest.h>

#include "lsp/position.h"

namespace tdxc::lsp {
namespace {

// "a é € 😀 b": bytes a=0, é=1..2, €=3..5, 😀=6..9 (a surrogate pair), b=10.
const std::string kMixed =
    "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"
    "b";

TEST(LineIndex, AsciiRoundTrip) {
  LineIndex index("ab\ncd\n");
  EXPECT_EQ(index.position(0), (Position{0, 0}));
  EXPECT_EQ(index.position(4), (Position{1, 1}));
  EXPECT_EQ(index.offset({1, 1}), 4u);
  EXPECT_EQ(index.position(6), (Position{2, 0}));
  EXPECT_EQ(index.lineCount(), 3u);
}

TEST(LineIndex, CountsUtf16CodeUnits) {
  LineIndex index(kMixed);
  EXPECT_EQ(index.position(1), (Position{0, 1}));   // é
  EXPECT_EQ(index.position(3), (Position{0, 2}));   // €
  EXPECT_EQ(index.position(6), (Position{0, 3}));   // 😀: two units
  EXPECT_EQ(index.position(10), (Position{0, 5}));  // b
  EXPECT_EQ(index.position(11), (Position{0, 6}));  // end
  EXPECT_EQ(index.offset({0, 3}), 6u);
  EXPECT_EQ(index.offset({0, 5}), 10u);
  EXPECT_EQ(index.offset({0, 6}), 11u);
}

TEST(LineIndex, AstralRoundTripForEveryCharacterBoundary) {
  LineIndex index(kMixed + "\n" + kMixed);
  for (std::uint32_t offset : {0u, 1u, 3u, 6u, 10u, 11u, 12u, 13u, 15u, 18u, 22u, 23u})
    EXPECT_EQ(index.offset(index.position(offset)), offset) << offset;
}

TEST(LineIndex, InsideACharacterMeansItsStart) {
  LineIndex index(kMixed);
  EXPECT_EQ(index.position(2), (Position{0, 1}));  // second byte of é
  EXPECT_EQ(index.position(8), (Position{0, 3}));  // third byte of 😀
  EXPECT_EQ(index.offset({0, 4}), 6u);             // between the surrogates of 😀
}

TEST(LineIndex, ClampsPastTheEndOfALineAndOfTheText) {
  LineIndex index("ab\r\ncd");
  EXPECT_EQ(index.offset({0, 99}), 2u);  // end of line 0, before "\r\n"
  EXPECT_EQ(index.position(4), (Position{1, 0}));
  EXPECT_EQ(index.offset({1, 99}), 6u);
  EXPECT_EQ(index.offset({7, 0}), 6u);
  EXPECT_EQ(index.position(1000), (Position{1, 2}));
}

TEST(LineIndex, EmptyText) {
  LineIndex index("");
  EXPECT_EQ(index.position(0), (Position{0, 0}));
  EXPECT_EQ(index.offset({0, 5}), 0u);
  EXPECT_EQ(index.offset({3, 5}), 0u);
}

TEST(LineIndex, InvalidUtf8DoesNotOverrun) {
  // A lone lead byte of a 4-byte sequence at the end of the text counts as
  // one character, the same way in both directions.
  LineIndex index("a\xF0");
  EXPECT_EQ(index.offset({0, 5}), 2u);
  EXPECT_EQ(index.position(2), (Position{0, 2}));
  EXPECT_EQ(index.offset({0, 2}), 2u);
}

}  // namespace
}  // namespace tdxc::lsp
