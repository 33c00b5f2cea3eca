"""Good moves said in a trainee's own words earn their points; look-alikes that do not make the
move earn nothing (outside pass 33, findings 08, 09, 10 and the terse trainee of 12)."""
import json
import unittest

import test_grade
from coachtest import CoachTestCase, run

# sms-failure follow_up: everything the step asks for but the closing question.
CALL = "李女士您好,我是中国移动营业厅的刘洋,工号3301。您的短信问题已经修好了,"


def concept_ok(step, label):
    rules = [r for r in step["rules"] if r["kind"] == "concept" and label in r["description"]]
    assert rules, f"no concept rule {label} in {[r['description'] for r in step['rules']]}"
    return rules[0]["ok"]


class NaturalMoves(CoachTestCase):
    def assert_concept_cases(self, label, cases, step_passes=None):
        """cases: (scenario, step, reply, earns the concept). Each reply is graded alone; with
        step_passes, a reply that earns the concept must also pass its step."""
        graded = test_grade.graded_steps(self, [(sc, st, reply) for sc, st, reply, _ in cases],
                                         added_to_model=False)
        for (scenario, step_id, reply, earns), step in zip(cases, graded):
            with self.subTest(scenario=scenario, step=step_id, reply=reply):
                self.assertEqual(concept_ok(step, label), earns, step["rules"])
                self.assertFalse(earns and step["critical_failed"], step["rules"])
                if earns and step_passes:
                    self.assertTrue(step["passed"], step["rules"])

    def test_closing_questions_in_other_words_confirm_the_result(self):
        # Finding 08: the commonest hotline confirmations, with and without a question mark.
        self.assert_concept_cases("确认客户是否满意", [
            ("sms-failure", "follow_up", CALL + "现在发短信都没问题了吗?谢谢您。", True),
            ("sms-failure", "follow_up", CALL + "现在还有发不出去的情况吗?谢谢您。", True),
            ("sms-failure", "follow_up", CALL + "您那边试过了吗,能正常发了不?谢谢您。", True),
            ("sms-failure", "follow_up", CALL + "现在发短信都没问题了吧。谢谢您。", True),
            ("sms-failure", "follow_up", CALL + "現在短信都沒問題了嗎?謝謝您。", True),
            ("sms-failure", "follow_up", CALL + "还会提示发送失败吗?谢谢您。", True),
            ("sms-failure", "follow_up", CALL + "现在还有故障没有?谢谢您。", True),
            ("sms-failure", "follow_up", CALL + "短信能用了没?谢谢您。", True),
            # Good4 of the exam cohort, typed without punctuation.
            ("sms-failure", "follow_up", "喂李女士您好 我是移动营业厅的刘洋 工号3301 您的短信问题修好了 "
                                         "现在发短信都没问题了吧 谢谢您啊", True),
        ], step_passes=True)

    def test_sarcasm_statements_and_stories_confirm_nothing(self):
        self.assert_concept_cases("确认客户是否满意", [
            # Sarcasm or the trainee's own verdict (000 常见错误; finding 04's 总该满意了吗).
            ("sms-failure", "follow_up", CALL + "这下总没问题了吧。谢谢。", False),
            ("sms-failure", "follow_up", CALL + "这回您总该满意了吗?谢谢。", False),
            ("sms-failure", "follow_up", CALL + "这下该满意了吗?谢谢。", False),
            ("sms-failure", "follow_up", CALL + "现在应该没问题了吧。谢谢。", False),
            ("sms-failure", "follow_up", CALL + "重启一下不就没问题了吗?谢谢。", False),
            ("sms-failure", "follow_up", CALL + "这不是已经没问题了吗?谢谢。", False),
            # Statements and stories, not questions.
            ("sms-failure", "follow_up", CALL + "您放心,没问题了。谢谢。", False),
            ("sms-failure", "follow_up", CALL + "还有两笔没到账,我再催一下。谢谢。", False),
            ("sms-failure", "follow_up", CALL + "您的手机能用了没多久就坏了,真对不起。谢谢。", False),
            ("sms-failure", "follow_up", CALL + "钱到了没几天又扣了,真对不起。谢谢。", False),
            ("sms-failure", "follow_up", CALL + "今天能发了不少短信吧。谢谢。", False),
            # The customer's worry, an argument, or telling her to check.
            ("sms-failure", "follow_up", CALL + "您是担心还会掉线吗?谢谢。", False),
            ("sms-failure", "follow_up", CALL + "您还是觉得是我们的问题吗?谢谢。", False),
            ("sms-failure", "follow_up", CALL + "您自己先试一下还有没有问题。谢谢。", False),
            ("sms-failure", "follow_up", CALL + "您回去试试看有没有问题。谢谢。", False),
        ])

    def test_a_confirming_tag_without_a_question_mark_restates(self):
        # Finding 08 (bank-stubborn-novice): 是吧 typed before a comma or a space.
        fact = "赵女士,您这么想很正常,很多人都这么理解,您是觉得还了最低的500就算还清了"
        self.assert_concept_cases("复述客户的问题", [
            ("bank-stubborn-novice", "find_the_gap", fact + ",是吧?我查下您账单", True),
            ("bank-stubborn-novice", "find_the_gap", fact + ",是吧,我查下您账单", True),
            ("bank-stubborn-novice", "find_the_gap",
             "赵女士 您这么想很正常 很多人都这么理解 您是觉得还了最低的500就算还清了 是吧 我查下您账单", True),
        ], step_passes=True)
        # 对吧 before a full stop restates too (the engine does not count 对吧。 as a question, so
        # this step loses its question points: only the concept is checked). A tag after no fact
        # of the customer's is only a habit of speech.
        self.assert_concept_cases("复述客户的问题", [
            ("bank-stubborn-novice", "find_the_gap",
             "赵女士,您是觉得还了最低的500就算还清了,对吧。我查下您账单", True),
            ("bank-stubborn-novice", "find_the_gap", "赵女士,好的,是吧,那我查一下账单", False),
            ("bank-stubborn-novice", "find_the_gap", "赵女士,嗯,对吧,我查下账单", False),
        ])

    def test_the_document_empathy_with_the_commonest_words(self):
        # Finding 09: 004's 那一定非常难过 with 难受, 烦 and their kin.
        tail = "请先坐一下,您慢慢说。"
        self.assert_concept_cases("移情", [
            ("sms-failure", "vent", "女士您好,这两天您一定很难受吧。" + tail, True),
            ("sms-failure", "vent", "女士您好,您一定很烦吧。" + tail, True),
            ("sms-failure", "vent", "女士您好,我明白这两天您肯定很难受。" + tail, True),
            ("sms-failure", "vent", "您好女士,really sorry让您这么着急,我明白这两天您肯定很难受。请先坐一下,"
                                    "您把遇到的情况详细跟我说说,好吗?", True),
            ("sms-failure", "vent", "女士您好,您一定特别失望吧。" + tail, True),
            ("sms-failure", "vent", "女士您好,家里人肯定很担心吧。" + tail, True),
            ("airline-delay", "apologize", "先生对不起,这次真是我们的错,你们干等了三个小时,到登机口又被落下了,"
                                           "真的太难为大家了。", True),
        ], step_passes=True)
        # Words about the customer or the matter, not feelings; the trainee's own mood.
        self.assert_concept_cases("移情", [
            ("sms-failure", "vent", "女士您好,您一定很难缠吧。" + tail, False),
            ("sms-failure", "vent", "女士您好,您真的很烦。" + tail, False),
            ("sms-failure", "vent", "女士您好,您确实很烦人。" + tail, False),
            ("sms-failure", "vent", "女士您好,您一定很烦人吧。" + tail, False),
            ("sms-failure", "vent", "女士您好,这手续肯定很烦琐。" + tail, False),
            ("sms-failure", "vent", "女士您好,您这样我肯定很烦。" + tail, False),
            ("sms-failure", "vent", "女士您好,这样肯定不安全。" + tail, False),
            ("sms-failure", "vent", "女士您好,我一定不会让您失望。" + tail, False),
            ("sms-failure", "vent", "女士您好,您不一定很难受。" + tail, False),
        ])

    def test_a_cause_told_with_so_explains(self):
        # Finding 10: the cause first, then 所以 and what did not get done.
        self.assert_concept_cases("解释原因", [
            ("get-me-the-manager", "explain", "孙女士,是这样的,上周退订的时候我漏了最后一步确认,所以没退成,"
                                              "这个月就又扣了30,这个错在我,真的对不起。", True),
            ("get-me-the-manager", "explain", "孙女士 是这样的 上周退订的时候我漏了最后一步确认 所以没退成 "
                                              "这个月就又扣了30 这个错在我 真的对不起", True),
            ("get-me-the-manager", "explain", "孙女士,我少点了一步确认,结果退订没成功,这个月又扣了您30元,"
                                              "这个错在我,真的对不起。", True),
        ], step_passes=True)
        self.assert_concept_cases("解释原因", [
            ("get-me-the-manager", "explain", "孙女士,所以没关系,真的对不起。", False),
            ("get-me-the-manager", "explain", "孙女士,所以没办法,真的对不起。", False),
            ("get-me-the-manager", "explain", "孙女士,之所以没退成,我也不清楚,真的对不起。", False),
        ])

    def test_a_concrete_commitment_shows_the_will_to_improve(self):
        # Finding 10 and good4 of finding 12: the commitment said without 改进.
        self.assert_concept_cases("表明改进的决心", [
            ("get-me-the-manager", "close", "好的孙女士,真的对不起,谢谢您原谅我,以后我一定长记性,"
                                            "每笔业务办完都再核对一遍,谢谢您一直支持我们。", True),
            ("get-me-the-manager", "close", "好的孙女士,真的对不起,谢谢您原谅我,以后一定长记性,每笔都再核对,"
                                            "谢谢您一直支持我们。", True),
            ("get-me-the-manager", "close", "孙女士,真的对不起,谢谢您,我以后每笔业务办完都再核对一遍。", True),
            ("missing-balance", "follow_up", "好的王先生,感谢您!您看这样处理可以吗?下月初我给您回个电话核对账单,"
                                             "我们这边也会加强管理,以后尽量避免这类问题哈~", True),
        ], step_passes=True)
        # Advice or a lesson for the customer, a denial, a shrug.
        self.assert_concept_cases("表明改进的决心", [
            ("get-me-the-manager", "close", "孙女士,您以后长点记性,谢谢您。", False),
            ("get-me-the-manager", "close", "孙女士,请您以后一定长记性,谢谢您。", False),
            ("get-me-the-manager", "close", "孙女士,您以后每笔都再核对一下,谢谢您。", False),
            ("get-me-the-manager", "close", "孙女士,建议您以后避免这类问题,谢谢您。", False),
            ("get-me-the-manager", "close", "孙女士,您要加强学习,谢谢您。", False),
            ("get-me-the-manager", "close", "孙女士,我们每笔都核对过,不可能错,谢谢您。", False),
            ("get-me-the-manager", "close", "孙女士,我们也很难避免这类问题,谢谢您。", False),
        ])

    def test_granting_the_customer_his_reasoning_before_correcting_it(self):
        # Finding 10: 002's B way in other words; 您这么想就不对了 is the A way.
        self.assert_concept_cases("委婉地表达不同意见", [
            ("bill-500", "explain", "赵先生,您会这么想完全可以理解,多出来的是漫游上网流量费。", True),
            ("bill-500", "explain", "赵先生,您算的本地部分是对的,多出来的是漫游上网流量费。", True),
            ("bill-500", "explain", "赵先生,您这么想就不对了,多出来的是漫游上网流量费。", False),
            ("bill-500", "explain", "赵先生,我算的没错,多出来的是漫游上网流量费。", False)])

    def test_asking_the_customer_to_sit_down(self):
        # Good4 of finding 12: 您先坐. Taking a seat on a train or plane is no hospitality.
        self.assert_concept_cases("引导客户就座", [
            ("sms-failure", "vent", "女士 您好 您先坐 短信发不出去耽误了事 我能体会您现在有多着急 "
                                    "有什么情况您尽管说", True),
            ("sms-failure", "vent", "女士您好,您坐,我给您倒杯水,您慢慢说,我能体会您有多着急。", True),
        ], step_passes=True)
        self.assert_concept_cases("引导客户就座", [
            ("sms-failure", "vent", "女士您好,您先坐地铁过来吧,我能体会您有多着急。", False),
            ("sms-failure", "vent", "女士您好,您坐哪趟车来的?我能体会您有多着急。", False),
            ("sms-failure", "vent", "女士您好,您坐飞机过来的吗?我能体会您有多着急。", False),
        ])

    def test_the_terse_competent_trainee_passes_sms_failure(self):
        # Finding 12, good4: every step of 000's method, typed tersely without punctuation.
        responses = {
            "vent": "女士 您好 您先坐 短信发不出去耽误了事 我能体会您现在有多着急 有什么情况您尽管说",
            "apologize": "对不起李女士,让您受累了,我复述下哈,就是这两天您手机短信一条也发不出去,"
                         "影响到您办事了,没错吧,我很理解您",
            "gather": "李女士 不耽误您时间 号码多少我先查一下 啥时候开始发不出去的 发给谁都失败吗",
            "resolve": "李女士 这个我马上给您报修 技术那边今天下班前就处理 弄好了我打电话通知您 "
                       "这两天着急的事您先打电话哈",
            "follow_up": "喂李女士您好 我是移动营业厅的刘洋 工号3301 您的短信问题修好了 "
                         "现在发短信都没问题了吧 谢谢您啊"}
        path = self.write("good4.yaml", "trainee: good4\n" + test_grade.answers_file("sms-failure", responses))
        result = run("grade", str(path), "--format", "json")
        report = json.loads(result.stdout)["results"][0]
        self.assertTrue(report["passed"], [(s["id"], s["score"]) for s in report["steps"]])
        follow_up = next(s for s in report["steps"] if s["id"] == "follow_up")
        self.assertTrue(follow_up["passed"] and concept_ok(follow_up, "确认客户是否满意"))


