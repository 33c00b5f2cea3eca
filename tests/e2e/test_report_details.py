"""What the reports say in detail: an exam's unmet requirements at steps never answered, the
trainees' mean scores, and the time limits `coach show` lists (outside pass 35, findings 04, 11, 13)."""
import csv
import io
import json
import shutil
import unittest

from coachtest import BUNDLED, FIXTURES, CoachTestCase, run

FORBIDDING_EXAM = """\
id: argue-exam
title: 不争辩证书
scenarios: [missing-balance]
must_pass:
  concepts: [blame, argue]
"""

FEE_EXAM = """\
id: fee-exam
title: 话费考试
scenarios: [fee]
must_pass:
  stages: [apologize]
  concepts: [blame]
"""

# A customer at 95 who leaves at the first "我们下班了": step b is never reached.
WALKOUT = """\
id: walkout
title: 走掉的客户
source: test
customer: {name: 王先生, type: 情绪激动型, mood: 95}
briefing: 测试
pass_mark: 70
steps:
  - id: a
    stage: vent
    customer: 你们乱扣钱!
    rules:
      - {concept: empathy, points: 10}
      - {none_of: [我们下班了], mood: 30}
    model_answers: ["王先生,您的心情我很理解。"]
  - id: b
    stage: follow_up
    customer: 那就这样吧。
    rules:
      - {concept: thanks, points: 10}
    model_answers: ["王先生,谢谢您的耐心。"]
"""

WALKOUT_EXAM = """\
id: walk-exam
title: 考试
scenarios: [walkout]
must_pass:
  stages: [follow_up]
  concepts: [blame, thanks]
"""

# Three steps of equal weight: one answered well scores 33.333…, shown 33.3.
THREE_STEPS = """\
id: three
title: 三步
source: test
customer: {name: 王先生, type: 情绪激动}
briefing: 测试
pass_mark: 70
steps:
""" + "".join(f"""\
  - id: {step}
    stage: vent
    customer: 你们怎么回事?
    rules:
      - {{concept: apology, points: 10}}
    model_answers: ["王先生,真对不起,给您添麻烦了。"]
""" for step in ("a", "b", "c"))


def answers(trainee, scenario, **responses):
    lines = [f"trainee: {trainee}", f"scenario: {scenario}"]
    if not responses:
        return "\n".join(lines + ["responses: {}"]) + "\n"
    lines.append("responses:")
    lines += [f"  {step}: {json.dumps(text, ensure_ascii=False)}" for step, text in responses.items()]
    return "\n".join(lines) + "\n"


def unmet_by_trainee(report_text):
    return {r["trainee"]: r["exam"]["unmet"] for r in json.loads(report_text)["results"]}


