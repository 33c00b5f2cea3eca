"""Outside tester, pass 35 (findings 05 and 06): the scolding V什么V (您看什么看?, 您拍什么拍?) was
praised as an open question and forbidden nowhere, and urging the customer to hurry with a verb
after 快点 (您快点办吧, 您快点儿吧) got past `dismissive`. Each caught reply sits beside the innocent
replies with the same words (a question about a time or a problem, 说什么也要…, the trainee
hurrying themselves, a wish for the customer) that must still pass."""
import unittest

import test_grade
from coachtest import CoachTestCase


def question_earned(step):
    """Whether any of the step's asks_question rules is met."""
    rules = [rule for rule in step["rules"] if rule["kind"] == "asks_question"]
    assert rules, f"no asks_question rule in {[rule['kind'] for rule in step['rules']]}"
    return any(rule["ok"] for rule in rules)


class ScoldingAndHurryPass35(CoachTestCase):

    assert_critical = test_grade.assert_critical_replies

    def assert_question_points(self, cases):
        """cases: (reply, earns question points), each graded alone at missing-balance's gather."""
        graded = test_grade.graded_steps(
            self, [("missing-balance", "gather", reply) for reply, _ in cases], added_to_model=False)
        for (reply, earns), step in zip(cases, graded):
            with self.subTest(reply=reply):
                self.assertEqual(question_earned(step), earns, step["rules"])

    def test_v_shenme_v_earns_no_question_points(self):
        # finding 05: the same verb before and after 什么 (or 啥) scolds; it asks for no fact,
        # whatever the verb, listed in the lexicon or not (嗑 is not).
        self.assert_question_points([
            ("王先生,您看什么看?", False),
            ("王先生,您问什么问?", False),
            ("王先生,您拍什么拍?", False),
            ("王先生,您瞪什么瞪?", False),
            ("王先生,您嚷什么嚷?", False),
            ("王先生,您吵什么吵?", False),
            ("王先生,您急什么急?", False),
            ("王先生,您哭什么哭啊?", False),
            ("王先生,您笑什么笑?", False),
            ("王先生,您嚷嚷什么嚷嚷?", False),
            ("王先生,您瞅啥瞅?", False),
            ("王先生,您嗑什么嗑?", False),
            # questions with the same words
            ("王先生,您看什么时候方便?", True),
            ("王先生,您想问什么问题?", True),
            ("王先生,请问您说的是什么?", True),
            ("王先生,您看什么地方不清楚?", True),
            ("王先生,说什么也要帮您办好,您是什么时候发现的?", True),
            ("王先生,短信、电话什么什么的,您都用不了吗?", True),
            ("王先生,您为什么为这事着急?", True),
            ("王先生,您想说什么说啊?", True),
            ("王先生,您做了什么了?", True)])

    def test_v_shenme_v_is_dismissive_everywhere(self):
        # finding 05: forbidden in every step, as 000's 你不要叫 / 你别激动
        self.assert_critical([
            ("missing-balance", "gather", "王先生,您看什么看?", True),
            ("missing-balance", "gather", "王先生,您问什么问?", True),
            ("missing-balance", "gather", "王先生,您拍什么拍?", True),
            ("missing-balance", "gather", "王先生,您瞪什么瞪?", True),
            ("missing-balance", "vent", "王先生,吵什么吵!", True),
            ("missing-balance", "vent", "王先生,急什么急。", True),
            ("missing-balance", "vent", "王先生,哭什么哭啊。", True),
            ("missing-balance", "vent", "笑什么笑,王先生。", True),
            ("missing-balance", "vent", "王先生,您嚷嚷什么嚷嚷?", True),
            ("missing-balance", "vent", "王先生,您瞅啥瞅?", True),
            ("missing-balance", "vent", "王先生,您激动什么激动?", True),
            ("missing-balance", "vent", "王先生,您催什么催?", True),
            ("missing-balance", "vent", "王先生,您挤什么挤?", True),
            ("securities-rude-staff", "accept", "孙女士,您录什么录?", True),
            # questions and promises with the same words
            ("missing-balance", "gather", "王先生,您看什么时候方便?", False),
            ("missing-balance", "gather", "王先生,您想问什么问题?", False),
            ("missing-balance", "gather", "王先生,请问您说的是什么?", False),
            ("missing-balance", "gather", "王先生,您看什么地方不清楚?", False),
            ("missing-balance", "gather", "王先生,说什么也要帮您办好。", False),
            ("missing-balance", "gather", "王先生,短信、电话什么什么的,您都用不了吗?", False),
            ("missing-balance", "gather", "王先生,您为什么为这事着急?", False),
            ("missing-balance", "gather", "王先生,您想说什么说啊,我听着。", False),
            ("missing-balance", "gather", "王先生,您想吃什么吃的?我让同事去买。", False),
            ("missing-balance", "gather", "王先生,您有什么想问的尽管问。", False)])

    def test_urging_the_customer_to_hurry_is_dismissive(self):
        # finding 06: 快点 with the customer's act after it, or 儿
        self.assert_critical([
            ("missing-balance", "vent", "王先生,您快点办吧,后面还有人排队呢。", True),
            ("missing-balance", "vent", "王先生,您快点儿吧。", True),
            ("missing-balance", "vent", "王先生,您快一点儿吧。", True),
            ("missing-balance", "vent", "王先生,您快点决定吧。", True),
            ("missing-balance", "vent", "王先生,你快点填。", True),
            ("missing-balance", "vent", "王先生,您快点把表填了。", True),
            ("missing-balance", "vent", "王先生,您快点拿主意。", True),
            ("missing-balance", "vent", "王先生,请您快点签字。", True),
            ("missing-balance", "vent", "王先生,您快点说吧。", True),
            # the trainee hurrying themselves, or wishing the customer well
            ("missing-balance", "vent", "王先生,我快点给您办。", False),
            ("missing-balance", "vent", "王先生,我们尽快帮您办。", False),
            ("missing-balance", "vent", "王先生,您别急,我快点帮您查。", False),
            ("missing-balance", "vent", "王先生,希望能快点帮您解决。", False),
            ("missing-balance", "vent", "王先生,您想快点办好,我理解。", False),
            ("missing-balance", "vent", "王先生,我们想办法让您快点办完。", False),
            ("missing-balance", "vent", "王先生,我们会为您快点办。", False),
            ("missing-balance", "vent", "王先生,祝您快点好起来。", False),
            ("missing-balance", "vent", "王先生,您快点去医院看看吧,身体要紧。", False),
            ("missing-balance", "vent", "王先生,您快点坐下歇会儿。", False),
            # helping the customer be quick, or advising them (the review of session 20)
            ("missing-balance", "vent", "王先生,我们会尽力帮助您快点办好。", False),
            ("missing-balance", "vent", "王先生,我带您快点办一下。", False),
            ("missing-balance", "vent", "王先生,我陪您快点把手续办了。", False),
            ("missing-balance", "vent", "王先生,便于您快点办理,请您先取个号。", False),
            ("missing-balance", "vent", "王先生,这样您快点办完就能早点回家休息了。", False),
            ("missing-balance", "vent", "王先生,如果您快点办的话今天就能到账。", False),
            ("missing-balance", "vent", "王先生,您最好快点办理挂失,以免卡被盗刷。", False),
            ("missing-balance", "vent", "王先生,您还是快点把卡冻结了吧,这样最安全。", False),
            ("missing-balance", "vent", "王先生,建议您快点办理挂失。", False),
            ("missing-balance", "vent", "王先生,提醒您快点确认一下短信里的验证码。", False),
            ("missing-balance", "vent", "王先生,麻烦您快点确认一下,我这边马上给您退。", False),
            # …and hurrying them with the customer's act at the end of the clause
            ("missing-balance", "vent", "王先生,您快点回答我,后面还有人排队呢。", True),
            ("missing-balance", "vent", "王先生,您快点讲完,后面还有人排队呢。", True),
            ("missing-balance", "vent", "后面还有人排队呢您快点。", True)])


if __name__ == "__main__":
    unittest.main()
