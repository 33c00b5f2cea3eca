#include <doctest/doctest.h>

#include <algorithm>

#include "fixtures.hpp"
#include "load/answers_loader.hpp"
#include "load/customer_types_loader.hpp"
#include "load/identifiers.hpp"
#include "load/lexicon_loader.hpp"
#include "load/roster_loader.hpp"
#include "load/trainee_name.hpp"
#include "model/answers.hpp"
#include "session/answers_writer.hpp"
#include "util/i18n.hpp"

using namespace coach;

namespace {
std::string errors_of(const std::string& yaml) {
  test::Fixture fixture(yaml);
  return fixture.diagnostics.to_string();
}
}  // namespace

TEST_CASE("a valid scenario loads into the model") {
  test::Fixture fixture(
      test::scenario_with_rules("      - {concept: apology, points: 5, critical: true}\n"));
  REQUIRE(fixture.diagnostics.empty());
  const Scenario& s = fixture.rubric->scenario();
  CHECK(s.id == "t");
  CHECK(s.customer.name == "王先生");
  CHECK(s.pass_mark == 70);
  REQUIRE(s.steps.size() == 1);
  CHECK(s.steps[0].stage == Stage::vent);
  CHECK(s.steps[0].rules[0].points == 5);
  CHECK(s.steps[0].rules[0].critical);
}

TEST_CASE("critical rules default to zero points, others to ten") {
  test::Fixture fixture(test::scenario_with_rules(
      "      - {forbid: blame, critical: true}\n      - {concept: apology}\n"));
  REQUIRE(fixture.rubric);
  CHECK(fixture.rubric->scenario().steps[0].rules[0].points == 0);
  CHECK(fixture.rubric->scenario().steps[0].rules[1].points == 10);
}

TEST_CASE("a quoted number or truth value is read from its text, as documented") {
  test::Fixture fixture(
      test::scenario_with_rules("      - {concept: apology, points: \"5\", critical: \"yes\"}\n"));
  REQUIRE(fixture.diagnostics.empty());
  CHECK(fixture.rubric->scenario().steps[0].rules[0].points == 5);
  CHECK(fixture.rubric->scenario().steps[0].rules[0].critical);
  CHECK(
      errors_of(test::scenario_with_rules("      - {concept: apology, critical: \"yes please\"}\n"))
          .find("`critical`") != std::string::npos);
}

TEST_CASE("YAML syntax errors name line and column") {
  CHECK(errors_of("id: t\ntitle: [unclosed\n").starts_with("t.yaml:"));
  CHECK(errors_of("id: t\n  bad: indent\n").find("t.yaml:2:") != std::string::npos);
}

TEST_CASE("unknown keys are reported with the keys allowed") {
  const std::string errors =
      errors_of(test::scenario_with_rules("      - {concept: apology, pionts: 5}\n"));
  CHECK(errors.find("t.yaml:11:") != std::string::npos);
  CHECK(errors.find("`pionts`") != std::string::npos);
  CHECK(errors.find("`points`") != std::string::npos);
}

TEST_CASE("a length no reply can keep is an error at the rule") {
  // Outside pass 28b, finding 04: `min_chars: 20000` and `max_chars: 0` were accepted.
  CHECK(errors_of(test::scenario_with_rules("      - {min_chars: 20000}\n")) ==
        "t.yaml:11:21: 没有回答能有 20,000 个字:一条回答最多 10,000 个字\n");
  CHECK(errors_of(test::scenario_with_rules("      - {max_chars: 0}\n")) ==
        "t.yaml:11:21: `max_chars: 0` 让每条回答都违反这条规则:回答至少有一个字\n");
  CHECK(errors_of(test::scenario_with_rules("      - {min_chars: 10000}\n      - {max_chars: 1}\n"))
            .empty());
  // A value that is no number is that one error, not a second about a 0 nobody wrote.
  const std::string not_a_number =
      errors_of(test::scenario_with_rules("      - {max_chars: abc}\n"));
  CHECK(not_a_number.find("max_chars: 0") == std::string::npos);
  CHECK(std::count(not_a_number.begin(), not_a_number.end(), '\n') == 1);
}

TEST_CASE("every error of a file is reported at once") {
  const std::string yaml =
      "id: Bad Id\ntitle: T\nsource: s\nbriefing: b\npass_mark: 200\nsteps:\n"
      "  - {id: a, stage: venting, customer: c, rules: [{concept: nothing}], model_answers: [x]}\n"
      "  - {id: a, stage: vent, customer: c, rules: [{regex: '(x'}], model_answers: [x]}\n";
  test::Fixture fixture(yaml);
  const std::string errors = fixture.diagnostics.to_string();
  CHECK(errors.find("t.yaml:1:5:") != std::string::npos);   // id
  CHECK(errors.find("t.yaml:5:12:") != std::string::npos);  // pass_mark
  CHECK(errors.find("venting") != std::string::npos);       // stage
  CHECK(errors.find("`a`") != std::string::npos);           // duplicate step id
}

