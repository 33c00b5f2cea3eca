"""`coach grade`: answers files in, reports out, exit status a CI job can gate on."""
import json
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
import shutil
import stat
import threading
import unittest
import xml.etree.ElementTree as ET

from pathlib import Path

from coachtest import BUNDLED, COACH, FIXTURES, ROOT, CoachTestCase, run, sanitizer_build

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


def assert_critical_replies(test, cases, added_to_model=True, earlier=None):
    """Each (scenario, step, reply, critical): whether the reply (added to the scenario's model
    answer at that step, or alone) fails the step critically. One coach run for them all."""
    graded = graded_steps(test, [(sc, st, reply) for sc, st, reply, _ in cases],
                          added_to_model=added_to_model, earlier=earlier)
    for (sc, st, reply, critical), step in zip(cases, graded):
        with test.subTest(scenario=sc, step=st, reply=reply):
            test.assertEqual(step["critical_failed"], critical)


def limit_core_and_cpu(cpu_limited):
    """No core dump; with `cpu_limited`, two seconds of CPU, soft and hard alike, as `ulimit -t 2`."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if cpu_limited:
        resource.setrlimit(resource.RLIMIT_CPU, (2, 2))


def grade(*args, lang="en"):
    return run("--scenarios", str(FIXTURES), "grade", *args, lang=lang)


def answers_file(scenario_id, responses):
    lines = [f"scenario: {scenario_id}", "responses:"]
    lines += [f"  {s}: {json.dumps(t, ensure_ascii=False)}" for s, t in responses.items()]
    return "\n".join(lines) + "\n"


def graded_steps(test, cases, added_to_model=True, earlier=None):
    """Grades many replies in one `coach grade` run. Each case is (scenario, step, reply): the
    reply added to the scenario's first model answers at that step (`earlier` replacing the
    answers of the steps it names), or alone. Returns each case's graded step (JSON), in order."""
    folder = test.tmp / "cases"
    shutil.rmtree(folder, ignore_errors=True)
    for number, (scenario_id, step, reply) in enumerate(cases):
        responses = {step: reply}
        if added_to_model:
            responses = {**test.model_answers(scenario_id), **(earlier or {})}
            responses[step] = responses.get(step, "") + reply
        test.write(f"cases/{number:03d}.yaml", answers_file(scenario_id, responses))
    report = json.loads(run("grade", str(folder), "--format", "json").stdout)
    by_file = {Path(result["file"]).name: result for result in report["results"]}
    return [next(s for s in by_file[f"{number:03d}.yaml"]["steps"] if s["id"] == step)
            for number, (_, step, _) in enumerate(cases)]


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
        path = self.write("variant.yaml", answers_file(scenario_id, responses))
        return json.loads(run("grade", str(path), "--format", "json").stdout)["results"][0]

    def assert_critical_cases(self, scenario_id, cases, earlier=None):
        """Each (step, sentence, critical): whether the sentence, added to the model answer at
        that step, fails the attempt critically. One grade run for them all."""
        graded = graded_steps(self, [(scenario_id, step, sentence) for step, sentence, _ in cases],
                              earlier=earlier)
        for (step, sentence, critical), result in zip(cases, graded):
            with self.subTest(scenario=scenario_id, sentence=sentence):
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

    def test_questions_only_mentioned_are_not_asked(self):
        # Outside pass 30, finding 09: the customer's question quoted back, a question reported
        # (客户问“…”), named as words or denied (我不会问您“…”) earned the gather step's
        # question points, 50 -> 100. A question of one's own that quotes the customer still asks.
        plain = "王先生,我马上帮您调出本月的话费详单查一下,麻烦您把手机号码告诉我。"
        cases = [("您刚才说:“你问我?我哪知道怎么回事!”我理解。", False),
                 ("客户问“这是什么费用?是不是乱扣的?”我都记下了。", False),
                 ("“什么时候发现的?上过网吗?”这种问题我就不问您了。", False),
                 ("我不会问您“什么时候发现的?上过网吗?”", False),
                 ("客户问你“这是什么费用?”", False),
                 ("我想问您“什么时候发现的?”", True),
                 ("您说的“乱扣费”是指哪一笔呢?", True),
                 # Outside pass 31, finding 08: more ways of reporting, denying or naming.
                 ("您刚才问了一句“你问我?我哪知道怎么回事?”", False),
                 ("您问我:“这是什么费用?”", False),
                 ("我没问过您“这是什么费用?”", False),
                 ("“这是什么费用?”这个问题我记下了。", False),
                 ("您担心“是不是乱扣的?”", False),
                 ("很多人都问“这是什么费用?”", False),
                 ("您问‘这是什么费用?’", False),
                 # Finding 09: the clause before 想问 says nothing of who asks.
                 ("我不是怀疑您,只是想问“您是什么时候发现的?”", True),
                 ("这事不怪您,想问“您是什么时候发现的?”", True),
                 ("您先消消气,顺便问您“您是什么时候发现的?”", True),
                 # Review of session 18: the question mark outside the quotation asks; a
                 # speaker named before the comma still reports.
                 ("您是说“一个电话都没打”?", True),
                 ("您是不是担心“以后还会再扣”?", True),
                 ("您昨天打电话来,问“这是什么费用?”", False)]
        graded = graded_steps(self, [("missing-balance", "gather", plain + reply) for reply, _ in cases],
                              added_to_model=False)
        for (reply, asks), step in zip(cases, graded):
            with self.subTest(reply=reply):
                questions = [rule for rule in step["rules"] if rule["kind"] == "asks_question"]
                self.assertEqual(any(rule["ok"] for rule in questions), asks, questions)

    def test_taking_blame_or_a_promise_back_fails_nothing(self):
        # Outside pass 31, findings 01 and 02: reassurance and refusals failed critically.
        self.assert_critical_cases("missing-balance", [
            ("apologize", "这怎么能怪您自己呢。", False),
            ("apologize", "这怎么会是您自己的错呢。", False),
            ("apologize", "没人会说您弄错了。", False),
            ("apologize", "没有谁会怪您自己。", False),
            ("apologize", "这都怪您自己。", True)])
        self.assert_critical_cases("repair-three-weeks", [
            ("resolve", "我没有权限答应您要多少赔多少,我如实记录下来上报站长评估。", False),
            ("resolve", "我不能随便答应您全赔,我如实记录下来上报站长评估。", False),
            ("resolve", "我答应您全赔。", True)])

    def test_rhetorical_double_negatives_and_answered_questions(self):
        # Left alone in session 18: a double negative affirms the blame, a yes/no question that
        # asks whether to blame, or is answered no, denies it.
        self.assert_critical_cases("missing-balance", [
            ("apologize", "这怎么能不怪您自己呢。", True),
            ("apologize", "这怎么不是您自己的问题呢?", True),
            ("apologize", "这能怪您自己吗?当然不能。", False),
            ("apologize", "这能怪您吗?是我们没提醒到位。", False),
            ("apologize", "是您自己弄错了吗?不是的,是我们没通知到位。", False),
            ("apologize", "是您自己弄错了吗?是的。", True),
            # A reproach asked as a question blames too; 怎么能怪您 excuses, 怎么称呼 asks.
            ("apologize", "您怎么能自己乱点链接呢?", True),
            ("apologize", "您怎么不看清楚再点呢?", True),
            ("apologize", "怎么能怪您没看清楚呢,是我们没提醒。", False),
            ("apologize", "请问您怎么称呼?", False),
            ("apologize", "您怎么没收到短信呢?我帮您查一下。", False)])

    def test_what_a_scenario_never_lets_be_said_fails_any_step(self):
        # Outside pass 33, finding 05: promising to punish the clerk one step before the step
        # that forbade it scored full marks.
        self.assert_critical_cases("securities-rude-staff", [
            ("sum_up", "我让她上门给您赔礼道歉。", True),
            ("thank", "我们一定让她亲自给您道歉。", True),
            ("sum_up", "我会把您希望她道歉的要求反馈上去。", False),
            # Restating what the customer asks for promises nothing.
            ("sum_up", "您要求开除她的意见,我会如实反馈。", False),
            ("sum_up", "您希望我们怎么处理,是希望她被开除吗?", False),
            ("sum_up", "您希望我们怎么处理,是希望让她当面向您道歉吗?", False),
            ("resolve", "她肯定会被开除的。", True)])
        step = graded_steps(self, [("securities-rude-staff", "sum_up", "我让她上门给您赔礼道歉。")])[0]
        self.assertIn("调查之前不要承诺怎么处分员工", " ".join(rule["feedback"] for rule in step["rules"]))

    def test_a_question_that_blames_earns_no_question_points(self):
        # Outside pass 33, finding 11: the doubt was shown as the step's good closed question.
        doubted, asked = graded_steps(self, [
            ("missing-balance", "gather", "王先生,您是不是弄错了?我帮您查一下。"),
            ("missing-balance", "gather", "王先生,您是不是开通过什么业务?我帮您查一下。")],
            added_to_model=False)
        closed = [rule for rule in doubted["rules"] if rule["kind"] == "asks_question"]
        self.assertTrue(closed and not any(rule["ok"] for rule in closed), closed)
        self.assertIn("“您是不是弄错了”", " ".join(rule["detail"] for rule in closed))
        self.assertTrue(any(rule["ok"] for rule in asked["rules"] if rule["kind"] == "asks_question"))

    def test_an_apology_for_what_was_not_done_counts(self):
        # Outside pass 31, finding 03: 没通知您很抱歉 was no apology, and the exam failed.
        for reply in ("王先生,扣费前没通知您很抱歉。", "王先生,没通知您对不起。", "王先生,没接到您的电话对不起。"):
            with self.subTest(reply=reply):
                graded = graded_steps(self, [("missing-balance", "apologize", reply)], added_to_model=False)[0]
                apology = [r for r in graded["rules"] if r["kind"] == "concept" and "道歉" in r["description"]]
                self.assertTrue(apology and apology[0]["ok"], graded["rules"])

    def test_nerve_to_complain_is_blame_without_a_pronoun(self):
        # Outside pass 28b, finding 02 (left in session 17): 还好意思来投诉 passed without 您.
        self.assert_critical_cases("missing-balance", [
            ("vent", "这么点钱还好意思来投诉?", True),
            ("vent", "自己没看清楚,还有脸来闹。", True),
            ("vent", "我们还好意思来找您要这1.8元吗?不会的。", False),
            ("vent", "这1.8元哪还好意思扣您的,我马上帮您查。", False),
            ("vent", "给您添了麻烦,我们都不好意思了,您慢慢说。", False)])

    def test_look_alike_letters_and_miswritten_characters_hide_no_blame(self):
        # Outside pass 30, finding 03: one Cyrillic or Greek letter drawn as a Latin one (а, ο,
        # ѕ), the old 伱 for 你, or 自已 (the usual slip for 自己) let blame and dismissal through.
        self.assert_critical_cases("missing-balance", [
            ("vent", "but yоu are wrong, cаlm dοwn.", True),
            ("vent", "ѕhut up.", True),
            ("vent", "不过 it's yоur own fault。", True),
            ("vent", "这是您自已没注意。", True),
            ("vent", "伱弄错了。", True),
            # Outside pass 31, findings 04 to 06: the other slips.
            ("vent", "说到底是您自巳没注意。", True),
            ("vent", "说到底是您自已经常忘了。", True),
            ("vent", "是您自个没注意。", True),
            ("vent", "您因该先看看自己开了什么业务。", True),
            ("vent", "您肯定弄措了。", True),
            # Review of session 18: 因 + 该 and 措施 are words of their own.
            ("apologize", "对于您因该故障受到的影响,我们深表歉意。", False),
            ("resolve", "您看措施这样安排行吗?", False),
            ("vent", "上次那位同事态度不好,说“您自己没看清楚”,这是我们的问题,对不起。", False),
            ("vent", "这属于“您自己操作不当”的问题,我们没办法。", True),
            ("vent", "王先生,自已经核实之日起,这笔钱一定退给您,您的心情我很理解。", False)])

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
        # The follow-up names what is confirmed (没再扣费): the step also asks that it be this
        # customer's case (adv43 05), which the tester's reply left unsaid (80/100, passed).
        callback = self.graded_with("missing-balance", "follow_up", "", {"follow_up": "王先生,谢谢您。这样处理您满意吗?下个月我再打个电话给您确认没再扣费,我们会改进工作。"})
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

    def test_a_file_deep_down_a_folder_is_found_in_little_memory(self):
        # Outside pass 36, finding 06: each level of the walk kept its path as a
        # std::filesystem::path, which holds every component as a path of its own, so one file
        # 1,900 levels down took 180 MB. Now about 18 MB. (1,900 levels stay within PATH_MAX.)
        # Made and removed a level at a time: os.makedirs and shutil.rmtree recurse per level.
        # Outside self.tmp, which tearDown removes with shutil.rmtree.
        levels = [tempfile.mkdtemp(prefix="coach-deep-")]
        for _ in range(1900):
            levels.append(levels[-1] + "/d")
        for level in levels[1:]:
            os.mkdir(level)
        good = levels[-1] + "/good.yaml"
        with open(good, "w", encoding="utf-8") as answers:
            answers.write(GOOD)

        def remove_levels():
            os.remove(good)
            for level in reversed(levels):
                os.rmdir(level)
        self.addCleanup(remove_levels)
        # The peak memory of coach alone, from a process of its own that runs nothing else.
        measure = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], "
                   "capture_output=True, text=True); print(r.returncode); print(r.stdout); "
                   "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
        env = {**os.environ, "XDG_DATA_HOME": str(self.tmp / "data"), "COACH_NO_HISTORY": "1"}
        measured = subprocess.run(
            [sys.executable, "-c", measure, COACH, "--scenarios", str(FIXTURES), "grade",
             levels[0], "--format", "csv"], capture_output=True, text=True, env=env)
        lines = measured.stdout.split("\n")
        self.assertEqual(lines[0], "0", measured.stdout + measured.stderr)
        self.assertIn("good.yaml", measured.stdout)
        if not sanitizer_build():  # whose runtime alone takes about 110 MB
            self.assertLess(int(lines[-2]), 120_000)  # KB

    def test_a_file_named_twice_is_graded_once(self):
        good = self.write("cohort/good.yaml", GOOD)
        (self.tmp / "link.yaml").symlink_to(good)
        result = grade(str(self.tmp / "cohort"), str(good), str(self.tmp / "link.yaml"), "--format", "json")
        self.assertExit(result, 0)
        self.assertEqual(json.loads(result.stdout)["summary"]["total"], 1)

    def test_a_scenario_whose_file_is_broken_is_not_called_unknown(self):
        # Outside pass 48, finding 16: "unknown scenario `fee`; see coach list" for a file there
        # that did not load sent the trainer looking for a typo.
        library = self.tmp / "library"
        shutil.copytree(FIXTURES, library)
        fee = library / "fee.yaml"
        fee.write_text(fee.read_text(encoding="utf-8").replace("pass_mark: 70", "pass_mark: 700"), encoding="utf-8")
        answers = self.write("a.yaml", "scenario: fee\nresponses:\n  vent: 您好\n")
        result = run("--scenarios", str(library), "grade", "--no-history", str(answers), lang="en")
        self.assertExit(result, 2)
        self.assertIn(f"a.yaml:1:11: scenario `fee` is not loaded: see the problems above (its file is {fee})",
                      result.stderr)

    def test_a_file_of_another_kind_is_said_as_what_it_is_once(self):
        # Outside pass 48, finding 09: an exam given without --exam (the likeliest CI slip), a
        # scenario or a lexicon had a line for every key it holds.
        for path, kind in ((ROOT / "exams" / "basic-certificate.yaml", "an exam file, not an answers file: give an exam with --exam"),
                           (FIXTURES / "fee.yaml", "a scenario file, not an answers file"),
                           (FIXTURES / "lexicons" / "basic.yaml", "a lexicon file, not an answers file"),
                           (FIXTURES / "customer-types" / "types.yaml", "a customer-types file, not an answers file")):
            with self.subTest(kind=kind):
                result = run("--scenarios", str(FIXTURES), "grade", "--no-history", str(path), lang="en")
                self.assertExit(result, 2)
                self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
                self.assertRegex(result.stderr, rf"^{path}:\d+:1: this is {kind}\n$")

    def test_a_missing_step_scores_zero(self):
        result = grade(str(self.write("partial.yaml", GOOD.replace("  apologize:", "  #apologize:"))), "--format", "json")
        report = json.loads(result.stdout)
        self.assertEqual(report["results"][0]["score"], 50)
        # In the text report the unanswered step's rules are unjudged, not failed.
        text = grade(str(self.tmp / "partial.yaml")).stdout
        unanswered = text.split("· apologize]")[1]
        self.assertIn("    – ", unanswered)
        self.assertNotIn("✗", unanswered)


