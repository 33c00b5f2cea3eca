#include <doctest/doctest.h>

#include <random>

#include "engine/scorer.hpp"
#include "fixtures.hpp"
#include "load/answers_loader.hpp"
#include "report/report.hpp"
#include "session/answers_writer.hpp"
#include "session/session.hpp"

using namespace coach;

namespace {
const char* kScenario = R"(id: t
title: T
source: test
customer: {name: 王先生}
briefing: b
steps:
  - {id: one, stage: vent, customer: c, rules: [{concept: empathy}], model_answers: [x]}
  - {id: two, stage: apologize, customer: c, rules: [{concept: apology}], model_answers: [x]}
)";
}  // namespace

TEST_CASE("a session walks the steps, retries, and records a gradeable transcript") {
  test::Fixture fixture(kScenario);
  REQUIRE(fixture.rubric);
  Session session(*fixture.rubric, "张三");
  CHECK(session.answer("好的").rules[0].ok == false);
  CHECK(session.retry() == Session::Retry::went_back);
  CHECK(session.turns_played() == 0);
  CHECK(session.current_step().step->id == "one");
  CHECK(session.answer("您的心情我很理解").rules[0].ok);
  CHECK(session.answer("对不起: \"引号\" 和 #井号").rules[0].ok);
  CHECK(session.finished());

  const std::string recorded = format_answers(session.transcript());
  Diagnostics diagnostics;
  const auto reloaded = parse_answers(recorded, "rec.yaml", diagnostics);
  REQUIRE_MESSAGE(reloaded, diagnostics.to_string());
  CHECK(reloaded->trainee == "张三");
  CHECK(reloaded->attempts[0].find("two")->text == "对不起: \"引号\" 和 #井号");
  REQUIRE(reloaded->attempts[0].earlier_tries.size() == 1);
  CHECK(reloaded->attempts[0].earlier_tries[0].second == std::vector<std::string>{"好的"});

  const AttemptResult graded =
      score_attempt(*fixture.rubric, reloaded->attempts[0], reloaded->trainee, "");
  CHECK(graded.score == session.result().score);
  CHECK(format_json_report({graded}) == format_json_report({session.result()}));
}

TEST_CASE("a retry not answered again keeps the earlier reply") {
  // Leaving right after /retry erased the step's reply from the transcript and the history.
  test::Fixture fixture(kScenario);
  Session session(*fixture.rubric, "");
  session.answer("您的心情我很理解");
  session.answer("对不起");
  const std::string before = format_answers(session.transcript());
  CHECK(session.retry() == Session::Retry::went_back);
  CHECK(session.retry() == Session::Retry::went_back);  // back to the first step
  CHECK(session.turns_played() == 0);
  CHECK(session.last_answered() == nullptr);
  CHECK(format_answers(session.transcript()) == before);
  CHECK(session.result().score == 100.0);

  session.answer("好的");  // a new reply replaces its own step, not those after it
  const Attempt replaced = session.transcript().attempts.front();
  CHECK(replaced.responses.size() == 2);
  REQUIRE(replaced.find("one"));
  CHECK(replaced.find("one")->text == "好的");
  REQUIRE(replaced.find("two"));
  CHECK(replaced.find("two")->text == "对不起");
  REQUIRE(replaced.earlier_tries.size() == 1);
  CHECK(replaced.earlier_tries[0].second == std::vector<std::string>{"您的心情我很理解"});
  CHECK(replaced.path.size() == 2);
}

