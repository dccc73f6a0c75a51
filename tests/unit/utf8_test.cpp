#include "support/utf8.h"

#include <gtest/gtest.h>

namespace tdxc {
namespace {

TEST(Utf8, AcceptsValidText) {
  EXPECT_FALSE(findInvalidUtf8("plain ascii"));
  EXPECT_FALSE(findInvalidUtf8("grüße \xF0\x9F\x98\x80"));
  EXPECT_FALSE(findInvalidUtf8(""));
}

TEST(Utf8, ReportsFirstInvalidByte) {
  EXPECT_EQ(findInvalidUtf8("ab\xFF"), 2u);
  EXPECT_EQ(findInvalidUtf8("\xC0\x80"), 0u);          // overlong NUL
  EXPECT_EQ(findInvalidUtf8("x\xED\xA0\x80"), 1u);     // surrogate
  EXPECT_EQ(findInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(findInvalidUtf8("\xE2\x82"), 0u);          // truncated
}

}  // namespace
}  // namespace tdxc
