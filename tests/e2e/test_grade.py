"""`coach grade`: answers files in, reports out, exit status a CI job can gate on."""
import json
import os
import re
import resource
import signal
import subprocess
import time
import shutil
import stat
import threading
import unittest
import xml.etree.ElementTree as ET

from pathlib import Path

from coachtest import BUNDLED, COACH, FIXTURES, CoachTestCase, run

GOOD = """\
trainee: 张三
scenario: fee
responses:
  vent: 王先生,您的心情我很理解,您慢慢说。
  apologize: 真对不起,给您添麻烦了,原因是系统故障。
"""

BAD = """\
trainee: 李四
scenario: fee
responses:
  vent: 你弄错了吧,我们系统不会乱扣费。
"""


def grade(*args, lang="en"):
    return run("--scenarios", str(FIXTURES), "grade", *args, lang=lang)


class Grading(CoachTestCase):
    def test_passing_file_exits_0(self):
        result = grade(str(self.write("good.yaml", GOOD)))
        self.assertExit(result, 0)
        self.assertIn("PASSED", result.stdout)

    def test_failing_file_exits_1_and_explains(self):
        result = grade(str(self.write("bad.yaml", BAD)))
        self.assertExit(result, 1)
        self.assertIn("FAILED", result.stdout)
        self.assertIn("[critical]", result.stdout)
        self.assertIn("not answered", result.stdout)

    def test_bundled_model_answers_pass(self):
        for scenario_id in ["airline-delay", "missing-balance", "sms-failure"]:
            with self.subTest(scenario=scenario_id):
                responses = self.model_answers(scenario_id)
                lines = [f"scenario: {scenario_id}", "responses:"]
                lines += [f"  {step}: {json.dumps(text, ensure_ascii=False)}" for step, text in responses.items()]
                path = self.write(f"{scenario_id}.yaml", "\n".join(lines) + "\n")
                self.assertExit(run("grade", str(path)), 0)

    def test_model_answers_typed_without_punctuation_are_not_keyword_stuffing(self):
        # Found by an outside tester: trainees in chat windows leave punctuation out, and 19 of
        # the bundled model answers so typed scored 0 as keyword stuffing.
        unpunctuated = re.compile(r"[,。!?;:、,.!?;:“”\"‘’()()《》…—\s]")
        for scenario_id in ["missing-balance", "prepaid-bonus", "securities-fee", "type-venting"]:
            responses = {step: unpunctuated.sub("", text)
                         for step, text in self.model_answers(scenario_id).items()}
            lines = [f"scenario: {scenario_id}", "responses:"]
            lines += [f"  {s}: {json.dumps(t, ensure_ascii=False)}" for s, t in responses.items()]
            path = self.write(f"{scenario_id}.yaml", "\n".join(lines) + "\n")
            result = json.loads(run("grade", str(path), "--format", "json").stdout)["results"][0]
            for step in result["steps"]:
                with self.subTest(scenario=scenario_id, reply=step["reply"]):
                    stuffed = [r for r in step["rules"] if r["kind"] == "coherence" and not r["ok"]]
                    self.assertEqual(stuffed, [])
            if scenario_id == "missing-balance":
                self.assertEqual(result["steps"][0]["score"], 100)

    def test_keywords_typed_without_punctuation_are_still_stuffing(self):
        path = self.write("stuffed.yaml", "scenario: missing-balance\nresponses:\n"
                          "  apologize: 对不起抱歉不好意思给您添麻烦了您的意思是对吗我记下来了\n")
        result = json.loads(run("grade", str(path), "--format", "json").stdout)["results"][0]
        apologize = next(step for step in result["steps"] if step["id"] == "apologize")
        self.assertEqual(apologize["score"], 0)
        self.assertIn("coherence", [r["kind"] for r in apologize["rules"] if not r["ok"]])

    def graded_with(self, scenario_id, step, sentence, earlier=None):
        """The JSON result of the scenario's first model answers, with `sentence` added to `step`
        (and `earlier` replacing the answers of the steps it names)."""
        responses = {**self.model_answers(scenario_id), **(earlier or {})}
        responses[step] = responses.get(step, "") + sentence
        lines = [f"scenario: {scenario_id}", "responses:"]
        lines += [f"  {s}: {json.dumps(t, ensure_ascii=False)}" for s, t in responses.items()]
        path = self.write("variant.yaml", "\n".join(lines) + "\n")
        return json.loads(run("grade", str(path), "--format", "json").stdout)["results"][0]

    def assert_critical_cases(self, scenario_id, cases, earlier=None):
        for step, sentence, critical in cases:
            with self.subTest(scenario=scenario_id, sentence=sentence):
                result = self.graded_with(scenario_id, step, sentence, earlier)
                self.assertEqual(result["critical_failed"], critical)

    def test_blaming_or_brushing_off_the_customer_fails_a_step_that_does_not_forbid_it(self):
        # Found by an outside tester: airline-delay's apologize step (the exam's must-pass stage)
        # and the follow-up steps name no blame rule, and certified a trainee who blamed.
        self.assert_critical_cases("airline-delay", [
            ("apologize", "不过您应该早点自己改签别的航班,是您自己没注意机场广播。", True),
            ("apologize", "", False)])
        self.assert_critical_cases("missing-balance", [
            ("follow_up", "下次您得先自己看看开了什么业务。", True),
            ("follow_up", "您别激动。", True), ("follow_up", "", False)])

    def test_insulting_the_customer_fails_a_step_whose_rules_forbid_nothing(self):
        # Found by an outside tester: a step without forbid rules let 你有病吧 pass with 100.
        for scenario_id, step in [("airline-delay", "follow_up"), ("sms-failure", "follow_up")]:
            with self.subTest(scenario=scenario_id):
                result = self.graded_with(scenario_id, step, "你有病吧。")
                self.assertTrue(result["critical_failed"])
                graded = next(s for s in result["steps"] if s["id"] == step)
                breach = [r for r in graded["rules"] if r["kind"] == "forbid" and not r["ok"]]
                self.assertEqual(len(breach), 1)
                self.assertIn("辱骂客户", breach[0]["description"])
                self.assertEqual([m["text"] for m in breach[0]["matched"]], ["你有病吧"])
                self.assertFalse(self.graded_with(scenario_id, step, "")["critical_failed"])

    def test_the_bundled_taboo_list_catches_everyday_variants_and_spares_predictions(self):
        # Found by outside testers: each variant passed the critical rules, each prediction or
        # sentence about ourselves failed them.
        cases = [("vent", "您别这么激动。", True), ("vent", "您先冷静冷静。", True),
                 ("apologize", "不过您应当先看看自己开了什么业务。", True),
                 ("apologize", "不过是您自个儿没注意。", True),
                 ("apologize", "不过您看错了。", True), ("apologize", "这是您的问题。", True),
                 ("apologize", "下次您该先看看合同。", True),
                 ("apologize", "这个要怪就怪您自己。", True), ("apologize", "您操作失误了。", True),
                 ("apologize", "问题出在您自己身上。", True),
                 ("vent", "不过这是不可能的。", True), ("vent", "不过这绝对不可能。", True),
                 ("vent", "您真的弄错了。", True), ("vent", "您可能还不明白。", True),
                 ("vent", "您平静一下。", True), ("vent", "您肯定就是记错了。", True),
                 ("apologize", "您可能不太清楚这项业务,我给您介绍一下。", False),
                 ("apologize", "到账后您应该会收到一条短信提醒。", False),
                 ("apologize", "您一定很奇怪我们怎么会记错。", False)]
        self.assert_critical_cases("missing-balance", cases)

    def test_a_pause_inside_a_forbidden_sentence_does_not_hide_it(self):
        # Found by an outside tester: each passed with 100 while the unpaused sentence failed.
        cases = [("resolve", "不过您……弄错了,这是您上个月自己订的。", True),
                 ("resolve", "不过您呀,肯定是弄混了。", True), ("resolve", "您肯定……弄混了。", True),
                 ("vent", "您别……激动,我们系统从来……没出过错。", True),
                 ("vent", "您哪,就是记错了。", True),
                 ("resolve", "我查一下……好的,是我们这边弄错了。", False),
                 ("resolve", "王先生……真是对不起。", False),
                 ("resolve", "把1.8元退给您……应该今天之内就能到账。", False)]
        self.assert_critical_cases("missing-balance", cases)

    def test_insulting_or_belittling_the_customer_fails_critically(self):
        # Found by an outside tester: each passed with 100 (002 5.6.4: 教育、批评、讽刺客户). A
        # 至于 that means "as for", a sentence about the trip, and 都不会 of something else stay fine.
        cases = [("vent", "不过为了1.8块钱至于吗?", True), ("vent", "你有病吧。", True),
                 ("vent", "您这么大人了还不会看账单?", True),
                 ("resolve", "不就1.8块钱嘛,多大点事。", True),
                 ("apologize", "您连账单都看不懂吗?", True), ("vent", "这点钱也要计较?", True),
                 ("vent", "至于您说的1.8元,我马上帮您查。", False),
                 ("vent", "让您为了这1.8元专门跑一趟,真过意不去。", False),
                 ("resolve", "这都不会影响您以后的话费。", False)]
        self.assert_critical_cases("missing-balance", cases)

    def test_everyday_insults_and_swearing_fail_any_step(self):
        # Found by an outside tester: each passed a step with 100 (000 千万不要对客户产生负面评价;
        # 002 粗鲁的服务). The same characters in innocent words stay fine: the concept is
        # forbidden in every step of every scenario.
        insults = ["你是猪吗?", "你脑子呢?", "你懂不懂啊?", "没文化真可怕。", "你烦不烦啊。",
                   "你算老几?", "土包子。", "你这人素质真差。", "什么东西!", "你这人有毛病。", "滚。",
                   "死开。", "去死吧。", "废物。", "你神经啊?", "他妈的。", "操。", "TMD。", "SB。",
                   "傻逼。", "你脑子被门夹了吧。", "老糊涂了吧。", "你瞎啊?", "你聋了吗?",
                   "真是个奇葩。", "泼妇。", "老不死的。", "你有病就去治。", "听不懂人话?",
                   "妈的,烦死了。", "真他妈麻烦。", "您真傻。", "Get lost.", "Go to hell."]
        innocent = ["最近猪肉涨价,手头都紧。", "您把页面往下滚动就能看到。", "我不瞎猜,马上帮您查。",
                    "您瞎忙了一上午,真过意不去。", "旧手机可以拿来废物利用。", "当妈的都不容易。",
                    "刚才是我操作失误,让您操心了。", "系统过去死机过几次。", "这个功能是傻瓜式操作。",
                    "个人话费明细我打印给您。", "您碰上这种奇葩事,换谁都生气。", "请问您丢了什么东西?",
                    "您老几点到?我在门口等您。", "您是属猪的吧?", "您一定烦死了吧。",
                    "他妈妈的手机也是这个套餐吗?", "USB线也在盒子里。", "Your bags did not get lost."]
        self.assert_critical_cases("missing-balance", [("follow_up", s, True) for s in insults] +
                                   [("follow_up", s, False) for s in innocent])
        self.assert_critical_cases("sms-failure", [("gather", "快点说,你瞎啊?他妈的,废物。", True)])

    def test_apologising_for_a_wasted_wait_is_no_insult(self):
        # Found by an outside tester: 让您傻等了 failed the must-pass apologize step as an insult.
        # 傻 counts only when it is said of the customer.
        self.assert_critical_cases("airline-delay", [
            ("apologize", "让您傻等了三个小时,真对不起。", False),
            ("apologize", "让你们傻站在登机口,真是对不起。", False),
            ("apologize", "害得您傻乎乎地等了一下午。", False), ("apologize", "您傻傻地等了这么久。", False),
            ("apologize", "您当时肯定都傻了眼。", False),
            ("apologize", "你耳朵聋了?听不懂人话?", True), ("apologize", "你傻啊?", True),
            ("apologize", "你傻了吧。", True)])

    def test_blame_and_dismissal_in_english_fail_as_the_chinese_does(self):
        # Found by an outside tester: English "sorry" counted as an apology while "you are
        # wrong, calm down" went unseen. English negations and promises stay fine.
        cases = [("vent", "but you are wrong, calm down.", True),
                 ("vent", "不过 it's your own fault。", True), ("vent", "Please don't shout.", True),
                 ("vent", "It's no big deal.", True),
                 ("follow_up", "What more do you want?", True),
                 ("vent", "I'm sorry, it's not your fault.", False),
                 ("vent", "I know this is a big deal for you.", False),
                 ("follow_up", "We will never let this happen again.", False)]
        self.assert_critical_cases("missing-balance", cases)
        english_only = {"vent": "Sir, I understand how you feel, please tell me slowly. You are wrong, calm down."}
        self.assertTrue(self.graded_with("missing-balance", "follow_up", "", english_only)["critical_failed"])

    def test_taboo_words_inside_innocent_words_do_not_fail_a_step(self):
        # Found by an outside tester: blame, dismissive and abuse are forbidden in every step, and
        # each of these helpful replies failed critically on a taboo word hidden in it (您不会用到,
        # 您想多了解, 特别激动, 信号弱智能手机) or on empathy read as blame (您应该很着急吧).
        self.assert_critical_cases("missing-balance", [
            ("resolve", "这个业务您不会用到的话,我现在就为您取消。", False),
            ("resolve", "如果您想多了解一下适合您的套餐,我也可以给您介绍。", False),
            ("vent", "这不可能是您的问题,请您慢慢说。", False),
            ("apologize", "这是您的问题受理单号,您收好。", False),
            ("gather", "这个号码当初是谁让您办的?", False),
            ("follow_up", "这1.8元肯定是您的,一分都不会少。", False),
            ("vent", "钱无缘无故少了,这种事发生在您身上,换了谁都会生气。", False),
            ("vent", "一个电话没打钱却少了,您应该很着急吧,我很理解。", False),
            ("follow_up", "1.8元的到账短信您应该看到了吧?", False),
            ("gather", "受理单号我写在纸上给您,免得您记错。", False),
            ("follow_up", "这样处理您满意吗?您确定没有别的问题了吗?", False),
            ("vent", "钱莫名其妙少了,换了我也会特别激动,我很理解您的心情。", False),
            ("vent", "先生您好 錢莫名其妙少了 換了我也會特別激動 我很理解您的心情 您慢慢說", False),
            ("vent", "一个电话没打钱却少了,换了谁怎么可能不着急呢?", False),
            ("vent", "您的心情我很理解,我们不可能让您白白损失。", False),
            ("apologize", "真的非常抱歉,我们从来没想过会给您添这样的麻烦。", False),
            ("vent", "您先请坐,水快滚开了,我给您倒杯热茶,您慢慢说。", False),
            # the same words still fail where they blame or brush off
            ("vent", "您想多了。", True), ("vent", "您想多了吧。", True),
            ("vent", "您别激动。", True), ("vent", "别激动,慢慢说。", True),
            ("vent", "这不可能。", True), ("vent", "这不可能的。", True),
            ("apologize", "这是您的问题。", True), ("apologize", "谁让您自己乱点的?", True),
            ("apologize", "肯定是您自己订的。", True), ("apologize", "您应该先看看合同。", True),
            ("gather", "您记错了。", True), ("follow_up", "我们不可能乱扣您的钱。", True),
            ("follow_up", "我们从来没扣错过。", True), ("vent", "水快滚开,你给我滚开。", True),
            ("vent", "你滚开。", True), ("follow_up", "你是弱智吗?", True),
            ("follow_up", "what's wrong with you?", True)])
        self.assert_critical_cases("airline-delay", [
            ("vent", "在机场等了这么久,你们应该很累了吧,您慢慢说,我在听。", False)])
        self.assert_critical_cases("dropped-calls-hotline", [
            ("listen", "有时候信号弱智能手机会反复搜网,我马上帮您查一下。", False)])
        self.assert_critical_cases("sms-failure", [
            ("gather", "Sorry, what's wrong with your phone exactly?", False)])

    def test_doubting_lecturing_and_brushing_off_in_everyday_words_fail(self):
        # Found by an outside tester: each passed its step (002 5.6.4 怀疑、责难、教育客户; 000 避免
        # 你不要叫 / 你别激动 / 我们不会).
        self.assert_critical_cases("missing-balance", [
            ("gather", "您真的一个电话都没打过吗?您再好好想想,是不是上过网?", True),
            ("gather", "一般都是客户自己不小心订的。", True),
            ("vent", "您能不能别这么大声?有话好好说。", True),
            ("vent", "您情绪太激动了,先把火收一收。", True),
            ("resolve", "是您确认开通的,下回看清楚再回复短信。", True),
            ("follow_up", "计费系统是电脑自动算的,一向很准,不会无缘无故扣您的钱。", True),
            ("gather", "您再想想,这个月有没有上过网?", False),
            ("follow_up", "以后不会无缘无故扣您的钱了,我们已经把这项业务取消了。", False),
            ("follow_up", "下回收到这类短信,您可以直接打10086问我们。", False)])

    def test_a_reproach_is_no_satisfaction_check(self):
        # Found by an outside tester: 您还不满意吗 earned the closed question with full marks.
        cases = [("follow_up", "钱都给您退了,您还不满意吗?", True),
                 ("follow_up", "钱退了,这下满意了吧?", True),
                 ("follow_up", "话费都给您补了,您还闹什么?", True),
                 ("follow_up", "如果您还不满意,可以随时找我。", False),
                 ("follow_up", "您对这样的处理还满意吗?", False)]
        self.assert_critical_cases("missing-balance", cases)

    def test_a_promise_of_compensation_in_plain_words_is_a_blind_promise(self):
        # Found by an outside tester: each passed the step built to forbid it (001 千万不可盲目承诺
        # 客户). Declining to promise stays fine, and so does a refund where the refund is the
        # solution (missing-balance, get-me-the-manager: the overcharge is refunded by the rules).
        self.assert_critical_cases("bank-special-background", [
            ("no_blind_promise", "您放心,这八千六银行会赔给您的。", True),
            ("no_blind_promise", "我向您承诺,这八千六我们会全部赔付。", True),
            ("no_blind_promise", "您放心,这钱一定给您退回来。", True),
            ("no_blind_promise", "我没法跟您保证一定会赔,结论要等调查出来才有。", False),
            ("no_blind_promise", "我不能保证银行会赔给您,要以调查结论为准。", False)])
        self.assert_critical_cases("airline-delay", [
            ("resolve", "我向您承诺,每位都能拿到一千元赔偿。", True),
            ("resolve", "公司一定会给每位团员赔偿一千元。", True),
            ("resolve", "我会为每位团员争取补偿,公司的答复我第一时间告诉您。", False)])
        self.assert_critical_cases("missing-balance", [("resolve", "这1.8元一定给您退回来。", False)])
        self.assert_critical_cases("get-me-the-manager", [("resolve", "多扣的30元我一定给您退回来。", False)])

    def test_a_promise_to_bear_the_loss_in_other_words_is_a_blind_promise(self):
        # Found by an outside tester: each passed airline-delay's resolve with full marks, where
        # the airline could only promise a reply (000 某某航空案例; 001 千万不可盲目承诺客户).
        # Taking charge, reporting and applying for compensation stay fine.
        self.assert_critical_cases("airline-delay", [
            ("resolve", "你们的损失我们全部承担。", True), ("resolve", "今晚的住宿费和餐费都由我们出。", True),
            ("resolve", "机票钱我马上全部退给你们。", True),
            ("resolve", "我向您保证,每人送一张免费往返机票。", True),
            ("resolve", "放心,补偿一千块一个人,没问题。", True), ("resolve", "你们的损失公司全包。", True),
            ("resolve", "赔偿的事没问题,我答应您。", True),
            ("resolve", "明天一早8点的航班,我保证你们全部都能坐上。", True),
            ("resolve", "we will pay each of you 1000 yuan.", True),
            ("resolve", "I promise everyone gets a free ticket.", True),
            ("resolve", "We will cover all your losses.", True),
            ("resolve", "你们的损失我们会负责到底。", False),
            ("resolve", "你们的损失我如实上报,以公司核定为准。", False),
            ("resolve", "今晚的住宿我们来安排,明早我打电话给您。", False),
            ("resolve", "我帮大家申请每人一千元的补偿,以公司核定为准。", False),
            ("resolve", "补偿的事您放心,我一定如实上报,为大家争取。", False),
            ("resolve", "我不能保证你们都能坐上8点的航班,我马上核实。", False),
            ("resolve", "I promise you will get a reply by 8pm.", False),
            ("resolve", "I will apply for compensation for each of you.", False)])
        cold_start = {"vent": "知道了。", "apologize": "先生,您的意思是等了三个小时,又被落在登机口,对吧?"}
        self.assert_critical_cases("airline-delay", [("press", "你们的损失公司全包,您就别找记者了。", True)],
                                   cold_start)
        self.assert_critical_cases("repair-three-weeks", [("resolve", "您的损失我们全部承担。", True)])
        self.assert_critical_cases("get-me-the-manager", [("resolve", "多扣的30元全部退还给您。", False)])
        self.assert_critical_cases("securities-fee", [("resolve", "多收的佣金差额我们会全部退还给您。", False)])

    def test_a_blind_promise_to_stop_the_press_fails_the_press_step(self):
        # Found by an outside tester: the press step (reached by an unfeeling start) scored 100.
        cold_start = {"vent": "知道了。", "apologize": "先生,您的意思是等了三个小时,又被落在登机口,对吧?"}
        result = self.graded_with("airline-delay", "press", "先生,真的非常抱歉,今晚8点前我一定给您回电话。"
                                  "我向您保证,每位团员都能拿到一千元赔偿,您就别找记者了。", cold_start)
        press = next(step for step in result["steps"] if step["id"] == "press")
        self.assertTrue(press["critical_failed"])

    def test_a_callback_and_a_resolve_to_improve_in_everyday_words_count(self):
        # Found by an outside tester: neither counted, and the attempt failed with two steps low.
        reply = "王先生,谢谢您及时来反映。这样处理您满意吗?下个月出账以后我打电话跟您核实一下有没有再扣,我们以后一定把工作做得更好。"
        result = self.graded_with("missing-balance", "follow_up", "", {"follow_up": reply})
        follow_up = next(step for step in result["steps"] if step["id"] == "follow_up")
        self.assertEqual(follow_up["score"], follow_up["max"])
        callback = self.graded_with("missing-balance", "follow_up", "", {"follow_up": "王先生,谢谢您。这样处理您满意吗?下个月我再打个电话给您确认,我们会改进工作。"})
        self.assertEqual(callback["steps"][-1]["score"], callback["steps"][-1]["max"])

    def submission(self, name, replaced):
        """An answers file of the bundled model answers, with `replaced` (scenario → step →
        reply) instead of theirs, one attempt per scenario."""
        lines = ["trainee: 学员", "attempts:"]
        for scenario_id, replies in replaced.items():
            responses = {**self.model_answers(scenario_id), **replies}
            lines += [f"- scenario: {scenario_id}", "  responses:"]
            lines += [f"    {s}: {json.dumps(t, ensure_ascii=False)}" for s, t in responses.items()]
        return self.write(name, "\n".join(lines) + "\n")

    def test_a_restated_negative_fact_is_a_restatement(self):
        # Found by an outside tester: the 不 / 没 of the restated fact negated the 对吧 after it,
        # and the must-pass apologize step failed the exam of a trainee a trainer would certify.
        path = self.submission("restate.yaml", {
            "airline-delay": {},
            "missing-balance": {"apologize": "王先生,真的对不起,给您添麻烦了。话费少了1.8元,"
                                             "可您这个月一个电话都没打过,对吧?我先记下来。"},
            "sms-failure": {"apologize": "李女士,真对不起,给您添麻烦了。这两天您的手机短信"
                                         "一条都发不出去,对吧?我很理解您的心情。"}})
        result = run("grade", str(path), "--exam", str(BUNDLED.parent / "exams" / "basic-certificate.yaml"),
                     "--format", "json")
        self.assertExit(result, 0)
        for attempt in json.loads(result.stdout)["results"]:
            apologize = next(step for step in attempt["steps"] if step["id"] == "apologize")
            with self.subTest(scenario=attempt["scenario"]):
                self.assertEqual([r["description"] for r in apologize["rules"] if not r["ok"]], [])

    def test_a_title_that_does_not_fit_the_customer_is_not_his_name(self):
        # Found by an outside tester: 王女士 and 王阿姨 earned "addresses the customer by name"
        # for 王先生.
        path = self.submission("title.yaml", {"missing-balance": {
            "apologize": "王女士,真的非常抱歉,给您添麻烦了。我确认一下:您这个月一个电话都没打,"
                         "话费却少了1.8元,是这样吗?我先把这些记录下来。",
            "gather": "王阿姨,麻烦您把手机号码告诉我,我马上帮您调出本月的话费详单查一下。"
                      "您是什么时候发现少了1.8元的?这个月您上过网或者发过短信吗?"}})
        result = run("grade", str(path), "--format", "json", lang="en")
        steps = {step["id"]: step for step in json.loads(result.stdout)["results"][0]["steps"]}
        for step, wrong in [("apologize", "王女士"), ("gather", "王阿姨")]:
            with self.subTest(step=step):
                address = next(r for r in steps[step]["rules"] if r["kind"] == "addresses_customer")
                self.assertFalse(address["ok"])
                self.assertIn(f"“{wrong}” is the wrong title", address["detail"])
        address = next(r for r in steps["resolve"]["rules"] if r["kind"] == "addresses_customer")
        self.assertTrue(address["ok"])

    def test_one_reply_pasted_into_every_step_passes_only_the_first(self):
        # Found by an outside tester: this file scored 100 on every step of missing-balance.
        pasted = Path(__file__).resolve().parents[1] / "data" / "answers" / "same-reply-every-step.yaml"
        result = run("grade", str(pasted), "--format", "json", lang="en")
        self.assertExit(result, 1)
        attempt = json.loads(result.stdout)["results"][0]
        self.assertFalse(attempt["passed"])
        self.assertEqual(attempt["score"], 20)
        first, *later = attempt["steps"]
        self.assertTrue(first["passed"])
        for step in later:
            with self.subTest(step=step["id"]):
                self.assertEqual((step["score"], step["passed"]), (0, False))
                repeated = step["rules"][-1]
                self.assertEqual((repeated["kind"], repeated["ok"]), ("repetition", False))
                self.assertIn("The same reply as at step 1 (“你们移动怎么回事?", repeated["feedback"])
                # The report keeps its shape: the verdict is one more rule.
                self.assertEqual(step.keys(), first.keys())
                self.assertEqual(repeated.keys(), first["rules"][0].keys())
        chinese = run("grade", str(pasted))
        self.assertIn("与第 1 步「你们移动怎么回事?我这个月一个电话都没打…」的回答相同", chinese.stdout)

    def test_json_report_follows_the_contract(self):
        result = grade(str(self.write("good.yaml", GOOD)), str(self.write("bad.yaml", BAD)), "--format", "json")
        self.assertExit(result, 1)
        report = json.loads(result.stdout)
        self.assertLessEqual({"total": 2, "passed": 1, "failed": 1}.items(), report["summary"].items())
        first = report["results"][0]
        for key in ["trainee", "scenario", "score", "pass_mark", "passed", "steps"]:
            self.assertIn(key, first)
        self.assertEqual(first["trainee"], "张三")
        self.assertEqual(first["score"], 100)
        step = first["steps"][0]
        for key in ["id", "stage", "score", "max", "rules"]:
            self.assertIn(key, step)
        rule = step["rules"][0]
        for key in ["kind", "ok", "feedback", "matched"]:
            self.assertIn(key, rule)
        self.assertEqual(rule["matched"][0]["text"], "您的心情我很理解")
        second = report["results"][1]
        self.assertFalse(second["passed"])
        self.assertEqual(second["steps"][1]["score"], 0)

    def test_junit_report_is_valid_xml_with_a_case_per_step(self):
        result = grade(str(self.write("bad.yaml", BAD)), "--format", "junit")
        self.assertExit(result, 1)
        root = ET.fromstring(result.stdout)
        self.assertEqual(root.tag, "testsuites")
        cases = root.findall(".//testcase")
        self.assertEqual(len(cases), 2)
        self.assertTrue(all(case.find("failure") is not None for case in cases))
        self.assertEqual(root.get("failures"), "2")

    def test_output_is_reproducible_to_the_byte(self):
        good = str(self.write("good.yaml", GOOD))
        bad = str(self.write("bad.yaml", BAD))
        for fmt in ["text", "json", "junit"]:
            with self.subTest(format=fmt):
                first = grade(good, bad, "--format", fmt, "--output", str(self.tmp / f"1.{fmt}"))
                second = grade(good, bad, "--format", fmt, "--output", str(self.tmp / f"2.{fmt}"))
                self.assertExit(first, 1)
                self.assertEqual(first.stdout, "")
                self.assertEqual((self.tmp / f"1.{fmt}").read_bytes(), (self.tmp / f"2.{fmt}").read_bytes())

    def test_several_attempts_in_one_file_and_directories(self):
        several = """\
        trainee: 王五
        attempts:
          - scenario: fee
            responses: {vent: "王先生,您的心情我很理解。", apologize: "对不起,因为系统问题。"}
          - scenario: fee
            responses: {}
        """
        self.write("cohort/a.yaml", several)
        self.write("cohort/b.yaml", GOOD)
        result = grade(str(self.tmp / "cohort"), "--format", "json")
        self.assertExit(result, 1)
        report = json.loads(result.stdout)
        self.assertEqual(report["summary"]["total"], 3)
        self.assertEqual(report["results"][1]["score"], 0)

    def test_a_file_named_twice_is_graded_once(self):
        good = self.write("cohort/good.yaml", GOOD)
        (self.tmp / "link.yaml").symlink_to(good)
        result = grade(str(self.tmp / "cohort"), str(good), str(self.tmp / "link.yaml"), "--format", "json")
        self.assertExit(result, 0)
        self.assertEqual(json.loads(result.stdout)["summary"]["total"], 1)

    def test_a_missing_step_scores_zero(self):
        result = grade(str(self.write("partial.yaml", GOOD.replace("  apologize:", "  #apologize:"))), "--format", "json")
        report = json.loads(result.stdout)
        self.assertEqual(report["results"][0]["score"], 50)
        # In the text report the unanswered step's rules are unjudged, not failed.
        text = grade(str(self.tmp / "partial.yaml")).stdout
        unanswered = text.split("[apologize]")[1]
        self.assertIn("    – ", unanswered)
        self.assertNotIn("✗", unanswered)