// Outside pass 39, finding 09: going back two steps and answering the first again dropped the
// second step's answer (100 became 0) from the recording, the summary and the history.
TEST_CASE("a new reply after going back two steps keeps the later step's answer") {
  test::Fixture fixture(kScenario);
  Session session(*fixture.rubric, "张三");
  session.answer("好的");
  CHECK_FALSE(session.kept_reply());  // step two, never answered yet
  session.answer("对不起", 2.0);
  REQUIRE(session.retry() == Session::Retry::went_back);
  REQUIRE(session.retry() == Session::Retry::went_back);
  REQUIRE(session.kept_reply());
  CHECK(*session.kept_reply() == "好的");
  session.answer("您的心情我很理解");
  REQUIRE_FALSE(session.finished());
  CHECK(session.current_step().step->id == "two");  // shown again, its reply still kept
  REQUIRE(session.kept_reply());
  CHECK(*session.kept_reply() == "对不起");
  CHECK(session.turns_played() == 1);
  CHECK(session.last_answered()->step->id == "one");

  // The trainee leaves here: both answers count, as grade scores the transcript.
  const AttemptResult shown = session.result();
  CHECK(shown.score == 100.0);
  Diagnostics diagnostics;
  const auto reloaded = parse_answers(format_answers(session.transcript()), "r.yaml", diagnostics);
  REQUIRE_MESSAGE(reloaded, diagnostics.to_string());
  const Attempt& attempt = reloaded->attempts.front();
  REQUIRE(attempt.find("one"));
  CHECK(attempt.find("one")->text == "您的心情我很理解");
  REQUIRE(attempt.find("two"));
  CHECK(attempt.find("two")->text == "对不起");
  CHECK(attempt.seconds_for("two") == 2.0);
  REQUIRE(attempt.earlier_tries.size() == 1);
  CHECK(attempt.earlier_tries[0].first == "one");
  CHECK(format_json_report({score_attempt(*fixture.rubric, attempt, "张三", "")}) ==
        format_json_report({shown}));

  // A new reply to step two replaces it in turn.
  session.answer("好");
  CHECK(session.finished());
  const Attempt last = session.transcript().attempts.front();
  REQUIRE(last.find("two"));
  CHECK(last.find("two")->text == "好");
  CHECK(last.earlier_tries.size() == 2);
  CHECK(session.result().score == 50.0);
}

TEST_CASE("a skip after a retry replaces the reply, which is kept as an earlier try") {
  test::Fixture fixture(kScenario);
  Session session(*fixture.rubric, "");
  session.answer("您的心情我很理解");
  CHECK(session.retry() == Session::Retry::went_back);
  session.skip();
  CHECK(session.result().score == 0.0);
  const Attempt skipped = session.transcript().attempts.front();
  CHECK(skipped.responses.empty());
  REQUIRE(skipped.earlier_tries.size() == 1);
  CHECK(skipped.earlier_tries[0].second == std::vector<std::string>{"您的心情我很理解"});
}

TEST_CASE("skipping a step scores it zero") {
  test::Fixture fixture(kScenario);
  Session session(*fixture.rubric, "");
  session.skip();
  session.answer("对不起");
  CHECK(session.result().score == 50.0);
  CHECK_FALSE(session.result().steps[0].answered);
}

TEST_CASE("reports: the same results give the same bytes; XML is escaped") {
  test::Fixture fixture(kScenario);
  Session session(*fixture.rubric, "<&\"张三\">");
  session.answer("a < b & c");
  const AttemptResult result = session.result();
  CHECK(format_json_report({result}) == format_json_report({result}));
  const std::string junit = format_junit_report({result});
  CHECK(junit.find("&lt;&amp;&quot;张三&quot;&gt;") != std::string::npos);
  CHECK(junit.find("a &lt; b &amp; c") != std::string::npos);
  CHECK(junit.find("<testcase") != std::string::npos);
  const std::string text = format_text_report({result}, Style(false));
  CHECK(text.find("t T") != std::string::npos);
}

namespace {
// A customer (anger 50 at the start) who gets angrier when blamed, and a step inserted when
// anger passes 60.
const char* kReacting = R"(id: r
title: R
source: test
customer: {name: 王先生}
briefing: b
steps:
  - {id: one, stage: vent, customer: c, rules: [{concept: empathy}, {forbid: blame, mood: 30}],
     model_answers: [x]}
  - {id: extra, stage: vent, when: {mood_above: 60}, customer: c, rules: [{concept: apology}],
     model_answers: [x]}
  - {id: two, stage: apologize, customer: c, rules: [{concept: apology}], model_answers: [x]}
)";
}  // namespace

TEST_CASE("an inserted step counts in the steps the session shows") {
  test::Fixture fixture(kReacting);
  REQUIRE_MESSAGE(fixture.rubric, fixture.diagnostics.to_string());
  Session session(*fixture.rubric, "");
  CHECK(session.planned_steps() == 2);
  session.answer("你弄错了");
  REQUIRE(session.current_step().step->id == "extra");
  CHECK(session.planned_steps() == 3);  // "step 2 of 3", not "2 of 2"
  session.answer("对不起");
  CHECK(session.turns_played() == 2);
  CHECK(session.planned_steps() == 3);  // "step 3 of 3", not "3 of 2"
}