TEST_CASE("unknown concepts are reported where the rule is, invalid regexes where they are") {
  const std::string errors =
      errors_of(test::scenario_with_rules("      - {concept: nothing}\n      - {regex: '(x'}\n"));
  CHECK(errors.find("t.yaml:11:9:") != std::string::npos);
  CHECK(errors.find("nothing") != std::string::npos);
  CHECK(errors.find("t.yaml:12:17:") != std::string::npos);
}

TEST_CASE("a rule that asks for a concept forbidden everywhere is an error at the rule") {
  // abuse is forbidden in every step: saying it fails the step, so asking for it can never pass.
  CHECK(errors_of(
            test::scenario_with_rules("      - {concept: apology}\n      - {concept: abuse}\n")) ==
        "t.yaml:12:9: 这条规则要求说出「辱骂客户」,但词库把 `abuse` 标为处处禁止"
        "(forbidden_everywhere,lexicon.yaml:19):说了它这一步就不通过,所以这条规则永远无法满足\n");
  CHECK(errors_of(test::scenario_with_rules("      - {order: [apology, abuse]}\n"))
            .find("t.yaml:11:9: 这条规则要求说出「辱骂客户」") != std::string::npos);
  const Language before = language();
  set_language(Language::en);
  CHECK(errors_of(test::scenario_with_rules("      - {concept: abuse}\n"))
            .find("t.yaml:11:9: this rule asks for “辱骂客户”, but the lexicon forbids `abuse` "
                  "everywhere (forbidden_everywhere, lexicon.yaml:19)") != std::string::npos);
  set_language(before);
  // Forbidding it, or asking for other concepts, is what such a concept is for.
  CHECK(errors_of(test::scenario_with_rules("      - {forbid: abuse, critical: true}\n")).empty());
  CHECK(errors_of(test::scenario_with_rules("      - {order: [apology, explain]}\n")).empty());
}

TEST_CASE("rule ids are unique in their step, and an order names only rules with a place") {
  CHECK(errors_of(test::scenario_with_rules("      - {id: facts, regex: '短信'}\n"
                                            "      - {order: [apology, facts]}\n"))
            .empty());
  CHECK(errors_of(test::scenario_with_rules("      - {id: facts, regex: '短信'}\n"
                                            "      - {id: facts, concept: apology}\n")) ==
        "t.yaml:12:14: 规则 id `facts` 在本步骤中已用过\n");
  CHECK(errors_of(test::scenario_with_rules("      - {id: short, min_chars: 5}\n"
                                            "      - {order: [apology, short]}\n")) ==
        "t.yaml:12:27: `order` 只能排列概念,或本步骤中 concept、regex、any_of 规则的 id;"
        "规则 `short` 不是\n");
  CHECK(errors_of(test::scenario_with_rules("      - {id: Facts-1, regex: '短信'}\n"))
            .find("t.yaml:11:14: 规则 id") != std::string::npos);
  // An id that names no rule of the step is a concept id, reported as unknown if it is none.
  CHECK(errors_of(test::scenario_with_rules("      - {order: [apology, facts]}\n")).find("facts") !=
        std::string::npos);
}

TEST_CASE("wrong types are reported") {
  CHECK(errors_of(test::scenario_with_rules("      - {concept: [a, b]}\n")).find("t.yaml:11:") !=
        std::string::npos);
  CHECK(errors_of("- a\n- b\n").find("t.yaml:1:1:") != std::string::npos);
  CHECK(errors_of(test::scenario_with_rules("      - {concept: apology, critical: maybe}\n"))
            .find("critical") != std::string::npos);
}

TEST_CASE("a rule needs exactly one kind") {
  CHECK(!errors_of(test::scenario_with_rules("      - {points: 5}\n")).empty());
  CHECK(
      !errors_of(test::scenario_with_rules("      - {concept: apology, forbid: blame}\n")).empty());
}

