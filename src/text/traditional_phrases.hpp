#pragma once
// Traditional words that convert as a whole rather than character by character (乾淨 → 干净,
// 瞭解 → 了解, 著急 → 着急, while 瞭望 and 著名 stay): the words of OpenCC's traditional →
// simplified tables, converted by OpenCC when coach is built (simplified_tables.hpp), found in
// a reply in one pass.
#include <span>
#include <string_view>
#include <vector>

#include "text/simplified_tables.hpp"
#include "util/phrase_automaton.hpp"

namespace coach {

class TraditionalPhrases {
 public:
  struct Word {
    std::size_t begin = 0;  // byte offsets in the text searched
    std::size_t end = 0;
    std::string_view simplified;
  };

  explicit TraditionalPhrases(std::span<const simplified_tables::PhraseConversion> phrases);

  // The words of `text` (folded, script kept) as OpenCC segments it: from the left, the longest
  // word that starts at each point, none overlapping. In simplified text, only the words that
  // convert there (PhraseConversion::in_simplified_text).
  enum class Script { traditional, simplified };
  std::vector<Word> find(std::string_view text, Script script) const;

  // Whether a word converted in simplified text changes this character (瞭 in 不瞭解 →
  // 不了解): only where one stands can a reply without traditional characters change.
  bool changes_in_simplified_text(char32_t code_point) const;
  // Whether some word's conversion writes this character (於 in 於菟, 乾 in 乾坤), although
  // converting it alone might not.
  bool writes(char32_t code_point) const;

 private:
  PhraseAutomaton automaton_;
  std::vector<std::string_view> simplified_;
  std::vector<bool> in_simplified_text_;
  std::vector<char32_t> changed_in_simplified_text_;  // sorted
  std::vector<char32_t> written_;                     // sorted
};

}  // namespace coach