class ReportFiles(CoachTestCase):
    """A report goes where the path says without harming what is there."""

    def setUp(self):
        super().setUp()
        self.answers = str(self.write("good.yaml", GOOD))

    def test_a_new_report_gets_the_umask_mode_and_a_replaced_one_keeps_its_own(self):
        old = os.umask(0o022)
        try:
            report = self.tmp / "report.txt"
            self.assertExit(grade(self.answers, "-o", str(report)), 0)
            self.assertEqual(stat.S_IMODE(report.stat().st_mode), 0o644)
            report.chmod(0o640)
            self.assertExit(grade(self.answers, "-o", str(report)), 0)
            self.assertEqual(stat.S_IMODE(report.stat().st_mode), 0o640)
        finally:
            os.umask(old)

    def test_a_link_stays_a_link_and_the_file_it_names_gets_the_report(self):
        target = self.write("reports/latest.json", "old")
        link = self.tmp / "latest.json"
        link.symlink_to(target)
        self.assertExit(grade(self.answers, "--format", "json", "-o", str(link)), 0)
        self.assertTrue(link.is_symlink())
        self.assertEqual(json.loads(target.read_text())["summary"]["passed"], 1)

    def test_a_fifo_is_written_into_not_replaced(self):
        fifo = self.tmp / "pipe"
        os.mkfifo(fifo)
        received = []
        reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
        reader.start()
        result = grade(self.answers, "-o", str(fifo))
        reader.join(timeout=30)
        self.assertExit(result, 0)
        self.assertTrue(stat.S_ISFIFO(fifo.stat().st_mode))
        self.assertIn("PASSED", received[0])

    def test_dev_stdout_appends_where_stdout_appends(self):
        log = self.write("ci.log", "earlier output\n")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "COACH_"))}
        env.update({"LANG": "en_US.UTF-8", "NO_COLOR": "1"})
        with open(log, "a") as out:
            result = subprocess.run([COACH, "--no-history", "--scenarios", str(FIXTURES), "grade", self.answers,
                                     "-o", "/dev/stdout"], stdout=out, env=env)
        self.assertEqual(result.returncode, 0)
        text = log.read_text(encoding="utf-8")
        self.assertTrue(text.startswith("earlier output\n"))
        self.assertIn("PASSED", text)
        self.assertFalse(log.is_symlink())

    def test_a_report_over_a_file_grade_reads_is_refused_before_grading(self):
        original = Path(self.answers).read_text()
        link = self.tmp / "also-good.yaml"
        link.symlink_to(self.answers)
        for target in [self.answers, str(link)]:
            with self.subTest(target=target):
                result = grade(self.answers, "--report", f"json={target}")
                self.assertExit(result, 2)
                self.assertIn("is a file being read", result.stderr)
                self.assertEqual(Path(self.answers).read_text(), original)
        result = grade(self.answers, "-o", str(FIXTURES / "fee.yaml"), lang="zh")
        self.assertExit(result, 2)
        self.assertIn("是要读取的文件", result.stderr)

    def test_a_report_over_a_scenario_that_does_not_load_is_refused(self):
        scenarios = self.tmp / "scenarios"
        shutil.copytree(FIXTURES, scenarios)
        broken = scenarios / "broken.yaml"
        broken.write_text("id: [\n", encoding="utf-8")
        result = run("--scenarios", str(scenarios), "grade", self.answers, "-o", str(broken), lang="en")
        self.assertExit(result, 2)
        self.assertIn("is a file being read", result.stderr)
        self.assertEqual(broken.read_text(encoding="utf-8"), "id: [\n")

    def test_two_reports_through_a_link_to_a_file_not_written_yet_are_refused(self):
        (self.tmp / "out").mkdir()
        (self.tmp / "out" / "latest.json").symlink_to("report.json")  # dangling until written
        result = grade(self.answers, "-o", str(self.tmp / "out" / "latest.json"),
                       "--report", f"csv={self.tmp / 'out' / 'report.json'}")
        self.assertExit(result, 2)
        self.assertIn("two outputs go to the same file", result.stderr)

    def test_two_reports_to_one_file_are_refused(self):
        first = self.tmp / "out.json"
        result = grade(self.answers, "-o", str(first), "--report", f"json={self.tmp}/./out.json")
        self.assertExit(result, 2)
        self.assertIn("two outputs go to the same file", result.stderr)
        self.assertFalse(first.exists())

    def test_a_grade_cancelled_midway_leaves_no_temporary_report(self):
        attempts = "".join(f"  - scenario: fee\n    responses: {{vent: \"王先生,您的心情我很理解 {i}。\"}}\n"
                           for i in range(20000))
        cohort = self.write("cohort.yaml", "trainee: 张三\nattempts:\n" + attempts)
        reports = self.tmp / "reports"
        reports.mkdir()
        process = subprocess.Popen([COACH, "--no-history", "--scenarios", str(FIXTURES), "grade", str(cohort),
                                    "-o", str(reports / "r.txt"), "--report", f"json={reports / 'r.json'}"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # The reports are opened before grading starts: cancel once they are there.
        deadline = time.time() + 30
        while len(os.listdir(reports)) < 2 and process.poll() is None and time.time() < deadline:
            time.sleep(0.005)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        self.assertEqual(process.returncode, -signal.SIGTERM)
        self.assertEqual(os.listdir(reports), [])

    def cohort(self, attempts):
        """One answers file with `attempts` attempts: a report too big for a stdio buffer."""
        lines = "".join(f"  - scenario: fee\n    responses: {{vent: \"王先生,您的心情我很理解 {i}。\"}}\n"
                        for i in range(attempts))
        return str(self.write("cohort.yaml", "trainee: 张三\nattempts:\n" + lines))

    def grade_process(self, *args, **kwargs):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "COACH_"))}
        env.update({"LANG": "en_US.UTF-8", "NO_COLOR": "1"})
        return subprocess.run([COACH, "--no-history", "--scenarios", str(FIXTURES), "grade", *args],
                              stderr=subprocess.PIPE, text=True, env=env, timeout=60, **kwargs)

    @unittest.skipUnless(os.path.exists("/dev/full"), "needs /dev/full")
    def test_a_report_that_cannot_be_written_keeps_none_of_the_others_from_being_written(self):
        # The first report that failed (a full disk) ended the writing: the ones after it were
        # silently never written, whichever they were.
        cohort = self.cohort(30)
        with open("/dev/full", "w") as full:
            result = self.grade_process(cohort, "--format", "json", "--report", f"csv={self.tmp / 'a.csv'}",
                                        "--report", f"markdown={self.tmp / 'a.md'}", stdout=full)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("stdout: cannot write: No space left on device", result.stderr)
        self.assertIn("张三", (self.tmp / "a.csv").read_text(encoding="utf-8"))
        self.assertTrue((self.tmp / "a.md").exists())
        result = self.grade_process(cohort, "--format", "csv", "-o", str(self.tmp / "b.csv"),
                                    "--report", "json=/dev/full", "--report", f"markdown={self.tmp / 'b.md'}",
                                    "--report", "html=/dev/full", stdout=subprocess.DEVNULL)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertEqual(result.stderr.count("/dev/full: cannot write: No space left on device"), 2, result.stderr)
        self.assertTrue((self.tmp / "b.csv").exists())
        self.assertTrue((self.tmp / "b.md").exists())

    def test_a_file_size_limit_is_a_write_error_not_a_kill(self):
        # SIGXFSZ killed coach at the first write past `ulimit -f` (exit 153, not a word, a
        # temporary file left): the write fails instead, and the report is named.
        cohort = self.cohort(30)  # about 120 KB of JSON, 5 KB of CSV
        reports = self.tmp / "reports"
        reports.mkdir()
        limit = 64 * 1024
        for target in (["-o", str(reports / "r.json")], []):  # to a file, and to standard output
            with self.subTest(target=target[1:]):
                with open(self.tmp / "stdout", "w") as out:
                    result = self.grade_process(
                        cohort, "--format", "json", *target, "--report", f"csv={reports / 'r.csv'}", stdout=out,
                        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)))
                self.assertEqual(result.returncode, 2, result.stderr)
                name = target[1] if target else "stdout"
                self.assertIn(f"{name}: cannot write", result.stderr)
                self.assertIn("File too large", result.stderr)
                self.assertEqual(sorted(os.listdir(reports)), ["r.csv"])  # and no temporary file

    def test_unwritable_targets_are_named(self):
        for target, reason in [(self.tmp, "Is a directory"), (self.tmp / "no" / "r.txt", "No such file")]:
            with self.subTest(target=target):
                result = grade(self.answers, "-o", str(target))
                self.assertExit(result, 2)
                self.assertIn(f"{target}: cannot write: {reason}", result.stderr)
        loop = self.tmp / "loop"
        loop.symlink_to(self.tmp / "loop")
        self.assertExit(grade(self.answers, "-o", str(loop)), 2)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["good.yaml", "loop"])  # no temporary files left