TEST_CASE("a sentence cut at ASCII commas in a flow list is flagged") {
  const std::string yaml =
      "id: t\ntitle: T\nsource: s\nbriefing: b\nsteps:\n"
      "  - id: s\n    stage: vent\n    customer: c\n    rules: [{concept: apology}]\n"
      "    model_answers: [王先生,您好]\n";
  const std::string errors = errors_of(yaml);
  CHECK(errors.find("t.yaml:10:21:") != std::string::npos);
  // The two halves are quoted like any value from a file: a long one is capped.
  const std::string half(1000, 'x');
  const std::string long_halves = errors_of(
      "id: t\ntitle: T\nsource: s\nbriefing: b\nsteps:\n"
      "  - id: s\n    stage: vent\n    customer: c\n    rules: [{concept: apology}]\n"
      "    model_answers: [" +
      half + "," + half + "]\n");
  CHECK(long_halves.find("“" + std::string(64, 'x') + "…”") != std::string::npos);
  CHECK(long_halves.size() < 1000);
}

TEST_CASE("a text cut short by a ` #` YAML reads as a comment is refused; a comment is not") {
  const auto scenario = [](const std::string& customer, const std::string& answer) {
    return "id: t\ntitle: T\nsource: s\nbriefing: b\nsteps:\n"
           "  - id: s\n    stage: vent\n    customer: " +
           customer + "\n    rules: [{concept: apology}]\n    model_answers:\n      - " + answer +
           "\n";
  };
  CHECK(errors_of(scenario("请按 #号键转人工", "对不起")).find("t.yaml:8:18:") !=
        std::string::npos);
  CHECK(errors_of(scenario("您好", "对不起,订单 #123 已处理")).find("t.yaml:11:16:") !=
        std::string::npos);
  CHECK(errors_of(scenario("请按号键  # 客户的第一句", "对不起  #")) == "");
  CHECK(errors_of(scenario("请按号键  #　客户的第一句", "对不起  #\t注释")) == "");
}

TEST_CASE("a glued `#` starting a line the text could have gone on to is refused there") {
  const auto scenario = [](const std::string& after_customer) {
    return "id: t\ntitle: T\nsource: s\nbriefing: b\nsteps:\n"
           "  - id: s\n    #TODO 整理\n    stage: vent\n    customer: 打客服电话,按了\n" +
           after_customer + "    rules: [{concept: apology}]\n    model_answers: [对不起]\n";
  };
  // Indented more than `customer:`, even after a blank line: YAML would have gone on there.
  CHECK(errors_of(scenario("      #号键转人工也没人接!\n")).find("t.yaml:10:7:") !=
        std::string::npos);
  CHECK(errors_of(scenario("\n     #号键\n")).find("t.yaml:11:6:") != std::string::npos);
  // A comment before the next key, a comment with a space after the `#` (ASCII or ideographic).
  CHECK(errors_of(scenario("    #号键\n")) == "");
  CHECK(errors_of(scenario("      # 号键\n")) == "");
  CHECK(errors_of(scenario("      #　号键\n")) == "");
  // A text on the line below its key goes on at the column it starts at.
  CHECK(errors_of("id: t\ntitle: T\nsource: s\nbriefing:\n  说明\n  #号键\nsteps: []\n")
            .find("t.yaml:6:3:") != std::string::npos);
}

TEST_CASE("a reply cut by a glued `#` on its next line is refused at the `#`") {
  Diagnostics diagnostics;
  parse_answers("scenario: t\nresponses:\n  s: 王先生您好,\r\n    #号键的问题我记下了\n  u: 好的\n",
                "a.yaml", diagnostics);
  CHECK(diagnostics.to_string().find("a.yaml:4:5:") != std::string::npos);
  Diagnostics comment_line;
  parse_answers("scenario: t\nresponses:\n  s: 王先生您好\n  #下一步\n  u: 好的\n", "a.yaml",
                comment_line);
  CHECK(comment_line.empty());
}

TEST_CASE("pathological nesting is refused before the parser recurses") {
  CHECK(errors_of(std::string(100000, '[')).find("t.yaml:1:") != std::string::npos);
}

TEST_CASE("a phrase of nothing but spaces, quotation marks or invisible characters is refused") {
  const std::string errors = errors_of(
      test::scenario_with_rules("      - {any_of: [回访, '“  ”']}\n      - {all_of: ['   ']}\n"
                                "      - {none_of: [\"\\u200b\"]}\n"));
  CHECK(
      errors ==
      "t.yaml:11:23: `any_of` 中的““  ””只有空白、引号或看不见的字符,比较时什么也不剩,"
      "永远匹配不到\n"
      "t.yaml:12:19: `all_of` 中的“   ”只有空白、引号或看不见的字符,比较时什么也不剩,永远匹配不到\n"
      "t.yaml:13:20: `none_of` 中的“\\u200B”只有空白、引号或看不见的字符,比较时什么也不剩,"
      "永远匹配不到\n");

  Lexicon lexicon;
  Diagnostics diagnostics;
  set_language(Language::en);
  parse_lexicon(
      "concepts:\n  a: {label: A, source: s, phrases: [x, '　']}\n"
      "  b: {label: B, source: s, phrases: ['“”']}\n",
      "l.yaml", lexicon, diagnostics);
  set_language(Language::zh);
  const std::string english = diagnostics.to_string();
  CHECK(english ==
        "l.yaml:2:41: “　” in `phrases` holds only spaces, quotation marks or invisible "
        "characters: nothing is left of it to match\n"
        "l.yaml:3:38: ““”” in `phrases` holds only spaces, quotation marks or "
        "invisible characters: nothing is left of it to match\n");
}

