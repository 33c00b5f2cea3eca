#include "engine/negation.hpp"

#include <algorithm>
#include <array>

#include "text/clauses.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// How many characters before a phrase a negation may stand and still govern it:
// 没有必要说|对不起 (5), 我不觉得需要|道歉 (6), 我们不会给您|道歉 (6).
constexpr std::size_t kWindowCharacters = 7;

constexpr std::array<std::string_view, 9> kNegators = {"不", "没", "无", "别", "未",
                                                       "非", "勿", "莫", "甭"};

// Words that contain a negation character but negate nothing that follows them.
constexpr std::array<std::string_view, 76> kNeutralWords = {
    // Comfort and reassurance: the negation governs the worry, not what follows.
    "别着急", "不要着急", "不着急", "别急", "别担心", "不要担心", "不用担心", "别生气", "不要生气",
    // A-not-A questions ask; they negate nothing (我看看能不能给您通融 is still bending the rule).
    "能不能", "是不是", "要不要", "可不可以", "会不会", "有没有", "行不行", "好不好", "对不对",
    "愿不愿意",
    // Words and idioms with a negation character inside.
    "未来", "无缘无故", "不声不响", "不管怎样", "不得已", "不好意思", "对不起", "不便", "不满",
    "不愉快", "不舒服", "不开心", "不高兴", "不方便", "不周", "不到位", "不当", "不妥", "不够好",
    "不少", "不断", "不仅", "不但", "不管", "不论", "不久", "不过", "不错", "不得不", "不容易",
    "不安", "不快", "不悦", "不爽", "要不", "不要紧", "无论", "无微不至", "非常", "并非", "莫名",
    "别人", "别的", "特别", "区别", "分别", "告别", "差别", "级别", "类别", "没想到", "没错",
    "没关系", "没问题", "毫无疑问", "无意", "不客气"};

// Words that close a negation's reach: in 没带身份证就办不了 the 没 governs 带, not 办不了;
// in 不是刁难而是保护您 the 不 governs 刁难, not 保护您.
constexpr std::array<std::string_view, 8> kScopeBreakers = {"就",   "而是", "但是", "可是",
                                                            "所以", "才",   "的话", "只是"};

// Moves the window's start past the last word that closes a negation's reach.
std::size_t after_scope_breakers(std::string_view text, std::size_t start, std::size_t end) {
  const std::string_view window = text.substr(start, end - start);
  std::size_t cut = 0;
  for (std::string_view breaker : kScopeBreakers) {
    const std::size_t found = window.rfind(breaker);
    if (found != std::string_view::npos) cut = std::max(cut, found + breaker.size());
  }
  return start + cut;
}

bool is_inside_neutral_word(std::string_view text, std::size_t pos) {
  for (std::string_view word : kNeutralWords) {
    // Try every alignment of the word that covers `pos`.
    for (std::size_t offset = 0; offset < word.size(); ++offset) {
      if (offset > pos) break;
      const std::size_t start = pos - offset;
      if (text.substr(start, word.size()) == word) {
        return true;
      }
    }
  }
  return false;
}

std::size_t window_start(std::string_view text, std::size_t match_begin) {
  std::size_t start = match_begin;
  std::size_t characters = 0;
  while (start > 0 && characters < kWindowCharacters) {
    std::size_t previous = start - 1;
    while (previous > 0 && (static_cast<unsigned char>(text[previous]) & 0xC0) == 0x80) --previous;
    if (is_clause_boundary(text, previous)) break;
    start = previous;
    ++characters;
  }
  return start;
}

}  // namespace

bool is_negated(std::string_view text, std::size_t match_begin) {
  const std::size_t start =
      after_scope_breakers(text, window_start(text, match_begin), match_begin);
  const std::string_view window = text.substr(start, match_begin - start);
  for (std::string_view negator : kNegators) {
    for (std::size_t found = window.find(negator); found != std::string_view::npos;
         found = window.find(negator, found + 1)) {
      if (!is_inside_neutral_word(text, start + found)) return true;
    }
  }
  return false;
}

}  // namespace coach
