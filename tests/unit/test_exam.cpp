#include <doctest/doctest.h>

#include "engine/exam_grader.hpp"
#include "engine/scorer.hpp"
#include "fixtures.hpp"
#include "load/exam_loader.hpp"
#include "util/i18n.hpp"

using namespace coach;

namespace {

const char* kScenario = R"(id: t
title: T
source: test
customer: {name: 王先生}
briefing: b
pass_mark: 70
steps:
  - id: vent
    stage: vent
    customer: c
    rules:
      - {concept: empathy, points: 10}
      - {forbid: blame, points: 10}
    model_answers: ["王先生,您的心情我很理解"]
  - id: apologize
    stage: apologize
    customer: c
    rules:
      - {concept: apology, points: 10}
    model_answers: ["对不起"]
)";

std::optional<Exam> exam_from(const std::string& yaml, Diagnostics& diagnostics) {
  return parse_exam(yaml, "exam.yaml", diagnostics);
}

AttemptResult graded(const test::Fixture& fixture, const std::string& vent,
                     const std::string& apologize, const std::string& trainee = "张三") {
  Attempt attempt;
  attempt.scenario_id = "t";
  attempt.responses.push_back({"vent", MarkedText{vent, {}}});
  attempt.responses.push_back({"apologize", MarkedText{apologize, {}}});
  return score_attempt(*fixture.rubric, attempt, trainee, trainee + ".yaml");
}

// An exam that must parse; `yaml` is appended to the id, title and scenario list.
Exam exam_over_t(const std::string& yaml, const std::string& scenarios = "[t]") {
  Diagnostics diagnostics;
  auto exam = exam_from("id: e\ntitle: E\nscenarios: " + scenarios + "\n" + yaml, diagnostics);
  REQUIRE(exam);
  return *exam;
}

struct InLanguage {
  Language before = language();
  explicit InLanguage(Language language) { set_language(language); }
  ~InLanguage() { set_language(before); }
};

}  // namespace

TEST_CASE("an exam file is read with every field") {
  Diagnostics diagnostics;
  const auto exam = exam_from(
      "id: basic\ntitle: 基础\nscenarios: [t]\npass_mark: 80\nattempts: 2\n"
      "must_pass: {stages: [apologize], concepts: [blame]}\n",
      diagnostics);
  REQUIRE(exam);
  CHECK(diagnostics.empty());
  CHECK(exam->id == "basic");
  CHECK(exam->scenario_ids.size() == 1);
  CHECK(exam->pass_mark == 80);
  CHECK(exam->attempts == 2);
  CHECK(exam->must_pass_stages == std::vector<Stage>{Stage::apologize});
  CHECK(exam->must_pass_concepts.front().text == "blame");
}

TEST_CASE("exam errors point at file:line:column, all at once") {
  Diagnostics diagnostics;
  const auto exam = exam_from(
      "id: basic\ntitle: x\nscenarios: [t, t]\nattempts: 0\nmust_pass: {stages: [listen]}\n"
      "colour: red\n",
      diagnostics);
  CHECK_FALSE(exam);
  const std::string text = diagnostics.to_string();
  CHECK(text.find("exam.yaml:6:1") != std::string::npos);   // unknown key
  CHECK(text.find("exam.yaml:3:16") != std::string::npos);  // the second `t`
  CHECK(text.find("exam.yaml:4:11") != std::string::npos);  // attempts out of range
  CHECK(text.find("exam.yaml:5:22") != std::string::npos);  // unknown stage
}

TEST_CASE("a must-pass stage listed twice is refused where it is listed again") {
  // Accepted silently, while a scenario listed twice was refused.
  Diagnostics diagnostics;
  CHECK_FALSE(
      exam_from("id: e\ntitle: E\nscenarios: [t]\nmust_pass: {stages: [vent, apologize, vent]}\n",
                diagnostics));
  CHECK(diagnostics.to_string() == "exam.yaml:4:39: `stages` 中 `vent` 出现了两次\n");
}

