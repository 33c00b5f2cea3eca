#pragma once
// Whitespace that stands for punctuation. Chinese typed in a chat window often separates
// sentences with a space or a line break instead of a comma (先生您好 我是客服小王); the
// normaliser drops whitespace, so without this the two sentences would read as one clause —
// a run-on that looks like keyword stuffing, a question lost, a negation reaching the next
// sentence. A space between single characters (给 您 添 麻 烦 了) is spacing, not a pause.
#include <cstddef>
#include <string_view>
#include <vector>

namespace coach {

class Pauses {
 public:
  // The whitespace runs of `original` read as a pause: a line break between two characters
  // after a character that is not punctuation; and, in a reply punctuated by nothing but
  // spaces, spaces between two CJK ideographs.
  explicit Pauses(std::string_view original);
  // Pauses at the given offsets (in order): those a second reading keeps.
  explicit Pauses(std::vector<std::size_t> starts) : starts_(std::move(starts)) {}

  // Where the first pause in [from, to) of the original starts, or npos. Asked for every
  // character: a reply without pauses (nearly every one) costs no call.
  std::size_t first_in(std::size_t from, std::size_t to) const {
    return starts_.empty() ? std::string_view::npos : first_among(from, to);
  }

  // Where each pause starts, in order.
  const std::vector<std::size_t>& starts() const { return starts_; }

 private:
  std::size_t first_among(std::size_t from, std::size_t to) const;

  std::vector<std::size_t> starts_;  // byte offsets of each pause's first character, in order
};

}  // namespace coach
