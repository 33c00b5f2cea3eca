#pragma once
// Commands (/quit, /help …) and menu choices as a Chinese input method types them: full-width
// (／ｑｕｉｔ, ２), or with a space it committed before or after (`2 `, an ideographic space).
// Replies are normalised before they are scored; what steers the program is read the same way.
#include <optional>
#include <string>
#include <string_view>

namespace coach::cli {

// The line in half-width lower case (NFKC and case folding), without the whitespace around it.
std::string folded_choice(std::string_view typed);

// The command a line gives (`/quit`, folded), or nothing when it is a reply: a line is a
// command when it starts with a slash, full-width or not, or when it is `、` and a word of
// letters (`、quit`: the `/` key of an input method typing Chinese punctuation).
std::optional<std::string> typed_command(std::string_view line);

// The line without the white space around it: any Unicode white space, so that a reply of
// ideographic spaces (U+3000, a Chinese input method in full-width mode) is as empty as one of
// ASCII spaces, and is asked for again instead of being scored and using up the step.
std::string trimmed_reply(std::string_view line);

}  // namespace coach::cli