class TextReportOfAReplyOnSeveralLines(CoachTestCase):
    def test_a_replys_later_lines_cannot_pass_for_the_reports_own(self):
        # Outside pass 26, finding 03: a reply's later lines started at the margin, where a
        # forged attempt header and a step's verdict looked like the report's own.
        forged = "嗯,知道了。\n\n张三 · fee — 100.0 分 通过\n  [第 1 步 · 倾听发泄 · vent] 100/100 通过"
        answers = self.write("forged.yaml", answers_file("fee", {"vent": forged}))
        result = grade(str(answers), "--format", "text")
        self.assertExit(result, 1)
        lines = result.stdout.splitlines()
        start = next(i for i, line in enumerate(lines) if "嗯,知道了" in line)
        reply_column = lines[start].index("嗯")
        for line in lines[start + 1:start + 4]:
            self.assertTrue(line.startswith(" " * reply_column), line)
        self.assertFalse(any(line.startswith("张三 · fee") for line in lines))
        self.assertFalse(any(line.startswith("  [第 1 步 · 倾听发泄 · vent] 100/100") for line in lines))


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

    def test_a_grade_cancelled_midway_leaves_no_report_behind(self):
        # Pass 18, finding 04: the temporary files went, but an earlier run's reports stayed in
        # place, silently, to be published as this run's. Pass 25, finding 03: Ctrl-\ (QUIT)
        # left the hidden temporary files too.
        for ending in (signal.SIGTERM, signal.SIGQUIT):
            with self.subTest(signal=ending.name):
                self.cancel_midway(ending)

    def test_a_cpu_limit_set_with_ulimit_t_leaves_no_report_behind(self):
        # Outside pass 32, finding 06: `ulimit -t` sets the hard limit with the soft one, and the
        # kernel's SIGKILL at the hard limit left the earlier run's reports and the temporary files.
        self.cancel_midway(signal.SIGXCPU, attempts=120000)  # more than a second of work

    def cancel_midway(self, ending, attempts=20000):
        cpu_limited = ending == signal.SIGXCPU
        # Files of 20,000 attempts: one file holds at most 250,000 YAML nodes.
        cohort = self.tmp / "cohort"
        for first in range(0, attempts, 20000):
            lines = "".join(f"  - scenario: fee\n    responses: {{vent: \"王先生,您的心情我很理解 {i}。\"}}\n"
                            for i in range(first, min(first + 20000, attempts)))
            self.write(f"cohort/{first}.yaml", "trainee: 张三\nattempts:\n" + lines)
        reports = self.tmp / f"reports-{ending.name}"
        reports.mkdir()
        for earlier in ("r.txt", "r.json"):
            (reports / earlier).write_text("an earlier run's report", encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "COACH_"))}
        env.update({"LANG": "en_US.UTF-8", "NO_COLOR": "1"})
        process = subprocess.Popen([COACH, "--no-history", "--scenarios", str(FIXTURES), "grade", str(cohort),
                                    "-o", str(reports / "r.txt"), "--report", f"json={reports / 'r.json'}"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
                                   preexec_fn=lambda: limit_core_and_cpu(cpu_limited))
        if not cpu_limited:
            # The reports are opened before grading starts: cancel once their temporary files are there.
            deadline = time.time() + 30
            while len(os.listdir(reports)) < 4 and process.poll() is None and time.time() < deadline:
                time.sleep(0.005)
            process.send_signal(ending)
        _, stderr = process.communicate(timeout=60)
        self.assertEqual(process.returncode, -ending)
        self.assertEqual(os.listdir(reports), [])
        self.assertEqual(stderr, "coach: interrupted: the unfinished reports are removed, "
                                 "and no earlier run's report is left in their place\n")

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

    def test_a_report_smaller_than_stdio_s_buffer_still_meets_the_limit(self):
        # Outside pass 45, finding 1: a CSV of a few KB stayed in stdio's buffer until the spool
        # was read back, and rewind() dropped the failure: the report was its header alone, exit 1.
        cohort = self.cohort(12)  # about 2 KB of CSV
        limit = 1024
        for target in (["-o", str(self.tmp / "r.csv")], []):
            with self.subTest(target=target[1:]):
                with open(self.tmp / "stdout", "w") as out:
                    result = self.grade_process(
                        cohort, "--format", "csv", *target, stdout=out,
                        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)))
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertIn("cannot write", result.stderr)
                self.assertIn("File too large", result.stderr)
                self.assertFalse((self.tmp / "r.csv").exists())

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



class CaseFacts(CoachTestCase):
    """Found by an outside tester: a restatement of another case's complaint, an explanation
    without a cause and a generic 我马上给您处理 scored full marks in the exam scenarios."""

    def step(self, scenario_id, step_id, reply):
        return graded_steps(self, [(scenario_id, step_id, reply)], added_to_model=False)[0]

    def rule(self, step, description):
        return next(r for r in step["rules"] if r["description"].startswith(description))

    def assert_cases(self, scenario_id, step_id, description, cases):
        """Each (reply, ok): whether the rule the description names is met, and the step passed."""
        for reply, ok in cases:
            with self.subTest(scenario=scenario_id, reply=reply):
                step = self.step(scenario_id, step_id, reply)
                self.assertEqual(self.rule(step, description)["ok"], ok)
                self.assertEqual(step["passed"], ok)

    def test_a_restatement_says_what_this_customer_said(self):
        self.assert_cases("missing-balance", "apologize", "复述客户的问题", [
            ("王先生,真对不起,给您添麻烦了。您的意思是这两天手机短信一条都发不出去,耽误了您不少事,对吧?我都记下了。", False),
            ("王先生,真对不起,给您添麻烦了。您的意思是你们20个人在机场等了三个小时,又被落在登机口,对吧?我都记下了。", False),
            ("王先生,真对不起,给您添麻烦了。我确认一下。我都记下来了。", False),
            ("王先生,真对不起,给您添麻烦了。您的意思是您对这笔费用有疑问,对吧?我都记下来了。", False),
            # a fact without a restatement: 不好意思 is no 意思是, 确认一下 without a pause is a lookup
            ("王先生,不好意思,1.8元的事我一定帮您查清楚,我先记下来。", False),
            ("王先生,真对不起。我帮您确认一下这1.8元是什么费用,我先记下来。", False),
            ("王先生,真对不起,给您添麻烦了。我跟您核实一下:您这个月一个电话没打,话费却少了1.8元,事先也没收到通知,是吗?我都记下来了。", True),
            ("王先生,真对不起,给您添麻烦了。我理解的情况是,您这个月一个电话没打,话费却少了1.8元,是吗?我记下来了。", True),
            ("王先生,真对不起,给您添麻烦了。简单来说就是,您这个月一个电话没打,话费却少了1.8元,是吗?我记下来了。", True),
            ("王先生,真对不起,给您添麻烦了。您这个月一个电话都没打,话费却少了一块八,是这样吗?我都记下来了。", True),
            ("王先生,真对不起,给您添麻烦了。我确认一下。您这个月一个电话都没打,话费却少了1.8元,我都记下来了。", True)])
        self.assert_cases("sms-failure", "apologize", "复述客户的问题", [
            ("李女士,真对不起,给您添麻烦了。您的意思是这个月一个电话都没打,话费却少了1.8元,对吧?我理解您的心情。", False),
            ("李女士,真对不起,给您添麻烦了。您的意思是等了三个小时,又被落在登机口,对吧?我理解您的心情。", False),
            ("李女士,真对不起,给您添麻烦了。不好意思,短信的事我马上帮您查,我很理解您的心情。", False),
            ("李女士,真对不起,给您添麻烦了。我理解的情况是,您这两天一条短信都发不了,耽误了不少事,对吗?我很理解您的心情。", True),
            ("李女士,实在抱歉。您的手机这两天发短信老是失败,是这样吗?换了我也着急。", True)])
        self.assert_cases("airline-delay", "apologize", "复述客户的问题", [
            ("先生,真的非常抱歉,这次是我们公司的问题。您的意思是这个月一个电话都没打,话费却少了1.8元,对吧?换了谁都会窝火。", False),
            ("先生,真的非常抱歉,这次是我们公司的问题。您的意思是这两天手机短信一条都发不出去,对吧?换了谁都会窝火。", False),
            ("先生,真的非常抱歉,这次是我们公司的问题。我确认一下,换了谁都会窝火。", False),
            ("先生,真的非常抱歉,这是我们公司的问题。我跟您核实一下:你们团队因为罢工在北京等了三个多小时,到登机口又被落下,是吗?换了谁都会窝火。", True),
            ("先生,对不起,这是我们的错。也就是说,你们二十位先是干等,后来又没坐上小飞机,现在半夜才到上海,对吧?换了谁都会窝火。", True)])

    def test_practice_scenarios_with_clear_facts_ask_for_them_too(self):
        self.assert_cases("reconnect-delay", "apologize", "复述客户的问题", [
            ("张先生,真对不起,让您白等了。您的意思是这个月一个电话都没打,话费却少了1.8元,对吧?我记下来了。", False),
            ("张先生,真对不起,让您白等了。不好意思,开机的事我马上帮您查,我记下来了。", False),
            ("张先生,真对不起,让您白等了。我跟您核实一下:您早上十点交了一百块,到现在还停着机,是吗?我记下来了。", True)])
        self.assert_cases("dropped-calls-hotline", "listen", "复述客户的问题", [
            ("陈先生,真对不起,给您添麻烦了,我很理解您的心情。您的意思是这两天手机短信一条都发不出去,对吧?我都记下来了。", False),
            ("陈先生,真对不起,给您添麻烦了,我很理解您的心情。我理解的情况是,您在大街上接电话也会断,换另一张卡就正常,对吗?", True)])

    def test_an_explanation_names_its_cause(self):
        explain = "体现「解释原因」"
        cases = [("王先生,原因是系统方面的原因,我马上给您退订,今天之内退回1.8元。", False),
                 ("王先生,这是因为一些原因造成的,我马上给您退订,今天之内退回1.8元。", False),
                 ("王先生,之所以扣费是因为有扣费,我马上给您退订,今天之内退回1.8元。", False),
                 # Outside pass 53, finding 05: a cause not known, kept back, or the complaint itself
                 ("王先生,原因是我也不知道。我取消这项服务、退还1.8元,今天之内到账。", False),
                 ("王先生,原因是个秘密。我取消这项服务、退还1.8元,今天之内到账。", False),
                 ("王先生,原因是钱少了。我取消这项服务、退还1.8元,今天之内到账。", False),
                 ("王先生,是因为扣了1.8元。我取消这项服务、退还1.8元,今天之内到账。", False),
                 ("王先生,是因为您的号码上开着一个短信订阅业务,我现在就退订,1.8元今天之内退回。", True),
                 ("王先生,是因为我们系统出了故障,我现在就退订,1.8元今天之内退回。", True),
                 ("王先生,原因是您的号码开通了一项短信信息服务,每月1.8元。我现在就帮您退订,1.8元今天之内退回。", True),
                 ("王先生,之所以扣了1.8元,是因为您的号码上有一项信息服务的月功能费。我马上为您取消,钱两小时内退还。", True),
                 ("王先生,由于您的号码被开通了一项信息服务,每个月扣1.8元。我现在就给您停掉,钱今天之内退到您账户里。", True),
                 ("王先生,这笔费用是一项短信信息服务产生的。我这就帮您关掉,1.8元今天之内退给您。", True)]
        for reply, ok in cases:
            with self.subTest(reply=reply):
                self.assertEqual(self.rule(self.step("missing-balance", "resolve", reply), explain)["ok"], ok)
        for reply, ok in [("张先生,这是因为一些原因,我马上给您开机。", False),
                          ("张先生,是因为系统的开机指令没有执行,我马上给您开机。", True)]:
            with self.subTest(reply=reply):
                self.assertEqual(self.rule(self.step("reconnect-delay", "resolve", reply), explain)["ok"], ok)

    def test_a_generic_action_is_not_the_steps_own_action(self):
        self.assert_cases("missing-balance", "resolve", "解决方法与行动", [
            ("王先生,原因是系统方面的原因,我马上给您处理,今天之内给您一个答复。", False),
            ("王先生,这是因为一些原因造成的,我马上帮您办理,两小时内处理好。", False),
            ("王先生,之所以扣费是因为有扣费,我现在就给您处理,今天之内。", False),
            ("王先生,经查询,这是一项信息服务的月费,我马上给您处理,今天之内处理好。", False),
            ("王先生,钱是退不了的,这是一项信息服务的月费。", False),
            ("王先生,由于您的号码被开通了一项信息服务,每个月扣1.8元。我现在就给您停掉,钱今天之内退到您账户里。", True)])
        self.assertFalse(self.step("missing-balance", "resolve", "王先生,我给您退1.8元吧。")["passed"])
        self.assert_cases("sms-failure", "resolve", "说清楚现在就做什么", [
            ("李女士,我马上给您处理,24小时内处理好,处理好给您回电话,急事您可以先想想别的办法。", False),
            ("李女士,我马上给您处理,24小时内处理好,处理好给您回电话。这两天您可以先打电话联系。", False),
            ("李女士,我现在就帮您重新设置短信中心号码;如果还不行,我马上报给技术人员检修,明天中午前给您回电话。这两天您可以先打电话联系。", True)])
        self.assert_cases("airline-delay", "resolve", "解决方法与行动", [
            ("先生,我马上帮您处理,一小时内给您回电话,有什么情况我会上报,补偿的事情我们再说。", False),
            ("先生,明天的航班我马上给你们团队安排好,20个位子一个都不会少,半小时内给您回电话;补偿我会上报领导,为大家争取。", True)])



    def test_actions_joined_by_bing_are_a_sentence_not_keywords(self):
        # Found by an outside tester (pass 14, finding 05): a complete resolve reply scored 0 as
        # keyword stuffing for want of a comma before 并.
        reply = ("先生,请放心,明天的航班我亲自跟进:一小时内为你们落实20个座位并短信告诉您航班号;"
                 "损失补偿我上报客服部,明天中午前给您回电。")
        self.write("r.yaml", "scenario: airline-delay\nresponses:\n  resolve: " + json.dumps(reply, ensure_ascii=False) + "\n")
        graded = json.loads(run("grade", str(self.tmp / "r.yaml"), "--format", "json").stdout)
        step = next(s for s in graded["results"][0]["steps"] if s["id"] == "resolve")
        self.assertFalse(step["stuffed"])
        self.assertTrue(step["passed"])

