#pragma once
// Most trainers' patterns use a small part of RE2's syntax: characters, `.`, groups, `|`,
// quantifiers, plain classes and the common escapes. Read by hand, such a pattern is known to be
// valid without RE2's parser, which took a fifth of every command's start (`coach list` reads
// every pattern of the library). Anything else is left to RE2.
#include <string_view>

namespace coach {

// True only when RE2 certainly accepts the pattern (in UTF-8, case-insensitive, its default
// syntax); false when it may not, or when the pattern uses syntax this reading leaves to RE2
// (flags, named groups, POSIX classes, `\x`, `\Q…\E`, rare escapes and properties).
bool parses_as_plain_pattern(std::string_view pattern);

}  // namespace coach
