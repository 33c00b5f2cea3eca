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
            ("missing-balance", "gather", "王先生,您可能订了什么自己忘了。", "责怪"),
            # asking about the account politely, or who uses the number, doubts nobody
            ("missing-balance", "gather", "王先生,请问您这个月有没有开通过新的业务?", None),
            ("missing-balance", "gather", "王先生,这个号码是不是您家人在用?", None),
            ("missing-balance", "gather", "王先生,可能您自己都不知道被开通了,我马上调详单查一下。", None)])

    def test_asking_who_uses_the_phone_is_fact_finding(self):
        # adv47 01: adv46 added whole-word 是不是/会不会 + 家里人/孩子 + 用过/玩过 to `blame`, forbidden at every step;
        # at gather, after the trainee says they will check the bill, it is 000 第三步's closed question, and it
        # failed the step critically and the exam. It is gone: the question passes at gather, and the same question
        # as the whole reply at the apology step fails that step on what it lacks (no restatement), not critically.
        tail = "王先生,号码多少?我帮您查详单。"
        self.assert_breaks([
            ("missing-balance", "gather", tail + "是不是家里人用过这部手机?", None),
            ("missing-balance", "gather", tail + "是不是您家里人用过您的手机?", None),
            ("missing-balance", "gather", tail + "是不是您孩子玩过您的手机?", None),
            ("missing-balance", "gather", tail + "是不是您家里人也在用这个号?", None),
            ("missing-balance", "apologize", "王先生,对不起。是不是您家里人用过您的手机?", None),
            # guessing at the customer's side stays a mistake (the older patterns)
            ("missing-balance", "gather", tail + "会不会是家里人用过您的手机?", "责怪"),
            ("missing-balance", "gather", tail + "是不是家里人用您手机订了什么?", "责怪")])
        cases = [("missing-balance", "gather", tail + "是不是家里人用过这部手机?"),
                 ("missing-balance", "apologize", "王先生,对不起。是不是您家里人用过您的手机?")]
        gather, apologize = self.alone(cases)
        self.assertTrue(gather["passed"])
        self.assertEqual(gather["score"], 100)
        self.assertFalse(apologize["passed"])
        self.assertFalse(rule(apologize, "复述客户的问题")["ok"])

    def test_the_exam_with_a_family_question_at_gather_passes(self):
        responses = self.model_answers("missing-balance")
        responses["gather"] = "王先生,您的手机号码是多少?我马上帮您调出本月的话费详单查一下。请问您这个月有没有开通过新的业务?是不是家里人用过这部手机?"
        path = self.write("mb.yaml", test_grade.answers_file("missing-balance", responses))
        graded = json.loads(run("grade", str(path), "--format", "json").stdout)["results"][0]
        self.assertTrue(graded["passed"])
        self.assertFalse(graded["critical_failed"])

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
    admitting fault before the facts got no word at the steps before the one that forbids it.
    adv47 02: made critical at every step, the colleague rule failed owning apologies on one word
    (确实很差 passed, 确实太差 failed). Where a colleague's conduct is the complaint, every step
    now has a non-critical, 0-point rule whose feedback shows the better wording."""

    BETTER = "让您受委屈了,是我们的服务没做好"

    def assert_told(self, cases):
        """Each (scenario, step, reply, said): the colleague rule of the step is there, never
        critical and worth 0; broken exactly when `said`, and its feedback then shows BETTER."""
        for (scenario, step_id, reply, said), step in zip(cases, self.alone(cases)):
            with self.subTest(scenario=scenario, step=step_id, reply=reply):
                colleague = rule(step, "当着客户批评同事")
                self.assertFalse(colleague["critical"])
                self.assertEqual(colleague["max"], 0)
                self.assertFalse(step["critical_failed"] and colleague["failed"])
                self.assertEqual(colleague["ok"], not said)
                if said:
                    self.assertIn(self.BETTER, colleague["feedback"])

    def test_criticising_a_colleague_is_told_not_failed(self):
        sentence = "说实话,那个员工确实太不像话了,素质太差。"
        self.assert_told([
            ("securities-rude-staff", "sum_up", "孙女士,我跟您确认一下:今天上午十点多在3号窗口,姓赵的工作人员说您“这么简单都不懂”,还把表格扔回给您,是这样吗?" + sentence + "您希望我们怎么处理?", True),
            ("type-venting", "close", "吴女士,那个营业员态度真差,回头我批评她。", True),
            # the reviewer's owning apologies (adv47 p5): told, no longer zeroed
            ("prepaid-bonus", "apologize", "周女士,实在对不起,那位同事刚才的态度太不专业了,我代表我们营业厅向您赔个不是。送的话费没到账,是吧?我先记下来。", True),
            ("securities-rude-staff", "accept", "孙阿姨,我是客服小陈,工号5103。您是十几年的老客户了,那位员工那样说话确实非常不专业,真对不起,我特别理解您的心情。", True),
            ("securities-rude-staff", "sum_up", "孙阿姨,我复述一下:今天上午十点多,人民路营业部3号窗口,姓赵的员工对您说“这么简单都不懂”,还把表格扔回来,她这样确实太过分了。是这样吗?您希望我们怎么处理?", True),
            ("type-pragmatic", "acknowledge", "赵女士,真对不起,前台那个小姑娘态度确实太差了,让您受气了。我来帮您解决,换套餐的事我们一起想办法。", True),
            ("bank-argumentative", "acknowledge", "周先生,前面三位同事跟您说加急了,结果卡还是没到,她们那样说确实不负责任,这是我们的问题。您报一下卡号后四位,我马上查。", True),
            ("get-me-the-manager", "resolve", "孙女士,那个同事确实太不负责任了。这30块我马上给您退。", True),
            # owning it for the company, or agreeing with what the customer said, is not
            ("securities-rude-staff", "sum_up", "孙女士,那位工作人员那样对您,是我们的服务没做好,我代表公司向您道歉。", False),
            ("prepaid-bonus", "apologize", "周女士,真对不起,我们营业员态度不好,让您受委屈了,是我们的不对。您交了钱,送的话费到现在还没到账,对吧?我都记下了。", False),
            ("type-pragmatic", "acknowledge", "赵女士,真对不起,刚才前台态度不好,让您受气了,这是我们的问题。我理解您着急,换套餐的事我来帮您解决。", False),
            ("securities-rude-staff", "sum_up", "孙女士,您要求开除她的意见,我会如实反馈给营业部负责人。", False)])
        # the reviewer's owning apologies score as they did before adv46 made the rule critical
        cases = [("prepaid-bonus", "apologize", "周女士,实在对不起,那位同事刚才的态度太不专业了,我代表我们营业厅向您赔个不是。送的话费没到账,是吧?我先记下来。"),
                 ("securities-rude-staff", "accept", "孙阿姨,我是客服小陈,工号5103。您是十几年的老客户了,那位员工那样说话确实非常不专业,真对不起,我特别理解您的心情。"),
                 ("type-pragmatic", "acknowledge", "赵女士,真对不起,前台那个小姑娘态度确实太差了,让您受气了。我来帮您解决,换套餐的事我们一起想办法。")]
        for case, step in zip(cases, self.alone(cases)):
            with self.subTest(reply=case[2]):
                self.assertFalse(step["critical_failed"])
                self.assertGreaterEqual(step["score"], 80)
        # outside those scenarios no step judges it
        [step] = self.alone([("missing-balance", "gather", sentence)])
        self.assertFalse([r for r in step["rules"] if "当着客户批评同事" in r["description"]])
        # a punishment promised to the customer is still a critical reckless promise
        self.assert_breaks([("prepaid-bonus", "apologize", "周女士,对不起,回头我扣她工资。", "许下谁都不能许的承诺")])

    def test_the_reviewers_attempt_is_told_where_it_criticised(self):
        responses = {"accept": "孙女士,您好,我是客服代表周敏,工号2231。您是我们十几年的老客户,今天却受了这样的气,换了谁心里都难受,我很理解您的心情,真的对不起。您慢慢说,我都听着。",
                     "facts": "好的孙女士,我一边听一边记录。请问您是几点到的营业部?在几号窗口办理的?那位工作人员当时具体是怎么说的?",
                     "sum_up": "孙女士,我跟您确认一下:今天上午十点多在3号窗口,姓赵的工作人员说您“这么简单都不懂”,还把表格扔回给您,是这样吗?说实话,那个员工确实太不像话了,素质太差。您希望我们怎么处理?",
                     "resolve": "孙女士,让您受了委屈,我代表公司向您郑重道歉。您反映的情况我已经详细登记,今天就反馈给营业部负责人调查处理,2个工作日内给您回电话告诉您处理结果。您看这样可以吗?",
                     "thank": "孙女士,谢谢您打电话来告诉我们,谢谢您这么多年的信任。我们会加强柜台服务培训,认真改进。这样处理您还满意吗?"}
        path = self.write("rude.yaml", test_grade.answers_file("securities-rude-staff", responses))
        graded = json.loads(run("grade", str(path), "--format", "json").stdout)["results"][0]
        sum_up = next(s for s in graded["steps"] if s["id"] == "sum_up")
        colleague = rule(sum_up, "当着客户批评同事")
        self.assertFalse(colleague["ok"])
        self.assertIn(self.BETTER, colleague["feedback"])
        self.assertIn(self.BETTER, run("grade", str(path)).stdout)
        for step in graded["steps"]:
            if step["id"] != "sum_up":
                self.assertTrue(rule(step, "当着客户批评同事")["ok"])

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
        self.assertNotIn("报完号码", text)
        self.assertNotIn("我就等你电话", text)
        text = self.grade_text("bank-argumentative", self.model_answers("bank-argumentative"))
        for line in ["道歉我听到了", "(报完号码)查到了吧?", "行,我就等你电话"]:
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


class Pass47(Pass46):
    """Outside pass adv47 (a senior trainer checking the stricter grading for false failures),
    findings 3–6: the customer's next line answers what was said, firm answers with a reason are
    firm, a time given for 准信 is a callback, a letter is no apology, and solving calms a little."""

    HARDLINE_PRAISE = "郝先生,您对我们的业务这么熟,肯定是我们的老客户了。您想把套餐降下来、每个月省点钱,这个心情我很理解。"

    def test_firm_answers_with_a_reason_are_firm(self):
        self.assert_met("坚定立场", [
            ("type-hardline", "firm-line", "郝先生,实在抱歉,合约期内解约违约金是免不了的,这是合同里约定好的,我没这个权限。", True),
            ("type-hardline", "firm-line", "郝先生,不好意思,这个不行,违约金是合同里写明的,我没有权限免。", True),
            ("type-hardline", "firm-line", "郝先生,不好意思,不行的,违约金是合同约定的,我没权限免。您看这样,我先把您的意见报上去。", True),
            # hedging is no firm line
            ("type-hardline", "firm-line", "郝先生,真不好意思,违约金的事我得先请示一下领导,看能不能给您申请减免,您稍等。", False),
            ("type-hardline", "firm-line", "郝先生,您的心情我理解。", False)])
        [step] = self.alone([("type-hardline", "firm-line", "郝先生,实在抱歉,合约期内解约违约金是免不了的,这是合同里约定好的,我没这个权限。")])
        self.assertTrue(step["passed"])

    def test_the_hardline_customer_answers_what_was_said(self):
        firm = self.grade_text("type-hardline", {"praise": self.HARDLINE_PRAISE,
                                                 "firm-line": "郝先生,实在抱歉,合约期内解约违约金是免不了的,这是合同里约定好的,我没这个权限。",
                                                 "report-and-contact": "郝先生,您的要求我马上上报给经理,今天下班前给您回电话,您看行吗?"})
        self.assertNotIn("不给句准话", firm)
        self.assertNotIn("就一句“不行”", firm)
        # hedging, with the customer angry (above 60): no 不行 was said, so he does not quote one
        hedge = self.grade_text("type-hardline", {"praise": "知道了,您先别激动。",
                                                  "firm-line": "郝先生,真不好意思,违约金的事我得先请示一下领导,看能不能给您申请减免,您稍等。",
                                                  "report-and-contact": "郝先生,您的要求我马上上报给经理,今天下班前给您回电话,您看行吗?"})
        self.assertIn("不给句准话", hedge)
        self.assertNotIn("就一句“不行”", hedge)
        bare = self.grade_text("type-hardline", {"praise": self.HARDLINE_PRAISE, "firm-line": "不行。",
                                                 "report-and-contact": "查一下。"})
        self.assertIn("就一句“不行”", bare)
        self.assertNotIn("不给句准话", bare)
        nothing = self.grade_text("type-hardline", {"praise": self.HARDLINE_PRAISE, "firm-line": "好的。",
                                                    "report-and-contact": "查一下。"})
        for line in ("就一句“不行”", "不给句准话", "无法满足?"):
            self.assertNotIn(line, nothing)

    def test_a_time_for_a_definite_answer_is_a_callback(self):
        self.assert_met("承诺回复、回访", [
            ("bank-argumentative", "honest_status", "周先生,我查到了,系统里还没有寄出记录。这件事我负责跟进,今天下班前我会给您一个准信。", True),
            ("bank-argumentative", "honest_status", "周先生,我查到了,系统里还没有寄出记录。这件事我负责跟进,下午三点前给您回话。", True),
            ("bank-argumentative", "honest_status", "周先生,我查到了,系统里还没有寄出记录。这件事我负责跟进,有消息给您个准信。", False)])
        answers = self.model_answers("bank-argumentative")
        answers["honest_status"] = "周先生,我查到了,系统里还没有寄出记录。这件事我负责跟进,今天下班前我会给您一个准信。"
        text = self.grade_text("bank-argumentative", answers)
        self.assertNotIn("什么时候给我答复你也不说", text)
        self.assertIn("行,我就等你电话", text)

    def test_the_customer_reads_back_the_number_that_was_asked_for(self):
        answers = self.model_answers("bank-argumentative")
        answers["acknowledge"] = "周先生,承诺的时间过了卡还没到,确实给您添麻烦了。麻烦您报一下卡号后四位,我马上帮您查。"
        text = self.grade_text("bank-argumentative", answers)
        self.assertIn("(报完号码)", text)
        self.assertNotIn("身份证后四位)", text)

    def test_a_letter_of_apology_is_no_apology(self):
        self.assert_met("体现「道歉」", [
            ("missing-balance", "apologize", "王先生,总裁的致歉函您收到了吧?", False),
            ("missing-balance", "apologize", "王先生,我们会给您寄一封道歉信。", False),
            ("missing-balance", "apologize", "王先生,我代表公司向您致歉。", True),
            ("missing-balance", "apologize", "王先生,我向您道歉,致歉函也会寄给您。", True)])
        answers = self.model_answers("airline-delay")
        answers["follow_up"] = "您好,我是某某航空客服中心的小李,工号1023。上次你们团队航班延误的事,总裁的致歉函和往返机票都收到了吧?您对我们的处理还满意吗?谢谢您。"
        text = self.grade_text("airline-delay", answers)
        follow_up = text[text.index("· follow_up]"):]
        moved = [line for line in follow_up.splitlines() if line.strip().startswith("怒气 ")]
        self.assertFalse([line for line in moved if "道歉" in line], moved)

    def test_a_solution_calms_the_agitated_customer_a_little(self):
        text = self.grade_text("missing-balance", self.model_answers("missing-balance"))
        self.assertRegex(text, r"怒气 \d+→\d+\(-8:解决方法与行动")
        shown = run("show", "missing-balance", lang="en").stdout
        self.assertIn("solution and action -8, explaining the cause -3", shown)
        for scenario in ("missing-balance", "airline-delay", "bill-500", "hall-outage", "type-agitated"):
            with self.subTest(scenario=scenario):
                checked = run("check", str(BUNDLED / f"{scenario}.yaml"))
                self.assertExit(checked, 0)
                self.assertTrue(checked.stdout.startswith("✓"), checked.stdout)  # every conditional line still reached



class Pass47Leftovers(Pass46):
    """Good replies adv47 found the rubric still missing or failing (finding 8), and earlier
    helpers' leftovers: each reviewer's reply passes, its unfair twin still fails."""

    def test_a_refusal_with_a_reason_and_the_model_phrase_is_a_firm_line(self):
        # 003 场景三's 暂时无法满足 after a reason is the lesson, not 002's 直接拒绝客户
        good = "郝先生,真的很抱歉,这个我们确实没办法,合同写了违约金,您的要求我们暂时无法满足。"
        self.assert_breaks([
            ("type-hardline", "firm-line", good, None),
            ("type-hardline", "firm-line", "郝先生,真的很抱歉,这个我们确实没办法。合同写了违约金,您的要求我们暂时无法满足。", None),
            # a bare refusal, a reason with no firm line, a firm line with no reason
            ("type-hardline", "firm-line", "郝先生,这个我们确实没办法。", "直接拒绝"),
            ("type-hardline", "firm-line", "郝先生,真的很抱歉,这个我们确实没办法,合同写了违约金。", "直接拒绝"),
            ("type-hardline", "firm-line", "郝先生,真的很抱歉,这个我们确实没办法,您的要求我们暂时无法满足。", "直接拒绝"),
            ("type-hardline", "firm-line", "郝先生,我也没办法,规定就是规定,您的要求我们暂时无法满足。", "直接拒绝"),
            ("roaming-without-id", "demand", "周先生,规定就是规定,我也没办法。", "直接拒绝"),
            ("hall-outage", "explain", "停电了我也没办法,您等着吧。", "直接拒绝"),
            # a reason and the phrase do not excuse a brush-off said beside them
            ("type-hardline", "firm-line", "郝先生,我也没办法,合约就这么写的,您爱去哪投诉去哪投诉,暂时无法满足。", "争辩")])
        [step] = self.alone([("type-hardline", "firm-line", good)])
        self.assertTrue(step["passed"])
        self.assertTrue(rule(step, "直接拒绝")["ok"])

    def test_advice_the_customer_asked_for_is_a_note_not_a_lecture(self):
        # bank-stubborn-novice's last step: she asked 以后我怎么还才不收利息?
        asked = ("赵女士,您应该在还款日前全额还款,这样就不收利息了,也可以办自动还款。这次的利息是按规定正常产生的,"
                 "这次我们就当咨询处理,不用投诉了。您还有什么不明白的吗?谢谢您。")
        [step] = self.alone([("bank-stubborn-novice", "turn_into_advice", asked)])
        self.assertTrue(step["passed"] and not step["critical_failed"], step["rules"])
        note = rule(step, "您应该")
        self.assertFalse(note["ok"])
        self.assertFalse(note["critical"])
        self.assertEqual(note["points"], 0)
        self.assertTrue(rule(step, "责怪")["ok"])
        self.assertIn("以后您在还款日前全额还款", note["feedback"])
        # where nobody asked, and any other 您应该, it is still a critical lecture
        self.assert_breaks([
            ("bank-stubborn-novice", "turn_into_advice", asked, None),
            ("bank-stubborn-novice", "listen", "女士您好,您应该在还款日前全额还款,换了谁都会着急。", "您应该"),
            ("bank-stubborn-novice", "find_the_gap", "赵女士,您应该在还款日前全额还款的,我帮您查一下账单,您是什么时候还的?", "您应该"),
            ("bank-stubborn-novice", "explain_slowly",
             "赵女士,打个比方,您只还了500元,剩下的就要算利息,这是因为没有全部还清,您应该在还款日前全额还款才对。", "您应该"),
            ("bank-unreasonable-venting", "care_first", "吴先生,您应该在每期账单到期前全额还款,额度才会提。", "您应该"),
            ("bank-stubborn-novice", "turn_into_advice", "赵女士,您应该按时还款,利息是按规定正常产生的,以后全额还款就行。谢谢。", "责怪"),
            ("bank-stubborn-novice", "turn_into_advice",
             "赵女士,打个比方,您只还了500元,剩下的就要算利息,您应该先看清楚账单说明再还款。", "责怪"),
            ("type-agitated", "resolve", "刘女士,您应该在停机前把欠费全部还上,我先帮您交费开机。", "责怪"),
            ("roaming-without-id", "route", "周先生,您应该在出国前把全部手续办好。", "责怪"),
            ("missing-balance", "resolve", "王先生,您应该在营业厅办理退订,我帮您办。", "责怪")])

    def test_the_customers_own_facts_given_back_are_a_restatement(self):
        self.assert_met("复述客户的问题(说出他讲的事实)", [
            ("reconnect-delay", "apologize", "张先生,真对不起!您上午十点就交了一百块,到现在一点了还停着机,耽误了您的生意,我先记下来。", True),
            ("reconnect-delay", "apologize", "张先生,抱歉,不过您确定是十点交的吗?", False),
            ("reconnect-delay", "apologize", "张先生,对不起,您交了费也不一定马上开机。", False),
            ("dropped-calls-hotline", "listen", "陈先生,一接电话就断,真是太耽误事了,对不起啊。平心而论,一般情况下您说的都对,"
                                                "手机才三个月,在大街上也断,确实不太像是手机的问题,我帮您好好查查。", True),
            ("dropped-calls-hotline", "listen", "陈先生,对不起,不过有的杂牌机确实容易断线,您的手机真是三星的吗?", False),
            ("dropped-calls-hotline", "listen", "陈先生,不好意思,断线的事我帮您查,断了多少次了?", False)])
        self.assert_met("体现「复述客户的问题」", [
            ("bank-argumentative", "restate", "周先生,您说的我都记下了:7个工作日早过了,催了三回没结果,下周二您要出差。", True),
            ("bank-argumentative", "restate", "周先生,您说的我都记下了,马上帮您查。", False),
            ("bank-argumentative", "restate", "周先生,我都记下了:我马上帮您查。", False)])
        for scenario, step_id, reply in [
                ("reconnect-delay", "apologize", "张先生,真对不起!您上午十点就交了一百块,到现在一点了还停着机,耽误了您的生意,我先记下来。"),
                ("dropped-calls-hotline", "listen", "陈先生,一接电话就断,真是太耽误事了,对不起啊。平心而论,一般情况下您说的都对,"
                                                    "手机才三个月,在大街上也断,确实不太像是手机的问题,我帮您好好查查。"),
                ("bank-argumentative", "restate", "周先生,确实给您添麻烦了。您说的我都记下了:7个工作日早过了,催了三回没结果,下周二您要出差。")]:
            with self.subTest(scenario=scenario):
                [step] = self.alone([(scenario, step_id, reply)])
                self.assertTrue(step["passed"], step["rules"])

    def test_a_call_on_a_named_day_is_a_callback(self):
        tail = "赵先生,这次给您添麻烦了,真对不起。我们也会改进提醒服务。谢谢您的理解,"
        self.assert_met("承诺回复、回访", [
            ("bill-500", "close", tail + "我后天一定给您电话。", True),
            ("bill-500", "close", tail + "明天上午给您个电话。", True),
            ("bill-500", "close", tail + "我给您电话号码,有事您找我。", False),
            ("bill-500", "close", tail + "明天我给您电话卡补好。", False),
            ("bill-500", "close", tail + "后天我不会给您电话了。", False)])

    def test_repeating_the_demand_to_punish_the_clerk_promises_nothing(self):
        self.assert_breaks([
            ("securities-rude-staff", "resolve", "孙女士,您要求处分她的意见我记下了,我马上反馈给营业部负责人调查,2个工作日内给您回电话。", None),
            ("securities-rude-staff", "resolve", "孙女士,您希望严肃处理她,这个我如实反馈给营业部负责人,2个工作日内给您回电话。", None),
            ("securities-rude-staff", "sum_up", "孙阿姨,您要求处分她,对吧?", None),
            ("securities-rude-staff", "resolve", "孙女士,调查之前我们不会处分她,2个工作日内给您回电话。", None),
            ("securities-rude-staff", "resolve", "孙女士,您放心,我们会处分她的,2个工作日内给您回电话。", "调查之前不许诺"),
            ("securities-rude-staff", "resolve", "孙女士,您放心,回头一定给她一个处分,2个工作日内给您回电话。", "调查之前不许诺"),
            ("securities-rude-staff", "sum_up", "孙阿姨,我们马上严肃处理她。", "调查之前不许诺")])

    def test_promising_not_to_sign_the_customer_up_again_is_not_dismissal(self):
        self.assert_breaks([
            ("missing-balance", "follow_up", "王先生,真对不起,钱已经退给您了,以后我们不会随便给您开通业务,这样处理您满意吗?谢谢您。", None),
            ("missing-balance", "follow_up", "王先生,真对不起,钱已经退给您了,今后我们不会随便给您加业务,这样处理您满意吗?谢谢您。", None),
            ("missing-balance", "follow_up", "王先生,我们不会随便给您开通业务的,钱是您自己订的业务扣的。", "否定"),
            ("missing-balance", "vent", "王先生,我们不会随便扣您的钱。", "否定"),
            ("missing-balance", "vent", "王先生,然后我们不会随便扣您的钱。", "否定")])

    def test_asking_whether_we_were_wrong_admits_nothing(self):
        # missing-balance's apologize step: admitting fault before the facts loses its 10 points
        self.assert_met("承认公司过错", [
            ("missing-balance", "apologize", "王先生,真对不起。是不是我们错了,我马上帮您查。", True),
            ("missing-balance", "apologize", "王先生,真对不起。是不是我们错了?我马上帮您查。", True),
            ("missing-balance", "apologize", "王先生,真对不起,是不是我们的问题?我马上帮您查清楚。", True),
            ("missing-balance", "apologize", "王先生,真对不起,会不会是我们的失误?我马上帮您查清楚。", True),
            ("missing-balance", "apologize", "王先生,真对不起,是否我们没做好,我查一下。", True),
            ("missing-balance", "apologize", "王先生,真对不起,我们错了。", False),
            ("missing-balance", "apologize", "王先生,真对不起,是我们的错。", False),
            ("missing-balance", "apologize", "王先生,真对不起,是我们不对。", False),
            ("missing-balance", "apologize", "王先生,真对不起,这是我们的失误。", False),
            ("missing-balance", "apologize", "王先生,真对不起,我们没做好。", False),
            ("missing-balance", "apologize", "王先生,真对不起,可能是我们多扣了。", False)])

    def test_the_evidence_ends_at_the_phrase(self):
        [step] = self.alone([("securities-fee", "resolve",
                              "刘先生,真对不起。我帮您改一下费率,今天就生效,多收的佣金三个工作日内退到您账户。")])
        matched = rule(step, "把费率改成")["matched"]
        self.assertEqual([m["text"] for m in matched], ["帮您改"])
        self.assert_met("把费率改成", [
            ("securities-fee", "resolve", "刘先生,真对不起。费率暂时不能给您改,差额三个工作日内退到您账户。", False),
            ("securities-fee", "resolve", "刘先生,真对不起。费率调整不了,差额三个工作日内退到您账户。", False)])


if __name__ == "__main__":
    unittest.main()