class PromisesAndPassingTheBlame(CoachTestCase):
    """Blind promises and blame-shifting (outside tester, findings 02 and 04 B): what no step may
    say is caught in every step, and what a good trainee says with the same words is not."""

    graded_with = Grading.graded_with
    critical_cases = Grading.assert_critical_cases

    def breached(self, scenario_id, step, sentence):
        """The descriptions of the forbid rules the sentence, added to the model answer, breaks."""
        result = self.graded_with(scenario_id, step, sentence)
        graded = next(s for s in result["steps"] if s["id"] == step)
        return [r["description"] for r in graded["rules"] if r["kind"] == "forbid" and not r["ok"]]

    def test_passing_the_blame_to_colleagues_or_third_parties_fails_any_step(self):
        # Passed with 100: 罢工是机械师闹的,我们也是受害者 (vent), 都是地勤那帮人没安排好 (the
        # must-pass apologize), 您要怪就怪那些机械师 (resolve). Follow-up and gather steps name no
        # blame_colleague rule, and fail all the same.
        self.critical_cases("airline-delay", [
            ("vent", "不过罢工是机械师闹的,我们也是受害者。", True),
            ("apologize", "都是地勤那帮人没安排好。", True),
            ("resolve", "不过话说回来,罢工也不是我们想的,您要怪就怪那些机械师。", True),
            ("follow_up", "那天都是地勤那边没安排好。", True),
            ("apologize", "是我们工作人员的失误,真对不起。", False),
            ("apologize", "这是我们的地勤没安排好,责任在我们。", False),
            ("resolve", "我已经联系地勤,他们会在登机口等你们。", False)])
        self.critical_cases("missing-balance", [
            ("gather", "这笔钱是系统自动扣的,不关我们营业厅的事。", True),
            ("apologize", "不过这不是我们的错,是系统自动扣的。", True),
            ("resolve", "这件事不管关不关我的事,我都负责帮您处理好。", False)])
        self.critical_cases("sms-failure", [
            ("apologize", "这是网络部门的问题。", True),
            ("resolve", "需要技术部门协助的,我来协调,您放心。", False),
            ("resolve", "其他部门的事我来帮您协调,您不用再跑。", False)])
        self.assertIn("避免「推卸责任、批评同事或其他部门」",
                      self.breached("airline-delay", "follow_up", "那天都是地勤那边没安排好。"))

    def test_conceding_is_not_passing_the_blame(self):
        # Failed critically: 不管是不是我们的问题… and 就算不是我们营业厅的责任…也 concede.
        self.critical_cases("reconnect-delay", [
            ("apologize", "不管是不是我们的问题,我都会负责帮您查清楚。", False),
            ("apologize", "就算不是我们营业厅的责任,我也一定帮您查到底。", False),
            ("apologize", "即使不是我们的问题,我们也会负责到底。", False),
            ("apologize", "无论是不是我们的错,我都先帮您把机开了。", False),
            ("apologize", "这不是我们营业厅的责任。", True),
            ("apologize", "虽然不是我们的错,我还是帮您查一下。", True)])

    def test_promises_no_employee_may_make_fail_any_step(self):
        # Passed (85–100): whatever you ask the company pays, any demand granted, I pay you myself
        # if it is not fixed, a 100% fix and a month free, money given on the trainee's own say-so.
        self.critical_cases("airline-delay", [
            ("resolve", "赔偿您放心,你们要多少公司就赔多少。", True),
            ("resolve", "绝对让你们满意,您提什么要求都答应。", True),
            ("resolve", "赔偿您放心,每人两千块肯定少不了。", True),
            ("resolve", "公司一定赔礼道歉。", False),
            ("resolve", "您有什么要求都可以提,我都记下来上报。", False),
            ("resolve", "您的要求我们都会认真考虑,明天给您答复。", False),
            ("resolve", "赔偿的事您放心,我一定如实上报。", False),
            ("follow_up", "公司给每人准备了一张往返机票。", False)])
        self.critical_cases("sms-failure", [
            ("resolve", "今天之内肯定修好,修不好我赔您一年话费。", True),
            ("resolve", "一小时内百分之百修好,另外这个月话费全免。", True),
            ("apologize", "我送您三个月话费作为补偿。", True),
            ("resolve", "修不好的话,我为您申请补偿,明天给您答复。", False),
            ("resolve", "我不能百分之百保证修好,但我会盯紧进度。", False),
            ("apologize", "这百分之百是我们的责任。", False)])
        self.critical_cases("missing-balance", [
            ("resolve", "另外我做主再送您100元话费,以后保证再也不会出任何扣费问题。", True),
            ("apologize", "这钱我自己掏钱赔您。", True),
            ("apologize", "这钱肯定是我们扣错了,我保证全额退您十倍。", True),
            ("resolve", "以后我们的服务一定比以前好十倍。", False),
            ("resolve", "退订以后这项业务肯定不会再有任何扣费了。", False),
            ("resolve", "这件事我做不了主,赔偿不是我能做主的,我帮您上报。", False),
            ("resolve", "这笔费用不用您自己掏钱。", False),
            ("apologize", "我给您赔不是了。", False)])
        self.critical_cases("repair-three-weeks", [
            ("resolve", "另外我可以给您免收检测费,再赠送3个月延保。", False)])
        self.assertIn("避免「许下谁都不能许的承诺」",
                      self.breached("missing-balance", "resolve", "另外我做主再送您100元话费。"))

    def test_the_airline_apology_and_the_sms_fix_check_blind_promises(self):
        # airline-delay/apologize (must-pass) had no blind-promise rule: 我保证明天每人赔偿两千元现金 got 100.
        self.assertIn("避免「盲目承诺」",
                      self.breached("airline-delay", "apologize", "我保证明天每人赔偿两千元现金。"))
        self.critical_cases("sms-failure", [("resolve", "我保证今天就修好。", True),
                                            ("resolve", "这两天的话费保证全额退给您。", True)])

    def test_explaining_a_rule_or_offering_help_is_not_arguing_or_refusing(self):
        # Failed critically: the rule's reason (required by the step) read as arguing, the step's
        # own answer read as a blind promise, an offer of help read as a refusal.
        self.critical_cases("roaming-without-id", [
            ("rule", "按规定必须核验机主身份,这也是为了您好,防止别人冒用您的号码。", False),
            ("rule", "这条规定其实也是为了您好:万一号码被别人冒用,损失的是您自己。", False),
            ("rule", "我们这么做也是为了您好。", True),
            ("rule", "这也是为了您好,您怎么就不领情呢?", True)])
        self.critical_cases("get-me-the-manager", [
            ("resolve", "我现在就给您重新办理退订,马上生效,我保证下个月不会再扣了。", False),
            ("resolve", "多扣的30元我保证双倍赔给您。", True)])
        self.critical_cases("missing-balance", [
            ("resolve", "今天之内到账,省得您自己查。", False),
            ("resolve", "退好了我打电话告诉您,不用您自己查。", False),
            ("resolve", "详单您自己查吧。", True),
            ("resolve", "具体扣了什么,您回家上网查。", True)])


BLAME = "责怪、怀疑、教训或讽刺客户"
DISMISSIVE = "否定客户情绪、一口否认"
ABUSE = "辱骂客户"


class TabooRudeRemarksAndEntitlements(CoachTestCase):
    """The taboo concepts (blame, dismissive, abuse) catch the everyday shapes of blaming,
    belittling, brushing off and mocking the customer, and leave alone what he was owed."""

    def critical_breaches(self, cases):
        """For each (scenario, step, sentence): the labels of the critical forbid rules the
        step fails when the sentence is added to the scenario's first model answer."""
        return [[r["description"] for r in step["rules"]
                 if r["kind"] == "forbid" and r["critical"] and not r["ok"]]
                for step in graded_steps(self, cases)]

    def assert_breaches(self, cases):
        """cases: (scenario, step, sentence, label of the concept it breaks, or None)."""
        found = self.critical_breaches([case[:3] for case in cases])
        for (scenario_id, step, sentence, label), breaches in zip(cases, found):
            with self.subTest(scenario=scenario_id, step=step, sentence=sentence):
                if label is None:
                    self.assertEqual(breaches, [])
                else:
                    self.assertTrue(any(label in b for b in breaches), breaches)

    def test_blaming_the_customer_for_the_cause_fails_beside_sentences_that_own_it(self):
        # Found by an outside tester (adv13 01): each passed its step with 100.
        self.assert_breaches([
            ("missing-balance", "apologize", "您自己订的服务还来闹。", BLAME),
            ("missing-balance", "apologize", "您自己点的还好意思来投诉。", BLAME),
            ("missing-balance", "resolve", "以后您自己别乱点链接。", BLAME),
            ("sms-failure", "resolve", "下回别乱装那些乱七八糟的软件了。", BLAME),
            ("airline-delay", "apologize", "不过说实话,你们团队来得太晚了,早点到登机口就不会被落下。", BLAME),
            ("airline-delay", "follow_up", "下次记得早点到登机口。", BLAME),
            ("airline-delay", "gather", "半夜打电话来吵,您也不看看几点了。", BLAME),
            ("missing-balance", "apologize", "这种事怪不了别人。", BLAME),
            ("sms-failure", "apologize", "您是不是欠费了自己不知道?", BLAME),
            ("missing-balance", "apologize", "其实您自己平时多留意短信提醒,就不会发生这种事。", BLAME),
            ("airline-delay", "resolve", "你们自己选的航班,延误了也得自己承担一部分。", BLAME),
            ("missing-balance", "apologize", "但我劝您先回家问问家里人是不是用过您的手机。", BLAME),
            ("missing-balance", "gather", "您自己订的服务还在扣费吗?", None),
            ("missing-balance", "apologize", "您自己都还没搞清楚就被扣了,真对不起。", None),
            ("missing-balance", "resolve", "以后收到陌生链接最好不要点,以免被扣费。", None),
            ("missing-balance", "resolve", "我们绝不会乱扣您的钱。", None),
            ("missing-balance", "resolve", "您的退款到得太晚了,真对不起。", None),
            ("airline-delay", "apologize", "让你们等到这么晚,实在对不起。", None),
            ("airline-delay", "apologize", "我们要是早点通知您,就不会这样了。", None),
            ("missing-balance", "follow_up", "下次您提前来,我给您安排。", None),
            ("missing-balance", "apologize", "这事怪不了您,是我们没提醒。", None),
            ("missing-balance", "apologize", "您可能自己都不知道开通了这个业务,这是我们的问题。", None),
            # a rude reply of the trainers' corpus, which a restatement's 是不是 let pass
            ("missing-balance", "apologize", "可是没人会平白无故扣您钱的,您是不是手机上点了什么自己不知道?", BLAME),
            ("missing-balance", "apologize", "没人会平白无故扣您钱的。", DISMISSIVE),
            ("missing-balance", "apologize", "您肯定自己都不知道被扣了钱,这是我们没提醒。", None),
            ("missing-balance", "vent", "没有人会无缘无故来投诉,您一定是遇到了麻烦。", None),
            ("airline-delay", "resolve", "这个损失不用您自己承担。", None),
            ("missing-balance", "follow_up", "谢谢您打电话来告诉我们。", None),
            ("missing-balance", "gather", "这个号是您本人在用吗?", None)])

    def test_belittling_and_mocking_the_customer_fails_beside_kind_words(self):
        # Found by an outside tester (adv13 01): each passed its step with 100.
        self.assert_breaches([
            ("missing-balance", "apologize", "1.8块钱也值得专门跑一趟,您可真会过日子。", BLAME),
            ("missing-balance", "apologize", "您也真是的,1.8块钱吵成这样。", BLAME),
            ("missing-balance", "apologize", "您是不是老年人不太会用手机啊?", BLAME),
            ("missing-balance", "gather", "您连自己订了啥都不知道吗?", BLAME),
            ("sms-failure", "gather", "您这手机也太老了吧。", BLAME),
            ("sms-failure", "vent", "说实话,多半是手机太旧了。", BLAME),
            ("sms-failure", "apologize", "不过一般都是手机太旧了,您该换手机了。", BLAME),
            ("airline-delay", "apologize", "你们也别太矫情了,坐飞机哪有不延误的。", BLAME),
            ("sms-failure", "apologize", "发不了短信又死不了人。", DISMISSIVE),
            ("missing-balance", "apologize", "不过这么点钱,真没必要这么大火气。", DISMISSIVE),
            ("missing-balance", "follow_up", "以后这种小钱就别跑一趟了。", DISMISSIVE),
            ("sms-failure", "follow_up", "以后别再为这点小事跑营业厅了。", DISMISSIVE),
            ("sms-failure", "apologize", "现在谁还发短信啊,用微信不就行了。", DISMISSIVE),
            ("sms-failure", "resolve", "其实您用微信就行,短信早就过时了。", DISMISSIVE),
            ("missing-balance", "apologize", "你脑子没问题吧。", ABUSE),
            ("missing-balance", "apologize", "真是闲得慌。", ABUSE),
            ("missing-balance", "apologize", "哪怕是1.8元,也值得我们认真查清楚。", None),
            ("missing-balance", "resolve", "1.8元也要一分不少退给您。", None),
            ("type-talkative", "reassure", "您老人家不太会用也正常,我来帮您弄。", None),
            ("missing-balance", "apologize", "您连钱是怎么扣的都不知道,换了谁都着急。", None),
            ("sms-failure", "gather", "您的手机没换过吧?", None),
            ("sms-failure", "resolve", "手机有点旧也没关系,我们先查网络。", None),
            ("sms-failure", "apologize", "不是您手机太旧的问题,是我们的网络故障。", None),
            ("airline-delay", "apologize", "您这不是矫情,换了谁都会生气。", None),
            ("missing-balance", "apologize", "让您为这事专门跑一趟,真不好意思。", None),
            ("missing-balance", "resolve", "这点小事不用您操心,交给我。", None),
            ("missing-balance", "follow_up", "以后您不用再为这种事跑营业厅,打10086就能办。", None),
            ("sms-failure", "resolve", "这两天急事您可以先用微信联系。", None),
            ("missing-balance", "apologize", "这种事哪有不着急的。", None),
            ("missing-balance", "apologize", "我脑子不好使,您再说一遍。", None)])

    def test_brushing_off_or_rushing_the_customer_fails_beside_patient_words(self):
        # Found by an outside tester (adv13 01): each passed its step with 100; 满意了吧 even
        # counted as the follow-up's satisfaction question.
        self.assert_breaches([
            ("missing-balance", "apologize", "早干嘛去了。", DISMISSIVE),
            ("missing-balance", "apologize", "有意见您去投诉好了,我无所谓。", DISMISSIVE),
            ("missing-balance", "follow_up", "您要去消协随便您。", DISMISSIVE),
            ("missing-balance", "apologize", "您要是嫌我们扣费,可以去别家嘛。", DISMISSIVE),
            ("missing-balance", "apologize", "后面还有人排队呢,您快点。", DISMISSIVE),
            ("sms-failure", "gather", "急什么急,问题总得一个一个问。", DISMISSIVE),
            ("airline-delay", "vent", "不过大半夜的您嗓门能不能小点,我耳朵都要聋了。", DISMISSIVE),
            ("missing-balance", "vent", "不过您嗓门能不能小点,后面还有人排队呢。", DISMISSIVE),
            ("missing-balance", "apologize", "您这么大声嚷嚷别人还怎么办业务?", DISMISSIVE),
            ("airline-delay", "follow_up", "这下您满意了吧?以后别动不动就投诉了。", DISMISSIVE),
            ("airline-delay", "follow_up", "满意了吧?", DISMISSIVE),
            ("airline-delay", "resolve", "别再打过来骂人了啊。", DISMISSIVE),
            ("missing-balance", "follow_up", "您对处理结果还满意吗?", None),
            ("missing-balance", "follow_up", "这样处理您满意了吗?", None),
            ("missing-balance", "apologize", "您不用去别家,我们一定给您解决。", None),
            ("missing-balance", "gather", "您是从别家转过来的吗?", None),
            ("missing-balance", "resolve", "我尽快给您办。", None),
            ("missing-balance", "apologize", "您先别着急,我马上查。", None),
            ("sms-failure", "gather", "您的声音有点小,我听不太清。", None),
            ("sms-failure", "gather", "信号动不动就断吗?", None),
            ("missing-balance", "apologize", "让您动不动就跑营业厅,真对不起。", None),
            ("missing-balance", "apologize", "投诉处理好了以后我们会回复您。", None)])

    def test_what_the_customer_was_owed_is_no_lecture(self):
        # Found by an outside tester (adv13 04 A): each failed critically as 您应该… lecturing,
        # although it says what the company owed the customer. What he should have done still fails.
        self.assert_breaches([
            ("airline-delay", "apologize", "您的意思是,你们本来就应该坐上那班飞机,结果因为罢工干等了三个小时。", None),
            ("airline-delay", "apologize", "只能半夜先到上海,你们早就应该到广州了,是这样吗?", None),
            ("airline-delay", "resolve", "这次确实是我们的责任,你们早该到广州了。", None),
            ("airline-delay", "apologize", "你们本来应该下午就到广州,真对不起。", None),
            ("missing-balance", "apologize", "而且扣费前您本来就应该收到通知,但什么也没收到,是吗?", None),
            ("prepaid-bonus", "apologize", "按活动您早该拿到送的话费了,可到现在一分没有。", None),
            ("prepaid-bonus", "apologize", "送的话费您应该拿到却没到账。", None),
            ("prepaid-bonus", "resolve", "是我们的失误。您交费的时候就应该拿到这50元。", None),
            ("prepaid-bonus", "resolve", "这50元您本来就应该拿到。", None),
            ("prepaid-bonus", "resolve", "按活动您应该享受送50元。", None),
            ("sms-failure", "resolve", "这两天您应该享受的服务没享受到,真对不起。", None),
            ("missing-balance", "follow_up", "退款到账的短信您该看到了吧?", None),
            ("missing-balance", "follow_up", "退款您该查到了吧?", None),
            ("missing-balance", "apologize", "您应该先看看合同。", BLAME),
            ("missing-balance", "apologize", "您早该看合同的。", BLAME),
            ("missing-balance", "apologize", "下次您该注意。", BLAME),
            ("missing-balance", "apologize", "您应该拿身份证来办。", BLAME),
            ("missing-balance", "apologize", "您应该到营业厅去办。", BLAME),
            ("missing-balance", "apologize", "您应该按时交费。", BLAME),
            ("missing-balance", "apologize", "您应该今天去营业厅办理。", BLAME),
            ("missing-balance", "apologize", "您当时就应该当场确认。", BLAME),
            ("airline-delay", "apologize", "你们应该早点去柜台改签。", BLAME)])


