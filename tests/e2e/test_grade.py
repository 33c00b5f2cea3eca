"""`coach grade`: answers files in, reports out, exit status a CI job can gate on."""
import json
import os
import signal
import subprocess
import time
import shutil
import stat
import threading
import unittest
import xml.etree.ElementTree as ET

from pathlib import Path

from coachtest import COACH, FIXTURES, CoachTestCase, run

GOOD = """\
trainee: 张三
scenario: fee
responses:
  vent: 王先生,您的心情我很理解,您慢慢说。
  apologize: 真对不起,给您添麻烦了,原因是系统故障。
"""

BAD = """\
trainee: 李四
scenario: fee
responses:
  vent: 你弄错了吧,我们系统不会乱扣费。
"""


def grade(*args, lang="en"):
    return run("--scenarios", str(FIXTURES), "grade", *args, lang=lang)


class Grading(CoachTestCase):
    def test_passing_file_exits_0(self):
        result = grade(str(self.write("good.yaml", GOOD)))
        self.assertExit(result, 0)
        self.assertIn("PASSED", result.stdout)

    def test_failing_file_exits_1_and_explains(self):
        result = grade(str(self.write("bad.yaml", BAD)))
        self.assertExit(result, 1)
        self.assertIn("FAILED", result.stdout)
        self.assertIn("[critical]", result.stdout)
        self.assertIn("not answered", result.stdout)

    def test_bundled_model_answers_pass(self):
        for scenario_id in ["airline-delay", "missing-balance", "sms-failure"]:
            with self.subTest(scenario=scenario_id):
                responses = self.model_answers(scenario_id)
                lines = [f"scenario: {scenario_id}", "responses:"]
                lines += [f"  {step}: {json.dumps(text, ensure_ascii=False)}" for step, text in responses.items()]
                path = self.write(f"{scenario_id}.yaml", "\n".join(lines) + "\n")
                self.assertExit(run("grade", str(path)), 0)

    def test_the_bundled_taboo_list_catches_everyday_variants_and_spares_predictions(self):
        # Found by outside testers: each variant passed the critical rules, each prediction or
        # sentence about ourselves failed them.
        answers = self.model_answers("missing-balance")
        cases = [("vent", "您别这么激动。", True), ("vent", "您先冷静冷静。", True),
                 ("apologize", "不过您应当先看看自己开了什么业务。", True),
                 ("apologize", "不过是您自个儿没注意。", True),
                 ("apologize", "不过您看错了。", True), ("apologize", "这是您的问题。", True),
                 ("apologize", "下次您该先看看合同。", True),
                 ("apologize", "这个要怪就怪您自己。", True), ("apologize", "您操作失误了。", True),
                 ("apologize", "问题出在您自己身上。", True),
                 ("vent", "不过这是不可能的。", True), ("vent", "不过这绝对不可能。", True),
                 ("vent", "您真的弄错了。", True), ("vent", "您可能还不明白。", True),
                 ("vent", "您平静一下。", True), ("vent", "您肯定就是记错了。", True),
                 ("apologize", "您可能不太清楚这项业务,我给您介绍一下。", False),
                 ("apologize", "到账后您应该会收到一条短信提醒。", False),
                 ("apologize", "您一定很奇怪我们怎么会记错。", False)]
        for step, sentence, critical in cases:
            with self.subTest(sentence=sentence):
                responses = dict(answers)
                responses[step] += sentence
                lines = ["scenario: missing-balance", "responses:"]
                lines += [f"  {s}: {json.dumps(t, ensure_ascii=False)}" for s, t in responses.items()]
                path = self.write("taboo.yaml", "\n".join(lines) + "\n")
                result = json.loads(run("grade", str(path), "--format", "json").stdout)["results"][0]
                self.assertEqual(result["critical_failed"], critical)

    def test_a_pause_inside_a_forbidden_sentence_does_not_hide_it(self):
        # Found by an outside tester: each passed with 100 while the unpaused sentence failed.
        answers = self.model_answers("missing-balance")
        cases = [("resolve", "不过您……弄错了,这是您上个月自己订的。", True),
                 ("resolve", "不过您呀,肯定是弄混了。", True), ("resolve", "您肯定……弄混了。", True),
                 ("vent", "您别……激动,我们系统从来……没出过错。", True),
                 ("vent", "您哪,就是记错了。", True),
                 ("resolve", "我查一下……好的,是我们这边弄错了。", False),
                 ("resolve", "王先生……真是对不起。", False)]
        for step, sentence, critical in cases:
            with self.subTest(sentence=sentence):
                responses = dict(answers)
                responses[step] += sentence
                lines = ["scenario: missing-balance", "responses:"]
                lines += [f"  {s}: {json.dumps(t, ensure_ascii=False)}" for s, t in responses.items()]
                path = self.write("pause.yaml", "\n".join(lines) + "\n")
                result = json.loads(run("grade", str(path), "--format", "json").stdout)["results"][0]
                self.assertEqual(result["critical_failed"], critical)

    def test_one_reply_pasted_into_every_step_passes_only_the_first(self):
        # Found by an outside tester: this file scored 100 on every step of missing-balance.
        pasted = Path(__file__).resolve().parents[1] / "data" / "answers" / "same-reply-every-step.yaml"
        result = run("grade", str(pasted), "--format", "json", lang="en")
        self.assertExit(result, 1)
        attempt = json.loads(result.stdout)["results"][0]
        self.assertFalse(attempt["passed"])
        self.assertEqual(attempt["score"], 20)
        first, *later = attempt["steps"]
        self.assertTrue(first["passed"])
        for step in later:
            with self.subTest(step=step["id"]):
                self.assertEqual((step["score"], step["passed"]), (0, False))
                repeated = step["rules"][-1]
                self.assertEqual((repeated["kind"], repeated["ok"]), ("repetition", False))
                self.assertIn("The same reply as at step 1 (“你们移动怎么回事?", repeated["feedback"])
                # The report keeps its shape: the verdict is one more rule.
                self.assertEqual(step.keys(), first.keys())
                self.assertEqual(repeated.keys(), first["rules"][0].keys())
        chinese = run("grade", str(pasted))
        self.assertIn("与第 1 步「你们移动怎么回事?我这个月一个电话都没打…」的回答相同", chinese.stdout)

    def test_json_report_follows_the_contract(self):
        result = grade(str(self.write("good.yaml", GOOD)), str(self.write("bad.yaml", BAD)), "--format", "json")
        self.assertExit(result, 1)
        report = json.loads(result.stdout)
        self.assertLessEqual({"total": 2, "passed": 1, "failed": 1}.items(), report["summary"].items())
        first = report["results"][0]
        for key in ["trainee", "scenario", "score", "pass_mark", "passed", "steps"]:
            self.assertIn(key, first)
        self.assertEqual(first["trainee"], "张三")
        self.assertEqual(first["score"], 100)
        step = first["steps"][0]
        for key in ["id", "stage", "score", "max", "rules"]:
            self.assertIn(key, step)
        rule = step["rules"][0]
        for key in ["kind", "ok", "feedback", "matched"]:
            self.assertIn(key, rule)
        self.assertEqual(rule["matched"][0]["text"], "您的心情我很理解")
        second = report["results"][1]
        self.assertFalse(second["passed"])
        self.assertEqual(second["steps"][1]["score"], 0)

    def test_junit_report_is_valid_xml_with_a_case_per_step(self):
        result = grade(str(self.write("bad.yaml", BAD)), "--format", "junit")
        self.assertExit(result, 1)
        root = ET.fromstring(result.stdout)
        self.assertEqual(root.tag, "testsuites")
        cases = root.findall(".//testcase")
        self.assertEqual(len(cases), 2)
        self.assertTrue(all(case.find("failure") is not None for case in cases))
        self.assertEqual(root.get("failures"), "2")

    def test_output_is_reproducible_to_the_byte(self):
        good = str(self.write("good.yaml", GOOD))
        bad = str(self.write("bad.yaml", BAD))
        for fmt in ["text", "json", "junit"]:
            with self.subTest(format=fmt):
                first = grade(good, bad, "--format", fmt, "--output", str(self.tmp / f"1.{fmt}"))
                second = grade(good, bad, "--format", fmt, "--output", str(self.tmp / f"2.{fmt}"))
                self.assertExit(first, 1)
                self.assertEqual(first.stdout, "")
                self.assertEqual((self.tmp / f"1.{fmt}").read_bytes(), (self.tmp / f"2.{fmt}").read_bytes())

    def test_several_attempts_in_one_file_and_directories(self):
        several = """\
        trainee: 王五
        attempts:
          - scenario: fee
            responses: {vent: "王先生,您的心情我很理解。", apologize: "对不起,因为系统问题。"}
          - scenario: fee
            responses: {}
        """
        self.write("cohort/a.yaml", several)
        self.write("cohort/b.yaml", GOOD)
        result = grade(str(self.tmp / "cohort"), "--format", "json")
        self.assertExit(result, 1)
        report = json.loads(result.stdout)
        self.assertEqual(report["summary"]["total"], 3)
        self.assertEqual(report["results"][1]["score"], 0)

    def test_a_file_named_twice_is_graded_once(self):
        good = self.write("cohort/good.yaml", GOOD)
        (self.tmp / "link.yaml").symlink_to(good)
        result = grade(str(self.tmp / "cohort"), str(good), str(self.tmp / "link.yaml"), "--format", "json")
        self.assertExit(result, 0)
        self.assertEqual(json.loads(result.stdout)["summary"]["total"], 1)

    def test_a_missing_step_scores_zero(self):
        result = grade(str(self.write("partial.yaml", GOOD.replace("  apologize:", "  #apologize:"))), "--format", "json")
        report = json.loads(result.stdout)
        self.assertEqual(report["results"][0]["score"], 50)
        # In the text report the unanswered step's rules are unjudged, not failed.
        text = grade(str(self.tmp / "partial.yaml")).stdout
        unanswered = text.split("[apologize]")[1]
        self.assertIn("    – ", unanswered)
        self.assertNotIn("✗", unanswered)