TEST_CASE("a model answer is held to the length of a trainee's reply") {
  std::string yaml = test::scenario_with_rules("      - {concept: apology}\n");
  const std::string longest(kMaxReplyCharacters, 'a');
  CHECK(errors_of(yaml.replace(yaml.find("[x]"), 3, "[x, " + longest + "]")).empty());
  const std::string error = errors_of(yaml.replace(yaml.find(longest), 0, "b"));
  CHECK(error == "t.yaml:12:24: `model_answers` 中的回答太长(上限 10,000 字,与学员的回答相同)\n");
}

TEST_CASE("lexicon errors: duplicate concepts, missing phrases") {
  Lexicon lexicon;
  Diagnostics diagnostics;
  parse_lexicon("concepts:\n  a: {label: A, source: s, phrases: [x]}\n", "one.yaml", lexicon,
                diagnostics);
  parse_lexicon("concepts:\n  a: {label: A, source: s, phrases: [y]}\n  b: {label: B, source: s}\n",
                "two.yaml", lexicon, diagnostics);
  const std::string errors = diagnostics.to_string();
  CHECK(errors.find("two.yaml:2:3:") != std::string::npos);
  CHECK(errors.find("one.yaml:2") != std::string::npos);
  CHECK(errors.find("two.yaml:3:") != std::string::npos);
}

TEST_CASE("a concept forbidden everywhere may not hold a phrase of one character") {
  Lexicon lexicon;
  Diagnostics diagnostics;
  parse_lexicon(
      "concepts:\n  rude: {label: R, source: s, forbidden_everywhere: true, phrases: [滚, "
      "\"“的”\", 闭嘴]}\n  ok: {label: O, source: s, phrases: [好]}\n",
      "l.yaml", lexicon, diagnostics);
  const std::string errors = diagnostics.to_string();
  CHECK(errors.find("l.yaml:2:69: “滚”只有一个字") != std::string::npos);
  CHECK(errors.find("l.yaml:2:72: ““的””只有一个字") != std::string::npos);
  CHECK(diagnostics.size() == 2);
}

TEST_CASE("a name looked up by name may not hide an invisible character") {
  // The customer type would silently be no preset: another anger, no reactions.
  std::string yaml = test::scenario_with_rules("      - {concept: apology}\n");
  const std::string customer = "{name: 王先生}";
  yaml.replace(yaml.find(customer), customer.size(), "{name: 王先生, type: 情绪激动型\u200b}");
  CHECK(errors_of(yaml).find("t.yaml:4:29: 客户类型 `情绪激动型\\u200B` 中有看不见的字符") !=
        std::string::npos);
  CustomerTypes types;
  Diagnostics preset;
  parse_customer_types("types:\n  急躁型\u200d: {source: s, mood: 60}\n", "p.yaml", types, preset);
  CHECK(types.empty());
  CHECK(preset.to_string().find("p.yaml:2:3: 客户类型 `急躁型\\u200D`") != std::string::npos);
  Diagnostics answers;
  parse_answers("scenario: t\u2060\nresponses: {s: 您好}\n", "a.yaml", answers);
  CHECK(answers.to_string().find("a.yaml:1:11: 场景 `t\\u2060`") != std::string::npos);
}

TEST_CASE("a name looked up by name may not be empty") {
  // `type: ""` was taken silently as no type, and a preset keyed `""` as a preset nothing names.
  std::string yaml = test::scenario_with_rules("      - {concept: apology}\n");
  const std::string customer = "{name: 王先生}";
  yaml.replace(yaml.find(customer), customer.size(), "{name: 王先生, type: \"\"}");
  CHECK(errors_of(yaml).find("t.yaml:4:29: 客户类型不能为空") != std::string::npos);
  CustomerTypes types;
  Diagnostics preset;
  parse_customer_types("types:\n  \" \": {source: s, mood: 60}\n", "p.yaml", types, preset);
  CHECK(types.empty());
  CHECK(preset.to_string().find("p.yaml:2:3: 客户类型不能为空") != std::string::npos);
}