class UnansweredStepsUnderAnExam(CoachTestCase):
    """Finding 04: a step not answered (or never reached) said nothing, so it broke no forbidding
    must-pass rule; what it cost the exam is said once, as what it is."""

    def library(self, scenario_yaml, source=BUNDLED):
        library = self.tmp / "library"
        for folder in ("lexicons", "customer-types"):
            shutil.copytree(source / folder, library / folder)
        (library / "scenario.yaml").write_text(scenario_yaml, encoding="utf-8")
        return library

    def test_steps_never_answered_are_not_said_to_break_a_forbidding_rule(self):
        # They are named as not answered, with the rules they could not show kept: leaving out the
        # step a must-pass rule guards must not pass the exam (the review of session 20).
        exam = self.write("exam.yaml", FORBIDDING_EXAM)
        silent = self.write("wang.yaml", answers("王五", "missing-balance"))
        curt = self.write("li.yaml", answers("李四", "missing-balance", vent="你别激动,我们系统不可能乱扣费。"))
        not_answered = {"zh": "未作答,未达成:必过规则「", "en": "was not answered; unmet: must-pass rule “"}
        broken = {"zh": "」未通过", "en": "” failed"}
        for lang in ("zh", "en"):
            with self.subTest(lang=lang):
                result = run("grade", "--exam", str(exam), str(silent), str(curt), "--format", "json", lang=lang)
                self.assertExit(result, 1)
                report = json.loads(result.stdout)
                self.assertEqual({r["trainee"]: r["passed"] for r in report["results"]}, {"王五": False, "李四": False})
                unmet = unmet_by_trainee(result.stdout)
                self.assertEqual(len(unmet["王五"]), 5)  # each step once
                self.assertTrue(unmet["李四"])  # vent was answered and broke neither rule
                for line in unmet["王五"] + unmet["李四"]:
                    self.assertIn(not_answered[lang], line)
                    self.assertNotIn(broken[lang], line)
                    self.assertNotIn("`vent`" if line in unmet["李四"] else "`manager`", line)
        text = run("grade", "--exam", str(exam), str(silent), str(curt), "--format", "text").stdout
        self.assertNotIn("」」未通过", text)
        rows = list(csv.DictReader(io.StringIO(
            run("grade", "--exam", str(exam), str(silent), "--format", "csv").stdout.lstrip("\ufeff"))))
        self.assertIn("步骤 `vent` 未作答,未达成:必过规则「", rows[0]["exam_unmet"])
        self.assertNotIn("」未通过", rows[0]["exam_unmet"])

    def test_a_must_pass_stage_left_unanswered_is_named_once_as_not_answered(self):
        exam = self.write("exam.yaml", FEE_EXAM)
        vent_only = self.write("a.yaml", answers("张三", "fee", vent="王先生,您的心情我很理解,您慢慢说。"))
        expected = {
            "en": "step `apologize` was not answered; unmet: must-pass stage apologize",
            "zh": "步骤 `apologize` 未作答,未达成:必过阶段 apologize",
        }
        for lang, line in expected.items():
            with self.subTest(lang=lang):
                result = run("--scenarios", str(FIXTURES), "grade", "--exam", str(exam), str(vent_only),
                             "--format", "json", lang=lang)
                self.assertExit(result, 1)
                self.assertEqual(unmet_by_trainee(result.stdout), {"张三": [line]})
                text = run("--scenarios", str(FIXTURES), "grade", "--exam", str(exam), str(vent_only),
                           "--format", "text", lang=lang).stdout
                self.assertIn(f"  ✗ {line}\n", text)

    def test_a_must_pass_concept_the_step_asked_for_is_named_with_it(self):
        # Only `apology` is asked for at apologize (a concept rule and an order rule): one line.
        exam = self.write("exam.yaml", FEE_EXAM.replace("[blame]", "[blame, apology]"))
        vent_only = self.write("a.yaml", answers("张三", "fee", vent="王先生,您的心情我很理解,您慢慢说。"))
        result = run("--scenarios", str(FIXTURES), "grade", "--exam", str(exam), str(vent_only),
                     "--format", "json", lang="en")
        self.assertExit(result, 1)
        [line] = unmet_by_trainee(result.stdout)["张三"]
        self.assertTrue(line.startswith("step `apologize` was not answered; unmet: must-pass stage apologize, "
                                        "must-pass rule “"), line)
        self.assertEqual(line.count("must-pass rule “"), 2)  # the concept rule and the order rule

    def test_an_answered_step_still_fails_its_forbidding_rule(self):
        exam = self.write("exam.yaml", FEE_EXAM)
        blaming = self.write("a.yaml", answers("张三", "fee", vent="你弄错了吧。",
                                               apologize="真对不起,给您添麻烦了,原因是系统故障。"))
        result = run("--scenarios", str(FIXTURES), "grade", "--exam", str(exam), str(blaming),
                     "--format", "json", lang="en")
        self.assertExit(result, 1)
        [line] = unmet_by_trainee(result.stdout)["张三"]
        self.assertTrue(line.startswith("step `vent`: must-pass rule “"), line)
        self.assertTrue(line.endswith("” failed"), line)

    def test_a_step_the_customer_left_before_says_it_never_took_place(self):
        library = self.library(WALKOUT)
        exam = self.write("exam.yaml", WALKOUT_EXAM)
        left = self.write("a.yaml", answers("李四", "walkout", a="我们下班了。"))
        expected = {
            "en": "step `b` never took place (the customer had left); unmet: must-pass stage follow_up, "
                  "must-pass rule “",
            "zh": "步骤 `b` 没有进行(客户已经离开),未达成:必过阶段 follow_up、必过规则「",
        }
        for lang, start in expected.items():
            with self.subTest(lang=lang):
                result = run("--scenarios", str(library), "grade", "--exam", str(exam), str(left),
                             "--format", "json", lang=lang)
                self.assertExit(result, 1)
                attempt = json.loads(result.stdout)["results"][0]
                self.assertTrue(attempt["path"]["walked_out"])
                [line] = attempt["exam"]["unmet"]  # nothing about blame: nothing was said at b
                self.assertTrue(line.startswith(start), line)


