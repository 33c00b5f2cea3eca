#include "engine/questions.hpp"

#include <array>

#include "text/clauses.hpp"

namespace coach {
namespace {

constexpr std::array<std::string_view, 17> kOpenWords = {
    "什么", "怎么", "怎样", "如何", "为什么", "为何", "哪",   "多少", "几点",
    "几号", "几次", "几天", "谁",   "何时",   "多久", "多长", "啥"};

constexpr std::array<std::string_view, 14> kClosedWords = {
    "是不是", "对不对", "是否",   "能不能",   "可不可以", "有没有", "要不要",
    "会不会", "行不行", "好不好", "愿不愿意", "可以吗",   "对吗",   "好吗"};

// 没什么 and 为什么不 are not always questions, but a word like 什么 inside 没什么 never is.
constexpr std::array<std::string_view, 4> kNotQuestions = {"没什么", "不怎么", "什么都", "怎么也"};

// 我不知道是怎么回事 mentions a question without asking it.
constexpr std::array<std::string_view, 7> kEmbeddingVerbs = {"不知道", "不清楚", "不确定", "不明白",
                                                             "想了解", "问几个", "说不准"};

// Words that ask when they stand inside a clause, even without a question mark.
constexpr std::array<std::string_view, 3> kAskingWords = {"请问", "想问", "能告诉我"};

bool contains(std::string_view clause, std::string_view word) {
  return clause.find(word) != std::string_view::npos;
}

bool has_open_word(std::string_view clause) {
  for (auto word : kOpenWords) {
    std::size_t at = clause.find(word);
    while (at != std::string_view::npos) {
      bool excluded = false;
      for (auto phrase : kNotQuestions) {
        const std::size_t start = at >= 3 ? at - 3 : 0;
        if (clause.substr(start, phrase.size() + 3).find(phrase) != std::string_view::npos)
          excluded = true;
      }
      if (!excluded) return true;
      at = clause.find(word, at + 1);
    }
  }
  return false;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool has_closed_marker(std::string_view clause) {
  for (auto word : kClosedWords) {
    if (contains(clause, word)) return true;
  }
  return ends_with(clause, "吗");
}

bool contains_any(std::string_view clause, const auto& words) {
  for (std::string_view word : words) {
    if (contains(clause, word)) return true;
  }
  return false;
}

// A clause asks when its punctuation or its words say so. A full stop or exclamation mark
// makes a statement unless a question particle ends the clause; without punctuation (input
// methods often drop the "?") question words decide, unless they are only reported.
bool is_question(std::string_view clause, char terminator) {
  if (terminator == '?') return true;
  if (ends_with(clause, "吗") || ends_with(clause, "呢")) return true;
  if (contains_any(clause, kAskingWords)) return true;
  if (terminator == '.' || terminator == '!') return false;
  if (contains_any(clause, kEmbeddingVerbs)) return false;
  return has_open_word(clause) || has_closed_marker(clause);
}

}  // namespace

std::vector<Question> find_questions(std::string_view text) {
  std::vector<Question> questions;
  for (const Clause& clause : split_clauses(text)) {
    const std::string_view body =
        text.substr(clause.span.begin, clause.span.end - clause.span.begin);
    if (!is_question(body, clause.terminator)) continue;
    // With 吗, a question word only means "any": 还有什么问题吗 is answered yes or no.
    const bool open = has_open_word(body) && !ends_with(body, "吗");
    questions.push_back({clause.span, open ? QuestionKind::open : QuestionKind::closed});
  }
  return questions;
}

}  // namespace coach
