#include "engine/rubric_form.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "util/utf8.hpp"

namespace coach {
namespace {

// The documents' own names for the moves, beside the concepts' labels and the rules'
// descriptions (000 第三步: 开放式问题, 封闭式问题; 000 第二步: 复述).
constexpr std::array<std::string_view, 6> kRubricWords = {"关键词", "要点",       "复述",
                                                          "称呼",   "开放式问题", "封闭式问题"};
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
    for (const RuleResult& rule : rules_) {
      if (std::string_view(rule.description).find(text) != std::string_view::npos) return true;
    }
    for (std::size_t index = 0; index < concepts_.size(); ++index) {
      const Concept* concept_entry = concepts_.at(index).definition;
      if (concept_entry && concept_entry->label.find(text) != std::string::npos) return true;
    }
    return false;
  }

  const std::vector<RuleResult>& rules_;
  const ConceptIndex& concepts_;
};

// Items labelled `LABEL:` (a clause that ends with a colon).
int colon_labels(std::string_view text, const std::vector<Clause>& clauses,
                 const RubricNames& names) {
  int labels = 0;
  for (const Clause& clause : clauses) {
    if (clause.terminator != ':') continue;
    labels += names.weight(text.substr(clause.span.begin, clause.span.end - clause.span.begin));
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

// A colon ends a clause; a bracket is looked for byte by byte (memchr): a scan for any of the
// marks at once read each byte against each mark.
bool may_hold_labels(std::string_view text, const std::vector<Clause>& clauses) {
  const auto ends_with_colon = [](const Clause& clause) { return clause.terminator == ':'; };
  if (std::any_of(clauses.begin(), clauses.end(), ends_with_colon)) return true;
  return std::any_of(kBrackets.begin(), kBrackets.end(), [&](const auto& brackets) {
    return text.find(brackets.first) != std::string_view::npos;
  });
}

}  // namespace

bool is_filled_in_form(const NormalizedText& reply, const std::vector<Clause>& clauses,
                       const std::vector<RuleResult>& rules, const ConceptIndex& concepts) {
  // Most replies hold neither a colon nor a bracket, and need no label read.
  if (!may_hold_labels(reply.text, clauses)) return false;
  const RubricNames names(rules, concepts);
  return colon_labels(reply.text, clauses, names) + bracket_labels(reply.text, names) >= kLabels;
}

}  // namespace coach