class BadAnswers(CoachTestCase):
    def assertBadInput(self, text, where, message):
        path = self.write("bad.yaml", text)
        good = self.write("good.yaml", GOOD)
        result = grade(str(path), str(good), "--format", "json")
        self.assertExit(result, 2)
        self.assertIn(f"{path}:{where}: {message}", result.stderr)
        # The rest of the batch is still graded.
        self.assertEqual(json.loads(result.stdout)["summary"]["total"], 1)

    def test_unknown_scenario(self):
        self.assertBadInput(GOOD.replace("scenario: fee", "scenario: feee"), "2:11", "unknown scenario `feee`")

    def test_unknown_step(self):
        self.assertBadInput(GOOD.replace("  vent:", "  vnet:"), "4:3", "scenario `fee` has no step `vnet`")

    def test_wrong_types(self):
        self.assertBadInput(GOOD.replace("responses:\n", "responses: [a]\nx:\n"), "3:12", "`responses` should be a mapping")
        self.assertBadInput("- a\n", "1:1", "an answers file should be a mapping")

    def test_terminal_escapes_are_refused(self):
        self.assertBadInput(GOOD.replace("您慢慢说。", "\\e[2J您慢慢说。").replace("vent: ", 'vent: "', 1).replace("说。\n", '说。"\n', 1),
                            "4:9", "reply contains control characters")

    def test_yaml_syntax(self):
        self.assertBadInput("scenario: [fee\n", "2:1", "YAML syntax error")

    def test_missing_file_and_directory(self):
        result = grade(str(self.tmp / "absent.yaml"))
        self.assertExit(result, 2)
        self.assertIn("no such file", result.stderr)

    def test_an_empty_directory_is_bad_input(self):
        (self.tmp / "empty").mkdir()
        result = grade(str(self.tmp / "empty"))
        self.assertExit(result, 2)
        self.assertIn("no answers files", result.stderr)

    def test_invalid_utf8(self):
        path = self.write("bad.yaml", GOOD.encode("utf-8").replace("张三".encode(), b"\xc3\x28"), mode="bytes")
        result = grade(str(path))
        self.assertExit(result, 2)
        self.assertIn(f"{path}:1:10: not valid UTF-8 text", result.stderr)


