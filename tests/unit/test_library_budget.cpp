#include <doctest/doctest.h>

#include <string>

#include "engine/program_size.hpp"
#include "load/library_budget.hpp"

using namespace coach;

namespace {

// About 19,000 instructions: `\pL` is about 1,200 and is spelled out sixteen times.
const std::string kHeavy = "的\\pL{0,15}但.";

Concept concept_with(const std::string& id, const std::string& file, int line) {
  Concept made;
  made.id = id;
  made.file = file;
  made.mark = {line, 3};
  return made;
}

void add_heavy_patterns(Concept& made, int count, int first_line) {
  for (int i = 0; i < count; ++i)
    made.patterns.push_back({kHeavy + std::to_string(i), {first_line + i, 9}});
}

}  // namespace

// Outside pass 36, finding 02: 4,000 patterns, each within its own limit, made one reply take
// 24 s and 1.8 GB.
TEST_CASE("the lexicons' patterns together are refused at the one that passes the limit") {
  const std::size_t each = program_size_bound(kHeavy + "0");
  REQUIRE(each > 10'000);
  REQUIRE(each < 20'000);
  const int fitting = static_cast<int>(kMaxWokenPatternInstructions / each);

  Lexicon lexicon;
  lexicon["a"] = concept_with("a", "a.yaml", 2);
  add_heavy_patterns(lexicon["a"], fitting / 2, 10);
  lexicon["b"] = concept_with("b", "b.yaml", 2);
  add_heavy_patterns(lexicon["b"], fitting - fitting / 2, 10);
  Diagnostics fits;
  const LexiconBudget within = check_lexicon_budget(lexicon, fits);
  CHECK(within.within);
  CHECK(fits.empty());
  CHECK(within.pattern_instructions <= kMaxWokenPatternInstructions);

  add_heavy_patterns(lexicon["b"], 3, 1000);
  Diagnostics over;
  CHECK_FALSE(check_lexicon_budget(lexicon, over).within);
  REQUIRE(over.size() == 1);
  const Diagnostic& error = over.items().front();
  CHECK(error.file == "b.yaml");
  CHECK(error.mark.line == 1000);  // the first pattern past the limit, not the last one
  CHECK(error.message.find("2,000,000") != std::string::npos);
}

TEST_CASE("the concept named is the first in file order, not in the order of ids") {
  const std::size_t each = program_size_bound(kHeavy + "0");
  const int over = static_cast<int>(kMaxWokenPatternInstructions / each) + 1;
  Lexicon lexicon;
  lexicon["a-later"] = concept_with("a-later", "z.yaml", 2);
  add_heavy_patterns(lexicon["a-later"], over, 10);
  lexicon["z-first"] = concept_with("z-first", "a.yaml", 2);
  add_heavy_patterns(lexicon["z-first"], over, 10);
  Diagnostics diagnostics;
  check_lexicon_budget(lexicon, diagnostics);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics.items().front().file == "a.yaml");
}

// Outside pass 36, finding 08: three lexicons of 900,000 phrases made every command take 8 s
// and 875 MB.
TEST_CASE("the lexicons' phrases together are refused at the concept that passes the limit") {
  Lexicon lexicon;
  lexicon["first"] = concept_with("first", "a.yaml", 2);
  lexicon["first"].phrases.assign(kMaxLexiconPhrases - 1, "对不起");
  lexicon["second"] = concept_with("second", "a.yaml", 40);
  lexicon["second"].phrases.assign(1, "抱歉");
  Diagnostics fits;
  CHECK(check_lexicon_budget(lexicon, fits).within);
  CHECK(fits.empty());

  lexicon["third"] = concept_with("third", "b.yaml", 7);
  lexicon["third"].phrases.assign(2, "道歉");
  Diagnostics over;
  CHECK_FALSE(check_lexicon_budget(lexicon, over).within);
  REQUIRE(over.size() == 1);
  CHECK(over.items().front().file == "b.yaml");
  CHECK(over.items().front().mark.line == 7);
  CHECK(over.items().front().message.find("`third`") != std::string::npos);
}

TEST_CASE("a scenario's own regexes share what the lexicons leave") {
  Scenario scenario;
  scenario.file = "t.yaml";
  Step step;
  for (int i = 0; i < 3; ++i) {
    Rule rule;
    rule.kind = RuleKind::regex;
    rule.pattern = kHeavy + std::to_string(i);
    rule.pattern_mark = {20 + i, 17};
    step.rules.push_back(rule);
  }
  scenario.steps.push_back(step);
  const std::size_t each = program_size_bound(kHeavy + "0");

  Diagnostics fits;
  CHECK(scenario_within_budget(scenario, kMaxWokenPatternInstructions - 3 * each, fits));
  CHECK(fits.empty());

  Diagnostics over;
  CHECK_FALSE(scenario_within_budget(scenario, kMaxWokenPatternInstructions - 2 * each, over));
  REQUIRE(over.size() == 1);
  CHECK(over.items().front().file == "t.yaml");
  CHECK(over.items().front().mark.line == 22);
}

// Outside pass 37, finding 07: 400,000 phrases in one scenario's any_of were not counted.
TEST_CASE("the phrases of scenarios' rules count with the lexicons'") {
  Scenario scenario;
  scenario.file = "t.yaml";
  Step step;
  Rule rule;
  rule.kind = RuleKind::any_of;
  rule.phrases.assign(1000, "对不起");
  rule.mark = {12, 9};
  step.rules.push_back(rule);
  scenario.steps.push_back(step);

  PhraseCount phrases{kMaxLexiconPhrases - 1000, 0};
  Diagnostics fits;
  CHECK(scenario_phrases_within_budget(scenario, phrases, fits));
  CHECK(fits.empty());
  CHECK(phrases.phrases == kMaxLexiconPhrases);
  CHECK(phrases.characters == 3000);

  Diagnostics over;
  CHECK_FALSE(scenario_phrases_within_budget(scenario, phrases, over));
  CHECK(phrases.phrases == kMaxLexiconPhrases);  // a scenario refused takes nothing
  REQUIRE(over.size() == 1);
  CHECK(over.items().front().file == "t.yaml");
  CHECK(over.items().front().mark.line == 12);
  CHECK(over.items().front().message.find("201,000") != std::string::npos);

  // Few phrases, but long ones (outside pass 48, finding 07).
  PhraseCount long_ones{0, kMaxLexiconPhraseCharacters - 2999};
  Diagnostics too_long;
  CHECK_FALSE(scenario_phrases_within_budget(scenario, long_ones, too_long));
  REQUIRE(too_long.size() == 1);
  CHECK(too_long.items().front().message.find("1,000,001") != std::string::npos);
}

TEST_CASE("the lexicons' phrases are bounded by their characters as well as their number") {
  Lexicon lexicon;
  Concept long_phrases;
  long_phrases.id = "long";
  long_phrases.file = "l.yaml";
  long_phrases.mark = {3, 3};
  long_phrases.phrases.assign(1001, std::string(1000, 'x'));
  lexicon.emplace("long", long_phrases);
  Diagnostics over;
  const LexiconBudget budget = check_lexicon_budget(lexicon, over);
  CHECK_FALSE(budget.within);
  REQUIRE(over.size() == 1);
  CHECK(over.items().front().file == "l.yaml");
  CHECK(over.items().front().message.find("1,001,000") != std::string::npos);
}
