"""What the customer's anger rewards, and what a reply that says nothing earns (outside pass 46,
findings 3 and 10), with the reviewer's own replies: a script pasted at every step, five bare
apologies, a reply that fails critically, a guess that angers with no visible cause, and curt
replies that earned the points of rules that only forbid."""
import json
import re
import unittest

from coachtest import CoachTestCase, run

STOCK = ("先生您好,您的心情我很理解,非常抱歉给您带来不便。请问您贵姓?如果您愿意可以告诉我。"
         "我们会尽快为您处理,有结果会给您回复,感谢您的理解和支持,您看这样可以吗?")
APOLOGIES = ["对不起对不起,真的非常抱歉,都是我们的错。", "真的很抱歉,对不起,王先生。", "对不起,实在抱歉。",
             "对不起王先生,是我们不好。", "对不起,再次向您道歉。"]
VENTING = {  # the good-but-imperfect trainee: step 2 brushes her off (a critical mistake)
    "listen": "嗯,排了四十分钟,真的啊……对不起,您的心情我很理解。",
    "keep-listening": "是这样啊,不过推销电话是系统自动外呼的,电梯没信号是因为电梯是金属封闭的,信号进不去,这个我们也没办法。",
    "side-with-her": "换了我也会生气。吴女士,真对不起,让您受了这么多气。",
    "close": "吴女士,谢谢您跟我说这么多。您说的排队、推销电话和电梯信号,我都记下来了,会反馈给相关部门。",
}
DEFENSIVE_FEE = {
    "accept": "先生您好,佣金费率调整需要走审批流程的,客户经理口头答应的不一定算数,以系统为准。",
    "facts": "您先别急着下结论,请问您的资金账号是多少?当时有没有签佣金调整申请表?",
    "sum_up": "刘先生,责任怎么认定不是我说了算,也有可能是您申请表填得不对,我们要按流程核实。",
    "resolve": "刘先生,费率可以给您改,但多收的佣金按公司规定原则上是不退的,说法的话公司也没有这个政策。",
    "thank": "好的刘先生,以后您有问题及时对账就行了,谢谢。",
}
CURT_BANK = {"restate": "好的。", "acknowledge": "查一下。", "honest_status": "不行。", "own_it": "好的,知道了。"}
CURT_FEE = {"accept": "好的。", "facts": "查一下。", "sum_up": "嗯。", "resolve": "不行。", "thank": "好的。"}


def anger_lines(text):
    """The lines that tell how a reply moved the anger (`怒气 32→52(…)`), in order."""
    return [line.strip() for line in text.splitlines() if re.match(r"\s+(怒气|anger) \d+→\d+", line)]


