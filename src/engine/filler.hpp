#pragma once
// Characters that carry nothing a customer would hear as words: interjections (啊, 哈, 嗯 …),
// a character typed three or more times running (哈哈哈, 。。。), symbols and emoji, spaces.
// Between rubric phrases they are glue, not the trainee's own words: 王先生啊啊啊对不起啊啊啊
// 我确认一下 strings phrases together as much as 王先生对不起我确认一下 does.
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/normalizer.hpp"

namespace coach {

class Filler {
 public:
  explicit Filler(std::string_view original);

  // Whether `range` (original offsets) holds nothing but filler; an empty range does.
  bool fills(TextSpan range) const;
  // How many characters of `range` are filler.
  std::size_t characters(TextSpan range) const;

 private:
  // Per offset of the original (and one past its end): filler bytes and filler characters
  // before it.
  std::vector<std::uint32_t> bytes_before_;
  std::vector<std::uint32_t> characters_before_;
};

}  // namespace coach
