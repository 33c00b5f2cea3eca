// Replies that cannot be meant for this customer: another customer's name or sex
// (engine/wrong_address), or mostly another language than the scenario's (engine/reply_language).
#include <doctest/doctest.h>

#include "engine/reply_language.hpp"
#include "engine/scorer.hpp"
#include "engine/surnames.hpp"
#include "engine/wrong_address.hpp"
#include "fixtures.hpp"

using namespace coach;

namespace {

std::vector<WrongAddress> wrong_for(const std::string& customer, const std::string& reply) {
  const NormalizedText normalized = normalize(reply);
  return find_wrong_addresses(normalized, split_clauses(normalized.text), split_name(customer));
}

bool misaddressed(const std::string& customer, const std::string& reply) {
  return !wrong_for(customer, reply).empty();
}

// Every case also checks that the test of the bytes, which spares most replies the count,
// agrees with it.
bool foreign(const std::string& reply) {
  const bool counted = mostly_foreign(count_scripts(reply));
  CHECK_MESSAGE(written_mostly_foreign(reply) == counted, reply);
  return counted;
}

// A one-step scenario of customer `customer` with an apology rule, in Chinese unless its model
// answer and customer line are given in English.
std::string scenario(const std::string& customer, bool chinese = true) {
  std::string yaml =
      test::scenario_with_rules("      - {concept: apology, points: 10}\n", customer);
  const std::string line = chinese ? "你们怎么回事?" : "What is going on?";
  const std::string answer = chinese ? "对不起,给您添麻烦了。" : "I am so sorry for this.";
  yaml.replace(yaml.find("customer: c"), 11, "customer: " + line);
  yaml.replace(yaml.find("model_answers: [x]"), 18, "model_answers: [\"" + answer + "\"]");
  return yaml;
}

StepResult scored(const std::string& yaml, const std::string& reply) {
  test::Fixture fixture(yaml);
  REQUIRE_MESSAGE(fixture.rubric, fixture.diagnostics.to_string());
  return score_step(fixture.rubric->steps()[0], fixture.rubric->scenario(), reply);
}

const RuleResult* verdict(const StepResult& step, std::string_view kind) {
  for (const RuleResult& rule : step.rules) {
    if (rule.kind == kind) return &rule;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a surname ends before a title unless its character ends another word") {
  const std::string text = normalize("谢谢王先生,谢谢先生,欧阳女士,明白先生").text;
  const auto before = [&](std::string_view title_after) {
    return surname_ending_at(text, 0, text.find(title_after));
  };
  CHECK(before("王先生") == 0);
  CHECK(surname_ending_at(text, 0, text.find("先生")) == 3);                         // 王
  CHECK(surname_ending_at(text, 0, text.find("先生", text.find("谢谢先生"))) == 0);  // 谢谢
  CHECK(surname_ending_at(text, 0, text.find("女士")) == 6);                         // 欧阳
  CHECK(surname_ending_at(text, 0, text.rfind("先生")) == 0);                        // 明白
  CHECK(surname_ending_at(text, text.find("先生"), text.find("先生")) == 0);  // nothing before
}

TEST_CASE("another customer's surname or the other sex, said to the customer, is caught") {
  // Found by an outside tester: 王先生 (the previous scenario's customer) said to 李女士 in all
  // five replies was certified with 94.
  CHECK(misaddressed("李女士", "王先生,真抱歉让您着急了。"));
  CHECK(misaddressed("李女士", "王先生您好,我是中国移动营业厅的刘芳。"));
  CHECK(misaddressed("李女士", "李先生,真对不起。"));                // her surname, a man's title
  CHECK(misaddressed("李女士", "王女士,您别着急。"));                // another surname
  CHECK(misaddressed("李女士", "先生您好,短信发不出去真耽误事。"));  // a man's title alone
  CHECK(misaddressed("李女士", "您好,王先生,请坐。"));
  CHECK(misaddressed("李女士", "好的王先生,我马上帮您查。"));
  CHECK(misaddressed("李女士", "真对不起王先生,给您添麻烦了。"));
  CHECK(misaddressed("李女士", "王先生我马上帮您查一下。"));
  CHECK(misaddressed("李女士", "谢谢您,王先生。"));
  CHECK(misaddressed("李女士", "谢谢先生,我们会尽快处理。"));
  CHECK(misaddressed("李女士", "這位先生,您好。"));  // traditional characters
  CHECK(misaddressed("李女士", "欧阳女士,您好。"));
  CHECK(misaddressed("王先生", "王阿姨,您慢慢说。"));
  CHECK(misaddressed("王先生", "女士您好,请坐。"));
  CHECK(misaddressed("王经理", "李先生,您好"));  // any title, but not another surname

  const auto found = wrong_for("李女士", "李女士您好。王先生,真对不起,王先生。");
  REQUIRE(found.size() == 2);
  CHECK(found[0].wrong_surname);
  CHECK(found[0].wrong_sex);
  const auto her_surname = wrong_for("李女士", "李先生,您好");
  REQUIRE(her_surname.size() == 1);
  CHECK_FALSE(her_surname[0].wrong_surname);
  CHECK(her_surname[0].wrong_sex);
}

TEST_CASE("forms that fit, and names and titles not said to the customer, are fine") {
  CHECK_FALSE(misaddressed("李女士", "李女士,真抱歉让您着急了。"));
  CHECK_FALSE(misaddressed("李女士", "李小姐您好,我帮您查。"));
  CHECK_FALSE(misaddressed("李女士", "李阿姨,您慢慢说。"));
  CHECK_FALSE(misaddressed("李女士", "女士您好,请坐。"));
  CHECK_FALSE(misaddressed("王先生", "王大哥,您别着急。"));
  CHECK_FALSE(misaddressed("王先生", "谢谢先生。"));
  // Colleagues and third parties.
  CHECK_FALSE(misaddressed("李女士", "我们王经理会联系您的。"));
  CHECK_FALSE(misaddressed("李女士", "请找张师傅,他会帮您看手机。"));
  CHECK_FALSE(misaddressed("李女士", "张师傅明天上门给您检查。"));
  CHECK_FALSE(misaddressed("李女士", "张师傅,他明天上门给您检查。"));
  CHECK_FALSE(misaddressed("李女士", "您先生的号码也发不出短信吗?"));
  CHECK_FALSE(misaddressed("李女士", "您可以让您先生来办。"));
  CHECK_FALSE(misaddressed("李女士", "您爱人王先生的号码也是这样吗?"));
  CHECK_FALSE(misaddressed("李女士", "刚才那位王先生的问题已经处理好了。"));
  CHECK_FALSE(misaddressed("李女士", "李女士,我同事王女士会给您回电话。"));
  CHECK_FALSE(misaddressed("李女士", "李女士,王先生是我们的技术员,他会帮您。"));
  CHECK_FALSE(misaddressed("李女士", "李女士,刚才张先生也反映了同样的问题。"));
  CHECK_FALSE(misaddressed("李女士", "李女士,谢谢您的耐心,王师傅下午就到。"));
  CHECK_FALSE(misaddressed("李女士", "请问您是王先生的家人吗?"));
  CHECK_FALSE(misaddressed("王先生", "王先生,您太太也用这个号吗?"));
  // Quoted as someone else's words, or a slip put right at once.
  CHECK_FALSE(misaddressed("李女士", "您是说营业员跟您说:“王先生,这个办不了”?"));
  CHECK_FALSE(misaddressed("李女士", "先生,哦不,女士您好。"));
  // A title inside a longer word, or after a word that ends in a surname's character.
  CHECK_FALSE(misaddressed("李女士", "我明白先生的意思。"));
  CHECK_FALSE(misaddressed("李女士", "李女士,老先生们都这么说。"));
  // No name, no title in it (a group, an English name): nothing to hold a reply to.
  CHECK_FALSE(misaddressed("", "王先生,真对不起。"));
  CHECK_FALSE(misaddressed("Mr Smith", "女士您好。"));
}

TEST_CASE("a wrong address fails its step with zero, naming the form that fits") {
  const StepResult step = scored(scenario("李女士"), "王先生,真对不起,给您添麻烦了。");
  CHECK_FALSE(step.passed);
  CHECK(step.score == 0);
  CHECK_FALSE(step.critical_failed);  // a slip fails the step, not the whole attempt
  const RuleResult* address = verdict(step, "address");
  REQUIRE(address);
  CHECK_FALSE(address->ok);
  CHECK(address->detail.find("王先生") != std::string::npos);
  CHECK(address->detail.find("李女士") != std::string::npos);
  CHECK(step.text_at(address->matched.at(0)) == "王先生");

  const StepResult right = scored(scenario("李女士"), "李女士,真对不起,给您添麻烦了。");
  CHECK(right.passed);
  CHECK_FALSE(verdict(right, "address"));
}

TEST_CASE("words of another script are counted, borrowed ones are not") {
  const ScriptCount mixed = count_scripts("王先生, I'm really sorry. 您是说 you made no calls?");
  CHECK(mixed.han == 6);
  CHECK(mixed.foreign_words == 7);
  CHECK(count_scripts("APP、SIM卡、4G、5G、WiFi、iPhone、VIP、ID、OK、100M").foreign_words == 0);
  CHECK(count_scripts("验证码123456,航班CA1234,发到li@example.com或www.10086.cn").foreign_words ==
        0);
  CHECK(count_scripts("Ms.Li").foreign_words == 2);
  CHECK(count_scripts("ｓｏｒｒｙ,can't").foreign_words == 2);
}

TEST_CASE("a reply mostly in another script is foreign, a few borrowed words are not") {
  // Found by an outside tester: half-English replies scored 100 on a must-pass step.
  CHECK(
      foreign("王先生, I'm really sorry. 您是说 you made no calls this month but lost 1.8 yuan, "
              "right? 我记下了."));
  CHECK(
      foreign("Sir, 您好, I understand 您的心情. 您慢慢说, I'm listening, please tell me "
              "everything."));
  CHECK(foreign("Sorry, sorry, sorry!"));
  CHECK_FALSE(foreign("王先生,sorry啊。您是说this month没打电话,话费少了1.8元,对吧?"));
  CHECK_FALSE(foreign("王先生,您可以在APP里查话费,SIM卡换成4G的也行,家里WiFi连上就能用。"));
  CHECK_FALSE(foreign("OK,王先生,我马上帮您查。"));
  CHECK_FALSE(foreign("Sorry, sir."));  // two words: too little to judge
  // Full-width letters and other scripts are letters too; full-width punctuation is not.
  CHECK(foreign("Ｓｉｒ，ｉ'ｍ ｓｏ ｓｏｒｒｙ，我们马上查"));
  CHECK(foreign("Извините, мы сейчас всё проверим"));
  CHECK_FALSE(foreign("王先生，您好！我马上帮您查，请稍等。"));
}

TEST_CASE("a reply in another language fails a step of a Chinese scenario only") {
  const std::string english_reply = "I am so sorry, sir, let me check that for you.";
  const StepResult in_chinese = scored(scenario("王先生"), english_reply);
  CHECK_FALSE(in_chinese.passed);
  CHECK(in_chinese.score == 0);
  REQUIRE(verdict(in_chinese, "language"));

  // The test lexicon's apology is Chinese only: the English scenario judges the reply by its
  // rules, not by its language.
  CHECK_FALSE(verdict(scored(scenario("Mr Smith", false), english_reply), "language"));
}
