// Keyword stuffing read fragment by fragment: which mark stands between the keywords of a list
// does not change the verdict, and a reply of the seed's own short sentences is no list.
#include <doctest/doctest.h>

#include <string>

#include "engine/scorer.hpp"
#include "fixtures.hpp"

using namespace coach;

namespace {

// The phrases of 000 第一步 and 第五步, as the bundled lexicons list them.
const char* kSeedLexicon = R"(concepts:
  polite_address:
    label: 礼貌称谓
    source: 000 第一步
    phrases: [先生, 女士, 您好, 请问您贵姓]
  empathy:
    label: 移情
    source: 000 第一步
    phrases: [你的心情我很理解, 您的心情我很理解]
  invite:
    label: 请客户倾诉
    source: 000 第一步
    phrases: [如果您愿意可以告诉我, 您慢慢说]
  apology:
    label: 道歉
    source: 000 第二步
    phrases: [对不起, 抱歉, 不好意思, 给您添麻烦了]
  thanks:
    label: 感谢
    source: 000 第五步
    phrases: [谢谢]
  satisfied:
    label: 确认满意
    source: 000 第五步
    phrases: [满意吗]
  callback:
    label: 回访
    source: 000 第五步
    phrases: [回访, 改进]
)";

const std::string kRules =
    "      - {concept: polite_address, points: 10}\n"
    "      - {concept: empathy, points: 10}\n"
    "      - {concept: invite, points: 10}\n"
    "      - {concept: thanks, points: 10}\n"
    "      - {concept: callback, points: 10}\n";

struct SeedStep {
  test::Fixture fixture{test::scenario_with_rules(kRules), kSeedLexicon};

  bool stuffed(const std::string& reply) const {
    REQUIRE_MESSAGE(fixture.rubric, fixture.diagnostics.to_string());
    return score_step(fixture.rubric->steps()[0], fixture.rubric->scenario(), reply).stuffed;
  }
};

// What trainees type between the items of a list.
const char* const kMarks[] = {"、", ",", "，", "；", " ", "\n", "😀", "/", "•", "|", "——", "…"};

std::string joined(std::initializer_list<const char*> items, const std::string& mark) {
  std::string out;
  for (const char* item : items) out += (out.empty() ? "" : mark) + std::string(item);
  return out;
}

}  // namespace

TEST_CASE("a vent reply of 000's own sentences is no keyword stuffing") {
  // 000 第一步: 经常使用礼貌称谓(先生/小姐请问您贵姓?); 多使用“你的心情我很理解”“如果您愿意
  // 可以告诉我”. An outside trainer's reply made of exactly these scored 0 as stuffing: the
  // polite address said three times (先生, 您好, 请问您贵姓) read as one idea listed.
  const SeedStep step;
  CHECK_FALSE(step.stuffed("先生您好,请问您贵姓?你的心情我很理解,如果您愿意可以告诉我。"));
  CHECK_FALSE(step.stuffed("先生您好,您的心情我很理解,如果您愿意可以告诉我。请问您贵姓?"));
  CHECK_FALSE(step.stuffed("女士您好,请问您贵姓?你的心情我很理解,如果您愿意可以告诉我。"));
  // Whatever marks stand between the sentences.
  for (const char* mark : kMarks) {
    CAPTURE(mark);
    CHECK_FALSE(step.stuffed(
        joined({"先生", "您好", "请问您贵姓", "你的心情我很理解", "如果您愿意可以告诉我"}, mark)));
  }
  // The same idea listed three times in fragments is still a list, and a sentence said over
  // word for word is no new sentence.
  CHECK(step.stuffed("对不起,抱歉,不好意思,你的心情我很理解,谢谢"));
  CHECK(step.stuffed("请问您贵姓,请问您贵姓,请问您贵姓,对不起,谢谢"));
}

