#pragma once
// Whether a phrase found in a reply is negated: 我们不会道歉 is not an apology, 这不是您的错
// is not blame.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/concessions_and_refusals.hpp"

namespace coach {

// How a negation before a phrase found in a reply reads. `normalized` is a normalised reply,
// `match_begin` the byte where the match starts.
struct Negation {
  // The wide reading, for rules that require a phrase: a negation word stands before the match
  // in the same clause, close enough to govern it, and is not part of a word that only looks
  // negative (不好意思, 对不起, 非常 …). 我们不会道歉 is no apology.
  bool negated = false;
  // The narrow reading, for rules that forbid a phrase: a negation plainly governs the match —
  // right before it, or across a few words that carry it on (会, 能, 说, 认为, 给您 …):
  // 我们不会说您弄错了, 这不是您的错, 不用您自己查. A forbidden phrase is not excused by a
  // negation of something else before it (查不出问题您肯定弄混了, 真不巧经理今天不在), however
  // the wide reading takes it. Denied implies negated, but for a yes/no question that denies
  // what it asks about (这能怪您自己吗, 这是您的错吗?当然不是), which only this reading takes.
  bool denied = false;
};

// A match that begins at a clause boundary (the `,对吧` a pattern asks for after a restated
// fact) reads neither way: the negation before the mark belongs to the clause it ends.
Negation read_negation(std::string_view normalized, std::size_t match_begin);
// The same, sparing the readings that need words `present` says the text lacks (of a text of
// which `normalized` is a part).
Negation read_negation(std::string_view normalized, std::size_t match_begin,
                       const WordsPresent& present);

// read_negation for the matches of one text, each place read once: a pattern's match often
// begins where a phrase or another pattern's match does (a ninth of the scanner's 45 reads a
// short reply were repeats). A reading depends only on the text and the place, so what was
// read is kept and looked up. The words the text holds (`present`) spare each reading the
// searches for words that are not there.
class NegationReader {
 public:
  // `present`: the words the text holds (WordsPresent), when the caller found them.
  explicit NegationReader(std::string_view text, const WordsPresent& present = {});

  std::string_view text() const { return text_; }
  const WordsPresent& present() const { return present_; }
  Negation at(std::size_t match_begin);

 private:
  // Texts this short keep their readings inline: no allocation for most replies.
  static constexpr std::size_t kInlinePlaces = 256;
  // Per place: 0 unread, else kRead with the reading's bits.
  enum : std::uint8_t { kRead = 1, kNegated = 2, kDenied = 4 };
  std::uint8_t& reading_at(std::size_t place) {
    return place < kInlinePlaces ? inline_[place] : beyond_[place - kInlinePlaces];
  }
  // rest_of_clause(text(), pos), with the end of the clause found last kept: the places read
  // in a clause share its end, which each read had looked for again (about 40 reads a reply).
  std::string_view rest_of_clause_at(std::size_t pos);

  std::string_view text_;
  WordsPresent present_;
  // The stretch [begin, end) known to hold no clause boundary, and `end` a boundary or the end
  // of the text; none before the first read.
  struct {
    std::size_t begin = SIZE_MAX;
    std::size_t end = SIZE_MAX;
  } clause_;
  std::array<std::uint8_t, kInlinePlaces> inline_{};
  std::vector<std::uint8_t> beyond_;
};

}  // namespace coach
