#include <doctest/doctest.h>

#include "engine/scorer.hpp"
#include "fixtures.hpp"

using namespace coach;

namespace {
// Scores `reply` against a one-step scenario holding `rules`.
StepResult judge(const std::string& rules, const std::string& reply) {
  test::Fixture fixture(test::scenario_with_rules(rules));
  REQUIRE_MESSAGE(fixture.rubric, fixture.diagnostics.to_string());
  return score_step(fixture.rubric->steps()[0], fixture.rubric->scenario(), reply);
}

bool ok(const std::string& rule, const std::string& reply) {
  return judge("      - " + rule + "\n", reply).rules.at(0).ok;
}

// Judges `reply` against an addresses_customer `rule` of a scenario whose customer is `customer`.
RuleResult addressed(const std::string& rule, const std::string& customer,
                     const std::string& reply) {
  test::Fixture fixture(test::scenario_with_rules("      - " + rule + "\n", customer));
  REQUIRE_MESSAGE(fixture.rubric, fixture.diagnostics.to_string());
  return score_step(fixture.rubric->steps()[0], fixture.rubric->scenario(), reply).rules.at(0);
}
}  // namespace

TEST_CASE("a concept of polite address does not count a title that does not fit the customer") {
  // Found by an outside tester: 王女士 for 王先生 earned the vent step's polite address.
  CHECK(addressed("{concept: polite_address}", "王先生", "王先生您好").ok);
  const RuleResult wrong = addressed("{concept: polite_address}", "王先生", "王女士您好");
  CHECK_FALSE(wrong.ok);
  CHECK(wrong.detail == "“女士”称呼不对,应称呼客户“王先生”。");
  CHECK_FALSE(addressed("{concept: polite_address}", "李女士", "先生您好").ok);
  CHECK(addressed("{concept: polite_address}", "李女士", "先生,哦不,女士您好").ok);
  // A customer without a man's or a woman's title may be called either.
  CHECK(addressed("{concept: polite_address}", "王经理", "女士您好").ok);
  CHECK(addressed("{concept: polite_address}", "", "先生您好").ok);
}

TEST_CASE("concept present, with paraphrase across scripts and widths") {
  CHECK(ok("{concept: apology}", "真是对不起"));
  CHECK(ok("{concept: apology}", "給您添麻煩了！"));
  CHECK_FALSE(ok("{concept: apology}", "我们不会道歉,也没有必要说对不起"));
  CHECK_FALSE(ok("{concept: apology}", "好的"));
}

TEST_CASE("concept forbidden") {
  CHECK(ok("{forbid: blame}", "王先生您好"));
  CHECK_FALSE(ok("{forbid: blame}", "您弄错了吧"));
  CHECK_FALSE(ok("{forbid: blame}", "您弄\uFE0F错了吧"));  // an invisible character hides nothing
  CHECK_FALSE(ok("{forbid: blame}", "您弄\u0301错了吧"));  // nor does a combining mark
  CHECK_FALSE(ok("{forbid: blame}", "您弄\u20DD错\u2800了吧"));  // an enclosing mark, a blank
  CHECK(ok("{forbid: blame}", "不是您弄错了,是我们的系统问题"));
}

TEST_CASE("any_of, all_of, none_of") {
  CHECK(ok("{any_of: [回电, 回访]}", "我明天给您回电"));
  CHECK_FALSE(ok("{any_of: [回电, 回访]}", "再见"));
  CHECK(ok("{all_of: [工号, 谢谢]}", "我的工号是 123,谢谢您"));
  const StepResult partial = judge("      - {all_of: [工号, 谢谢]}\n", "谢谢");
  CHECK_FALSE(partial.rules[0].ok);
  CHECK(partial.rules[0].missing == std::vector<std::string>{"工号"});
  CHECK(ok("{none_of: [不归我管]}", "我来帮您处理"));
  CHECK_FALSE(ok("{none_of: [不归我管]}", "这不归我管"));
}

// Outside pass 37, finding 11: a scenario's regex counted 我们不会帮您联系 as promising to call.
TEST_CASE("a regex rule reads negation and quotation as a concept's pattern does") {
  const std::string call = "{regex: '(我|我们)[^.!?;]{0,8}(确认|联系|核实)'}";
  CHECK(ok(call, "我们马上帮您联系那边的营业厅。"));
  CHECK_FALSE(ok(call, "女士,对不起,我们不会帮您联系别的营业厅。"));
  CHECK_FALSE(ok(call, "我们没法打电话确认,您自己去问吧。"));
  CHECK_FALSE(ok("{regex: '道歉'}", "我们不道歉。"));
  CHECK(ok("{regex: '道歉', negation: false}", "我们不道歉。"));
  // A later match that is said counts, though an earlier one is negated.
  CHECK(ok(call, "我们不会让您白跑,我们马上联系。"));
  // The pattern's own 不 is its words, not a negation of them.
  CHECK(ok("{regex: '发不出'}", "短信发不出去。"));
}