class AngerFollowsWhatACustomerFeels(CoachTestCase):
    def answers(self, scenario, responses):
        body = "".join(f"  {step}: \"{reply}\"\n" for step, reply in responses.items())
        return self.write(f"{scenario}.yaml", f"scenario: {scenario}\nresponses:\n{body}")

    def graded(self, path):
        return json.loads(run("grade", "--no-history", "--format", "json", str(path)).stdout)["results"][0]

    def test_a_script_pasted_at_every_step_angers_the_customer(self):
        record = self.tmp / "air.yaml"
        shown = run("practice", "airline-delay", "--no-history", "--record", str(record),
                    input=f"{STOCK}\n" * 5 + "\n").stdout
        lines = anger_lines(shown)
        self.assertEqual(len(lines), 5, shown)
        self.assertRegex(lines[0], r"^怒气 70→\d+\(-15:移情")  # the first time it is a fair vent reply
        for line in lines[1:]:
            self.assertIn("+5:照搬第 1 步的回答", line)
            self.assertIn("客户听出是在念稿,「", line)
        path = self.graded(record)["path"]
        self.assertGreater(path["final_mood"], path["turns"][1]["mood_before"])  # not calmed to 0
        self.assertEqual([t["mood_after"] - t["mood_before"] for t in path["turns"][1:]], [5, 5, 5, 5])

    def test_apologising_again_and_again_calms_less_each_time(self):
        shown = run("practice", "missing-balance", "--no-history", input="\n".join(APOLOGIES) + "\n\n").stdout
        lines = anger_lines(shown)
        self.assertEqual(lines[0], "怒气 70→60(-10:道歉)")
        self.assertEqual(lines[1], "怒气 60→55(-5:道歉(第 2 次))")
        self.assertIn("(第 3 次)", lines[2])
        self.assertEqual(lines[-1], "怒气 52→52(「道歉」说了太多次,已经不起作用)")
        self.assertIn("结束时客户的怒气 █████░░░░░ 52/100", shown)  # was 20: five apologies, no fix

    def test_a_reply_that_fails_critically_calms_nothing(self):
        graded = self.graded(self.answers("type-venting", VENTING))
        brushed_off = graded["path"]["turns"][1]
        self.assertTrue(graded["steps"][1]["score"] == 0 and not graded["passed"])
        self.assertGreaterEqual(brushed_off["mood_after"], brushed_off["mood_before"])  # was 35→33
        text = run("grade", "--no-history", str(self.tmp / "type-venting.yaml")).stdout
        line = [l for l in anger_lines(text) if l.startswith(f"怒气 {brushed_off['mood_before']}→")][0]
        self.assertIn("说了绝不能说的话,「适时回应(嗯、是这样的)」不起作用", line)

    def test_every_rise_names_its_cause_by_label(self):
        text = run("grade", "--no-history", str(self.answers("securities-fee", DEFENSIVE_FEE))).stdout
        lines = anger_lines(text)
        guessed = [line for line in lines if "瞎解释(凭猜测解释)" in line]
        self.assertEqual(len(guessed), 1, lines)
        self.assertRegex(guessed[0], r"^怒气 32→\d+\(\+20:瞎解释\(凭猜测解释\)")
        for line in lines:
            self.assertNotRegex(line, r"[a-z_]{4,}", "a concept id instead of its label")
        # The same cause as the reply's verdicts say it: under the reply, above its rules.
        sum_up = text.split("· sum_up]")[1]
        self.assertLess(sum_up.index("回答:"), sum_up.index("怒气 32→"))
        self.assertLess(sum_up.index("怒气 32→"), sum_up.index("\n    ✗"))

    def test_show_tells_how_calming_wears_out(self):
        shown = run("show", "missing-balance").stdout
        self.assertIn("\n  同一种安抚的话每多说一次,效果减半;回答有关键错误、堆砌关键词或照搬前面的回答时,"
                      "安抚的话都不起作用(照搬还让客户更生气 +5)\n", shown)

    def test_the_causes_are_told_in_english(self):
        shown = run("practice", "missing-balance", "--no-history", "--lang", "en",
                    input="\n".join(APOLOGIES[:2]) + "\n\n", lang="en").stdout
        self.assertEqual(anger_lines(shown)[:2], ["anger 70→60 (-10: apology)", "anger 60→55 (-5: apology (2nd time))"])


class NoPointsForSayingNothing(CoachTestCase):
    def answers(self, scenario, responses):
        body = "".join(f"  {step}: \"{reply}\"\n" for step, reply in responses.items())
        return self.write(f"{scenario}.yaml", f"scenario: {scenario}\nresponses:\n{body}")

    def test_a_curt_reply_earns_nothing_for_what_it_did_not_say(self):
        path = self.answers("bank-argumentative", CURT_BANK)
        graded = json.loads(run("grade", "--no-history", "--format", "json", str(path)).stdout)["results"][0]
        restate = graded["steps"][0]
        self.assertEqual((restate["id"], restate["score"]), ("restate", 0))  # was 30/130
        avoided = [rule for rule in restate["rules"] if rule["kind"] in ("forbid", "none_of") and rule["max"] > 0]
        self.assertTrue(avoided and all(rule["ok"] and rule["points"] == 0 for rule in avoided), avoided)
        # `查一下。` earns what the step asks for (查询核实), so what it avoided counts there.
        self.assertGreater(graded["steps"][1]["score"], 0)
        text = run("grade", "--no-history", str(path)).stdout
        self.assertIn("(没说错话本身不得分:这一步要求说到的一样也没说到,“避免”各条的分数不计。)",
                      text.split("· acknowledge]")[0])
        self.assertNotIn("没说错话", text.split("· acknowledge]")[1].split("· honest_status]")[0])

    def test_five_curt_replies_score_less(self):
        graded = json.loads(run("grade", "--no-history", "--format", "json",
                                str(self.answers("securities-fee", CURT_FEE))).stdout)["results"][0]
        self.assertLess(graded["score"], 11.0)  # the avoid rules' points were most of it
        self.assertEqual(graded["steps"][0]["score"], 0)  # accept: `好的。` was 15/100


if __name__ == "__main__":
    unittest.main()