TEST_CASE("a concept id with an invisible character is shown with it") {
  Lexicon lexicon;
  Diagnostics diagnostics;
  parse_lexicon("concepts:\n  empathy\u200b: {label: A, source: s, phrases: [x]}\n", "l.yaml",
                lexicon, diagnostics);
  CHECK(diagnostics.to_string().find("l.yaml:2:3: 概念名 `empathy\\u200B`") != std::string::npos);
  test::Fixture fixture(test::scenario_with_rules("      - {forbid: blame\u200b}\n"));
  CHECK(fixture.diagnostics.to_string().find("未知的概念 `blame\\u200B`") != std::string::npos);
}

TEST_CASE("answers files: one attempt or several") {
  Diagnostics diagnostics;
  auto one =
      parse_answers("trainee: 张三\nscenario: t\nresponses:\n  s: 您好\n", "a.yaml", diagnostics);
  REQUIRE(one);
  CHECK(one->trainee == "张三");
  REQUIRE(one->attempts.size() == 1);
  CHECK(one->attempts[0].find("s")->text == "您好");
  auto several = parse_answers(
      "trainee: 李四\nattempts:\n  - {scenario: t, responses: {s: a}}\n  - {scenario: u, "
      "responses: {}}\n",
      "b.yaml", diagnostics);
  REQUIRE(several);
  CHECK(several->attempts.size() == 2);
  CHECK(diagnostics.empty());
}

// `practice --trainee` checks a name with trainee_name_problem before the session; a name it
// lets through must come back from the recording as the same trainee, and one grading would
// refuse must be refused up front (QA: a tab in the name lost the whole session at grading).
TEST_CASE("a name practice accepts is one grading accepts, trimmed the same") {
  const std::string names[] = {
      "张三",       " 张三\u3000", "\u00A0Ann ",          "张\t三",
      "张\n三",     "张三\r",      "\x1B[31m张三",        "张\u200B三",
      "张\u202E三", "\u00AD张三",  std::string(201, 'a'), std::string(200, 'a'),
      "",           "   ",         "张\uFE0F三",          "张\U000E0001三",
      "\u3164张三", "张\u034F三",  "张\U0001D173三",      "张\U000E0100三"};
  for (const std::string& name : names) {
    CAPTURE(name);
    const std::string trimmed = trim_trainee_name(name);
    const bool accepted = trainee_name_problem(trimmed, "--trainee").empty();
    AnswersFile recording;
    recording.trainee = trimmed;
    recording.attempts.push_back(Attempt{});
    recording.attempts.back().scenario_id = "t";
    Diagnostics diagnostics;
    const auto graded = parse_answers(format_answers(recording), "r.yaml", diagnostics);
    CHECK(graded.has_value() == accepted);
    if (graded) CHECK(graded->trainee == trimmed);
  }
  CHECK(trim_trainee_name(" \u3000张 三\u00A0 ") == "张 三");
}

TEST_CASE("a name from the command line must be UTF-8: its recording has to be readable") {
  CHECK(trainee_name_problem("\xE5\xBC", "--trainee").find("UTF-8") != std::string::npos);
  CHECK(trainee_name_problem("张三", "--trainee").empty());
}

TEST_CASE("a name's problem reads as Chinese, with `code` set off and Chinese words not") {
  set_language(Language::zh);
  CHECK(trainee_name_problem("张\x01三", "姓名") == "姓名含有控制字符 U+0001");
  CHECK(trainee_name_problem("张\x01三", "`trainee`") == "`trainee` 含有控制字符 U+0001");
  set_language(Language::en);
  const std::string english = trainee_name_problem("张\x01三", "the name");
  set_language(Language::zh);
  CHECK(english == "the name contains control character U+0001");
}

TEST_CASE("answers files: bad input is reported") {
  Diagnostics diagnostics;
  CHECK_FALSE(parse_answers("scenario: t\nresponses: [a]\n", "a.yaml", diagnostics));
  CHECK_FALSE(parse_answers("responses: {s: a}\n", "b.yaml", diagnostics));
  CHECK_FALSE(
      parse_answers("scenario: t\nresponses:\n  s: \"\\e[31mred\"\n", "c.yaml", diagnostics));
  CHECK_FALSE(parse_answers("scenario: t\nresponse: {}\n", "d.yaml", diagnostics));
  const std::string errors = diagnostics.to_string();
  CHECK(errors.find("a.yaml:2:12:") != std::string::npos);
  CHECK(errors.find("b.yaml:1:1:") != std::string::npos);
  CHECK(errors.find("c.yaml:3:6:") != std::string::npos);
  CHECK(errors.find("d.yaml:2:1:") != std::string::npos);
}

