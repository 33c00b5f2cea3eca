#pragma once
// What the text of a trainer's RE2 pattern tells about its matches in a normalised reply, so
// that a long reply need not be searched whole for every pattern:
//  - its reach: whether a match stays within one clause (it can contain none of , . ! ? ;),
//    within one sentence (none of . ! ? ;), or may span any text;
//  - its anchors: words one of which every match contains (for 让(您|你)[^,.!?;]{0,6}(委屈|气),
//    委屈 or 气). A pattern bound to clauses need only run on the clauses where an anchor is;
//  - its leading words: words one of which every match begins with (让您 or 让你). A match
//    need only be tried where one stands, anchored there.
//
// All are read on the safe side: anything not understood (`.`, `\W`, `\x2e`, a POSIX class,
// a range, an optional group) is taken to reach anywhere, to anchor nothing, to lead with
// nothing. RE2 says nothing about them, and a wrong answer would lose matches; a cautious one
// only costs time.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/pattern_syntax.hpp"

namespace coach {

enum class PatternReach { clause, sentence, text };

PatternReach pattern_reach(std::string_view pattern);

// Words one of which every match contains (bytes of the normalised text; ASCII letters
// lower-case, as the normaliser folds them).
using Words = std::vector<std::string>;
// Every match contains one word of each: for 让(您|你)[^,.!?;]{0,6}(委屈|气), {让}, {您, 你}
// and {委屈, 气}. Empty when nothing can be read from the pattern.
using Requirements = std::vector<Words>;

Requirements pattern_requirements(std::string_view pattern);

struct PatternWords {
  Requirements required;
  // Words one of which every match begins with (让您, 让你 for the pattern above): a search need
  // only try where they stand, anchored there. Empty when the start is not understood.
  Words leading;
};
PatternWords pattern_words(std::string_view pattern);
// Whether every match holds at least one character, read from the text alone on the safe side
// (false when unsure): a plain character, `.`, a class or a class escape outside any group, not
// optional, in every top-level branch. Reading the words (pattern_words) tells more but costs
// far more. For a pattern RE2 accepts.
bool requires_a_character(std::string_view pattern);

// The requirement least likely to be met by chance (its shortest word the longest).
Words anchors_of(const Requirements& requirements);

// What a match may go on with from a token on (a typing slip is mended or kept by the two
// characters after it, and the one before it): the texts of so many characters as the pattern
// spells them, its plain characters, the branches of its groups, the members of a small class, and
// kAnyCharacter for the rest.
class ContinuationReader {
 public:
  // `tokens` are the pattern's (pattern_tokens), and must outlive the reader.
  ContinuationReader(std::string_view pattern, const std::vector<Token>& tokens);

  // What a match may have read just before the token at `i`: the last character of each branch
  // of a group that ends there, a plain or escaped character, the members of a small class; and
  // kAnyCharacter for the rest (the pattern's start, a repeated piece, a nested group).
  std::vector<char32_t> preceding(std::size_t i) const;

  // Calls `visit` with each text of `length` characters from the token at `from` on, until it
  // returns false. False when there were too many texts to try all.
  bool read(std::size_t from, std::size_t length,
            const std::function<bool(std::u32string_view)>& visit) const;

 private:
  // The characters a match may read next, each with the token after it; only the first one
  // found when `first_only`.
  struct Steps {
    std::vector<std::pair<char32_t, std::size_t>> found;
    bool first_only = false;
    bool enough() const { return first_only && !found.empty(); }
  };
  bool read_on(std::u32string& text, std::size_t from, std::size_t length,
               const std::function<bool(std::u32string_view)>& visit, bool first_only,
               bool& stopped) const;
  bool steps(std::size_t i, Steps& next, int depth) const;
  bool element(std::size_t i, Steps& next, int depth) const;
  bool into_group(std::size_t i, Steps& next, int depth) const;
  bool after_group(std::size_t i, Steps& next, int depth) const;

  std::string_view pattern_;
  const std::vector<Token>& tokens_;
  std::vector<std::size_t> close_;      // for a `(` token, its `)` token (tokens.size() if none)
  std::vector<std::size_t> enclosing_;  // for each token, the `)` of the group it stands in
};

// The bytes that end a clause or a sentence in normalised text (full-width forms are folded
// to these), as far as a pattern's reach goes. Not text/clauses' split, which reads like a
// person (1.8 is one number, `:` and `~` end clauses): a pattern's match either holds one of
// these bytes or it does not.
inline bool ends_sentence(char c) {
  return c == '.' || c == '!' || c == '?' || c == ';';
}
inline bool ends_clause(char c) {
  return c == ',' || ends_sentence(c);
}

}  // namespace coach
