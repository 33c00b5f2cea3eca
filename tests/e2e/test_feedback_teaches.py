"""Outside pass 46 (a training lead judging whether the feedback teaches), the content findings:
mistakes the sources forbid passed as avoided (01), a mistake at a step with no rule for it went
unmentioned (02), the scripted customer answered as if the model answer had been given (05),
keyword rules were labelled with their keyword lists (08) or claimed more than they check (10),
good replies were marked as missing what they said (09), and the admitting-fault lesson flipped
without saying why (11). Each reviewer's reply sits beside a fair twin that must stay fine."""
import json
import unittest

from coachtest import BUNDLED, CoachTestCase, run
import test_grade


def rule(step, words):
    """The rule of a graded step whose description holds `words`."""
    found = [r for r in step["rules"] if words in r["description"]]
    assert found, f"no rule with {words} in {[r['description'] for r in step['rules']]}"
    return found[0]


class Pass46(CoachTestCase):
    def alone(self, cases):
        """Each (scenario, step, reply, …): the step graded with that reply alone."""
        return test_grade.graded_steps(self, [case[:3] for case in cases], added_to_model=False)

    def assert_breaks(self, cases):
        """Each (scenario, step, reply, label): the reply alone fails its step critically on the
        forbidding rule whose description holds `label`; with label None, on nothing."""
        for (scenario, step_id, reply, label), step in zip(cases, self.alone(cases)):
            with self.subTest(scenario=scenario, step=step_id, reply=reply):
                broken = [r["description"] for r in step["rules"]
                          if r["critical"] and not r["ok"] and r["kind"] in ("forbid", "none_of")]
                if label is None:
                    self.assertEqual(broken, [])
                    self.assertFalse(step["critical_failed"])
                else:
                    self.assertTrue(step["critical_failed"])
                    self.assertTrue(any(label in d for d in broken), broken)

    def assert_met(self, words, cases):
        """Each (scenario, step, reply, met): whether the rule holding `words` is met."""
        for (scenario, step_id, reply, met), step in zip(cases, self.alone(cases)):
            with self.subTest(scenario=scenario, step=step_id, reply=reply):
                self.assertEqual(rule(step, words)["ok"], met)

    def grade_text(self, scenario, responses):
        path = self.write(f"{scenario}.yaml", test_grade.answers_file(scenario, responses))
        return run("grade", str(path)).stdout


