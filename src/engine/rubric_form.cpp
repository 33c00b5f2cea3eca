#include "engine/rubric_form.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "util/utf8.hpp"

namespace coach {
namespace {

// The documents' own names for the moves, beside the concepts' labels and the rules'
// descriptions (000 第三步: 开放式问题, 封闭式问题; 000 第二步: 复述).
constexpr std::array<std::string_view, 6> kRubricWords = {"关键词", "要点",       "复述",
                                                          "称呼",   "开放式问题", "封闭式问题"};
// The same in English, and the words of an English form (Name: 王先生; Apology: 对不起).
constexpr std::array<std::string_view, 10> kEnglishRubricWords = {
    "keywords", "keyword",     "name",    "address",       "apology",
    "restate",  "restatement", "empathy", "open question", "closed question"};
// What a reply that calls itself a list of keywords begins with: one such label is enough.
constexpr std::array<std::string_view, 2> kSelfNamed = {"关键词", "要点"};
constexpr std::size_t kShortestLabel = 2;  // characters: 道歉, 核实
constexpr std::size_t kLongestLabel = 8;   // 确认客户是否满意
constexpr int kLabels = 3;

// Brackets a label may stand in: 【移情】, (礼貌称谓), [道歉] (full-width ones are normalised).
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kBrackets = {
    {{"【", "】"}, {"(", ")"}, {"[", "]"}}};

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// A label names; it says nothing to anyone (我确认一下:, 您说的是:).
bool speaks(std::string_view text) {
  return text.find("我") != std::string_view::npos || text.find("您") != std::string_view::npos ||
         text.find("你") != std::string_view::npos;
}

class RubricNames {
 public:
  RubricNames(const std::vector<RuleResult>& rules, const ConceptIndex& concepts)
      : rules_(rules), concepts_(concepts) {}

  // What `text` is as a label: 0 for none, 1 for a rubric name, kLabels for a self-naming one.
  int weight(std::string_view text) const {
    text = trimmed(text);
    const std::size_t characters = utf8::count_code_points(text);
    if (characters < kShortestLabel || characters > kLongestLabel || speaks(text)) return 0;
    if (std::find(kSelfNamed.begin(), kSelfNamed.end(), text) != kSelfNamed.end()) return kLabels;
    return names(text) ? 1 : 0;
  }

 private:
  bool names(std::string_view text) const {
    if (std::find(kRubricWords.begin(), kRubricWords.end(), text) != kRubricWords.end())
      return true;
    if (is_ascii(text)) return names_in_english(lowercase(text));
    for (const RuleResult& rule : rules_) {
      if (std::string_view(rule.description).find(text) != std::string_view::npos) return true;
    }
    for (std::size_t index = 0; index < concepts_.size(); ++index) {
      const Concept* concept_entry = concepts_.at(index).definition;
      if (concept_entry && concept_entry->label.find(text) != std::string::npos) return true;
    }
    return false;
  }

  bool names_in_english(const std::string& text) const {
    if (std::find(kEnglishRubricWords.begin(), kEnglishRubricWords.end(), text) !=
        kEnglishRubricWords.end())
      return true;
    // Part of an English label only when a word's length: `of`, `ad` or `ok` is part of many.
    constexpr std::size_t kShortestEnglishPart = 4;
    if (text.size() < kShortestEnglishPart) return false;
    for (std::size_t index = 0; index < concepts_.size(); ++index) {
      const Concept* concept_entry = concepts_.at(index).definition;
      if (concept_entry && lowercase(concept_entry->label_en).find(text) != std::string::npos)
        return true;
    }
    return false;
  }

  static bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  }

  static std::string lowercase(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower;
  }