TEST_CASE("regex runs on normalised text") {
  CHECK(ok("{regex: '工号\\d{3,}'}", "我的工号１２３４"));
  CHECK_FALSE(ok("{regex: '工号\\d{3,}'}", "我的工号是12"));
}

// Outside pass 44, finding 07: under a missed pattern's own feedback, "回答不符合要求的说法。"
// told the trainee nothing more.
TEST_CASE("a missed regex says its generic line only when the rule has no feedback of its own") {
  const RuleResult bare = judge("      - {regex: '工号'}\n", "您好").rules.at(0);
  CHECK_FALSE(bare.ok);
  CHECK(bare.detail == "回答不符合要求的说法。");
  const RuleResult taught =
      judge("      - {regex: '工号', feedback: 报出你的工号}\n", "您好").rules.at(0);
  CHECK_FALSE(taught.ok);
  CHECK(taught.detail.empty());
}

TEST_CASE("length counts characters, not bytes, and ignores spaces") {
  CHECK(ok("{min_chars: 5}", "您 好 先 生 们"));
  CHECK_FALSE(ok("{min_chars: 6}", "您好先生们"));
  CHECK(ok("{max_chars: 5}", "您好先生啊"));
  CHECK_FALSE(ok("{max_chars: 4}", "您好先生啊"));
}

TEST_CASE("a minimum length counts words, not filler") {
  // Outside pass 53, finding 5: thirty-five 嗯 or a row of …… made a reply long enough.
  CHECK_FALSE(ok("{min_chars: 10}", "您好先生嗯嗯嗯嗯嗯嗯"));
  CHECK_FALSE(ok("{min_chars: 10}", "您好先生,……………………"));
  CHECK_FALSE(ok("{min_chars: 10}", "您好先生啊啊啊哈哈哈"));
  // Nor a word of two characters said over and over (outside pass 54, finding 14).
  CHECK_FALSE(ok("{min_chars: 10}", "您好先生好的好的好的好的"));
  CHECK(ok("{min_chars: 10}", "好的好的,您好先生,我马上办"));
  // Numbers and Latin words are said, and count.
  CHECK(ok("{min_chars: 10}", "您的工号是1234AB"));
  const RuleResult short_reply = judge("      - {min_chars: 10}\n", "您好嗯嗯嗯嗯嗯嗯嗯嗯").rules.at(0);
  CHECK(short_reply.detail == "回答太短(不算语气词和连打的字,只有 2 字),至少要 10 字。");
}

TEST_CASE("asks a question: any, open, closed, with a count") {
  CHECK(ok("{asks_question: any}", "请问您贵姓?"));
  CHECK(ok("{asks_question: open}", "您是什么时候发现的"));
  CHECK_FALSE(ok("{asks_question: open}", "您能打电话吗?"));
  CHECK(ok("{asks_question: closed}", "您能打电话吗?"));
  CHECK(ok("{asks_question: open, count: 2}", "什么时候开始的?在哪里发的?"));
  CHECK_FALSE(ok("{asks_question: open, count: 2}", "什么时候开始的?"));
  // Outside pass 33, finding 08: how new hires type a closing question.
  for (const std::string reply : {"现在发短信都没问题了吧", "钱到账了吧。", "能正常发了不",
                                  "您的卡号是尾号1234,是吧。", "都还清了 对吧!"}) {
    CAPTURE(reply);
    CHECK(ok("{asks_question: closed}", reply));
  }
  for (const std::string reply : {"这下总没问题了吧", "应该没问题了吧。", "算了吧。", "您先坐吧。",
                                  "不是吧!", "那就是吧。", "我们发了不少短信。"}) {
    CAPTURE(reply);
    CHECK_FALSE(ok("{asks_question: any}", reply));
  }
  // A rhetorical question tells; it asks nothing (outside pass 33, finding 02).
  for (const std::string reply :
       {"您难道没看到确认短信吗?", "这岂不是白跑一趟?", "何必呢?", "能不能办还用问吗?"}) {
    CAPTURE(reply);
    CHECK_FALSE(ok("{asks_question: any}", reply));
  }
}

TEST_CASE("a question that does what the step forbids earns no question points") {
  // Outside pass 33, finding 11: 您是不是弄错了? was shown as the step's good closed question.
  const std::string rules = "      - {asks_question: closed}\n      - {forbid: blame}\n";
  const StepResult doubted = judge(rules, "您弄错了吗?我帮您查一下。");
  CHECK_FALSE(doubted.rules.at(0).ok);
  CHECK(doubted.rules.at(0).matched.empty());
  CHECK(doubted.rules.at(0).detail.find("“您弄错了吗”") != std::string::npos);
  // Another question of the same reply still counts; so does one when nothing is forbidden.
  CHECK(judge(rules, "您弄错了吗?您开通过什么业务吗?").rules.at(0).ok);
  CHECK(judge("      - {asks_question: closed}\n", "您弄错了吗?").rules.at(0).ok);
  // What no step may say spoils a question too, with no rule of the step naming it.
  CHECK_FALSE(judge("      - {asks_question: closed}\n", "您是笨蛋吗?").rules.at(0).ok);
}

