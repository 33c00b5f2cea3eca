#pragma once
// "Did you mean …?" for a misspelt id or key: the known name nearest to what was written, when
// it is near enough to be a typo (letters swapped, one left out or doubled).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coach {

// The name in `known` at the smallest edit distance from `written` (a swap of neighbours counts
// one), when that distance is at most a third of the longer word's length (at least 1); the
// first such name on a tie. None when `written` is itself known.
std::optional<std::string> closest_name(std::string_view written,
                                        const std::vector<std::string_view>& known);

// " (did you mean `empathy`?)" in the current language, for a message about `written`; empty
// when no known name is near.
std::string did_you_mean(std::string_view written, const std::vector<std::string_view>& known);
// The same for a name already found (closest_name); empty for none.
std::string did_you_mean(const std::optional<std::string>& closest);

}  // namespace coach
