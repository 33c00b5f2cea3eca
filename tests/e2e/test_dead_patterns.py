"""Patterns accepted yet never matching a normalised reply, or ASCII-only beside Chinese (outside
pass 37, findings 01 to 05 and 12): each is refused by `validate` where it is written, in a rule's
`regex` and in a concept's `patterns`, with what to write instead; what can match is accepted."""
import json
import unittest

from coachtest import BUNDLED, CoachTestCase, one_step_scenario, run

def scenario(pattern):
    """A scenario whose one step's first rule is the regex `pattern`."""
    rules = f"      - regex: {pattern}\n        points: 10\n      - {{concept: empathy, points: 10}}"
    return one_step_scenario(rules, customer="{name: 王先生}", model_answer="王先生,您的心情我很理解。")


LEXICON = """\
concepts:
  my_blame:
    label: 怪客户
    source: test
    phrases: [都怪您]
    patterns:
      - {pattern}
"""


class DeadPatterns(CoachTestCase):
    def setUp(self):
        super().setUp()
        self.library = self.tmp / "lib"  # the scenarios; answers files stay outside it
        (self.library / "lexicons").mkdir(parents=True)
        for lexicon in (BUNDLED / "lexicons").glob("*.yaml"):
            (self.library / "lexicons" / lexicon.name).symlink_to(lexicon)
        (self.library / "customer-types").symlink_to(BUNDLED / "customer-types")

    def validate(self, pattern, lang="zh"):
        """`validate` of a scenario whose rule's regex is `pattern` (a YAML scalar as written)."""
        path = self.write("lib/t.yaml", scenario(pattern))
        return run("validate", str(path), lang=lang)

    def assertRefused(self, pattern, *parts, lang="zh"):
        result = self.validate(pattern, lang=lang)
        self.assertExit(result, 2)
        self.assertIn("t.yaml:11:16: ", result.stderr)
        for part in parts:
            self.assertIn(part, result.stderr)

    def assertAccepted(self, pattern):
        self.assertExit(self.validate(pattern), 0)

    def test_a_slip_at_the_end_or_before_syntax_is_refused_with_the_word_meant(self):
        # Finding 01: 自已 was refused only with two characters of text after it.
        for pattern, mended in (("'自已'", "自己"), ("'自巳'", "自己"), ("'弄措了'", "弄错了"),
                                ("'是您自已[^,.!?;]{0,4}(问题|错)'", "是您自己[^,.!?;]{0,4}(问题|错)"),
                                ("'(您|你)自已没(看|注意)'", "(您|你)自己没(看|注意)"),
                                ("'您因该[先早]'", "您应该[先早]")):
            with self.subTest(pattern=pattern):
                self.assertRefused(pattern, "里有回答比较前会被改正的错别字", f"写成 `{mended}`")
        # 自已经确认之日起 is 自 + 已经: a reply keeps it as typed, and the pattern meets it.
        self.assertAccepted("'您因该'")
        self.assertAccepted("'自已经(确认|开通)之日起'")  # the scenario graded below
        answers = self.write("a.yaml", "scenario: t\nresponses:\n  vent: 王先生,自已经确认之日起就退给您。\n")
        graded = run("--scenarios", str(self.library), "grade", str(answers), "--no-history",
                     "--format", "json")
        self.assertIn(graded.returncode, (0, 1), graded.stderr)  # 1: the attempt fails
        rules = json.loads(graded.stdout)["results"][0]["steps"][0]["rules"]
        self.assertTrue(next(rule for rule in rules if rule["kind"] == "regex")["ok"])

    def test_a_slip_in_a_concepts_pattern_is_refused_where_it_is_written(self):
        # The finding's worst case: a forbidding concept written as people type forbade nothing.
        self.write("lib/lexicons/zz-test.yaml", LEXICON.format(pattern="'(您|你)自已没(看|注意)'"))
        path = self.write("lib/t.yaml", scenario("'您好'"))
        result = run("validate", str(path))
        self.assertExit(result, 2)
        self.assertIn("zz-test.yaml:7:9: 正则表达式 `(您|你)自已没(看|注意)` 里有回答比较前会被改正的错别字",
                      result.stderr)

    def test_a_class_no_reply_holds_a_member_of_is_refused(self):
        # Finding 02.
        self.assertRefused("'您[^\\s\\S]好'", "中的 `[^\\s\\S]` 不含任何字符,什么也匹配不到")
        for pattern in ("'\\pC'", "'\\p{Cs}'", "'\\p{Lt}'", "'[^\\pN\\pL\\pP\\pS\\pM]'",
                        "'[\\x{E000}-\\x{F8FF}]'", "'[\\x{F0000}-\\x{FFFFD}]'"):
            with self.subTest(pattern=pattern):
                self.assertRefused(pattern, "只含回答里不会有的字符", "删掉它,或写出要匹配的字")
        self.assertRefused("'\\p{Lt}'", "holds only characters a reply never has", lang="en")
        for pattern in ("'\\p{Han}'", "'\\p{Lu}'", "'[^\\pN\\pL\\pP\\pS]'", "'[\\x{E000}-\\x{F8FF}a]'"):
            with self.subTest(pattern=pattern):
                self.assertAccepted(pattern)

    def test_an_anchor_or_boundary_that_can_never_hold_is_refused(self):
        # Finding 03.
        self.assertRefused("'$您'", "在 `$` 之后还要求有字,但 `$` 是回答的结尾", "把 `$` 放到末尾")
        self.assertRefused("'(?m)您^'", "在 `^` 之前还要求有字", "把 `^` 放到开头")
        self.assertRefused("'a\\B您'", "中的 `\\B` 在它两边的字之间永远不成立")
        self.assertRefused("'(?-i)VIP'", "中的 `(?-i)` 让匹配区分大小写", "去掉 `-i`")
        self.assertRefused("'(?-i:VIP)'", "patterns match regardless of case", lang="en")
        for pattern in ("'(^|[,.!?;])滚([,.!?;]|$)'", "'您好$'", "'(?i)vip'", "'\\bapp\\b下载'"):
            with self.subTest(pattern=pattern):
                self.assertAccepted(pattern)

    def test_a_boundary_beside_a_class_of_chinese_characters_is_refused(self):
        # Finding 04.
        for pattern in ("'\\p{Han}\\b'", "'[您好]\\b'", "'\\b\\p{Han}'"):
            with self.subTest(pattern=pattern):
                self.assertRefused(pattern, "在汉字旁边不成立", "`(^|[,.!?;])`")
        self.assertAccepted("'\\p{Han}\\bvip'")

    def test_an_ascii_posix_class_is_refused_with_what_to_write(self):
        # Finding 12.
        for pattern in ("'[[:alpha:]]先生'", "'王[[:alpha:]]{1,2}'", "'[[:alnum:]]+先生'",
                        "'[[:graph:]]{2}先生'", "'[[:punct:]]'"):
            with self.subTest(pattern=pattern):
                self.assertRefused(pattern, "只匹配 ASCII 字符", "任意字母(含汉字)写 `\\pL`")
        self.assertAccepted("'[[:digit:]]+元'")
        self.assertRefused("'[[:space:]]好'", "只含回答规范化时去掉的字符")

    def test_an_invisible_character_is_shown_by_its_code(self):
        # Finding 05: U+FE0F and U+E000 were printed raw, U+E0041 as \\uE0041.
        self.assertRefused('"您\\uFE0F"', "正则表达式 `您\\uFE0F` 中的 `\\uFE0F` 不会出现在回答里")
        self.assertRefused('"\\uE000您"', "正则表达式 `\\uE000您` 中的 `\\uE000` 不会出现在回答里")
        self.assertRefused("'\\x{0301}'", "中的 `\\u0301` 不会出现在回答里")
        self.assertRefused("'\\0'", "中的 `\\u0000` 不会出现在回答里")
        self.assertRefused('"您\\U000E0041"', "`您\\U000E0041` 中的 `\\U000E0041`")


if __name__ == "__main__":
    unittest.main()