class NaturalMovesPass53(NaturalMoves):
    """Outside pass 53, finding 07: good replies in everyday words that failed their steps."""

    CALLBACK = "李女士您好,我是中国移动营业厅的刘芳,工号2077。您前几天说短信发不出去,技术部门已经修好了,"

    def test_closing_questions_that_check_the_result(self):
        self.assert_concept_cases("确认客户是否满意", [
            ("sms-failure", "follow_up", self.CALLBACK + "现在短信都能正常发出去了吧?谢谢您的耐心。", True),
            ("sms-failure", "follow_up", self.CALLBACK + "这两天用着还好吗?谢谢您的耐心。", True),
            ("sms-failure", "follow_up", self.CALLBACK + "您试着发过短信了吗?谢谢您的耐心。", True),
            ("sms-failure", "follow_up", self.CALLBACK + "不知道现在发短信有没有问题?谢谢您的耐心。", True),
            ("sms-failure", "follow_up", self.CALLBACK + "这两天发短信还顺利吧?谢谢您的耐心。", True),
        ], step_passes=True)
        # a conclusion for her, a shrug, a question about her health
        self.assert_concept_cases("确认客户是否满意", [
            ("sms-failure", "follow_up", self.CALLBACK + "这下总没问题了吧?谢谢您的耐心。", False),
            ("sms-failure", "follow_up", self.CALLBACK + "应该没问题了吧。谢谢您的耐心。", False),
            ("sms-failure", "follow_up", self.CALLBACK + "您身体还好吗?谢谢您的耐心。", False),
            ("sms-failure", "follow_up", self.CALLBACK + "有没有问题随时找我,谢谢您的耐心。", False),
        ])

    def test_a_lesson_learnt_and_a_concrete_habit_show_the_will_to_improve(self):
        self.assert_concept_cases("表明改进的决心", [
            ("get-me-the-manager", "close", "孙女士,谢谢您的宽容,再次说声对不起。我会吸取这次的教训,把工作做得更细。", True),
            ("get-me-the-manager", "close", "孙女士,谢谢您,真的很抱歉。这个教训我记住了,以后办退订我都会等确认生效了再让您走。", True),
            ("get-me-the-manager", "close", "孙女士,谢谢您的理解,这次真的很抱歉。以后每笔业务我都会核对清楚再确认,不会再出这种错了。", True),
            ("missing-balance", "follow_up", "王先生,多谢您跑这一趟。钱退到账了您收到短信没有?下个月出账单我打电话跟您核对,"
                                             "保证不再扣这笔钱,我们也会把流程改好。", True),
            ("missing-balance", "follow_up", "王先生,谢谢您的提醒。这1.8元退回去了,您看一下到账了没?下个月出账后我回个电话给您,"
                                             "确认不再扣这笔费用。我们会把这次的问题当作教训。", True),
        ], step_passes=True)
        self.assert_concept_cases("表明改进的决心", [
            ("get-me-the-manager", "close", "孙女士,您以后做得更细一点,谢谢您。", False),
            ("get-me-the-manager", "close", "孙女士,您以后每笔都核对清楚再签字,谢谢您。", False),
        ])

    def test_checking_told_as_done_and_a_cause_told_with_jiu(self):
        reply = ("赵女士,我查了一下,这三次是公司做营销的外呼电话,因为您的号码还没有登记“营销免打扰”,"
                 "系统就把它放进了外呼名单。我现在就帮您登记免打扰,今后这类推销电话就不会再打给您了。")
        self.assert_concept_cases("查询核实", [
            ("type-rights", "explain", reply, True),
            ("type-rights", "explain", reply.replace("我查了一下", "我刚查过了"), True)])
        self.assert_concept_cases("晓之以理", [("type-rights", "explain", reply, True)], step_passes=True)

    def test_asking_what_she_wants_first_collecting_her_opinion_and_thanks(self):
        self.assert_concept_cases("询问客户的期望", [
            ("type-agitated", "steer-back", "刘女士,一个人又上班又带孩子,真不容易,您的委屈我能理解。"
                                            "那您看,现在最想让我们先帮您解决什么呢?", True)])
        self.assert_concept_cases("收集客户的意见", [
            ("type-rights", "collect-opinion", "赵女士,谢谢您把这个意见讲出来。您说的不尊重消费者的问题,"
                                               "我一条一条记下来了,会如实反映给我们的管理部门。", True)])
        self.assert_concept_cases("感谢客户", [
            ("missing-balance", "follow_up", "王先生,辛苦您跑一趟,感激不尽。1.8元到账短信收到了没?", True),
            ("missing-balance", "follow_up", "王先生,感激不尽。1.8元到账短信收到了没?", True)])