TEST_CASE("the recorded path, which grading ignores, is held to the rules of every text") {
  Diagnostics good;
  CHECK(parse_answers(
      "scenario: t\nresponses: {s: a}\npath:\n  - {step: s, customer: 你好, mood: 40}\n", "g.yaml",
      good));
  CHECK(good.empty());
  Diagnostics bad;
  CHECK_FALSE(parse_answers(
      "scenario: t\nresponses: {s: a}\npath: [{step: s, customer: \"\\e[2J\", mood: 1e999}]\n",
      "p.yaml", bad));
  const std::string errors = bad.to_string();
  CHECK(errors.find("p.yaml:3:28: `customer`") != std::string::npos);
  CHECK(errors.find("p.yaml:3:43: `mood`") != std::string::npos);
  Diagnostics shape;
  CHECK_FALSE(
      parse_answers("scenario: t\nresponses: {s: a}\npath: [{stage: s}]\n", "q.yaml", shape));
  CHECK(shape.to_string().find("`stage`") != std::string::npos);
}

TEST_CASE("an answers file of no attempt is refused at its `attempts` key") {
  Diagnostics diagnostics;
  CHECK_FALSE(parse_answers("trainee: 张三\nattempts: []\n", "a.yaml", diagnostics));
  CHECK_FALSE(parse_answers("trainee: 张三\nattempts:\n\n  []\n", "b.yaml", diagnostics));
  REQUIRE(diagnostics.size() == 2);
  CHECK(diagnostics.items()[0].to_string() ==
        "a.yaml:2:1: 答案文件中没有作答(`attempts` 是空列表)");
  CHECK(diagnostics.items()[1].mark.line == 2);
  CHECK(diagnostics.items()[1].mark.column == 1);
}

TEST_CASE("a name typed with a combining accent is the same trainee as the composed one") {
  CHECK(trim_trainee_name(" Jose\u0301 ") == "Jos\u00e9");
  CHECK(trim_trainee_name("Jos\u00e9") == "Jos\u00e9");
  CHECK(trim_trainee_name("张三") == "张三");
  CHECK(trim_trainee_name("\xff") == "\xff");  // refused later, with the reason
}

TEST_CASE(
    "a roster: one trainee a line, comments (after ` #` too) and blanks skipped, each problem "
    "placed") {
  Diagnostics diagnostics;
  const auto roster = parse_roster(
      "\xEF\xBB\xBF# cohort A\r\n张三\r\n\r\n 李四\u3000\nJose\u0301\n", "r.txt", diagnostics);
  REQUIRE_MESSAGE(roster, diagnostics.to_string());
  CHECK(*roster == std::vector<std::string>{"张三", "李四", "Jos\u00e9"});

  Diagnostics bad;
  CHECK_FALSE(parse_roster("张三\n张三\n王\u200b五\n李\uFE0F四\n\uFFA0赵六\n", "r.txt", bad));
  REQUIRE(bad.size() == 4);
  CHECK(bad.items()[0].mark.line == 2);
  CHECK(bad.items()[1].mark.line == 3);
  CHECK(bad.items()[2].mark.line == 4);
  CHECK(bad.items()[3].mark.line == 5);
  Diagnostics commented;
  const auto leads =
      parse_roster("张三 #组长\n李四\t# 替补\n王五\u3000#新人\n赵#六\n", "r.txt", commented);
  REQUIRE_MESSAGE(leads, commented.to_string());
  CHECK(*leads == std::vector<std::string>{"张三", "李四", "王五", "赵#六"});

  Diagnostics empty;
  CHECK_FALSE(parse_roster("# nobody yet\n", "r.txt", empty));
  CHECK(empty.size() == 1);
}

namespace {
std::vector<std::string> roster_problems(const std::string& content) {
  set_language(Language::en);
  Diagnostics diagnostics;
  const bool parsed = parse_roster(content, "r.txt", diagnostics).has_value();
  set_language(Language::zh);
  CHECK_FALSE(parsed);
  std::vector<std::string> problems;
  for (const auto& item : diagnostics.items()) problems.push_back(item.to_string());
  return problems;
}
}  // namespace

TEST_CASE("a full-width ＃ in a roster is refused where it is, not taken into the name") {
  // Outside pass 52, finding 5: 好二 ＃组长 became the name, and every answers file was blamed.
  CHECK(roster_problems("好一\n好二 ＃组长\n") ==
        std::vector<std::string>{"r.txt:2:4: this is a full-width “＃”: a comment in the roster "
                                 "starts with an ASCII #, after a space"});
  CHECK(roster_problems("好一＃组长\n").at(0).starts_with("r.txt:1:3: "));
}

