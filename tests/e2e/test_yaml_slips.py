"""YAML slips a trainer makes with a Chinese input method, or with the space bar, each named at
the place of the mistake with what to type instead, whether libyaml fails on it or reads it as
text (outside pass 37, findings 08, 09, 10 and 13)."""
import unittest

from coachtest import BUNDLED, CoachTestCase, run

BASE = """\
id: t
title: 测试
source: test
customer:
  name: 王先生
  type: 情绪激动型
briefing: 测试
steps:
  - id: s1
    stage: vent
    customer: 你好
    rules:
      - regex: '您'
        points: 10
      - any_of: [回访, 回电话]
        points: 5
    model_answers: [您好王先生回访]
"""


class YamlSlips(CoachTestCase):
    def setUp(self):
        super().setUp()
        (self.tmp / "lexicons").symlink_to(BUNDLED / "lexicons")
        (self.tmp / "customer-types").symlink_to(BUNDLED / "customer-types")

    def slip(self, changes, lang="zh"):
        """Validates BASE with lines (1-based) replaced; each replacement may span lines."""
        lines = BASE.split("\n")
        for number, text in changes.items():
            lines[number - 1] = text
        path = self.tmp / "t.yaml"
        path.write_text("\n".join(lines), encoding="utf-8")
        result = run("validate", str(path), lang=lang)
        self.assertExit(result, 2)
        return result.stderr

    def test_texts_copied_into_every_report_are_bounded(self):
        # Outside pass 48, findings 15 and 16: a customer's name of a million characters made a
        # 12 MB JSON report of a two-character reply; a huge title, briefing or feedback likewise.
        for changes, expected in (
                ({5: "  name: " + "王" * 40 + "先生"}, "t.yaml:5:9: `name` 太长:42 个字,上限是 40"),
                ({2: "title: " + "测" * 201}, "t.yaml:2:8: `title` 太长:201 个字,上限是 200"),
                ({7: "briefing: " + "测" * 10_001}, "t.yaml:7:11: `briefing` 太长:10,001 个字,上限是 10,000"),
                ({15: "      - any_of: [回访, 回电话]\n        feedback: " + "回" * 2_001},
                 "t.yaml:16:19: `feedback` 太长:2,001 个字,上限是 2,000")):
            with self.subTest(key=expected.split("`")[1]):
                self.assertIn(expected, self.slip(changes))

    def test_the_base_scenario_is_valid(self):
        path = self.tmp / "t.yaml"
        path.write_text(BASE, encoding="utf-8")
        self.assertExit(run("validate", str(path)), 0)

    def test_a_dash_without_its_space_is_named_at_the_dash(self):
        # Finding 08: blamed on the next line, with advice to line keys up or to quote text.
        no_space = "行的“-”后面缺少空格;列表项要用半角“- ”,即减号后加一个空格"
        for changes, expected in (
                ({9: "  -id: s1"}, "t.yaml:9:3: YAML 语法错误: 第 9 " + no_space),
                ({13: "      -regex: '您'"}, "t.yaml:13:7: YAML 语法错误: 第 13 " + no_space),
                ({15: "      -any_of: [回访, 回电话]"}, "t.yaml:15:7: YAML 语法错误: 第 15 " + no_space),
                ({9: "  -　id: s1"},
                 "t.yaml:9:3: YAML 语法错误: 第 9 行的“-”后面是全角空格“　”;列表项要用半角“- ”,"
                 "即减号后加一个半角空格"),
                ({17: "    model_answers:\n      -您好王先生回访"},
                 "t.yaml:18:7: `model_answers` 应是列表,实际是标量(第 18 " + no_space + ")"),
                ({13: "      -regex: '您'", 14: "", 15: "", 16: ""},
                 "t.yaml:13:7: `rules` 应是列表,实际是映射(第 13 " + no_space + ")")):
            with self.subTest(changes=changes):
                stderr = self.slip(changes)
                self.assertIn(expected, stderr)
                self.assertNotIn("对齐", stderr)
                self.assertNotIn("引号", stderr)
        self.assertIn("t.yaml:9:3: YAML syntax error: the “-” on line 9 has no space after it; a "
                      "list item takes “- ”, a dash and a space", self.slip({9: "  -id: s1"}, "en"))

    def test_full_width_brackets_and_dashes_yaml_reads_as_text_are_named(self):
        # Finding 09: where YAML read them as text, only the shape was named.
        for changes, expected in (
                ({15: "      - any_of: ［回访, 回电话］"},
                 "t.yaml:15:17: `any_of` 应是列表,实际是标量(第 15 行的“［”是全角的;列表要用半角括号 [ ])"),
                ({15: "      - any_of: 【回访, 回电话】"}, "t.yaml:15:17: `any_of` 应是列表,实际是标量(第 15 行的“【”"),
                ({15: "      - any_of: ｛回访, 回电话｝"}, "t.yaml:15:17: `any_of` 应是列表,实际是标量(第 15 行的“｛”"),
                ({17: "    model_answers: ［您好王先生回访］"}, "t.yaml:17:20: `model_answers` 应是列表,实际是标量(第 17 行的“［”"),
                ({17: "    model_answers:\n      － 您好王先生回访"},
                 "t.yaml:18:7: `model_answers` 应是列表,实际是标量(第 18 行开头是全角的“－”;列表项要用半角“- ”)"),
                # Pass 37 leftover: the dash typed after the key, on the key's own line.
                ({17: "    model_answers: － 您好王先生回访"},
                 "t.yaml:17:20: `model_answers` 应是列表,实际是标量(第 17 行的“－”是全角的;列表项要另起一行,"
                 "用半角“- ”)"),
                ({7: "briefing: 测试\nnever_say:\n  － none_of: [开除]"},
                 "t.yaml:9:3: `never_say` 应是列表,实际是映射(第 9 行开头是全角的“－”"),
                ({4: "customer: ｛王先生｝", 5: "", 6: ""},
                 "t.yaml:4:11: `customer` 应是映射(键: 值),实际是标量(第 4 行的“｛”是全角的;映射要用半角括号 { })")):
            with self.subTest(changes=changes):
                self.assertIn(expected, self.slip(changes))
        english = self.slip({15: "      - any_of: ［回访, 回电话］"}, "en")
        self.assertIn("(the “［” on line 15 is full-width; a list takes the ASCII brackets [ ])", english)

    def test_a_full_width_colon_or_comma_inside_braces_is_named(self):
        colon = "(第 7 行有全角冒号“：”;YAML 只认半角冒号加空格“: ”)"
        # One bracket, the slip's: the message ended in one of its own (outside pass 37, finding 09).
        self.assertIn("t.yaml:7:22: `reacts_to` 的值是情绪的变化,应是 -100 到 100 之间的整数" + colon,
                      self.slip({6: "  type: 情绪激动型\n  reacts_to: {empathy： -20}"}))
        self.assertIn("t.yaml:15:27: YAML 语法错误: 缺少“,”或“}”(第 15 行的“，”是全角的;{ } 里的各项要用半角"
                      "逗号“,”分开)", self.slip({15: "      - {any_of: [回访, 回电话]，points: 5}", 16: ""}))
        unknown = self.slip({15: "      - {any_of: [回访, 回电话], points： 5}", 16: ""})
        self.assertIn("t.yaml:15:35: 规则中有未知的键 `points： 5`", unknown)
        self.assertIn("(第 15 行有全角冒号“：”", unknown)
        self.assertNotIn("英文逗号", unknown)

    def test_a_key_indented_too_far_after_a_quoted_or_flow_value_is_named(self):
        # Finding 10: "a key should be here" was said of a key.
        for changes, expected in (
                ({2: "title: '测试'", 3: "  source: test"},
                 "t.yaml:3:3: YAML 语法错误: 第 3 行的 `source:` 比上一行的 `title:` 多缩进了 2 格;同一层的键要对齐"),
                ({14: "          points: 10"},
                 "t.yaml:14:11: YAML 语法错误: 第 14 行的 `points:` 比上一行的 `regex:` 多缩进了 2 格"),
                ({16: "          points: 5"},
                 "t.yaml:16:11: YAML 语法错误: 第 16 行的 `points:` 比上一行的 `any_of:` 多缩进了 2 格")):
            with self.subTest(changes=changes):
                stderr = self.slip(changes)
                self.assertIn(expected, stderr)
                self.assertNotIn("应是一个键", stderr)

    def test_a_required_key_indented_into_a_text_block_is_named_where_it_is(self):
        # Finding 10: the rest of the file became the briefing; the error was at 1:1.
        self.assertIn("t.yaml:9:4: `steps` 没有当作键读到(第 9 行的 `steps:` 比 `briefing:` 多缩进了 3 格,"
                      "成了 `briefing` 的多行文字(|)的一部分;同一层的键要对齐)",
                      self.slip({7: "briefing: |\n  测试", 8: "   steps:"}))
        self.assertIn("t.yaml:13:7: `rules` 没有当作键读到(第 13 行的 `rules:` 比 `customer:` 多缩进了 2 格,"
                      "成了 `customer` 的多行文字(|)的一部分",
                      self.slip({11: "    customer: |\n      你好\n      rules:", 12: ""}))
        self.assertIn("t.yaml:9:3: `steps` was not read as a key (`steps:` on line 9 is indented 2 "
                      "more than `briefing:`, so it became part of the text block (>) of "
                      "`briefing`; keys at one level line up)",
                      self.slip({7: "briefing: >\n  测试", 8: "  steps:"}, "en"))
        # The key named once, not again as missing.
        self.assertNotIn("缺少必需的键", self.slip({7: "briefing: |\n  测试", 8: "   steps:"}))

    def test_an_optional_key_indented_into_a_text_block_is_named(self):
        # Pass 37 leftover: an optional key became text, and its default held without a word.
        self.assertIn("t.yaml:9:3: `pass_mark` 没有当作键读到(第 9 行的 `pass_mark:` 比 `briefing:` 多缩进了 2 格,"
                      "成了 `briefing` 的多行文字(|)的一部分;同一层的键要对齐)",
                      self.slip({7: "briefing: |\n  测试\n  pass_mark: 60"}))
        # A line like a key that is not one of the mapping's stays text.
        path = self.tmp / "t.yaml"
        path.write_text(BASE.replace("briefing: 测试", "briefing: |\n  测试\n  note: 60"),
                        encoding="utf-8")
        self.assertExit(run("validate", str(path)), 0)

    def test_a_full_width_space_after_a_colon_and_a_full_width_hash_are_named(self):
        # Finding 13: the space was said to be missing; the `＃` became part of the stage.
        self.assertIn("t.yaml:10:11: YAML 语法错误: 第 10 行的冒号后是全角空格“　”;请改成半角空格",
                      self.slip({10: "    stage:　vent"}))
        self.assertIn("t.yaml:10:17: 未知的阶段 `vent ＃注释`;应是 vent、apologize、gather、resolve 或 "
                      "follow_up(第 10 行的“＃”是全角的,不开始注释;YAML 的注释要用半角“#”)",
                      self.slip({10: "    stage: vent ＃注释"}))
        self.assertIn("t.yaml:11:5: YAML 语法错误: 第 11 行的“＃”是全角的,不开始注释",
                      self.slip({10: "    stage: vent\n    ＃ 注释"}))
        self.assertIn("the “＃” on line 14 is full-width and starts no comment; a YAML comment "
                      "takes the ASCII “#”", self.slip({14: "        points: 10 ＃分数"}, "en"))

    def test_full_width_marks_inside_text_are_text(self):
        path = self.tmp / "t.yaml"
        path.write_text(BASE.replace("customer: 你好", "customer: 【温馨提示】－ 请按 ＃号键：谢谢，再见")
                        .replace("briefing: 测试", "briefing: |\n  第一行\n  -id: 这是文字\n  steps: 也是"),
                        encoding="utf-8")
        self.assertExit(run("validate", str(path)), 0)


if __name__ == "__main__":
    unittest.main()