class NaturalWordingOfTheMoves(CoachTestCase):
    """Everyday wordings of the required moves count; an opener or a near-miss without the move
    does not. Found by an outside tester: a full restatement opened by 我跟您核实一下 scored 0 for
    restating and failed the exam's must-pass apologize step, while 我确认一下。 alone counted."""

    BODY = "您这个月一个电话没打,话费却少了1.8元,事先也没收到通知。我都记下来了。"

    def concept_results(self, scenario_id, step, label, replies):
        """For each reply, graded alone at `step`: (whether the rule asking for the concept
        labelled `label` is met, whether the step passes). A step may ask for the concept with a
        rule of its own (missing-balance's restatement must hold this customer's facts): its
        label starts with the concept's."""
        results = []
        for graded in graded_steps(self, [(scenario_id, step, reply) for reply in replies],
                                   added_to_model=False):
            rule = next(r for r in graded["rules"]
                        if r["kind"] in ("concept", "forbid", "regex")
                        and re.sub(r"^(体现|避免)?「?", "", r["description"]).startswith(label))
            results.append((rule["ok"], graded["passed"]))
        return results

    def assert_concept(self, scenario_id, step, label, cases):
        """`cases`: (reply, whether the concept must be recognised). A recognised one must also
        pass its step: these are the replies of a good trainee."""
        results = self.concept_results(scenario_id, step, label, [reply for reply, _ in cases])
        for (reply, expected), (ok, passed) in zip(cases, results):
            with self.subTest(reply=reply):
                self.assertEqual(ok, expected)
                if expected:
                    self.assertTrue(passed)

    def test_a_restatement_counts_whatever_everyday_words_open_it(self):
        openers = ["我跟您核实一下:", "我确认下,", "我跟您对一下:", "我整理一下您说的:",
                   "我把您的情况说一下:", "我理解的情况是,", "简单来说就是,", "我再说一下您的问题:",
                   "我把您的问题再说一遍:", "您刚才讲的是,", "您的问题是,", "我确认一下:",
                   "跟您确认一下,", "我再复述一遍:", "如果没理解错的话,", "我的理解是,",
                   "您反映的问题是,", "您看我理解得对不对:", "您是说", "也就是说,"]
        self.assert_concept("missing-balance", "apologize", "复述客户的问题", [
            (f"王先生,真对不起,给您添麻烦了。{opener}{self.BODY}", True) for opener in openers])

    def test_a_restated_clause_closed_by_shi_ma_counts(self):
        self.assert_concept("missing-balance", "apologize", "复述客户的问题", [
            ("王先生,真对不起。您这个月一个电话没打,话费却少了1.8元,是吗?我记下来了。", True),
            ("王先生,真对不起。您这个月话费少了1.8元,是不是?我记下来了。", True),
            # a bare 是吗 answers, it restates nothing
            ("王先生,真对不起,给您添麻烦了。哦,是吗?我记下来了。", False),
            ("王先生,是吗?真对不起,给您添麻烦了,我记下来了。", False)])

    def test_an_opener_with_nothing_restated_after_it_does_not_count(self):
        self.assert_concept("missing-balance", "apologize", "复述客户的问题", [
            ("王先生,真对不起,给您添麻烦了。我确认一下。我记下来了。", False),
            ("王先生,真对不起,给您添麻烦了。我跟您核实一下。我记下来了。", False),
            ("王先生,真对不起。我先确认一下,好吗?我记下来了。", False),
            ("王先生,真对不起。我理解得对不对?我记下来了。", False),
            ("王先生,真对不起。我明白了。我记下来了。", False),
            # asking, agreeing, investigating or explaining is not restating
            ("王先生,真对不起。您的问题是什么时候开始的?我记下来了。", False),
            ("王先生,真对不起。您的问题是我们一定会解决的。我记下来了。", False),
            ("王先生,真对不起。您刚才说的我都记下来了。", False),
            ("王先生,真对不起。您刚才说得对,我记下来了。", False),
            ("王先生,真对不起。我帮您核实一下这笔扣费,我记下来了。", False),
            ("王先生,真对不起。情况是这样的,系统每月会自动扣费。我记下来了。", False),
            ("王先生,真对不起。简单来说就是系统出了故障。我记下来了。", False),
            ("王先生,真对不起。您没记错,这个月确实扣了钱。我记下来了。", False)])

    def test_an_all_good_exam_submission_is_certified(self):
        replies = {
            "airline-delay": [
                "先生您好,你们团队从下午等到半夜,又被落在登机口,这种遭遇换谁都受不了,我非常理解您的心情。请您慢慢说,我都在听。",
                "先生,实在对不起,这是我们公司的责任,让你们受累了。我确认一下:你们20人下午在北京因罢工等了三小时,改乘小飞机时被落下,只好半夜先到上海,对吗?我能理解大家的心情。",
                "先生,请问怎么称呼您?麻烦您告诉我团队的订单号,我马上查明天的航班。你们明天最晚几点要到广州?您希望我们怎么处理?",
                "先生,这次确实是我们的问题。我马上为你们20位预留明天一早上海飞广州的座位,半小时内给您回电话确认;补偿的事我今晚就上报公司,明天中午前给您答复。",
                "您好,先生,我是某某航空客户服务中心的陈静,工号5012。打扰您了,想问一下总裁的致歉函和机票您收到了吗?您对这次的处理满意吗?谢谢您的理解。"],
            "missing-balance": [
                "先生您好,1.8块钱虽然不多,但不明不白被扣谁心里都不舒服,我很理解。请问您怎么称呼?您慢慢跟我讲。",
                "王先生,真对不起,给您添麻烦了。我跟您核实一下:您这个月一个电话没打,话费却少了1.8元,事先也没收到通知,是吗?我都记下来了。",
                "王先生,我马上帮您查。您的手机号码是多少?这个月您有没有用手机上过网?您是从哪里看到余额少了的?",
                "王先生,查询结果出来了:扣费是因为号码上有一项信息服务,每月1.8元。我马上帮您取消,1.8元两小时内退到您的话费里,以后不会再扣。",
                "王先生,非常感谢您的耐心。请问这样处理您满意吗?下个月账单出来后我会打电话跟您确认一下,我们也会改进服务,不让类似的事再发生。"],
            "sms-failure": [
                "女士,您好,短信发不出去肯定耽误了不少事,您的心情我很理解。您先请坐,慢慢说,具体是什么情况?",
                "李女士,真抱歉让您着急了。我确认一下:您的手机这两天短信一直发不出去,发一条失败一条,是吗?换了是我也会很着急。",
                "李女士,我尽快问完。请问您的号码是多少?从什么时候开始发不出去的?发送时手机显示什么提示?能正常打电话吗?我马上帮您查。",
                "李女士,我这边查了,您的号码状态正常,应该是网络那边出了问题。我马上给您提交故障单,24小时内修好,修好后我打电话告诉您;这期间您有急事可以先打电话。",
                "李女士您好,我是中国移动营业厅的刘芳,工号2210。您前几天反映的短信问题已经处理好了,想问一下现在能正常发短信了吗?谢谢您的耐心等待。"]}
        steps = ["vent", "apologize", "gather", "resolve", "follow_up"]
        lines = ["trainee: 好学员", "attempts:"]
        for scenario_id, answers in replies.items():
            lines += [f"  - scenario: {scenario_id}", "    responses:"]
            lines += [f"      {step}: {json.dumps(text, ensure_ascii=False)}"
                      for step, text in zip(steps, answers)]
        submission = self.write("submission.yaml", "\n".join(lines) + "\n")
        result = run("grade", "--exam", str(BUNDLED.parent / "exams" / "basic-certificate.yaml"),
                     str(submission), "--format", "json")
        self.assertExit(result, 0)
        trainees = json.loads(result.stdout)["exam"]["trainees"]
        self.assertEqual([(t["trainee"], t["passed"]) for t in trainees], [("好学员", True)])

    def test_everyday_empathy_in_a_vent_step(self):
        self.assert_concept("missing-balance", "vent", "移情(理解客户的心情)", [
            ("先生,您好,没用手机却被扣钱,我要是您我也会着急。您别站着,这边请坐,您把情况慢慢告诉我。", True),
            ("先生,您好,遇到这样的事谁都会火冒三丈,您有什么不满尽管说,我都记下来。", True),
            ("先生,真是让您着急了。您放心,今天一定给您说清楚。您先说说是怎么发现话费少了的?", True),
            # advice, a denial or an apology is not sharing the customer's feeling
            ("先生,我要是您,就先去查一下详单,您慢慢说。", False),
            ("先生,我要是您也不会生气的,您慢慢说。", False),
            ("先生,要是我是您,也不会生气,您慢慢说。", False),
            ("先生,真是让您久等了,您慢慢说。", False),
            ("先生,谁都会犯错,您慢慢说。", False)])

    def test_everyday_invitations_to_talk_in_a_vent_step(self):
        self.assert_concept("missing-balance", "vent", "请客户倾诉", [
            ("先生,您好,钱无缘无故少了,换了谁都会着急。您慢慢跟我说。", True),
            ("先生,您好,钱无缘无故少了,换了谁都会着急。慢慢跟我讲。", True),
            ("先生,您好,钱无缘无故少了,换了谁都会着急,您有什么不满尽管说。", True),
            ("先生,您好,钱无缘无故少了,换了谁都会着急。您先说说是怎么发现的?", True),
            ("先生,您好,钱无缘无故少了,换了谁都会着急。请您慢慢讲,我认真听。", True),
            ("先生,您好,钱无缘无故少了,换了谁都会着急。您把情况慢慢告诉我。", True),
            # 尽管 as "although", 讲讲道理, having listened: no invitation
            ("先生,换了谁都会着急,尽管说明了情况,还是扣了钱。", False),
            ("先生,换了谁都会着急,尽管讲过很多次,还是没解决。", False),
            ("先生,换了谁都会着急,可您也讲讲道理。", False),
            ("先生,换了谁都会着急,我认真听了您的意见。", False),
            ("先生,换了谁都会着急,我会认真听取您的意见。", False)])
        # A talkative customer is not to be invited on (a forbid rule, met when nothing invites):
        # the new wordings are caught there, a restatement with closed questions is not.
        graded = self.concept_results("type-talkative", "key-points", "请客户倾诉", [
            "大爷,我确认一下:这个月账单上多了一项10元的视频会员,您没订过,对吗?是这个月的账单吧?我记下来了。",
            "大爷,您有什么不满尽管说,慢慢跟我讲。"])
        self.assertEqual([ok for ok, _ in graded], [True, False])

    def test_everyday_apologies(self):
        self.assert_concept("missing-balance", "apologize", "道歉", [
            (f"王先生,请您多包涵。我确认一下:{self.BODY}", True),
            (f"王先生,真的很内疚。我确认一下:{self.BODY}", True),
            (f"王先生,还望海涵。我确认一下:{self.BODY}", True),
            (f"王先生,您不用内疚。我确认一下:{self.BODY}", False)])

    def test_asking_for_understanding_and_seating_the_customer_during_an_outage(self):
        good = "先生,实在抱歉,让您白等了这么久,您的心情我很理解。请您多多谅解,这边请坐,喝杯水,一来电我马上给您办。"
        self.assert_concept("hall-outage", "explain", "求得客户谅解", [
            (good, True),
            ("先生,实在抱歉,您的心情我很理解。还请您谅解,请您在休息区坐一下,来电先给您办。", True),
            ("先生,实在抱歉,您的心情我很理解。我们请示一下能不能处理,请您在休息区坐一下。", False)])
        self.assert_concept("hall-outage", "explain", "安排客户等候", [
            (good, True),
            ("先生,实在抱歉,您的心情我很理解,还请您谅解。您可以坐车去附近的营业厅。", False),
            ("先生,实在抱歉,您的心情我很理解,还请您谅解。这边请走。", False)])

    def test_everyday_commitments_to_improve(self):
        opening = "孙女士,再次向您道歉,也谢谢您给我改正的机会。"
        self.assert_concept("get-me-the-manager", "close", "表明改进的决心", [
            (opening + "以后我一定更加细心,认真核对每一步,不会再犯同样的错误。", True),
            (opening + "我们今后会更加注意,同样的错误绝不会再犯。", True),
            # telling the customer to be careful, or refusing to promise, is no commitment
            (opening + "您以后要更加注意。", False),
            (opening + "我们希望您以后更加注意。", False),
            (opening + "我不能保证不会再犯同样的错误。", False)])


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



