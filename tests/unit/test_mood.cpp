// How replies move the customer's anger, and why, as the trainee is told (outside pass 46,
// finding 3): a reply the step fails critically, keyword stuffing and a reply said before calm
// nothing; the same calming move calms less each time; every change names its causes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/conversation.hpp"
#include "fixtures.hpp"
#include "report/report.hpp"
#include "util/i18n.hpp"

using namespace coach;

namespace {

// Five steps alike: an apology asked for, blame forbidden (critically at the first step only).
// The customer starts at 50, calms at apology and empathy, and flares up at blame.
const char* kTouchy = R"(id: touchy
title: T
source: test
customer: {name: 王先生, mood: 50, limit: 100, reacts_to: {apology: -10, empathy: -8, blame: 20}}
briefing: b
steps:
  - {id: one, stage: vent, customer: c1, model_answers: [x],
     rules: [{concept: apology, points: 10}, {concept: empathy, points: 10},
             {concept: polite_address, points: 10}, {forbid: blame, critical: true}]}
  - {id: two, stage: apologize, customer: c2, model_answers: [x],
     rules: [{concept: apology, points: 10}, {forbid: blame}]}
  - {id: three, stage: gather, customer: c3, model_answers: [x],
     rules: [{concept: apology, points: 10}, {forbid: blame}]}
  - {id: four, stage: resolve, customer: c4, model_answers: [x],
     rules: [{concept: apology, points: 10}, {forbid: blame}]}
  - {id: five, stage: follow_up, customer: c5, model_answers: [x],
     rules: [{concept: apology, points: 10}, {forbid: blame}]}
)";

struct Touchy {
  test::Fixture fixture{kTouchy, test::kLexicon, test::Temper::in_force};
  Conversation conversation{rubric()};

  const Rubric& rubric() {
    REQUIRE_MESSAGE(fixture.rubric, fixture.diagnostics.to_string());
    return *fixture.rubric;
  }
  // The turn the reply makes at the next step: a copy, since the next reply may move the path
  // (a reference into it dangled under AddressSanitizer).
  PathTurn say(const std::string& reply) {
    const CompiledStep* step = conversation.next_step();
    REQUIRE(step);
    conversation.answer(*step, reply);
    return conversation.path().back();
  }
};

std::vector<int> changes_of(const PathTurn& turn) {
  std::vector<int> changes;
  for (const MoodCause& cause : turn.mood_causes) changes.push_back(cause.change);
  return changes;
}

}  // namespace

TEST_CASE("the same calming move calms half as much at each step it calmed at before") {
  Touchy touchy;
  std::vector<int> moods;
  for (int step = 0; step < 5; ++step) moods.push_back(touchy.say("对不起").mood_after);
  CHECK(moods == std::vector<int>{40, 35, 33, 32, 32});
  const auto& path = touchy.conversation.path();
  REQUIRE(path[1].mood_causes.size() == 1);
  CHECK(path[1].mood_causes[0].what == "道歉");
  CHECK(path[1].mood_causes[0].change == -5);
  CHECK(path[1].mood_causes[0].time == 2);
  // The fifth apology calms by nothing: it is still named, so the trainee learns why.
  REQUIRE(path[4].mood_causes.size() == 1);
  CHECK(path[4].mood_causes[0].change == 0);
  CHECK(path[4].calming_unheard == CalmingUnheard::no);
  // Another calming move is still new: empathy after four apologies calms in full.
  Touchy fresh;
  for (int step = 0; step < 4; ++step) fresh.say("对不起");
  CHECK(changes_of(fresh.say("我理解您的心情")) == std::vector<int>{-8});
}

TEST_CASE("what angers the customer angers in full every time") {
  Touchy touchy;
  touchy.say("王先生您好,对不起");
  const PathTurn first = touchy.say("这不可能");
  const PathTurn second = touchy.say("这不可能");
  CHECK(first.mood_after - first.mood_before == 20);
  CHECK(second.mood_after - second.mood_before == 20);
}

TEST_CASE("a reply that fails its step critically angers and calms nothing") {
  Touchy touchy;
  const PathTurn turn = touchy.say("王先生,对不起,您的心情我很理解,可是您弄错了");
  CHECK(turn.mood_before == 50);
  CHECK(turn.mood_after == 70);  // blame +20; the apology and the empathy count for nothing
  CHECK(turn.calming_unheard == CalmingUnheard::critical_mistake);
  REQUIRE(turn.mood_causes.size() == 3);
  CHECK(turn.mood_causes[0].what == "指责客户");
  CHECK(turn.mood_causes[0].change == 20);
  CHECK(turn.mood_causes[1].change == 0);
  CHECK(turn.mood_causes[2].change == 0);
  // Calming that did not reach the customer is not worn out by it: the next apology is new.
  CHECK(changes_of(touchy.say("对不起")) == std::vector<int>{-10});
}

TEST_CASE("keyword stuffing calms nothing") {
  Touchy touchy;
  const PathTurn turn = touchy.say("对不起抱歉不好意思您的心情我很理解王先生");
  REQUIRE(touchy.conversation.path().size() == 1);
  CHECK(turn.calming_unheard == CalmingUnheard::stuffing);
  CHECK(turn.mood_after == 50);
}

