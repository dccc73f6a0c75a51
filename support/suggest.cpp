#include "support/suggest.h"

#include <algorithm>
#include <cctype>

namespace tdxc {

std::size_t editDistance(std::string_view a, std::string_view b) {
  // Damerau-Levenshtein (optimal string alignment), case-insensitive:
  // transpositions are the most common typo in key names.
  auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i)
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[n][m];
}

std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string> &candidates) {
  if (word.size() > 64) return std::nullopt;
  std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  std::optional<std::string> best;
  std::size_t bestDistance = limit + 1;
  for (const auto &candidate : candidates) {
    std::size_t distance = editDistance(word, candidate);
    if (distance < bestDistance) {  // first of equals wins: candidates are in a fixed order
      bestDistance = distance;
      best = candidate;
    }
  }
  return best;
}

}  // namespace tdxc