class StepsWithoutAReply(CoachTestCase):
    """Outside pass 40, findings 05 and 06: a step the customer left before never took place, and
    an unanswered step broke no rule; every report says what the text report says."""

    WALK = answers("张三", "missing-balance", vent="你有病吧,是您自己弄错了,闭嘴", apologize="王先生对不起")

    def test_steps_after_a_walk_out_never_took_place_and_show_the_file_reply(self):
        walk = self.write("walk.yaml", self.WALK)
        text = run("grade", str(walk), "--no-history", lang="en").stdout
        after = text.split("never took place.")[1]
        self.assertIn("(never took place: the customer had left)", after)
        self.assertIn("reply in the file (not scored): 王先生对不起", after)
        self.assertNotIn("not answered", after)
        junit = run("grade", str(walk), "--no-history", "--format", "junit", lang="en").stdout
        apologize = junit.split('name="apologize (apologize)"')[1].split("</testcase>")[0]
        self.assertIn("never took place (the customer had left).", apologize)
        self.assertIn("reply in the file (not scored): 王先生对不起", apologize)
        self.assertNotIn("not answered", apologize)
        report = json.loads(run("grade", str(walk), "--no-history", "--format", "json", lang="en").stdout)
        vent, apologize = report["results"][0]["steps"][:2]
        self.assertTrue(vent["took_place"])
        self.assertNotIn("unscored_reply", vent)
        self.assertEqual((apologize["answered"], apologize["took_place"], apologize["reply"],
                          apologize["unscored_reply"], apologize["score"]),
                         (False, False, "", "王先生对不起", 0))
        self.assertEqual(apologize["rules"][0]["feedback"], "this step never took place (the customer had left).")
        zh = run("grade", str(walk), "--no-history").stdout.split("之后的步骤没有进行。")[1]
        self.assertIn("(没有进行,客户已经离开)", zh)
        self.assertIn("文件中的回答(未计分): 王先生对不起", zh)
        self.assertNotIn("(没有回答)", zh)

    def test_an_unanswered_steps_forbidding_rules_are_not_failed(self):
        skipped = self.write("skip.yaml", answers("张三", "missing-balance", vent="王先生您好,您的心情我很理解,您慢慢说。"))
        junit = run("grade", str(skipped), "--no-history", "--format", "junit", lang="en").stdout
        resolve = junit.split('name="resolve (resolve)"')[1].split("</testcase>")[0]
        self.assertIn("not answered.", resolve)
        self.assertNotIn("(critical)", resolve)
        self.assertNotIn("✗", resolve)
        self.assertNotIn("avoids", resolve)
        markdown = run("grade", str(skipped), "--no-history", "--format", "markdown", lang="en").stdout
        self.assertNotIn("avoids", markdown.split("Rules most often failed")[1])
        row = next(csv.DictReader(io.StringIO(
            run("grade", str(skipped), "--no-history", "--format", "csv").stdout.lstrip("\ufeff"))))
        report = json.loads(run("grade", str(skipped), "--no-history", "--format", "json").stdout)
        failed = [rule for step in report["results"][0]["steps"] for rule in step["rules"] if rule["failed"]]
        self.assertEqual(int(row["failed_rules"]), len(failed))
        forbidding = [rule for step in report["results"][0]["steps"] if not step["answered"]
                      for rule in step["rules"] if rule["kind"] == "forbid"]
        self.assertTrue(forbidding)
        self.assertFalse(any(rule["failed"] for rule in forbidding))


