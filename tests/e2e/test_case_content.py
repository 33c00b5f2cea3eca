"""The bundled scenarios hold to the seeds: a reply written for another case fails the exam's
steps, the callback has 000's three opening items, and the seeds' own sentences earn what they
teach (content review adv42 02, 03, 05, 06, 07, 08, 09, 13; outside test adv43 05)."""
import json
import re
import unittest

import test_grade
from coachtest import BUNDLED, CoachTestCase, run

# 000 第一步 让客户发泄: “多使用以下句子:你的心情我很理解、如果您愿意可以告诉我”.
SEED_VENT = "{title}您好,你的心情我很理解,如果您愿意可以告诉我。"


def rule_ok(step, words):
    """Whether the rule of `step` whose description holds `words` was met."""
    rules = [r for r in step["rules"] if words in r["description"]]
    assert rules, f"no rule with {words} in {[r['description'] for r in step['rules']]}"
    return rules[0]["ok"]


class CaseContent(CoachTestCase):
    def grade_alone(self, cases):
        return test_grade.graded_steps(self, cases, added_to_model=False)

    def assert_steps(self, cases, passes):
        for (scenario, step_id, reply), step in zip(cases, self.grade_alone(cases)):
            with self.subTest(scenario=scenario, step=step_id, reply=reply):
                self.assertEqual(step["passed"], passes, step["rules"])

    def test_another_scenarios_model_answers_fail_the_exam_steps(self):
        # adv43 05: each of these passed its step (most at 100) with the name changed to this
        # customer's; they talk about another customer's complaint.
        self.assert_steps([
            ("missing-balance", "vent", "先生您好,大家从下午折腾到半夜,等了三个小时还被落在登机口,"
                                        "换了谁都会窝火,我很理解您的心情。您慢慢说,我在听。"),
            ("missing-balance", "vent", "先生您好,您先别着急,这边请坐。短信发不出去耽误了事,换了谁都会着急。"
                                        "您慢慢说,具体是怎么回事?"),
            ("sms-failure", "vent", "女士您好,按时还了钱,账单上却又出现了利息,换了谁都会着急。您慢慢说。"),
            ("airline-delay", "vent", "先生您好,钱无缘无故少了,换了谁都会着急。请问您贵姓?"
                                      "如果您愿意,可以把情况慢慢告诉我,我一定帮您弄清楚。"),
            ("missing-balance", "gather", "好的王先生,我问几个问题,尽快帮您查清楚。请问您的手机号码是多少?"
                                          "短信是从什么时候开始发不出去的?发送的时候手机上提示什么?打电话和接收短信都正常吗?"),
            ("sms-failure", "gather", "李女士,麻烦您把手机号码告诉我,我马上帮您调出本月的话费详单查一下。"
                                      "您是什么时候发现少了1.8元的?这个月您上过网或者发过短信吗?"),
            ("airline-delay", "gather", "先生,麻烦您把手机号码告诉我,我马上帮您调出本月的话费详单查一下。"
                                        "您是什么时候发现少了1.8元的?这个月您上过网或者发过短信吗?"),
            ("missing-balance", "follow_up", "王先生,非常感谢您指出我们服务上的问题。50元到账的短信您收到了吗?"
                                             "态度的事我们一定不会就这么算了,我们会改进服务。"),
            ("airline-delay", "follow_up", "您好,请问是先生吗?我是中国移动人民路营业厅的张丽,工号1083。"
                                           "您前天反映的短信发不出去的问题,技术部门已经处理好了。想跟您确认一下,"
                                           "现在短信能正常发送了吗?非常感谢您的耐心和支持!"),
            ("sms-failure", "follow_up", "李女士您好,我是某某航空客户服务中心的投诉专员李明,工号2046。关于那天航班的事,"
                                         "我们总裁给大家写了亲笔签名的致歉函,还为团队每位成员准备了一张国内往返机票,"
                                         "请问您都收到了吗?对这样的处理您还满意吗?非常感谢您的谅解和对我们的信任。"),
        ], passes=False)

    def test_the_seeds_sentences_and_own_facts_still_pass(self):
        cases = [
            ("missing-balance", "vent", SEED_VENT.format(title="先生")),
            ("airline-delay", "vent", SEED_VENT.format(title="先生")),
            ("sms-failure", "vent", SEED_VENT.format(title="女士")),
            # Gathering about this complaint without naming every fact, as trainers accept it.
            ("missing-balance", "gather", "王先生,您的手机号码是多少?什么时候发现余额少了的?我马上调详单核实。"),
            ("sms-failure", "gather", "李女士,您的手机号码是多少?从哪天开始发不出去的?发给所有人都失败吗?我帮您查一下。"),
            ("airline-delay", "gather", "先生,您团队的订单号是多少?明天最晚几点要到广州?您希望我们怎么帮您?我马上查航班。"),
        ]
        for (scenario, step_id, reply), step in zip(cases, self.grade_alone(cases)):
            with self.subTest(scenario=scenario, step=step_id):
                self.assertTrue(step["passed"], step["rules"])
                if step_id == "vent":  # 000's sentences name no fact and lose nothing for it
                    self.assertTrue(rule_ok(step, "没有说成别的客户的事"), step["rules"])

    def test_the_callback_opening_needs_company_and_reason(self):
        # adv42 03: 000 第五步 开场“至少要包括公司名称,你的名字或工号和一段引起客户兴趣的陈述”.
        self.assert_steps([
            ("sms-failure", "follow_up", "您好,我是张丽,工号1083。您反映的短信问题已经修好了,现在短信能正常发送了吗?谢谢。"),
            ("sms-failure", "follow_up", "您好,我是中国移动的张丽,工号1083。现在短信能正常发送了吗?谢谢。"),
            ("airline-delay", "follow_up", "您好,我是李明,工号2046。总裁的致歉函和机票,请问您都收到了吗?谢谢。"),
            ("airline-delay", "follow_up", "您好,我是某某航空的李明,工号2046。请问您都收到了吗?谢谢。"),
        ], passes=False)
        self.assert_steps([
            ("sms-failure", "follow_up", "李女士您好,我是中国移动营业厅的张丽,工号1083。您反映的短信问题已经修好了,"
                                         "现在短信能正常发送了吗?谢谢。"),
            ("airline-delay", "follow_up", "先生您好,我是某某航空的李明,工号2046。总裁的致歉函和往返机票,"
                                           "请问您都收到了吗?谢谢。"),
        ], passes=True)

    def test_this_cases_own_words_and_reasons_in_other_words_pass(self):
        # adv44 01: words of this very case are not another case's (000 is a 营业厅 deck: 窗口;
        # 000 第三步 马上判断问题的根本: 余额/交费/套餐 for an SMS that will not send; 身份证号 to rebook);
        # 02: the callback's reason in other words (000 第五步 一段引起客户兴趣的陈述); 03: the case's facts
        # in other words; 04: short closed questions on the result (000 第五步 封闭式问题).
        self.assert_steps([
            ("missing-balance", "vent", "王先生,让您在窗口排了半天队,没打电话钱又少了,换谁都窝火,我理解,您慢慢说。"),
            ("missing-balance", "vent", "王先生,您好,套餐里的钱没打电话就少了,换谁都着急,我理解,您慢慢说。"),
            ("missing-balance", "follow_up", "王先生,多扣的1.8元已经给您退回了,您查一下到账了吗?下个月出账后我再给您打电话。"
                                             "这次我们服务态度也不好,以后一定改进,谢谢您!"),
            ("sms-failure", "gather", "李女士,您号码多少?手机里余额还有吗?哪天开始发不出去的?发的时候提示什么?我帮您查一下。"),
            ("sms-failure", "gather", "李女士,您号码多少?最近换过套餐吗?短信从什么时候发不出去的?提示什么?我帮您查一下。"),
            ("airline-delay", "gather", "先生,请问您贵姓?订单号、人数、明天几点要赶到,您说一下,我马上帮您查。"
                                        "您希望我们怎么安排?"),
            ("missing-balance", "gather", "王先生,您的号码是多少?这个月您上过网吗?发过短信没有?什么时候发现不对的?"
                                          "我帮您查一下。"),
            ("sms-failure", "follow_up", "李女士您好,我是移动营业厅的小张,工号1083,跟您回访一下短信的事,"
                                         "现在能正常发了吗?谢谢您的耐心!"),
            ("sms-failure", "follow_up", "李女士您好,我是中国移动营业厅张丽,工号1083。上次您说短信发不出去。"
                                         "现在已经修好了。您试一下能发了吗?谢谢!"),
            ("sms-failure", "follow_up", "李女士您好,我是中国移动营业厅的张丽,工号1083。技术人员把您手机的短信中心号码"
                                         "重新设置了,现在能正常发了吗?谢谢您!"),
            ("sms-failure", "follow_up", "李女士您好,我是中国移动营业厅的张丽,工号1083。您反映的短信问题已经处理好了,"
                                         "现在发得出去了吗?谢谢您!"),
            ("sms-failure", "follow_up", "李女士,您好!我是中国移动的张丽,工号1083。您反映的短信问题我们已经搞定了,"
                                         "现在发短信没问题吧?谢谢您的支持!"),
            ("airline-delay", "follow_up", "王先生您好,我是东方航空客服李明,工号2046。关于上次团队延误的事,"
                                           "公司给每位团员的补偿已经寄出了,收到了吗?谢谢您的理解。"),
        ], passes=True)

    def test_anything_else_does_not_confirm_the_result(self):
        # adv42 02: a stock sign-off is not 000's 封闭式问题来确保客户真的满意.
        cases = [("sms-failure", "follow_up", "李女士您好,我是中国移动营业厅的张丽,工号1083。"
                                              "您的短信故障已经修好了。您还有别的需要吗?谢谢您的支持。"),
                 ("securities-rude-staff", "thank", "孙女士,谢谢您打电话来告诉我们。我们会加强柜台人员的服务培训,"
                                                    "认真改进。您看还有别的需要我帮您的吗?")]
        for (scenario, _, reply), step in zip(cases, self.grade_alone(cases)):
            with self.subTest(scenario=scenario):
                self.assertFalse(rule_ok(step, "确认客户是否满意"), step["rules"])
        step = self.grade_alone([("sms-failure", "follow_up", cases[0][2])])[0]
        self.assertFalse(step["passed"], step["rules"])

    def test_the_rational_customers_restatement_from_003(self):
        # adv42 06: 003 场景一's own example restates the customer's question.
        cases = [("type-rational", "restate", "孙先生,您问我们为什么在推出来电显示功能的同时,还要推出相应的"
                                              "主叫隐藏功能。不好意思,让您有这个疑问。"),
                 ("type-rational", "restate", "孙先生,您是问为什么来电显示和主叫隐藏要同时推出。不好意思。")]
        for (_, _, reply), step in zip(cases, self.grade_alone(cases)):
            with self.subTest(reply=reply):
                self.assertTrue(rule_ok(step, "复述客户的问题」"), step["rules"])
        self.assertTrue(self.grade_alone(cases[:1])[0]["passed"])

    def test_the_venting_customer_heard_with_000s_sentences(self):
        # adv42 08: 000 第一步's two listening sentences pass the listen step of 003 场景七.
        step = self.grade_alone([("type-venting", "listen", "女士您好,您的心情我很理解,如果您愿意可以告诉我。")])[0]
        self.assertTrue(step["passed"], step["rules"])
        self.assertEqual(step["max"], 100)  # was 102: a trainee read “62/102”

    def test_superiority_for_the_customer_of_many_banks(self):
        # adv42 13: 001 给予他们一定的优越感, said without inventing that he is a loyal customer.
        cases = [("bank-unreasonable-venting", "care_first", reply) for reply in (
            "吴先生,您用过这么多家银行的卡,对信用卡比我们很多人都懂。提额被拒,换了谁都会不痛快,您的心情我很理解。",
            "吴先生您好,申请被拒,换了谁都会有想法。您用过这么多家银行的信用卡,您的比较对我们很有价值。您慢慢说。")]
        for (_, _, reply), step in zip(cases, self.grade_alone(cases)):
            with self.subTest(reply=reply):
                self.assertTrue(rule_ok(step, "肯定客户"), step["rules"])
                self.assertTrue(step["passed"], step["rules"])
        # “我很了解您的心情” is empathy, not praise of the customer.
        step = self.grade_alone([("bank-unreasonable-venting", "care_first", "吴先生,我很了解您的心情,您慢慢说。")])[0]
        self.assertFalse(rule_ok(step, "肯定客户"), step["rules"])

    def test_the_manager_demand_is_not_scored_on_fetching_the_manager(self):
        # adv42 07: 002 极端投诉 “核心就是想方设法不让他见你的经理,然后争取他对你的同情和理解”.
        shown = json.loads(run("show", "missing-balance", "--format", "json").stdout)
        manager = next(s for s in shown["branches"] if s["id"] == "manager")
        for rule in manager["rules"]:
            with self.subTest(rule=rule["description"]):
                self.assertNotIn("经理", rule["description"])
        for answer in manager["model_answers"]:
            self.assertNotRegex(answer, "请(值班)?(经理|值班长|主管)")

    def test_model_answers_are_in_simplified_characters(self):
        # adv42 09: model answers are shown as 示范; traditional input is proven in tests/corpus.
        traditional = set("這個們說話費時間還沒對開發調單國際為與實會過來從東車門見長問題點體麼樣應該關鄭爭議賠處給請")
        for path in sorted(BUNDLED.glob("*.yaml")):
            shown = json.loads(run("show", path.stem, "--format", "json").stdout)
            for step in shown["steps"] + shown.get("branches", []):
                for answer in step["model_answers"]:
                    with self.subTest(scenario=path.stem, step=step["id"]):
                        self.assertFalse(traditional & set(answer), answer)

    def test_every_special_event_of_000_is_covered_or_said_to_be_missing(self):
        # adv42 05: scenarios/README.md must not claim coverage it lacks.
        readme = (BUNDLED / "README.md").read_text(encoding="utf-8")
        sources = " ".join(re.findall(r"^source: (.*)$", p.read_text(encoding="utf-8"), re.M)[0]
                           for p in BUNDLED.glob("*.yaml"))
        for event in ["停电", "电脑死机", "客户生病", "不文明客户", "记者采访", "拍照录像", "基站故障"]:
            with self.subTest(event=event):
                self.assertTrue(event in sources or event in readme.split("## From the documents")[0],
                                f"{event}: no scenario names it and the README does not say so")


if __name__ == "__main__":
    unittest.main()