TEST_CASE("addresses the customer by name or title") {
  CHECK(ok("{addresses_customer: name}", "王先生,您好"));
  CHECK(ok("{addresses_customer: name}", "王先生您好"));
  CHECK_FALSE(ok("{addresses_customer: name}", "先生您好"));
  CHECK(ok("{addresses_customer: title}", "先生您好"));
  CHECK_FALSE(ok("{addresses_customer: title}", "你好"));
}

TEST_CASE("a restated negative fact keeps its confirming tag") {
  // Found by an outside tester: the 不 / 没 of the restated fact negated the tag after it.
  CHECK(ok("{concept: restate}", "这两天您的手机短信一条都发不出去,对吧?"));
  CHECK(ok("{concept: restate}", "话费少了1.8元,可您这个月一个电话都没打过,对吧?"));
  CHECK(ok("{order: [apology, restate]}", "真对不起。您的短信一条都发不出去,对吧?"));
  CHECK_FALSE(ok("{concept: restate}", "短信一条都发不出去对吧"));  // no tag of its own
  // The clause a match begins in decides for a forbidding rule too: nothing is excused.
  CHECK_FALSE(ok("{none_of: [',您弄错了']}", "系统查不出问题,您弄错了"));
}

TEST_CASE("order: apologise before explaining") {
  CHECK(ok("{order: [apology, explain]}", "对不起,原因是系统升级"));
  CHECK_FALSE(ok("{order: [apology, explain]}", "原因是系统升级,对不起"));
  CHECK_FALSE(ok("{order: [apology, explain]}", "对不起"));
}

TEST_CASE("order places what another rule of the step matched, named by its id") {
  // Found by an outside tester: sms-failure's order asked for the `restate` concept, which knows
  // the lead-ins only, so a plain restatement lost the order's points with a wrong reason.
  const std::string rules =
      "      - {id: facts, regex: '短信[^.!?]{0,6}发不出', points: 10}\n"
      "      - {order: [apology, facts]}\n"
      "      - {id: thanks, any_of: [谢谢您, 感谢您]}\n"
      "      - {order: [thanks, apology]}\n";
  const StepResult plain = judge(rules, "实在抱歉。您这两天短信一条都发不出去,事情都耽误了。");
  CHECK(plain.rules[1].ok);
  CHECK(plain.text_at(plain.rules[1].matched[1]) == "短信一条都发不出");
  CHECK(plain.rules[1].description == "先「道歉」,再「符合模式 /短信[^.!?]{0,6}发不出/」");
  const StepResult late = judge(rules, "您这两天短信一条都发不出去。实在抱歉。");
  CHECK_FALSE(late.rules[1].ok);
  CHECK(late.rules[1].missing == std::vector<std::string>{"符合模式 /短信[^.!?]{0,6}发不出/"});
  // The regex an order item names reads negation as the regex rule itself does (review of
  // session 21: the order counted 我们不会帮您联系 that the rule refused).
  const std::string call =
      "      - {id: call, regex: '(我|我们)[^.!?;]{0,8}联系', points: 10}\n"
      "      - {order: [apology, call], points: 10}\n";
  const StepResult refused = judge(call, "对不起,我们不会帮您联系。");
  CHECK_FALSE(refused.rules[0].ok);
  CHECK_FALSE(refused.rules[1].ok);
  CHECK(judge(call, "对不起,我们马上帮您联系。").rules[1].ok);
  // Said twice, the later one is placed.
  CHECK(judge(rules, "短信发不出。实在抱歉,您的短信发不出。").rules[1].ok);
  CHECK(judge(rules, "谢谢您的耐心,实在抱歉。").rules[3].ok);
  CHECK_FALSE(judge(rules, "实在抱歉,谢谢您的耐心。").rules[3].ok);
}

TEST_CASE("matched spans point into the reply as typed") {
  const StepResult result = judge("      - {concept: apology}\n", "王先生，給您添麻煩了！");
  REQUIRE(result.rules[0].matched.size() == 1);
  CHECK(result.text_at(result.rules[0].matched[0]) == "給您添麻煩了");
}

TEST_CASE("negation: false counts topic words after a negation") {
  CHECK_FALSE(ok("{any_of: [短信]}", "手机发不出短信"));
  CHECK(ok("{any_of: [短信], negation: false}", "手机发不出短信"));
}

TEST_CASE("a rule's label replaces the generated description") {
  const StepResult result = judge("      - {regex: '\\d+分钟', label: 给出恢复时间}\n", "十分钟");
  CHECK(result.rules[0].description == "给出恢复时间");
}