class MistakesCaughtWhereTheyAreMade(Pass46):
    """Finding 01: each reply the reviewer typed was shown ✓ 避免… for the mistake it made."""

    def test_doubting_the_customer(self):
        self.assert_breaks([
            ("missing-balance", "apologize", "王先生,非常抱歉。扣费都是按您开通的业务来的,可能您开了什么业务自己忘了。", "责怪"),
            ("missing-balance", "apologize", "王先生,对不起。是不是您家里人用过您的手机?", "责怪"),
            ("missing-balance", "gather", "王先生,您可能订了什么自己忘了。", "责怪"),
            ("missing-balance", "gather", "王先生,会不会家里孩子拿您手机上过网?", "责怪"),
            # asking about the account politely, or who uses the number, doubts nobody
            ("missing-balance", "gather", "王先生,请问您这个月有没有开通过新的业务?", None),
            ("missing-balance", "gather", "王先生,这个号码是不是您家人在用?", None),
            ("missing-balance", "gather", "王先生,可能您自己都不知道被开通了,我马上调详单查一下。", None)])

    def test_lecturing_and_blaming_by_guess(self):
        self.assert_breaks([
            ("bank-stubborn-novice", "find_the_gap", "赵女士,信用卡跟您借钱给妹妹是两回事,最低还款额不等于全部还清,这个概念您要先搞清楚。", "责怪"),
            ("bank-stubborn-novice", "find_the_gap", "赵女士,您得先把最低还款和全额还款分清楚。", "责怪"),
            ("bank-stubborn-novice", "find_the_gap", "赵女士,最低还款和全额还款这两个概念,我先给您讲清楚。", None),
            ("securities-fee", "sum_up", "刘先生,责任怎么认定不是我说了算,也有可能是您申请表填得不对,我们要按流程核实。", "责怪"),
            ("securities-fee", "sum_up", "刘先生,请问您申请表上填的费率是多少?我马上核实审批记录。", None),
            ("securities-fee", "sum_up", "刘先生,可能是我们这边没及时录入,我马上核实。", None)])

    def test_lecturing_on_what_to_do_next_time(self):
        self.assert_breaks([
            ("missing-balance", "follow_up", "王先生,取消之后下个月就不会再扣了,以后收到陌生短信别随便回复就行,谢谢。", "责怪"),
            ("bank-stubborn-novice", "turn_into_advice", "赵女士,利息是按规定收的,不能退。以后您到期前全额还款就不会有利息了,下次办卡前最好先看一下章程。", "责怪"),
            # the advice she asked for, and an anti-fraud reminder, are no lecture
            ("bank-stubborn-novice", "turn_into_advice", "赵女士,以后您每期在到期还款日前全额还款,就一分利息都没有。", None),
            ("missing-balance", "follow_up", "王先生,以后收到不明短信请不要回复,有疑问随时打电话问我们。", None)])

    def test_shifting_the_blame_to_the_system(self):
        self.assert_breaks([
            ("get-me-the-manager", "apologize", "孙女士,非常抱歉,给您带来了损失。上周退订没有生效,主要是我们系统那天出了故障,不是我操作的问题,不过这件事我一定负责给您处理好。", "推卸责任"),
            ("get-me-the-manager", "apologize", "孙女士,非常抱歉,上周退订没有生效,是系统出了故障,这件事我一定负责给您处理好。", "推给系统"),
            # a real cause told without shedding the responsibility
            ("computer-crash", "tell", "女士,真对不起,原因是系统故障,这件事我负责处理好。", None)])

    def test_a_bare_no_is_refusing_outright(self):
        self.assert_breaks([
            ("type-hardline", "firm-line", "不行。", "直接拒绝"),
            ("type-hardline", "firm-line", "不能!", "直接拒绝"),
            ("type-hardline", "firm-line", "郝先生,不好意思,您的具体要求确实比较高,我们暂时无法满足。", None),
            ("type-hardline", "firm-line", "郝先生,很抱歉,今天确实不行,不过我可以先把您的情况反馈上去。", None)])


class MistakesAtAnyStep(Pass46):
    """Finding 02: criticising a colleague at a step with no rule for it passed the scenario;
    admitting fault before the facts got no word at the steps before the one that forbids it."""

    def test_criticising_a_colleague_fails_every_step(self):
        sentence = "说实话,那个员工确实太不像话了,素质太差。"
        self.assert_breaks([
            ("securities-rude-staff", "sum_up", "孙女士,我跟您确认一下:今天上午十点多在3号窗口,姓赵的工作人员说您“这么简单都不懂”,还把表格扔回给您,是这样吗?" + sentence + "您希望我们怎么处理?", "批评同事"),
            ("missing-balance", "gather", sentence, "批评同事"),
            ("type-venting", "close", "吴女士,那个营业员态度真差,回头我批评她。", "批评同事"),
            # owning it for the company, or agreeing with what the customer said, is not
            ("securities-rude-staff", "sum_up", "孙女士,那位工作人员那样对您,是我们的服务没做好,我代表公司向您道歉。", None),
            ("airline-delay", "apologize", "您说同事安排得太差,一点都没错,这是我们的责任。", None),
            ("securities-rude-staff", "sum_up", "孙女士,您要求开除她的意见,我会如实反馈给营业部负责人。", None)])

    def test_the_reviewers_attempt_no_longer_passes(self):
        responses = {"accept": "孙女士,您好,我是客服代表周敏,工号2231。您是我们十几年的老客户,今天却受了这样的气,换了谁心里都难受,我很理解您的心情,真的对不起。您慢慢说,我都听着。",
                     "facts": "好的孙女士,我一边听一边记录。请问您是几点到的营业部?在几号窗口办理的?那位工作人员当时具体是怎么说的?",
                     "sum_up": "孙女士,我跟您确认一下:今天上午十点多在3号窗口,姓赵的工作人员说您“这么简单都不懂”,还把表格扔回给您,是这样吗?说实话,那个员工确实太不像话了,素质太差。您希望我们怎么处理?",
                     "resolve": "孙女士,让您受了委屈,我代表公司向您郑重道歉。您反映的情况我已经详细登记,今天就反馈给营业部负责人调查处理,2个工作日内给您回电话告诉您处理结果。您看这样可以吗?",
                     "thank": "孙女士,谢谢您打电话来告诉我们,谢谢您这么多年的信任。我们会加强柜台服务培训,认真改进。这样处理您还满意吗?"}
        path = self.write("rude.yaml", test_grade.answers_file("securities-rude-staff", responses))
        graded = json.loads(run("grade", str(path), "--format", "json").stdout)["results"][0]
        self.assertFalse(graded["passed"])
        self.assertTrue(graded["critical_failed"])

    def test_admitting_fault_before_the_facts_gets_feedback_where_it_is_said(self):
        cases = [
            ("missing-balance", "vent", "对不起对不起,真的非常抱歉,都是我们的错,实在对不起,给您添麻烦了。", False),
            ("missing-balance", "vent", "先生您好,钱无缘无故少了,换了谁都会着急。请问您贵姓?如果您愿意,可以把情况慢慢告诉我。", True),
            ("bank-unreasonable-venting", "no_tinted_glasses", "真的很抱歉,都是我们不好,对不起,对不起。", False),
            ("bank-unreasonable-venting", "steer_to_reason", "非常抱歉,真的对不起,我们错了。", False),
            ("bank-unreasonable-venting", "no_tinted_glasses", "吴先生,让您有这样的感受,真的很抱歉。", True)]
        for (scenario, step_id, reply, kept), step in zip(cases, self.alone(cases)):
            with self.subTest(step=step_id, reply=reply):
                admit = rule(step, "承认公司过错")
                self.assertEqual(admit["ok"], kept)
                self.assertFalse(step["critical_failed"])  # feedback, not a critical mistake
                if not kept:
                    self.assertIn("002", admit["feedback"])


