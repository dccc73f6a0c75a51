#include "support/suggest.h"

#include <gtest/gtest.h>

namespace tdxc {
namespace {

TEST(Suggest, EditDistanceCountsTranspositionAsOne) {
  EXPECT_EQ(editDistance("pakcages", "packages"), 1u);
  EXPECT_EQ(editDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(editDistance("", "abc"), 3u);
}

TEST(Suggest, FindsPlausibleTypos) {
  std::vector<std::string> keys = {"packages", "build_packages", "hostname"};
  EXPECT_EQ(closestMatch("pakages", keys), "packages");
  EXPECT_EQ(closestMatch("HOSTNAME", keys), "hostname");
  EXPECT_EQ(closestMatch("zzz", keys), std::nullopt);
}

}  // namespace
}  // namespace tdxc