TEST_CASE("a title that does not fit the customer is no address by name") {
  // Found by an outside tester: 王女士 and 王阿姨 earned the points for addressing 王先生.
  const std::string by_name = "{addresses_customer: name}";
  CHECK_FALSE(addressed(by_name, "王先生", "王女士,真的非常抱歉").ok);
  CHECK_FALSE(addressed(by_name, "王先生", "王阿姨,麻烦您把手机号码告诉我").ok);
  CHECK_FALSE(addressed(by_name, "李女士", "李先生,真对不起").ok);
  CHECK_FALSE(addressed(by_name, "李女士", "李大哥,您别着急").ok);
  CHECK(addressed(by_name, "王先生", "王大哥,您别着急").ok);
  CHECK(addressed(by_name, "王先生", "王师傅,您慢点").ok);
  CHECK(addressed(by_name, "李女士", "李阿姨,您好").ok);
  CHECK(addressed(by_name, "李女士", "李大姐,您好").ok);
  // Titles of office fit anyone, and a customer known only by one takes any title.
  CHECK(addressed(by_name, "王先生", "王老师,您好").ok);
  CHECK(addressed(by_name, "李女士", "李经理,您好").ok);
  CHECK(addressed(by_name, "王经理", "王女士,您好").ok);
  // The longest title the name ends with is the customer's: 王老先生 is a man named 王.
  CHECK(addressed(by_name, "王老先生", "王先生,您好").ok);
  CHECK_FALSE(addressed(by_name, "王老先生", "王老太太,您好").ok);
  // A bare title must fit too, where the rule accepts one.
  const std::string by_title = "{addresses_customer: title}";
  CHECK(addressed(by_title, "王先生", "大爷,您慢点").ok);
  CHECK_FALSE(addressed(by_title, "王先生", "阿姨,您慢点").ok);
  CHECK(addressed(by_title, "", "阿姨,您慢点").ok);
  // The feedback names the title that was wrong.
  const RuleResult wrong = addressed(by_name, "王先生", "王女士,真的非常抱歉");
  CHECK(wrong.detail.find("王女士") != std::string::npos);
  CHECK(wrong.detail.find("王先生") != std::string::npos);
}

TEST_CASE("titles a service hall uses") {
  CHECK(ok("{addresses_customer: title}", "大爷,您慢点"));
  CHECK(addressed("{addresses_customer: title}", "李女士", "阿姨您好").ok);
}

TEST_CASE("a concept forbidden everywhere fails a step whose rules do not name it") {
  const StepResult insulted = judge("      - {concept: apology}\n", "对不起,你这个笨蛋");
  CHECK(insulted.critical_failed);
  CHECK(insulted.score == 0);
  REQUIRE(insulted.rules.size() == 2);
  CHECK(insulted.rules[1].kind == "forbid");
  CHECK(insulted.rules[1].critical);
  CHECK(insulted.text_at(insulted.rules[1].matched.at(0)) == "笨蛋");
  // Only mentioned, it is not said; and a step that forbids it judges it with its own rule only.
  CHECK_FALSE(
      judge("      - {concept: apology}\n", "对不起,我不会跟您说“笨蛋”这种话").critical_failed);
  const StepResult own_rule = judge("      - {forbid: abuse, critical: true}\n", "笨蛋");
  CHECK(own_rule.critical_failed);
  CHECK(own_rule.rules.size() == 1);
  CHECK_FALSE(judge("      - {concept: apology}\n", "对不起").critical_failed);
}

TEST_CASE("a step's own rule against a concept forbidden everywhere stays critical") {
  // Outside pass 28b, finding 01: `{forbid: blame, points: 10}` without `critical: true` made an
  // insult a 10-point deduction, more lenient than no rule at all.
  const StepResult insulted = judge("      - {forbid: abuse, points: 10}\n", "对不起,你这个笨蛋");
  CHECK(insulted.critical_failed);
  CHECK(insulted.score == 0);
  REQUIRE(insulted.rules.size() == 1);
  CHECK(insulted.rules[0].critical);
  CHECK(insulted.rules[0].max == 10);
  const StepResult polite =
      judge("      - {forbid: abuse, points: 10}\n      - {concept: apology}\n", "对不起");
  CHECK_FALSE(polite.critical_failed);
  CHECK(polite.rules[0].points == 10);
  // A concept forbidden only where a step says so keeps the rule's own choice.
  CHECK_FALSE(judge("      - {forbid: blame, points: 10}\n", "您弄错了").critical_failed);
}

TEST_CASE("a scenario's steps share one list of what no step may say") {
  // Outside pass 16, finding 07: a copy for every step took 88 KB a concept forbidden
  // everywhere (2,000 of them: 187 MB for `coach list`).
  const std::string two_steps =
      test::scenario_with_rules("      - {forbid: abuse, critical: true}\n") +
      "  - id: s2\n    stage: apologize\n    customer: c\n    rules:\n"
      "      - {concept: apology}\n    model_answers: [x]\n";
  test::Fixture fixture(two_steps);
  REQUIRE(fixture.rubric);
  const auto& steps = fixture.rubric->steps();
  REQUIRE(steps.size() == 2);
  CHECK(steps[0].conduct == steps[1].conduct);
  CHECK(steps[0].judged_here.size() == 1);
  CHECK(steps[1].judged_here.empty());
}

