// Line-based unified diffs (the format `diff -u` prints and `patch` applies),
// used where tdxc shows how a file on disk differs from what it would write:
// `tdxc fmt --check` and `tdxc compile --check`.
#pragma once

#include <string>
#include <string_view>

namespace tdxc {

/// A unified diff from `before` to `after` with `context` lines of context
/// around each change, headed "--- beforeLabel" / "+++ afterLabel"; empty if
/// the texts are equal. Lines are compared whole, including their '\n'; a last
/// line without one is followed by "\ No newline at end of file".
///
/// The edit script is a shortest one (Myers' O(ND) algorithm) unless the texts
/// differ in more than a few thousand lines; then the differing middle (after
/// the common first and last lines) is shown as removed and added whole, which
/// is still a correct diff, only a longer one.
std::string unifiedDiff(std::string_view before, std::string_view after, std::string_view beforeLabel,
                        std::string_view afterLabel, int context = 3);

}  // namespace tdxc
