#include "load/library_budget.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "engine/program_size.hpp"
#include "engine/trainer_pattern.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

static_assert(kMaxWokenPatternInstructions == 2'000'000, "the messages name the limit");
static_assert(kMaxLexiconPhrases == 200'000, "the messages name the limit");

// The lexicons' concepts in the order a trainer reads them: by file, then by place in it, so
// the concept named is the one at which the total crosses the limit.
std::vector<const Concept*> in_file_order(const Lexicon& lexicon) {
  std::vector<const Concept*> concepts;
  for (const auto& entry : lexicon) concepts.push_back(&entry.second);
  std::sort(concepts.begin(), concepts.end(), [](const Concept* a, const Concept* b) {
    return std::tie(a->file, a->mark.line, a->mark.column) <
           std::tie(b->file, b->mark.line, b->mark.column);
  });
  return concepts;
}

// What a pattern takes of the budget: its bound, but no more than the most a pattern may compile
// to, since a pattern past that is refused on its own (and an invalid one's bound means nothing).
std::size_t pattern_cost(const std::string& pattern, ClassSizes classes) {
  return std::min(program_size_bound(pattern, classes), kMaxPatternInstructions);
}

// Patterns are bounded first as the load reads them, loosely and for free; only a total over the
// limit has its classes measured (each compiled alone, about 20 µs).
std::size_t lexicon_pattern_total(const std::vector<const Concept*>& concepts, ClassSizes classes) {
  std::size_t total = 0;
  for (const Concept* concept_ : concepts)
    for (const MarkedText& pattern : concept_->patterns)
      total += pattern_cost(pattern.text, classes);
  return total;
}

// 2000198 as 2,000,198: a count this long is read at a glance only in groups.
std::string grouped(std::size_t count) {
  std::string digits = std::to_string(count);
  for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
  return digits;
}

std::string too_many_instructions(std::size_t total, bool with_scenario) {
  return fmt::format(
      fmt::runtime(tr("正则表达式合计太大:词库的全部模式{},到这一条为止约 {} 条指令,上限是 "
                      "2,000,000。每个回答都要在全部词库中查找,一个回答就可能唤起所有这些模式,"
                      "每条都要花时间和内存去编译和查找。请删去重复或很少用到的模式,"
                      "一长串词请写进 phrases",
                      "regular expressions too large together: every lexicon's patterns{} come "
                      "to about {} instructions up to this one, more than the limit of 2,000,000. "
                      "Every reply is searched for every concept of every lexicon, so one reply "
                      "can wake all of these patterns, and each costs time and memory to compile "
                      "and run. Remove patterns that repeat others or are rarely needed, and "
                      "write long lists of words as phrases")),
      with_scenario ? tr("加上本场景的正则表达式", " and this scenario's") : "", grouped(total));
}

// The first pattern, in file order, at which the running total passes the limit; the error
// names it and the total so far.
void report_crossing_pattern(const std::vector<const Concept*>& concepts,
                             Diagnostics& diagnostics) {
  std::size_t total = 0;
  for (const Concept* concept_ : concepts) {
    for (const MarkedText& pattern : concept_->patterns) {
      total += pattern_cost(pattern.text, ClassSizes::measured);
      if (total <= kMaxWokenPatternInstructions) continue;
      diagnostics.error(concept_->file, pattern.mark, too_many_instructions(total, false));
      return;
    }
  }
}

// The concept at which the phrases of all lexicons pass the limit; false when one does.
bool phrases_within_limit(const std::vector<const Concept*>& concepts, Diagnostics& diagnostics) {
  std::size_t total = 0;
  for (const Concept* concept_ : concepts) {
    total += concept_->phrases.size();
    if (total <= kMaxLexiconPhrases) continue;
    diagnostics.error(
        concept_->file, concept_->mark,
        fmt::format(
            fmt::runtime(tr("词语太多:全部词库到概念 `{}` 为止共有 {} 条词语,上限是 200,000。"
                            "每条词语在每次启动时都要占用内存和时间,请删去重复或用不到的词语",
                            "too many phrases: all lexicons hold {1} phrases up to concept `{0}`, "
                            "more than the limit of 200,000. Every phrase costs memory and time "
                            "at every start; remove phrases that repeat others or are not "
                            "needed")),
            utf8::quote(concept_->id), grouped(total)));
    return false;
  }
  return true;
}

std::size_t scenario_pattern_total(const Scenario& scenario, ClassSizes classes) {
  std::size_t total = 0;
  for (const Step& step : scenario.steps)
    for (const Rule& rule : step.rules)
      if (rule.kind == RuleKind::regex) total += pattern_cost(rule.pattern, classes);
  return total;
}

}  // namespace

LexiconBudget check_lexicon_budget(const Lexicon& lexicon, Diagnostics& diagnostics) {
  const std::vector<const Concept*> concepts = in_file_order(lexicon);
  LexiconBudget budget;
  budget.within = phrases_within_limit(concepts, diagnostics);
  for (const Concept* concept_ : concepts) budget.phrases += concept_->phrases.size();
  budget.pattern_instructions = lexicon_pattern_total(concepts, ClassSizes::read);
  if (budget.pattern_instructions <= kMaxWokenPatternInstructions) return budget;
  budget.pattern_instructions = lexicon_pattern_total(concepts, ClassSizes::measured);
  if (budget.pattern_instructions <= kMaxWokenPatternInstructions) return budget;
  report_crossing_pattern(concepts, diagnostics);
  budget.within = false;
  return budget;
}

bool scenario_within_budget(const Scenario& scenario, std::size_t lexicon_instructions,
                            Diagnostics& diagnostics) {
  for (const ClassSizes classes : {ClassSizes::read, ClassSizes::measured})
    if (lexicon_instructions + scenario_pattern_total(scenario, classes) <=
        kMaxWokenPatternInstructions)
      return true;
  std::size_t total = lexicon_instructions;
  for (const Step& step : scenario.steps) {
    for (const Rule& rule : step.rules) {
      if (rule.kind != RuleKind::regex) continue;
      total += pattern_cost(rule.pattern, ClassSizes::measured);
      if (total <= kMaxWokenPatternInstructions) continue;
      diagnostics.error(scenario.file, rule.pattern_mark, too_many_instructions(total, true));
      return false;
    }
  }
  return true;
}

bool scenario_phrases_within_budget(const Scenario& scenario, std::size_t& phrases,
                                    Diagnostics& diagnostics) {
  std::size_t total = phrases;
  for (const Step& step : scenario.steps) {
    for (const Rule& rule : step.rules) {
      total += rule.phrases.size();
      if (total <= kMaxLexiconPhrases) continue;
      diagnostics.error(
          scenario.file, rule.mark,
          fmt::format(fmt::runtime(tr("词语太多:全部词库和场景的规则到这一条为止共有 {} 条词语,"
                                      "上限是 200,000。每条词语在每次启动时都要占用内存和时间,"
                                      "请删去重复或用不到的词语,常用的说法请写进词库的概念",
                                      "too many phrases: all lexicons and scenarios' rules hold {} "
                                      "phrases up to this rule, more than the limit of 200,000. "
                                      "Every phrase costs memory and time at every start; remove "
                                      "phrases that repeat others or are not needed, and put "
                                      "common wording in a lexicon's concept")),
                      grouped(total)));
      return false;
    }
  }
  phrases = total;
  return true;
}

}  // namespace coach