TEST_CASE("words in quotation marks are mentioned, not said") {
  CHECK(ok("{forbid: blame}", "我不会跟您说“您弄错了”这种话"));
  CHECK(ok("{forbid: blame}", "我不会跟您说「你弄错了」"));
  CHECK_FALSE(ok("{forbid: blame}", "您弄错了"));
  CHECK_FALSE(ok("{forbid: blame}", "“好吧”,您弄错了"));  // outside the quotation it counts
  CHECK(ok("{forbid: blame}", "您刚才说:“我弄错了?”其实不是这样"));
  CHECK(ok("{forbid: blame}", "“您弄错了”这种话我们不会说"));
  // Taking something as what the quotation says, denied (session 13's note on pass 21).
  CHECK(ok("{none_of: [没那么严重]}", "您反映的情况,我们不会当成“没那么严重”"));
  CHECK(ok("{none_of: [没那么严重]}", "我们绝不会把您的意见当成“没那么严重”的小问题"));
  CHECK_FALSE(ok("{none_of: [没那么严重]}", "我们把这事当成“没那么严重”"));
  CHECK_FALSE(ok("{none_of: [没那么严重]}", "我们不管这些,就当成“没那么严重”"));
}

TEST_CASE("a pause typed inside a forbidden phrase does not hide it") {
  // Found by an outside tester: each passed the critical rule while 您 弄错了 (a space) failed.
  for (const char* reply : {"您……弄错了", "您——弄错了", "您...弄错了", "您~弄错了", "您-弄错了",
                            "您，弄错了", "您嘛,弄错了", "不过您呀,弄错了", "您😅弄错了"}) {
    CAPTURE(reply);
    CHECK_FALSE(ok("{forbid: blame}", reply));
  }
  CHECK_FALSE(ok("{none_of: [您肯定是弄混了]}", "不过您呀,肯定是弄混了"));
  CHECK_FALSE(ok("{none_of: [您肯定弄混了]}", "您肯定……弄混了"));
  CHECK_FALSE(ok("{none_of: [您就是记错了]}", "您啊就是记错了"));
  CHECK_FALSE(ok("{none_of: [您别激动, 系统从来没出过错]}", "您别……激动,我们系统从来……没出过错"));
  CHECK_FALSE(ok("{none_of: [您应该]}", "您呢,应该先看看合同"));
  CHECK_FALSE(ok("{none_of: [您冷静一点]}", "您冷静…一点"));
  // The evidence shows what was typed, the pause with it.
  const StepResult result = judge("      - {forbid: blame}\n", "您……弄错了");
  REQUIRE_FALSE(result.rules.at(0).matched.empty());
  CHECK(std::string_view(result.reply)
            .substr(result.rules[0].matched[0].begin,
                    result.rules[0].matched[0].end - result.rules[0].matched[0].begin) ==
        "您……弄错了");
  // Still excused by a negation that governs it, or a real sentence break.
  CHECK(ok("{forbid: blame}", "我们不会说您……弄错了"));
  CHECK(ok("{none_of: [您弄错了]}", "谢谢您。弄错了的是我们"));
}

TEST_CASE("punctuation between the characters of a forbidden phrase does not hide it") {
  // Outside tester adv43, finding 02: each passed the critical rule at 100 points.
  for (const char* reply : {"你,弄,错,了。", "你、弄、错、了。", "你，弄，错，了", "你別，激動"}) {
    CAPTURE(reply);
    CHECK_FALSE(ok("{none_of: [你弄错了, 你别激动]}", reply));
  }
  CHECK_FALSE(ok("{none_of: [你应该]}", "你,应,该,自己注意。"));
  CHECK_FALSE(ok("{none_of: [我们是按规定办的]}", "我们是按,规,定,办的。"));
  CHECK_FALSE(ok("{none_of: [你别激动]}", "你别,激动。"));
  // Real clause ends are not read through: 理解你 is no single character, and 别 must open its
  // clause with the pronoun.
  CHECK(ok("{none_of: [你应该]}", "我理解你,应该先查一下"));
  CHECK(ok("{none_of: [你别激动]}", "你别,你别,这个我来办"));
  CHECK(ok("{none_of: [您别激动]}", "请您别,您先坐,激动也是难免的"));
  // Still excused by a negation that governs it.
  CHECK(ok("{none_of: [你弄错了]}", "我们不会说你,弄,错,了"));
}