class ContextOfTheNewListEntries(CoachTestCase):
    """Outside tester (adv14 fp): entries added for blame, brush-offs, reckless promises and
    passing the blame caught replies that say the opposite (a negation after the words, a
    concession, a fraud warning, a referral to another hall), and missed the same faults in
    other words. Each sentence is added to the scenario's first model answer at its step."""
    graded_with = Grading.graded_with
    assert_critical_cases = Grading.assert_critical_cases
    concept_results = NaturalWordingOfTheMoves.concept_results

    def test_reassuring_that_the_fault_is_not_the_customer_s_is_no_blame(self):
        self.assert_critical_cases("sms-failure", [
            ("resolve", "原因查到了,跟您的手机太老没有关系,是基站出了故障。", False),
            ("resolve", "和您的手机太旧无关,是基站的问题。", False),
            ("resolve", "跟手机太老了没关系,也跟手机太老也没关系。", False),
            ("resolve", "并不是因为手机太老。", False),
            ("resolve", "您这手机也太老了吧。", True),
            ("resolve", "您的手机太老了没法用。", True),
            ("resolve", "手机太旧没信号。", True),
            ("resolve", "这跟您手机太老有关系。", True),
            ("resolve", "是您手机太老的问题。", True)])
        self.assert_critical_cases("dropped-calls-hotline", [
            ("listen", "您的手机才买三个月,跟手机太老没有关系。", False),
            ("listen", "您的手机是新买的,不存在手机太老的问题。", False)])

    def test_a_concession_about_who_ordered_it_is_no_blame(self):
        self.assert_critical_cases("missing-balance", [
            ("resolve", "不管是不是您自己订的,我都先给您退订,1.8元今天之内退回。", False),
            ("resolve", "无论是不是您自己点错了,我都帮您退。", False),
            ("resolve", "就算是您记错了也没关系,我们再查。", False),
            ("resolve", "即使是您自己订的,我们也给您退订。", False),
            ("resolve", "不管是不是您手机的问题,我们都帮您查到底。", False),
            ("resolve", "这项业务并不是您自己订的。", False),
            ("resolve", "这可不是您自己的错。", False),
            ("resolve", "是您自己订的,钱我们不退。", True),
            ("resolve", "是不是您自己订的,钱被扣了。", True),
            ("resolve", "这难道不是您自己没注意吗?", True),
            ("resolve", "这是您自己弄错了。", True),
            ("resolve", "你弄错了。", True),
            ("resolve", "我看是您记错了。", True),
            ("resolve", "是不是您的手机有问题呀。", True)])

    def test_a_warning_about_strangers_links_is_no_rebuke(self):
        self.assert_critical_cases("missing-balance", [
            ("follow_up", "陌生短信里的链接建议别乱点,避免误订业务。", False),
            ("follow_up", "另外提醒您,陌生链接千万别乱点,现在骗子多。", False),
            ("follow_up", "现在诈骗短信多,陌生链接千万不要乱点,有疑问就打10086。", False),
            ("follow_up", "以免您乱点到诈骗链接,我给您开个防护。", False),
            ("follow_up", "您别乱点。", True),
            ("follow_up", "你乱点什么。", True),
            ("follow_up", "以后您自己别乱点链接。", True),
            ("follow_up", "以后别乱点了。", True),
            ("follow_up", "别再乱点链接了。", True),
            ("follow_up", "您乱点了链接才扣的钱。", True)])

    def test_sending_the_customer_to_another_hall_is_no_brush_off(self):
        self.assert_critical_cases("computer-crash", [
            ("redirect", "我问过了,去别家营业厅也能办,最近的是人民路营业厅,步行十分钟。", False),
            ("check", "您去别家营业厅补卡也是一样的。", False),
            ("check", "您也可以去别家网点办。", False),
            ("check", "您不用去别家,我们一定给您解决。", False),
            ("check", "您是从别家转过来的吗?", False),
            ("check", "那您去别家吧。", True),
            ("check", "嫌贵就换别家。", True),
            ("check", "系统坏了我也没招,您爱去哪家去哪家吧。", True),
            ("check", "您可以换别的运营商。", True)])
        self.assert_critical_cases("hall-outage", [
            ("redirect", "您可以去别家营业厅办,人民路营业厅最近,步行10分钟。", False),
            ("redirect", "您可以去别家门店办。", False)])

    def test_bad_replies_in_other_words_are_critical(self):
        self.assert_critical_cases("missing-balance", [
            ("apologize", "不过您是不是自个儿订了什么业务?我记下来了。", True),
            ("apologize", "这项业务是不是您本人开通的?", False),
            ("gather", "是不是您自己办的卡?", False),
            ("vent", "先生,您急啥呀,才一块八,慢慢说。", True),
            ("vent", "您急啥事儿,我先帮您办。", False)])
        self.assert_critical_cases("sms-failure", [
            ("vent", "别人的短信都好好的,就您的不行,您慢慢说吧。", True),
            ("vent", "别人的短信都正常,您的却发不出去,肯定是我们这边的问题。", False),
            ("resolve", "其他人都正常,只有您的号码有问题,我马上查。", False)])

    def test_refusing_to_promise_or_to_blame_a_colleague_is_neither(self):
        self.assert_critical_cases("bank-special-background", [
            ("no_blind_promise", "赔不赔要看卡组织的调查结果,我不能现在就说全额赔。", False),
            ("no_blind_promise", "我没法现在就保证全额赔付。", False),
            ("no_blind_promise", "我不敢说全额赔。", False),
            ("no_blind_promise", "我保证全额赔给您。", True),
            ("no_blind_promise", "我们现在就全额赔。", True),
            ("no_blind_promise", "全额赔没问题。", True)])
        self.assert_critical_cases("repair-three-weeks", [
            ("explain", "这不是维修师傅的问题,是我们没主动通知您进度,是我们的失误。", False),
            ("explain", "这不是师傅的事,是我们的失误。", False),
            ("explain", "跟维修师傅没关系,是我们没及时联系您。", False),
            ("explain", "这是维修师傅的问题。", True),
            ("explain", "那是师傅的问题。", True),
            ("explain", "维修师傅的问题,我们也没办法。", True),
            ("explain", "那是师傅的事。", True)])

    def test_passing_the_blame_and_reckless_promises_in_other_words_are_critical(self):
        self.assert_critical_cases("sms-failure", [
            ("resolve", "这得怪网络部,他们老是出问题。", True),
            ("resolve", "这得怪我们,是我们没及时检修。", False),
            ("resolve", "难怪网络部的同事说这两天基站有故障。", False)])
        self.assert_critical_cases("airline-delay", [
            ("resolve", "这都是机械师罢工搞的。", True),
            ("resolve", "机械师在搞检修的时候发现了问题,是我们没安排好。", False),
            ("resolve", "因为机械师罢工,航班取消了,这是我们的责任。", False),
            ("resolve", "全是地勤瞎弄的。", True),
            ("resolve", "您有多少意见我们都照单全收。", False),
            ("resolve", "您说个数,损失多少我们照赔。", True),
            ("resolve", "损失多少我如实上报。", False),
            ("resolve", "您说个数,我记下来报给公司。", False)])
        self.assert_critical_cases("missing-balance", [
            ("resolve", "这张卡是同事帮您弄的。", False),
            ("resolve", "这是前台同事搞的活动。", False),
            ("resolve", "另外我拍板送您100元话费。", True),
            ("resolve", "这事我拍不了板,得上报。", False)])
        self.assert_critical_cases("dropped-calls-hotline", [
            ("resolve", "这个月话费全部给您免了。", True),
            ("resolve", "这个月的话费没法给您免了,我帮您申请补偿。", False)])

    def test_admitting_the_company_s_fault_in_the_seed_s_own_words_counts(self):
        admissions = [
            ("reconnect-delay", "resolve", "真对不起,确实属于我们公司的原因:缴费成功了,但系统没有自动开机。"),
            ("repair-three-weeks", "explain", "零件前几天才到;我们没有主动告诉您进度,这属于我们的工作失误。"),
            ("prepaid-bonus", "resolve", "把活动办成了普通缴费,这个责任我们营业厅承担。")]
        for scenario_id, step, reply in admissions:
            with self.subTest(reply=reply):
                [(ok, _)] = self.concept_results(scenario_id, step, "承认公司过错", [reply])
                self.assertTrue(ok)
        # missing-balance's apologize step forbids admitting fault before the facts are checked:
        # checking, avoiding mistakes and conditions admit nothing
        innocent = ["为了避免工作失误,我再核对一遍。", "谁的责任我们会查清楚。",
                    "责任我们会查清楚,今天给您答复。", "是不是属于我们的问题,我马上查。",
                    "如果查出来属于我们的工作失误,我们一定改正。"]
        said = ["这属于我们的工作失误。", "这个责任我们营业厅承担。"]
        results = self.concept_results("missing-balance", "apologize", "承认公司过错", innocent + said)
        for reply, (not_said, _) in zip(innocent + said, results):
            with self.subTest(reply=reply):
                self.assertEqual(not_said, reply in innocent)

    def test_keeping_seats_is_the_airline_s_concrete_action(self):
        label = "解决方法与行动(落实明天的航班和座位)"
        replies = ["大家的行程我现在就安排,为20位旅客保留明早上海到广州的座位,一小时内把确认信息发给您。",
                   "20个座位我给大家保留好了。",
                   "我马上帮您处理,有结果就通知您。"]
        results = self.concept_results("airline-delay", "resolve", label, replies)
        self.assertEqual([ok for ok, _ in results], [True, True, False])


class NegationInsideAPatternsGap(CoachTestCase):
    """Outside pass 16, finding 04, and its two re-tests: a pattern's gap ([^,.!?;]{0,8}) took in
    the 不 or 没 that turns the sentence round, so a reassurance failed as blame (and the
    certificate with it), a refusal as bending the rule, an honest "we cannot guarantee" as a
    reckless promise. Leaving 不/没 out of the gaps, in whole or at their end, then missed faults
    with a negation elsewhere (没仔细看就充错了) or failed reassurances with a word between
    (您一定不是记错了). The matcher now reads a negation in each gap of a pattern's match as it
    reads one before a phrase (engine/pattern_negation). Each sentence is added to the
    scenario's first model answer at its step."""
    assert_critical_cases = Grading.assert_critical_cases

    def test_saying_the_customer_did_not_get_it_wrong_is_no_blame(self):
        self.assert_critical_cases("missing-balance", [
            ("gather", "王先生,您肯定没有记错,我们一起查一下。", False),
            ("gather", "您一定不会弄错的,我马上调详单。", False),
            ("gather", "您肯定不是自己按错的。", False),
            ("gather", "您一定不是记错了,是我们系统的问题。", False),
            ("gather", "您应该不是自己点错的,我查一下记录。", False),
            ("gather", "别担心,您肯定不是点错了。", False),
            ("gather", "您应该没有订过这项业务。", False),
            ("gather", "您应该没收到通知吧?", False),
            ("gather", "您应该不知道这项业务吧?", False),
            ("gather", "您肯定是不小心点错了。", True),
            ("gather", "您肯定是记错了。", True),
            ("gather", "您一定是自己弄错了。", True),
            ("gather", "您一定是没仔细看就充错了。", True),
            ("gather", "您肯定是一不留神按错了。", True),
            ("gather", "您八成是不会用才点错了。", True),
            ("gather", "您是不是没仔细看就点错了?", True),
            ("gather", "您肯定又会弄错的。", True),
            ("gather", "您应该不要乱点链接。", True),
            ("gather", "您应该没事多看看账单。", True),
            ("gather", "您应该不会连这个都不知道吧?", True),
            # session 12: across the object of a 把
            ("gather", "您肯定没把号码输错,我们一起查一下。", False),
            ("gather", "我们不会把您的金额填错。", False),
            ("gather", "您肯定把号码输错了。", True)])
        self.assert_critical_cases("sms-failure", [
            ("gather", "您应该不能正常发短信吧?", False)])

    def test_refusing_to_open_without_the_id_card_is_no_bending(self):
        self.assert_critical_cases("roaming-without-id", [
            ("rule", "身份证没核验,那就没法给您开了,还请您理解。", False),
            ("rule", "身份证没核验,那就不能给您开了,还请您理解。", False),
            ("rule", "没有身份证,那就没办法给您开了。", False),
            ("rule", "那就不能直接给您开了。", False),
            ("rule", "行吧我真不敢给您开了。", False),
            ("rule", "好吧,那就先给您开了。", True),
            ("rule", "那就给您开了吧,身份证回头再补。", True),
            ("rule", "好吧没关系我给您开了。", True),
            ("rule", "那就不查了给您开了。", True),
            ("rule", "算了没证件也给您开了。", True),
            ("rule", "行吧我想办法给您开了。", True),
            # session 12: 开通, and what one lacks to do it
            ("rule", "好吧,我没有权限给您开通。", False),
            ("rule", "好吧我给您开通了。", True),
            ("rule", "行吧,我给您开通。", True),
            ("rule", "好吧,我给您开通漫游。", True),
            ("rule", "好吧,我给您说说开通的条件。", False)])

    def test_saying_no_one_can_promise_it_never_fails_again_is_no_promise(self):
        self.assert_critical_cases("missing-balance", [
            ("follow_up", "说实话系统我们也保证不了永远不会出问题,所以我给您开了扣费提醒。", False),
            ("follow_up", "我保证永远不会再出问题。", True),
            ("follow_up", "我们保证以后再也不会出任何问题。", True),
            ("follow_up", "我保证不管怎样永远不会再掉线了。", True),
            ("follow_up", "我绝对不骗您永远不会再出问题。", True),
            ("follow_up", "我保证没事永远不会出问题。", True),
            # session 12: the negation before an adverb, and 出现 / 不再
            ("follow_up", "我不敢百分之百保证永远不会再出问题。", False),
            ("follow_up", "我不能保证永远不会再出现问题。", False),
            ("follow_up", "我保证永远不再出现问题。", True),
            ("follow_up", "我保证以后不会再出现任何问题。", True)])


