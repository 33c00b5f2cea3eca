#include "engine/grammar_words.hpp"

#include <string_view>

#include "util/utf8.hpp"

namespace coach {
namespace {

// 并 joins one action to the next (落实座位并短信告诉您), which strung keywords never do, and a
// measure word counts something out (20个座位, 两张票): both are a sentence's grammar.
bool is_function_character(char32_t cp) {
  static constexpr std::u32string_view kFunction =
      U"那就会能已了的是把被为因所呢吗也都还在要这跟让过着我您你并个位张次";
  return kFunction.find(cp) != std::u32string_view::npos;
}

// Conjunctions that turn to a new clause: a contrast, a cause, a condition. Those that add one
// more item (还有, 然后, 而且) also glue keywords together (对不起还有抱歉), so they prove nothing.
bool opens_clause(std::string_view words) {
  for (const std::string_view conjunction :
       {"不过", "但是", "可是", "但", "所以", "因为", "如果", "虽然", "不然", "否则"}) {
    if (words.find(conjunction) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

Grammar grammar_of(std::string_view words) {
  Grammar grammar;
  for (std::size_t pos = 0; pos < words.size();) {
    if (is_function_character(utf8::decode(words, pos))) ++grammar.function_characters;
  }
  grammar.opens_clause = opens_clause(words);
  return grammar;
}

}  // namespace coach