class ReportFiles(CoachTestCase):
    """A report goes where the path says without harming what is there."""

    def setUp(self):
        super().setUp()
        self.answers = str(self.write("good.yaml", GOOD))

    def test_a_new_report_gets_the_umask_mode_and_a_replaced_one_keeps_its_own(self):
        old = os.umask(0o022)
        try:
            report = self.tmp / "report.txt"
            self.assertExit(grade(self.answers, "-o", str(report)), 0)
            self.assertEqual(stat.S_IMODE(report.stat().st_mode), 0o644)
            report.chmod(0o640)
            self.assertExit(grade(self.answers, "-o", str(report)), 0)
            self.assertEqual(stat.S_IMODE(report.stat().st_mode), 0o640)
        finally:
            os.umask(old)

    def test_a_link_stays_a_link_and_the_file_it_names_gets_the_report(self):
        target = self.write("reports/latest.json", "old")
        link = self.tmp / "latest.json"
        link.symlink_to(target)
        self.assertExit(grade(self.answers, "--format", "json", "-o", str(link)), 0)
        self.assertTrue(link.is_symlink())
        self.assertEqual(json.loads(target.read_text())["summary"]["passed"], 1)

    def test_a_fifo_is_written_into_not_replaced(self):
        fifo = self.tmp / "pipe"
        os.mkfifo(fifo)
        received = []
        reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
        reader.start()
        result = grade(self.answers, "-o", str(fifo))
        reader.join(timeout=30)
        self.assertExit(result, 0)
        self.assertTrue(stat.S_ISFIFO(fifo.stat().st_mode))
        self.assertIn("PASSED", received[0])

    def test_dev_stdout_appends_where_stdout_appends(self):
        log = self.write("ci.log", "earlier output\n")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "COACH_"))}
        env.update({"LANG": "en_US.UTF-8", "NO_COLOR": "1"})
        with open(log, "a") as out:
            result = subprocess.run([COACH, "--no-history", "--scenarios", str(FIXTURES), "grade", self.answers,
                                     "-o", "/dev/stdout"], stdout=out, env=env)
        self.assertEqual(result.returncode, 0)
        text = log.read_text(encoding="utf-8")
        self.assertTrue(text.startswith("earlier output\n"))
        self.assertIn("PASSED", text)
        self.assertFalse(log.is_symlink())

    def test_a_report_over_a_file_grade_reads_is_refused_before_grading(self):
        original = Path(self.answers).read_text()
        link = self.tmp / "also-good.yaml"
        link.symlink_to(self.answers)
        for target in [self.answers, str(link)]:
            with self.subTest(target=target):
                result = grade(self.answers, "--report", f"json={target}")
                self.assertExit(result, 2)
                self.assertIn("is a file being read", result.stderr)
                self.assertEqual(Path(self.answers).read_text(), original)
        result = grade(self.answers, "-o", str(FIXTURES / "fee.yaml"), lang="zh")
        self.assertExit(result, 2)
        self.assertIn("是要读取的文件", result.stderr)

    def test_a_report_over_a_scenario_that_does_not_load_is_refused(self):
        scenarios = self.tmp / "scenarios"
        shutil.copytree(FIXTURES, scenarios)
        broken = scenarios / "broken.yaml"
        broken.write_text("id: [\n", encoding="utf-8")
        result = run("--scenarios", str(scenarios), "grade", self.answers, "-o", str(broken), lang="en")
        self.assertExit(result, 2)
        self.assertIn("is a file being read", result.stderr)
        self.assertEqual(broken.read_text(encoding="utf-8"), "id: [\n")

    def test_two_reports_through_a_link_to_a_file_not_written_yet_are_refused(self):
        (self.tmp / "out").mkdir()
        (self.tmp / "out" / "latest.json").symlink_to("report.json")  # dangling until written
        result = grade(self.answers, "-o", str(self.tmp / "out" / "latest.json"),
                       "--report", f"csv={self.tmp / 'out' / 'report.json'}")
        self.assertExit(result, 2)
        self.assertIn("two outputs go to the same file", result.stderr)

    def test_two_reports_to_one_file_are_refused(self):
        first = self.tmp / "out.json"
        result = grade(self.answers, "-o", str(first), "--report", f"json={self.tmp}/./out.json")
        self.assertExit(result, 2)
        self.assertIn("two outputs go to the same file", result.stderr)
        self.assertFalse(first.exists())

    def test_a_grade_cancelled_midway_leaves_no_temporary_report(self):
        attempts = "".join(f"  - scenario: fee\n    responses: {{vent: \"王先生,您的心情我很理解 {i}。\"}}\n"
                           for i in range(20000))
        cohort = self.write("cohort.yaml", "trainee: 张三\nattempts:\n" + attempts)
        reports = self.tmp / "reports"
        reports.mkdir()
        process = subprocess.Popen([COACH, "--no-history", "--scenarios", str(FIXTURES), "grade", str(cohort),
                                    "-o", str(reports / "r.txt"), "--report", f"json={reports / 'r.json'}"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # The reports are opened before grading starts: cancel once they are there.
        deadline = time.time() + 30
        while len(os.listdir(reports)) < 2 and process.poll() is None and time.time() < deadline:
            time.sleep(0.005)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        self.assertEqual(process.returncode, -signal.SIGTERM)
        self.assertEqual(os.listdir(reports), [])

    def test_unwritable_targets_are_named(self):
        for target, reason in [(self.tmp, "Is a directory"), (self.tmp / "no" / "r.txt", "No such file")]:
            with self.subTest(target=target):
                result = grade(self.answers, "-o", str(target))
                self.assertExit(result, 2)
                self.assertIn(f"{target}: cannot write: {reason}", result.stderr)
        loop = self.tmp / "loop"
        loop.symlink_to(self.tmp / "loop")
        self.assertExit(grade(self.answers, "-o", str(loop)), 2)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["good.yaml", "loop"])  # no temporary files left


class BadAnswers(CoachTestCase):
    def assertBadInput(self, text, where, message):
        path = self.write("bad.yaml", text)
        good = self.write("good.yaml", GOOD)
        result = grade(str(path), str(good), "--format", "json")
        self.assertExit(result, 2)
        self.assertIn(f"{path}:{where}: {message}", result.stderr)
        # The rest of the batch is still graded.
        self.assertEqual(json.loads(result.stdout)["summary"]["total"], 1)

    def test_unknown_scenario(self):
        self.assertBadInput(GOOD.replace("scenario: fee", "scenario: feee"), "2:11", "unknown scenario `feee`")

    def test_unknown_step(self):
        self.assertBadInput(GOOD.replace("  vent:", "  vnet:"), "4:3", "scenario `fee` has no step `vnet`")

    def test_wrong_types(self):
        self.assertBadInput(GOOD.replace("responses:\n", "responses: [a]\nx:\n"), "3:12", "`responses` should be a mapping")
        self.assertBadInput("- a\n", "1:1", "an answers file should be a mapping")

    def test_terminal_escapes_are_refused(self):
        self.assertBadInput(GOOD.replace("您慢慢说。", "\\e[2J您慢慢说。").replace("vent: ", 'vent: "', 1).replace("说。\n", '说。"\n', 1),
                            "4:9", "reply contains control characters")

    def test_yaml_syntax(self):
        self.assertBadInput("scenario: [fee\n", "2:1", "YAML syntax error")

    def test_missing_file_and_directory(self):
        result = grade(str(self.tmp / "absent.yaml"))
        self.assertExit(result, 2)
        self.assertIn("no such file", result.stderr)

    def test_an_empty_directory_is_bad_input(self):
        (self.tmp / "empty").mkdir()
        result = grade(str(self.tmp / "empty"))
        self.assertExit(result, 2)
        self.assertIn("no answers files", result.stderr)

    def test_invalid_utf8(self):
        path = self.write("bad.yaml", GOOD.encode("utf-8").replace("张三".encode(), b"\xc3\x28"), mode="bytes")
        result = grade(str(path))
        self.assertExit(result, 2)
        self.assertIn(f"{path}:1:10: not valid UTF-8 text", result.stderr)


if __name__ == "__main__":
    unittest.main()