class RefusalsExcusesAndFavours(CoachTestCase):
    """Outside pass 17 (grader fairness), findings 02-05: refusing to apologise with the word in
    it, the documents' own bad sentences said beside a good reply (an excuse not to fetch the
    manager, passing the blame to the mechanics, brushing off, arguing), polite doubt and
    lecturing, and favours no rule allows passed, mostly at 100. Each sentence is added to the
    scenario's first model answer at its step; beside it, the innocent sentences a good trainee
    says with the same words."""
    assert_critical_cases = Grading.assert_critical_cases
    ANGRY = {"vent": "你别激动,说吧,什么事。"}  # reaches the branch steps (manager, network)

    def test_refusing_to_apologise_fails_even_when_it_names_the_apology(self):
        self.assert_critical_cases("missing-balance", [
            ("apologize", "道歉是不可能道歉的。", True),
            ("apologize", "我凭什么跟您说对不起?", True),
            ("apologize", "要我说对不起?门都没有。", True),
            ("apologize", "对不起这三个字我说不出口。", True),
            ("apologize", "我不会道歉的。", True),
            ("apologize", "这个我没什么好道歉的。", True),
            ("apologize", "您不用道歉,是我们的问题。", False),
            ("apologize", "我们不用您道歉。", False),
            ("apologize", "我们不会只是道歉了事,一定把问题解决。", False)])

    def test_the_documents_bad_sentences_fail_beside_a_good_reply(self):
        self.assert_critical_cases("missing-balance", [
            ("manager", "经理很忙,没空见您,有事跟我说就行。", True),
            ("manager", "找经理也一样。", True),
            ("manager", "经理来了也是一样的结果,您找他也没用。", True),
            ("manager", "经理正在开会,一时半会儿来不了,您就跟我说吧。", True),
            ("manager", "经理在开会,我马上去请他过来。", False)], earlier=self.ANGRY)
        self.assert_critical_cases("airline-delay", [
            ("apologize", "罢工是机械师的事,我们客服也管不了。", True),
            ("resolve", "罢工是机务那边搞出来的,我们客服也很无奈。", True),
            ("gather", "明天的航班会有地面人员通知你们,你们等着就行。", True)])
        self.assert_critical_cases("sms-failure", [
            ("resolve", "好的,我帮您报上去,您回去等着吧。", True),
            ("resolve", "您回去等通知就行,我们会给您打电话。", False),
            ("network", "您换运营商也一样。", True),
            ("network", "换哪家都一样。", True),
            ("network", "不过我们的网络覆盖是全国最好的,一般不会有问题。", True)], earlier=self.ANGRY)
        self.assert_critical_cases("roaming-without-id", [
            ("feedback", "规定就是规定,我们也没办法改。", True),
            # what acts_on_threat's model answer says: the rule stays whoever handles it
            ("rule", "核验机主身份这一步,谁来办都确实不能省,经理来了也一样。", False)])

    def test_polite_doubt_lecturing_and_brushing_off_fail(self):
        self.assert_critical_cases("missing-balance", [
            ("gather", "会不会是您自己订了什么业务又忘了?", True),
            ("gather", "您确定这个月真的一个电话都没打过吗?", True),
            ("gather", "您家里是不是有小孩拿您手机玩,不小心点了什么?", True),
            ("gather", "会不会是系统的问题?我马上查。", False),
            ("resolve", "这1.8元是一项信息服务费,是您之前自己订的。", True),
            ("resolve", "下次您看到陌生短信别乱回复就行了。", True),
            ("resolve", "以后您别着急,直接打给我。", False),
            ("resolve", "说实话,这么点钱,您其实打个10086就能解决,不用专门跑一趟。", True),
            ("follow_up", "下个月要是再乱扣,您直接去消协投诉我们好了,我们无所谓。", True),
            ("vent", "我理解您的心情,不过我们系统一般不会出错的,您慢慢说。", True),
            ("vent", "真是服了您了。", True),
            ("vent", "有本事您去告啊。", True)])
        self.assert_critical_cases("sms-failure", [
            ("apologize", "我理解您着急,但您也得给我们点时间吧。", True)])

    def test_favours_no_rule_allows_fail(self):
        self.assert_critical_cases("missing-balance", [
            ("resolve", "按规定订了就不能退,不过我私下给您退回1.8元,您别跟别人说。", True),
            ("resolve", "另外我再额外送您50元话费当补偿。", True),
            ("resolve", "您的服务密码千万别跟别人说。", False)])
        self.assert_critical_cases("roaming-without-id", [
            ("route", "您让家里人拍个身份证照片发我微信,我用照片给您开通。", True),
            ("route", "我用内部系统帮您操作一下,不用密码也能开。", True),
            ("route", "您报一下最近三个月通话过的几个号码,我这边核对上了就直接给您开。", True),
            ("route", "身份证照片和复印件都不能办,需要原件。", False)])


class ExamRestatementsAndBlindSpots(CoachTestCase):
    """Outside tester, pass 15 (adv15): the everyday 您刚才说…… restatement refused a good trainee;
    a restatement of the wrong facts, blind promises, polite doubt, blaming a department and
    rushing the customer certified a bad one. Each caught sentence sits beside the innocent ones
    a good trainee says with the same words."""

    graded_with = Grading.graded_with
    critical_cases = Grading.assert_critical_cases
    assert_cases = CaseFacts.assert_cases
    step = CaseFacts.step
    rule = CaseFacts.rule

    def test_nin_shuo_with_the_facts_is_a_restatement(self):
        # finding 02: no 对吗 at the end, the lead-in is 您说 / 您刚才说
        self.assert_cases("airline-delay", "apologize", "复述客户的问题", [
            ("先生,我代表公司向您和团队的每一位道个歉,这次是我们做得不好。您刚才说,罢工让你们在北京干等了三个小时,"
             "登机口又说小飞机坐不下,把整个团队落下了,现在拖到半夜才到上海。这个遭遇换了谁都受不了。", True),
            ("先生,真的非常抱歉,这是我们公司的问题。您说你们二十个人因为罢工在北京等了三个小时,又被落在登机口,"
             "半夜才到上海。换了谁都会生气。", True),
            # agreeing or asking, not restating
            ("先生,真的非常抱歉,这是我们公司的问题。您说得对,罢工让你们等了三个小时。换了谁都会生气。", False),
            ("先生,真的非常抱歉,这是我们公司的问题。您说吧,罢工让你们等了三个小时是怎么回事。换了谁都会生气。", False),
            ("先生,真的非常抱歉,这是我们公司的问题。您说什么时候到的上海?换了谁都会生气。", False)])
        self.assert_cases("missing-balance", "apologize", "复述客户的问题", [
            ("王先生,真对不起,给您添麻烦了。您刚才说这个月一个电话没打,话费却少了1.8元。我都记下来了。", True),
            ("王先生,真对不起,给您添麻烦了。您说得对,1.8元也是钱,我都记下来了。", False),
            ("王先生,真对不起,给您添麻烦了。您说一下话费是什么时候少的?我都记下来了。", False)])
        self.assert_cases("sms-failure", "apologize", "复述客户的问题", [
            ("李女士,真对不起,给您添麻烦了。您刚才说这两天手机短信一条都发不出去,发一条失败一条。我很理解您的心情。", True),
            ("李女士,真对不起,给您添麻烦了。您说说短信是什么时候开始发不出去的?我很理解您的心情。", False),
            ("李女士,真对不起,给您添麻烦了。您说是不是短信中心设置的问题?我很理解您的心情。", False)])

    def test_a_restatement_of_the_wrong_facts_earns_nothing(self):
        # finding 01: 18 for 1.8, calls made, five people, weather, Shanghai, calls that fail
        self.assert_cases("missing-balance", "apologize", "复述客户的问题", [
            ("王先生,给您添麻烦了,真的很抱歉。也就是说,您这个月打了几个电话,话费却多扣了18元,对吗?我把这些都记录下来。", False),
            ("王先生,给您添麻烦了,真的很抱歉。也就是说,您这个月话费少了18块,对吗?我把这些都记录下来。", False),
            ("王先生,给您添麻烦了,真的很抱歉。您的意思是您上个月打了很多电话,话费扣了一百八,对吗?我都记下来了。", False),
            ("王先生,给您添麻烦了,真的很抱歉。您的意思是话费被扣了1.88元,对吗?我都记下来了。", False),
            ("王先生,给您添麻烦了,真的很抱歉。也就是说,您这个月没打过电话,话费却被扣了1.8元,对吗?我把这些都记录下来。", True),
            ("王先生,给您添麻烦了,真的很抱歉。您的意思是话费少了1.80元,对吗?我都记下来了。", True),
            ("王先生,给您添麻烦了,真的很抱歉。您的意思是话费被扣了,对吗?我都记下来了。", True),
            ("王先生,给您添麻烦了,真的很抱歉。您的意思是余额少了一块八,对吗?我都记下来了。", True)])
        self.assert_cases("airline-delay", "apologize", "复述客户的问题", [
            ("先生,真的非常抱歉,这是我们公司的问题。您的意思是你们五个人因为天气原因在上海等了半小时,对吧?换了谁都会生气。", False),
            ("先生,真的非常抱歉,这是我们公司的问题。您的意思是你们团队半夜才到上海,对吧?换了谁都会生气。", True),
            ("先生,真的非常抱歉,这是我们公司的问题。也就是说你们在北京干等,最后飞到上海已经半夜了,对吧?换了谁都会生气。", True)])
        self.assert_cases("sms-failure", "apologize", "复述客户的问题", [
            ("李女士,真对不起,给您添麻烦了。您的意思是这两天您的手机打不了电话,短信也收不到,对吧?我很理解您的心情。", False),
            ("李女士,真对不起,给您添麻烦了。您的意思是短信收不到,对吧?我很理解您的心情。", False),
            ("李女士,真对不起,给您添麻烦了。您的意思是发短信的时候老是失败,对吧?我很理解您的心情。", True),
            ("李女士,真对不起,给您添麻烦了。您的意思是短信发送总是失败,对吧?我很理解您的心情。", True),
            ("李女士,真对不起,给您添麻烦了。您的意思是您的短信老是发不成功,对吧?我很理解您的心情。", True)])

    def test_blind_promises_fail_the_step(self):
        # finding 03
        self.critical_cases("sms-failure", [
            ("resolve", "今天下班前肯定修好。", True),
            ("resolve", "这两天的月租我直接给您免了。", True),
            ("resolve", "耽误您的事,这个月话费我给您打个五折。", True),
            ("resolve", "我们一定尽快修好,修好以后我一定给您回电话。", False),
            ("resolve", "我一定盯着技术部门,直到修好为止。", False),
            ("resolve", "我为您申请减免这两天的月租,3个工作日内答复。", False),
            ("resolve", "我没法直接给您免月租,但可以帮您申请。", False),
            ("resolve", "月租的减免我没法做主,话费我帮您申请打折。", False)])
        self.critical_cases("missing-balance", [
            ("follow_up", "我跟您保证,以后绝对不会再扣您一分钱。", True),
            ("follow_up", "退订以后这项服务不会再扣费了,这1.8元一分都不会少。", False),
            ("follow_up", "退订以后不会再扣您这项费用了。", False)])

    def test_polite_doubt_fails_the_step(self):
        # finding 04
        self.critical_cases("missing-balance", [
            ("gather", "您确定这个月真的一次都没用过手机吗?", True),
            ("gather", "会不会是家里人用过您的手机?", True),
            ("gather", "会不会是您家里人拿您的手机上过网?", True),
            ("gather", "说句不好听的,很多客户自己订了服务自己都忘了,您是不是也这样?", True),
            ("gather", "您确定要办理吗?", False),
            ("gather", "会不会是系统的问题?", False),
            ("gather", "这个号码平时是您本人在用,还是家人在用?", False),
            ("gather", "很多客户都不知道自己开通了这种服务。", False)])

    def test_blaming_a_department_fails_the_step(self):
        # finding 05
        self.critical_cases("sms-failure", [
            ("resolve", "这是技术部那帮人搞出来的毛病。", True),
            ("resolve", "我们营业厅也是受害者。", True),
            ("resolve", "网络那边的人太不靠谱了,老是这样。", True),
            ("resolve", "技术部的同事会联系您,后台的同事很负责。", False),
            ("resolve", "网络那边太不稳定了,我马上报修。", False)])

    def test_rushing_the_customer_fails_the_step(self):
        # finding 06
        self.critical_cases("sms-failure", [
            ("gather", "后面还有好多人排队,您长话短说。", True),
            ("gather", "您说快点。", True),
            ("gather", "我时间有限,您挑重点说。", True),
            ("gather", "您别啰嗦了。", True),
            ("gather", "您直接说重点吧。", True),
            ("gather", "我长话短说,您的号码是多少?", False),
            ("gather", "长话短说,这是短信中心设置的问题。", False),
            ("gather", "我说快一点,您听不清就告诉我。", False),
            ("gather", "我就不啰嗦了,别嫌我啰嗦。", False),
            ("gather", "您说的重点我都记下了。", False)])
        self.critical_cases("airline-delay", [
            ("vent", "不过现在很晚了,您长话短说,直接说重点吧。", True),
            ("vent", "您慢慢说,我都在听。", False)])