TEST_CASE("taking blame or a promise back is no blame and no promise") {
  // Outside pass 31, findings 01 and 02.
  for (const std::string reply : {"这怎么能怪您自己呢", "这怎么会是您自己的错呢", "何必怪您自己呢",
                                  "这哪里能怪您自己", "没人会说您弄错了", "没有谁会怪您自己",
                                  "我们怎么会怪您自己没注意呢", "谁能说是您弄错了呢"}) {
    CAPTURE(reply);
    CHECK(ok("{none_of: [怪您自己, 是您自己的错, 您弄错了, 您自己没注意]}", reply));
  }
  CHECK_FALSE(ok("{none_of: [怪您自己]}", "这都怪您自己"));
  // Asking how the customer could do a thing blames.
  CHECK_FALSE(ok("{none_of: [乱点]}", "您怎么能自己乱点呢"));
  for (const std::string reply : {"我没有权限答应您要多少赔多少", "我不能随便答应您全赔",
                                  "要多少赔多少我做不到", "全赔,这个我不能随便答应您"}) {
    CAPTURE(reply);
    CHECK(ok("{none_of: [要多少赔多少, 全赔]}", reply));
  }
  CHECK_FALSE(ok("{none_of: [全赔]}", "我答应您全赔"));
  // Outside pass 54, finding 4: a promise only supposed and called a lie in the next clause.
  CHECK(ok("{none_of: [一定全额赔]}", "要是我现在说一定全额赔,那是骗您的"));
  CHECK(ok("{none_of: [全额赔]}", "我要是现在跟您说全额赔,那是骗您的。"));
  CHECK_FALSE(ok("{none_of: [一定全额赔]}", "我们一定全额赔,那是骗您的"));
  CHECK_FALSE(ok("{none_of: [一定全额赔]}", "要是我现在说一定全额赔,您就放心了"));
  // Review of session 19: asking what the customer wants names it, and neither says nor promises
  // it.
  CHECK(ok("{none_of: [被开除]}", "您希望我们怎么处理,是希望她被开除吗?"));
  CHECK(ok("{none_of: [全额赔偿]}", "您是想要我们全额赔偿吗"));
  CHECK_FALSE(ok("{any_of: [道歉]}", "您是希望我们道歉吗?"));
  CHECK_FALSE(ok("{none_of: [被开除]}", "她肯定会被开除的"));
  CHECK_FALSE(ok("{none_of: [别再闹]}", "我希望您别再闹了吗?"));
  // Review of session 18: a refusal of something else in the next clause takes nothing back,
  // and nobody carries no negation to a new sentence.
  CHECK_FALSE(ok("{none_of: [都认]}", "多少钱我们都认,这个我不能保证今天到账"));
  CHECK(ok("{any_of: [取消]}", "我马上为您取消这项服务,这个我不能保证今天到账"));
  CHECK_FALSE(ok("{none_of: [您应该]}", "当时柜台没人您应该早点来"));
}

TEST_CASE("a rhetorical double negative affirms; a yes/no question that denies takes back") {
  // Left alone in session 18: 怎么能不 … 呢 asks how it could not be so, and so says it is.
  for (const std::string reply :
       {"这怎么能不怪您自己呢", "这怎么不是您自己的问题呢", "这咋就不是您自己的错呢",
        "这何尝不是您自己的问题", "您怎么就不能看清楚再点呢"}) {
    CAPTURE(reply);
    CHECK_FALSE(ok("{none_of: [怪您自己, 您自己的问题, 您自己的错, 看清楚再点]}", reply));
  }
  // Who would not make a mistake comforts; 谁 is no head of a double negative.
  CHECK(ok("{none_of: [弄错]}", "谁不会弄错呢"));
  // A yes/no question with a modal before a judging verb denies it; so does one answered no.
  for (const std::string reply :
       {"这能怪您自己吗?当然不能", "这能怪您自己吗", "这也能怪您吗", "那能说是您的错吗",
        "这是您的错吗?当然不是", "是您自己弄错了吗?不是的,是我们的系统出了问题",
        "这是您的问题吗?怎么可能"}) {
    CAPTURE(reply);
    CHECK(ok("{none_of: [怪您自己, 怪您, 是您的错, 您自己弄错了, 您的问题]}", reply));
  }
  // A required phrase asked about is still said: the denial is the forbidding reading's only.
  CHECK(ok("{any_of: [收到短信]}", "您收到短信了吗?没有?那我再发一次"));
  // Asking permission to judge, or answering yes, still judges.
  CHECK_FALSE(ok("{none_of: [您弄错了]}", "我能说是您弄错了吗"));
  CHECK_FALSE(ok("{none_of: [是您的错]}", "这是您的错吗?是的"));
  CHECK_FALSE(ok("{none_of: [是您的错]}", "这是您的错吗?您想想"));
}