TEST_CASE("a session left early scores as grade scores its transcript") {
  test::Fixture fixture(kReacting);
  Session session(*fixture.rubric, "张三");
  session.answer("你弄错了");  // the customer now raises the inserted step; the trainee leaves
  const AttemptResult shown = session.result();
  const AttemptResult graded =
      score_attempt(*fixture.rubric, session.transcript().attempts.front(), "张三", "");
  std::vector<std::string> steps;
  for (const auto& step : shown.steps) steps.push_back(step.step_id);
  CHECK(steps == std::vector<std::string>{"one", "extra", "two"});
  CHECK(shown.score == graded.score);
  CHECK(format_json_report({shown}) == format_json_report({graded}));
}

// What a re-answered step does to the conversation decides what the later replies kept from
// before the /retry still answer: the steps the conversation comes to keep theirs.
TEST_CASE("a re-answered step that inserts a step keeps the replies after it") {
  test::Fixture fixture(kReacting);
  Session session(*fixture.rubric, "张三");
  session.answer("您的心情我很理解");
  session.answer("对不起");
  REQUIRE(session.finished());
  session.retry();
  session.retry();
  session.answer("您的心情我很理解,不过是你弄错了");  // anger 80: the customer raises `extra`
  REQUIRE(session.current_step().step->id == "extra");
  const AttemptResult shown = session.result();
  REQUIRE(shown.steps.size() == 3);
  CHECK_FALSE(shown.steps[1].answered);  // the inserted step has no reply yet
  CHECK(shown.steps[2].step_id == "two");
  CHECK(shown.steps[2].passed);  // the kept reply still answers it
  const Attempt attempt = session.transcript().attempts.front();
  REQUIRE(attempt.find("two"));
  CHECK(attempt.find("two")->text == "对不起");
  CHECK(format_json_report({score_attempt(*fixture.rubric, attempt, "张三", "")}) ==
        format_json_report({shown}));
  session.answer("对不起,给您添麻烦了");
  CHECK(session.current_step().step->id == "two");
  REQUIRE(session.transcript().attempts.front().find("two"));
  CHECK(session.transcript().attempts.front().find("two")->text == "对不起");
}

TEST_CASE("a kept reply whose step the conversation no longer reaches becomes an earlier try") {
  test::Fixture fixture(kReacting);
  Session session(*fixture.rubric, "张三");
  session.answer("你弄错了");  // anger 80: `extra` is played
  session.answer("对不起");
  session.answer("对不起,是我们弄错了");
  REQUIRE(session.finished());
  for (int i = 0; i < 3; ++i) REQUIRE(session.retry() == Session::Retry::went_back);
  session.answer("您的心情我很理解");  // anger stays 50: `extra` is passed by
  CHECK(session.current_step().step->id == "two");
  const Attempt attempt = session.transcript().attempts.front();
  CHECK(attempt.find("extra") == nullptr);
  REQUIRE(attempt.find("two"));
  CHECK(attempt.find("two")->text == "对不起,是我们弄错了");
  REQUIRE(attempt.earlier_tries.size() == 2);
  CHECK(attempt.earlier_tries[0].first == "extra");
  CHECK(attempt.earlier_tries[0].second == std::vector<std::string>{"对不起"});
  CHECK(format_json_report({score_attempt(*fixture.rubric, attempt, "张三", "")}) ==
        format_json_report({session.result()}));
}

TEST_CASE("a re-answered step the customer walks out at ends with the later replies as tries") {
  const std::string customer = "{name: 王先生}";
  const std::string scenario =
      std::string(kReacting).replace(std::string(kReacting).find(customer), customer.size(),
                                     "{name: 王先生, mood: 50, limit: 80}");
  test::Fixture fixture(scenario, test::kLexicon, test::Temper::in_force);
  REQUIRE_MESSAGE(fixture.rubric, fixture.diagnostics.to_string());
  Session session(*fixture.rubric, "张三");
  session.answer("您的心情我很理解");
  session.answer("对不起");
  session.retry();
  session.retry();
  session.answer("你弄错了");  // anger 80: the customer leaves
  CHECK(session.walked_out());
  CHECK(session.finished());
  const Attempt attempt = session.transcript().attempts.front();
  CHECK(attempt.find("two") == nullptr);
  REQUIRE(attempt.earlier_tries.size() == 2);
  CHECK(attempt.earlier_tries[1].second == std::vector<std::string>{"对不起"});
  const AttemptResult shown = session.result();
  CHECK(shown.walked_out);
  CHECK(format_json_report({score_attempt(*fixture.rubric, attempt, "张三", "")}) ==
        format_json_report({shown}));
}