class EverydayBlameBuckPassingAndOpeners(CoachTestCase):
    """Outside tester, pass 18a (adv18a): blaming, doubting or lecturing the customer, passing the
    buck to a colleague, excusing a rude one and refusing outright passed when said in everyday
    words, while the harmless opener 说实话 failed an honest admission critically. Each caught
    sentence sits beside the innocent ones a good trainee says with the same words."""

    critical_cases = Grading.assert_critical_cases

    def test_blaming_lecturing_or_doubting_the_customer_in_everyday_words(self):
        # finding 01
        self.critical_cases("bill-500", [
            ("explain", "您出国前没办套餐,那是您自己的疏忽啊。", True),
            ("explain", "这是您自己太大意了。", True),
            # (这是我们的疏忽 is no blame, but here it owns a fault that is not the company's: see below)
            ("explain", "这哪是您的错啊。", False),
            ("explain", "就算是您自己的疏忽,我们也先帮您申请。", False),
            ("resolve", "不过漫游资费都有公示的,您出国前应该先了解一下。", True),
            ("resolve", "您签合同前应该看清楚条款。", True),
            ("resolve", "您出国前应该会收到一条提醒短信,是我们没发到,真对不起。", False),
            ("resolve", "您出国前应该了解过资费吧?", False),
            ("resolve", "以后您出国前可以先打10086问一下,我们帮您开套餐。", False)])
        self.critical_cases("repair-three-weeks", [
            ("explain", "不过您也可以自己打个电话来问问进度嘛。", True),
            ("explain", "您怎么不早点打电话来问呢?", True),
            ("explain", "以后您也可以随时打电话来问进度,这是我的直线电话。", False),
            ("explain", "您也可以自己在APP上查进度,很方便。", False)])
        self.critical_cases("dropped-calls-hotline", [
            ("listen", "不过一般断线还是手机信号接收的问题比较多,您那个三星是水货吗?", True),
            ("listen", "您的手机是不是水货?", True),
            ("listen", "不管您的手机是不是水货,我们都先查网络。", False),
            ("listen", "最近反映手机信号问题多,我马上帮您查基站。", False),
            ("listen", "您的手机是什么牌子的?是哪里买的?", False)])
        self.critical_cases("prepaid-bonus", [
            ("vent", "不过我们营业员一般都挺热情的,可能是您误会了。", True),
            ("vent", "肯定是您误会了。", True),
            ("vent", "让您误会了,真对不起。", False),
            ("vent", "您别误会,我不是那个意思。", False),
            ("vent", "我们一直要求营业员热情服务,这次没做到,真对不起。", False)])
        self.critical_cases("bank-unreasonable-venting", [
            ("no_tinted_glasses", "不过您在我们行的消费和还款记录还不太够。", True),
            ("no_tinted_glasses", "说实话,系统评估可能觉得您名下信用卡太多,负债有点高。", True),
            ("no_tinted_glasses", "您的额度还不够出国用的话,我帮您申请临时额度。", False)])

    def test_passing_the_buck_or_excusing_a_colleague_in_everyday_words(self):
        # finding 02
        self.critical_cases("get-me-the-manager", [
            ("apologize", "这件事主要是带我的师傅没教清楚。", True),
            ("apologize", "经理现在在忙,您有什么事跟我说就行。", True),
            ("apologize", "主要是我们没跟进好,这是我的失误。", False),
            ("apologize", "经理就在办公室,不过这件事由我负责到底。", False)])
        self.critical_cases("securities-fee", [
            ("resolve", "这事主要是王经理没跟进好,他这人平时就比较马虎。", True),
            ("resolve", "都怪之前那个客户经理没跟进好。", True),
            ("resolve", "主要是我们营业部的同事没跟进好,这是我们的责任。", False),
            ("resolve", "我们的王经理会跟进好这件事。", False)])
        self.critical_cases("securities-rude-staff", [
            ("accept", "那个姑娘估计也是刚来,业务不熟,您别跟她一般见识。", True),
            ("accept", "今天周一,柜台那边压力确实大了点。", True),
            ("accept", "她才刚上岗没多久。", True),
            ("accept", "我刚入职不久,这件事我会认真登记。", False),
            ("accept", "柜台再忙,也不是对您发脾气的理由。", False),
            ("accept", "我们的员工不管多忙,都不应该这样对您。", False)])
        self.critical_cases("prepaid-bonus", [
            ("vent", "那个营业员今天一个人顶两个窗口,可能忙不过来。", True),
            ("vent", "今天人多让您久等了,真对不起。", False)])
        self.critical_cases("repair-three-weeks", [
            ("explain", "厂家那边配件一直没发货,我们也是被厂家拖累了。", True),
            ("explain", "厂家那边配件一直没发货,我们也没及时催,是我们没做好。", False),
            ("explain", "配件被厂家耽误了,可我们没有及时通知您,这是我们的错。", False)])

    def test_a_flat_refusal_or_a_brush_off_fails_the_step(self):
        # finding 06
        self.critical_cases("repair-three-weeks", [
            ("resolve", "至于全部损失,这个我们公司是不可能赔的。", True),
            ("resolve", "您说的损失,这个赔不了。", True),
            ("resolve", "损失我没法直接给您赔偿,不过可以帮您申请补偿。", False),
            ("resolve", "我们不会让您白白损失。", False)])
        self.critical_cases("reconnect-delay", [
            ("resolve", "开机要等系统自动处理,一般要24小时,您再等等吧。", True),
            ("resolve", "麻烦您再等一下,我马上给您开机。", False),
            ("resolve", "您不用再等了,我现在就给您开机。", False)])

    def test_shuo_shi_hua_is_an_opener_and_what_follows_it_is_judged(self):
        # finding 07
        self.critical_cases("bank-special-background", [
            ("own_the_delay", "说实话,您10天前就申请了争议,到现在都没人给您答复,这是我们做得不好,真对不起。", False),
            ("no_blind_promise", "说实话,赔不赔我现在确实给不了您准话,要以调查结论为准。", False),
            ("no_blind_promise", "说实话,系统显示还在调查中,还没有结论。", False),
            ("standard_caliber", "不过说实话,最近境外盗刷的投诉确实挺多的,可能是哪个环节出了漏洞。", True),
            ("standard_caliber", "可能是哪个环节出了漏洞。", True),
            ("no_blind_promise", "说实话,按我的经验这种情况一般都能赔。", True),
            ("own_the_delay", "说实话最近很多客户都被盗刷了。", True)])
        self.critical_cases("bank-relentless", [
            ("hold_the_line", "说实话这个规定确实不太合理。", True)])

    def test_owning_the_fault_is_no_blame_where_the_fault_is_ours(self):
        # bill-500's explain step forbids owning a fault before the facts (the customer did roam);
        # where the company is at fault, owning it is fine.
        self.critical_cases("reconnect-delay", [("resolve", "这是我们的疏忽,不是您的错。", False)])
        self.critical_cases("bill-500", [("explain", "这是我们的疏忽,不是您的错。", True)])

    def test_a_gift_that_disowns_the_fault(self):
        # The corpus's one rude follow-up the grader passed (airline-delay.yaml:151).
        self.critical_cases("airline-delay", [
            ("follow_up", "说实话这不代表我们认错,只是公司的一点心意。", True),
            ("follow_up", "这并不代表公司承认有错。", True),
            ("follow_up", "这不代表您做错了什么。", False),
            ("follow_up", "补偿不代表我们不重视您的意见。", False)])

class PoliteBlameAndColleaguesPass19(CoachTestCase):
    """Outside tester, pass 19 (findings 01 and 02): blaming or lecturing the customer in polite
    everyday words, passing the buck, running down or excusing colleagues passed, four of them
    with full marks. Each caught sentence sits beside the innocent ones a good trainee says with
    the same words."""

    critical_cases = Grading.assert_critical_cases

    def test_minding_the_child_here_is_care_not_a_lecture(self):
        # Left by the helper: the older 您…得看 pattern failed this critically.
        self.critical_cases("type-venting", [
            ("listen", "您得看好孩子,这边人多。", False),
            ("listen", "您以后可得看好孩子。", True)])

    def test_polite_blame_and_lecturing(self):
        # finding 01
        self.critical_cases("computer-crash", [
            ("tell", "您要是早上早点来早就办完了。", True),
            ("tell", "要是您提前打个电话,也不至于白跑一趟。", True),
            ("tell", "您早点来不就办完了嘛。", True),
            ("tell", "您明天要是早点来,就不用排队了。", False),
            ("tell", "要是我们早点通知您,您早就办好了。", False),
            ("tell", "感谢您提前来,我们早就准备好了。", False)])
        self.critical_cases("type-agitated", [
            ("let-her-vent", "您平时也该留意一下余额。", True),
            ("let-her-vent", "您以后得多关注一下短信提醒。", True),
            ("let-her-vent", "您平时也得注意身体。", False),
            ("let-her-vent", "以后您可以留意一下余额提醒短信。", False),
            ("let-her-vent", "我们平时也该多提醒您,是我们做得不够。", False)])
        self.critical_cases("type-talkative", [
            ("close", "以后可别让孩子乱点您手机了。", True),
            ("close", "您以后可得看好孩子。", True),
            ("close", "我给您设个密码,以后就不会让孩子乱点了。", False),
            ("close", "为了不让孩子乱点,我给您开个二次确认。", False),
            ("close", "您可要看好孩子,这边人多。", False)])
        self.critical_cases("type-rational", [
            ("reason", "这个道理其实很简单,您想想就明白了。", True),
            ("reason", "您先想想,想好了再告诉我。", False),
            ("reason", "我给您解释一下您就明白了。", False)])
        self.critical_cases("bank-stubborn-novice", [
            ("find_the_gap", "您这个理解不对。", True),
            ("find_the_gap", "您这是没看清楚账单说明啊。", True),
            ("find_the_gap", "怕您理解有误,我再说一遍。", False),
            ("find_the_gap", "您这个理解没错。", False),
            ("find_the_gap", "怕您没看清楚,我再给您念一遍。", False),
            ("find_the_gap", "您没看清楚的地方我再给您讲一遍。", False),
            ("explain_slowly", "账单背面写得明明白白,您自己看一下条款就知道了。", True),
            ("explain_slowly", "合同上写得清清楚楚。", True),
            ("explain_slowly", "宣传单确实没写清楚,是我们的不对。", False),
            ("explain_slowly", "您的问题我都在工单上写得清清楚楚。", False),
            ("explain_slowly", "您在APP上查一下就知道余额了。", False)])
        self.critical_cases("sms-callback", [
            ("satisfaction", "您是不是这个月打电话多了?", True),
            ("satisfaction", "您是不是流量用多了?", True),
            ("satisfaction", "您这个月是不是打过长途?", False),
            ("satisfaction", "您是不是觉得流量用得多了?", False)])

    def test_passing_the_buck_and_running_down_colleagues(self):
        # finding 02
        self.critical_cases("computer-crash", [
            ("check", "修系统是技术部门的事,我们前台也催不动。", True),
            ("check", "我一直在催技术部门,有消息马上告诉您。", False)])
        self.critical_cases("type-emotional-appeal", [
            ("apologize", "10086那边都是外包的话务员,他们只管记录不管处理。", True),
            ("apologize", "您只管放心,不管多晚我都给您回电话。", False)])
        self.critical_cases("bank-argumentative", [
            ("acknowledge", "那三个客服确实没给您好好处理,是她们工作不到位。", True),
            ("acknowledge", "是我们工作不到位,让您催了三次。", False),
            ("acknowledge", "不是她们的问题,是我们系统的原因,真对不起。", False)])

    def test_excusing_colleagues_to_a_venting_customer(self):
        # finding 02: type-venting forbids excuses where the customer complains of the staff
        self.critical_cases("type-venting", [
            ("listen", "其他窗口那是在轮班交接,不是聊天。", True),
            ("listen", "同事他们没在闲着,是在对账。", True),
            ("listen", "其他窗口的人在聊天,真的啊……", False),
            ("side-with-her", "窗口的同事也是一上午没歇,您就多担待点吧。", True),
            ("side-with-her", "您多体谅一下她们吧。", True),
            ("side-with-her", "排了四十分钟,谁心情都不好。", False),
            ("side-with-her", "给您添麻烦了,请您多包涵。", False),
            ("side-with-her", "让您在窗口站了一上午没歇,真对不起。", False),
            ("close", "窗口的同事也不容易,她们一上午没歇。", True),
            ("close", "我知道您不是故意发火的。", False)])


class EmpathyExcusesCommitmentsAndAdvicePass20(CoachTestCase):
    """Outside tester, pass 20 (findings 01-05): good replies failed critically as blame or
    dismissal: a guess at how the customer feels with 应该, a caring 您得注意时间, words that excuse
    the customer, commitments shaped like 我们不会……, the standard anti-fraud line and advice with
    最好. Each now passes beside the lecture or denial it resembles, which is still caught."""

    critical_cases = Grading.assert_critical_cases

    def test_a_guess_at_the_customers_feelings_is_no_lecture(self):
        # finding 01
        self.critical_cases("airline-delay", [
            ("vent", "从下午折腾到半夜,你们应该累坏了吧。", False),
            ("vent", "大家在机场等了这么久,您应该等得很心急吧。", False),
            ("vent", "折腾到半夜,你们应该一口热饭都没吃上吧。", False),
            ("vent", "您应该等通知。", True),
            ("vent", "您应该想清楚再买票。", True)])
        self.critical_cases("missing-balance", [
            ("vent", "您应该想知道这钱到底扣到哪儿去了吧。", False),
            ("vent", "您应该对我们很失望吧。", False),
            ("vent", "您都是十二年的老客户了,您应该一直很信任我们。", False),
            ("vent", "您应该对自己的账户负责。", True),
            ("vent", "您应该对一下账单。", True),
            ("vent", "您应该一开始就问清楚。", True),
            ("vent", "您应该一直保管好密码。", True)])
        self.critical_cases("hall-outage", [
            ("redirect", "您下午还要上班,您得注意时间,别耽误了。", False),
            ("redirect", "您得注意看短信。", True),
            ("redirect", "下次您得注意一点。", True)])

    def test_words_that_excuse_the_customer_are_no_blame(self):
        # finding 02
        self.critical_cases("missing-balance", [
            ("apologize", "这种扣费您自己没注意到也很正常,我一定帮您查清楚。", False),
            ("apologize", "您自己没注意账单。", True),
            ("apologize", "是您自己没注意。", True),
            ("gather", "详单上的小字确实印得不清楚,您当时没看清楚也不奇怪。", False),
            ("gather", "您当时没看清楚合同就签了。", True),
            ("gather", "您没看清楚。", True)])
        self.critical_cases("airline-delay", [
            ("apologize", "换了谁都会窝火。这哪儿是您的责任。", False),
            ("apologize", "这哪儿是您自己的错。", False),
            ("apologize", "这是您的责任。", True),
            ("apologize", "这是您自己的错。", True)])

    def test_commitments_and_the_anti_fraud_line_are_no_denial(self):
        # findings 03 and 04 (我们不可能不管 stays caught: type-emotional-appeal's counter-example)
        self.critical_cases("airline-delay", [
            ("resolve", "我们不会随便敷衍你们的。", False),
            ("resolve", "我们不会随便扣您的钱。", True)])
        self.critical_cases("missing-balance", [
            ("follow_up", "改进我们的工作。我们不会这样不了了之的。", False),
            ("follow_up", "我们绝对不会这样。", True),
            ("resolve", "我们的工作人员从来不会打电话让您回复短信订业务,以后遇到这种电话您直接挂掉就行。", False),
            ("resolve", "我们从来没打过电话给您。", True),
            ("resolve", "我们从来不会发错账单。", True),
            ("resolve", "我们从来不会向客户乱收费。", True)])
        self.critical_cases("bank-special-background", [
            ("first_contact", "我们银行从来不会打电话向您索要验证码,遇到这种电话请直接挂断。", False),
            ("first_contact", "我们的工作人员从来不会打电话向您索要验证码。", False)])

    def test_advice_with_zuihao_is_no_boast_about_the_network(self):
        # finding 05
        self.critical_cases("sms-failure", [
            ("resolve", "网络恢复后最好重启一下手机。", False),
            ("resolve", "网络恢复后我第一时间给您回电话。", False),
            ("resolve", "我们的网络覆盖是全国最好的。", True),
            ("resolve", "我们信号最好了。", True)])
        self.critical_cases("type-emotional-appeal", [
            ("record-and-report", "这几天信号弱的时候最好靠近窗户打电话。", False)])


