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

// A word of OpenCC's traditional → simplified phrase tables (opencc_phrase_keys.hpp) and what
// tw2s makes of it as a whole (乾淨 → 干净, 著急 → 着急, 著名 → 著名).
struct PhraseConversion {
  const char* traditional;
  const char* simplified;
};

std::span<const CharacterConversion> characters();
std::span<const PhraseConversion> phrases();

}  // namespace coach::simplified_tables