TEST_CASE("a NUL in a roster is refused where it is, never cuts or drops a name") {
  // Read as a C string, "\0李四" was an empty line and 李四 vanished from the exam.
  CHECK(roster_problems(std::string("张三\n\0李四\n王\0五\n", 20)) ==
        std::vector<std::string>{"r.txt:2:1: the name contains a NUL byte (\\0)",
                                 "r.txt:3:2: the name contains a NUL byte (\\0)"});
  CHECK(trim_trainee_name(std::string("王\0五", 7)) == std::string("王\0五", 7));
}

TEST_CASE("a roster's problem is placed at the character at fault, and named") {
  CHECK(roster_problems("\xEF\xBB\xBF张三\n李四\t组长\n 王五\u200B\n\x1B[1m赵六\n") ==
        std::vector<std::string>{"r.txt:2:3: the name contains a tab",
                                 "r.txt:3:4: the name contains invisible characters: 王五\\u200B",
                                 "r.txt:4:1: the name contains control character U+001B"});
  CHECK(roster_problems("张三\n\u3000" + std::string(201, 'a') + "\n") ==
        std::vector<std::string>{"r.txt:2:2: the name is too long (limit 200 bytes)"});
  CHECK(roster_problems("张三\r李四\r") ==
        std::vector<std::string>{"r.txt:1:3: a line break that is a lone CR (classic Mac line "
                                 "endings): save the roster with LF or CR LF line endings"});
  CHECK(roster_problems("李\uFFFE四\n" + std::string(201, 'a') + "\n") ==
        std::vector<std::string>{"r.txt:1:2: the name contains U+FFFE, which is not text",
                                 "r.txt:2:1: the name is too long (limit 200 bytes)"});
}

TEST_CASE("an id's message names the rule it breaks, not the character set it keeps") {
  set_language(Language::en);
  CHECK(id_problem("2024-spring", "exam id") ==
        "exam id `2024-spring` must start with a lowercase letter");
  // Quoted up to the limit only: a 15 MB id would otherwise be 15 MB on stderr and in reports.
  CHECK(id_problem(std::string(65, 'a'), "scenario id") ==
        "scenario id `" + std::string(64, 'a') + "…` is too long (limit 64 characters)");
  CHECK(id_problem(std::string(15'000'000, 'a'), "scenario id").size() < 200);
  CHECK(id_problem("Bad Id", "exam id") ==
        "exam id `Bad Id` may only use lowercase letters, digits, - and _");
  CHECK(concept_id_problem("a-b", "concept id") ==
        "concept id `a-b` may only use lowercase letters, digits and _");
  CHECK(id_problem(std::string(64, 'a'), "step id").empty());
  CHECK(concept_id_problem("empathy_2", "concept id").empty());
  set_language(Language::zh);
  CHECK(id_problem("1st-reply", "步骤 id") == "步骤 id `1st-reply` 必须以小写字母开头");
}

namespace {
// A scenario of two steps (the customer's anger starts at 50, the default), the conditions
// given as YAML: flow mappings for the first step's `when:` and the second's, the keys of a
// `customer_if:` line for the first step.
std::string with_conditions(const std::string& first_when, const std::string& second_when,
                            const std::string& first_line_if = "") {
  const auto when = [](const std::string& condition) {
    return condition.empty() ? std::string() : ", when: " + condition;
  };
  const std::string line_if =
      first_line_if.empty() ? "" : ", customer_if: [{line: l, " + first_line_if + "}]";
  return "id: t\ntitle: T\nsource: test\ncustomer: {name: 王先生}\nbriefing: b\nsteps:\n"
         "  - {id: a, stage: vent, customer: c" +
         when(first_when) + line_if +
         ", rules: [{concept: apology}], model_answers: [x]}\n"
         "  - {id: b, stage: vent, customer: c" +
         when(second_when) + ", rules: [{concept: apology}], model_answers: [x]}\n";
}
}  // namespace

TEST_CASE("a condition that can never hold is an error where it is written") {
  CHECK(errors_of(with_conditions("", "{said: apology, not_said: apology}")) ==
        "t.yaml:8:45: 这个条件永远不会成立(`apology` 不可能既说过又没说过)\n");
  // The first step is played before any reply: nothing said yet, the anger where it started.
  CHECK(errors_of(with_conditions("{said: apology}", "")) ==
        "t.yaml:7:45: 这个条件永远不会成立(这是第一步,学员还没有回答过,不可能已经说过 "
        "`apology`)\n");
  CHECK(errors_of(with_conditions("{mood_above: 60}", "")) ==
        "t.yaml:7:45: 这个条件永远不会成立(这是第一步,还没有回答改变过怒气,它仍是开始时的 "
        "50,不高于 60)\n");
  CHECK(errors_of(with_conditions("{mood_below: 50}", "")).find("不低于 50") != std::string::npos);
  CHECK(errors_of(with_conditions("", "", "said: apology")).find("不可能已经说过") !=
        std::string::npos);
  const Language before = language();
  set_language(Language::en);
  CHECK(errors_of(with_conditions("", "{said: apology, not_said: apology}"))
            .find("this condition can never hold (`apology` cannot be both said and not said)") !=
        std::string::npos);
  set_language(before);
}

