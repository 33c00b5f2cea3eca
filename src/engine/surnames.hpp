#pragma once
// Chinese surnames, to tell a form of address (王先生, 欧阳女士) from a title after some other
// word (谢谢先生, 明白女士): what precedes a title is a surname only when it is one of these.
#include <cstddef>
#include <string_view>

namespace coach {

// How many bytes of the surname that ends at byte `end` of normalised `text` (a compound surname
// before a single one: 欧阳, not 阳), or 0 when no surname ends there, or the character ends a
// word that is no name (谢谢, 多谢, 明白, 平安 …: 谢谢先生 is thanks and a title, not 谢先生).
// Nothing before `begin` is read.
std::size_t surname_ending_at(std::string_view text, std::size_t begin, std::size_t end);

}  // namespace coach
