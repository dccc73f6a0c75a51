// "Did you mean ...?" suggestions for misspelled names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tdxc {

std::size_t editDistance(std::string_view a, std::string_view b);

/// The closest candidate within a distance that scales with the word length,
/// or nullopt when nothing is close enough to be a plausible typo.
std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string> &candidates);

}  // namespace tdxc
