#pragma once
// One code point in its compatibility form, case-folded (Ａ → a, ﬁ → fi, ㍻ → 平成): the first
// step of folding a character, shared by the normaliser and by the build step that computes
// the simplified-Chinese tables from it.
#include <string>

namespace coach {

// UTF-8. A code point utf8proc cannot map comes back as itself.
std::string nfkc_casefold(char32_t code_point);

// The same, case-folded only (ſ → s, ς → σ, É → é, Ａ → ａ): what a regular expression matching
// regardless of case takes the character for, when it is one character.
std::string casefold(char32_t code_point);

}  // namespace coach
