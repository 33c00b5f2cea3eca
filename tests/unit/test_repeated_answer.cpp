#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/repeated_answer.hpp"
#include "engine/scorer.hpp"
#include "fixtures.hpp"
#include "session/session.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

using namespace coach;

namespace {

// The all-purpose paragraph of finding 02: one reply meant to pass every step.
const std::string kParagraph =
    "王先生您好,真的非常抱歉给您添麻烦了,您的心情我很理解,您慢慢说。我确认一下:您这个月没打"
    "电话,话费却少了1.8元,是这样吗?我先记录下来。请问您的手机号码是多少?我马上帮您查一下详单。"
    "经查询这是信息服务费,我现在就为您取消并退还,今天之内到账。";

bool repeats(const std::string& later, const std::string& earlier) {
  return ReplyWording(normalize(later)).repeats(ReplyWording(normalize(earlier)));
}

const char* kThreeSteps = R"(id: t
title: T
source: test
customer: {name: 王先生}
briefing: b
steps:
  - id: vent
    stage: vent
    customer: 你们怎么回事?我这个月一个电话都没打,话费凭什么少了?
    rules: [{concept: empathy}]
    model_answers: [x]
  - id: apologize
    stage: apologize
    customer: 我姓王。
    rules: [{concept: apology}]
    model_answers: [x]
  - id: gather
    stage: gather
    customer: 你们自己查去!
    rules: [{concept: empathy}]
    model_answers: [x]
)";

// Both concepts of the fixture's lexicon, so the reply meets every step's rule.
const std::string kEveryStep =
    "王先生,真对不起,您的心情我很理解,您慢慢说,我先把您的情况记下来,马上帮您查";

struct InEnglish {
  InEnglish() { set_language(Language::en); }
  ~InEnglish() { set_language(Language::zh); }
};

Attempt attempt_of(const std::vector<std::pair<std::string, std::string>>& replies) {
  Attempt attempt;
  attempt.scenario_id = "t";
  for (const auto& [step, text] : replies)
    attempt.responses.push_back({step, MarkedText{text, {}}});
  return attempt;
}

}  // namespace

TEST_CASE("the same reply, or one read the same once normalised, repeats") {
  CHECK(repeats(kParagraph, kParagraph));
  // Traditional characters, full-width digits and other punctuation say the same words.
  CHECK(repeats(
      "王先生您好 真的非常抱歉給您添麻煩了 您的心情我很理解 您慢慢說!我確認一下:您這個月沒打電話,"
      "話費卻少了１.８元,是這樣嗎?我先記錄下來。請問您的手機號碼是多少?我馬上幫您查一下詳單。"
      "經查詢這是信息服務費,我現在就為您取消並退還,今天之內到賬。",
      kParagraph));
  // A few words changed here and there.
  CHECK(repeats(
      "先生您好,真的非常抱歉给您添麻烦了,您的心情我很理解,您慢慢说。我确认一下:您这个月没打"
      "电话,话费却少了1.8块,是这样吗?我先记录下来。请问您的手机号是多少?我马上帮您查一下详单。"
      "经查询这是信息服务费,我现在就为您取消并退还,今天之内到账。",
      kParagraph));
}

TEST_CASE("one reply wholly inside the other repeats when it is most of it") {
  CHECK(repeats(kParagraph + "请问还有什么可以帮您的吗?", kParagraph));
  CHECK(repeats("谢谢您的耐心。" + kParagraph, kParagraph));
  // The later reply is most of the earlier one: the paragraph without its last sentence.
  CHECK(repeats(kParagraph.substr(0, kParagraph.find("经查询")), kParagraph));
}

TEST_CASE("a sentence said again inside a new reply, or stock phrases shared, do not repeat") {
  // One sentence of the earlier paragraph, now that it is the time for it.
  CHECK_FALSE(repeats("王先生,请问您的手机号码是多少?我马上帮您查一下详单。", kParagraph));
  // The earlier reply said again before much that is new.
  const std::string vent = "王先生您好,您先别着急,您的心情我很理解,您慢慢说。";
  CHECK_FALSE(repeats(vent + "真对不起,给您添麻烦了。我确认一下:您这个月一个电话没打,却被扣了1.8元,"
                             "事先也没收到通知,对吗?我先记下来,马上帮您查清楚。",
                      vent));
  // Two replies to different steps built from the same stock phrases.
  CHECK_FALSE(
      repeats("王先生,真对不起,给您添麻烦了。您的心情我很理解,您是说这个月没打电话,"
              "话费却少了1.8元,对吗?",
              "王先生您好,您的心情我很理解,您先别着急,请坐下慢慢说,我听着呢。"));
}