class FeedbackLayout(CoachTestCase):
    """Outside pass 46 (a training lead on whether the feedback teaches), findings 1, 6, 7, 8
    and 12: what decides a step comes first and is said to, a rule that found nothing to forbid
    is no ✓, the summary names the mistakes that zeroed steps, and no keyword list follows the
    trainer's own words."""

    def grade_text(self, scenario, responses, lang="zh"):
        lines = [f"scenario: {scenario}", "responses:"]
        lines += [f"  {step}: {json.dumps(text, ensure_ascii=False)}" for step, text in responses.items()]
        answers = self.write("a.yaml", "\n".join(lines) + "\n")
        return run("--scenarios", str(BUNDLED), "grade", str(answers), "--no-history", lang=lang).stdout

    def test_what_zeroes_a_step_comes_first_and_the_summary_names_it(self):
        text = self.grade_text("sms-failure", {
            "vent": "李先生您好,换了谁都会着急,您的心情我很理解。您慢慢说,我在听。",
            "apologize": "李先生,真的很抱歉给您添麻烦了。我确认一下:您这两天短信一条都发不出去,是这样吗?"})
        vent = text.split("· vent]")[1].split("· apologize]")[0]
        self.assertIn("[第 1 步 · 倾听发泄 · vent] 0/100", text)  # out of 100, not the rules' points
        deciding = vent.index("✗ 称呼对客户的姓和性别")
        self.assertLess(deciding, vent.index("体现「移情"))
        self.assertIn("→ 本步记 0 分:上面这一条一票否决,下面各项的得分不计。", vent)
        header = text.split("· vent]")[0]
        self.assertIn("✗ 第 1、2 步:称呼对客户的姓和性别(“李先生”)", header)

    def test_words_that_broke_a_rule_are_marked_apart_from_those_that_counted(self):
        # Outside pass 47, finding 7: without colour both were 【】; and the points of a step
        # set to zero are said not to count.
        text = self.grade_text("missing-balance", {"vent": "先生您好,您的心情我很理解,您肯定弄混了,是不是上网忘了?"})
        self.assertIn("【您的心情我很理解】,〖✗您肯定弄混了〗", text)
        self.assertIn("✓ 体现「移情(理解客户的心情)」 (35/35,不计)", text)

    def test_a_forbidding_rule_that_found_nothing_is_no_tick(self):
        text = self.grade_text("missing-balance", {"vent": "先生您好,您的心情我很理解,请您慢慢说。"})
        self.assertRegex(text, r"· 避免「责怪、怀疑、教训或讽刺客户」")
        self.assertNotRegex(text, r"✓ 避免「")
        answers = self.tmp / "a.yaml"
        html = run("--scenarios", str(BUNDLED), "grade", str(answers), "--no-history", "--format", "html").stdout
        self.assertIn('<li class="dim">· 避免「责怪、怀疑、教训或讽刺客户」', html)

    def test_a_reply_in_english_is_judged_on_its_language_alone(self):
        text = self.grade_text("missing-balance", {"vent": "Sir, I completely understand how you feel. "
                                                           "Please tell me what happened."}, lang="en")
        vent = text.split("· vent]")[1]
        self.assertIn("✗ answers in Chinese", vent)
        self.assertIn("this step scores 0: the reply is mostly not in Chinese, so nothing else is judged", vent)
        self.assertNotIn("empathy", vent)

    def test_a_step_left_unanswered_is_said_so_in_the_summary(self):
        # finding 13: a session ended early showed the steps it never reached as a 0.
        shown = run("--scenarios", str(BUNDLED), "practice", "missing-balance", "--no-history",
                    "--record", str(self.tmp / "r.yaml"), input="先生您好\n/quit\n").stdout
        summary = shown.split("═══ 总结 ═══")[1]
        self.assertRegex(summary, r"(?m)^  第 2 步 ░+ 道歉复述 未作答$")
        self.assertRegex(summary, r"(?m)^  第 1 步 [█░]+ 倾听发泄 +\d+$")

    def test_steps_are_numbered_and_the_summary_says_what_to_practise_next(self):
        # Outside pass 46, finding 7: step ids (`no_tinted_glasses`) headed the feedback and listed
        # the weak steps, which meant nothing to a new hire, and no line said where to start next.
        shown = run("--scenarios", str(BUNDLED), "practice", "missing-balance", "--no-history",
                    input="您好,我是客服小王,请您慢慢说。\n你确定没用过吗?\n/quit\n").stdout
        self.assertIn("  [第 1 步 · 倾听发泄] 65/100 未通过", shown)
        self.assertIn("  [第 2 步 · 道歉复述] 0/100 未通过", shown)
        self.assertNotRegex(shown, r"\[(vent|apologize)\]|未达及格线.*apologize")
        self.assertIn("(第 1、2、3、4、5 步)", shown)
        self.assertIn("下次重点练第 2 步 · 道歉复述(这次 0 分)。重练这个场景:coach practice missing-balance",
                      shown)

    def test_no_keyword_list_under_the_trainer_s_own_feedback(self):
        text = self.grade_text("hall-outage", {"announce": "各位客户请注意,营业厅暂停办理业务。"})
        announce = text.split("· announce]")[1].split("· explain]")[0]
        self.assertIn("播音要说明原因:由于停电", announce)  # the trainer's own words
        self.assertNotIn("应说到其中之一", announce)
        self.assertNotIn("缺少「", announce)