TEST_CASE("conditions that can hold are accepted") {
  CHECK(errors_of(with_conditions("{not_said: apology}", "{said: apology}")).empty());
  CHECK(errors_of(with_conditions("{mood_above: 40, mood_below: 60}", "{mood_above: 60}")).empty());
  CHECK(errors_of(with_conditions("", "{said: apology, not_said: blame}", "not_said: blame"))
            .empty());
}

TEST_CASE("a step whose rules are all worth no points is refused where its rules are") {
  // It scored 0/0, which counts as full marks: "嗯" passed it, and validate said nothing.
  CHECK(errors_of(test::scenario_with_rules("      - {concept: empathy, points: 0}\n"
                                            "      - {min_chars: 5, points: 0}\n")) ==
        "t.yaml:11:7: 每个步骤至少要有一条有分值的规则(`points` 大于 0)或一条关键规则:全是 0 "
        "分的步骤得 0/0 分,任何回答都会通过\n");
  // A critical rule, worth nothing unless told, can still fail the step.
  CHECK(errors_of(test::scenario_with_rules("      - {forbid: blame, critical: true}\n")).empty());
  CHECK(errors_of(test::scenario_with_rules("      - {concept: empathy, points: 0}\n"
                                            "      - {concept: apology, points: 1}\n"))
            .empty());
  const Language before = language();
  set_language(Language::en);
  CHECK(errors_of(test::scenario_with_rules("      - {concept: empathy, points: 0}\n"))
            .find("a step needs at least one rule with points") != std::string::npos);
  set_language(before);
}

TEST_CASE("a scenario whose steps all weigh nothing is refused at its steps") {
  // Every attempt scored 0 and failed, every step passed, and no report said why (outside pass
  // 22, finding 02).
  const auto weighted = [](const std::string& weight) {
    std::string yaml = test::scenario_with_rules("      - {concept: apology}\n");
    const std::string step = "    stage: vent\n";
    return yaml.replace(yaml.find(step), step.size(), step + "    weight: " + weight + "\n");
  };
  CHECK(errors_of(weighted("0")) ==
        "t.yaml:7:3: 至少要有一个步骤的 `weight` 大于 0:作答的得分是各步得分按 `weight` 加权的平均,"
        "权重全是 0 时任何作答都得 0 分\n");
  CHECK(errors_of(weighted("1")).empty());
  // One step may weigh nothing when another counts.
  std::string two = weighted("0") +
                    "  - id: s2\n    stage: resolve\n    customer: c\n    rules:\n"
                    "      - {concept: apology}\n    model_answers: [x]\n";
  CHECK(errors_of(two).empty());
}

TEST_CASE("a customer who starts at the walk-out limit is refused at the starting anger") {
  // Every attempt failed whatever was said, and validate accepted the scenario.
  const auto with_customer = [](const std::string& customer) {
    std::string yaml = test::scenario_with_rules("      - {concept: apology}\n");
    const std::string named = "{name: 王先生}";
    return yaml.replace(yaml.find(named), named.size(), customer);
  };
  CHECK(errors_of(with_customer("{name: 王先生, mood: 90, limit: 80}")) ==
        "t.yaml:4:29: 客户开始时的怒气 90 已经到了离开的界限 80:客户一开始就会离开,"
        "任何作答都不会通过;`mood` 应低于 `limit`\n");
  // Without a customer type the limit is 100.
  CHECK(errors_of(with_customer("{name: 王先生, mood: 100}")).starts_with("t.yaml:4:29: "));
  CHECK(errors_of(with_customer("{name: 王先生, mood: 79, limit: 80}")).empty());
  // With a type, the type's values are known only with the library (checked there).
  CHECK(errors_of(with_customer("{name: 王先生, type: 急躁型, mood: 100}")).find("界限") ==
        std::string::npos);
  CustomerTypes types;
  Diagnostics preset;
  parse_customer_types("types:\n  急躁型: {source: s, mood: 85, limit: 85}\n", "p.yaml", types,
                       preset);
  CHECK(preset.to_string().starts_with("p.yaml:2:26: 客户开始时的怒气 85 已经到了离开的界限 85"));
}
