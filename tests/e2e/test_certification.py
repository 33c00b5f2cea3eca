"""Certification in CI: exams, many submissions at once, and every report format."""
import csv
import hashlib
import io
import json
import os
import pty
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET
from pathlib import Path

from coachtest import BUNDLED, COACH, DATA_HOME, FIXTURES, ROOT, CoachTestCase, run, wait_until_ending_signals_held
import test_grade

IN_CI = bool(os.environ.get("CI"))
SCHEMA = ROOT / "docs" / "report.schema.json"
JUNIT_XSD = ROOT / "tests" / "schemas" / "junit.xsd"
FORMATS = ["text", "json", "junit", "csv", "markdown", "html"]

GOOD = "trainee: {who}\nscenario: fee\nresponses:\n  vent: 王先生,您的心情我很理解,您慢慢说。\n  apologize: 真对不起,给您添麻烦了,原因是系统故障。\n"
WEAK = "trainee: {who}\nscenario: fee\nresponses:\n  vent: 王先生,您的心情我很理解。\n  apologize: 好的。\n"
BLAME = "trainee: {who}\nscenario: fee\nresponses:\n  vent: 你弄错了吧。\n  apologize: 真对不起,给您添麻烦了,原因是系统故障。\n"

EXAM = """\
id: fee-exam
title: 话费考试
scenarios: [fee]
attempts: 2
must_pass:
  stages: [apologize]
  concepts: [blame]
"""

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
      - {forbid: blame, critical: true}
    model_answers: ["王先生,您的心情我很理解。"]
  - id: b
    stage: follow_up
    customer: 那就这样吧。
    rules:
      - {concept: thanks, points: 10}
    model_answers: ["王先生,谢谢您的耐心。"]