TEST_CASE("short stock replies may be said again") {
  CHECK_FALSE(repeats("好的。", "好的。"));
  CHECK_FALSE(repeats("非常抱歉,给您添麻烦了。", "非常抱歉,给您添麻烦了。"));
  // A question the customer has not answered yet, asked again.
  CHECK_FALSE(repeats("王先生,麻烦您告诉我一下您的手机号码好吗?",
                      "王先生,麻烦您告诉我一下您的手机号码好吗?"));
  // An unanswered step repeats nothing and is repeated by nothing.
  CHECK_FALSE(ReplyWording().repeats(ReplyWording()));
  CHECK_FALSE(ReplyWording(normalize(kParagraph)).repeats(ReplyWording()));
}

TEST_CASE("first_repeated names the earliest reply said again") {
  RepliesSaid earlier;
  for (const auto& reply :
       {ReplyWording(), ReplyWording(normalize("好的。")), ReplyWording(normalize(kParagraph)),
        ReplyWording(normalize(kParagraph))})
    earlier.add(reply);
  CHECK(earlier.first_repeated(ReplyWording(normalize(kParagraph))) == 2u);
  CHECK_FALSE(earlier.first_repeated(ReplyWording(normalize("好的。"))).has_value());
}

TEST_CASE("a step answered with an earlier step's reply fails and names that step") {
  test::Fixture fixture(kThreeSteps);
  REQUIRE_MESSAGE(fixture.rubric, fixture.diagnostics.to_string());
  const AttemptResult result = score_attempt(
      *fixture.rubric,
      attempt_of({{"vent", kEveryStep}, {"apologize", kEveryStep}, {"gather", kEveryStep}}), "",
      "");
  REQUIRE(result.steps.size() == 3);
  CHECK(result.steps[0].passed);
  CHECK(result.steps[0].score == result.steps[0].max);
  for (std::size_t i = 1; i < 3; ++i) {
    const StepResult& step = result.steps[i];
    CHECK_FALSE(step.passed);
    CHECK(step.score == 0);
    CHECK_FALSE(step.critical_failed);
    CHECK(step.rules.front().ok);  // the rubric alone would have passed it
    REQUIRE(step.rules.back().kind == "repetition");
    CHECK_FALSE(step.rules.back().ok);
    CHECK(step.rules.back().feedback ==
          "与第 1 步「你们怎么回事?我这个月一个电话都没打,话…」的回答相同:"
          "每一步要回应客户此刻说的话。");
  }
  CHECK(result.score == doctest::Approx(33.3));
  CHECK_FALSE(result.passed);
}

TEST_CASE("a reply repeated in English names the step in English") {
  const InEnglish english;
  test::Fixture fixture(kThreeSteps);
  REQUIRE(fixture.rubric);
  const AttemptResult result = score_attempt(
      *fixture.rubric,
      attempt_of({{"vent", "好的。"}, {"apologize", kEveryStep}, {"gather", kEveryStep}}), "", "");
  CHECK(result.steps[1].passed);
  REQUIRE(result.steps[2].rules.back().kind == "repetition");
  CHECK(result.steps[2].rules.back().feedback ==
        "The same reply as at step 2 (“我姓王。”): at each step, answer what the customer is "
        "saying now.");
}

TEST_CASE("practice holds a repeated reply against the step too, but not a retried one") {
  test::Fixture fixture(kThreeSteps);
  REQUIRE(fixture.rubric);
  Session session(*fixture.rubric, "");
  CHECK(session.answer(kEveryStep).passed);
  const StepResult again = session.answer(kEveryStep);
  CHECK_FALSE(again.passed);
  CHECK(again.rules.back().kind == "repetition");
  // The step answered again: the reply it replaces is no earlier step's.
  CHECK(session.retry() == Session::Retry::went_back);
  CHECK(session.retry() == Session::Retry::went_back);
  CHECK(session.answer(kEveryStep).passed);
  CHECK(session.result().steps[0].passed);
}

namespace {

// A deterministic stream of numbers (the standard distributions differ between libraries).
struct Numbers {
  std::uint64_t state;
  std::uint64_t next(std::uint64_t below) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % below;
  }
};

// The verdict of comparing the reply with every earlier one, as first_repeated did before it
// kept an index.
std::optional<std::size_t> first_repeated_by_comparing(const ReplyWording& reply,
                                                       const std::vector<ReplyWording>& earlier) {
  for (std::size_t i = 0; i < earlier.size(); ++i)
    if (reply.repeats(earlier[i])) return i;
  return std::nullopt;
}

}  // namespace