TEST_CASE("a reply said before angers a little and calms nothing") {
  Touchy touchy;
  const std::string stock = "王先生您好,您的心情我很理解,给您带来不便真的非常对不起,我们会尽快处理";
  CHECK(touchy.say(stock).mood_after == 32);  // apology -10, empathy -8
  const PathTurn again = touchy.say(stock);
  CHECK(again.mood_after == 32 + kRepeatedReplyAnger);
  CHECK(again.calming_unheard == CalmingUnheard::repetition);
  REQUIRE(!again.mood_causes.empty());
  CHECK(again.mood_causes[0].what == "照搬第 1 步的回答");
  CHECK(again.mood_causes[0].change == kRepeatedReplyAnger);
  // What grade replays is what practice showed.
  Attempt attempt;
  attempt.scenario_id = "touchy";
  attempt.responses.push_back({"one", MarkedText{stock, {}}});
  attempt.responses.push_back({"two", MarkedText{stock, {}}});
  const AttemptResult graded = score_attempt(touchy.rubric(), attempt, "", "");
  CHECK(graded.path[1].mood_after == again.mood_after);
}

TEST_CASE("a rule of a concept the customer reacts to is that concept's move") {
  // The rule's mood and the reaction add up, and are halved together when said again.
  std::string scenario = kTouchy;
  const std::string rule = "{concept: apology, points: 10}, {forbid: blame}]";
  scenario.replace(scenario.find(rule), rule.size(),
                   "{concept: apology, points: 10, mood: -6}, {forbid: blame}]");
  test::Fixture fixture(scenario, test::kLexicon, test::Temper::in_force);
  REQUIRE_MESSAGE(fixture.rubric, fixture.diagnostics.to_string());
  Conversation conversation(*fixture.rubric);
  std::vector<std::vector<int>> changes;
  for (int step = 0; step < 3; ++step) {
    conversation.answer(*conversation.next_step(), std::string("对不起"));
    changes.push_back(changes_of(conversation.path().back()));
  }
  // One: the reaction (-10). Two: the rule's -6 with the reaction's -10, one move said a second
  // time (-16 halved). Three: the reaction alone, a third time (-10 quartered).
  CHECK(changes == std::vector<std::vector<int>>{{-10}, {-8}, {-2}});
}

TEST_CASE("the anger's change is told with its causes, by their labels") {
  Touchy touchy;
  const PathTurn critical = touchy.say("王先生,对不起,您弄错了");
  CHECK(format_mood_change(critical, Style(false)) ==
        "  怒气 50→70(+20:指责客户;说了绝不能说的话,「道歉」不起作用)\n");
  const PathTurn calmed = touchy.say("对不起,您的心情我很理解");
  CHECK(format_mood_change(calmed, Style(false)) == "  怒气 70→52(-10:道歉;-8:同理心)\n");
  const PathTurn again = touchy.say("对不起");
  CHECK(format_mood_change(again, Style(false)) == "  怒气 52→47(-5:道歉(第 2 次))\n");
  // A reply that moved nothing adds no line.
  CHECK(format_mood_change(touchy.say("好的"), Style(false)).empty());
}

TEST_CASE("the anger's causes are told in English with the concepts' English labels") {
  set_language(Language::en);
  Touchy touchy;
  const std::string stock = "王先生您好,您的心情我很理解,给您带来不便真的非常对不起,我们会尽快处理";
  const std::string first = format_mood_change(touchy.say(stock), Style(false));
  const std::string again = format_mood_change(touchy.say(stock), Style(false));
  const std::string apology = format_mood_change(touchy.say("对不起"), Style(false));
  set_language(Language::zh);
  CHECK(first == "  anger 50→32 (-10: apology; -8: 同理心)\n");  // 同理心 has no label_en
  CHECK(again ==
        "  anger 32→37 (+5: repeating your reply at step 1; the customer hears a script: "
        "“apology”, “同理心” did not calm)\n");
  CHECK(apology == "  anger 37→32 (-5: apology (2nd time))\n");
}

TEST_CASE("calming said too often is named as worn out") {
  Touchy touchy;
  for (int step = 0; step < 4; ++step) touchy.say("对不起");
  CHECK(format_mood_change(touchy.say("对不起"), Style(false)) ==
        "  怒气 32→32(「道歉」说了太多次,已经不起作用)\n");
}

TEST_CASE("the text report shows each reply's anger change under the reply") {
  Touchy touchy;
  touchy.say("王先生,对不起,您弄错了");
  const std::string report =
      format_text_report({touchy.conversation.result("", "t.yaml")}, Style(false));
  const auto reply = report.find("回答:");
  const auto change = report.find("  怒气 50→70(+20:指责客户;");
  const auto first_rule = report.find("✓");
  REQUIRE(reply != std::string::npos);
  REQUIRE(change != std::string::npos);
  CHECK(reply < change);
  CHECK(change < first_rule);
  CHECK(report.find("王先生(怒气 50→70):c1") != std::string::npos);  // the customer's line stays
}
