#pragma once
// Phrases a reply names without asserting them: said in a concession (就算您弄错了,也…),
// refused (全赔,这个我不能随便答应您) or asked as what the customer wants (是希望她被开除吗?).
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace coach {

// Which words the readings of concession, refusal and question look for a text holds at all,
// found by the scanner's one pass over the text (LexiconScanner) instead of searched for near
// every match: a word the text lacks, no clause of it holds, and most replies hold none of
// them. Every flag is true by default (nothing is skipped); a flag found false is false for
// every part of the text.
struct WordsPresent {
  bool concession = true;  // 无论, 不论, 就算, 即使, 哪怕, 即便, 纵然, 不管
  bool wish = true;        // 希望, 想要, 要求, 想让, 是想, 是要
  bool refusing = true;    // 能, 法, 敢, 不到, 不了
  bool yes_no = true;      // 吗, 嘛, 么: a yes/no question's particle

  using Flag = bool WordsPresent::*;
  // Every word looked for, with the flag its occurrence sets in none().
  static std::vector<std::pair<std::string_view, Flag>> words();
  static WordsPresent none() { return {false, false, false, false}; }
};

// Whether the match at `match_begin` stands in a concessive clause or a clause that refuses it,
// or is taken up and refused by the next clause. `rest` is the clause from the match on
// (rest_of_clause); `present`, the words the text holds (the readings that need others are
// skipped).
bool conceded_or_refused(std::string_view text, std::size_t match_begin, std::string_view rest,
                         const WordsPresent& present);

}  // namespace coach