TEST_CASE("an exam without scenarios is refused") {
  Diagnostics diagnostics;
  CHECK_FALSE(exam_from("id: basic\ntitle: x\n", diagnostics));
  CHECK(diagnostics.to_string().find("scenarios") != std::string::npos);
}

TEST_CASE("the exam's pass mark replaces the scenario's") {
  test::Fixture fixture(kScenario);
  REQUIRE(fixture.rubric);
  const Exam exam = exam_over_t("pass_mark: 100\n");
  AttemptResult result = graded(fixture, "您的心情我很理解", "好的");  // 2 of 3 steps' points
  const bool passed_alone = result.passed;
  apply_exam(exam, *fixture.rubric, result);
  CHECK(result.pass_mark == 100);
  CHECK_FALSE(result.passed);
  CHECK_FALSE(passed_alone);
}

TEST_CASE("a failed must-pass stage or concept fails an otherwise passing attempt") {
  test::Fixture fixture(kScenario);
  REQUIRE(fixture.rubric);
  const Exam by_stage = exam_over_t("pass_mark: 40\nmust_pass: {stages: [apologize]}\n");
  const Exam by_concept = exam_over_t("pass_mark: 40\nmust_pass: {concepts: [blame]}\n");
  AttemptResult result = graded(fixture, "您的心情我很理解", "好的");
  CHECK(apply_exam(by_stage, *fixture.rubric, result).size() == 1);
  CHECK_FALSE(result.passed);
  AttemptResult blaming = graded(fixture, "您的心情我很理解,这不可能", "对不起");
  const auto unmet = apply_exam(by_concept, *fixture.rubric, blaming);
  REQUIRE(unmet.size() == 1);
  CHECK(unmet.front().find("vent") != std::string::npos);
  CHECK_FALSE(blaming.passed);
  AttemptResult good = graded(fixture, "王先生,您的心情我很理解", "对不起");
  CHECK(apply_exam(by_concept, *fixture.rubric, good).empty());
  CHECK(good.passed);
}

TEST_CASE("only the allowed attempts count, and every scenario must be passed") {
  test::Fixture fixture(kScenario);
  REQUIRE(fixture.rubric);
  const Exam exam = exam_over_t("attempts: 1\n");
  ExamTally tally(exam);
  AttemptResult first = graded(fixture, "好的", "好的", "李四");
  const auto first_note = tally.record(first, {});
  AttemptResult second = graded(fixture, "王先生,您的心情我很理解", "对不起", "李四");
  REQUIRE(second.passed);
  const auto second_note = tally.record(second, {});
  CHECK(first_note.counted);
  CHECK(second_note.number == 2);
  CHECK_FALSE(second_note.counted);
  tally.record(graded(fixture, "王先生,您的心情我很理解", "对不起", "张三"), {});
  const auto verdicts = tally.verdicts();
  REQUIRE(verdicts.size() == 2);
  CHECK(verdicts[0].trainee == "张三");  // sorted by name (UTF-8 byte order)
  CHECK(verdicts[0].passed);
  CHECK_FALSE(verdicts[1].passed);
  CHECK(verdicts[1].scenarios.front().attempts == 2);
}

TEST_CASE("a scenario never attempted fails the exam") {
  test::Fixture fixture(kScenario);
  REQUIRE(fixture.rubric);
  const Exam exam = exam_over_t("", "[t, other]");
  ExamTally tally(exam);
  tally.record(graded(fixture, "王先生,您的心情我很理解", "对不起"), {});
  const auto verdicts = tally.verdicts();
  REQUIRE(verdicts.size() == 1);
  CHECK_FALSE(verdicts[0].passed);
  CHECK(verdicts[0].scenarios[1].attempts == 0);
}