// The session plays its own conversation on to the end rather than scoring the transcript again
// at every save (which made a long session quadratic): after every move, both must agree.
TEST_CASE("after any answers, skips and retries the session scores as grade scores it") {
  test::Fixture fixture(kReacting);
  REQUIRE(fixture.rubric);
  const std::vector<std::string> replies = {"你弄错了", "对不起", "您的心情我很理解",
                                            "对不起,是我们弄错了", "好的"};
  std::mt19937 random(20261125);
  for (int round = 0; round < 40; ++round) {
    Session session(*fixture.rubric, "张三");
    for (int move = 0; move < 12 && !session.finished(); ++move) {
      switch (random() % 5) {
        case 0:
          session.skip();
          break;
        case 1:
        case 2:
          session.retry();
          break;
        default:
          session.answer(replies[random() % replies.size()], (random() % 50) / 10.0);
      }
      const AttemptResult shown = session.result();
      const AttemptResult graded =
          score_attempt(*fixture.rubric, session.transcript().attempts.front(), "张三", "");
      CAPTURE(round);
      CAPTURE(move);
      REQUIRE(format_json_report({shown}) == format_json_report({graded}));
    }
  }
}

TEST_CASE("a reply's time is judged as the recording keeps it, so grade agrees") {
  // 3.04 s on a 3-second step: recorded as 3.0, so on time in practice as in grade.
  const std::string scenario =
      std::string(kScenario).replace(std::string(kScenario).find("{id: one, stage: vent,"), 22,
                                     "{id: one, stage: vent, time_limit: 3,");
  test::Fixture fixture(scenario);
  REQUIRE(fixture.rubric);
  Session session(*fixture.rubric, "张三");
  const StepResult on_time = session.answer("您的心情我很理解", 3.04);
  CHECK(on_time.passed);
  CHECK(on_time.seconds == 3.0);
  const StepResult late = session.answer("对不起", 3.06);
  CHECK(late.seconds == 3.1);

  Diagnostics diagnostics;
  const auto reloaded =
      parse_answers(format_answers(session.transcript()), "rec.yaml", diagnostics);
  REQUIRE_MESSAGE(reloaded, diagnostics.to_string());
  const AttemptResult graded =
      score_attempt(*fixture.rubric, reloaded->attempts[0], reloaded->trainee, "");
  CHECK(format_json_report({graded}) == format_json_report({session.result()}));
}

// Outside pass 36, finding 01: 400 tries of one step made the session quadratic and the
// recording too large for `coach grade`. A step keeps at most kMaxEarlierTries.
TEST_CASE("a step is answered again at most kMaxEarlierTries times, and every try is kept") {
  test::Fixture fixture(kScenario);
  REQUIRE(fixture.rubric);
  Session session(*fixture.rubric, "张三");
  session.answer("第0次");
  for (std::size_t i = 1; i <= kMaxEarlierTries; ++i) {
    REQUIRE(session.retry() == Session::Retry::went_back);
    session.answer("第" + std::to_string(i) + "次");
  }
  CHECK(session.retry() == Session::Retry::tries_used_up);
  CHECK(session.current_step().step->id == "two");  // where it was
  const Attempt attempt = session.transcript().attempts.front();
  REQUIRE(attempt.earlier_tries.size() == 1);
  CHECK(attempt.earlier_tries.front().second.size() == kMaxEarlierTries);
  CHECK(attempt.earlier_tries.front().second.front() == "第0次");
  CHECK(attempt.responses.front().second.text == "第20次");
  // The next step has tries of its own.
  session.answer("您好");
  CHECK(session.retry() == Session::Retry::went_back);
}