  const std::vector<RuleResult>& rules_;
  const ConceptIndex& concepts_;
};

// What stands between a label and its item besides a colon: 称呼——王先生, 称呼=王先生, 称呼→王先生.
constexpr std::array<std::string_view, 5> kLabelMarks = {"——", "—", "=", "→", "->"};

// The text of `clause` before the first label mark in it, when there is one.
std::optional<std::string_view> before_label_mark(std::string_view clause) {
  std::size_t first = std::string_view::npos;
  for (const std::string_view mark : kLabelMarks) first = std::min(first, clause.find(mark));
  if (first == std::string_view::npos) return std::nullopt;
  return clause.substr(0, first);
}

// 第一步道歉: a label numbered as the document's steps are; what follows 步 is the label.
std::optional<std::string_view> after_step_number(std::string_view clause) {
  if (!clause.starts_with("第")) return std::nullopt;
  const std::size_t step = clause.find("步");
  constexpr std::size_t kLongestNumber = 3 * 3;  // 第十二步: three characters of three bytes
  if (step == std::string_view::npos || step > 3 + kLongestNumber) return std::nullopt;
  return clause.substr(step + std::string_view("步").size());
}

// #称呼 王先生 #道歉 对不起: a label after each #, up to a space.
int hash_labels(std::string_view clause, const RubricNames& names) {
  int labels = 0;
  for (std::size_t at = clause.find('#'); at != std::string_view::npos;
       at = clause.find('#', at + 1)) {
    const std::string_view after = clause.substr(at + 1);
    labels += names.weight(after.substr(0, after.find(' ')));
  }
  return labels;
}

// The label a clause holds, if any: all of it before a colon, what stands before a label mark,
// or what follows a step's number.
int clause_labels(std::string_view clause, char terminator, const RubricNames& names) {
  if (terminator == ':') return names.weight(clause);
  if (const auto label = before_label_mark(clause)) return names.weight(*label);
  if (const auto label = after_step_number(clause)) return names.weight(*label);
  return hash_labels(clause, names);
}

// Items labelled in the clauses: `LABEL:`, `LABEL——`, `第一步LABEL`, `#LABEL`.
int labels_in_clauses(std::string_view text, const std::vector<Clause>& clauses,
                      const RubricNames& names) {
  int labels = 0;
  for (const Clause& clause : clauses) {
    const std::string_view words =
        text.substr(clause.span.begin, clause.span.end - clause.span.begin);
    labels += clause_labels(words, clause.terminator, names);
  }
  return labels;
}

// Labels standing in brackets of their own.
int bracket_labels(std::string_view text, const RubricNames& names) {
  int labels = 0;
  for (const auto& [open, close] : kBrackets) {
    for (std::size_t at = text.find(open); at != std::string_view::npos;
         at = text.find(open, at + open.size())) {
      const std::size_t begin = at + open.size();
      const std::size_t end = text.find(close, begin);
      if (end == std::string_view::npos) break;
      labels += names.weight(text.substr(begin, end - begin));
    }
  }
  return labels;
}

// A colon ends a clause; the other marks are looked for one by one (memchr): a scan for any of
// them at once read each byte against each mark.
bool may_hold_labels(std::string_view text, const std::vector<Clause>& clauses) {
  const auto ends_with_colon = [](const Clause& clause) { return clause.terminator == ':'; };
  if (std::any_of(clauses.begin(), clauses.end(), ends_with_colon)) return true;
  const auto holds = [&](std::string_view mark) {
    return text.find(mark) != std::string_view::npos;
  };
  return std::any_of(kBrackets.begin(), kBrackets.end(),
                     [&](const auto& brackets) { return holds(brackets.first); }) ||
         std::any_of(kLabelMarks.begin(), kLabelMarks.end(), holds) || holds("#") || holds("步");
}

}  // namespace

bool is_filled_in_form(const NormalizedText& reply, const std::vector<Clause>& clauses,
                       const std::vector<RuleResult>& rules, const ConceptIndex& concepts) {
  // Most replies hold neither a colon nor a bracket, and need no label read.
  if (!may_hold_labels(reply.text, clauses)) return false;
  const RubricNames names(rules, concepts);
  return labels_in_clauses(reply.text, clauses, names) + bracket_labels(reply.text, names) >=
         kLabels;
}

}  // namespace coach
