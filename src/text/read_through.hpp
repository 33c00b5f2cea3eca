#pragma once
// Pauses a forbidding rule reads through. A trainee who hesitates inside a sentence (您……弄错了,
// 您——弄错了, 您别~激动) or pauses after a bare pronoun before the reproach (您呀,肯定是弄混了,
// 您，弄错了) still says the sentence, and a rule that forbids it must see it whole. For
// everything else the marks stay pauses (clauses, questions, the reach of a negation), so the
// normaliser makes a second reading without them, and only for a reply that has one.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/normalizer.hpp"
#include "text/pauses.hpp"

namespace coach {

class ReadThrough {
 public:
  // `pauses` are the whitespace runs the first reading takes for commas: this one joins them too.
  ReadThrough(std::string_view original, const Pauses& pauses);

  bool empty() const { return joins_.empty(); }

  // Whether the character starting at byte `pos` of the original is left out of this reading:
  // a mark of hesitation inside a sentence, or the particle and pause after a bare pronoun.
  bool drops(std::size_t pos) const;

  // Where in the original this reading joins two parts of a sentence, in order: the first byte
  // of each run left out and of each whitespace pause it reads through.
  const std::vector<std::uint32_t>& joins() const { return joins_; }

  // The whitespace pauses this reading still takes for commas: those after a pronoun that ends
  // its clause (钱退给您 应该今天到账: 您 is the object, 应该 starts anew).
  const Pauses& kept_pauses() const { return kept_pauses_; }

 private:
  void drop(std::size_t begin, std::size_t end);

  std::vector<TextSpan> dropped_;  // byte ranges of the original, in order
  std::vector<std::uint32_t> joins_;
  Pauses kept_pauses_{std::vector<std::size_t>{}};
};

}  // namespace coach
