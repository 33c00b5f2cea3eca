"""Every message the program itself writes exists in English: with an English-only scenario
and `--lang en`, no Chinese may appear in any output."""
import re
import unittest
from pathlib import Path

from coachtest import ROOT, CoachTestCase, run

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


if __name__ == "__main__":
    unittest.main()