"""


def grade(*args, env=None, lang="en"):
    return run("--scenarios", str(FIXTURES), "grade", *args, env=env, lang=lang)


def grade_bundled_exam(test, replies, trainee="张三"):
    """Grades one trainee's submission of the bundled exam: `replies` maps each scenario to its
    responses (step → reply). JSON report, English messages."""
    for scenario_id, responses in replies.items():
        lines = [f"trainee: {trainee}", f"scenario: {scenario_id}", "responses:"]
        lines += [f"  {step}: {json.dumps(text, ensure_ascii=False)}" for step, text in responses.items()]
        test.write(f"sub/{scenario_id}.yaml", "\n".join(lines) + "\n")
    return run("--scenarios", str(BUNDLED), "grade", "--exam", str(ROOT / "exams" / "basic-certificate.yaml"),
               str(test.tmp / "sub"), "--format", "json", lang="en")


def needs_tool(available, name):
    """Skips on a developer machine without the tool; in CI the tool must be there."""
    if available:
        return
    if IN_CI:
        raise AssertionError(f"{name} is required in CI (scripts/install-deps installs it)")
    raise unittest.SkipTest(f"{name} is not installed")


class Exams(CoachTestCase):
    def setUp(self):
        super().setUp()
        self.exam = self.write("exam.yaml", EXAM)

    def test_a_cohort_passes_and_fails_per_trainee(self):
        self.write("in/zhang.yaml", GOOD.format(who="张三"))
        self.write("in/li-1.yaml", WEAK.format(who="李四"))
        self.write("in/li-2.yaml", GOOD.format(who="李四"))   # second try counts
        self.write("in/wang-1.yaml", WEAK.format(who="王五"))
        self.write("in/wang-2.yaml", WEAK.format(who="王五"))
        self.write("in/wang-3.yaml", GOOD.format(who="王五"))  # third try: not counted
        result = grade("--exam", str(self.exam), str(self.tmp / "in"), "--format", "json")
        self.assertExit(result, 1)
        report = json.loads(result.stdout)
        verdicts = {t["trainee"]: t["passed"] for t in report["exam"]["trainees"]}
        self.assertEqual(verdicts, {"张三": True, "李四": True, "王五": False})
        last = next(r for r in report["results"] if r["file"].endswith("wang-3.yaml"))
        self.assertEqual(last["exam"], {"attempt": 3, "counted": False, "unmet": []})
        self.assertTrue(last["passed"])

    def test_a_trainee_named_as_an_anonymous_files_path_is_another_submission(self):
        # Outside pass 38, finding 01: the two were merged, and the exam passed on both files.
        anonymous = self.write("in/x.yaml", GOOD.split("\n", 1)[1])
        self.write("in/y.yaml", WEAK.format(who=f'"{anonymous}"'))
        result = grade("--exam", str(self.exam), str(self.tmp / "in"), "--format", "json")
        self.assertExit(result, 1)
        trainees = json.loads(result.stdout)["exam"]["trainees"]
        self.assertEqual([(t["trainee"], t.get("anonymous", False), t["passed"]) for t in trainees],
                         [(str(anonymous), False, False), (str(anonymous), True, True)])
        # Outside pass 48, finding 10: only JSON told the two apart; the anonymous one is marked
        # in every other format.
        in_markdown = str(anonymous).replace("_", "\\_")  # a temporary folder's name may hold one
        for format, named, unnamed in (("text", f"✗ {anonymous}:", f"✓ (anonymous) {anonymous}:"),
                                       ("markdown", f"| {in_markdown} | ❌ |", f"| (anonymous) {in_markdown} | ✅ |"),
                                       ("junit", f'name="{anonymous}"', f'name="(anonymous) {anonymous}"'),
                                       ("html", f">{anonymous}</button>", f">(anonymous) {anonymous}</button>")):
            with self.subTest(format=format):
                shown = grade("--exam", str(self.exam), str(self.tmp / "in"), "--format", format).stdout
                self.assertIn(named, shown)
                self.assertIn(unnamed, shown)

    def test_a_roster_fails_who_handed_nothing_in_and_refuses_strangers(self):
        self.write("in/zhang.yaml", GOOD.format(who="张三"))
        roster = self.write("roster.txt", "# 第一期\n张三\n李四\n")
        result = grade("--exam", str(self.exam), "--roster", str(roster), str(self.tmp / "in"), "--format", "json")
        self.assertExit(result, 1)  # 李四 handed nothing in: the gate fails
        verdicts = {t["trainee"]: t["passed"] for t in json.loads(result.stdout)["exam"]["trainees"]}
        self.assertEqual(verdicts, {"张三": True, "李四": False})
        stranger = self.write("in/zhao.yaml", GOOD.format(who="赵六"))
        result = grade("--exam", str(self.exam), "--roster", str(roster), str(self.tmp / "in"), "--format", "json")
        self.assertExit(result, 2)
        self.assertIn(f"{stranger}:1:10: trainee `赵六` is not on the roster", result.stderr)
        self.assertExit(grade("--roster", str(roster), str(self.tmp / "in")), 2)  # needs --exam

    def test_the_csv_has_a_row_for_a_scenario_never_attempted(self):
        # Outside pass 38, finding 04: 李四, on the roster, handed nothing in; the sheet's rows all
        # passed while the gate failed.
        self.write("in/zhang.yaml", GOOD.format(who="张三"))
        roster = self.write("roster.txt", "张三\n李四\n")
        result = grade("--exam", str(self.exam), "--roster", str(roster), str(self.tmp / "in"),
                       "--format", "csv")
        self.assertExit(result, 1)
        rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"), newline="")))
        self.assertEqual([(r["trainee"], r["scenario"], r["passed"]) for r in rows],
                         [("张三", "fee", "true"), ("李四", "fee", "false")])
        self.assertEqual((rows[1]["file"], rows[1]["score"], rows[1]["exam_attempt"],
                          rows[1]["exam_counted"], rows[1]["exam_unmet"]),
                         ("", "", "0", "false", "not attempted"))
        self.assertEqual(len(rows[1]), len(rows[0]))

    def test_the_text_report_says_not_attempted_where_nothing_was_handed_in(self):
        # Outside pass 26, finding 01: a scenario never attempted read as a score of 0.0.
        self.write("in/zhang.yaml", WEAK.format(who="张三"))
        roster = self.write("roster.txt", "张三\n李四\n")
        result = grade("--exam", str(self.exam), "--roster", str(roster), str(self.tmp / "in"), "--format", "text")
        self.assertExit(result, 1)
        trainees = {line.split(":")[0].strip("✗✓ "): line for line in result.stdout.splitlines()
                    if line.startswith(("  ✗ ", "  ✓ "))}
        self.assertNotIn("not attempted", trainees["张三"])
        self.assertIn("(not attempted)", trainees["李四"])
        self.assertNotIn("0.0", trainees["李四"])

    def test_a_bad_exam_or_roster_grades_nobody_but_still_writes_every_report_saying_why(self):
        # A CI job publishes the reports it finds: yesterday's all-green ones must not survive a
        # run that failed, nor may a fresh workspace be left with no report at all.
        self.write("in/zhang.yaml", GOOD.format(who="张三"))
        junit, summary = self.tmp / "junit.xml", self.tmp / "summary.md"
        reports = [str(self.tmp / "in"), "--format", "junit", "-o", str(junit), "--report", f"markdown={summary}"]
        roster = self.write("roster.txt", "张三\n")
        self.assertExit(grade("--exam", str(self.exam), "--roster", str(roster), *reports), 0)
        twice = self.write("twice.txt", "张三\n李四\n张三   # 重复\n")
        bad_exam = self.write("bad.yaml", "id: Bad Id\ntitle: x\nscenarios: [fee]\n")
        absent = self.tmp / "absent.txt"
        for args, error in [
                (["--exam", str(self.exam), "--roster", str(twice)],
                 f"{twice}:3:1: `张三` is listed twice (also on line 1): submissions are matched by name"),
                (["--exam", str(bad_exam), "--roster", str(roster)], f"{bad_exam}:1:5:"),
                (["--exam", str(self.exam), "--roster", str(absent)], f"{absent}:")]:
            with self.subTest(error):
                result = grade(*args, *reports)
                self.assertExit(result, 2)
                self.assertIn(error, result.stderr)
                suites = ET.parse(junit).getroot()
                self.assertEqual(suites.get("errors"), "1")
                self.assertEqual([s.get("name") for s in suites], ["files that could not be graded"])
                self.assertIn(error, suites.find(".//error").text)
                markdown = summary.read_text(encoding="utf-8")
                self.assertIn("**0 attempts: 0 passed, 0 failed", markdown)
                self.assertIn("⚠️ 1 input error: nothing was graded.", markdown)
                # Markdown escapes ` and _ (a temporary folder's name may hold one).
                escaped = error.replace("`", "\\`").replace("_", "\\_")
                self.assertIn(escaped.split(" (")[0], markdown)

    def test_a_report_refused_over_an_input_still_writes_the_others_saying_why(self):
        # A refused report left the previous run's other reports in place, which a CI job then
        # published as this run's (adversarial pass 12, finding 03).
        self.write("in/zhang.yaml", GOOD.format(who="张三"))
        junit, summary = self.tmp / "junit.xml", self.tmp / "summary.md"
        roster = self.write("roster.txt", "张三\n")
        reports = ["--exam", str(self.exam), "--roster", str(roster), str(self.tmp / "in"), "--format", "junit",
                   "-o", str(junit), "--report", f"markdown={summary}"]
        self.assertExit(grade(*reports), 0)
        result = grade(*reports, "--report", f"csv={roster}")
        self.assertExit(result, 2)
        error = f"the output file {roster} is a file being read ({roster}) and would be overwritten"
        self.assertIn(error, result.stderr)
        self.assertEqual(roster.read_text(encoding="utf-8"), "张三\n")
        suites = ET.parse(junit).getroot()
        self.assertEqual(suites.get("errors"), "1")
        self.assertEqual([s.get("name") for s in suites], ["files that could not be graded"])
        self.assertIn(error, suites.find(".//error").text)
        self.assertIn("⚠️ 1 input error: nothing was graded.", summary.read_text(encoding="utf-8"))

    def test_attempts_count_in_the_order_they_are_numbered(self):
        # Byte order would put try 10 before try 2 and count it among the first two.
        for n in range(1, 11):
            self.write(f"in/zhao-{n}.yaml", (GOOD if n == 2 else WEAK).format(who="赵六"))
        report = json.loads(grade("--exam", str(self.exam), str(self.tmp / "in"), "--format", "json").stdout)
        self.assertEqual([r["file"].rsplit("-", 1)[1] for r in report["results"]][:3], ["1.yaml", "2.yaml", "3.yaml"])
        self.assertEqual({t["trainee"]: t["passed"] for t in report["exam"]["trainees"]}, {"赵六": True})

    def test_spaces_around_a_name_do_not_make_another_trainee(self):
        # Invisible in every report, a trailing or ideographic space split one trainee's
        # submission in two, and each half failed the exam.
        exam = self.write("exam2.yaml", "id: two\ntitle: 两个场景\nscenarios: [fee, hurry]\n")
        self.write("in/a.yaml", GOOD.format(who='"张三 "'))
        self.write("in/b.yaml", "trainee: \"\u3000张三\"\nscenario: hurry\nresponses:\n"
                   "  vent: 王先生,您的心情我很理解。\n")
        result = grade("--exam", str(exam), str(self.tmp / "in"), "--format", "json")
        verdicts = json.loads(result.stdout)["exam"]["trainees"]
        self.assertEqual([v["trainee"] for v in verdicts], ["张三"])
        self.assertEqual({r["trainee"] for r in json.loads(result.stdout)["results"]}, {"张三"})

    def test_everyone_passing_exits_0(self):
        result = grade("--exam", str(self.exam), str(self.write("a.yaml", GOOD.format(who="张三"))))
        self.assertExit(result, 0)
        self.assertIn("Exam fee-exam", result.stdout)

    def test_a_submission_of_no_attempt_cannot_pass_the_gate(self):
        # It used to exit 0 with the trainee missing from the exam table.
        empty = self.write("empty.yaml", "trainee: 张三\nattempts: []\n")
        result = grade("--exam", str(self.exam), str(empty), "--format", "json")
        self.assertExit(result, 2)
        self.assertIn(f"{empty}:2:1: the answers file holds no attempt", result.stderr)
        chinese = grade(str(empty), lang="zh")
        self.assertExit(chinese, 2)
        self.assertIn(f"{empty}:2:1: 答案文件中没有作答", chinese.stderr)
        # A session left before the first reply is recorded as `responses: {}`: graded, failed.
        unanswered = self.write("unanswered.yaml", "trainee: 张三\nscenario: fee\nresponses: {}\n")
        result = grade("--exam", str(self.exam), str(unanswered), "--format", "json")
        self.assertExit(result, 1)
        verdicts = {t["trainee"]: t["passed"] for t in json.loads(result.stdout)["exam"]["trainees"]}
        self.assertEqual(verdicts, {"张三": False})

    def test_a_must_pass_concept_fails_the_attempt(self):
        result = grade("--exam", str(self.exam), str(self.write("a.yaml", BLAME.format(who="张三"))),
                       "--format", "json")
        self.assertExit(result, 1)
        unmet = json.loads(result.stdout)["results"][0]["exam"]["unmet"]
        self.assertEqual(len(unmet), 1)
        self.assertIn("must-pass rule", unmet[0])

    def test_an_exam_pass_mark_never_certifies_a_customer_who_walked_out(self):
        # An exam with its own pass mark judged the attempt again and forgot the walk-out:
        # FAILED without --exam, PASSED with it.
        library = self.tmp / "library"
        for folder in ("lexicons", "customer-types"):
            shutil.copytree(BUNDLED / folder, library / folder)
        (library / "walkout.yaml").write_text(WALKOUT, encoding="utf-8")
        exam = self.write("walk-exam.yaml", "id: walk-exam\ntitle: 考试\nscenarios: [walkout]\npass_mark: 50\n")
        answers = self.write("walk.yaml", "trainee: 李四\nscenario: walkout\nresponses:\n"
                             "  a: 王先生,您的心情我很理解。\n  b: 谢谢您,不过我们没错,我说的没错。\n")
        for exam_args in ([], ["--exam", str(exam)]):
            result = run("--scenarios", str(library), "grade", *exam_args, str(answers),
                         "--format", "json", lang="en")
            self.assertExit(result, 1)
            attempt = json.loads(result.stdout)["results"][0]
            self.assertTrue(attempt["path"]["walked_out"])
            self.assertFalse(attempt["passed"])

    def test_a_scenario_outside_the_exam_is_bad_input(self):
        exam = self.write("other.yaml", EXAM.replace("[fee]", "[fee, refund]"))
        result = grade("--exam", str(exam), str(self.write("a.yaml", GOOD.format(who="张三"))))
        self.assertExit(result, 2)
        self.assertIn("other.yaml:3:18: unknown scenario `refund`", result.stderr)

    def test_exam_errors_point_at_the_line_and_grade_nothing(self):
        exam = self.write("bad.yaml", "id: Bad Id\ntitle: x\nscenarios: [fee]\nattempts: 99\ncolour: red\n")
        result = grade("--exam", str(exam), str(self.write("a.yaml", GOOD.format(who="张三"))))
        self.assertExit(result, 2)
        self.assertEqual(result.stdout, "Summary: 0 attempts, 0 passed, 0 failed\n"
                                        "3 input errors; nothing was graded (see stderr)\n")
        for where in ["bad.yaml:1:5:", "bad.yaml:4:11:", "bad.yaml:5:1:"]:
            self.assertIn(where, result.stderr)

    def test_the_bundled_exam_certifies_the_model_answers(self):
        for scenario_id in ["airline-delay", "missing-balance", "sms-failure"]:
            lines = ["trainee: 张三", f"scenario: {scenario_id}", "responses:"]
            lines += [f"  {step}: {json.dumps(text, ensure_ascii=False)}"
                      for step, text in self.model_answers(scenario_id, BUNDLED).items()]
            self.write(f"sub/{scenario_id}.yaml", "\n".join(lines) + "\n")
        result = run("--scenarios", str(BUNDLED), "grade", "--exam", str(ROOT / "exams" / "basic-certificate.yaml"), str(self.tmp / "sub"))
        self.assertExit(result, 0)

    def test_the_bundled_exam_never_certifies_a_telegram_of_keywords(self):
        # 王先生,原因是,办理,今天之内。 earned every rule of the step and certified: the keywords
        # stood one per clause, where keyword stuffing did not look.
        result = run("--scenarios", str(BUNDLED), "grade", "--exam", str(ROOT / "exams" / "basic-certificate.yaml"),
                     str(ROOT / "tests" / "data" / "answers" / "telegram-exam.yaml"), "--format", "json", lang="en")
        self.assertExit(result, 1)
        report = json.loads(result.stdout)
        self.assertFalse(report["exam"]["trainees"][0]["passed"])
        stuffed = {(attempt["scenario"], step["id"]) for attempt in report["results"]
                   for step in attempt["steps"] if step["stuffed"]}
        failed = {(attempt["scenario"], step["id"]) for attempt in report["results"]
                  for step in attempt["steps"] if not step["passed"]}
        # A bare 原因是 is no explanation (it needs the cause after it), so 王先生,原因是,办理,今天之内
        # holds too few rubric words to be a telegram: it fails on what it lacks instead.
        for scenario in ["airline-delay", "sms-failure"]:
            self.assertIn((scenario, "resolve"), stuffed)
        self.assertIn(("missing-balance", "resolve"), failed)
        # 我是工号1234 is a sentence said to the customer: the rest of that reply is a telegram
        # all the same, but one sentence makes it a reply.
        for scenario, step in [("missing-balance", "follow_up"), ("missing-balance", "gather"),
                               ("sms-failure", "gather")]:
            self.assertIn((scenario, step), stuffed)
        coherence = [rule for attempt in report["results"] for step in attempt["steps"]
                     for rule in step["rules"] if rule["kind"] == "coherence"]
        self.assertTrue(all("string of keywords" in rule["feedback"] for rule in coherence))

    def test_the_bundled_exam_never_certifies_the_rubric_filled_in_as_a_form(self):
        # Outside pass 53, finding 3: 称谓:王先生;道歉:对不起;复述:… at every step certified at 93.8–100.
        result = run("--scenarios", str(BUNDLED), "grade", "--exam", str(ROOT / "exams" / "basic-certificate.yaml"),
                     str(ROOT / "tests" / "data" / "answers" / "form-exam.yaml"), "--format", "json", lang="en")
        self.assertExit(result, 1)
        report = json.loads(result.stdout)
        self.assertFalse(report["exam"]["trainees"][0]["passed"])
        steps = [step for attempt in report["results"] for step in attempt["steps"]]
        self.assertEqual(len(steps), 15)
        self.assertTrue(all(step["stuffed"] and step["score"] == 0 for step in steps))
        self.assertTrue(all("hears no labels" in step["rules"][-1]["feedback"] for step in steps))

    def test_a_sentence_pasted_over_and_over_scores_nothing(self):
        answers = self.model_answers("missing-balance", BUNDLED)
        answers["vent"] *= 150
        lines = ["trainee: 张三", "scenario: missing-balance", "responses:"]
        lines += [f"  {step}: {json.dumps(text, ensure_ascii=False)}" for step, text in answers.items()]
        path = self.write("pasted.yaml", "\n".join(lines) + "\n")
        result = run("--scenarios", str(BUNDLED), "grade", str(path), "--format", "json", lang="en")
        steps = {step["id"]: step for step in json.loads(result.stdout)["results"][0]["steps"]}
        self.assertTrue(steps["vent"]["stuffed"])
        self.assertEqual(steps["vent"]["score"], 0)
        self.assertIn("over and over", steps["vent"]["rules"][-1]["feedback"])
        self.assertFalse(steps["apologize"]["stuffed"])


class Batches(CoachTestCase):
    def cohort(self, size=30):
        for i in range(size):
            text = (GOOD if i % 3 else WEAK).format(who=f"学员{i:03d}")
            self.write(f"cohort/group{i % 4}/t{i:03d}.yaml", text)
        return self.tmp / "cohort"

    def test_a_bad_file_is_reported_and_the_rest_graded(self):
        folder = self.cohort(6)
        (folder / "bad-utf8.yaml").write_bytes(b"scenario: fee\nresponses:\n  vent: \xff\xfe\n")
        (folder / "escape.yaml").write_text("scenario: fee\nresponses:\n  vent: \"\\e[31m红\"\n", encoding="utf-8")
        (folder / "huge.yaml").write_bytes(b"#" * (17 << 20))
        result = grade(str(folder), "--format", "json")
        self.assertExit(result, 2)
        report = json.loads(result.stdout)
        self.assertEqual(report["summary"]["total"], 6)
        self.assertEqual(report["summary"]["rejected_files"], 3)
        for name in ["bad-utf8.yaml", "escape.yaml", "huge.yaml"]:
            self.assertIn(name, result.stderr)
        self.assertNotIn("\x1b", result.stderr + result.stdout)

    def grade_as_another_user(self, *args):
        """`grade` run by a user the folders' modes apply to: as root (CI), user nobody."""
        command = [COACH, "--scenarios", str(FIXTURES), "grade", "--no-history", *args]
        if os.geteuid() == 0:
            needs_tool(shutil.which("setpriv"), "setpriv")
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
            self.tmp.chmod(0o755)  # nobody may enter the test's folder
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "COACH_"))}
        env.update({"LANG": "en_US.UTF-8", "NO_COLOR": "1"})
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)

    def test_an_unreadable_folder_in_a_batch_is_reported_and_every_other_file_graded(self):
        # Found by an outside tester: the walk stopped at a sub-folder it could not read (a
        # lost+found, another user's folder), and every file after it in directory order was
        # left out without a word: a trainee was failed as absent, or certified on a later try.
        folder = self.cohort(40)
        locked = folder / "group1" / "locked"
        locked.mkdir()
        (locked / "hidden.yaml").write_text(GOOD.format(who="藏起来的"), encoding="utf-8")
        locked.chmod(0)
        result = self.grade_as_another_user(str(folder), "--format", "json")
        self.assertExit(result, 2)
        report = json.loads(result.stdout)
        self.assertEqual(report["summary"]["total"], 40)
        self.assertIn(f"{locked}: cannot read the directory", result.stderr)
        # Named on its own, it is unreadable, not empty.
        alone = self.grade_as_another_user(str(locked))
        self.assertExit(alone, 2)
        self.assertIn(f"{locked}: cannot read the directory", alone.stderr)
        self.assertNotIn("no answers files", alone.stderr)

    def test_a_name_with_a_line_break_or_tab_is_bad_input(self):
        # A name is one line in every report: "x\n| 张三 | ✅ |" would forge a row of the summary.
        folder = self.cohort(2)
        self.write("cohort/forged.yaml", 'trainee: "x\\n| 张三 | ✅ |"\nscenario: fee\nresponses: {}\n')
        self.write("cohort/tab.yaml", 'trainee: "a\\tb"\nscenario: fee\nresponses: {}\n')
        result = grade(str(folder), "--format", "markdown")
        self.assertExit(result, 2)
        self.assertIn("forged.yaml:1:10: `trainee` contains a line break (U+000A)", result.stderr)
        self.assertIn("tab.yaml:1:10: `trainee` contains a tab", result.stderr)
        self.assertNotIn("| 张三 | ✅ |", result.stdout)

    def test_a_carriage_return_in_a_reply_never_reaches_a_report_raw(self):
        folder = self.cohort(1)
        self.write("cohort/cr.yaml", 'trainee: cr\nscenario: fee\nresponses:\n  vent: "好的\\r王先生,您的心情我很理解"\n')
        for fmt in FORMATS:
            with self.subTest(format=fmt):
                result = grade(str(folder), "--format", fmt)
                self.assertNotIn("\r", result.stdout.replace("\r\n", ""))
        # Refused as the README says (outside pass 26): the JSON report carried it raw.
        result = grade(str(folder), "--format", "text")
        self.assertExit(result, 2)
        self.assertIn("cr.yaml:4:9: reply contains control characters", result.stderr)

    def test_a_file_name_with_a_line_break_stays_on_its_line(self):
        # Without `trainee:`, the file is the submission and its path names it.
        folder = self.cohort(1)
        self.write("cohort/a\n| forged | ✅ |.yaml", "scenario: fee\nresponses: {}\n")
        markdown = grade(str(folder), "--format", "markdown").stdout
        self.assertNotIn("\n| forged", markdown)
        self.assertIn(r"a\\x0A\| forged \| ✅ \|.yaml", markdown)  # \\ is Markdown for \
        text = grade(str(folder), "--format", "text").stdout
        self.assertNotIn("\n| forged", text)

    def test_a_file_name_with_a_bidi_override_is_shown_as_in_error_messages(self):
        # U+202E shows a\u202egnp.yaml as "alpy.png": on a terminal, in a CI view, in a browser.
        folder = self.cohort(1)
        self.write("cohort/a\u202egnp.yaml", "scenario: fee\nresponses: {}\n")
        self.write("cohort/d\u202ex.yaml", "scenario: [\n")
        for fmt in FORMATS:
            with self.subTest(format=fmt):
                out = self.tmp / f"report.{fmt}"
                result = grade(str(folder), "--no-history", "--format", fmt, "-o", str(out))
                self.assertExit(result, 2)
                report = out.read_text(encoding="utf-8")
                self.assertIn("d\\u202Ex.yaml:2:1: YAML syntax error", result.stderr)
                self.assertNotIn("\u202e", result.stdout + result.stderr + report)
                self.assertIn("\\u202Egnp.yaml", report)
                if fmt not in ("text", "csv"):  # they count rejected files, and name them on stderr
                    self.assertIn("\\u202Ex.yaml", report)
        report = json.loads((self.tmp / "report.json").read_text(encoding="utf-8"))
        self.assertEqual(Path(report["results"][0]["file"]).name, "a\\u202Egnp.yaml")
        self.assertEqual(Path(report["rejected"][0]["file"]).name, "d\\u202Ex.yaml")

    def test_a_file_name_with_an_invisible_format_character_is_shown_escaped(self):
        # U+FFF9 is no default-ignorable character but draws as nothing: a\ufff9b.yaml is not ab.yaml.
        folder = self.cohort(1)
        self.write("cohort/a\ufff9b.yaml", "scenario: fee\nresponses: {}\n")
        for fmt in FORMATS:
            with self.subTest(format=fmt):
                out = self.tmp / f"report.{fmt}"
                grade(str(folder), "--no-history", "--format", fmt, "-o", str(out))
                report = out.read_text(encoding="utf-8")
                self.assertNotIn("\ufff9", report)
                self.assertIn("\\uFFF9b.yaml", report)

    def test_an_unknown_scenario_id_is_quoted_up_to_64_characters(self):
        path = self.write("long.yaml", "scenario: " + "m" * 1_000_000 + "\nresponses:\n  vent: x\n")
        for fmt in ["json", "junit", "markdown", "html"]:
            with self.subTest(format=fmt):
                result = grade(str(path), "--no-history", "--format", fmt)
                self.assertExit(result, 2)
                self.assertIn("unknown scenario `" + "m" * 64 + "…`; see `coach list`", result.stderr)
                self.assertLess(len(result.stderr), 500)
                self.assertIn("m" * 64 + "…", result.stdout)
                self.assertLess(len(result.stdout), 10_000)
        result = run("--scenarios", str(FIXTURES), "--no-history", "practice", "m" * 100_000, lang="en")
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("unknown scenario `" + "m" * 64 + "…`", result.stderr)
        self.assertLess(len(result.stderr), 500)

    def test_every_format_is_the_same_bytes_twice(self):
        folder = self.cohort()
        exam = self.write("exam.yaml", EXAM)
        for fmt in FORMATS:
            with self.subTest(format=fmt):
                first = grade("--exam", str(exam), str(folder), "--format", fmt)
                second = grade("--exam", str(exam), str(folder), "--format", fmt)
                self.assertEqual(first.returncode, 1)
                self.assertEqual(first.stdout, second.stdout)

    def test_output_file_equals_stdout(self):
        folder = self.cohort(5)
        out = self.tmp / "report.json"
        self.assertExit(grade(str(folder), "--format", "json", "-o", str(out)), 1)
        self.assertEqual(out.read_text(encoding="utf-8"), grade(str(folder), "--format", "json").stdout)

    def test_one_run_writes_several_reports_each_as_alone(self):
        folder = self.cohort(5)
        exam = self.write("exam.yaml", EXAM)
        reports = [f"--report={fmt}={self.tmp / ('report.' + fmt)}" for fmt in FORMATS]
        result = grade("--exam", str(exam), str(folder), "--format", "junit", *reports)
        self.assertExit(result, 1)
        for fmt in FORMATS:
            with self.subTest(format=fmt):
                alone = grade("--exam", str(exam), str(folder), "--format", fmt).stdout
                self.assertEqual((self.tmp / ("report." + fmt)).read_text(encoding="utf-8"), alone)
        self.assertExit(grade(str(folder), "--report", "pdf=x.pdf"), 2)
        self.assertExit(grade(str(folder), "--report", "junit"), 2)

    def test_a_reader_that_stops_early_costs_no_report_and_leaves_no_temporary_file(self):
        # `grade … --report … | head`: SIGPIPE killed grade before the --report files were
        # written, leaving their hidden temporary files behind.
        folder = self.cohort(30)
        reports = {fmt: self.tmp / f"out/report.{fmt}" for fmt in ("markdown", "junit")}
        reports["markdown"].parent.mkdir()
        options = [f"--report={fmt}={path}" for fmt, path in reports.items()]
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "COACH_"))}
        env.update({"LANG": "en_US.UTF-8", "NO_COLOR": "1", "XDG_DATA_HOME": DATA_HOME})
        read_end, write_end = os.pipe()
        os.close(read_end)  # the reader has gone before the first byte
        try:
            result = subprocess.run([COACH, "--scenarios", str(FIXTURES), "grade", str(folder), *options],
                                    stdout=write_end, stderr=subprocess.PIPE, text=True, env=env, timeout=60)
        finally:
            os.close(write_end)
        self.assertEqual(result.returncode, 1, result.stderr)  # the cohort's verdict, not 141
        self.assertEqual(result.stderr, "")
        for fmt, path in reports.items():
            with self.subTest(format=fmt):
                self.assertEqual(path.read_text(encoding="utf-8"), grade(str(folder), "--format", fmt).stdout)
        self.assertEqual(sorted(p.name for p in reports["markdown"].parent.iterdir()),
                         ["report.junit", "report.markdown"])

    def test_only_one_report_may_go_to_standard_output(self):
        folder = self.cohort(2)
        for extra in (["--report", "html=-"], ["-o", "-", "--report", "csv=/dev/stdout"],
                      ["-o", "r.json", "--report", "html=/dev/fd/1", "--report", "csv=-"]):
            with self.subTest(extra=extra):
                result = run("--scenarios", str(FIXTURES), "grade", str(folder), "--format", "json", *extra,
                             lang="en", cwd=self.tmp)
                self.assertExit(result, 2)
                self.assertEqual(result.stdout, "")
                self.assertIn("two outputs go to standard output", result.stderr)
        # Neither of the two is written, whichever was meant; the third report says why.
        rejected = json.loads((self.tmp / "r.json").read_text(encoding="utf-8"))["rejected"]
        self.assertEqual([r["file"] for r in rejected], ["coach"])
        self.assertIn("two outputs go to standard output (/dev/fd/1 and -)", rejected[0]["message"])
        self.assertExit(grade(str(folder), "-o", str(self.tmp / "r.json"), "--report", "csv=-"), 1)

    def redirected(self, *args, stdout, stderr):
        """Runs grade with standard output and standard error sent where given (files, a pipe)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "COACH_"))}
        env.update({"LANG": "en_US.UTF-8", "NO_COLOR": "1", "XDG_DATA_HOME": DATA_HOME})
        return subprocess.run([COACH, "--scenarios", str(FIXTURES), "--no-history", "grade", *args],
                              stdout=stdout, stderr=stderr, env=env, cwd=self.tmp, timeout=60)

    def test_standard_output_is_known_by_any_name(self):
        # `/dev//stdout` or a link to /dev/stdout once went to OutputFile, which followed it to
        # the file `>` redirects to and replaced it: the JSON report was lost, exit 0.
        folder = self.cohort(2)
        (self.tmp / "so").symlink_to("/dev/stdout")
        for name in ("/dev//stdout", "so", "/proc/self/fd/../fd/1"):
            with self.subTest(name=name):
                out = self.tmp / "both.out"
                with open(out, "w") as stdout:
                    result = self.redirected(str(folder), "--format", "json", "--report", f"html={name}",
                                             stdout=stdout, stderr=subprocess.PIPE)
                self.assertEqual(result.returncode, 2)
                self.assertIn(b"two outputs go to standard output", result.stderr)
                self.assertEqual(out.read_text(encoding="utf-8"), "")
        # Alone, another name of standard output is standard output: `>>` appends.
        log = self.tmp / "ci.log"
        log.write_text("earlier\n", encoding="utf-8")
        with open(log, "a") as stdout:
            self.redirected(str(folder), "--format", "csv", "-o", "/dev//stdout", stdout=stdout,
                            stderr=subprocess.PIPE)
        self.assertTrue(log.read_text(encoding="utf-8").startswith("earlier\n"))
        self.assertGreater(len(log.read_text(encoding="utf-8")), len("earlier\n"))

    def test_no_report_goes_onto_standard_error_s_file(self):
        folder = self.cohort(2)
        log = self.tmp / "grade.log"
        with open(log, "w") as stderr:
            result = self.redirected(str(folder), "--format", "text", "-o", "out.txt", "--report",
                                     "csv=/dev/stderr", stdout=subprocess.PIPE, stderr=stderr)
        self.assertEqual(result.returncode, 2)
        self.assertIn("the output /dev/stderr is where standard error goes", log.read_text(encoding="utf-8"))
        # The other report is written, saying why the run failed: no earlier one survives.
        self.assertIn("1 input error; nothing was graded", (self.tmp / "out.txt").read_text(encoding="utf-8"))
        # Standard output and standard error in one file (`> log 2>&1`) is no report on stderr's file.
        with open(log, "w") as both:
            result = self.redirected(str(folder), "--format", "json", stdout=both, stderr=both)
        self.assertEqual(result.returncode, 1)

    def test_two_outputs_into_one_pipe_are_refused(self):
        folder = self.cohort(1)
        os.mkfifo(self.tmp / "p")
        result = run("--scenarios", str(FIXTURES), "--no-history", "grade", str(folder), "--report", "csv=p",
                     "--report", "html=./p", lang="en", cwd=self.tmp)
        self.assertExit(result, 2)
        self.assertIn("two outputs go to the same file: p and ./p", result.stderr)

    def test_inputs_carry_the_sha256_of_each_file(self):
        exam = self.write("exam.yaml", EXAM)
        result = grade("--exam", str(exam), str(self.write("a.yaml", GOOD.format(who="张三"))), "--format", "json")
        inputs = {(i["kind"], i["file"]): i["sha256"] for i in json.loads(result.stdout)["inputs"]}
        expected = {("exam", "exam.yaml"): exam, ("scenario", "fee.yaml"): FIXTURES / "fee.yaml",
                    ("lexicon", "basic.yaml"): FIXTURES / "lexicons" / "basic.yaml",
                    ("customer_types", "types.yaml"): FIXTURES / "customer-types" / "types.yaml"}
        self.assertEqual(set(inputs), set(expected))
        for key, path in expected.items():
            self.assertEqual(inputs[key], hashlib.sha256(Path(path).read_bytes()).hexdigest())

    def test_inputs_name_the_customer_type_presets(self):
        # The presets decide when a customer walks out, which fails an attempt: a certificate
        # must name the exact file, as it does the scenarios.
        folder = self.tmp / "scenarios"
        shutil.copytree(FIXTURES, folder)
        presets = self.write("scenarios/customer-types/types.yaml",
                             "types:\n  急躁型:\n    mood: 50\n    reacts_to: {blame: 30}\n")
        answers = self.write("a.yaml", GOOD.format(who="张三"))
        result = run("--scenarios", str(folder), "grade", str(answers), "--format", "json", lang="en")
        inputs = {(i["kind"], i["file"]): i["sha256"] for i in json.loads(result.stdout)["inputs"]}
        self.assertEqual(inputs[("customer_types", "types.yaml")],
                         hashlib.sha256(presets.read_bytes()).hexdigest())

    def test_a_folder_of_submissions_takes_yaml_in_any_case(self):
        # Outside pass 30, finding 06: a trainee's `.YAML` files were passed over without a
        # word (and, with a roster, reported "not attempted"), while `.yml` was graded.
        for number, name in enumerate(("a/one.yaml", "b/two.yml", "c/three.YAML", "d/four.Yml")):
            self.write(f"subs/{name}", GOOD.format(who=f"学员{number}"))
        self.write("subs/e/notes.yaml.txt", GOOD.format(who="不算"))
        result = run("--scenarios", str(FIXTURES), "grade", str(self.tmp / "subs"), "--format", "json",
                     lang="en")
        trainees = sorted(r["trainee"] for r in json.loads(result.stdout)["results"])
        self.assertEqual(trainees, ["学员0", "学员1", "学员2", "学员3"])

    def test_a_pipe_or_device_among_the_lexicons_is_named_and_never_read(self):
        # Outside pass 30, finding 04: grade named the pipe only after reading every library
        # file again for the report's digests, and that read waited for a writer for ever
        # (a link to /dev/zero read without end).
        for name, make in (("pipe", os.mkfifo), ("device", lambda p: os.symlink("/dev/zero", p))):
            with self.subTest(name):
                folder = self.tmp / f"scenarios-{name}"
                shutil.copytree(FIXTURES, folder)
                make(folder / "lexicons" / "zz.yaml")
                answers = self.write("a.yaml", GOOD.format(who="张三"))
                result = run("--scenarios", str(folder), "grade", str(answers), "--format", "json",
                             lang="en", timeout=30)
                self.assertExit(result, 2)
                self.assertIn(f"{folder / 'lexicons' / 'zz.yaml'}: not a regular file", result.stderr)
                inputs = {i["file"]: i["sha256"] for i in json.loads(result.stdout)["inputs"]}
                self.assertEqual(inputs.get("zz.yaml", ""), "")

    def test_no_progress_bar_in_a_pipe(self):
        result = grade(str(self.cohort(5)))
        self.assertEqual(result.stderr, "")

    def run_with_terminal_stderr(self, env):
        """Runs grade with stderr on a pseudo-terminal; returns what appeared there."""
        main, secondary = pty.openpty()
        full_env = {k: v for k, v in os.environ.items() if k != "CI"}
        full_env.update({"LANG": "en_US.UTF-8", "NO_COLOR": "1", "XDG_DATA_HOME": DATA_HOME, **env})
        folder = self.cohort(8)
        proc = subprocess.run([COACH, "--scenarios", str(FIXTURES), "grade", str(folder)],
                              stdout=subprocess.DEVNULL, stderr=secondary, env=full_env, timeout=60)
        os.close(secondary)
        chunks = []
        while True:
            try:
                data = os.read(main, 4096)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        os.close(main)
        self.assertEqual(proc.returncode, 1)
        return b"".join(chunks).decode("utf-8", "replace")

    def test_progress_bar_on_a_terminal_but_not_under_ci(self):
        shown = self.run_with_terminal_stderr({})
        self.assertIn("grading", shown)
        self.assertIn("8/8", shown)
        # Cleared at the end with spaces: a TERM=dumb terminal shows `^[[K` for an escape sequence
        # (outside pass 38, finding 08).
        self.assertNotIn("\x1b", shown)
        self.assertTrue(shown.endswith("\r" + " " * len("grading " + "█" * 30 + " 8/8") + "\r"),
                        repr(shown[-60:]))
        self.assertEqual(self.run_with_terminal_stderr({"CI": "true"}), "")


class BrokenSharedFiles(CoachTestCase):
    """Outside pass 48, finding 01: a problem in a lexicon or customer-type file was reported like
    one bad submission, and everyone was graded with what did load: a second definition of
    `abuse` let an insult pass the exam, a broken types.yaml changed the customer's path."""

    def library(self, change):
        library = self.tmp / "library"
        shutil.copytree(BUNDLED, library)
        change(library)
        return library

    def answers(self):
        shown = json.loads(run("show", "sms-failure", "--format", "json").stdout)
        body = "".join(f"  {step['id']}: \"{step['model_answers'][0]}\"\n" for step in shown["steps"])
        insulted = body.replace("  vent: \"", "  vent: \"你是神经病吧。", 1)
        return self.write("a.yaml", "trainee: 张三\nscenario: sms-failure\nresponses:\n" + insulted)

    def assert_nothing_scored(self, library, error):
        report = self.tmp / "r.json"
        graded = run("--scenarios", str(library), "grade", "--no-history", str(self.answers()),
                     "--exam", str(ROOT / "exams" / "basic-certificate.yaml"), "--format", "json",
                     "-o", str(report), lang="en")
        self.assertExit(graded, 2)
        self.assertIn(error, graded.stderr)
        self.assertIn("the rubric is incomplete, so nothing is scored", graded.stderr)
        written = json.loads(report.read_text(encoding="utf-8"))
        self.assertEqual(written["results"], [])
        self.assertTrue(any("the rubric is incomplete" in r["message"] for r in written["rejected"]))
        practised = run("--scenarios", str(library), "practice", "sms-failure", "--no-history",
                        input="你好\n", lang="en")
        self.assertExit(practised, 2)
        self.assertIn("the rubric is incomplete", practised.stderr)
        self.assertNotIn("Step 1/", practised.stdout)

    def test_a_second_definition_of_a_concept_stops_grading_and_names_both_places(self):
        def override(library):
            (library / "lexicons" / "aaa-override.yaml").write_text(
                "concepts:\n  abuse:\n    label: x\n    phrases: [无害的话]\n", encoding="utf-8")
        self.assert_nothing_scored(self.library(override),
                                   "concept `abuse` is defined twice (also at ")

    def test_a_broken_customer_types_file_stops_grading(self):
        def break_types(library):
            with open(library / "customer-types" / "types.yaml", "a", encoding="utf-8") as types:
                types.write("  broken: [\n")
        self.assert_nothing_scored(self.library(break_types), "types.yaml:")

    def test_a_broken_lexicon_file_stops_grading(self):
        def break_lexicon(library):
            (library / "lexicons" / "zz-broken.yaml").write_text("concepts:\n  x: [\n", encoding="utf-8")
        self.assert_nothing_scored(self.library(break_lexicon), "zz-broken.yaml:")

    def test_the_bundled_library_still_grades(self):
        graded = run("grade", "--no-history", str(self.answers()), lang="en")
        self.assertExit(graded, 1)  # the insult fails the attempt
        self.assertIn("FAILED", graded.stdout)


