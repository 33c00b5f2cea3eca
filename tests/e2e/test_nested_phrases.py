"""A trainer's concept whose phrases nest (嗯, 嗯嗯, 嗯嗯嗯 …; 抱歉, 很抱歉, 非常抱歉) and a reply
that repeats one: graded at once, each place listed once in the evidence, verdicts and negation
as before (outside pass 36, finding 05: 20 nested phrases and a 10,000-character reply took 14 s,
and the JSON report of a 1 KB reply was 14 MB)."""
import json
import shutil
import unittest

from coachtest import BUNDLED, CoachTestCase, run

# Beside the bundled concepts: a filler concept of 20 nested phrases, a graded apology and a
# forbidden concept whose phrases begin one another.
NESTED_LEXICON = """\
concepts:
  zz_listening:
    label: 嗯声
    source: test
    phrases: [{hums}]
  zz_sorry:
    label: 分级道歉
    source: test
    phrases: [抱歉, 很抱歉, 非常抱歉, 非常抱歉给您添麻烦了]
  zz_blame:
    label: 指责
    source: test
    phrases: [您弄错, 您弄错了, 您弄错了吧]
""".format(hums=", ".join("嗯" * k for k in range(1, 21)))

SCENARIO = """\
id: nested
title: 嵌套短语
source: test
customer: {name: 王先生}
briefing: 测试
pass_mark: 50
steps:
  - id: s
    stage: vent
    customer: 你们怎么回事?
    rules:
      - {concept: zz_listening, points: 10}
      - {forbid: zz_listening, points: 10}
      - {concept: zz_sorry, points: 10}
      - {forbid: zz_blame, points: 10}
      - {none_of: [嗯, 嗯嗯, 嗯嗯嗯, 嗯嗯嗯嗯], points: 10}
    model_answers: ["王先生,非常抱歉给您添麻烦了。"]
"""


class NestedPhrases(CoachTestCase):
    def setUp(self):
        super().setUp()
        shutil.copytree(BUNDLED / "lexicons", self.tmp / "lib" / "lexicons")
        (self.tmp / "lib" / "customer-types").symlink_to(BUNDLED / "customer-types")
        self.write("lib/lexicons/zz-nested.yaml", NESTED_LEXICON)
        self.write("lib/nested.yaml", SCENARIO)

    def grade(self, reply, timeout=60):
        """The rules of the step for `reply`, by kind and concept or phrases, and the report's size."""
        answers = self.write("answers.yaml", "scenario: nested\nresponses:\n  s: "
                             + json.dumps(reply, ensure_ascii=False) + "\n")
        result = run("--no-history", "--scenarios", str(self.tmp / "lib"), "grade", str(answers),
                     "--format", "json", timeout=timeout)
        self.assertIn(result.returncode, (0, 1), result.stderr)
        rules = json.loads(result.stdout)["results"][0]["steps"][0]["rules"]
        return rules, len(result.stdout.encode())

    def test_a_long_reply_repeating_a_nested_phrase_is_graded_at_once(self):
        # 14.5 s of CPU (30 s on a busy machine) and a 64 MB report before; now well under the
        # timeout, whatever the machine or sanitizer, and the report the size of the reply.
        reply = "嗯" * 10000
        rules, size = self.grade(reply, timeout=30)
        self.assertLess(size, 200_000)
        said, forbidden = rules[0], rules[1]
        self.assertTrue(said["ok"])
        self.assertEqual(said["matched"], [{"text": reply, "start": 0, "end": 10000}])
        self.assertFalse(forbidden["ok"])
        self.assertEqual(forbidden["matched"], said["matched"])
        # What the feedback quotes is the phrase said at the first place, not the whole run.
        self.assertIn("“" + "嗯" * 20 + "”", forbidden["detail"])
        self.assertNotIn("嗯" * 21, forbidden["detail"])

    def test_the_evidence_lists_each_place_once(self):
        reply = "嗯嗯,王先生,非常抱歉给您添麻烦了,真的很抱歉。嗯嗯嗯"
        rules, _ = self.grade(reply)
        spans = [[(m["text"], m["start"], m["end"]) for m in rule["matched"]] for rule in rules]
        self.assertEqual(spans[0], [("嗯嗯", 0, 2), ("嗯嗯嗯", 24, 27)])
        self.assertEqual(spans[2], [("非常抱歉给您添麻烦了", 7, 17), ("很抱歉", 20, 23)])
        self.assertEqual(spans[4], spans[0])  # the rule's own list, as the concept

    def test_nested_phrases_are_judged_as_before(self):
        rules, _ = self.grade("王先生,很抱歉让您久等了")
        self.assertEqual([rule["ok"] for rule in rules[:5]], [False, True, True, True, True])
        rules, _ = self.grade("嗯,您弄错了吧")
        self.assertEqual([rule["ok"] for rule in rules[:5]], [True, False, False, False, False])
        self.assertIn("“您弄错了吧”", rules[3]["detail"])

    def test_negation_still_governs_a_nested_phrase(self):
        # A required phrase under a negation is not said; a forbidden one is excused where the
        # negation plainly governs it, and only there.
        rules, _ = self.grade("我不觉得非常抱歉给您添麻烦了")
        self.assertFalse(rules[2]["ok"])
        self.assertEqual(rules[2]["matched"], [])
        rules, _ = self.grade("我们不会说您弄错了")
        self.assertTrue(rules[3]["ok"])
        rules, _ = self.grade("系统查不出问题您弄错了吧")
        self.assertFalse(rules[3]["ok"])


if __name__ == "__main__":
    unittest.main()
