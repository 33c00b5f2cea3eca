#include "engine/negation_window.hpp"

#include <algorithm>

#include "text/clauses.hpp"
#include "util/utf8.hpp"

namespace coach {

Window window_before(std::string_view text, std::size_t match_begin) {
  Window window;
  std::size_t start = match_begin;
  while (start > 0 && window.size < kWindowCharacters) {
    const std::size_t previous = utf8::previous_start(text, start);
    if (is_clause_boundary(text, previous)) break;
    std::size_t pos = previous;
    ++window.size;
    window.characters[window.first()] = utf8::decode(text, pos);
    window.starts[window.first()] = previous;
    start = previous;
  }
  return window;
}

bool window_spells(const Window& window, std::size_t begin, std::size_t end,
                   std::u32string_view word) {
  if (begin < window.first() || end - begin != word.size()) return false;
  return std::equal(word.begin(), word.end(), window.characters.begin() + begin);
}

// Single characters, so the window is checked character by character.
bool is_negator(char32_t c) {
  switch (c) {
    case U'不':
    case U'没':
    case U'无':
    case U'别':
    case U'未':
    case U'非':
    case U'勿':
    case U'莫':
    case U'甭':
      return true;
    default:
      return false;
  }
}

bool is_pronoun(char32_t c) {
  return c == U'您' || c == U'你' || c == U'我' || c == U'他' || c == U'她';
}

std::string_view rest_of_clause(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size() && !is_clause_boundary(text, end)) {
    if (++end - pos > kRestOfClauseBytes) return {};
  }
  return text.substr(pos, end - pos);
}

}  // namespace coach