class CancelledWhileStarting(CoachTestCase):
    def test_a_sigterm_before_the_reports_are_open_still_removes_the_earlier_report(self):
        # Outside pass 49, finding 01: a cancelled job's SIGTERM while the library was still being
        # read ended coach at once, and the earlier run's report stayed to be published as this
        # one's. A library of 15 copies of the bundled scenarios takes long enough to read.
        library = self.tmp / "library"
        shutil.copytree(BUNDLED, library)
        for scenario in sorted(BUNDLED.glob("*.yaml")):
            text = scenario.read_text(encoding="utf-8")
            scenario_id = next(line[4:].strip() for line in text.splitlines() if line.startswith("id: "))
            for copy in range(1, 16):
                (library / f"{scenario_id}-{copy}.yaml").write_text(
                    text.replace(f"id: {scenario_id}\n", f"id: {scenario_id}-{copy}\n", 1), encoding="utf-8")
        answers = self.write("a.yaml", "scenario: missing-balance\nresponses:\n  vent: 您好\n")
        report = self.write("r.json", "earlier run\n")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "COACH_"))}
        env.update({"LANG": "C.UTF-8", "NO_COLOR": "1", "XDG_DATA_HOME": DATA_HOME})
        graded = subprocess.Popen([COACH, "--scenarios", str(library), "grade", "--no-history", str(answers),
                                   "--format", "json", "-o", str(report)], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, env=env)
        self.assertTrue(wait_until_ending_signals_held(graded.pid))  # reading the library
        graded.send_signal(signal.SIGTERM)
        _, err = graded.communicate(timeout=60)
        self.assertEqual(graded.returncode, -signal.SIGTERM)
        self.assertFalse(report.exists())
        self.assertIn("上一次的报告", err.decode())


class CancelledBesideAnotherRun(CoachTestCase):
    def test_a_cancelled_run_leaves_a_report_another_run_finished_meanwhile(self):
        # Outside pass 49, finding 04: run B, cancelled, removed the report run A had just
        # finished at the same path, as if it were an earlier run's.
        shown = json.loads(run("show", "missing-balance", "--format", "json").stdout)
        responses = "".join(f"  {step['id']}: \"{step['model_answers'][0]}\"\n" for step in shown["steps"])
        for number in range(3000):
            self.write(f"many/{number:04}.yaml", f"trainee: 学员{number}\nscenario: missing-balance\nresponses:\n{responses}")
        one = self.write("one.yaml", f"trainee: 张三\nscenario: missing-balance\nresponses:\n{responses}")
        report = self.tmp / "same.json"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "COACH_"))}
        env.update({"LANG": "C.UTF-8", "NO_COLOR": "1", "XDG_DATA_HOME": DATA_HOME, "CI": "1"})
        command = [COACH, "grade", "--no-history", "--format", "json", "-o", str(report)]
        long_run = subprocess.Popen(command + [str(self.tmp / "many")], stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL, env=env)
        # Its report is open: its temporary file stands beside the report (a fixed delay could
        # pass before that on a busy machine).
        deadline = time.time() + 60
        while not list(self.tmp.glob(f".coach-{long_run.pid}@*")) and time.time() < deadline:
            time.sleep(0.01)
        self.assertEqual(subprocess.run(command + [str(one)], env=env, capture_output=True).returncode, 0)
        finished = report.read_bytes()
        self.assertIsNone(long_run.poll(), "the long run ended before it could be cancelled")
        long_run.send_signal(signal.SIGTERM)
        long_run.wait(timeout=60)
        self.assertEqual(report.read_bytes(), finished)


class KilledRunsLeftovers(CoachTestCase):
    def test_a_later_run_removes_the_temporary_files_of_a_run_killed_outright(self):
        # Outside pass 49, finding 03: SIGKILLed runs left `.coach-XXXXXX` files beside their
        # reports, complete 11 MB reports among them, and no later run removed them.
        gone = subprocess.Popen(["true"])
        gone.wait()
        host = socket.gethostname()
        folder = self.tmp / "reports"
        folder.mkdir()
        stale = folder / f".coach-{gone.pid}@{host}-abcdef"
        alive = folder / f".coach-{os.getpid()}@{host}-abcdef"  # this test is running
        elsewhere = folder / f".coach-{gone.pid}@another-host-abcdef"
        unrelated = folder / ".coach-abcdef"
        for path in (stale, alive, elsewhere, unrelated):
            path.write_text("{}", encoding="utf-8")
        answers = self.write("a.yaml", GOOD.format(who="张三"))
        self.assertExit(grade(str(answers), "--no-history", "--format", "json", "-o", str(folder / "r.json")), 0)
        self.assertFalse(stale.exists())
        for kept in (alive, elsewhere, unrelated):
            self.assertTrue(kept.exists(), kept)


