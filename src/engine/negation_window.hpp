#pragma once
// The characters before a phrase found in a reply, in which the negation reading (negation.cpp)
// and the rhetorical and refusal readings beside it look for what governs the phrase.
#include <array>
#include <cstddef>
#include <string_view>

namespace coach {

// How many characters before a phrase the narrow reading walks back: each character it passes
// must carry the negation on, and a carried stretch counts as one of kDeniedGap, so it reaches
// further than the wide reading (没|法跟您保证|三天之内|一定能到: 10).
constexpr std::size_t kWindowCharacters = 12;

// The characters before a match, back to a clause boundary and at most kWindowCharacters.
struct Window {
  std::array<char32_t, kWindowCharacters> characters{};
  std::array<std::size_t, kWindowCharacters> starts{};  // byte offsets in the text
  std::size_t size = 0;  // filled from the end: the window is characters[first()..]
  std::size_t first() const { return kWindowCharacters - size; }
};

Window window_before(std::string_view text, std::size_t match_begin);

// Whether the window's characters [begin, end) spell `word`.
bool window_spells(const Window& window, std::size_t begin, std::size_t end,
                   std::u32string_view word);

// The characters that negate: 不, 没, 无, 别, 未, 非, 勿, 莫, 甭.
bool is_negator(char32_t c);

bool is_pronoun(char32_t c);

// The rest of the clause from `pos`, up to the next clause boundary, or empty when that is
// further than a question's particle could be (kRestOfClauseBytes): a clause of thousands of
// matches is read once near each, not to its end from each.
constexpr std::size_t kRestOfClauseBytes = 120;  // about 40 characters
std::string_view rest_of_clause(std::string_view text, std::size_t pos);

}  // namespace coach