class TraineeMeanScores(CoachTestCase):
    """Finding 11: the mean of 33.333… and 0 is 16.7, not the 16.6 of 33.3 and 0.0 rounded again."""

    def test_markdown_and_html_round_the_mean_of_the_unrounded_scores_once(self):
        library = self.tmp / "library"
        for folder in ("lexicons", "customer-types"):
            shutil.copytree(FIXTURES / folder, library / folder)
        (library / "three.yaml").write_text(THREE_STEPS, encoding="utf-8")
        submission = self.write("w.yaml", """\
            trainee: 王五
            attempts:
              - scenario: three
                responses:
                  a: 王先生,真对不起,给您添麻烦了。
              - scenario: three
                responses: {}
            """)
        markdown, html = self.tmp / "r.md", self.tmp / "r.html"
        result = run("--scenarios", str(library), "grade", str(submission), "--format", "json",
                     "--report", f"markdown={markdown}", "--report", f"html={html}")
        self.assertExit(result, 1)
        self.assertEqual([r["score"] for r in json.loads(result.stdout)["results"]], [33.3, 0.0])
        self.assertIn("| 王五 | 2 | 0 | 16.7 |", markdown.read_text(encoding="utf-8"))
        self.assertIn('<td class="num">16.7</td>', html.read_text(encoding="utf-8"))


class ShowTimeLimits(CoachTestCase):
    """Finding 13: `coach show` (text) lists a step's time limit, as the JSON does."""

    def test_the_text_shows_the_limit_under_the_customers_line(self):
        shown = json.loads(run("--scenarios", str(FIXTURES), "show", "hurry", "--format", "json").stdout)
        self.assertEqual([step["time_limit"] for step in shown["steps"]], [0, 3])
        expected = {
            "zh": "  客户:快点!我只给你三秒!\n  (限时 3 秒:超时的回答该步不通过,只计一半分)\n",
            "en": "  Customer: 快点!我只给你三秒!\n  (answer within 3 s: a slower reply fails the step "
                  "and counts half)\n",
        }
        for lang, lines in expected.items():
            with self.subTest(lang=lang):
                result = run("--scenarios", str(FIXTURES), "show", "hurry", lang=lang)
                self.assertExit(result, 0)
                self.assertIn(lines, result.stdout)
                self.assertEqual(result.stdout.count("(限时" if lang == "zh" else "(answer within"), 1)


if __name__ == "__main__":
    unittest.main()
