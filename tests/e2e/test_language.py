"""Every message the program itself writes exists in English: with an English-only scenario
and `--lang en`, no Chinese may appear in any output."""
import os
import re
import unittest
from pathlib import Path

from coachtest import ROOT, CoachTestCase, read_to_end, run, spawn_in_terminal

ENGLISH = ROOT / "tests" / "data" / "english"
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


class EnglishEverywhere(CoachTestCase):
    def assertNoChinese(self, result, what):
        for stream, text in (("stdout", result.stdout), ("stderr", result.stderr)):
            found = CHINESE.search(text)
            self.assertIsNone(found, f"{what}: Chinese in {stream}: …{text[max(0, found.start() - 40):found.end() + 40] if found else ''}…")

    def coach(self, *args, input=None, env=None):
        return run("--scenarios", str(ENGLISH), *args, input=input, env=env, lang="en")

    def test_help_of_every_command(self):
        self.assertNoChinese(self.coach("--help"), "--help")
        for command in ["list", "show", "practice", "grade", "check", "validate", "history"]:
            self.assertNoChinese(self.coach(command, "--help"), f"{command} --help")

    def test_list_show_check_validate(self):
        for args in (["list"], ["list", "--group", "type"], ["show", "refund"], ["show", "refund", "--format", "json"],
                     ["check"], ["validate"], ["show", "nope"]):
            self.assertNoChinese(self.coach(*args), " ".join(args))

    def test_grade_in_every_format(self):
        answers = self.write("a.yaml", 'trainee: Ann\nscenario: refund\nresponses:\n  vent: "It is your fault, Mr Smith."\n')
        for fmt in ["text", "json", "junit"]:
            self.assertNoChinese(self.coach("grade", str(answers), "--format", fmt), f"grade {fmt}")

    def test_practice_with_every_command(self):
        script = "/help\n/hint\n/repeat\n/model\n/retry\n/bogus\nsorry\n/retry\nMr Smith, I am so sorry. What happened?\n/model\nThanks.\n"
        result = self.coach("practice", "refund", "--record", str(self.tmp / "r.yaml"), input=script)
        self.assertExit(result, 0)
        self.assertNoChinese(result, "practice")
        self.assertNoChinese(self.coach("practice", "refund", "--exam", input="sorry\n"), "practice --exam")
        self.assertNoChinese(self.coach("practice", input="x\n1\n"), "practice menu")

    def test_history(self):
        answers = self.write("a.yaml", 'trainee: Ann\nscenario: refund\nresponses:\n  vent: "I am so sorry, Mr Smith."\n')
        db = str(self.tmp / "h.db")
        self.assertNoChinese(self.coach("history", "--db", db), "empty history")
        self.assertNoChinese(self.coach("practice", "refund", "--db", db, input="sorry\n"), "practice")
        self.assertNoChinese(self.coach("grade", str(answers), "--db", db), "grade")
        self.assertNoChinese(self.coach("history", "--db", db, "--trainee", "Bob"), "someone else's history")
        for args in ([], ["--trainee", "Ann"], ["--all-trainees"], ["--format", "csv", "--all-trainees"],
                     ["--since", "nonsense"], ["--no-history"]):
            self.assertNoChinese(self.coach("history", "--db", db, *args), f"history {args}")
        self.write("file", "x")
        broken = str(self.tmp / "file" / "h.db")
        self.assertNoChinese(self.coach("grade", str(answers), "--db", broken), "unusable database")
        self.assertNoChinese(self.coach("history", "--db", broken), "history of an unusable database")

    def test_error_messages(self):
        bad = {
            "syntax.yaml": "id: [x\n",
            "keys.yaml": "id: x\ntitle: t\nsource: s\nbriefing: b\npass_mark: 300\nextra: 1\nsteps:\n"
                         "  - {id: A B, stage: nope, customer: c, rules: [{concept: none}, {regex: '('}, {points: 1},"
                         " {asks_question: maybe}, {order: [apology]}, {count: 2, concept: apology}], model_answers: [a]}\n",
            "types.yaml": "- 1\n",
        }
        for name, text in bad.items():
            path = self.write(name, text)
            self.assertNoChinese(self.coach("validate", str(path)), name)
        (self.tmp / "dir.yaml").mkdir()
        self.assertNoChinese(self.coach("validate", str(self.tmp / "missing.yaml")), "missing file")
        answers = self.write("bad-answers.yaml", "scenario: nope\nresponses: {x: \"\\e[1m\"}\n")
        self.assertNoChinese(self.coach("grade", str(answers)), "bad answers")
        self.assertNoChinese(run("--scenarios", str(self.tmp / "none"), "list", lang="en"), "missing scenario dir")


