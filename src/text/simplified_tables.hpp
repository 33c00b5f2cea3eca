#pragma once
// Traditional → simplified Chinese as OpenCC converts it, computed once when coach is built
// (make_simplified_tables.cpp writes the definitions) rather than at every start: loading
// OpenCC's dictionaries and calling its converter for each new character cost more than the
// rest of `coach check` together.
#include <span>

namespace coach::simplified_tables {

// A code point whose folded form (nfkc_casefold) OpenCC's t2s changes, and what it makes of it.
// Sorted by code point; code points not listed keep their folded form.
struct CharacterConversion {
  char32_t code_point;
  const char* simplified;
};

// A word of OpenCC's traditional → simplified tables (opencc_phrase_keys.hpp) and what tw2s
// makes of it as a whole (乾淨 → 干净, 不瞭解 → 不了解, 著急 → 着急, 著名 → 著名), or the
// simplified spelling of a word that keeps 著 (显著 → 显著).
struct PhraseConversion {
  const char* traditional;
  const char* simplified;
  // Whether it is converted in a reply without traditional characters too: not when the
  // character it changes is also simplified Chinese in other words (覆 of 覆盖).
  bool in_simplified_text;
};

std::span<const CharacterConversion> characters();
std::span<const PhraseConversion> phrases();

}  // namespace coach::simplified_tables