class GoodRepliesGetTheirCredit(Pass46):
    """Finding 09: a reply marked as missing what it said, and evidence it never gave."""

    def test_what_the_reply_said_is_what_is_credited(self):
        self.assert_met("把话题带回她自己这三笔交易的处理", [
            ("bank-special-background", "standard_caliber", "郑女士,关于我行整体的风险情况,应以我行正式对外发布的信息为准,我作为座席不能随意答复,媒体采访由总行新闻办公室统一对接。我现在先帮您查一下这三笔争议的进度。", True),
            ("bank-special-background", "standard_caliber", "郑女士,关于我行整体的风险情况,应以我行正式对外发布的信息为准,媒体采访由总行新闻办公室统一对接。", False)])
        self.assert_met("把费率改成万分之二点五", [
            ("securities-fee", "resolve", "刘先生,费率可以给您改,差额3个工作日内退还。", True),
            ("securities-fee", "resolve", "刘先生,费率改不了。", False),
            ("securities-fee", "resolve", "刘先生,费率暂时不能给您改。", False)])
        self.assert_met("说清楚现在就做什么", [
            ("sms-failure", "resolve", "李女士,我查过了,您手机里的短信中心号码设置不对,所以发不出去。我现在教您改过来,改完马上就能发,您现在试一下可以吗?", True),
            ("sms-failure", "resolve", "李女士,我查过了,您手机里的短信中心号码设置不对。", False)])

    def test_no_fault_ticket_credited_for_the_sms_centre(self):
        [step] = self.alone([("sms-failure", "resolve", "李女士,我查过了,您手机里的短信中心号码设置不对。我现在教您改过来,改完马上就能发。")])
        evidence = json.dumps(rule(step, "说清楚现在就做什么")["matched"], ensure_ascii=False)
        self.assertIn("改过来", evidence)
        self.assertNotIn("短信中心", evidence)

    def test_a_restatement_states_the_customers_facts(self):
        self.assert_met("复述客户的问题", [
            ("missing-balance", "apologize", "王先生,对不起,抱歉,我记录下来,您看我这样理解对吗,您的意思是对吗,我记下了,1.8元。", False),
            ("missing-balance", "apologize", "王先生,真对不起。您的意思是这个月被扣了1.8元,对吧?", True),
            ("missing-balance", "apologize", "王先生,实在抱歉。您没打电话,1.8元却没了,我记下了。", True)])