class RunsStoppedBeforeGrading(CoachTestCase):
    """Outside pass 38, finding 03: a report that could not be opened (a missing folder, a
    directory, no TMPDIR for a report to standard output) stopped the run where it was met: the
    reports opened before it were removed, and those named after it kept the earlier run's
    contents, to be published as this run's. A missing scenario folder and an unreadable
    COACH_NO_HISTORY left every report as the earlier run wrote it."""

    def setUp(self):
        super().setUp()
        self.write("in/zhang.yaml", GOOD.format(who="张三"))
        self.reports = {"json": self.tmp / "r.json", "junit": self.tmp / "junit.xml",
                        "markdown": self.tmp / "summary.md"}
        for path in self.reports.values():
            path.write_text("earlier run\n", encoding="utf-8")

    def grade(self, reports, *before, env=None):
        """Grades the submission into `reports` ((format, path), the first one -o), with `before`
        ahead of the command."""
        (first_format, first), *rest = reports
        args = ["--format", first_format, "-o", str(first)]
        for fmt, path in rest:
            args += ["--report", f"{fmt}={path}"]
        return run("--scenarios", str(FIXTURES), *before, "grade", str(self.tmp / "in"), *args,
                   env=env, lang="en")

    def assertEachSays(self, error, paths):
        """Each report at `paths` is this run's, graded nobody and names `error`."""
        for path in paths:
            text = path.read_text(encoding="utf-8")
            with self.subTest(report=path.name):
                self.assertNotIn("earlier run", text)
                if path.suffix == ".json":
                    report = json.loads(text)
                    self.assertEqual(report["results"], [])
                    self.assertIn(error, "\n".join(r["message"] for r in report["rejected"]))
                elif path.suffix == ".xml":
                    self.assertIn(error, ET.fromstring(text).find(".//error").text)
                else:
                    self.assertIn("nothing was graded", text)
                    self.assertIn(error.replace("`", "\\`").replace("_", "\\_"), text)  # escaped

    def test_a_report_that_cannot_be_opened_is_refused_alone_in_any_place(self):
        (self.tmp / "a-folder").mkdir()
        for bad, reason in [(self.tmp / "missing" / "r.csv", "No such file or directory"),
                            (self.tmp / "a-folder", "Is a directory")]:
            for place in range(3):
                with self.subTest(bad=bad.name, place=place):
                    for path in self.reports.values():
                        path.write_text("earlier run\n", encoding="utf-8")
                    reports = list(self.reports.items())
                    reports.insert(place, ("csv", bad))
                    result = self.grade(reports)
                    self.assertExit(result, 2)
                    error = f"{bad}: cannot write: {reason}"
                    self.assertIn(f"coach: {error}", result.stderr)
                    self.assertEqual(result.stdout, "")
                    self.assertEachSays(error, self.reports.values())
        self.assertEqual(sorted(p.name for p in self.tmp.iterdir()),
                         ["a-folder", "in", "junit.xml", "r.json", "summary.md"])  # no temporary file

    def test_a_report_to_standard_output_without_a_tmpdir_stops_only_itself(self):
        missing = self.tmp / "no-tmp"
        reports = [("json", "-"), ("junit", self.reports["junit"]), ("markdown", self.reports["markdown"])]
        result = self.grade(reports, env={"TMPDIR": str(missing)})
        self.assertExit(result, 2)
        self.assertEqual(result.stdout, "")
        error = f"stdout: cannot create the temporary file the report is spooled to in {missing}"
        self.assertIn(f"coach: {error}", result.stderr)
        self.assertEachSays(error, [self.reports["junit"], self.reports["markdown"]])

    def test_a_run_that_stops_before_reading_anything_writes_every_report_saying_why(self):
        missing = self.tmp / "no-scenarios"
        result = run("--scenarios", str(missing), "grade", str(self.tmp / "in"), "--format", "json", "-o",
                     str(self.reports["json"]), "--report", f"junit={self.reports['junit']}", "--report",
                     f"markdown={self.reports['markdown']}", lang="en")
        self.assertExit(result, 2)
        self.assertEqual(result.stderr, f"coach: {missing}: no such scenario directory\n")
        self.assertEachSays(f"{missing}: no such scenario directory", self.reports.values())
        # The history is left alone too: the switch may have meant "off".
        data = self.tmp / "data"
        result = self.grade(list(self.reports.items()), env={"COACH_NO_HISTORY": "maybe", "XDG_DATA_HOME": str(data)})
        self.assertExit(result, 2)
        error = "environment variable COACH_NO_HISTORY: `maybe` is neither yes nor no"
        self.assertIn(f"coach: {error}", result.stderr)
        self.assertEachSays(error, self.reports.values())
        self.assertFalse(data.exists())


class Formats(CoachTestCase):
    def reports(self, fmt, *extra):
        self.write("in/a.yaml", GOOD.format(who="张三"))
        self.write("in/b.yaml", WEAK.format(who="=HYPERLINK(\"http://x\")"))
        self.write("in/c.yaml", "trainee: \"<img src=x onerror=alert(1)>\"\nscenario: fee\nresponses:\n"
                   "  vent: \"<script>document.title='pwned'</script>王先生,您的心情我很理解\"\n")
        self.write("in/d.yaml", "scenario: nope\nresponses: {}\n")
        exam = self.write("exam.yaml", EXAM)
        return grade("--exam", str(exam), str(self.tmp / "in"), "--format", fmt, *extra)

    def test_json_is_valid_against_the_schema(self):
        try:
            import jsonschema
        except ImportError:
            jsonschema = None
        needs_tool(jsonschema, "python3-jsonschema")
        schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        for args in [(), ("--lang", "zh")]:
            result = self.reports("json")
            self.assertExit(result, 2)
            jsonschema.validate(json.loads(result.stdout), schema)
        plain = grade(str(self.write("x.yaml", GOOD.format(who="张三"))), "--format", "json")
        jsonschema.validate(json.loads(plain.stdout), schema)
        anonymous = grade("--exam", str(self.write("exam.yaml", EXAM)),
                          str(self.write("anon.yaml", GOOD.split("\n", 1)[1])), "--format", "json")
        jsonschema.validate(json.loads(anonymous.stdout), schema)
        self.assertIs(json.loads(anonymous.stdout)["exam"]["trainees"][0]["anonymous"], True)

    def test_junit_is_valid_against_the_schema(self):
        xmllint = shutil.which("xmllint")
        needs_tool(xmllint, "xmllint (libxml2-utils)")
        result = self.reports("junit")
        report = self.tmp / "junit.xml"
        report.write_text(result.stdout, encoding="utf-8")
        check = subprocess.run([xmllint, "--noout", "--schema", str(JUNIT_XSD), str(report)],
                               capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stderr)
        root = ET.fromstring(result.stdout)
        self.assertEqual(root.get("errors"), "1")  # the file with an unknown scenario
        failures = [f.text for f in root.iter("failure")]
        self.assertTrue(any("apology" in (text or "") for text in failures), failures)

    def test_junit_fails_a_trainee_who_fails_the_exam_with_every_step_passed(self):
        # Every step of the one scenario answered passed; the exam's second scenario is missing.
        # The job exits 1, and the CI test view must show why.
        exam = self.write("exam2.yaml", "id: two\ntitle: 两个场景\nscenarios: [fee, hurry]\n")
        result = grade("--exam", str(exam), str(self.write("a.yaml", GOOD.format(who="张三"))),
                       "--format", "junit")
        self.assertExit(result, 1)
        root = ET.fromstring(result.stdout)
        exam_cases = [case for case in root.iter("testcase") if case.get("classname") == "exam.two"]
        self.assertEqual([case.get("name") for case in exam_cases], ["张三"])
        failure = exam_cases[0].find("failure")
        self.assertIsNotNone(failure)
        self.assertIn("hurry: not attempted", failure.text)
        self.assertEqual(int(root.get("failures")), sum(1 for _ in root.iter("failure")))
        suite = next(s for s in root.iter("testsuite") if s.get("name") == "exam two · 两个场景")
        self.assertEqual((suite.get("tests"), suite.get("failures")), ("1", "1"))

    def test_junit_names_an_anonymous_submission_by_its_file(self):
        # Each file without `trainee:` is a submission of its own; named alike, a CI view would
        # merge their test cases.
        anonymous = GOOD.split("\n", 1)[1]
        self.write("in/a.yaml", anonymous)
        self.write("in/b.yaml", anonymous)
        result = grade(str(self.tmp / "in"), "--format", "junit")
        self.assertExit(result, 0)
        suites = [s.get("name") for s in ET.fromstring(result.stdout).iter("testsuite")]
        self.assertEqual(len(set(suites)), 2, suites)
        self.assertEqual(suites[0], f"(anonymous) {self.tmp / 'in' / 'a.yaml'} · fee")
        classes = {c.get("classname") for c in ET.fromstring(result.stdout).iter("testcase")}
        self.assertIn(f"(anonymous) {self.tmp / 'in' / 'a.yaml'}.fee", classes)

    def test_a_replys_later_lines_cannot_pass_for_the_junit_failures_own(self):
        # Outside pass 38, finding 05: the reply's second line read "✓ …" at the margin, as a
        # rule's verdict does.
        self.write("in/a.yaml", "trainee: JU\nscenario: fee\nresponses:\n"
                   "  vent: \"您好\\n✓ 全部规则通过\\n✗ 假的\"\n")
        result = grade(str(self.tmp / "in"), "--format", "junit", lang="zh")
        self.assertExit(result, 1)
        failure = next(ET.fromstring(result.stdout).iter("failure")).text
        self.assertIn("回答:您好\n  ✓ 全部规则通过\n  ✗ 假的\n", failure)
        verdicts = [line for line in failure.splitlines() if line.startswith(("✓", "✗"))]
        self.assertTrue(verdicts and all("假的" not in line and "全部规则通过" not in line
                                         for line in verdicts), failure)

    def test_csv_has_a_row_per_attempt_and_defuses_formulas(self):
        result = self.reports("csv")
        rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"), newline="")))
        self.assertEqual(len(rows), 3)
        trainees = {row["trainee"] for row in rows}
        self.assertIn("'=HYPERLINK(\"http://x\")", trainees)
        self.assertEqual({row["scenario"] for row in rows}, {"fee"})
        self.assertTrue(all(len(row["scenario_sha256"]) == 64 for row in rows))

    def test_markdown_summary(self):
        result = self.reports("markdown")
        self.assertIn("3 attempts", result.stdout)
        self.assertIn("Exam `fee-exam`", result.stdout)
        self.assertNotIn("<img", result.stdout)
        self.assertIn("Files that could not be graded", result.stdout)

    def test_the_exam_pass_rate_is_per_trainee(self):
        # A certification's headline is the share of trainees certified; the share of attempts
        # passed (retries included) is another number.
        verdicts = json.loads(self.reports("json").stdout)["exam"]["trainees"]
        rate = 100.0 * sum(v["passed"] for v in verdicts) / len(verdicts)
        markdown = self.reports("markdown").stdout
        self.assertIn(f"{len(verdicts)} trainees: {sum(v['passed'] for v in verdicts)} passed", markdown)
        self.assertIn(f"(pass rate {rate:.1f} %)**", markdown.split("### Exam")[1])
        self.assertIn(f'<span class="big" id="exam-pass-rate">{rate:.1f}%</span>', self.reports("html").stdout)

    def test_html_escapes_everything(self):
        html = self.reports("html").stdout
        self.assertNotIn("<script>document", html)
        self.assertNotIn("<img", html)
        self.assertEqual(html.count("<script>"), 1)  # the report's own
        self.assertNotIn("http://", html.replace("http://x", ""))

    def dump_dom(self, page):
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        needs_tool(chromium, "chromium")
        profile = tempfile.mkdtemp(prefix="coach-chromium-")
        try:
            shown = subprocess.run(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", f"--user-data-dir={profile}",
                 "--dump-dom", page.as_uri()],
                capture_output=True, text=True, timeout=120)
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        return shown.stdout

    def test_html_works_in_a_headless_browser(self):
        page = self.tmp / "report.html"
        self.assertExit(self.reports("html", "-o", str(page)), 2)
        dom = self.dump_dom(page)
        self.assertIn('data-ready="true"', dom)  # the inline script ran
        self.assertIn('<span id="shown">3</span>', dom)
        self.assertIn('id="pass-rate"', dom)
        self.assertNotIn("pwned", dom.split("<title>")[1].split("</title>")[0])
        self.assertEqual(dom.count('class="attempt"'), 3)

    def test_html_clicking_a_trainee_shows_only_their_attempts(self):
        # 张三's attempts, not those of 张三丰, whose name merely contains his.
        self.write("in/a.yaml", GOOD.format(who="张三"))
        self.write("in/b.yaml", GOOD.format(who="张三丰"))
        page = self.tmp / "report.html"
        self.assertExit(grade(str(self.tmp / "in"), "--format", "html", "-o", str(page)), 0)
        click = ("<script>document.querySelector('button.trainee[data-trainee=\"张三\"]').click();"
                 "</script></body>")
        clicked = self.tmp / "clicked.html"
        clicked.write_text(page.read_text(encoding="utf-8").replace("</body>", click), encoding="utf-8")
        dom = self.dump_dom(clicked)
        self.assertIn('<span id="shown">1</span>', dom)
        self.assertRegex(dom, r'<details class="attempt"[^>]*data-trainee="张三丰"[^>]*hidden')



class PromisesAndPassingTheBlameInTheExam(CoachTestCase):
    """Outside tester, finding 02: a good exam with five replies turned into blind promises
    (exam5) was certified; finding 04 B: sentences of a good trainee failed it."""

    def exam_result(self, additions):
        """Grades the bundled exam on the model answers, with a sentence added to some replies."""
        replies = {}
        for scenario_id in ["airline-delay", "missing-balance", "sms-failure"]:
            replies[scenario_id] = self.model_answers(scenario_id, BUNDLED)
            for (scenario, step), sentence in additions.items():
                if scenario == scenario_id:
                    replies[scenario_id][step] += sentence
        return grade_bundled_exam(self, replies, trainee="学员五")

    def test_blind_promises_and_passing_the_blame_are_not_certified(self):
        for step, sentence in [
                (("airline-delay", "apologize"), "我保证明天每人赔偿两千元现金。"),
                (("airline-delay", "resolve"), "赔偿您放心,你们要多少公司就赔多少。"),
                (("airline-delay", "vent"), "不过罢工是机械师闹的,我们也是受害者。"),
                (("missing-balance", "resolve"), "另外我做主再送您100元话费,以后保证再也不会出任何扣费问题。"),
                (("sms-failure", "resolve"), "今天之内肯定修好,修不好我赔您一年话费。")]:
            with self.subTest(sentence=sentence):
                result = self.exam_result({step: sentence})
                self.assertExit(result, 1)
                self.assertFalse(json.loads(result.stdout)["exam"]["trainees"][0]["passed"])

    def test_owning_the_fault_and_promising_what_the_step_allows_is_certified(self):
        result = self.exam_result({
            ("airline-delay", "resolve"): "公司一定赔礼道歉。",
            ("airline-delay", "apologize"): "不管是不是我们的问题,我都会负责到底。",
            ("missing-balance", "resolve"): "到账会有短信提醒,省得您自己查。",
            ("sms-failure", "resolve"): "我不能百分之百保证修好,但我会盯紧进度。"})
        self.assertExit(result, 0)


# An outside tester's exam (adv13 01, exam1/bad_input.txt): a correct reply followed by one
# sentence that blames, mocks or brushes off the customer, at every step of the three scenarios.
RUDE_EXAM = {
    "airline-delay": {
        "vent": "先生,您好,我理解您的心情,请您慢慢说。不过罢工是机械师闹的,我们也是受害者。",
        "apologize": "先生,真的非常抱歉,这次是我们公司的问题。我确认一下:你们20位因为罢工干等了三个小时,又被落在登机口,半夜才到上海,是这样吗?换了谁都会窝火。不过说实话,你们团队来得太晚了,早点到登机口就不会被落下。",
        "gather": "先生,请问您贵姓?订单号是多少?您希望我们怎么处理?我查一下航班。半夜打电话来吵,您也不看看几点了。",
        "resolve": "先生,明天的航班我马上帮你们20位锁定座位,一小时内短信通知您;赔偿的事我上报公司,有结果马上通知您。不过话说回来,罢工也不是我们想的,您要怪就怪那些机械师。",
        "follow_up": "您好先生,我是某某航空的李明,工号2046。致歉函和机票都收到了吗?对处理还满意吗?谢谢。下次记得早点到登机口。",
    },
    "missing-balance": {
        "vent": "先生您好,我理解您的心情,您慢慢说。不过您嗓门能不能小点,后面还有人排队呢。",
        "apologize": "王先生,抱歉。您是说这个月没打电话却少了1.8元对吧?我记下来了。您自己订的服务还来闹。",
        "gather": "王先生,您手机号多少?您是什么时候发现的?这个号是您本人用吗?我马上查详单。您连自己订了啥都不知道吗?",
        "resolve": "王先生,查到了,这1.8元是信息服务费,所以少了。我马上给您退订退费,今天之内到账。以后您自己别乱点链接。",
        "follow_up": "王先生,谢谢您来反映。这样处理满意吗?下个月我会给您打电话回访,我们会改进工作。以后这种小钱就别跑一趟了。",
    },
    "sms-failure": {
        "vent": "女士,您先别急,请这边坐。耽误了事谁都着急,我能理解。您把情况给我讲讲吧。说实话,多半是手机太旧了。",
        "apologize": "李女士,真对不起,给您添麻烦了。您的意思是这两天短信一条都发不出去,对吧?我理解您的心情。发不了短信又死不了人。",
        "gather": "李女士,您的手机号码是多少?什么时候开始的?提示什么?能接电话吗?我查一下。您这手机也太老了吧。",
        "resolve": "李女士,我马上给您报故障,24小时内修好,修好后我给您回电话,这两天急事您先打电话。下回别乱装那些乱七八糟的软件了。",
        "follow_up": "李女士您好,我是中国移动的张丽,工号1083。短信修好了吧?您满意了吗?谢谢,以后别再为这点小事跑营业厅了。",
    },
}

