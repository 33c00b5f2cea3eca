#include "engine/rhetorical_questions.hpp"

#include <algorithm>
#include <array>

#include "text/clauses.hpp"

namespace coach {
namespace {

// The heads of the rhetorical questions that deny (rhetorical_head_ending_at): 怎么能, 哪里会 ….
constexpr std::array<std::u32string_view, 9> kRhetoricalHeads = {
    U"怎么", U"怎", U"哪里", U"哪儿", U"哪", U"岂", U"何", U"咋", U"谁"};

}  // namespace

bool holds_rhetorical_head(const Window& window) {
  return std::any_of(window.characters.begin() + window.first(), window.characters.end(),
                     [](char32_t c) {
                       return std::any_of(kRhetoricalHeads.begin(), kRhetoricalHeads.end(),
                                          [&](std::u32string_view head) { return head[0] == c; });
                     });
}

bool is_rhetorical(std::string_view text, const Window& window, std::size_t negator,
                   std::size_t match_begin) {
  const std::string_view before =
      text.substr(window.starts[window.first()], match_begin - window.starts[window.first()]);
  if (before.find("难道") != std::string_view::npos || before.find("岂") != std::string_view::npos)
    return true;
  const std::string_view rest = rest_of_clause(text, match_begin);
  if (ends_with_yes_no_particle(rest)) return true;
  const bool guess = text.substr(window.starts[negator]).starts_with("不会");
  return guess && without_trailing_symbols(rest).ends_with("吧");
}

bool rhetorical_head_ending_at(const Window& window, std::size_t last) {
  if (last + 1 >= kWindowCharacters) return false;
  const char32_t modal = window.characters[last + 1];
  if (std::u32string_view(U"能会是必可").find(modal) == std::u32string_view::npos) return false;
  return std::any_of(kRhetoricalHeads.begin(), kRhetoricalHeads.end(),
                     [&](std::u32string_view head) {
                       return last + 1 >= head.size() &&
                              window_spells(window, last + 1 - head.size(), last + 1, head);
                     });
}

bool judges(char32_t c) {
  return std::u32string_view(U"怪说讲是赖算归认觉").find(c) != std::u32string_view::npos;
}

}  // namespace coach
