"""Bounds that keep a practice recording one `coach grade` reads (outside pass 36, findings 01
and 07): 400 tries of one step took 12 s and made a recording past the 16 MiB limit, and so did
customer lines of megabytes, which the recording's `path:` holds."""
import unittest

from coachtest import BUNDLED, FIXTURES, CoachTestCase, run

SCENARIO = """\
id: t
title: 测试
source: 000_5d6bbad32982d09a.txt 第一步 让客户发泄
customer: {{name: 陈女士}}
briefing: 测试
steps:
  - id: vent
    stage: vent
    customer: {line}
    rules:
      - {{concept: empathy, points: 10}}
    model_answers: ["陈女士,不好意思,您的心情我很理解。"]
"""


class LongSessions(CoachTestCase):
    def test_a_step_is_answered_again_at_most_twenty_times_and_every_try_is_kept(self):
        record = self.tmp / "rec.yaml"
        tries = [f"王先生,您的心情我很理解,这是第{i}次。" for i in range(25)]
        typed = tries[0] + "\n" + "".join(f"/retry\n{reply}\n" for reply in tries[1:]) + "/quit\n"
        result = run("--scenarios", str(FIXTURES), "practice", "fee", "--record", str(record),
                     input=typed, lang="en")
        self.assertExit(result, 0)
        self.assertIn("The last step has been answered again 20 times, the most one session "
                      "keeps", result.stdout)
        recorded = record.read_text(encoding="utf-8")
        for reply in tries[:21]:  # the first and twenty more: each is in the recording
            self.assertIn(reply, recorded)
        graded = run("--scenarios", str(FIXTURES), "grade", str(record), lang="en")
        self.assertIn(graded.returncode, (0, 1), graded.stderr)
        chinese = run("--scenarios", str(FIXTURES), "practice", "fee", input=typed)
        self.assertIn("上一步已经重答了 20 次,这次练习不能再重答", chinese.stdout)

    def test_a_customer_line_past_two_thousand_characters_is_refused_at_it(self):
        (self.tmp / "lexicons").symlink_to(BUNDLED / "lexicons")
        (self.tmp / "customer-types").symlink_to(BUNDLED / "customer-types")
        path = self.write("t.yaml", SCENARIO.format(line="你" * 2001))
        result = run("validate", str(path))
        self.assertExit(result, 2)
        self.assertIn("t.yaml:9:15: 客户的话太长:2001 个字,上限是 2,000", result.stderr)
        self.write("t.yaml", SCENARIO.format(line="你" * 2000))
        self.assertExit(run("validate", str(path)), 0)
        conditional = SCENARIO.format(line="你好").replace(
            "    rules:", "    customer_if:\n      - {mood_above: 50, line: " + "你" * 2001 +
            "}\n    rules:")
        self.write("t.yaml", conditional)
        self.assertExit(run("validate", str(path)), 2)


if __name__ == "__main__":
    unittest.main()