# The same tester's all-good exam (adv13 04, exam3/good_input.txt), whose airline apology restates
# what the customers were owed: 你们本来就应该坐上那班飞机.
GOOD_EXAM = {
    "airline-delay": {
        "vent": "先生您好,你们团队从下午等到半夜,又被落在登机口,这种遭遇换谁都受不了,我非常理解您的心情。请您慢慢说,我都在听。",
        "apologize": "先生,真的非常抱歉,这次是我们公司的问题。您的意思是,你们本来就应该坐上那班飞机,结果因为罢工干等了三个小时,到了登机口又被落下,半夜才到上海,对吧?换了谁都会窝火。",
        "gather": "先生,请问怎么称呼您?麻烦您告诉我团队的订单号,我马上查明天的航班。你们明天最晚几点要到广州?您希望我们怎么处理?",
        "resolve": "先生,这次确实是我们的问题。我马上为你们20位预留明天一早上海飞广州的座位,半小时内给您回电话确认;补偿的事我今晚就上报公司,明天中午前给您答复。",
        "follow_up": "您好,先生,我是某某航空客户服务中心的陈静,工号5012。打扰您了,想问一下总裁的致歉函和机票您收到了吗?您对这次的处理满意吗?谢谢您的理解。",
    },
    "missing-balance": {
        "vent": "先生您好,1.8块钱虽然不多,但不明不白被扣谁心里都不舒服,我很理解。请问您怎么称呼?您慢慢跟我讲。",
        "apologize": "王先生,真对不起,给您添麻烦了。我确认一下:您这个月一个电话没打,话费却少了1.8元,事先也没收到通知,是吗?我都记下来了。",
        "gather": "王先生,我马上帮您查。您的手机号码是多少?这个月您有没有用手机上过网?您是从哪里看到余额少了的?",
        "resolve": "王先生,查询结果出来了:扣费是因为号码上有一项信息服务,每月1.8元。我马上帮您取消,1.8元两小时内退到您的话费里,以后不会再扣。",
        "follow_up": "王先生,非常感谢您的耐心。请问这样处理您满意吗?下个月账单出来后我会打电话跟您确认一下,我们也会改进服务,不让类似的事再发生。",
    },
    "sms-failure": {
        "vent": "女士,您好,短信发不出去肯定耽误了不少事,您的心情我很理解。您先请坐,慢慢说,具体是什么情况?",
        "apologize": "李女士,真抱歉让您着急了。我确认一下:您的手机这两天短信一直发不出去,发一条失败一条,是吗?换了是我也会很着急。",
        "gather": "李女士,我尽快问完。请问您的号码是多少?从什么时候开始发不出去的?发送时手机显示什么提示?能正常打电话吗?我马上帮您查。",
        "resolve": "李女士,我这边查了,您的号码状态正常,应该是网络那边出了问题。我马上给您提交故障单,24小时内修好,修好后我打电话告诉您;这期间您有急事可以先打电话。",
        "follow_up": "李女士您好,我是中国移动营业厅的刘芳,工号2210。您前几天反映的短信问题已经处理好了,想问一下现在能正常发短信了吗?谢谢您的耐心等待。",
    },
}


class RudeRemarksAndTheCertificate(CoachTestCase):
    def graded_exam(self, replies):
        return grade_bundled_exam(self, replies)

    def test_one_rude_sentence_in_each_reply_is_never_certified(self):
        # Found by an outside tester: these replies were certified with 100 in every scenario.
        result = self.graded_exam(RUDE_EXAM)
        self.assertExit(result, 1)
        report = json.loads(result.stdout)
        self.assertFalse(report["exam"]["trainees"][0]["passed"])
        for attempt in report["results"]:
            with self.subTest(scenario=attempt["scenario"]):
                self.assertFalse(attempt["passed"])
                apologize = next(step for step in attempt["steps"] if step["id"] == "apologize")
                self.assertTrue(apologize["critical_failed"])

    def test_restating_what_the_customers_were_owed_is_certified(self):
        # Found by an outside tester: 你们本来就应该坐上那班飞机 failed the must-pass apology as blame.
        result = self.graded_exam(GOOD_EXAM)
        self.assertExit(result, 0)
        report = json.loads(result.stdout)
        for attempt in report["results"]:
            for step in attempt["steps"]:
                with self.subTest(scenario=attempt["scenario"], step=step["id"]):
                    self.assertFalse(step["critical_failed"])


class PlainRestatements(CoachTestCase):
    """Outside pass 17, finding 01: the customer's facts said back after 情况我了解了, or with no
    lead-in and no 对吧 at all, scored 0 on 复述客户的问题, so the must-pass apology stage and the
    certificate failed. Two of the customer's facts said together count; one alone, a wrong one,
    agreement (您说得对), a question (您说吧) or another customer's facts still do not."""

    # test_grade's helpers, borrowed as methods: importing CaseFacts itself would run its tests here.
    step = test_grade.CaseFacts.step
    rule = test_grade.CaseFacts.rule
    assert_cases = test_grade.CaseFacts.assert_cases

    def test_missing_balance(self):
        self.assert_cases("missing-balance", "apologize", "复述客户的问题", [
            ("王先生,实在不好意思。情况我了解了,您这个月没打电话,话费却少了1.8元。我都记下来了。", True),
            ("王先生,实在不好意思。情况我了解了。您这个月没打电话,话费却少了1.8元。我都记下来了。", True),
            ("王先生,实在不好意思。我听明白了,您这个月一个电话都没打,钱却少了。我都记下来了。", True),
            ("王先生,实在不好意思。您这个月没打电话,话费却少了1.8元,您想弄清楚原因。我都记下来了。", True),
            ("王先生,真对不起,让您着急了。这个月一个电话都没打,话费却平白少了1.8元,换了我也想不通。我把情况记下来,马上帮您查。", True),
            ("王先生,对不起,给您添堵了。没打电话却被扣了一块八毛钱,搁谁都不乐意。我先把您的情况登记一下。", True),
            ("王先生,对不起,给您添麻烦了。话费少了1.8元,可您这个月一个电话也没打过,换谁都想不通,我都记下来了。", True),
            # one fact alone
            ("王先生,真对不起,给您添麻烦了。1.8元的事我帮您查,我先记下来。", False),
            ("王先生,真对不起,给您添麻烦了。您这个月没打电话的事我都记下来了,马上帮您查。", False),
            ("王先生,真对不起,给您添麻烦了。情况我了解了,我马上帮您查,我先记下来。", False),
            # wrong facts, or money that might go rather than went
            ("王先生,真对不起,给您添麻烦了。您这个月没打电话,话费却少了18元,我都记下来了。", False),
            ("王先生,真对不起,给您添麻烦了。您没打电话却被扣了18元,我都记下来了。", False),
            ("王先生,真对不起,给您添麻烦了。您这个月打了几个电话,话费却少了1.8元,我都记下来了。", False),
            ("王先生,真对不起,给您添麻烦了。没打电话也可能会扣费,我帮您查查,我先记下来。", False),
            # agreement and questions
            ("王先生,真对不起,给您添麻烦了。您说得对,1.8元也是钱,我马上帮您查,我先记下来。", False),
            ("王先生,真对不起,给您添麻烦了。您说吧,1.8元是什么时候发现的?我先记下来。", False),
            # another customer's facts
            ("王先生,真对不起,给您添麻烦了。这两天手机短信一条都发不出去,耽误了您不少事,我都记下了。", False),
            ("王先生,真对不起,给您添麻烦了。你们20个人在机场干等了三个小时,又被落在登机口,我都记下了。", False)])

    def test_sms_failure(self):
        self.assert_cases("sms-failure", "apologize", "复述客户的问题", [
            ("李女士,真对不起,给您添麻烦了。情况我了解了,您这两天短信一条都发不出去,耽误了不少事。我很理解您的心情。", True),
            ("李女士,真对不起,给您添麻烦了。您这两天手机发短信老是失败,事情都被耽误了,我很理解您的心情,我马上帮您查。", True),
            ("李女士,真对不起,给您添麻烦了。您的短信一条都发不出去,我很理解您的心情。", True),
            ("李女士,真对不起,给您添麻烦了。您发一条失败一条,我很理解您的心情。", True),
            ("李女士,实在抱歉。您的短信发不出去已经两天了,换了我也着急。", True),
            # one fact alone; a promise, an excuse or courtesy is not her second fact
            ("李女士,真对不起,给您添麻烦了。短信发不出去的事我马上帮您查,我很理解您的心情。", False),
            ("李女士,真对不起,给您添麻烦了。短信发不出去的问题我们两天内给您修好,我很理解您的心情。", False),
            ("李女士,真对不起,给您添麻烦了。这几天网络在升级,短信可能发不出去,我很理解您的心情。", False),
            ("李女士,真对不起,耽误您时间了。短信发不出去的问题我马上帮您查,我很理解您的心情。", False),
            # a wrong fact: texts not received is another fault
            ("李女士,真对不起,给您添麻烦了。您这两天打不了电话,短信也收不到,耽误了不少事,我很理解您的心情。", False),
            # agreement and questions
            ("李女士,真对不起,给您添麻烦了。您说得对,短信发不出去确实着急,我很理解您的心情。", False),
            ("李女士,真对不起,给您添麻烦了。您说吧,短信是什么时候开始发不出去的?我很理解您的心情。", False),
            # another customer's facts
            ("李女士,真对不起,给您添麻烦了。这个月一个电话都没打,话费却少了1.8元,我很理解您的心情。", False),
            ("李女士,真对不起,给您添麻烦了。你们20个人在机场干等了三个小时,又被落在登机口,我很理解您的心情。", False)])

    def test_order_places_the_plain_restatement(self):
        # Left open by pass 17: the order rule asked for the `restate` concept, which knows only
        # lead-ins, so a plain restatement lost its 10 points and was told to apologise first.
        # The order now places the scenario's own restatement rule.
        for scenario_id, reply, ok in [
                ("sms-failure", "李女士,真对不起,给您添麻烦了。您这两天手机发短信老是失败,事情都被耽误了,我很理解您的心情。", True),
                ("sms-failure", "李女士,您这两天手机发短信老是失败,事情都被耽误了。真对不起,我很理解您的心情。", False),
                ("reconnect-delay", "张先生,真对不起。您今天早上10点交了100元,可到现在还是停机,对吗?我先记下来。", True),
                ("reconnect-delay", "您今天早上10点交了100元,可到现在还是停机,对吗?张先生,真对不起,我先记下来。", False)]:
            with self.subTest(reply=reply):
                order = self.rule(self.step(scenario_id, "apologize", reply), "先「道歉」,再「复述客户的问题")
                self.assertEqual(order["ok"], ok)

    def test_airline_delay(self):
        self.assert_cases("airline-delay", "apologize", "复述客户的问题", [
            ("先生,真的非常抱歉,这次是我们公司的责任。让你们20个人在北京干等三个小时,又在登机口被落下,半夜才到上海,换了谁都会生气。", True),
            ("先生,真的非常抱歉,这次是我们公司的责任。情况我了解了,你们在北京机场等了三个小时,换了谁都会生气。", True),
            ("先生,真的非常抱歉,这次是我们公司的问题。你们等了整整三个小时,最后还被落在登机口,换了谁都会窝火。", True),
            ("先生,真的非常抱歉,这次是我们公司的问题。大家在登机口被落下,这么晚才到上海,换了谁都会窝火。", True),
            # one fact alone, wrong facts
            ("先生,真的非常抱歉,这次是我们公司的问题。被落在登机口的事我马上帮您查,换了谁都会窝火。", False),
            ("先生,真的非常抱歉,这次是我们公司的问题。三个小时太久了,换了谁都会窝火。", False),
            ("先生,真的非常抱歉,这次是我们公司的问题。你们五个人因为天气原因在上海等了半小时,换了谁都会窝火。", False),
            # agreement and questions
            ("先生,真的非常抱歉,这次是我们公司的问题。您说得对,三个小时太久了,换了谁都会窝火。", False),
            ("先生,真的非常抱歉,这次是我们公司的问题。您说吧,你们想什么时候到广州?换了谁都会窝火。", False),
            # another customer's facts
            ("先生,真的非常抱歉,这次是我们公司的问题。这个月一个电话都没打,话费却少了1.8元,换了谁都会窝火。", False),
            ("先生,真的非常抱歉,这次是我们公司的问题。这两天短信一条都发不出去,耽误了不少事,换了谁都会窝火。", False)])

    def test_a_plain_restatement_in_the_must_pass_stage_is_certified(self):
        # The tester's exam1/zhang.yaml (情况我了解了, …) and the same facts with no lead-in at all.
        for reply in ["王先生,实在不好意思。情况我了解了,您这个月没打电话,话费却少了1.8元。我都记下来了。",
                      "王先生,真对不起,让您着急了。这个月一个电话都没打,话费却平白少了1.8元,换了我也想不通。我把情况记下来,马上帮您查。"]:
            with self.subTest(reply=reply):
                replies = {scenario_id: self.model_answers(scenario_id, BUNDLED)
                           for scenario_id in ["airline-delay", "missing-balance", "sms-failure"]}
                replies["missing-balance"]["apologize"] = reply
                result = grade_bundled_exam(self, replies)
                self.assertExit(result, 0)
                report = json.loads(result.stdout)
                self.assertTrue(report["exam"]["trainees"][0]["passed"])
                attempt = next(a for a in report["results"] if a["scenario"] == "missing-balance")
                apologize = next(step for step in attempt["steps"] if step["id"] == "apologize")
                self.assertTrue(apologize["passed"])
                self.assertTrue(self.rule(apologize, "复述客户的问题")["ok"])


