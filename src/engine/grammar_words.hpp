#pragma once
// Words that carry the grammar of a sentence rather than its content: particles and auxiliaries
// (了, 的, 吗, 会, 要 …), the pronouns of who says and who hears (我, 您, 你), and conjunctions
// that open a clause of their own (不过, 但是, 如果 …). Among the trainee's own words between
// rubric phrases they show sentences typed without commas
// (刘小姐您的心情我能够理解那您希望我们怎样帮您 解决呢), where keywords strung together have none
// (对不起抱歉不好意思).
#include <cstddef>
#include <string_view>

namespace coach {

struct Grammar {
  std::size_t function_characters = 0;  // particles, auxiliaries and pronouns
  bool opens_clause = false;            // a conjunction such as 不过 or 如果
};

// The grammar of `words` (UTF-8): a piece of a reply between phrases.
Grammar grammar_of(std::string_view words);

// Grammar found in several pieces together.
inline Grammar& operator+=(Grammar& total, Grammar piece) {
  total.function_characters += piece.function_characters;
  total.opens_clause = total.opens_clause || piece.opens_clause;
  return total;
}

// Whether words with this grammar hold a sentence: two function characters or more, or a
// conjunction that opens a clause.
inline bool holds_a_sentence(Grammar grammar) {
  constexpr std::size_t kSentenceFunctionCharacters = 2;
  return grammar.opens_clause || grammar.function_characters >= kSentenceFunctionCharacters;
}

}  // namespace coach