TEST_CASE("a list of keywords is stuffing whatever mark separates them") {
  // An outside tester's follow-up list passed with 😀 between its items and failed with 、.
  const SeedStep step;
  for (const char* mark : kMarks) {
    CAPTURE(mark);
    CHECK(step.stuffed(joined({"王先生", "谢谢", "满意吗?", "回访", "改进"}, mark)));
    CHECK(step.stuffed(joined({"对不起", "抱歉", "不好意思", "您的心情我很理解"}, mark)));
    // A reply of sentences is a reply, with any of them.
    CHECK_FALSE(step.stuffed(joined({"王先生", "对不起", "给您添麻烦了", "您慢慢说"}, mark)));
    CHECK_FALSE(step.stuffed(joined({"王先生", "谢谢您的耐心", "您对这次处理满意吗?"}, mark)));
  }
}

TEST_CASE("a mark inside a number or a code separates nothing") {
  const SeedStep step;
  CHECK_FALSE(step.stuffed("王先生,您的话费少了1.8元,您的心情我很理解,您慢慢说。"));
  CHECK_FALSE(step.stuffed("王先生,2-3天内给您回访,谢谢。"));
}

TEST_CASE("keywords typed with no mark between them are as many keywords") {
  // Outside pass 53, finding 4: 王先生,对不起,抱歉,不好意思 was stuffing and 王先生对不起,抱歉,
  // 不好意思 scored 100: the name glued to the first keyword made a "sentence" of them.
  const SeedStep step;
  for (const char* mark : kMarks) {
    CAPTURE(mark);
    CHECK(step.stuffed(joined({"王先生对不起", "抱歉", "不好意思", "您是说钱少了,对吧"}, mark)));
    CHECK(step.stuffed(joined({"王先生", "对不起", "抱歉", "不好意思", "您是说钱少了,对吧"}, mark)));
  }
  // A sentence of phrases is still a sentence.
  CHECK_FALSE(step.stuffed("王先生对不起,给您添麻烦了,您慢慢说。"));
}

TEST_CASE("a reply written as the rubric's outline is no reply") {
  // Outside pass 53, finding 3: every item a fine phrase, the whole a form filled in with the
  // rubric's own names, and the exam passed.
  const SeedStep step;
  CHECK(step.stuffed("称谓:王先生;道歉:对不起;复述:您是说钱少了,对吧?回访:明天回访您。"));
  CHECK(step.stuffed("【礼貌称谓】先生您好【移情】您的心情我很理解【请客户倾诉】您慢慢说"));
  CHECK(step.stuffed("先生您好(称谓)您的心情我很理解(移情)您慢慢说(倾诉)"));
  // One that calls itself a list of keywords is one.
  CHECK(step.stuffed("关键词:先生您好、您的心情我很理解、如果您愿意可以告诉我、请问您贵姓"));
  // Outside pass 54, finding 11: other marks between a label and its item, step numbers,
  // English labels.
  CHECK(step.stuffed("称呼——王先生;道歉——对不起;复述——您是说钱少了,对吧;回访——明天回访您。"));
  CHECK(step.stuffed("称呼=王先生,道歉=对不起,复述=您是说钱少了,对吧"));
  CHECK(step.stuffed("称呼→王先生,道歉→对不起,复述→您是说钱少了,对吧"));
  CHECK(step.stuffed("第一步道歉,对不起。第二步复述,您是说钱少了,对吧。第三步回访,明天回访您。"));
  CHECK(step.stuffed("Name: 王先生; Apology: 对不起; Restate: 您是说钱少了,对吧"));
  // A colon or two of one's own is no form.
  CHECK_FALSE(step.stuffed("王先生,我确认一下:您是说钱少了,对吧?您的心情我很理解,您慢慢说。"));
  CHECK_FALSE(step.stuffed("王先生您好:对不起,给您添麻烦了。原因:系统升级。您慢慢说。"));
  CHECK_FALSE(step.stuffed("王先生,第一步我先给您道歉,对不起;第二步我帮您查,您慢慢说。"));
  CHECK_FALSE(step.stuffed("王先生,方案一——退还1.8元;方案二——送您一个月的流量,您看哪个好?"));
  CHECK_FALSE(step.stuffed("王先生(ok),对不起(of),给您添麻烦了(ad),您慢慢说。"));
}