class AdmittingTheFactNotTheBlame(Pass46):
    """Finding 11: bank-argumentative asked for 是我们的错, which 001 tells agents facing this
    type to avoid; it asks for the fact, in 001's words, and says why the 1.8-yuan case differs."""

    def test_the_fact_acknowledged_earns_the_rule_and_the_sweeping_blame_does_not(self):
        cases = [("bank-argumentative", "acknowledge", "周先生,承诺的时间过了卡还没到,确实给您添麻烦了。麻烦您报一下身份证后四位,我马上帮您查。"),
                 ("bank-argumentative", "acknowledge", "周先生,都是我们的错,我马上帮您查,麻烦您提供一下身份证后四位。")]
        fact, sweeping = self.alone(cases)
        self.assertTrue(fact["passed"])
        self.assertTrue(rule(fact, "承认确实存在的不足")["ok"])
        self.assertFalse(sweeping["passed"])
        acknowledge = rule(sweeping, "承认确实存在的不足")
        self.assertFalse(acknowledge["ok"])
        self.assertIn("确实给您添麻烦了", acknowledge["feedback"])
        self.assertIn("1.8元", acknowledge["feedback"])  # why this case differs
        self.assertFalse(rule(sweeping, "不把错全揽下来")["ok"])


class TheCustomerHearsWhatWasSaid(Pass46):
    """Finding 05: the customer's next line assumed the model answer had been given."""

    def test_bank_argumentative_after_curt_replies(self):
        text = self.grade_text("bank-argumentative", {"restate": "好的。", "acknowledge": "查一下。",
                                                      "honest_status": "不行。", "own_it": "好的,知道了。"})
        self.assertNotIn("道歉我听到了", text)
        self.assertNotIn("报完身份证后四位", text)
        self.assertNotIn("我就等你电话", text)
        text = self.grade_text("bank-argumentative", self.model_answers("bank-argumentative"))
        for line in ["道歉我听到了", "(报完身份证后四位)查到了吧?", "行,我就等你电话"]:
            self.assertIn(line, text)

    def test_refused_refund_is_not_thanked_for(self):
        answers = self.model_answers("missing-balance")
        answers["resolve"] = "王先生,这是信息服务的月费,订了就会每个月扣,我可以帮您取消,但按规定已经扣的钱是退不了的。"
        self.assertNotIn("钱退了就行", self.grade_text("missing-balance", answers))
        self.assertIn("钱退了就行", self.grade_text("missing-balance", self.model_answers("missing-balance")))

    def test_a_bare_no_is_not_quoted_as_unable_to_satisfy(self):
        text = self.grade_text("type-hardline", {"praise": "好的。", "firm-line": "不行。", "report-and-contact": "查一下。"})
        self.assertNotIn("无法满足?", text)
        self.assertIn("就一句“不行”", text)
        self.assertIn("无法满足?", self.grade_text("type-hardline", self.model_answers("type-hardline")))


class LabelsSayWhatToDo(Pass46):
    """Findings 08 and 10: no keyword rule is labelled with its keyword list, and the
    wrong-customer rules say what they check."""

    def test_no_bundled_rule_is_labelled_with_its_words(self):
        for path in sorted(BUNDLED.glob("*.yaml")):
            shown = run("show", path.stem, "--format", "json")
            self.assertExit(shown, 0)
            shown = json.loads(shown.stdout)
            rules = list(shown.get("never_say", []))
            for step in shown["steps"] + shown.get("branches", []):
                rules += step["rules"]
            for r in rules:
                with self.subTest(scenario=path.stem, rule=r["description"]):
                    self.assertFalse(r["description"].startswith(("说到其一", "不说:", "全部说到", "符合模式")))

    def test_the_wrong_customer_rule_claims_no_more_than_it_checks(self):
        [step] = self.alone([("missing-balance", "vent", "对不起对不起,真的非常抱歉。")])
        self.assertTrue(rule(step, "没有说成别的客户的事")["ok"])
        self.assertFalse(any("这位客户的事(没有" in r["description"] for r in step["rules"]))


if __name__ == "__main__":
    unittest.main()
