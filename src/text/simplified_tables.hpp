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

// A word of OpenCC's Taiwan phrase tables (opencc_phrase_keys.hpp) and what tw2sp makes of it
// as a whole (簡訊 → 短信).
struct PhraseConversion {
  const char* traditional;
  const char* simplified;
};

std::span<const CharacterConversion> characters();
std::span<const PhraseConversion> taiwan_phrases();

}  // namespace coach::simplified_tables
