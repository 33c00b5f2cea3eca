#include "load/library_budget.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
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
static_assert(kMaxLexiconPhraseCharacters == 1'000'000, "the messages name the limit");

std::string phrases_too_long(std::size_t total) {
  return fmt::format(fmt::runtime(tr("词语合计太长:全部词库和场景的词语到这里为止共 {} 个字,上限是 "
                                     "1,000,000。每条词语在每次启动时都按长度占用内存;请删去"
                                     "重复或用不到的词语,长句请改成短的关键说法",
                                     "phrases too long together: all lexicons' and scenarios' "
                                     "phrases come to {} characters up to here, more than the "
                                     "limit of 1,000,000. Every phrase costs memory by its length "
                                     "at every start; remove phrases that repeat others or are not "
                                     "needed, and cut long sentences to the words that matter")),
                     grouped(total));
}

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

// Where the phrases pass the limit: at a lexicon's concept (`concept_id`), or at a scenario's
// rule (empty).
std::string too_many_phrases(std::size_t total, std::string_view concept_id) {
  if (!concept_id.empty())
    return fmt::format(
        fmt::runtime(tr("词语太多:全部词库到概念 `{}` 为止共有 {} 条词语,上限是 200,000。"
                        "每条词语在每次启动时都要占用内存和时间,请删去重复或用不到的词语",
                        "too many phrases: all lexicons hold {1} phrases up to concept `{0}`, "
                        "more than the limit of 200,000. Every phrase costs memory and time at "
                        "every start; remove phrases that repeat others or are not needed")),
        utf8::quote(concept_id), grouped(total));
  return fmt::format(fmt::runtime(tr("词语太多:全部词库和场景的规则到这一条为止共有 {} 条词语,"
                                     "上限是 200,000。每条词语在每次启动时都要占用内存和时间,"
                                     "请删去重复或用不到的词语,常用的说法请写进词库的概念",
                                     "too many phrases: all lexicons and scenarios' rules hold {} "
                                     "phrases up to this rule, more than the limit of 200,000. "
                                     "Every phrase costs memory and time at every start; remove "
                                     "phrases that repeat others or are not needed, and put "
                                     "common wording in a lexicon's concept")),
                     grouped(total));
}

// Adds `phrases` to `count`; why that passes a limit (`concept_id`: the lexicon's concept they
// belong to, empty for a scenario's rule), or nothing.
std::optional<std::string> add_phrases(PhraseCount& count, const std::vector<std::string>& phrases,
                                       std::string_view concept_id) {
  count.phrases += phrases.size();
  for (const std::string& phrase : phrases) count.characters += utf8::count_code_points(phrase);
  if (count.phrases > kMaxLexiconPhrases) return too_many_phrases(count.phrases, concept_id);
  if (count.characters > kMaxLexiconPhraseCharacters) return phrases_too_long(count.characters);
  return std::nullopt;
}

// A pattern and where it is written.
struct PatternPlace {
  const std::string* file;
  SourceMark mark;
  const std::string* text;
};

std::vector<PatternPlace> lexicon_patterns(const std::vector<const Concept*>& concepts) {
  std::vector<PatternPlace> places;
  for (const Concept* concept_ : concepts)
    for (const MarkedText& pattern : concept_->patterns)
      places.push_back({&concept_->file, pattern.mark, &pattern.text});
  return places;
}

std::vector<PatternPlace> scenario_patterns(const Scenario& scenario) {
  std::vector<PatternPlace> places;
  for (const Step& step : scenario.steps)
    for (const Rule& rule : step.rules)
      if (rule.kind == RuleKind::regex)
        places.push_back({&scenario.file, rule.pattern_mark, &rule.pattern});
  return places;
}

// What the patterns take of the budget after `before`, or nullopt when they pass the limit,
// with an error at the first, in order, at which the total does. They are bounded first as the
// load reads them, loosely and for free; only a total over the limit has its classes measured
// (each compiled alone, about 20 µs).
std::optional<std::size_t> patterns_fit(const std::vector<PatternPlace>& places, std::size_t before,
                                        bool with_scenario, Diagnostics& diagnostics) {
  for (const ClassSizes classes : {ClassSizes::read, ClassSizes::measured}) {
    std::size_t cost = 0;
    for (const PatternPlace& place : places) cost += pattern_cost(*place.text, classes);
    if (before + cost <= kMaxWokenPatternInstructions) return cost;
  }
  std::size_t total = before;
  for (const PatternPlace& place : places) {
    total += pattern_cost(*place.text, ClassSizes::measured);
    if (total <= kMaxWokenPatternInstructions) continue;
    diagnostics.error(*place.file, place.mark, too_many_instructions(total, with_scenario));
    break;
  }
  return std::nullopt;
}

}  // namespace

LexiconBudget check_lexicon_budget(const Lexicon& lexicon, Diagnostics& diagnostics) {
  const std::vector<const Concept*> concepts = in_file_order(lexicon);
  LexiconBudget budget;
  for (const Concept* concept_ : concepts) {
    const auto problem = add_phrases(budget.phrases, concept_->phrases, concept_->id);
    if (!budget.within || !problem) continue;
    diagnostics.error(concept_->file, concept_->mark, *problem);
    budget.within = false;
  }
  const auto instructions = patterns_fit(lexicon_patterns(concepts), 0, false, diagnostics);
  budget.pattern_instructions = instructions.value_or(0);
  budget.within = budget.within && instructions.has_value();
  return budget;
}

bool scenario_within_budget(const Scenario& scenario, std::size_t lexicon_instructions,
                            Diagnostics& diagnostics) {
  return patterns_fit(scenario_patterns(scenario), lexicon_instructions, true, diagnostics)
      .has_value();
}

bool scenario_phrases_within_budget(const Scenario& scenario, PhraseCount& phrases,
                                    Diagnostics& diagnostics) {
  PhraseCount total = phrases;
  for (const Step& step : scenario.steps) {
    for (const Rule& rule : step.rules) {
      if (const auto problem = add_phrases(total, rule.phrases, {})) {
        diagnostics.error(scenario.file, rule.mark, *problem);
        return false;
      }
    }
  }
  phrases = total;
  return true;
}

}  // namespace coach