TEST_CASE("a forbidden phrase is excused only by a negation that plainly governs it") {
  CHECK(ok("{forbid: blame}", "我们不会说您弄错了"));
  CHECK(ok("{forbid: blame}", "这并不是您的错"));
  CHECK(ok("{none_of: [一定会赔]}", "我没法跟您保证一定会赔"));
  CHECK(ok("{none_of: [给您减免]}", "我这边没办法给您减免"));
  // Across the object of a 把, an adverb or what one lacks to do it (pass 16 re-tests).
  CHECK(ok("{none_of: [输错]}", "您肯定没把号码输错"));
  CHECK(ok("{none_of: [填错]}", "我们不会把您的金额填错"));
  CHECK(ok("{none_of: [保证永远不会]}", "我不敢百分之百保证永远不会再出问题"));
  CHECK(ok("{none_of: [给您开]}", "我没有权限给您开"));
  CHECK(ok("{forbid: blame}", "我不会一上来就说是您弄错了"));
  // A hedge denies too (outside pass 24, finding 03).
  CHECK(ok("{none_of: [是您自己订的]}", "这项业务不一定是您自己订的"));
  CHECK_FALSE(ok("{none_of: [是您自己订的]}", "这项业务一定是您自己订的"));
  CHECK_FALSE(ok("{none_of: [是您自己订的]}", "查不出来,肯定是您自己订的"));
  CHECK_FALSE(ok("{forbid: blame}", "没查一上来就说是您弄错了"));
  CHECK_FALSE(ok("{forbid: blame}", "我们没查就说是您弄错了"));
  // Across a deadline, and to the subject of what 不是 denies (pass 21, findings 01 and 02).
  CHECK(ok("{none_of: [一定能到]}", "我不能保证周二前一定能到"));
  CHECK(ok("{none_of: [一定能修好]}", "我不能保证三天内一定能修好"));
  // A negation further back than the wide reading's seven characters, across words that carry
  // it on (session 13's note: 我没法保证三天之内…).
  CHECK(ok("{none_of: [一定能到]}", "我没法保证三天之内一定能到"));
  CHECK(ok("{none_of: [一定能到]}", "我现在没法跟您保证三天之内一定能到"));
  CHECK_FALSE(ok("{none_of: [一定能到]}", "没问题,我跟您保证三天之内一定能到"));
  CHECK_FALSE(ok("{none_of: [一定能到]}", "我没什么好说的,反正三天之内一定能到"));
  // The wide reading still reaches seven characters: a negation further back governs something
  // else.
  CHECK(ok("{any_of: [给您道歉]}", "我不清楚具体原因先郑重地给您道歉"));
  CHECK(ok("{none_of: [粗心]}", "不是您粗心,手机丢了谁都着急"));
  CHECK(ok("{none_of: [大意]}", "也不是您大意"));
  CHECK_FALSE(ok("{none_of: [一定能到]}", "您放心,周二前一定能到"));
  CHECK_FALSE(ok("{none_of: [一定能到]}", "我保证周二前一定能到"));
  CHECK_FALSE(ok("{none_of: [粗心]}", "不是我说您,您也太粗心了"));
  CHECK_FALSE(ok("{none_of: [粗心]}", "不是我说您粗心"));
  // A concession asserts nothing, and what the clause then refuses to promise is not promised
  // (pass 21, findings 03 and 05).
  CHECK(ok("{none_of: [人很多]}", "不管当时人很多还是少,都不应该这样对您"));
  CHECK(ok("{none_of: [人很多]}", "您是老客户,不管当时营业部人很多还是少,都不应该这样对您"));
  CHECK_FALSE(ok("{none_of: [永远不会]}", "我保证不管怎样永远不会再出问题,您放心"));
  CHECK(ok("{none_of: [人比较多]}", "就算当时人比较多,也不是怠慢您的理由"));
  CHECK(ok("{none_of: [全赔]}", "损失全赔这个我不能随口答应您"));
  CHECK_FALSE(ok("{none_of: [人很多]}", "当时人很多,她忙不过来"));
  CHECK_FALSE(ok("{none_of: [人很多]}", "我们不管人很多还是少"));  // not a concession here
  CHECK_FALSE(ok("{none_of: [全赔]}", "损失全赔,我保证"));
  CHECK_FALSE(ok("{none_of: [输错]}", "您肯定把号码输错了"));
  CHECK_FALSE(ok("{none_of: [输错]}", "没想到您把号码输错了"));
  CHECK_FALSE(ok("{none_of: [给您开]}", "有权限给您开"));
  // A negation of something else before it excuses nothing.
  CHECK_FALSE(ok("{none_of: [您肯定弄混了]}", "系统查不出问题您肯定弄混了"));
  CHECK_FALSE(ok("{none_of: [您应该]}", "不是我说您应该先看看合同"));
  CHECK_FALSE(ok("{none_of: [经理今天不在]}", "真不巧经理今天不在"));
  CHECK_FALSE(ok("{none_of: [经理今天不在]}", "没办法经理今天不在"));
}

TEST_CASE("a rhetorical question affirms what it seems to deny") {
  CHECK_FALSE(ok("{none_of: [是您自己没注意]}", "这难道不是您自己没注意吗?"));
  CHECK_FALSE(ok("{none_of: [是您自己上网忘了]}", "不会是您自己上网忘了吧?"));
  CHECK_FALSE(ok("{none_of: [早就告诉过你]}", "我不是早就告诉过你了吗?"));
  CHECK_FALSE(ok("{none_of: [人太多]}", "这还不是因为人太多嘛"));
  CHECK_FALSE(ok("{none_of: [是您]}", "莫非是您记错了"));
  // Whatever follows the particle: 么, an emoji, an ellipsis.
  CHECK_FALSE(ok("{none_of: [是您自己没看清楚]}", "这不是您自己没看清楚短信么?"));
  CHECK_FALSE(ok("{none_of: [是您自己没注意]}", "这难道不是您自己没注意吗😓"));
  CHECK_FALSE(ok("{none_of: [是您自己订了]}", "不会是您自己订了又忘了吧😅"));
  CHECK(ok("{none_of: [您的错]}", "这不是您的错"));  // a plain denial stays one
}

