// `check` walks the model answers, the counter-examples, and the model answers with each
// counter-example in turn, to find the branches (`when:`, `customer_if:`) no example reaches. It
// replays only what a counter-example can change (outside pass 36, finding 04: a walk of every
// step for every counter-example made 800 steps take minutes); these tests hold its notes to
// those of every walk played in full, as check played them before.
#include <doctest/doctest.h>

#include <functional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "engine/checker.hpp"
#include "engine/conversation.hpp"
#include "engine/scorer.hpp"
#include "fixtures.hpp"

using namespace coach;

namespace {

// The customer's temper in force, as `check` sees a scenario the library loaded.
struct Fixture : test::Fixture {
  explicit Fixture(const std::string& scenario_yaml)
      : test::Fixture(scenario_yaml, test::kLexicon, test::Temper::in_force) {}
};

using Reply = std::function<std::optional<std::string>(const Step&)>;
using Reached = std::set<std::pair<std::string, int>>;  // step id, line of customer_if (-1: when)

std::optional<std::string> first_of(const std::vector<MarkedText>& examples) {
  if (examples.empty()) return std::nullopt;
  return examples.front().text;
}

void walk_in_full(const Rubric& rubric, const Reply& reply_to, Reached& reached) {
  Conversation conversation(rubric);
  while (const CompiledStep* step = conversation.next_step()) {
    const Step& definition = *step->step;
    if (definition.when) reached.insert({definition.id, -1});
    const std::string& line = conversation.customer_line(*step);
    for (std::size_t i = 0; i < definition.customer_lines_if.size(); ++i) {
      if (&definition.customer_lines_if[i].line == &line)
        reached.insert({definition.id, static_cast<int>(i)});
    }
    const std::optional<std::string> reply = reply_to(definition);
    conversation.answer(*step, reply ? std::optional<std::string_view>(*reply) : std::nullopt);
  }
}

// The places of the branches no walk reaches, every walk played from the first step to the end.
std::vector<std::string> unreached_walking_everything(const Rubric& rubric) {
  Reached reached;
  walk_in_full(
      rubric, [](const Step& s) { return first_of(s.model_answers); }, reached);
  walk_in_full(
      rubric, [](const Step& s) { return first_of(s.counter_examples); }, reached);
  for (const auto& target : rubric.steps()) {
    for (const auto& example : target.step->counter_examples) {
      walk_in_full(
          rubric,
          [&](const Step& s) -> std::optional<std::string> {
            return &s == target.step ? std::optional<std::string>(example.text)
                                     : first_of(s.model_answers);
          },
          reached);
    }
  }
  std::vector<std::string> places;
  const auto place = [](SourceMark mark) {
    return std::to_string(mark.line) + ":" + std::to_string(mark.column);
  };
  for (const auto& compiled : rubric.steps()) {
    const Step& step = *compiled.step;
    if (step.when && !reached.count({step.id, -1})) places.push_back(place(step.when->mark));
    for (std::size_t i = 0; i < step.customer_lines_if.size(); ++i) {
      if (!reached.count({step.id, static_cast<int>(i)}))
        places.push_back(place(step.customer_lines_if[i].when.mark));
    }
  }
  return places;
}

std::vector<std::string> unreached_noted(const CheckSummary& summary) {
  std::vector<std::string> places;
  for (const Diagnostic& note : summary.unreached.items())
    places.push_back(std::to_string(note.mark.line) + ":" + std::to_string(note.mark.column));
  return places;
}

// Anger starts at 50; blame raises it by 30, empathy lowers it by 15.
const char* kBranches = R"(id: t
title: T
source: test
customer: {name: 王先生, mood: 50, reacts_to: {empathy: -15}}
briefing: b
steps:
  - id: vent
    stage: vent
    customer: c
    rules:
      - {concept: empathy, points: 10}
      - {forbid: blame, critical: true, mood: 30}
    model_answers: ["王先生,您的心情我很理解"]
    counter_examples: ["您弄错了", "好的"]
  - id: manager
    stage: vent
    when: {mood_above: 60}
    customer: 叫经理来
    rules:
      - {concept: apology, points: 10}
    model_answers: ["对不起"]
    counter_examples: ["好的", "原因是系统升级"]
  - id: calm
    stage: apologize
    customer: c
    customer_if:
      - {mood_below: 40, line: 好吧}
      - {said: blame, line: 你还怪我?}
      - {mood_above: 95, line: 我走了}
    rules:
      - {concept: apology, points: 10}
    model_answers: ["对不起"]
  - id: extra
    stage: gather
    when: {said: explain}
    customer: c
    rules:
      - {concept: apology, points: 10}
    model_answers: ["对不起"]
)";

}  // namespace