// Replies built from a few sentences share many runs: near the thresholds both ways.
std::string reply_of_stock_sentences(Numbers& numbers) {
  static const std::vector<std::string> sentences{"王先生您好,",
                                                  "真的非常抱歉给您添麻烦了,",
                                                  "您的心情我很理解,",
                                                  "您慢慢说,",
                                                  "请问您的手机号码是多少?",
                                                  "我马上帮您查一下详单,",
                                                  "今天之内到账,",
                                                  "好的,",
                                                  "我先记录下来,",
                                                  "这是信息服务费,",
                                                  "我现在就为您取消,",
                                                  "还有什么可以帮您?"};
  std::string reply;
  for (std::uint64_t n = 1 + numbers.next(6); n > 0; --n)
    reply += sentences[numbers.next(sentences.size())];
  return reply;
}

TEST_CASE("the index of earlier replies finds what comparing with each of them finds") {
  // Exactly, while no run has more holders than the index follows: any real attempt.
  for (std::uint64_t seed : {7, 8, 9, 10, 11, 12, 13, 14}) {
    Numbers numbers{seed};
    RepliesSaid indexed;
    std::vector<ReplyWording> earlier;
    for (int step = 0; step < 64; ++step) {
      const std::string reply = reply_of_stock_sentences(numbers);
      const ReplyWording wording =
          numbers.next(10) == 0 ? ReplyWording() : ReplyWording(normalize(reply));
      CHECK(indexed.first_repeated(wording) == first_repeated_by_comparing(wording, earlier));
      indexed.add(wording);
      earlier.push_back(wording);
    }
  }
}

TEST_CASE("past the holders it follows, the index finds only real repeats, and nearly all") {
  Numbers numbers{7};
  RepliesSaid indexed;
  std::vector<ReplyWording> earlier;
  std::size_t repeated = 0;
  std::size_t missed = 0;
  for (int step = 0; step < 400; ++step) {
    const std::string reply = reply_of_stock_sentences(numbers);
    const ReplyWording wording =
        numbers.next(10) == 0 ? ReplyWording() : ReplyWording(normalize(reply));
    const auto expected = first_repeated_by_comparing(wording, earlier);
    const auto found = indexed.first_repeated(wording);
    // A later reply said again may be named instead of the earliest: it is said again too.
    if (found) CHECK(wording.repeats(earlier.at(*found)));
    if (!found && expected) ++missed;
    repeated += expected.has_value();
    indexed.add(wording);
    earlier.push_back(wording);
  }
  CHECK(repeated > 50);                  // the case is not trivial …
  CHECK(repeated < earlier.size() / 2);  // … either way
  CHECK(missed * 50 < repeated);         // fewer than one in fifty repeats is missed
}

TEST_CASE("an attempt of ten thousand long replies is checked for repeats at once" *
          doctest::timeout(10)) {
  // Comparing each reply with every earlier one took minutes here (outside pass 11, finding 07).
  constexpr std::size_t kSteps = 10'000;
  Numbers numbers{3};
  std::vector<std::string> replies;
  for (std::size_t step = 0; step < kSteps; ++step) {
    std::string reply = "您好";
    for (int i = 0; i < 200; ++i)
      utf8::append(reply, static_cast<char32_t>(0x4E00 + numbers.next(3000)));
    // Every fiftieth reply is the one of 25 steps before, its first words changed.
    if (step % 50 == 49) reply = "先生" + replies[step - 25];
    replies.push_back(std::move(reply));
  }
  RepliesSaid said;
  for (std::size_t step = 0; step < kSteps; ++step) {
    const ReplyWording wording(normalize(replies[step]));
    const std::optional<std::size_t> found = said.first_repeated(wording);
    if (step % 50 == 49 ? found != step - 25 : found.has_value()) FAIL_CHECK("step " << step);
    said.add(wording);
  }
}

TEST_CASE("stock wording in every reply of a long attempt does not make the check quadratic" *
          doctest::timeout(10)) {
  // Outside pass 36, finding 03: replies of real sentences all share 您的心情我很理解 and the like,
  // and following every earlier holder of those runs took 32 s for 3,200 steps (here, minutes).
  const std::string& stock = kParagraph;
  constexpr std::size_t kSteps = 6'000;
  Numbers numbers{5};
  std::vector<std::string> replies;
  for (std::size_t step = 0; step < kSteps; ++step) {
    std::string reply = stock;
    for (int i = 0; i < 80; ++i)
      utf8::append(reply, static_cast<char32_t>(0x4E00 + numbers.next(3000)));
    replies.push_back(std::move(reply));
  }
  RepliesSaid said;
  for (std::size_t step = 0; step < kSteps; ++step) {
    const ReplyWording wording(normalize(replies[step]));
    if (said.first_repeated(wording).has_value()) FAIL_CHECK("step " << step);
    said.add(wording);
  }
  // The first reply pasted again is still found, though each of its stock runs has thousands of
  // later holders; so is the last one with a word changed.
  CHECK(said.first_repeated(ReplyWording(normalize(replies.front()))) == 0u);
  CHECK(said.first_repeated(ReplyWording(normalize("李" + replies.back()))) == kSteps - 1);
}
