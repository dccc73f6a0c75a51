#include "support/unified_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace tdxc {
namespace {

using Lines = std::vector<std::string_view>;

// Lines keep their '\n', so a missing final newline is a difference too.
Lines splitLines(std::string_view text) {
  Lines lines;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::size_t len = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(0, len));
    text.remove_prefix(len);
  }
  return lines;
}

enum class Op { Equal, Delete, Insert };

// One step of the edit script. Each step consumes one line of `a` (Equal,
// Delete) and/or one of `b` (Equal, Insert).
struct Edit {
  Op op;
  std::size_t aLine;  // index of the next line of a
  std::size_t bLine;  // index of the next line of b
};

// Beyond this many differences the O(D^2) trace of Myers' algorithm is not
// worth its memory (about 4 million ints at the limit).
constexpr long kMaxEditDistance = 2000;

// Myers' greedy shortest edit script for a[aLo, aHi) -> b[bLo, bHi), appended
// to `out`. Returns false (and appends nothing) past kMaxEditDistance.
bool shortestEdit(const Lines &a, const Lines &b, long aLo, long aHi, long bLo, long bHi, std::vector<Edit> &out) {
  const long n = aHi - aLo, m = bHi - bLo;
  const long maxD = std::min(n + m, kMaxEditDistance);
  // v[k + offset]: the furthest x reached on diagonal k = x - y.
  const long offset = maxD + 1;
  std::vector<long> v(static_cast<std::size_t>(2 * offset + 1), 0);
  // trace[d] = v[-d-1 .. d+1] before step d: all the backtrack reads of it.
  std::vector<std::vector<long>> trace;
  long found = -1;
  for (long d = 0; d <= maxD && found < 0; ++d) {
    trace.emplace_back(v.begin() + (offset - d - 1), v.begin() + (offset + d + 2));
    for (long k = -d; k <= d; k += 2) {
      long x =
          (k == -d || (k != d && v[k - 1 + offset] < v[k + 1 + offset])) ? v[k + 1 + offset] : v[k - 1 + offset] + 1;
      long y = x - k;
      while (x < n && y < m && a[aLo + x] == b[bLo + y]) ++x, ++y;
      v[k + offset] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return false;

  std::vector<Edit> reversed;
  long x = n, y = m;
  for (long d = found; d > 0; --d) {
    const std::vector<long> &before = trace[d];
    auto at = [&](long k) { return before[static_cast<std::size_t>(k + d + 1)]; };
    long k = x - y;
    long prevK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    long prevX = at(prevK), prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      --x, --y;
      reversed.push_back({Op::Equal, static_cast<std::size_t>(aLo + x), static_cast<std::size_t>(bLo + y)});
    }
    if (x == prevX) {
      --y;
      reversed.push_back({Op::Insert, static_cast<std::size_t>(aLo + x), static_cast<std::size_t>(bLo + y)});
    } else {
      --x;
      reversed.push_back({Op::Delete, static_cast<std::size_t>(aLo + x), static_cast<std::size_t>(bLo + y)});
    }
  }
  while (x > 0 && y > 0) {
    --x, --y;
    reversed.push_back({Op::Equal, static_cast<std::size_t>(aLo + x), static_cast<std::size_t>(bLo + y)});
  }
  out.insert(out.end(), reversed.rbegin(), reversed.rend());
  return true;
}

std::vector<Edit> editScript(const Lines &a, const Lines &b) {
  std::vector<Edit> edits;
  long n = static_cast<long>(a.size()), m = static_cast<long>(b.size());
  long prefix = 0;
  while (prefix < n && prefix < m && a[prefix] == b[prefix]) ++prefix;
  long suffix = 0;
  while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix]) ++suffix;
  for (long i = 0; i < prefix; ++i)
    edits.push_back({Op::Equal, static_cast<std::size_t>(i), static_cast<std::size_t>(i)});
  if (!shortestEdit(a, b, prefix, n - suffix, prefix, m - suffix, edits)) {
    for (long i = prefix; i < n - suffix; ++i)
      edits.push_back({Op::Delete, static_cast<std::size_t>(i), static_cast<std::size_t>(prefix)});
    for (long j = prefix; j < m - suffix; ++j)
      edits.push_back({Op::Insert, static_cast<std::size_t>(n - suffix), static_cast<std::size_t>(j)});
  }
  for (long i = 0; i < suffix; ++i)
    edits.push_back({Op::Equal, static_cast<std::size_t>(n - suffix + i), static_cast<std::size_t>(m - suffix + i)});
  return edits;
}

void appendLine(std::string &out, char sign, std::string_view line) {
  out += sign;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

// "start,count" of a hunk side; an empty side names the line before it.
std::string range(std::size_t first, std::size_t count) {
  return fmt::format("{},{}", count ? first + 1 : first, count);
}

}  // namespace

std::string unifiedDiff(std::string_view before, std::string_view after, std::string_view beforeLabel,
                        std::string_view afterLabel, int context) {
  Lines a = splitLines(before), b = splitLines(after);
  std::vector<Edit> edits = editScript(a, b);
  const std::size_t ctx = static_cast<std::size_t>(std::max(context, 0));

  std::string out;
  std::size_t i = 0;
  while (i < edits.size()) {
    while (i < edits.size() && edits[i].op == Op::Equal) ++i;
    if (i == edits.size()) break;
    // A hunk: from `context` equal lines before the first change to `context`
    // after the last one; changes closer than 2 * context share a hunk.
    std::size_t start = i >= ctx ? i - ctx : 0;
    std::size_t end = i;
    while (end < edits.size()) {
      while (end < edits.size() && edits[end].op != Op::Equal) ++end;
      std::size_t equalRun = end;
      while (equalRun < edits.size() && edits[equalRun].op == Op::Equal) ++equalRun;
      bool last = equalRun == edits.size();
      if (last || equalRun - end > 2 * ctx) {
        end = std::min(end + ctx, equalRun);
        break;
      }
      end = equalRun;
    }
    std::size_t aCount = 0, bCount = 0;
    for (std::size_t e = start; e < end; ++e) {
      if (edits[e].op != Op::Insert) ++aCount;
      if (edits[e].op != Op::Delete) ++bCount;
    }
    if (out.empty()) out = fmt::format("--- {}\n+++ {}\n", beforeLabel, afterLabel);
    out += fmt::format("@@ -{} +{} @@\n", range(edits[start].aLine, aCount), range(edits[start].bLine, bCount));
    for (std::size_t e = start; e < end; ++e) {
      switch (edits[e].op) {
        case Op::Equal: appendLine(out, ' ', a[edits[e].aLine]); break;
        case Op::Delete: appendLine(out, '-', a[edits[e].aLine]); break;
        case Op::Insert: appendLine(out, '+', b[edits[e].bLine]); break;
      }
    }
    i = end;
  }
  return out;
}

}  // namespace tdxc