class CustomerAndLanguage(CoachTestCase):
    """Replies that cannot be meant for this customer: another customer's surname or sex, or
    mostly another language than the scenario's. Each fails its step with zero, in every step."""
    graded_with = Grading.graded_with
    submission = Grading.submission
    EXAM = str(BUNDLED.parent / "exams" / "basic-certificate.yaml")

    def step_of(self, result, step_id):
        return next(step for step in result["steps"] if step["id"] == step_id)

    def verdicts(self, step, kind):
        return [rule for rule in step["rules"] if rule["kind"] == kind]

    def test_answers_for_another_customer_are_not_certified(self):
        # Found by an outside tester: the sms-failure replies called 李女士 "王先生" (the previous
        # scenario's customer) throughout and were certified with 94.
        wang = {
            "vent": "先生,您好,短信发不出去肯定耽误了不少事,您的心情我很理解。您先请坐,慢慢说,具体是什么情况?",
            "apologize": "王先生,真抱歉让您着急了。我确认一下:您的手机这两天短信一直发不出去,发一条失败一条,"
                         "是吗?换了是我也会很着急。",
            "gather": "王先生,我尽快问完。请问您的号码是多少?从什么时候开始发不出去的?发送时手机显示什么提示?"
                      "能正常打电话吗?我马上帮您查。",
            "resolve": "王先生,我这边查了,您的号码状态正常,应该是网络那边出了问题。我马上给您提交故障单,24小时内"
                       "修好,修好后我打电话告诉您;这期间您有急事可以先打电话。",
            "follow_up": "王先生您好,我是中国移动营业厅的刘芳,工号2210。您前几天反映的短信问题已经处理好了,想问一下"
                         "现在能正常发短信了吗?谢谢您的耐心等待。",
        }
        path = self.submission("wang.yaml", {"airline-delay": {}, "missing-balance": {}, "sms-failure": wang})
        result = run("grade", str(path), "--exam", self.EXAM, "--format", "json", lang="en")
        self.assertExit(result, 1)
        report = json.loads(result.stdout)
        self.assertFalse(report["exam"]["trainees"][0]["passed"])
        sms = next(attempt for attempt in report["results"] if attempt["scenario"] == "sms-failure")
        self.assertFalse(sms["passed"])
        for step in sms["steps"]:
            with self.subTest(step=step["id"]):
                self.assertEqual((step["score"], step["passed"]), (0, False))
                [address] = self.verdicts(step, "address")
                said = "先生" if step["id"] == "vent" else "王先生"
                self.assertIn(f"“{said}” is the wrong address: the customer's surname is 李, a woman; say “李女士”",
                              address["detail"])
                self.assertEqual([m["text"] for m in address["matched"]], [said])
        chinese = run("grade", str(path), "--exam", self.EXAM)
        self.assertIn("称呼“王先生”不对:客户姓李,是女士,称呼“李女士”。", chinese.stdout)

    def test_one_slip_fails_its_step_only(self):
        result = self.graded_with("sms-failure", "gather", "", {
            "gather": "李先生,我尽快问完。请问您的号码是多少?从什么时候开始发不出去的?能正常打电话吗?"})
        gather = self.step_of(result, "gather")
        self.assertEqual((gather["score"], gather["passed"], gather["critical_failed"]), (0, False, False))
        self.assertEqual(len(self.verdicts(gather, "address")), 1)
        self.assertFalse(result["critical_failed"])
        self.assertTrue(result["passed"])  # one step below the mark is allowed, as for any step
        others = [step for step in result["steps"] if step["id"] != "gather"]
        self.assertTrue(all(step["passed"] and not self.verdicts(step, "address") for step in others))

    def test_the_right_customer_and_other_people_s_names_are_fine(self):
        cases = [
            ("sms-failure", "resolve", "李女士,张师傅明天上门帮您看手机。"),
            ("sms-failure", "resolve", "如果还不行,请找我们的王经理,他会联系您。"),
            ("sms-failure", "resolve", "刚才那位王先生也反映了同样的问题,我们一起处理。"),
            ("sms-failure", "gather", "您先生的手机也发不出去吗?"),
            ("sms-failure", "apologize", "您是说营业员跟您说:“王先生,这个办不了”?"),
            ("sms-failure", "vent", "李小姐,您慢慢说。"),
            ("missing-balance", "vent", "谢谢先生。"),
            ("missing-balance", "gather", "王大哥,您太太也用这个号码吗?"),
            ("airline-delay", "vent", "女士们、先生们,王先生,我都记下了。"),
        ]
        for scenario_id, step_id, sentence in cases:
            with self.subTest(sentence=sentence):
                result = self.graded_with(scenario_id, step_id, sentence)
                step = self.step_of(result, step_id)
                self.assertEqual(self.verdicts(step, "address"), [])
                self.assertTrue(step["passed"])

    def test_a_reply_mostly_in_english_fails_a_chinese_step(self):
        # Found by an outside tester: these scored 100 and 80 on the must-pass apologize step.
        cases = [
            ("missing-balance", "王先生, I'm really sorry. 您是说 you made no calls this month but lost 1.8 yuan, "
                                "right? 我记下了."),
            ("sms-failure", "Ms. Li, 真对不起. 您的意思是 your phone can't send any SMS these two days, right? "
                            "I totally understand your feelings."),
        ]
        for scenario_id, reply in cases:
            with self.subTest(scenario=scenario_id):
                result = self.graded_with(scenario_id, "apologize", "", {"apologize": reply})
                apologize = self.step_of(result, "apologize")
                self.assertEqual((apologize["score"], apologize["passed"]), (0, False))
                [language] = self.verdicts(apologize, "language")
                self.assertIn("用中文回答客户", language["feedback"])

    def test_latin_words_customers_use_stay_fine(self):
        for sentence in ["您也可以在APP里查,SIM卡换成4G或5G的也行,家里WiFi连上就能用。",
                         "您的iPhone收到短信验证码123456,输进去就好,OK?",
                         "详单可以发到您的邮箱 li.na@example.com,也可以登录 https://www.10086.cn 查询。",
                         "您是我们的VIP客户,带上ID卡就能办,宽带还能升级到100M。",
                         "王先生,sorry啊。"]:
            with self.subTest(sentence=sentence):
                result = self.graded_with("missing-balance", "resolve", sentence)
                resolve = self.step_of(result, "resolve")
                self.assertEqual(self.verdicts(resolve, "language"), [])
                self.assertTrue(resolve["passed"])

    def test_english_is_right_in_an_english_scenario(self):
        english = BUNDLED.parent / "tests" / "data" / "english"
        path = self.write("refund.yaml", "scenario: refund\nresponses:\n"
                                         "  vent: \"Mr Smith, I am so sorry. What happened?\"\n")
        result = json.loads(run("--scenarios", str(english), "grade", str(path), "--format", "json",
                                lang="en").stdout)["results"][0]
        vent = self.step_of(result, "vent")
        self.assertTrue(vent["passed"])
        self.assertEqual(self.verdicts(vent, "language"), [])


if __name__ == "__main__":
    unittest.main()