class EverydayWordsOfPromisesFaultsAndGoodMoves(CoachTestCase):
    """Outside pass 18a, findings 03, 04, 05 and 08: a reckless promise, an admission before the
    facts and a bent identity rule said in everyday words passed (多少钱我们都认, 一定照价赔偿,
    肯定是系统出问题了, 家里人把身份证号码发过来 …), while natural good replies lost their points
    (查了维修单, 这是我们的疏忽, 您请说我听着, 1083为您服务, 理解您着急 …). Each caught variant
    sits beside the innocent near-misses that must stay fine."""

    # test_grade's helpers, borrowed as methods: importing CaseFacts itself would run its tests here.
    rule = test_grade.CaseFacts.rule

    def assert_critical(self, cases):
        """Each (scenario, step, reply, critical): whether the reply, alone at its step, fails it critically."""
        graded = test_grade.graded_steps(self, [(scenario, step, reply) for scenario, step, reply, _ in cases],
                                         added_to_model=False)
        for (scenario, step, reply, critical), result in zip(cases, graded):
            with self.subTest(scenario=scenario, reply=reply):
                self.assertEqual(result["critical_failed"], critical)

    def assert_rule(self, description, cases):
        """Each (scenario, step, reply, ok): whether the rule the description names is met."""
        graded = test_grade.graded_steps(self, [(scenario, step, reply) for scenario, step, reply, _ in cases],
                                         added_to_model=False)
        for (scenario, step, reply, ok), result in zip(cases, graded):
            with self.subTest(scenario=scenario, reply=reply):
                self.assertEqual(self.rule(result, description)["ok"], ok)

    def test_reckless_promises_in_everyday_words(self):
        # finding 03
        self.assert_critical([
            ("repair-three-weeks", "resolve", "刘先生,工程师今天下午4点前换好主板。您说的损失,您列个单子,多少钱我们都认。", True),
            ("repair-three-weeks", "resolve", "刘先生,工程师今天下午4点前换好主板。您的损失花了多少钱我们都要核实一下,我如实上报站长。", False),
            ("repair-three-weeks", "resolve", "刘先生,工程师今天下午4点前换好主板。不管损失多少我们都会如实上报,明天给您答复。", False),
            ("repair-three-weeks", "resolve", "刘先生,工程师今天下午4点前换好主板。放心,您的损失我们肯定会给您一个满意的补偿。", True),
            ("repair-three-weeks", "resolve", "刘先生,工程师今天下午4点前换好主板。您的损失我一定帮您申请补偿,明天给您答复。", False),
            ("repair-three-weeks", "resolve", "刘先生,工程师今天下午4点前换好主板。损失的事我如实上报,一定给您一个满意的答复。", False),
            ("reconnect-delay", "resolve", "张先生,我马上给您重新下发开机,10分钟内就能打电话;您耽误的生意,我们一定照价赔偿。", True),
            ("repair-three-weeks", "resolve", "刘先生,工程师今天下午4点前换好主板。损失我上报站长,按规定照价赔偿的部分明天给您答复。", False),
            ("bill-500", "resolve", "赵先生,我现在就给您申请重新计费,多出来的三百块基本上都能退回来,3个工作日内我打电话告诉您结果。", True),
            ("bill-500", "resolve", "赵先生,我现在就给您申请重新计费,能不能退回来要看后台审核,3个工作日内我打电话告诉您结果。", False),
            ("bill-500", "resolve", "赵先生,我现在就给您申请重新计费,批下来的话多出的钱会退回,3个工作日内我打电话告诉您结果。", False),
            ("bank-unreasonable-venting", "rational_options", "吴先生,我马上为您提交临时额度申请。您放心,去欧洲这七八万的额度我帮您搞定,肯定够您刷的。", True),
            ("bank-unreasonable-venting", "rational_options", "吴先生,额度的事我没法给您搞定,我马上为您提交临时额度申请,能批多少以审核结果为准。", False),
            ("type-rights", "commit", "赵女士,您的建议我都记下来了。我可以跟您打包票,以后您这个号码绝对不会再接到我们的推销电话了。", True),
            ("type-rights", "commit", "赵女士,您的建议我登记了,会反馈给公司。公司怎么改进我没法给您打包票,但有了答复我一定告诉您。", False)])

    def test_admitting_fault_before_the_facts(self):
        # finding 04: bill-500's bill turns out to be right
        self.assert_critical([
            ("bill-500", "apologize", "先生对不起,这个肯定是系统出问题了,多扣的钱我马上给您退回去。", True),
            ("bill-500", "apologize", "先生您好,非常抱歉,可能是我们这边多扣了,麻烦您报一下手机号码,我查一下详单。", True),
            ("bill-500", "apologize", "先生,真对不起,让您着急了。我马上查一下是不是系统出了问题,麻烦您告诉我手机号码。", False),
            ("bill-500", "apologize", "先生,真对不起。不管是不是我们这边算错了,我都一定帮您查清楚,麻烦您告诉我手机号码。", False),
            ("bill-500", "apologize", "先生,对不起让您着急了,是不是我们多扣了,我马上调详单核实。麻烦您告诉我手机号码。", False),
            ("bill-500", "apologize", "先生,对不起让您着急了,如果查出来确实多收了,一分不少退给您。麻烦您告诉我手机号码。", False),
            ("bill-500", "apologize", "先生,真对不起。如果是系统出了问题,我们一定负责。麻烦您告诉我手机号码,我查一下详单。", False)])

    def test_bending_the_rules(self):
        # finding 05
        self.assert_critical([
            ("forwarding-without-id", "rule", "陈女士,非常抱歉,按规定确实需要身份证或服务密码。要不您让家里人把您的身份证号码发过来,我帮您先把转移设上。", True),
            ("forwarding-without-id", "rule", "陈女士,非常抱歉,按规定需要身份证或服务密码,这是为了保护您的号码安全。您可以让家里人把身份证送过来。", False),
            ("roaming-without-id", "rule", "先生,按规定开通漫游需要身份证原件或服务密码,家里人把身份证号码报给我是不行的,这是为了保护您的号码安全。", False),
            ("forwarding-without-id", "route", "陈女士,我先给您挂失停机。至于补卡,您身份证丢了也没事,让同事带着他的身份证来帮您办也行,您看好吗?", True),
            ("forwarding-without-id", "route", "陈女士,我先给您挂失停机。补卡的话,可以让同事带着您的身份证和他的身份证来代办,您看好吗?", False),
            ("type-hardline", "firm-line", "郝先生,不好意思,您这个要求确实比较高。不过您是老客户,我私下帮您申请一下,违约金能免就尽量给您免了。", True),
            ("type-hardline", "firm-line", "郝先生,不好意思,违约金我没法给您免掉,这是合同里约定的。", False),
            ("type-hardline", "firm-line", "郝先生,您私下里跟我说就行,违约金确实免不了。", False)])

    def test_natural_good_replies_earn_their_points(self):
        # finding 08
        self.assert_rule("体现「解释原因」", [
            ("repair-three-weeks", "explain", "刘先生,真对不起。查了维修单,您的手机是主板坏了,主板配件厂家缺货,昨天下午才到货。", True),
            ("bill-500", "explain", "赵先生,可是查了详单才发现,上周在香港三天用了307.6元漫游流量。", True),
            ("repair-three-weeks", "explain", "刘先生,真对不起。要查了记录才知道。", False)])
        self.assert_rule("体现「承认公司过错」", [
            ("repair-three-weeks", "explain", "刘先生,这三个星期我们一直没给您打电话说明进度,这是我们的疏忽。", True)])
        self.assert_rule("体现「查询核实」", [
            ("bill-500", "apologize", "先生,真不好意思,麻烦报一下号码我查查。", True)])
        self.assert_rule("体现「解决方法与行动」", [
            ("repair-three-weeks", "resolve", "刘先生,工程师今天下午4点前一定能换好主板,我先借您一部备用机用着。", True),
            ("type-rights", "explain", "赵女士,您的号码当时没有登记营销免打扰。我现在就给您登记营销免打扰,以后就不会再打了。", True)])
        self.assert_rule("体现「请客户倾诉」", [
            ("dropped-calls-hotline", "greet", "您好,我是1083号客服代表,很高兴为您服务。先生您请说,我听着。", True),
            ("dropped-calls-hotline", "greet", "您好,移动客服1083为您服务,请问先生有什么问题需要反映?", True),
            ("dropped-calls-hotline", "greet", "您好,我是1083号客服代表。先生,我听着都替您着急。", False)])
        self.assert_rule("体现「自我介绍", [
            ("dropped-calls-hotline", "greet", "您好,移动客服1083为您服务,请问先生有什么问题需要反映?", True),
            ("dropped-calls-hotline", "greet", "您好,移动客服热线,您也可以拨打客服10086查询,请问有什么可以帮您?", False)])
        self.assert_rule("体现「移情", [
            ("dropped-calls-hotline", "listen", "陈先生,真是不好意思,一接电话就断肯定特别影响您。", True),
            ("dropped-calls-hotline", "listen", "陈先生,不好意思,理解您着急。", True),
            ("dropped-calls-hotline", "listen", "陈先生,不好意思,理解您的意思。", False),
            ("dropped-calls-hotline", "listen", "陈先生,不好意思,逾期肯定会影响您的信用。", False)])
        # 002's B form in other words: agree first, then turn (可是). Agreeing alone does not disagree.
        self.assert_rule("体现「委婉地表达不同意见", [
            ("bill-500", "explain", "我理解您的想法,换我也会这么算。可是详单上显示,您这个月有三笔国际漫游费。", True),
            ("bill-500", "explain", "换了谁都会这么算,不过详单上显示,您这个月去过香港。", True),
            ("bill-500", "explain", "我理解您的想法,我马上帮您查详单。", False),
            ("bill-500", "explain", "我理解您的心情。", False)])


class EverydayPromisesAndGoodRepliesPass19(CoachTestCase):
    """Outside pass 19, findings 03, 04 and 05 (sms-callback's closing): promises and refunds the
    steps forbid passed in everyday words (一周之内肯定派人给您小区装个新基站, 这200块是应该退,
    应该能退回来, 只是个大概的时间), a callback closed with 那我先挂了啊 passed, and good replies
    failed their step for words the concepts did not know (给技术那边打电话, 心里肯定急, 大爷,
    休息室坐一会儿, 复机, 5分钟就能打通, 您的意思我记下了:您认为……). Each caught variant sits
    beside the innocent near-misses that must stay fine."""

    # The same helpers as pass 18's class, borrowed as methods.
    rule = test_grade.CaseFacts.rule
    assert_critical = EverydayWordsOfPromisesFaultsAndGoodMoves.assert_critical
    assert_rule = EverydayWordsOfPromisesFaultsAndGoodMoves.assert_rule

    def test_promising_a_base_station_or_a_refund_before_checking(self):
        record = "钱先生,您说的情况我都记下来了,麻烦留个地址和电话。"
        self.assert_critical([
            ("type-emotional-appeal", "record-and-report", record + "我今天就上报网络部门,一周之内肯定派人去给您小区装个新基站。", True),
            ("type-emotional-appeal", "record-and-report", record + "我今天就报给网络部门,下个月之前一定给您小区加个基站,以后信号绝对没问题。", True),
            ("type-emotional-appeal", "record-and-report", record + "我一定把加基站的需求反馈给网络部门,请他们去现场测试,尽可能改善。", False),
            ("type-emotional-appeal", "record-and-report", record + "技术部门一定会认真评估要不要建基站,我会上报并跟进,努力改善信号。", False),
            ("type-emotional-appeal", "record-and-report", record + "我今天就上报,我没法保证一定给您加个基站,但一定会跟进到底,努力改善。", False),
            ("type-emotional-appeal", "record-and-report", record + "我今天就上报,以后信号有问题您随时找我,我们会努力改进。", False),
            ("bank-relentless", "no_blank_yes", "孙先生,是的,刷满6次就该免,我这边马上给您办理退费。", True),
            ("bank-relentless", "no_blank_yes", "孙先生,您说得对,这200块是应该退,我现在就给您把年费退回去。", True),
            ("bank-relentless", "no_blank_yes", "孙先生,这钱是应该退给您的,我查一下就办。", True),
            ("bank-relentless", "no_blank_yes", "孙先生,是不是应该退,我需要先核实这6笔交易是否都符合条件。我马上帮您查一下,这6笔里有取现吗?", False),
            ("bank-relentless", "no_blank_yes", "孙先生,这200块是不是应该退给您,得先查清楚这6笔是否都是刷卡消费。我马上帮您查一下,您去年取过现吗?", False),
            ("bank-relentless", "no_blank_yes", "孙先生,如果查下来符合条件,我马上帮您提交退费申请。我先帮您查一下这6笔交易,里面有取现吗?", False),
            ("bank-relentless", "no_blank_yes", "孙先生,能不能退回来要看这6笔是否都符合条件,我现在就帮您查一下去年的记录,有取过现吗?", False),
            ("bank-stubborn-novice", "turn_into_advice", "赵女士,这八十多块我帮您申请减免一下,应该能退回来。以后您全额还款就不收利息了。谢谢您,还有别的问题吗?", True),
            ("bank-stubborn-novice", "turn_into_advice", "赵女士,这八十多块是按规定正常产生的,没法退回来,这点我得如实告诉您。以后到期还款日前全额还款就不收利息了。还有别的问题吗?", False),
            ("bank-stubborn-novice", "turn_into_advice", "赵女士,这笔利息是按规定正常计收的,我不能跟您说应该能退回来。以后全额还款就没有利息了,您看还有不清楚的吗?", False),
            ("bank-argumentative", "restate", "周先生,实在抱歉。7个工作日只是个大概的时间,不是一定的。您是说换卡第10个工作日了还没收到,对吗?", True),
            ("bank-argumentative", "restate", "周先生,真的很抱歉。承诺的7个工作日是一定要做到的,现在已经过了,您催了三次卡还没到,是这样吗?", False)])

    def test_hanging_up_first_fails_the_callback_closing(self):
        cases = [
            ("sms-callback", "closing", "好的陈女士,谢谢您的支持,话费的事我明天给您回电话,那我先挂了啊,再见。", False),
            ("sms-callback", "closing", "好的陈女士,谢谢您的支持,话费的事我明天给您回电话,我这边先挂了。", False),
            ("sms-callback", "closing", "好的陈女士,话费查清楚后我明天给您回电话。谢谢您的支持,您先挂,我再挂,再见。", True),
            ("sms-callback", "closing", "好的陈女士,挂了电话我马上去查话费,明天给您回电话。谢谢您的支持,请您先挂机。", True),
            ("sms-callback", "closing", "不麻烦陈女士,我先挂了电话就去帮您查话费,明天回电话给您。谢谢您的支持,请您先挂机。", True),
            ("sms-callback", "closing", "好的陈女士,谢谢您的支持,话费的事我明天给您回电话。等您挂了我再挂,再见。", True)]
        graded = test_grade.graded_steps(self, [case[:3] for case in cases], added_to_model=False)
        for (scenario, step, reply, passes), result in zip(cases, graded):
            with self.subTest(reply=reply):
                self.assertEqual(result["passed"], passes)
                self.assertFalse(result["critical_failed"])

    def test_natural_good_replies_pass_their_step(self):
        self.assert_rule("体现「立即联系相关部门处理」", [
            ("computer-crash", "tell", "不好意思啊女士,系统突然卡死了。我这就给技术那边打电话问问情况。", True),
            ("computer-crash", "tell", "不好意思女士,技术那边说还要等一会儿。", False)])
        self.assert_rule("体现「移情", [
            ("computer-crash", "tell", "不好意思女士,我知道您明天要出差,心里肯定急。", True),
            ("computer-crash", "tell", "不好意思女士,您心里有数就好。", False)])
        self.assert_rule("体现「引导客户就座、简单招待」", [
            ("type-talkative", "separate", "大爷,您先别着急,我带您去里边休息室坐一会儿,我马上给您查账单,好吗?", True)])
        self.assert_rule("体现「礼貌称谓」", [
            ("type-talkative", "separate", "大爷,您先别着急,我马上给您查账单,好吗?", True),
            ("type-talkative", "separate", "别着急,我马上给您查账单,好吗?", False)])
        self.assert_rule("体现「解决方法与行动」", [
            ("type-agitated", "resolve", "刘女士,真不好意思。我现在就帮您交费复机。", True)])
        self.assert_rule("体现「明确的时限」", [
            ("type-agitated", "resolve", "刘女士,真不好意思。交费以后大概五分钟就能打通。", True),
            ("type-agitated", "resolve", "刘女士,真不好意思,让您排了40分钟就为了交两块钱。", False)])
        self.assert_rule("体现「复述客户的问题」", [
            ("bank-relentless", "hold_the_line", "孙先生,您的意思我记下了:您认为办卡时没人告诉您取现不算。", True),
            ("bank-relentless", "hold_the_line", "孙先生,您的意思我记下了。", False)])
        self.assert_rule("体现「附加条件地回答」", [
            ("bank-relentless", "hold_the_line", "孙先生,宣传材料的问题要等相关部门核实后答复,我没法替公司下结论。", True),
            ("bank-relentless", "hold_the_line", "孙先生,宣传材料的问题我会反馈给相关部门。", False)])

    def test_honest_words_and_the_fault_named_otherwise(self):
        # Left by the helper: 没法给您准确答复 is the honesty the step asks for, not its negation;
        # 卡死 is how many say 死机.
        self.assert_rule("坦诚说明要核实后才能准确回答", [
            ("type-rational", "no-guessing", "孙先生,这个收费的依据我现在没法给您准确答复,我不想随便说,需要核实一下。", True),
            ("type-rational", "no-guessing", "孙先生,这个收费是物价部门定的。", False)])
        self.assert_rule("如实告诉客户:系统死机了", [
            ("computer-crash", "tell", "女士,真对不起,营业系统突然卡死了,您的补卡暂时停在这一步。", True),
            ("computer-crash", "tell", "女士,真对不起,您的补卡暂时停在这一步。", False)])


