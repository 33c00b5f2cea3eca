#include "engine/rhetorical_questions.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>

#include "text/clauses.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// The heads of the rhetorical questions that deny (rhetorical_head_ending_at): 怎么能, 哪里会 ….
constexpr std::array<std::u32string_view, 9> kRhetoricalHeads = {
    U"怎么", U"怎", U"哪里", U"哪儿", U"哪", U"岂", U"何", U"咋", U"谁"};

// Whether the window's characters just before position `end` spell one of `words`; if so, `end`
// moves back to where it starts.
bool spells_one_before(const Window& window, std::size_t& end,
                       std::initializer_list<std::u32string_view> words) {
  for (std::u32string_view word : words) {
    if (end >= window.first() + word.size() &&
        window_spells(window, end - word.size(), end, word)) {
      end -= word.size();
      return true;
    }
  }
  return false;
}

// A head asking how it could not be so, right before the negation at window position
// `negator`: 这怎么能不|怪您自己呢, 这怎么不|是您的问题呢, 咋就不, 何尝不 — a double negative that
// affirms. 谁 is no such head: 谁不会弄错呢 comforts.
bool headed_double_negative(const Window& window, std::size_t negator) {
  std::size_t end = negator;
  spells_one_before(window, end, {U"就", U"还", U"也", U"都"});
  spells_one_before(window, end, {U"可能", U"可以", U"能够", U"能", U"会"});
  return spells_one_before(window, end, {U"怎么", U"怎", U"咋", U"何尝"});
}

// A yes/no question that asks whether one may judge the customer, of the matter in hand:
// 这能|怪您自己吗, 这也能|怪您吗, 那能说|是您的错吗. The modal follows 这 or 那 within three
// characters, and only judging words stand between it and the match (`opening` is the match's
// first character). 我能说是您弄错了吗 asks leave to judge, and judges.
bool asks_whether_to_judge(const Window& window, char32_t opening) {
  std::size_t modal = kWindowCharacters;
  bool judged = judges(opening);
  while (modal > window.first() && judges(window.characters[modal - 1])) {
    --modal;
    judged = true;
  }
  if (!judged || modal == window.first()) return false;
  const char32_t c = window.characters[--modal];
  if (c != U'能' && c != U'会') return false;
  for (std::size_t i = modal, between = 0; i-- > window.first() && between <= 3; ++between) {
    const char32_t before = window.characters[i];
    if (before == U'这' || before == U'那') return true;
    if (is_pronoun(before) || is_negator(before)) return false;
  }
  return false;
}

// Whether the text from `pos`, just after a question, answers it no: 当然不是, 不是的, 肯定不能
// 怪您, 怎么可能. The answer stands alone or goes on to judge (当然不能怪您); 不能的话 … is a
// condition, not an answer.
bool answered_no(std::string_view text, std::size_t pos) {
  while (pos < text.size() && (is_clause_boundary(text, pos) || text[pos] == ' ')) ++pos;
  std::string_view answer = text.substr(pos);
  for (int n = 0; n < 2; ++n) {
    for (std::string_view opener : {"这个", "这", "那", "当然", "肯定", "绝对"}) {
      if (answer.starts_with(opener)) {
        answer.remove_prefix(opener.size());
        break;
      }
    }
  }
  static constexpr std::array<std::string_view, 13> kNo = {
      "不可能",   "不是",   "不能", "不会", "不怪", "不算", "没有",
      "怎么可能", "怎么会", "哪能", "哪里", "哪儿", "不"};
  for (std::string_view no : kNo) {
    if (!answer.starts_with(no)) continue;
    std::string_view after = answer.substr(no.size());
    for (std::string_view particle : {"的", "啊", "呀", "了", "呢"}) {
      if (after.starts_with(particle)) {
        after.remove_prefix(particle.size());
        break;
      }
    }
    if (after.empty() || is_clause_boundary(after, 0)) return true;
    std::size_t next = 0;
    return judges(utf8::decode(after, next));
  }
  return false;
}

}  // namespace

bool denied_by_yes_no_question(std::string_view text, const Window& window, std::size_t match_begin,
                               std::string_view rest) {
  if (rest.empty() || !ends_with_yes_no_particle(rest)) return false;
  std::size_t first = match_begin;
  return asks_whether_to_judge(window, utf8::decode(text, first)) ||
         answered_no(text, match_begin + rest.size());
}

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
  if (before.find("难道") != std::string_view::npos ||
      before.find("岂") != std::string_view::npos || headed_double_negative(window, negator))
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
