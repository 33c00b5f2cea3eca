"""`coach check` of a scenario with many steps (outside pass 36, finding 04: 800 steps, one
counter-example each, were not checked within a minute). A counter-example is replayed only as far
as it can change what the customer does; the notes on branches no example reaches stay those of
every path walked in full."""
import unittest

from coachtest import CoachTestCase, run

LEXICON = """\
concepts:
  sorry: {label: 道歉, label_en: apology, source: t, phrases: [对不起]}
  rude: {label: 指责, label_en: blame, source: t, phrases: [您弄错了]}
  explain: {label: 解释, label_en: explaining, source: t, phrases: [原因是]}
"""


def long_scenario(steps, slips, explained):
    """A scenario of `steps` steps whose model answers leave the anger at 40, and the places of its
    last steps' conditions. A counter-example at each step of `slips` blames the customer (anger
    up by 20 for good), the one at `explained` explains; the next-to-last step comes only at an
    anger above 50, and the last step's lines only after an explanation and above 90."""
    lines = ["id: t", "title: 很长的场景", "source: s", "briefing: b",
             "customer: {name: 王先生, mood: 40, reacts_to: {rude: 20}}", "steps:"]
    places = {}
    for i in range(steps):
        lines += [f"  - id: s{i}", "    stage: vent", f"    customer: 第{i}步"]
        if i == steps - 2:
            lines.append("    when: {mood_above: 50}")
            places["when"] = f"{len(lines)}:11"
        if i == steps - 1:
            lines.append("    customer_if:")
            lines.append("      - {said: explain, line: 原来如此}")
            places["explained"] = f"{len(lines)}:9"
            lines.append("      - {mood_above: 90, line: 我走了}")
            places["furious"] = f"{len(lines)}:9"
        counter = "原因是系统升级" if i == explained else "您弄错了" if i in slips else "好的"
        lines += ["    rules: [{concept: sorry, points: 10}, {forbid: rude, critical: true}]",
                  f'    model_answers: ["对不起,第{i}步"]',
                  f'    counter_examples: ["{counter},第{i}步", "嗯,第{i}步"]']
    return "\n".join(lines) + "\n", places


class CheckManySteps(CoachTestCase):
    def setUp(self):
        super().setUp()
        self.write("lexicons/l.yaml", LEXICON)

    def test_a_branch_many_steps_after_a_counter_example_is_reached(self):
        # At the limit of 100 steps; 400 took 8 s before (finding 04). Nothing else is timed.
        text, places = long_scenario(100, slips={30, 31}, explained=70)
        path = self.write("t.yaml", text)
        result = run("check", str(path), timeout=60)
        self.assertExit(result, 0)
        self.assertIn("✓ t:100 个示范回答通过,200 个反例不通过", result.stdout)
        notes = [line for line in result.stderr.splitlines() if line.startswith(str(path))]
        self.assertEqual(notes, [f"{path}:{places['furious']}: 没有哪个示范回答或反例会让客户在步骤 `s99` 说这句话"])

        # Without the slips nothing raises the anger, and without the explanation nobody
        # explains: both branches are out of reach then.
        text, places = long_scenario(100, slips=set(), explained=-1)
        path = self.write("t.yaml", text)
        result = run("check", str(path), lang="en")
        self.assertExit(result, 0)
        notes = [line for line in result.stderr.splitlines() if line.startswith(str(path))]
        self.assertEqual(notes, [
            f"{path}:{places['when']}: no model answer or counter-example reaches step `s98`",
            f"{path}:{places['explained']}: no model answer or counter-example makes the customer say this line at step `s99`",
            f"{path}:{places['furious']}: no model answer or counter-example makes the customer say this line at step `s99`"])

    def test_branches_that_only_a_counter_example_opens_are_noted_as_before(self):
        # `manager` and the line for blame come only after vent's first counter-example; the line
        # above 95 never; `extra` neither: only manager's second counter-example explains, and the
        # model answers, on whose path it alone would be said, never bring `manager` in.
        path = self.write("b.yaml", """\
            id: b
            title: 分支
            source: s
            briefing: b
            customer: {name: 王先生, mood: 50, reacts_to: {sorry: -15, rude: 30}}
            steps:
              - id: vent
                stage: vent
                customer: c
                rules: [{concept: sorry, points: 10}, {forbid: rude, critical: true}]
                model_answers: ["王先生,对不起"]
                counter_examples: ["您弄错了", "好的"]
              - id: manager
                stage: vent
                when: {mood_above: 60}
                customer: 叫经理来
                rules: [{concept: sorry, points: 10}]
                model_answers: ["对不起"]
                counter_examples: ["好的", "原因是系统升级"]
              - id: calm
                stage: apologize
                customer: c
                customer_if:
                  - {mood_below: 40, line: 好吧}
                  - {said: rude, line: 你还怪我?}
                  - {mood_above: 95, line: 我走了}
                rules: [{concept: sorry, points: 10}]
                model_answers: ["对不起"]
              - id: extra
                stage: gather
                when: {said: explain}
                customer: c
                rules: [{concept: sorry, points: 10}]
                model_answers: ["对不起"]
            """)
        result = run("check", str(path))
        self.assertExit(result, 0)
        self.assertEqual(result.stderr,
                         "注意:\n"
                         f"{path}:26:9: 没有哪个示范回答或反例会让客户在步骤 `calm` 说这句话\n"
                         f"{path}:31:11: 没有哪个示范回答或反例会走到步骤 `extra`\n")
        self.assertEqual(result.stdout, "✓ b:4 个示范回答通过,4 个反例不通过\n")

    def test_a_customer_who_walked_out_reaches_nothing_after(self):
        # Blame takes the customer to the limit: the step that would follow an anger above 70
        # is never played, on any path.
        path = self.write("w.yaml", """\
            id: w
            title: 离开
            source: s
            briefing: b
            customer: {name: 王先生, mood: 50, limit: 80, reacts_to: {rude: 40}}
            steps:
              - {id: a, stage: vent, customer: c, rules: [{concept: sorry, points: 10}],
                 model_answers: ["对不起"], counter_examples: ["您弄错了", "好的"]}
              - {id: b, stage: vent, customer: c, rules: [{concept: sorry, points: 10}],
                 model_answers: ["对不起啊"], counter_examples: ["您弄错了"]}
              - {id: angry, stage: vent, when: {mood_above: 70}, customer: c,
                 rules: [{concept: sorry, points: 10}], model_answers: ["对不起呀"]}
            """)
        result = run("check", str(path), lang="en")
        self.assertExit(result, 0)
        self.assertEqual(result.stderr,
                         f"note:\n{path}:11:36: no model answer or counter-example reaches step `angry`\n")


if __name__ == "__main__":
    unittest.main()
