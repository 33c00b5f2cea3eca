#pragma once
// Whether a phrase found in a reply is negated: 我们不会道歉 is not an apology, 这不是您的错
// is not blame.
#include <cstddef>
#include <string_view>

namespace coach {

// `normalized` is a normalised reply, `match_begin` the byte where a phrase match starts.
// True when a negation word stands before the match in the same clause, close enough to
// govern it, and is not part of a word that only looks negative (不好意思, 对不起, 非常 …).
bool is_negated(std::string_view normalized, std::size_t match_begin);

}  // namespace coach