TEST_CASE("check notes the branches no example reaches, as walking every path in full does") {
  Fixture fixture(kBranches);
  REQUIRE_MESSAGE(fixture.rubric, fixture.diagnostics.to_string());
  const CheckSummary summary = check_rubric(*fixture.rubric);
  // `manager` and the line for blame are reached by vent's counter-example; the line at anger
  // above 95 by nothing; `extra` neither: only manager's second counter-example explains, and
  // the model answers, the one path on which it would be said, never play `manager`.
  CHECK(unreached_noted(summary) == std::vector<std::string>{"29:9", "35:11"});
  CHECK(unreached_noted(summary) == unreached_walking_everything(*fixture.rubric));
  REQUIRE(summary.unreached.size() == 2);
  CHECK(summary.unreached.items()[1].message.find("`extra`") != std::string::npos);
}

namespace {

// A long scenario: model answers that leave the anger where it is (40), blame at `slip` (and,
// the same slip again, at the step after it) raising it for good, and at the end a step the
// raised anger brings in, a line said only once explain was said, and one nobody reaches.
std::string long_scenario(int steps, int slip, int explained) {
  std::string yaml =
      "id: t\ntitle: T\nsource: test\ncustomer: {name: 王先生, mood: 40, reacts_to: {blame: 20}}\n"
      "briefing: b\nsteps:\n";
  for (int i = 0; i < steps; ++i) {
    const std::string id = "s" + std::to_string(i);
    yaml += "  - id: " + id + "\n    stage: vent\n    customer: c\n";
    if (i == steps - 2) yaml += "    when: {mood_above: 50}\n";
    if (i == steps - 1)
      yaml +=
          "    customer_if:\n      - {said: explain, line: 原来如此}\n"
          "      - {mood_above: 90, line: 我走了}\n";
    yaml += "    rules: [{concept: apology, points: 10}]\n";
    yaml += "    model_answers: [\"对不起,第" + std::to_string(i) + "步\"]\n";
    std::string counter = "好的,第" + std::to_string(i) + "步";
    if (i == slip || i == slip + 1) counter = "您弄错了,第" + std::to_string(i) + "步";
    if (i == explained) counter = "原因是系统升级,第" + std::to_string(i) + "步";
    yaml += "    counter_examples: [\"" + counter + "\"]\n";
  }
  return yaml;
}

}  // namespace

TEST_CASE("a counter-example still reaches a branch dozens of steps after it") {
  const int steps = 100;  // the most a scenario may have (load/scenario_loader)
  Fixture fixture(long_scenario(steps, 30, 70));
  REQUIRE_MESSAGE(fixture.rubric, fixture.diagnostics.to_string());
  const CheckSummary summary = check_rubric(*fixture.rubric);
  CHECK(summary.failures.empty());
  // Only the line at anger above 90 is out of reach.
  REQUIRE(summary.unreached.size() == 1);
  CHECK(summary.unreached.items()[0].message.find("`s99`") != std::string::npos);
  CHECK(unreached_noted(summary) == unreached_walking_everything(*fixture.rubric));

  // Without the slip nothing raises the anger: the inserted step is out of reach too.
  Fixture calm(long_scenario(steps, -5, 70));
  REQUIRE(calm.rubric);
  const CheckSummary calm_summary = check_rubric(*calm.rubric);
  CHECK(calm_summary.unreached.size() == 2);
  CHECK(unreached_noted(calm_summary) == unreached_walking_everything(*calm.rubric));
}

namespace {

// Scenarios of the test lexicon's concepts, with anger that rules and reactions move, steps
// brought in by conditions and lines said under them, drawn from `random`.
class ScenarioDraw {
 public:
  explicit ScenarioDraw(unsigned seed) : random_(seed) {}

  std::string scenario() {
    const int start = between(10, 70);
    limit_ = between(start + 10, 100);
    std::string yaml =
        "id: t\ntitle: T\nsource: test\ncustomer: {name: 王先生, mood: " + std::to_string(start) +
        ", limit: " + std::to_string(limit_) +
        ", reacts_to: {empathy: " + std::to_string(between(-20, 5)) +
        ", apology: " + std::to_string(between(-15, 5)) +
        ", blame: " + std::to_string(between(0, 30)) + "}}\nbriefing: b\nsteps:\n";
    const int steps = between(2, 24);
    for (int i = 0; i < steps; ++i) yaml += step(i);
    return yaml;
  }

 private:
  int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  bool chance(int percent) { return between(1, 100) <= percent; }
  template <typename List>
  const auto& pick(const List& list) {
    return list[static_cast<std::size_t>(between(0, static_cast<int>(list.size()) - 1))];
  }

  std::string condition() {
    static const std::vector<std::string> concepts = {"empathy", "apology", "blame", "explain",
                                                      "invite"};
    std::vector<std::string> parts;
    const int low = between(5, limit_ - 10);
    if (chance(50)) parts.push_back("mood_above: " + std::to_string(low));
    if (chance(30)) parts.push_back("mood_below: " + std::to_string(between(low + 2, limit_)));
    if (chance(50)) {
      const std::string said = pick(concepts);
      parts.push_back((chance(70) ? "said: " : "not_said: ") + said);
    }
    if (parts.empty()) parts.push_back("mood_below: " + std::to_string(between(10, limit_)));
    std::string text;
    for (const auto& part : parts) text += (text.empty() ? "" : ", ") + part;
    return text;
  }

