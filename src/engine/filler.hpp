#pragma once
// Characters that carry nothing a customer would hear as words: interjections (啊, 哈, 嗯 …),
// a character typed three or more times running (哈哈哈, 。。。), symbols, emoji and punctuation
// inside a clause (/ ——), Latin letters and digits, spaces.
// Between rubric phrases they are glue, not the trainee's own words: 王先生啊啊啊对不起啊啊啊
// 我确认一下 strings phrases together as much as 王先生对不起我确认一下 does.
#include <cstddef>
#include <string_view>

#include "text/normalizer.hpp"

namespace coach {

class Filler {
 public:
  // Asked about a few short ranges per reply (the gaps between phrases, the clauses), so it
  // reads them when asked instead of marking the whole reply ahead.
  explicit Filler(std::string_view original) : text_(original) {}

  // Whether `range` (original offsets) holds nothing but filler; an empty range does.
  bool fills(TextSpan range) const;
  // Whether the gap between two phrases glues them together: filler, or a word that only links
  // them — a particle or conjunction (对不起的抱歉, 对不起和抱歉), a word said over (好的好的).
  // Anywhere else such words are the trainee's own.
  bool joins(TextSpan gap) const;
  // How many characters of `range` are filler.
  std::size_t characters(TextSpan range) const;
  // How many are noise, not words: interjections, characters typed three or more times running
  // (嗯嗯嗯, ……, 哈哈哈) and words of two characters said three or more times running (好的好的
  // 好的); punctuation, symbols, Latin letters and digits are not counted here.
  std::size_t noise_characters(TextSpan range) const;

 private:
  enum class Read { whole, stopped, malformed };
  template <typename Visit>
  Read each_run(TextSpan range, Visit&& visit) const;
  template <typename Counts>
  std::size_t count(TextSpan range, Counts counts) const;
  std::size_t same_before(std::size_t at, char32_t cp) const;
  std::size_t same_after(std::size_t at, char32_t cp) const;
  bool is_filler_at(std::size_t begin, std::size_t end, char32_t cp) const;
  std::size_t run_length(std::size_t begin, std::size_t end, char32_t cp) const;

  std::string_view text_;
};

}  // namespace coach
