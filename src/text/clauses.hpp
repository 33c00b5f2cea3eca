#pragma once
// Splits normalised text into clauses (between commas) and sentences (between full stops,
// question and exclamation marks), the units in which negation and questions are judged.
#include <string_view>
#include <vector>

#include "text/normalizer.hpp"

namespace coach {

struct Clause {
  TextSpan span;        // without its closing punctuation
  char terminator = 0;  // ',', '.', '?', '!', ';', ':' or 0 at the end of the text
  bool ends_sentence = true;
};

std::vector<Clause> split_clauses(std::string_view normalized);

// Whether the character at byte `pos` of normalised text ends a clause. Inline: the negation
// reading and the clause splitting ask it of nearly every byte they pass, and a call each cost
// more than the test.
inline bool is_clause_boundary(std::string_view normalized, std::size_t pos) {
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  switch (normalized[pos]) {
    case ',':
    case '?':
    case '!':
    case ';':
    case ':':
    case '~':
      return true;
    case '.':
      // 1.8 is a number, not the end of a sentence.
      return !(pos > 0 && pos + 1 < normalized.size() && is_digit(normalized[pos - 1]) &&
               is_digit(normalized[pos + 1]));
    default:
      return false;
  }
}

// The clause without the emoji, symbols and kaomoji typed after its last word (满意吗😊,
// 满意吗^_^, 是吧😅).
std::string_view without_trailing_symbols(std::string_view clause);

// Whether a clause ends with a particle that asks yes or no, after any symbols: 吗, 嘛, or 么
// (满意么; not the 么 of 什么, 怎么, 这么, 那么, 多么, 要么).
bool ends_with_yes_no_particle(std::string_view clause);

}  // namespace coach