  std::string replies(int count) {
    static const std::vector<std::string> pool = {"王先生,您的心情我很理解",
                                                  "对不起,给您添麻烦了",
                                                  "您弄错了",
                                                  "这不可能",
                                                  "原因是系统升级",
                                                  "好的",
                                                  "王先生,您慢慢说",
                                                  "您的意思是话费少了,对吧",
                                                  "对不起,原因是系统升级",
                                                  "您的心情我很理解,您弄错了"};
    std::string list;
    for (int i = 0; i < count; ++i) list += std::string(i ? ", " : "") + "\"" + pick(pool) + "\"";
    return "[" + list + "]";
  }

  std::string step(int index) {
    std::string yaml = "  - id: s" + std::to_string(index) + "\n    stage: vent\n";
    if (index > 0 && chance(35)) yaml += "    when: {" + condition() + "}\n";
    yaml += "    customer: c\n";
    if (index > 0 && chance(40)) {
      yaml += "    customer_if:\n";
      for (int line = between(1, 3); line > 0; --line)
        yaml += "      - {" + condition() + ", line: 第" + std::to_string(line) + "句}\n";
    }
    yaml += "    rules:\n      - {concept: empathy, points: 10, mood: " +
            std::to_string(between(-10, 0)) + "}\n";
    if (chance(60)) yaml += "      - {concept: apology, points: 10}\n";
    if (chance(60))
      yaml +=
          "      - {forbid: blame, critical: true, mood: " + std::to_string(between(0, 25)) + "}\n";
    if (chance(30)) yaml += "      - {concept: explain, points: 5, mood: -5}\n";
    yaml += "    model_answers: " + replies(between(1, 2)) + "\n";
    if (chance(80)) yaml += "    counter_examples: " + replies(between(1, 3)) + "\n";
    return yaml;
  }

  std::mt19937 random_;
  int limit_ = 100;
};

}  // namespace

TEST_CASE("on scenarios drawn at random, check notes what walking every path in full notes") {
  ScenarioDraw draw(20261125);
  int with_notes = 0;
  for (int drawn = 0; drawn < 300; ++drawn) {
    const std::string yaml = draw.scenario();
    Fixture fixture(yaml);
    REQUIRE_MESSAGE(fixture.rubric, (fixture.diagnostics.to_string() + yaml));
    const CheckSummary summary = check_rubric(*fixture.rubric);
    CHECK_MESSAGE(unreached_noted(summary) == unreached_walking_everything(*fixture.rubric), yaml);
    with_notes += summary.unreached.empty() ? 0 : 1;
  }
  // The draw makes both kinds: scenarios with a branch out of reach, and without.
  CHECK(with_notes > 30);
  CHECK(with_notes < 290);
}

TEST_CASE("a condition sees a concept said any number of steps before, as grade plays it") {
  const char* scenario = R"(id: t
title: T
source: test
customer: {name: 王先生}
briefing: b
steps:
  - {id: a, stage: vent, customer: c, rules: [{concept: empathy}], model_answers: [x]}
  - {id: b, stage: vent, customer: c, rules: [{concept: empathy}], model_answers: [x]}
  - {id: c, stage: vent, customer: c, rules: [{concept: empathy}], model_answers: [x]}
  - {id: told, stage: gather, when: {said: explain, not_said: blame}, customer: c,
     customer_if: [{said: apology, line: 谢谢}], rules: [{concept: empathy}], model_answers: [x]}
)";
  Fixture fixture(scenario);
  REQUIRE_MESSAGE(fixture.rubric, fixture.diagnostics.to_string());
  const auto played = [&](std::vector<std::pair<std::string, std::string>> replies) {
    Attempt attempt;
    for (auto& [step, text] : replies) attempt.responses.push_back({step, MarkedText{text, {}}});
    const AttemptResult result = score_attempt(*fixture.rubric, attempt, "", "");
    std::string path;
    for (const PathTurn& turn : result.path) path += turn.step_id + "(" + turn.customer_line + ")";
    return path;
  };
  CHECK(played({{"a", "原因是系统升级"}, {"b", "好的"}, {"c", "好的"}, {"told", "好的"}}) ==
        "a(c)b(c)c(c)told(c)");
  CHECK(played({{"a", "对不起"}, {"b", "原因是系统升级"}, {"c", "好的"}, {"told", "好的"}}) ==
        "a(c)b(c)c(c)told(谢谢)");
  CHECK(played({{"a", "您弄错了"}, {"b", "原因是系统升级"}, {"c", "好的"}}) == "a(c)b(c)c(c)");
  CHECK(played({{"a", "好的"}, {"b", "好的"}, {"c", "好的"}}) == "a(c)b(c)c(c)");
}