class NaturalMovesPass54(NaturalMoves):
    """Outside pass 54, findings 7 and 8: a numbered restatement, empathy said with 才怪 or
    换了我,我也气, and a definite day or a delay of hours as the time limit."""

    def test_a_numbered_restatement_restates(self):
        reply = ("先生,实在抱歉,让大家受累了。我复述一下您说的情况:1. 机械师罢工,你们等了三个小时;"
                 "2. 改乘小飞机,登机口又说坐不下;3. 现在先到上海,明天再转广州。是这样吗?这是我们公司的问题。")
        for text in (reply, reply.replace(". ", ".")):
            step = test_grade.graded_steps(self, [("airline-delay", "apologize", text)],
                                           added_to_model=False)[0]
            with self.subTest(reply=text):
                restate = [r for r in step["rules"] if r["description"].startswith("复述客户的问题")]
                self.assertTrue(restate and restate[0]["ok"], step["rules"])
                self.assertTrue(step["passed"], step["rules"])

    def test_empathy_said_with_cai_guai_or_huan_le_wo(self):
        self.assert_concept_cases("移情", [
            ("missing-balance", "vent", "先生您好,钱莫名其妙少了,换了谁不着急才怪。请问您贵姓?您慢慢说,我听着。", True),
            ("airline-delay", "vent", "先生您好,二十个人在机场干等三个小时,还被落在登机口,大家不急才怪。"
                                      "您把经过慢慢告诉我,我全部记下来。", True),
            ("missing-balance", "vent", "先生您好,换了我,我也气。请问您贵姓?您慢慢说,我听着。", True),
        ])
        self.assert_concept_cases("移情", [
            ("missing-balance", "vent", "先生您好,才怪。请问您贵姓?您慢慢说。", False)])

    def test_a_definite_day_or_hours_is_a_time_limit(self):
        base = "王先生,我查了一下,这1.8元是信息服务费,原因是号码上开着一个订阅业务。我现在就帮您退订,"
        self.assert_concept_cases("明确的时限", [
            ("missing-balance", "resolve", base + "1.8元今天到账。", True),
            ("missing-balance", "resolve", base + "1.8元今天下午到账。", True),
            ("missing-balance", "resolve", base + "1.8元两个小时后到账。", True),
            ("missing-balance", "resolve", base + "1.8元今天退回。", True),
        ], step_passes=True)
        self.assert_concept_cases("明确的时限", [
            ("missing-balance", "resolve", base + "1.8元今天到不了账,过几天再说。", False),
            ("missing-balance", "resolve", base + "1.8元马上退回。", False)])


if __name__ == "__main__":
    unittest.main()
