"""Bounds that keep a practice recording one `coach grade` reads (outside pass 36, findings 01
and 07): 400 tries of one step took 12 s and made a recording past the 16 MiB limit, and so did
customer lines of megabytes, which the recording's `path:` holds."""
import unittest

from coachtest import BUNDLED, FIXTURES, CoachTestCase, one_step_scenario, run

EMPATHY = "      - {concept: empathy, points: 10}"


def scenario(line):
    return one_step_scenario(EMPATHY, line=line)


def steps_scenario(count):
    """A scenario of `count` steps like scenario()'s one."""
    head, step = scenario("你好").split("steps:\n")
    return head + "steps:\n" + "".join(step.replace("id: vent", f"id: s{i}") for i in range(count))


class LongSessions(CoachTestCase):
    def test_a_step_is_answered_again_at_most_twenty_times_and_every_try_is_kept(self):
        record = self.tmp / "rec.yaml"
        tries = [f"王先生,您的心情我很理解,这是第{i}次。" for i in range(25)]
        typed = tries[0] + "\n" + "".join(f"/retry\n{reply}\n" for reply in tries[1:]) + "/quit\n"
        result = run("--scenarios", str(FIXTURES), "practice", "fee", "--record", str(record),
                     input=typed, lang="en")
        self.assertExit(result, 0)
        self.assertIn("The previous step has been answered again 20 times, the most one session "
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
        path = self.write("t.yaml", scenario("你" * 2001))
        result = run("validate", str(path))
        self.assertExit(result, 2)
        self.assertIn("t.yaml:9:15: 客户的话太长:2001 个字,上限是 2,000", result.stderr)
        self.write("t.yaml", scenario("你" * 2000))
        self.assertExit(run("validate", str(path)), 0)
        conditional = scenario("你好").replace(
            "    rules:", "    customer_if:\n      - {mood_above: 50, line: " + "你" * 2001 +
            "}\n    rules:")
        self.write("t.yaml", conditional)
        self.assertExit(run("validate", str(path)), 2)

    def test_more_than_a_hundred_steps_are_refused_at_the_hundred_and_first(self):
        (self.tmp / "lexicons").symlink_to(BUNDLED / "lexicons")
        (self.tmp / "customer-types").symlink_to(BUNDLED / "customer-types")
        for count, status in ((100, 0), (101, 2)):
            with self.subTest(count=count):
                path = self.write("t.yaml", steps_scenario(count))
                result = run("validate", str(path))
                self.assertExit(result, status)
        self.assertIn("步骤太多:101 步,上限是 100", result.stderr)

    def test_tries_stop_before_the_recording_passes_what_grade_reads(self):
        # Outside pass 37, finding 06: 30 steps of 10,000-character replies, each tried 20 times
        # more, made a 19 MB recording that `coach grade` refused though practice called it
        # gradeable. Past 8 MiB a session takes no more tries.
        (self.tmp / "lib").mkdir()
        (self.tmp / "lib" / "lexicons").symlink_to(BUNDLED / "lexicons")
        (self.tmp / "lib" / "customer-types").symlink_to(BUNDLED / "customer-types")
        self.write("lib/t.yaml", steps_scenario(12))
        reply = "您" + "😀" * 9999  # 40 KB: the longest reply, four bytes a character
        typed = (reply + "\n" + f"/retry\n{reply}\n" * 20) * 12 + "/quit\n"
        record = self.tmp / "rec.yaml"
        result = run("--scenarios", str(self.tmp / "lib"), "practice", "t", "--record", str(record),
                     "--no-history", input=typed, lang="en", timeout=300)
        self.assertExit(result, 0)
        self.assertIn("so this session takes no more tries: it must stay within the 16 MiB "
                      "coach grade reads", result.stdout)
        self.assertLess(record.stat().st_size, 16 << 20)
        graded = run("--scenarios", str(self.tmp / "lib"), "grade", str(record), "--no-history")
        self.assertIn(graded.returncode, (0, 1), graded.stderr)


if __name__ == "__main__":
    unittest.main()
