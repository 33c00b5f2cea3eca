"""Limits on the library as a whole (outside pass 36, findings 02 and 08): patterns each within
their own limit, but thousands of them, made one reply take 24 s and 1.8 GB, and lexicons of
900,000 phrases made every command take 8 s. Both are refused where the total passes the limit."""
import unittest

from coachtest import BUNDLED, CoachTestCase, one_step_scenario, run

# About 19,000 instructions each: `\\pL` compiles to about 1,200 and is spelled out 16 times.
HEAVY = "的\\pL{{0,15}}但.{}"


class LibraryBudget(CoachTestCase):
    def setUp(self):
        super().setUp()
        lexicons = self.tmp / "lexicons"
        lexicons.mkdir()
        for bundled in (BUNDLED / "lexicons").glob("*.yaml"):
            (lexicons / bundled.name).symlink_to(bundled)
        (self.tmp / "customer-types").symlink_to(BUNDLED / "customer-types")

    def extra_lexicon(self, patterns=(), phrases=()):
        lines = ["concepts:", "  zzextra:", "    label: 额外", "    source: 测试",
                 "    phrases: [" + ", ".join(phrases or ["zzqq"]) + "]"]
        if patterns:
            lines.append("    patterns:")
            lines += [f"      - '{pattern}'" for pattern in patterns]
        self.write("lexicons/zz-extra.yaml", "\n".join(lines) + "\n")

    def scenario(self, rules=""):
        self.write("t.yaml", one_step_scenario("      - {concept: empathy, points: 10}\n" + rules))

    def test_many_heavy_patterns_are_refused_at_the_one_past_the_limit(self):
        self.extra_lexicon(patterns=[HEAVY.format(f"a{i:03d}") for i in range(120)])
        self.scenario()
        for command in ("validate", "list", "check"):
            with self.subTest(command=command):
                result = run("--scenarios", str(self.tmp), command)
                self.assertExit(result, 2)
                self.assertRegex(result.stderr,
                                 r"lexicons/zz-extra\.yaml:\d+:9: 正则表达式合计太大:词库的全部模式,"
                                 r"到这一条为止约 2,0\d\d,\d{3} 条指令,上限是 2,000,000")
                self.assertEqual(result.stderr.count("正则表达式合计太大"), 1)
        english = run("--scenarios", str(self.tmp), "validate", lang="en")
        self.assertIn("regular expressions too large together", english.stderr)

    def test_a_few_heavy_patterns_are_fine(self):
        self.extra_lexicon(patterns=[HEAVY.format(f"a{i:03d}") for i in range(20)])
        self.scenario()
        self.assertExit(run("--scenarios", str(self.tmp), "validate"), 0)

    def test_a_scenarios_own_regexes_count_with_the_lexicons(self):
        self.extra_lexicon()
        rules = "".join("      - {regex: '" + HEAVY.format(f"a{i:03d}") + "', points: 1}\n"
                        for i in range(120))
        self.scenario(rules)
        result = run("--scenarios", str(self.tmp), "validate")
        self.assertExit(result, 2)
        self.assertRegex(result.stderr, r"t\.yaml:\d+:17: 正则表达式合计太大:词库的全部模式加上本场景的"
                                        r"正则表达式,到这一条为止约 2,0\d\d,\d{3} 条指令")

    def test_too_many_phrases_are_refused_at_the_concept(self):
        self.extra_lexicon(phrases=[f"词{i}" for i in range(200_001)])
        self.scenario()
        result = run("--scenarios", str(self.tmp), "list")
        self.assertExit(result, 2)
        self.assertIn("lexicons/zz-extra.yaml:2:3: 词语太多:全部词库到概念 `zzextra` 为止共有 "
                      "20", result.stderr)
        self.assertIn("上限是 200,000", result.stderr)

    def test_phrases_of_scenarios_rules_count_with_the_lexicons(self):
        # Outside pass 37, finding 07: 400,000 phrases in a scenario's any_of were not counted,
        # and four such scenarios made `coach list` take 4.8 s and 403 MB.
        self.extra_lexicon(phrases=[f"词{i}" for i in range(150_000)])
        rules = "      - any_of: [" + ", ".join(f"话{i}" for i in range(60_000)) + "]\n"
        self.scenario(rules)
        result = run("--scenarios", str(self.tmp), "list")
        self.assertExit(result, 2)
        self.assertRegex(result.stderr, r"t\.yaml:\d+:9: 词语太多:全部词库和场景的规则到这一条为止共有 "
                                        r"21\d,\d{3} 条词语,上限是 200,000")

    def test_the_bundled_library_is_well_within_both_limits(self):
        result = run("--scenarios", str(BUNDLED), "validate")
        self.assertExit(result, 0)
        self.assertNotIn("合计太大", result.stderr)


if __name__ == "__main__":
    unittest.main()