TEST_CASE("a reply of white space or invisible characters alone is no answer") {
  // Outside pass 38, finding 02: `gather: "\u3000"` was answered, and passed the exam that
  // leaving the step out failed.
  test::Fixture fixture(kScenario);
  REQUIRE(fixture.rubric);
  const Exam exam = exam_over_t("pass_mark: 40\nmust_pass: {concepts: [blame]}\n");
  for (const std::string blank : {" ", "\u3000", "\n\t", "\u00A0", "\u200B", "\uFEFF"}) {
    CAPTURE(blank);
    AttemptResult result = graded(fixture, blank, "对不起");
    CHECK_FALSE(result.steps[0].answered);
    CHECK_FALSE(apply_exam(exam, *fixture.rubric, result).empty());
    CHECK_FALSE(result.passed);
  }
  CHECK(graded(fixture, "。", "对不起").steps[0].answered);  // a mark is something said
}

TEST_CASE("an anonymous submission is known by its file") {
  AttemptResult attempt;
  attempt.file = "a/b.yaml";
  CHECK(submission_key(attempt) == SubmissionKey{"a/b.yaml", true});
  attempt.trainee = "王五";
  CHECK(submission_key(attempt) == SubmissionKey{"王五", false});
}

TEST_CASE("a trainee named as an anonymous file's path does not take that file's attempts") {
  // Outside pass 38, finding 01: the two were one submission, certified with both files' passes.
  test::Fixture fixture(kScenario);
  REQUIRE(fixture.rubric);
  const Exam exam = exam_over_t("", "[t, u]");
  ExamTally tally(exam);
  AttemptResult anonymous = graded(fixture, "王先生,您的心情我很理解", "对不起", "");
  anonymous.file = "sub/x.yaml";
  AttemptResult named = anonymous;
  named.trainee = "sub/x.yaml";
  named.scenario_id = "u";
  tally.record(anonymous, {});
  tally.record(named, {});
  const auto verdicts = tally.verdicts();
  REQUIRE(verdicts.size() == 2);
  CHECK(verdicts[0].trainee == "sub/x.yaml");
  CHECK(verdicts[0].anonymous != verdicts[1].anonymous);
  CHECK_FALSE(verdicts[0].passed);
  CHECK_FALSE(verdicts[1].passed);
}

TEST_CASE("exam messages show the invisible characters of what they quote") {
  Diagnostics diagnostics;
  CHECK_FALSE(
      exam_from("id: cert\u200b\ntitle: x\nscenarios: [t, t\u200b, t\u200b]\nmust_pass: {stages: "
                "[vent\u2060]}\n",
                diagnostics));
  const std::string text = diagnostics.to_string();
  CHECK(text.find("exam.yaml:1:5: ") != std::string::npos);
  CHECK(text.find("`cert\\u200B`") != std::string::npos);
  CHECK(text.find("`t\\u200B`") != std::string::npos);
  CHECK(text.find("`vent\\u2060`") != std::string::npos);
}

TEST_CASE("an unanswered step is not said to break a forbidding rule, only to leave it unshown") {
  InLanguage en(Language::en);
  test::Fixture fixture(kScenario);
  REQUIRE(fixture.rubric);
  const Exam exam = exam_over_t("must_pass: {concepts: [blame]}\n");
  AttemptResult silent = graded(fixture, "", "");
  const auto unmet = apply_exam(exam, *fixture.rubric, silent);
  REQUIRE_FALSE(unmet.empty());
  for (const std::string& line : unmet) {
    CHECK(line.find("was not answered; unmet: must-pass rule “") != std::string::npos);
    CHECK(line.find("failed") == std::string::npos);
  }
  CHECK_FALSE(silent.passed);
}