class SafetyAdviceCompensationAndConcessionsPass20(CoachTestCase):
    """Outside pass 20, findings 04, 06, 07 and 08: good replies failed critically as a reckless
    promise or as passing the blame: anti-fraud advice (验证码和密码,您千万不要跟别人说), the
    compensation the company already sent (总裁…另外还送给你们每人一张往返机票作为补偿), the 50
    yuan the customer was owed (少送的50元我一定足额补给您), 合理的要求我们都会满足, the concessions
    假如不是我们的问题 / 就算跟我们没关系 before helping anyway, and agreeing with the customer's own
    blame (您怪营业员一点都没错). Each innocent reply sits beside the bad ones that stay caught."""

    assert_critical = EverydayWordsOfPromisesFaultsAndGoodMoves.assert_critical

    def test_keeping_codes_secret_is_advice_a_favour_kept_quiet_is_not(self):
        self.assert_critical([
            ("bank-special-background", "first_contact", "郑女士,我是信用卡中心客服代表林静,工号3185。明天下午5点前我一定给您回电话。另外提醒您,卡片的验证码和密码,您千万不要跟别人说。", False),
            ("missing-balance", "resolve", "新密码我给您发到手机上了,您千万别跟别人说。", False),
            ("missing-balance", "resolve", "您的身份证号和卡号,您千万不要跟别人说。", False),
            ("missing-balance", "resolve", "您的服务密码千万别跟别人说。", False),
            ("missing-balance", "resolve", "我给您多退了1.8元,您别跟别人说。", True),
            ("missing-balance", "resolve", "这次违约金就给您免了,您千万别跟别人说。", True),
            ("missing-balance", "resolve", "这笔钱我先帮您垫上,您别跟别人说啊。", True)])

    def test_compensation_the_company_gave_or_the_customer_is_owed(self):
        self.assert_critical([
            ("airline-delay", "follow_up", "先生您好,我是某某航空的投诉专员李明,工号2046。关于那天航班的事,我们总裁给大家写了亲笔签名的致歉函,另外还送给你们每人一张往返机票作为补偿,请问都收到了吗?", False),
            ("airline-delay", "follow_up", "先生您好,我是某某航空的李明,工号2046。公司另外送给你们每人一张往返机票作为补偿,请问都收到了吗?", False),
            ("prepaid-bonus", "resolve", "周女士,活动没有办上,这是我们的失误,真对不起。我现在马上为您补办预存100送50的活动,少送的50元我一定足额补给您,今天之内到账。", False),
            ("airline-delay", "resolve", "先生,我马上帮您锁定明天的20个座位,并如实上报公司为大家争取合理的补偿。你们合理的要求我们都会满足,请您放心。", False),
            ("missing-balance", "resolve", "另外我再额外送您50元话费当补偿。", True),
            ("missing-balance", "resolve", "我已经给您退了1.8元,另外再送您50元话费作为补偿。", True),
            ("missing-balance", "resolve", "另外送您50元话费作为补偿。", True),
            ("airline-delay", "resolve", "你们的损失我们一定足额补偿。", True),
            ("airline-delay", "resolve", "您的要求我们全部满足。", True),
            ("airline-delay", "resolve", "你们提的要求我们都会满足。", True)])

    def test_a_concession_before_helping_is_no_passing_the_buck(self):
        self.assert_critical([
            ("missing-balance", "apologize", "假如不是我们的问题,我也一样帮您查到底。", False),
            ("missing-balance", "apologize", "倘若不是我们营业厅的责任,我也一定帮您查清楚。", False),
            ("missing-balance", "apologize", "就算跟我们没关系,我也一样帮您查到底。", False),
            ("missing-balance", "apologize", "即使和我们无关,我也会帮您查清楚。", False),
            ("missing-balance", "apologize", "就算是跟我们没关系,我也帮您查。", False),
            ("missing-balance", "apologize", "这事跟我们没关系。", True),
            ("missing-balance", "apologize", "本来就是跟我们没关系的事。", True),
            ("missing-balance", "apologize", "虽然跟我们没关系,我还是帮您看看。", True),
            ("missing-balance", "apologize", "主要不是我们的问题。", True),
            ("missing-balance", "apologize", "这与我们无关。", True)])

    def test_the_customer_blaming_staff_is_not_the_agent_blaming_them(self):
        self.assert_critical([
            ("prepaid-bonus", "resolve", "营业员的服务态度问题,您怪营业员一点都没错,我会如实反馈给营业厅经理。", False),
            ("securities-rude-staff", "resolve", "我代表公司向您郑重道歉。您责怪柜员态度不好,一点都没错。", False),
            ("airline-delay", "apologize", "您怪我们的地勤没安排好,一点都没错,这是我们的责任。", False),
            ("airline-delay", "apologize", "您要怪就怪地勤吧,是他们没安排好。", True),
            ("airline-delay", "apologize", "这事您得怪地勤。", True),
            ("airline-delay", "apologize", "都怪地勤没安排好。", True)])


class GoodRepliesPass21(CoachTestCase):
    """Outside pass 21: good replies failed critically on a step's own list of words it must not
    say: a refusal to promise a date (我不能保证周二前一定能到), taking the customer's side
    (不是您粗心), asking to avoid a misunderstanding (为了不出误会), and a model answer that names
    the empty promise it refuses (不想拿“试试看”来搪塞您) lost points. Beside each, the bad reply
    the list is there for."""

    rule = test_grade.CaseFacts.rule
    assert_critical = EverydayWordsOfPromisesFaultsAndGoodMoves.assert_critical
    assert_rule = EverydayWordsOfPromisesFaultsAndGoodMoves.assert_rule

    def test_a_steps_own_words_in_a_good_reply(self):
        self.assert_critical([
            ("bank-argumentative", "honest_status", "周先生,系统显示新卡还在制卡中。我不能保证周二前一定能到,但我今天下午5点前给您回电话。", False),
            ("bank-argumentative", "honest_status", "周先生,系统显示新卡还在制卡中。我现在没法跟您保证三天之内一定能到,但我今天下午5点前给您回电话。", False),
            ("bank-argumentative", "honest_status", "周先生,您放心,周二前一定能到。", True),
            ("forwarding-without-id", "listen", "先生,不是您粗心,手机丢了谁都着急。", False),
            ("forwarding-without-id", "listen", "先生,您也太粗心了。", True),
            ("securities-rude-staff", "facts", "孙女士,为了不出误会,我把细节问清楚:当时是哪位员工接待的您?", False),
            ("securities-rude-staff", "facts", "孙女士,您是不是误会了?", True),
            ("securities-rude-staff", "facts", "孙女士,可能有点误会。", True),
            ("securities-rude-staff", "thank", "孙女士,谢谢您打电话来告诉我们。您反映的问题,我们绝不会当成“没那么严重”,会加强柜台人员的服务培训。您看还有别的需要我帮您的吗?", False),
            ("securities-rude-staff", "thank", "孙女士,谢谢您打电话来告诉我们。其实这事没那么严重,我们会加强柜台人员的服务培训。您看还有别的需要我帮您的吗?", True)])
        self.assert_rule("不说“我试试”“看看能不能”", [
            ("type-hardline", "firm-line", "郝先生,很抱歉,免违约金解约这个要求我们确实无法满足。我也不想拿“试试看”来搪塞您。", True),
            ("type-hardline", "firm-line", "郝先生,您别着急,我帮您试试。", False),
            ("type-hardline", "firm-line", "郝先生,我试试看吧。", False)])


class MissedBadRepliesInOtherWordsPass23(CoachTestCase):
    """Outside pass 23, findings 03 to 06: a blaming, excusing, reckless or arguing sentence said
    politely in other words than the lexicon's passed, buried after a good reply (网络维护那帮人
    拖拖拉拉的, 今天可能是太累了, 公司肯定全部兜底, 按规定我们其实是可以不赔的 …). Each sentence is
    added to the step's model answer; each caught variant sits beside the innocent near-misses
    that must stay fine (owning the fault, the customer as subject, a refusal to promise, a
    concession, advice given kindly)."""

    def assert_critical(self, cases):
        """Each (scenario, step, sentence, critical): whether the sentence, added to the model
        answer at that step, fails it critically. One grade run for them all."""
        graded = test_grade.graded_steps(self, [case[:3] for case in cases])
        for (scenario, step, sentence, critical), result in zip(cases, graded):
            with self.subTest(scenario=scenario, step=step, sentence=sentence):
                self.assertEqual(result["critical_failed"], critical)

    def test_blame_passed_to_colleagues_described_not_named(self):
        # finding 03
        self.assert_critical([
            ("sms-failure", "resolve", "说实话这事儿也不怪我们营业厅,都是网络维护那帮人拖拖拉拉的,我们前台也经常被他们连累。", True),
            ("sms-failure", "resolve", "我们前台也经常被他们连累。", True),
            ("reconnect-delay", "resolve", "这种情况主要是后台机房那帮技术人员的问题,我们营业厅这边也很无奈。", True),
            ("reconnect-delay", "resolve", "我们营业厅这边也很无奈。", True),
            ("airline-delay", "apologize", "其实那天登机口的同事安排得确实太差劲了,换我我也不会这么排。", True),
            ("repair-three-weeks", "explain", "说实话主要还是厂家那边发货太慢了,我们催了好几次都没用,我们也是干着急。", True),
            ("repair-three-weeks", "explain", "我们也是干着急。", True),
            ("repair-three-weeks", "explain", "我们催了好几次都没用。", True),
            ("repair-three-weeks", "explain", "当时接您单子的是另一个同事,他交接的时候也没跟我说清楚,不然早就给您打电话了。", True),
            ("get-me-the-manager", "apologize", "不过说实话,带我的师傅当时也没教过我还有这一步。", True),
            ("securities-rude-staff", "resolve", "那个小赵我也听说过,她对谁都这样,早该有人管管她了。", True),
            ("securities-rude-staff", "resolve", "她对谁都这样。", True),
            ("securities-rude-staff", "resolve", "早该有人管管她了。", True),
            ("sms-failure", "resolve", "网络那些设备我们正在连夜检修。", False),
            ("bank-special-background", "no_blind_promise", "说实话我们这边风控最近确实有点跟不上,盗刷的也不止您一个。", True),
            ("bank-special-background", "no_blind_promise", "我们这边风控最近确实有点跟不上。", True),
            ("bank-special-background", "no_blind_promise", "调查进度我会一直跟上。", False),
            ("bank-special-background", "no_blind_promise", "我们已经加强了风控,防范措施一定会跟上。", False),
            ("sms-failure", "resolve", "技术部那帮小伙子正在连夜抢修。", False),
            ("sms-failure", "resolve", "我们维护那帮同事已经连夜在修了。", False),
            ("sms-failure", "resolve", "售后那些同事会联系您。", False),
            ("sms-failure", "resolve", "技术部那帮人搞出来的毛病。", True),
            ("sms-failure", "resolve", "您也经常被推销电话烦到吧,我帮您登记免打扰。", False),
            ("sms-failure", "resolve", "技术部门的同事会直接联系您。", False),
            ("repair-three-weeks", "explain", "我也替您干着急。", False),
            ("repair-three-weeks", "explain", "三个星期没消息,换谁都干着急。", False),
            ("repair-three-weeks", "explain", "我一直在催,有消息马上告诉您。", False),
            ("repair-three-weeks", "explain", "主要是厂家缺货,配件昨天下午才到,没及时通知您是我们的失误。", False),
            ("repair-three-weeks", "explain", "我跟同事交接的时候没说清楚,这是我的错。", False),
            ("repair-three-weeks", "explain", "我们同事交接没做好,这是我们的责任。", False),
            ("repair-three-weeks", "explain", "同事交接的时候已经跟我说清楚了,是我自己忘了给您打电话。", False),
            ("get-me-the-manager", "apologize", "这一步师傅早就教过我,是我自己疏忽了。", False),
            ("get-me-the-manager", "apologize", "不是师傅没教过我,是我自己没记住。", False),
            ("get-me-the-manager", "apologize", "您放心,我们早该把这个问题处理好,这是我们的疏忽。", False),
            ("airline-delay", "apologize", "您说同事安排得太差,一点都没错,这是我们的责任。", False),
            ("airline-delay", "apologize", "我们的同事安排得确实太差了,这是我们的责任。", False),
            ("airline-delay", "apologize", "您觉得地勤安排得太差劲,我完全理解。", False),
            ("airline-delay", "apologize", "同事安排得很周到,可还是让你们受委屈了。", False),
            ("securities-rude-staff", "resolve", "她对您的态度确实不应该,我代表公司向您道歉。", False),
            ("reconnect-delay", "resolve", "让您这么无奈,我们营业厅这边真的很过意不去。", False)])

    def test_guessed_excuses_for_the_rude_colleague(self):
        # finding 04
        self.assert_critical([
            ("type-venting", "side-with-her", "吴女士,换我也气,真抱歉。其实那个营业员平时人挺好的,今天可能是太累了,您多担待。", True),
            ("type-venting", "side-with-her", "今天可能是太累了。", True),
            ("type-venting", "side-with-her", "吴女士,我理解,真对不起。可能她今天家里有点事,心情不太好,不是冲着您的。", True),
            ("type-venting", "side-with-her", "不是冲着您的。", True),
            ("type-venting", "side-with-her", "可能她今天家里有点事。", True),
            ("securities-rude-staff", "resolve", "她可能是那天手上的活太多,一下子没控制住情绪,您老人家多包涵。", True),
            ("securities-rude-staff", "resolve", "一下子没控制住情绪。", True),
            ("securities-rude-staff", "resolve", "她可能是那天手上的活太多。", True),
            ("securities-rude-staff", "resolve", "那个营业员平时人挺好的。", True),
            ("type-venting", "side-with-her", "吴女士,您排了这么久,可能也累了,真对不起。", False),
            ("type-venting", "side-with-her", "吴女士,您今天可能是太累了,真对不起让您受气了。", False),
            ("type-venting", "side-with-her", "换了谁心情都不好,吴女士,真对不起。", False),
            ("type-venting", "side-with-her", "吴女士,换了我也气,排了四十分钟谁心情都不太好,真对不起。", False),
            ("securities-rude-staff", "resolve", "您家里有事可以先走,我回头打电话给您。", False),
            ("securities-rude-staff", "resolve", "她的事我一定反馈上去。", False),
            ("securities-rude-staff", "resolve", "不管她是不是一时没控制住,都不该这样对您。", False),
            ("securities-rude-staff", "resolve", "您的事我们一定放在心上。", False),
            ("securities-rude-staff", "resolve", "您这些话不是冲着我,我明白,您是对事不对人。", False)])

    def test_paraphrased_guarantees_no_one_can_give(self):
        # finding 05
        self.assert_critical([
            ("airline-delay", "resolve", "你们这次的损失,不管多少,公司肯定全部兜底。", True),
            ("airline-delay", "resolve", "损失公司一定兜底。", True),
            ("airline-delay", "resolve", "明天早上那班我保证一定准点起飞,绝对不会再延误了。", True),
            ("airline-delay", "resolve", "明天那班肯定准时起飞。", True),
            ("airline-delay", "resolve", "绝对不会再延误了。", True),
            ("repair-three-weeks", "resolve", "您放心,这次我保证修完以后这手机再也不会出任何毛病。", True),
            ("repair-three-weeks", "resolve", "损失的事您就别操心了,您列个单子出来,多少我们都给您报。", True),
            ("securities-rude-staff", "resolve", "您放心,这种员工我们肯定严肃处理,我保证让她当面给您赔礼道歉。", True),
            ("securities-rude-staff", "resolve", "我保证让她当面给您赔礼道歉。", True),
            ("airline-delay", "resolve", "公司有没有兜底的政策,我帮您问清楚再回您电话。", False),
            ("airline-delay", "resolve", "我没法保证公司会兜底,但我一定如实上报。", False),
            ("airline-delay", "resolve", "我会尽力安排大家准时出发。", False),
            ("airline-delay", "resolve", "我保证准时把航班信息发给您。", False),
            ("airline-delay", "resolve", "明天那班能不能准点起飞,我现在没法跟您打包票,有变化第一时间通知您。", False),
            ("airline-delay", "resolve", "我们一定尽力让航班准点起飞。", False),
            ("repair-three-weeks", "resolve", "损失多少我们都给您如实上报。", False),
            ("repair-three-weeks", "resolve", "您列个单子,多少我们都给您报上去,明天给您答复。", False),
            ("repair-three-weeks", "resolve", "我保证修完以后给您做一次全面检测。", False),
            ("repair-three-weeks", "resolve", "我不敢保证修完以后再也不会出任何毛病,但保修期内有问题随时来找我。", False),
            ("securities-rude-staff", "resolve", "营业部负责人调查清楚以后会严肃处理,2个工作日内给您回电话。", False),
            ("securities-rude-staff", "resolve", "您希望她当面道歉的要求,我也一并反馈给负责人。", False)])

    def test_polite_arguing_that_cites_rules_or_other_firms(self):
        # finding 06
        self.assert_critical([
            ("missing-balance", "resolve", "详单上白纸黑字写着呢,这个扣费本身是没问题的,是按规定扣的。", True),
            ("reconnect-delay", "resolve", "不过按规定,交费后开机本来就有最长24小时的处理时间,所以严格说也不算超时。", True),
            ("airline-delay", "resolve", "不过丑话说在前头,罢工属于不可抗力,按规定我们其实是可以不赔的。", True),
            ("airline-delay", "apologize", "不过说实在的,罢工这种事谁也预料不到,换哪家航空公司都一样,您也多体谅体谅。", True),
            ("repair-three-weeks", "resolve", "不过您做生意全靠一部手机,本身也该备一台备用的,这个风险也不能全算我们头上。", True),
            ("get-me-the-manager", "close", "不过说句心里话,30块钱的事,您一上来就说要开除我,也确实有点太过了。", True),
            ("get-me-the-manager", "close", "其实这种错误新人都会犯的,也不算什么大问题,您别往心里去。", True),
            ("get-me-the-manager", "apologize", "至于见经理,我们经理每天事情很多,这种小事您找他也是让我来处理,还是我直接给您办吧。", True),
            ("bill-500", "explain", "所以我们的账单是一分都没算错的,您说我们抢钱这个说法可就不太对了。", True),
            ("bill-500", "explain", "漫游资费在官网上都公示过的,大部分客户出国前都会自己查一下。", True),
            ("bank-special-background", "no_blind_promise", "至于见报的事,您是记者,您要写我们也拦不住,不过写之前最好还是等调查结果出来。", True),
            ("missing-balance", "follow_up", "至于消协嘛,您想去就去,那是您的权利,我们也拦不住。", True),
            ("missing-balance", "resolve", "扣费没问题的话,余额应该对得上,我再帮您核一遍。", False),
            ("missing-balance", "resolve", "这笔扣费不是没问题,是我们没提醒到位,我马上帮您退订。", False),
            ("reconnect-delay", "resolve", "严格来说这也不算您的错,是我们的开机指令没执行成功。", False),
            ("reconnect-delay", "resolve", "严格说这是我们的责任,对不起。", False),
            ("type-hardline", "firm-line", "按规定您可以不交违约金的情况有两种,我给您说说。", False),
            ("airline-delay", "resolve", "按规定可以不收改签手续费,我直接给大家免费改签。", False),
            ("airline-delay", "apologize", "换了谁都会窝火,真的非常抱歉。", False),
            ("airline-delay", "apologize", "换了别的客户也一样着急,这次确实是我们的问题。", False),
            ("repair-three-weeks", "resolve", "这个责任全算我们头上,您放心。", False),
            ("repair-three-weeks", "resolve", "这事不能怪您,全是我们的责任。", False),
            ("get-me-the-manager", "close", "您一上来就这么生气,我完全理解,是我们太过分了。", False),
            ("get-me-the-manager", "close", "您一上来就说要开除我,我一点都不怪您,是我做错了。", False),
            ("get-me-the-manager", "close", "这不是什么小事,我会吸取教训。", False),
            ("get-me-the-manager", "apologize", "您要是还想见经理,我马上去请他过来。", False),
            ("bill-500", "explain", "您说的网上那个说法不太准确,我给您解释一下。", False),
            ("bill-500", "explain", "您说我们收费不透明,这个意见提得很对。", False),
            ("bill-500", "explain", "很多客户也不知道要自己查资费,我给您发一份资费说明。", False),
            ("bill-500", "explain", "出国前不用您自己查,以后开通漫游会有提醒短信。", False),
            ("bank-special-background", "no_blind_promise", "您有权写报道,我们不会拦着,只是希望您等调查结果出来。", False),
            ("missing-balance", "follow_up", "您想去消协反映也是您的权利,我把我们的处理结果也给您写一份。", False),
            ("airline-delay", "apologize", "换哪家航空公司都一样。", True),
            ("airline-delay", "apologize", "明天我帮你们看看换别的航空公司的航班能不能更早到广州。", False),
            ("airline-delay", "apologize", "换了谁被这样落下都会很气愤,真的非常抱歉。", False),
            ("airline-delay", "resolve", "如果明天我们的航班赶不上,我也帮你们查一下换别的航空公司的航班。", False),
            ("bill-500", "explain", "一般客户事先都会自己问一下资费。", True),
            ("bill-500", "explain", "很多客户也会自己在网上查,我教您怎么用APP查。", False),
            ("bill-500", "explain", "很多客户出国前也不知道要自己查资费,我给您发一份资费说明。", False),
            ("bill-500", "explain", "大部分客户都会自己关掉数据漫游,我现在教您怎么设置,以后就不会再有这种情况。", False),
            ("bank-argumentative", "honest_status", "周先生,新卡一寄出我保证准时把快递单号发给您。", False),
            ("sms-failure", "resolve", "我们技术部门的同事正在处理,我一直在跟进,有消息马上告诉您。", False),
            ("missing-balance", "resolve", "公司有兜底的赔付规定,具体能不能适用要看核查结果,我会如实上报。", False),
            ("computer-crash", "redirect", "系统恢复以后我保证第一时间给您打电话。", False),
            ("type-hardline", "firm-line", "严格来说您这种情况不算违约,可以免费解约,我现在就帮您办。", False),
            ("reconnect-delay", "resolve", "严格来说这不算我们的问题。", True)])