TEST_CASE("a second 是 starts a sentence the negation before it does not reach") {
  CHECK_FALSE(ok("{none_of: [是您自己没带]}", "我们也没办法是您自己没带身份证"));
  CHECK_FALSE(ok("{none_of: [人太多]}", "她也没办法是人太多"));
  // While a reassurance that denies it stays one.
  CHECK(ok("{none_of: [是您手机的问题]}", "看起来不像是您手机的问题"));
  CHECK(ok("{none_of: [是您手机的问题]}", "并非是您手机的问题"));
  CHECK(ok("{none_of: [可能是您手机的问题]}", "不太可能是您手机的问题"));
}

TEST_CASE("不用您自己查 offers help: it refuses nothing") {
  CHECK(ok("{none_of: [您自己查]}", "不用您自己查,我马上帮您查"));
  CHECK(ok("{none_of: [您自己查]}", "不需要您自己查"));
}

TEST_CASE("quotation marks alone do not excuse what the trainee says") {
  // Marks around a forbidden phrase used to hide it from every forbid rule.
  CHECK_FALSE(ok("{forbid: blame}", "但这件事“您弄错了”"));
  CHECK_FALSE(ok("{forbid: blame}", "「您弄错了」"));
  CHECK_FALSE(ok("{forbid: blame}", "我说“您弄错了”"));  // the trainee says it
  CHECK_FALSE(ok("{forbid: blame}", "我跟您说:“您弄错了”"));
  CHECK(ok("{forbid: blame}", "我们绝不会说:“您弄错了”"));
  // Neither does a negation of something else, nor a lead-in in the trainee's own voice.
  CHECK_FALSE(ok("{forbid: blame}", "不过我还是得说:“您弄错了”"));
  CHECK_FALSE(ok("{forbid: blame}", "真不好意思,我只能说:“您弄错了”"));
  CHECK_FALSE(ok("{forbid: blame}", "对不起,我不得不说“您弄错了”"));
  CHECK_FALSE(ok("{forbid: blame}", "坦白说:“您弄错了”"));
  CHECK_FALSE(ok("{forbid: blame}", "您要知道“您弄错了”"));
  CHECK_FALSE(ok("{forbid: blame}", "不瞒您说:“您弄错了”"));
  CHECK_FALSE(ok("{forbid: blame}", "我不能不说:“您弄错了”"));
  CHECK_FALSE(ok("{forbid: blame}", "我提醒您说“您弄错了”"));
  CHECK_FALSE(ok("{forbid: blame}", "我刚才不是跟您说“您弄错了”吗?"));  // rhetorical
  CHECK_FALSE(ok("{forbid: blame}", "我不是跟您说“您弄错了”吗……"));
  CHECK_FALSE(ok("{forbid: blame}", "我不是跟您说“您弄错了”吗,您怎么还是没带?"));
  CHECK_FALSE(ok("{forbid: blame}", "我早就提醒过您说“您弄错了”"));
  CHECK(ok("{forbid: blame}", "营业员跟您说“您弄错了”,是他说错了"));
  // Words someone else said, or named as words, are mentioned.
  CHECK(ok("{forbid: blame}", "我们的同事跟您说“您弄错了”,这是他说错了"));
  // A clerk (员工, 柜员) is someone else too, with a comma inside the quotation (outside pass 54, 5).
  CHECK(ok("{forbid: blame}", "姓赵的员工对您说“这个不对,您弄错了”,对吗?"));
  CHECK(ok("{forbid: blame}", "那位柜员跟您说“您弄错了”,是她说错了"));
  CHECK_FALSE(ok("{forbid: blame}", "我跟您说“这个不对,您弄错了”"));
  CHECK(ok("{none_of: [应该是]}", "刚才那句“应该是”是我的猜测"));
  CHECK(ok("{none_of: [应该是]}", "刚才“应该是”“大概是”那两句话是我的猜测"));
}

TEST_CASE("a reply of many short quotations marks each of them") {
  std::string reply;
  for (int i = 0; i < 2000; ++i) reply += "您说「好」";
  reply += "您说「您弄错了」,好";
  CHECK(ok("{forbid: blame}", reply));
  CHECK_FALSE(ok("{forbid: blame}", reply + "您弄错了"));
}

TEST_CASE("words a concept's phrase and its pattern both find are evidence once") {
  // Outside pass 28b, finding 10: the JSON report listed the same span twice.
  const StepResult step = judge("      - {concept: invite}\n", "如果您愿意告诉我,我们一起看看");
  REQUIRE(step.rules.size() == 1);
  REQUIRE(step.rules[0].matched.size() == 1);
  CHECK(step.text_at(step.rules[0].matched[0]) == "如果您愿意告诉");
}