class TerminalCharacterSet(CoachTestCase):
    """Outside pass 45, finding 5: in a GBK locale only `practice` warned; every other command
    showed its Chinese as garbage without a word."""

    def test_every_command_on_a_terminal_that_is_not_utf8_says_so(self):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "COACH_"))}
        env.update({"LANG": "zh_CN.GBK", "NO_COLOR": "1", "TERM": "xterm", "COACH_NO_HISTORY": "1"})
        for args in (["list"], ["show", "fee"], ["validate"]):
            with self.subTest(args=args):
                pid, fd = spawn_in_terminal(args, env)
                shown = read_to_end(fd)
                os.waitpid(pid, 0)
                self.assertEqual(shown.count("character set is GBK (LANG=zh_CN.GBK), not UTF-8"), 1)
                self.assertIn("写入文件的报告不受影响", shown)
        # Not on a report piped elsewhere: nothing of it is shown on the terminal.
        piped = run("list", env={"LANG": "zh_CN.GBK"})
        self.assertNotIn("character set", piped.stderr)


class EnglishWording(CoachTestCase):
    """Outside pass 40, findings 08 and 09: the English reads as English, counts count, and
    matched phrases are marked apart from the screen's own brackets."""

    def test_matched_phrases_are_marked_apart_from_step_ids_and_labels(self):
        shown = run("practice", "missing-balance", "--no-history", "--record", str(self.tmp / "r.yaml"),
                    input="王先生您好,您的心情我很理解\n/quit\n", lang="en").stdout
        self.assertIn("reply: 王«先生»«您好»,«您的心情我很理解»", shown)
        self.assertIn("[Situation] 你是", shown)
        self.assertNotIn("[先生]", shown)
        zh = run("practice", "missing-balance", "--no-history", "--record", str(self.tmp / "z.yaml"),
                 input="王先生您好,您的心情我很理解\n/quit\n").stdout
        self.assertIn("回答: 王【先生】【您好】,【您的心情我很理解】", zh)

    def test_rule_descriptions_counts_and_verdicts(self):
        show = run("show", "missing-balance", lang="en").stdout
        self.assertIn("asks an open question", show)
        self.assertNotIn("asks a open", show)
        # a concept's label is a noun or a gerund: "includes" reads for both, "shows" did not
        self.assertIn("includes taking notes", show)
        self.assertIn("includes empathy", show)
        self.assertNotIn("shows taking", show)
        answers = self.write("a.yaml", "scenario: missing-balance\nresponses:\n  vent: 王先生您好\n  gather: 好的\n")
        graded = run("grade", str(answers), "--no-history", lang="en").stdout
        self.assertIn("Summary: 1 attempt, 0 passed, 1 failed", graded)
        self.assertNotIn("not passed", graded)
        self.assertIn("ask at least 1 open question (what, how, where …); found 0.", graded)
        practised = run("practice", "missing-balance", "--no-history", "--record", str(self.tmp / "p.yaml"),
                        input="王先生您好\n/quit\n", lang="en").stdout
        self.assertIn("FAILED", practised)
        self.assertNotIn("NOT PASSED", practised)
        self.assertRegex(practised, r"(?m)^  step 1 [█░]+ let them vent +\d{1,3}$")  # 0–100, not points
        self.assertIn("apologize", practised)
        self.assertNotIn("apologise", practised)

    def test_problems_left_unlisted_are_counted_and_the_note_is_not(self):
        many = self.write("many.yaml", "scenario: missing-balance\nresponses:\n  vent: hi\n"
                          + "".join(f"k{i}: 1\n" for i in range(150)))
        result = run("grade", str(many), "--no-history", lang="en")
        self.assertIn("and 50 more problems not listed", result.stderr)
        self.assertIn("150 input errors; nothing was graded", result.stdout)

    def test_a_misspelt_stage_gets_the_nearest_one(self):
        bad = self.write("s.yaml", "id: s\ntitle: t\nsource: s\nbriefing: b\nsteps:\n"
                         "  - {id: a, stage: apologise, customer: c, rules: [{concept: apology, points: 1}],"
                         " model_answers: [对不起]}\n")
        result = run("validate", str(bad), lang="en")
        self.assertExit(result, 2)
        self.assertIn("unknown stage `apologise` (did you mean `apologize`?)", result.stdout + result.stderr)
        self.assertIn("1 error\n", result.stderr)

    def test_a_rule_quoted_inside_quotes_takes_the_inner_marks(self):
        exam = self.write("exam.yaml", "id: e\ntitle: t\nscenarios: [missing-balance]\n"
                          "must_pass: {concepts: [blame]}\n")
        silent = self.write("a.yaml", "trainee: 王五\nscenario: missing-balance\nresponses: {}\n")
        text = run("grade", "--exam", str(exam), str(silent), "--no-history").stdout
        self.assertIn("必过规则「避免『责怪", text)
        self.assertNotIn("」」", text)


if __name__ == "__main__":
    unittest.main()