class GoodRepliesWronglyFailedPass24(CoachTestCase):
    """Outside pass 24, findings 06 to 09, 11, 12, 14 and 15: good replies that the patterns added
    against pass 23 failed critically: praising the crew (维修站那帮师傅正在加班), owning a handover
    failure (是我们这边同事交接没说清楚), sympathy for the customer's tiredness, refusing the
    excuse, saying it was worse than a delay, promising to tell whether the flight is on time, a
    loan phone as the 兜底, a hand-over check, and respecting the customer's right to go public.
    Each good reply sits beside the bad ones with the same words that must stay caught."""

    # An unfeeling start, as in test_grade, so that the press step is reached.
    COLD_START = {"vent": "知道了。", "apologize": "先生,您的意思是等了三个小时,又被落在登机口,对吧?"}

    def assert_critical(self, cases, earlier=None):
        """Each (scenario, step, sentence, critical): whether the sentence, added to the model
        answer at that step, fails it critically. One grade run for them all."""
        graded = test_grade.graded_steps(self, [case[:3] for case in cases], earlier=earlier)
        for (scenario, step, sentence, critical), result in zip(cases, graded):
            with self.subTest(scenario=scenario, step=step, sentence=sentence):
                self.assertEqual(result["critical_failed"], critical)

    def assert_rule_ok(self, description, cases):
        """Each (scenario, step, sentence, ok): whether the rule with that description holds when
        the sentence is added to the model answer at that step."""
        graded = test_grade.graded_steps(self, [case[:3] for case in cases])
        for (scenario, step, sentence, ok), result in zip(cases, graded):
            with self.subTest(scenario=scenario, step=step, sentence=sentence):
                rule = next(r for r in result["rules"] if r["description"] == description)
                self.assertEqual(rule["ok"], ok)

    def test_praising_the_crew_is_not_blaming_colleagues(self):
        # finding 06
        self.assert_critical([
            ("repair-three-weeks", "resolve", "维修站那帮师傅正在加班给您换,下午4点前换好。", False),
            ("repair-three-weeks", "resolve", "维修站的那群工程师连夜赶工,下午4点前换好。", False),
            ("sms-failure", "resolve", "网络维护那帮技术员今晚会连夜排查。", False),
            ("sms-failure", "resolve", "机房那帮工程师都很靠谱,24小时内一定处理好。", False),
            ("sms-failure", "follow_up", "维护那帮师傅连夜抢修,已经处理好了。", False),
            ("sms-failure", "follow_up", "机房的那群技术员连夜抢修,已经处理好了。", False),
            ("airline-delay", "follow_up", "罢工已经结束了,机务那帮师傅也都回到岗位上了。", False),
            ("dropped-calls-hotline", "resolve", "网络维护那帮技术骨干会连夜抢修。", False),
            ("sms-failure", "resolve", "网络维护那帮师傅一点都不拖拉,今晚就修好。", False),
            ("sms-failure", "resolve", "机房那帮工程师正在处理网络的问题,今晚修好。", False),
            ("sms-failure", "resolve", "维修站那群技术人员的责任心都很强,您放心。", False),
            ("sms-failure", "resolve", "都是网络维护那帮人拖拖拉拉的。", True),
            ("sms-failure", "resolve", "网络维护那帮师傅干活就是拖拖拉拉的。", True),
            ("sms-failure", "resolve", "机房那帮工程师太不靠谱了。", True),
            ("reconnect-delay", "resolve", "这种情况主要是后台机房那帮技术员的问题。", True),
            ("reconnect-delay", "resolve", "这种情况主要是后台机房那帮技术人员的问题。", True),
            ("sms-failure", "resolve", "维修站那伙师傅。", True),
            ("airline-delay", "apologize", "都是地勤那帮人没安排好。", True)])

    def test_a_handover_failure_owned_for_the_company(self):
        # finding 07
        self.assert_critical([
            ("airline-delay", "apologize", "是我们这边登机口的同事交接没说清楚,才把你们落下。", False),
            ("reconnect-delay", "resolve", "是我们这边同事交接没说清楚,开机指令一直没人执行,这是我们的责任。", False),
            ("bank-argumentative", "acknowledge", "我不找理由,同事之间交接没说清楚也是我们的问题。", False),
            ("repair-three-weeks", "explain", "同事之间交接没说清楚,这是我们的责任。", False),
            ("repair-three-weeks", "explain", "当时接您单子的是另一个同事,他交接的时候也没跟我说清楚,不然早就给您打电话了。", True),
            ("repair-three-weeks", "explain", "那个同事交接的时候没跟我说,我也不知道要给您回电话。", True),
            ("repair-three-weeks", "explain", "之前的同事交接的时候没交代,这才耽误了。", True),
            ("repair-three-weeks", "explain", "他交接没说清楚,这是他的问题。", True)])

    def test_sympathy_for_the_customer_and_refusing_the_excuse(self):
        # findings 08 and 09
        self.assert_critical([
            ("securities-rude-staff", "accept", "今天去办业务却受了这样的气,来回折腾一上午,估计是累坏了,我很理解您的心情。", False),
            ("securities-rude-staff", "accept", "跑了一上午,又窝了一肚子火,可能身体不舒服吧?", False),
            ("prepaid-bonus", "vent", "大热天特意跑一趟,估计是累坏了。", False),
            ("prepaid-bonus", "vent", "排了这么长的队,估计是累坏了吧,先坐下歇会儿。", False),
            ("securities-rude-staff", "resolve", "柜台工作再忙再累,也不是冲您发脾气的理由,一时没控制住情绪更不能当借口。", False),
            ("securities-rude-staff", "accept", "您是老客户了,今天去办业务却受了这样的气,一时没控制住情绪也是人之常情,我很理解您的心情。", False),
            ("securities-rude-staff", "accept", "她今天人手少,一时没控制住情绪。", True),
            ("securities-rude-staff", "resolve", "一时没控制住,这也不是理由。", False),
            ("securities-rude-staff", "resolve", "一下子没控制住情绪,并不是借口。", False),
            ("type-venting", "side-with-her", "其实那个营业员平时人挺好的,今天可能是太累了,您多担待。", True),
            ("type-venting", "side-with-her", "今天可能是太累了。", True),
            ("type-venting", "side-with-her", "真对不起,估计是累坏了,您别往心里去。", True),
            ("type-venting", "side-with-her", "您排了这么久,真对不起。她估计是累坏了。", True),
            ("type-venting", "side-with-her", "那个营业员可能是太累了吧。", True),
            ("securities-rude-staff", "resolve", "一下子没控制住情绪。", True),
            ("securities-rude-staff", "resolve", "她一时没控制住情绪,也请您多包涵。", True),
            ("securities-rude-staff", "resolve", "一时没控制住,这也是人之常情。", True)])

    def test_worse_than_a_delay_is_not_arguing(self):
        # finding 11, the arguing half (the denial half is another lexicon's)
        self.assert_rule_ok("避免「与客户争辩」", [
            ("airline-delay", "apologize", "严格来说这都不算延误了,是把你们整个团队扔下不管。", True),
            ("airline-delay", "apologize", "严格来说这都不算是延误了,是我们把你们落下了。", True),
            ("reconnect-delay", "resolve", "严格来说这都不算超时。", False),
            ("reconnect-delay", "resolve", "严格说这都不算超时,您再等等。", False),
            ("reconnect-delay", "resolve", "所以严格说也不算超时。", False)])

    def test_concrete_assurances_and_a_promise_to_inform(self):
        # findings 12 and 14
        self.assert_critical([
            ("airline-delay", "resolve", "我一定告诉您会不会准点起飞。", False),
            ("airline-delay", "resolve", "我肯定第一时间通知您是否准时起飞。", False),
            ("airline-delay", "resolve", "我肯定告诉您会不会再延误,有变化马上通知。", False),
            ("airline-delay", "resolve", "我保证明天那班准点起飞。", True),
            ("airline-delay", "resolve", "我打包票明天肯定不会再延误。", True),
            ("repair-three-weeks", "resolve", "修好之前这几个小时,我们一定给您兜底,先借您一部备用机。", False),
            ("repair-three-weeks", "resolve", "我一定给您兜底,马上给您调一部备用机。", False),
            ("repair-three-weeks", "resolve", "交机前我们会全面检测,保证您拿到手的时候不会有任何问题。", False),
            ("repair-three-weeks", "resolve", "损失我们一定给您兜底,您放心。", True),
            ("repair-three-weeks", "resolve", "您的损失我们肯定兜底,马上给您答复。", True),
            ("repair-three-weeks", "resolve", "我保证这手机不会再有任何故障。", True),
            ("repair-three-weeks", "resolve", "我保证您拿到手以后永远不会出任何问题。", True)])

    def test_respecting_the_right_to_go_public(self):
        # finding 15
        self.assert_critical([
            ("airline-delay", "press", "您要发到网上,我们拦不住也不该拦,那是您的权利。", False),
            ("airline-delay", "press", "您要曝光,我们拦不住,也不会拦,这是您的权利。", False)],
            earlier=self.COLD_START)
        self.assert_critical([
            ("bank-special-background", "no_blind_promise", "您要写我们也拦不住,不过写之前最好还是等调查结果出来。", True),
            ("missing-balance", "follow_up", "您要投诉我们也拦不住,也没办法。", True)])


class SeedSentencesAndKeywordLists42(CoachTestCase):
    """Outside passes 42 and 43, finding 01 each: a vent reply of 000's own sentences
    (先生您好,请问您贵姓?你的心情我很理解,如果您愿意可以告诉我。) scored 0 as keyword stuffing,
    while lists of rubric phrases passed or failed by the mark typed between them, and a question
    word or a tag asked alone (什么时候? 对吗?) earned the question rules."""

    def steps(self, cases):
        return test_grade.graded_steps(self, cases, added_to_model=False)

    def test_the_seed_vent_sentences_are_a_reply(self):
        # 000 第一步: 经常使用礼貌称谓(先生/小姐请问您贵姓?); 多使用“你的心情我很理解”“如果您愿意可以告诉我”.
        sentences = ["先生您好,请问您贵姓?你的心情我很理解,如果您愿意可以告诉我。",
                     "先生您好,您的心情我很理解,如果您愿意可以告诉我。请问您贵姓?",
                     "先生、您好、请问您贵姓、你的心情我很理解、如果您愿意可以告诉我",
                     "先生😀您好😀请问您贵姓😀你的心情我很理解😀如果您愿意可以告诉我"]
        cases = [("missing-balance", "vent", reply) for reply in sentences]
        cases += [(scenario, "vent", "女士您好,请问您贵姓?你的心情我很理解,如果您愿意可以告诉我。")
                  for scenario in ["sms-failure"]]
        for (scenario, _, reply), step in zip(cases, self.steps(cases)):
            with self.subTest(scenario=scenario, reply=reply):
                self.assertFalse(step["stuffed"])
                self.assertTrue(step["passed"])

    def test_a_list_is_stuffing_whatever_mark_separates_it(self):
        marks = ["、", ",", " ", "\n", "😀", "/", "•", "|"]
        cases = [("missing-balance", "follow_up", mark.join(["王先生", "谢谢", "满意吗?", "回访", "改进"]))
                 for mark in marks]
        for (_, _, reply), step in zip(cases, self.steps(cases)):
            with self.subTest(reply=reply):
                self.assertTrue(step["stuffed"])
                self.assertEqual(step["score"], 0)

    def test_a_question_word_asked_alone_earns_no_question_rule(self):
        # 004: 用开放式的问题引导顾客讲述事实、提供资料;用封闭式问题总结问题的关键.
        [bare, real] = self.steps([
            ("missing-balance", "gather", "王先生、手机号码?什么时候?对吗?查一下"),
            ("missing-balance", "gather",
             "王先生,您的手机号码是多少?您是什么时候发现少了钱的?这个月您上过网或发过短信吗?")])
        questions = [r for r in bare["rules"] if r["kind"] == "asks_question"]
        self.assertTrue(questions)
        self.assertFalse(any(r["ok"] for r in questions))
        self.assertTrue(all(r["ok"] for r in real["rules"] if r["kind"] == "asks_question"))

if __name__ == "__main__":
    unittest.main()