TEST_CASE(
    "an unanswered step is named once, with the must-pass stage and concepts it had to show") {
  InLanguage en(Language::en);
  test::Fixture fixture(kScenario);
  REQUIRE(fixture.rubric);
  const Exam exam = exam_over_t("must_pass: {stages: [apologize], concepts: [blame, apology]}\n");
  AttemptResult result = graded(fixture, "王先生,您的心情我很理解", "");
  const auto unmet = apply_exam(exam, *fixture.rubric, result);
  REQUIRE(unmet.size() == 1);
  CHECK(unmet.front().rfind(
            "step `apologize` was not answered; unmet: must-pass stage apologize, must-pass rule “",
            0) == 0);
  CHECK_FALSE(result.passed);
  // Silent throughout: each step is named once, vent for its forbid on blame.
  AttemptResult silent = graded(fixture, "", "");
  const auto silent_unmet = apply_exam(exam, *fixture.rubric, silent);
  REQUIRE(silent_unmet.size() == 2);
  CHECK(silent_unmet.front().rfind("step `vent` was not answered; unmet: must-pass rule “", 0) ==
        0);
  CHECK(silent_unmet.back().find("`apologize`") != std::string::npos);
}

TEST_CASE("an unanswered step names a must-pass concept it asked for, in Chinese too") {
  InLanguage zh(Language::zh);
  test::Fixture fixture(kScenario);
  REQUIRE(fixture.rubric);
  const Exam exam = exam_over_t("must_pass: {concepts: [empathy, blame]}\n");
  AttemptResult silent = graded(fixture, "", "对不起");
  const auto unmet = apply_exam(exam, *fixture.rubric, silent);
  REQUIRE(unmet.size() == 1);
  CHECK(unmet.front().rfind("步骤 `vent` 未作答,未达成:必过规则「", 0) == 0);
  CHECK(unmet.front().find("未通过") == std::string::npos);
}

TEST_CASE("a step the conversation never came to says why, not that it was failed") {
  InLanguage en(Language::en);
  test::Fixture fixture(kScenario);
  REQUIRE(fixture.rubric);
  const Exam exam = exam_over_t("must_pass: {stages: [apologize], concepts: [blame]}\n");
  AttemptResult result = graded(fixture, "王先生,您的心情我很理解", "");
  // As after a walk-out: apologize was skipped, not played.
  std::erase_if(result.path, [](const PathTurn& turn) { return turn.step_id == "apologize"; });
  result.skipped.push_back({"apologize", "the customer had left"});
  const auto unmet = apply_exam(exam, *fixture.rubric, result);
  REQUIRE(unmet.size() == 1);
  CHECK(unmet.front() ==
        "step `apologize` never took place (the customer had left); unmet: must-pass stage "
        "apologize");
}

TEST_CASE("an answered step still fails its must-pass forbidding rule") {
  InLanguage en(Language::en);
  test::Fixture fixture(kScenario);
  REQUIRE(fixture.rubric);
  const Exam exam = exam_over_t("must_pass: {concepts: [blame]}\n");
  AttemptResult blaming = graded(fixture, "王先生,您的心情我很理解,这不可能", "");
  const auto unmet = apply_exam(exam, *fixture.rubric, blaming);
  REQUIRE(unmet.size() == 1);
  CHECK(unmet.front().rfind("step `vent`: must-pass rule “", 0) == 0);
  CHECK(unmet.front().find("” failed") != std::string::npos);
}

TEST_CASE("leaving out the step a must-pass forbidding rule guards does not pass the exam") {
  // The review of session 20: an attempt over the mark, with the one failed step allowed, passed
  // when the step it skipped was the one that forbids blame.
  test::Fixture fixture(kScenario);
  REQUIRE(fixture.rubric);
  const Exam exam = exam_over_t("pass_mark: 40\nmust_pass: {concepts: [blame]}\n");
  AttemptResult result = graded(fixture, "", "对不起");
  REQUIRE(result.score == 50);  // over the exam's mark, with the one failed step allowed
  CHECK_FALSE(apply_exam(exam, *fixture.rubric, result).empty());
  CHECK_FALSE(result.passed);
}