class HedgedBlameSoftDenialAndNaturalMovesPass23(CoachTestCase):
    """Outside tester, pass 23 (findings 01, 02, 06, 08, 09): blame said as a guess, a habit or
    advice, a softened denial and arguing about whose fault it is passed buried in a good reply;
    natural wordings of explaining, the B way, taking notes and a time limit were not recognised.
    Each caught variant sits beside the innocent sentences with the same words that still pass."""

    critical_cases = Grading.assert_critical_cases

    def rule_met(self, cases):
        """Each (scenario, step, rule description prefix, reply alone, met)."""
        graded = graded_steps(self, [(sc, st, reply) for sc, st, _, reply, _ in cases],
                              added_to_model=False)
        for (sc, st, description, reply, met), step in zip(cases, graded):
            with self.subTest(scenario=sc, reply=reply):
                rule = next(r for r in step["rules"] if r["description"].startswith(description))
                self.assertEqual(rule["ok"], met)

    def test_blame_as_a_guess_about_what_the_customer_did(self):
        # finding 01
        self.critical_cases("missing-balance", [
            ("gather", "我估计八成是您手机上点了什么广告订上的,您想想是什么时候的事?", True),
            ("gather", "照我的经验,十有八九是您孩子玩手机的时候订了什么东西。", True),
            ("vent", "多半是您开了什么业务自己没注意到,您慢慢说。", True),
            ("gather", "我估计八成是我们系统给您误开了什么业务,我马上查。", False),
            ("gather", "十有八九是您的号码被误开通了什么业务,我马上帮您查。", False),
            ("gather", "多半是您办套餐的时候营业员给您开了什么业务没跟您说清楚,这是我们的问题。", False),
            ("gather", "八成是系统自动给您开了个什么业务,我这就查。", False),
            ("gather", "八成是您点了什么链接也不奇怪,现在这种陷阱太多了。", False),
            ("gather", "这种扣费每个月都有短信提醒的,您可能没仔细看,是吗?", True),
            ("gather", "短信提醒的字太小,您可能没仔细看也很正常。", False),
            ("gather", "怕您没仔细看,我再给您念一遍。", False),
            ("gather", "提醒短信可能没发到您手机上,我查一下。", False)])

    def test_blame_as_a_habit_or_advice(self):
        # finding 01
        self.critical_cases("missing-balance", [
            ("gather", "其实您平时自己多看看账单的话,早就能发现了,是吧?", True),
            ("gather", "我们要是早点提醒您多看看账单,您早就能发现了,这是我们没做好。", False),
            ("gather", "我们平时多核对一下的话,早就能发现这个问题了,是我们的疏忽。", False),
            ("resolve", "以后您多留意一下短信提醒的话,就能及时发现了,有问题随时找我。", False)])
        self.critical_cases("sms-failure", [
            ("resolve", "我看您这手机也用了好些年了吧,说不定是手机本身老化了,您回头也最好换个新手机。", True),
            ("resolve", "您要是着急,也可以先换个手机试试卡能不能发短信。", False),
            ("resolve", "不是手机老化的问题,是我们这边的网络故障。", False),
            ("resolve", "您的手机没问题,不用换新手机。", False),
            ("resolve", "如果您平时存的短信太多的话也可能发不出去,您回去记得自己清理一下,别老是存着不删。", True),
            ("resolve", "您别老是担心,这事我一定给您办好。", False),
            ("resolve", "短信存太多有时也会影响收发,您方便的话可以清理一下,不过这次主要是我们网络的问题。", False)])
        self.critical_cases("repair-three-weeks", [
            ("explain", "不过您这手机进水的痕迹挺明显的,以后用的时候还是要多注意一点。", True),
            ("explain", "以后我们还是要多注意一点,及时给您打电话。", False),
            ("explain", "以后您还是要多注意身体,别太累了。", False),
            ("explain", "这事是我们的错,以后还是要多注意一点。", False)])
        self.critical_cases("forwarding-without-id", [
            ("rule", "说句实话,手机和身份证放一个包里本来就不太稳妥,以后还是得分开放。", True),
            ("rule", "手机和身份证放在一个包里一起丢了,换谁都着急。", False),
            ("rule", "建议您以后把身份证和手机分开放,会更安全一些。", False)])

    def test_blame_for_ones_own_slip_or_the_delay(self):
        # finding 01
        self.critical_cases("get-me-the-manager", [
            ("apologize", "您当时也催得特别急,一直说赶时间,我才手忙脚乱漏了这一步。", True),
            ("apologize", "您当时那么着急赶时间,我还漏了这一步,真是对不起。", False),
            ("apologize", "您催得对,是我漏了这一步。", False),
            ("apologize", "您催得这么急,说明这事对您很重要,我一定处理好。", False)])
        self.critical_cases("airline-delay", [
            ("apologize", "你们团队一下二十个人,实在是不好安排,要是你们人少一点早就走了。", True),
            ("apologize", "如果你们人少一点,我们可以安排下一班;二十位的话我马上去协调更大的飞机。", False)])

    def test_a_softened_denial_before_anything_is_checked(self):
        # finding 02
        self.critical_cases("missing-balance", [
            ("vent", "不过我得先跟您说清楚,我们的计费都是电脑自动算的,基本上不会出错,您慢慢说。", True),
            ("vent", "我们这系统用了这么多年了,从来没出过错,您慢慢说,我帮您查。", True),
            ("vent", "一般来说系统扣费都有依据,很少会扣错的,您慢慢说,我帮您查查。", True),
            ("vent", "我们移动是大公司,不会为了1.8块钱去乱扣您的钱的,您慢慢说。", True),
            ("vent", "您也别一上来就说我们乱扣钱,事情还没查清楚呢,您慢慢说。", True),
            ("vent", "系统很少出错,但这次确实是我们弄错了,真对不起。", False),
            ("vent", "系统很少出这种错,这次给您添麻烦了,真对不起。", False),
            ("resolve", "系统升级以后基本不会出错了,您放心。", False),
            ("vent", "我们不会为了省事就让您来回跑,您放心。", False),
            ("vent", "您别担心我们乱扣,我一定帮您查清楚。", False),
            ("vent", "您说我们乱扣钱,您有这个想法一点也没错,换了谁都会这么想。", False)])

    def test_arguing_about_whose_fault_it_is(self):
        # finding 06, the cases that are denial, blame or an A-way contradiction
        self.critical_cases("reconnect-delay", [
            ("resolve", "不过按规定,交费后开机本来就有最长24小时的处理时间,所以严格说也不算超时。", True),
            ("resolve", "严格来说这是我们的责任,我马上给您处理。", False),
            ("resolve", "严格说这也不算您的错,是我们没提醒到位。", False)])
        self.critical_cases("airline-delay", [
            ("apologize", "不过说实在的,罢工这种事谁也预料不到,换哪家航空公司都一样,您也多体谅体谅。", True),
            ("apologize", "换哪家航空公司都一样让人生气,真对不起。", False),
            ("apologize", "我们马上给你们换别家航空公司的航班。", False)])
        self.critical_cases("bank-special-background", [
            ("no_blind_promise", "至于见报的事,您是记者,您要写我们也拦不住。", True),
            ("no_blind_promise", "您要写报道,我们也尊重您的权利,我先把您的事办好。", False),
            ("no_blind_promise", "您要是投诉,我们也会认真对待。", False)])
        self.critical_cases("repair-three-weeks", [
            ("resolve", "不过您做生意全靠一部手机,本身也该备一台备用的,这个风险也不能全算我们头上。", True),
            ("resolve", "这事不能算到您头上,是我们没及时通知。", False),
            ("resolve", "我们本身也该给您备一台备用机,这是我们没想周到。", False),
            ("resolve", "我们不能把责任推到您身上,这次是我们的错。", False)])
        self.critical_cases("missing-balance", [
            ("resolve", "详单上白纸黑字写着呢,这个扣费本身是没问题的。", True),
            ("resolve", "我给您白纸黑字写下来,盖上章,您放心。", False),
            ("resolve", "我把处理结果白纸黑字写在工单上了,您放心。", False)])
        self.critical_cases("bill-500", [
            ("explain", "漫游资费在官网上都公示过的,大部分客户出国前都会自己查一下。", True),
            ("explain", "很多客户出国前都会办个漫游包,下次我提前提醒您。", False),
            ("explain", "大部分客户都不知道漫游费这么贵,这是我们提醒得不够。", False),
            ("explain", "您说我们抢钱这个说法可就不太对了。", True),
            ("explain", "我刚才这个说法不太准确,我更正一下。", False),
            ("explain", "您说的这个情况我们马上查,不太对的地方一定给您改。", False)])

    def test_natural_wordings_of_required_moves(self):
        # findings 08 and 09
        self.rule_met([
            ("bill-500", "explain", "体现「解释原因」",
             "赵先生,详单我看了。多出来的307.6元,是上周您在香港那三天用的漫游上网流量费。", True),
            ("bill-500", "explain", "体现「解释原因」", "赵先生,详单我看了再告诉您,您稍等。", False),
            ("bill-500", "explain", "体现「解释原因」", "赵先生,多出来的钱是不是我们扣错了,我马上查。", False),
            ("bill-500", "explain", "体现「解释原因」", "赵先生,我马上帮您调详单,您稍等。", False),
            ("missing-balance", "resolve", "体现「解释原因」",
             "王先生,详单我看过了,这1.8块是一项短信信息服务的月功能费,所以您没打电话余额也少了。", True),
            ("bill-500", "explain", "体现「委婉地表达不同意见", "赵先生,您觉得最多200块,这么算其实没错。", True),
            ("bill-500", "explain", "体现「委婉地表达不同意见", "赵先生,您平常每个月差不多200块,这个判断一点没错。", True),
            ("bill-500", "explain", "体现「委婉地表达不同意见", "赵先生,我这么算没错吧,一共497.6元。", False),
            ("bill-500", "explain", "体现「委婉地表达不同意见", "赵先生,我的判断没错,就是漫游费。", False),
            ("missing-balance", "apologize", "体现「边听边记录」", "王先生,真是不好意思,我都记在本子上了,您放心。", True),
            ("missing-balance", "apologize", "体现「边听边记录」", "王先生,真是不好意思,您记在本子上的那个号码是多少?", False),
            ("get-me-the-manager", "apologize", "体现「求得客户谅解」", "孙女士,非常抱歉,是我的疏忽,给您造成了损失,真心请您原谅。", True),
            ("get-me-the-manager", "apologize", "体现「求得客户谅解」", "孙女士,非常抱歉,我不求您原谅,只想把损失补上。", False),
            ("missing-balance", "apologize", "体现「边听边记录」", "王先生,真是不好意思,您放心,我记得您说的。", False),
            ("get-me-the-manager", "resolve", "体现「明确的时限」",
             "孙女士,那30块我现在就提交退费,明天这个时候之前退回您账户。", True),
            ("get-me-the-manager", "resolve", "体现「明确的时限」", "孙女士,那30块我现在就提交退费,到时候退回您账户。", False)])



class OwningAndHedgingNotReadAsBlameOrDenialPass24(CoachTestCase):
    """Outside tester, pass 24 (findings 01 to 05, 10, 11, 13): good replies failed critically by
    the patterns of pass 23. A soft denial that goes on to admit the fault or restates the
    customer, a guess about the number or card, 不一定是您自己订的, 哪能怪您没看清楚, the network
    step's own hint, owning a missing backup, 都不算延误了 and refusing to speculate to a
    journalist. Each good reply sits beside the bad ones with the same words that still fail."""

    critical_cases = Grading.assert_critical_cases

    def test_a_soft_denial_that_goes_on_to_own_the_fault(self):
        # finding 01
        self.critical_cases("missing-balance", [
            ("resolve", "我们的计费系统平时很少出错,真是对不起,这次是我们的问题。", False),
            ("resolve", "系统很少出错。这次出了问题,是我们的责任,非常抱歉。", False),
            ("resolve", "我们的计费系统以前从来没出过问题,没想到偏偏让您碰上了,实在抱歉。", False),
            ("apologize", "您以前的账单从来没出过错,偏偏这个月话费却少了1.8元,是这样吗?", False),
            ("apologize", "您说您用了这么多年,扣费从来没出过问题,怎么这个月少了1.8元,是这样吗?", False),
            ("follow_up", "我们的计费系统很少出错,让您碰上这种事,真是对不起。", False),
            ("vent", "我们这系统用了这么多年了,从来没出过错,您慢慢说,我帮您查。", True),
            ("vent", "我们从来没出过错,您慢慢说。", True),
            ("vent", "系统从来没出过错。您慢慢说。", True),
            ("vent", "系统很少出错,所以这钱扣得没问题。", True),
            ("vent", "我们从来没出过这种事,您是第一个。", True),
            ("vent", "我们从来不会多扣客户的钱。", True)])
        self.critical_cases("sms-failure", [
            ("resolve", "我们的系统一般很少出问题,出了问题就是我们的责任。", False),
            ("resolve", "我们的系统平时很少出问题,偏偏让您赶上了,真对不起。", False)])
        self.critical_cases("bank-argumentative", [
            ("acknowledge", "我们制卡系统很少出错,偏偏这次卡住了,我一定查清楚。", False)])
        self.critical_cases("bill-500", [
            ("explain", "我们的计费系统很少出错,所以我一笔一笔帮您查了。", False),
            ("explain", "我们的计费系统很少出错,所以我觉得不会有问题。", True)])

    def test_a_guess_about_the_number_or_card(self):
        # findings 02 and 03
        self.critical_cases("missing-balance", [
            ("resolve", "十有八九是您号码上开了个什么业务,不一定是您自己订的。", False),
            ("resolve", "多半是您这个号码开过什么试用业务,这本该提前通知您,是我们没做到。", False),
            ("resolve", "这项业务未必是您自己订的,我马上帮您取消。", False),
            ("resolve", "这项业务不见得是您自己订的,我马上帮您取消。", False),
            ("gather", "多半是您开了什么业务自己没注意到,您想想。", True),
            ("gather", "八成是您号码上订了什么业务,您想想。", True),
            ("gather", "十有八九是您开通了什么业务忘了。", True),
            ("resolve", "这项业务一定是您自己订的,钱不能退。", True),
            ("resolve", "我确定是您自己订的。", True),
            ("resolve", "想必是您自己订的。", True)])
        self.critical_cases("dropped-calls-hotline", [
            ("listen", "十有八九是您这张卡开了什么限制业务,或者是我们网络这边的问题,我马上查。", False)])

    def test_not_your_fault_said_as_a_question(self):
        # finding 04
        self.critical_cases("missing-balance", [
            ("resolve", "提醒短信字又小又长,哪能怪您没看清楚,是我们没跟您说明白。", False),
            ("resolve", "怎么能怪您没仔细看呢,是我们没说明白。", False),
            ("resolve", "难怪您没看清楚,那条短信字太小了。", False),
            ("resolve", "怪不得您没看仔细,短信写得太长了。", False),
            ("resolve", "都怪您没看清楚,这钱不能退。", True),
            ("resolve", "这只能怪您没仔细看。", True),
            ("resolve", "我觉得您没仔细看。", True)])

    def test_the_network_steps_own_hint(self):
        # finding 05
        self.critical_cases("sms-failure", [
            ("network", "可能是网络,也可能是手机设置的问题,我现在就帮您查一下。", False)],
            earlier={"vent": "你别激动。"})
        self.critical_cases("sms-failure", [
            ("resolve", "可能是手机设置的问题,也可能是网络,我马上帮您查。", False),
            ("resolve", "可能是您手机设置的问题,您回去恢复出厂设置试试。", True),
            ("resolve", "肯定是手机设置的问题。", True),
            ("resolve", "那是不是手机有问题呀?", True)])

    def test_owning_the_missing_backup(self):
        # finding 10
        self.critical_cases("hall-outage", [
            ("explain", "您说得对,本来就该备好备用电源,这是我们的疏漏。", False),
            ("explain", "这么大的营业厅,本身就应该准备备用电源,您批评得对。", False)])
        self.critical_cases("repair-three-weeks", [
            ("resolve", "您做生意全靠这部手机,本来就该准备一部备用机给您,是我们没想到。", False),
            ("resolve", "不过您做生意全靠一部手机,本身也该备一台备用的。", True),
            ("resolve", "您本来就该准备一部备用机。", True),
            ("resolve", "做生意的人,自己也该备一台备用的。", True)])

    def test_worse_than_a_delay_is_not_denied_as_one(self):
        # finding 11: only the denial rule; arguing (mistakes.yaml) is not in this change
        graded = graded_steps(self, [
            ("airline-delay", "apologize", "这次是我们公司的问题,严格来说这都不算延误了,是把你们整个团队扔下不管。"),
            ("reconnect-delay", "resolve", "严格来说这都不算超时。"),
            ("reconnect-delay", "resolve", "所以严格说也不算超时。")])
        for step, denied in zip(graded, [False, True, True]):
            with self.subTest(denied=denied):
                rule = next(r for r in step["rules"] if "一口否认" in r["description"])
                self.assertEqual(rule["ok"], not denied)

    def test_refusing_to_speculate_to_a_journalist(self):
        # finding 13
        self.critical_cases("bank-special-background", [
            ("standard_caliber", "风控是不是有漏洞、系统是不是被攻击,我作为客服座席没有依据,不能随意下结论。", False),
            ("standard_caliber", "风控有没有漏洞、是否存在漏洞、是不是被黑客攻击,应以我行正式对外发布的信息为准。", False),
            ("standard_caliber", "您担心风控跟不上、信息泄露,这些顾虑我都理解。", False),
            ("standard_caliber", "说句实话,我们风控确实是有漏洞。", True),
            ("standard_caliber", "我们的风控有漏洞,这个我也承认。", True),
            ("standard_caliber", "我们的系统绝对安全,没有漏洞。", True),
            ("standard_caliber", "我们系统是被黑客攻击了。", True),
            ("standard_caliber", "风控确实存在漏洞。", True),
            ("standard_caliber", "我也觉得风控跟不上。", True)])

if __name__ == "__main__":
    unittest.main()
