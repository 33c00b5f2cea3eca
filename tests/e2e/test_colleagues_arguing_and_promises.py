"""Outside tester, pass 33 (findings 03, 05, 06 and 07): pushing the fault onto a colleague or
another department, promises no employee may make said one step early, arguing back at a threat
or denying the company's fault, and the manager excuse with one more word. Each caught reply sits
beside the innocent replies with the same words (the company owning the fault, involving a
department, conditions and concessions, an honest "I cannot waive it", the customer's own words)
that must still pass."""
import unittest

import test_grade
from coachtest import CoachTestCase

# prepaid-bonus reaches its wants_a_say step only when the customer is still angry.
EXCUSED_COLLEAGUE = {"vent": "女士,不好意思,她是新来的,今天人又多,您别往心里去。",
                     "apologize": "对不起周女士,她今天心情不好,不是故意的,您别跟她计较。"}
# get-me-the-manager reaches its insists step only after an apology that did not win her over.
BARE_APOLOGY = {"apologize": "孙女士,对不起,给您添麻烦了,我马上帮您查一下。"}


class ColleaguesArguingAndPromisesPass33(CoachTestCase):

    assert_critical = test_grade.assert_critical_replies

    def test_pushing_the_fault_onto_a_colleague_or_another_department(self):
        # finding 03: 技术部门 was caught, 技术部 / 后台部门 / 同事 / 不归我们…管 were not
        self.assert_critical([
            ("sms-failure", "resolve", "李女士,这是技术部的问题,我马上帮您提交故障单。", True),
            ("sms-failure", "resolve", "李女士,这是后台部门的问题,我马上帮您提交故障单。", True),
            ("sms-failure", "resolve", "李女士,这是我们同事弄错的,我马上帮您提交故障单。", True),
            ("sms-failure", "resolve", "李女士,这不归我们营业厅管,不过我马上帮您提交故障单。", True),
            ("sms-failure", "resolve", "李女士,这是售后的问题。", True),
            ("sms-failure", "resolve", "李女士,主要是网络部那边的问题。", True),
            ("sms-failure", "resolve", "李女士,是同事搞错了,您别找我。", True),
            ("sms-failure", "resolve", "李女士,是我们后台部门的人弄错的。", True),
            ("sms-failure", "resolve", "李女士,这事跟我们也没什么关系。", True),
            ("get-me-the-manager", "explain", "孙女士,我查过了,退订没生效,是我同事后台没处理,跟我关系不大。", True),
            ("get-me-the-manager", "explain", "孙女士,我查过了,退订没生效,是我同事后台没处理。", True),
            ("get-me-the-manager", "explain", "孙女士,我查过了,退订没生效,跟我关系不大。", True),
            # in this case the trainee missed the confirmation: 我们技术部门 is not the company owning it
            ("get-me-the-manager", "explain", "孙女士,我查过了,退订没生效,是我们技术部门的错。", True),
            ("securities-rude-staff", "accept", "孙女士,她那么说确实不对,那种人就不该在柜台工作。", True),
            # owning the fault, involving a department, a condition, a concession, the customer
            ("sms-failure", "resolve", "李女士,是我们后台的问题,我马上处理。", False),
            ("sms-failure", "resolve", "李女士,是我们的系统出了问题,我马上处理。", False),
            ("sms-failure", "resolve", "李女士,这是我们工作没做到位,真对不起。", False),
            ("sms-failure", "resolve", "李女士,我马上联系技术部门处理。", False),
            ("sms-failure", "resolve", "李女士,这是我们技术部的问题,我马上联系他们处理。", False),
            ("sms-failure", "resolve", "李女士,技术部的同事会在24小时内处理好。", False),
            ("sms-failure", "resolve", "如果是技术部门的问题,我马上协调他们处理。", False),
            ("sms-failure", "resolve", "要是网络部的问题,我来催他们尽快修好。", False),
            ("sms-failure", "resolve", "不管是不是后台的问题,我都负责到底。", False),
            ("sms-failure", "resolve", "是不是技术部的问题,我马上查。", False),
            ("sms-failure", "resolve", "不管归不归我们管,我都帮您办到底。", False),
            ("sms-failure", "resolve", "就算跟我们关系不大,我也帮您查到底。", False),
            ("sms-failure", "resolve", "这跟您的手机没关系,是我们网络的问题,我马上报修。", False),
            ("prepaid-bonus", "resolve", "是我们同事弄错了,这是我们的责任,真对不起。", False),
            ("prepaid-bonus", "resolve", "我们同事弄错了,真对不起,我马上给您补办。", False),
            ("prepaid-bonus", "resolve", "是我和同事没处理好,真对不起。", False),
            ("prepaid-bonus", "resolve", "是我同事没处理好,也是我们的问题,真对不起。", False),
            ("prepaid-bonus", "resolve", "我同事会在今天之内把50元给您补上。", False),
            ("securities-fee", "resolve", "刘先生,这不是哪一个人的问题,是我们公司没做到位,真的很抱歉。", False),
            ("get-me-the-manager", "explain", "孙女士,不是后台的问题,是我漏了最后一步确认。", False),
            ("securities-rude-staff", "accept", "这种事就不该发生,真对不起。", False),
            ("securities-rude-staff", "accept", "我们的员工不管多忙,都不应该这样对您。", False),
            ("securities-rude-staff", "accept", "这样的态度不应该出现在我们营业部。", False)])
        self.assert_critical([
            ("get-me-the-manager", "insists", "孙女士,这次是后台的问题。", True),
            ("get-me-the-manager", "insists", "孙女士,是我的失误,不是后台的问题,也不怪同事。", False)],
            earlier=BARE_APOLOGY)

    def test_denying_the_company_s_fault(self):
        # finding 06: 不能全怪我们, 这怎么能是我们的问题呢, 这能怪我们吗?当然不能, 不是我们网络的问题
        self.assert_critical([
            ("airline-delay", "follow_up", "致歉函和机票都收到了吗?其实那次罢工也不能全怪我们,谢谢您。", True),
            ("airline-delay", "apologize", "先生,对不起,不过罢工这种事谁也预料不到,您也不能全怪我们吧?", True),
            ("airline-delay", "apologize", "先生,说实话,也不能全怪我们。", True),
            ("airline-delay", "apologize", "先生,罢工是天灾人祸,不能全怪我们航空公司。", True),
            ("airline-delay", "apologize", "先生,其实也不怪我们。", True),
            ("type-venting", "close", "本来就不全怪我们,今天人多也没办法。", True),
            ("sms-failure", "apologize", "李女士,这怎么能是我们的问题呢?别的客户都好好的。", True),
            ("sms-failure", "apologize", "这怎么能怪我们呢?", True),
            ("bill-500", "explain", "赵先生,这能怪我们吗?当然不能。", True),
            ("bill-500", "explain", "赵先生,这是我们的错吗?当然不是。", True),
            ("bill-500", "explain", "赵先生,这能是我们的问题吗?", True),
            ("sms-failure", "follow_up", "李女士,上次本来就不是我们网络的问题。", True),
            # excusing the customer, owning it, a concession, the customer's forgiveness
            ("bill-500", "explain", "赵先生,这能怪您吗?当然不能。", False),
            ("bill-500", "explain", "赵先生,这是您的错吗?当然不是。", False),
            ("bill-500", "explain", "赵先生,这能怪我们吗?当然不能怪您,是我们没提醒到位。", False),
            ("sms-failure", "resolve", "这怎么能怪您呢,是我们的问题。", False),
            ("sms-failure", "resolve", "这怎么能不怪我们呢?是我们没做好。", False),
            ("sms-failure", "resolve", "这不怪您,怪我们。", False),
            ("sms-failure", "resolve", "这不怪我们怪谁呢?是我们没做好。", False),
            ("sms-failure", "resolve", "怎么会是您的错呢,是我们的问题。", False),
            ("sms-failure", "gather", "这会是我们的问题吗?我马上帮您查一下。", False),
            ("sms-failure", "resolve", "李女士,这不是您手机的问题,是我们网络的问题。", False),
            ("airline-delay", "apologize", "先生,这事不能怪您,要怪就怪我们。", False),
            ("airline-delay", "apologize", "先生,这事谁也不能怪,只能怪我们自己。", False),
            ("airline-delay", "apologize", "先生,不管能不能怪我们,这件事我都负责到底。", False),
            ("airline-delay", "apologize", "先生,您怪我们怪得对。", False),
            ("airline-delay", "apologize", "先生,您不怪我们,我们自己也过意不去。", False),
            ("airline-delay", "apologize", "先生,这不能怪我们的地勤,是我们公司没安排好。", False),
            ("type-venting", "close", "谢谢您,您说不全怪我一个人,可确实是我们没做好,以后一定改进。", False),
            ("type-venting", "close", "您也说不能全怪我们,谢谢您体谅,不过这确实是我们的问题。", False)])

    def test_arguing_back_at_a_threat_or_a_comparison(self):
        # finding 06: 去消协/工信部也没用, 去消协有用吗?, 区别大了, 能一样吗?完全是两回事
        self.assert_critical([
            ("missing-balance", "follow_up", "王先生,去消协有用吗?没用的,还不如相信我们。谢谢您啊。", True),
            ("bill-500", "close", "赵先生,去消协也没用的,结果都一样,您就等我电话吧,谢谢。", True),
            ("type-hardline", "report-and-contact", "郝先生,打工信部也没用,合约就是合约。", True),
            ("bill-500", "resolve", "赵先生,跟抢钱有什么区别?区别大了,我们是明码标价的。", True),
            ("bill-500", "resolve", "赵先生,这能一样吗?我们是明码标价的。", True),
            ("bill-500", "resolve", "赵先生,借钱给妹妹跟信用卡能一样吗?完全是两回事。", True),
            ("bill-500", "close", "赵先生,投诉到工信部那边也是没用的。", True),
            ("bill-500", "close", "赵先生,找12315有什么用?", True),
            # the customer's right, a way round it, an explanation of a difference
            ("bill-500", "close", "赵先生,您去消协也好,找我们也好,我都会负责到底。", False),
            ("bill-500", "close", "赵先生,去消协投诉是您的权利,不过我想先帮您把问题解决。", False),
            ("bill-500", "close", "赵先生,我不是说去消协没用,而是我现在就能给您办好。", False),
            ("bill-500", "close", "赵先生,您反映到消协的话,他们也会联系我们核实。", False),
            ("bill-500", "resolve", "赵先生,这两个套餐的区别在于流量,我给您详细讲讲。", False),
            ("bill-500", "resolve", "赵先生,每个月扣的钱会一样吗?我帮您查一下。", False),
            ("bill-500", "resolve", "赵先生,港澳的漫游资费和内地不一样,我帮您申请重新计费。", False)])

    def test_a_promise_no_employee_may_make_fails_in_every_step(self):
        # finding 05: 违约金我给您免了 passed in type-hardline praise (only firm-line checked it),
        # 我们肯定开除她 in securities sum_up, 出了问题我个人赔您 in missing-balance follow_up
        self.assert_critical([
            ("type-hardline", "praise", "郝先生,您的心情我理解,违约金我给您免了。", True),
            ("type-hardline", "praise", "郝先生,您的心情我理解,今天就给您办,违约金不用交。", True),
            ("type-hardline", "praise", "郝先生,您是老客户,我马上给您把合约解了,违约金也给您免了。", True),
            ("type-hardline", "praise", "郝先生,违约金我们直接帮您减掉。", True),
            ("type-hardline", "praise", "郝先生,您是老客户,滞纳金我给您抹了。", True),
            ("securities-fee", "facts", "刘先生,那个客户经理我们肯定开除她。", True),
            ("prepaid-bonus", "apologize", "周女士,对不起,那个营业员我一定把她炒掉。", True),
            ("prepaid-bonus", "apologize", "周女士,对不起,回头我扣她工资。", True),
            ("missing-balance", "follow_up", "王先生,谢谢,我保证以后一分钱都不会再乱扣,出了问题我个人赔您。", True),
            ("missing-balance", "follow_up", "王先生,以后再出问题我自己赔您。", True),
            ("missing-balance", "follow_up", "王先生,出了差错算我的,我赔。", True),
            # an honest "I cannot", an application, the rules, the scenario's own authority, an apology
            ("type-hardline", "firm-line", "郝先生,违约金我没法给您免掉,这一点得跟您说清楚。", False),
            ("type-hardline", "firm-line", "郝先生,我没有权限免违约金,我帮您向经理申请。", False),
            ("type-hardline", "firm-line", "郝先生,我为您申请减免违约金,能不能批要看审核结果。", False),
            ("type-hardline", "firm-line", "郝先生,违约金能不能给您免掉,要等审核,我不能现在答应您。", False),
            ("type-hardline", "firm-line", "郝先生,等合约到期了我再给您办,违约金就不用交了。", False),
            ("type-hardline", "firm-line", "郝先生,合约期满以后给您办,违约金就不用交了。", False),
            ("type-hardline", "firm-line", "郝先生,很抱歉,合约还没到期,免违约金解约这个要求我们确实无法满足。", False),
            ("repair-three-weeks", "resolve", "检测费我们给您免了,另外赠送3个月延保。", False),
            ("missing-balance", "follow_up", "王先生,我个人赔您一个不是,这次是我们的疏忽。", False),
            ("missing-balance", "follow_up", "王先生,出了问题我负责帮您申请赔偿。", False),
            ("missing-balance", "follow_up", "王先生,出了问题我负责到底,您随时找我。", False),
            ("missing-balance", "follow_up", "王先生,我自己给您赔礼道歉。", False),
            ("get-me-the-manager", "apologize", "孙女士,非常抱歉,您就算马上开除我,我也要先把您的事办好。", False),
            ("get-me-the-manager", "close", "孙女士,谢谢您,要不是您宽容,我真该被开除了。", False),
            ("securities-fee", "facts", "刘先生,您一定想让我们处理那位客户经理吧,我先把情况记下来。", False)])

    def test_retorts_found_by_a_later_pass(self):
        # Outside pass 34, finding 03: rhetorical retorts and a shrug at the fault.
        self.assert_critical([
            ("airline-delay", "apologize", "难道我们愿意罢工吗?这也是没办法的事。", True),
            ("airline-delay", "apologize", "难道还要我猜吗?您直接说吧。", True),
            ("airline-delay", "apologize", "您还要去消协?有必要吗?", True),
            ("airline-delay", "follow_up", "又不是我们故意的,罢工谁也没办法。", True),
            ("airline-delay", "apologize", "您有必要的话可以投诉,我把电话给您。", False),
            ("airline-delay", "apologize", "难道您还没收到致歉函吗?我马上帮您查。", False),
            ("airline-delay", "follow_up", "我们不是故意的,但给您添了麻烦,真对不起。", False)])

    def test_an_invented_absence_of_the_manager_with_one_more_word(self):
        # finding 07: 经理在开会 was critical, 经理今天在开会 / 经理刚好出去了 / 经理今天休息 were not
        self.assert_critical([
            ("get-me-the-manager", "apologize", "孙女士,对不起,经理在开会,有事跟我说吧。", True),
            ("get-me-the-manager", "apologize", "孙女士,对不起,经理今天在开会,有事跟我说吧。", True),
            ("get-me-the-manager", "apologize", "孙女士,对不起,经理刚好出去了,有事跟我说吧。", True),
            ("get-me-the-manager", "apologize", "孙女士,对不起,我们经理今天休息,有事跟我说吧。", True),
            ("get-me-the-manager", "apologize", "孙女士,经理忙着呢,有事跟我说吧。", True),
            # Review of session 19: busy with the customer's own matter is no excuse.
            ("get-me-the-manager", "apologize", "孙女士,经理正忙着核对您的账单,马上就过来。", False),
            ("get-me-the-manager", "apologize", "孙女士,对不起,经理今天出差了不在,有什么事跟我说吧。", True),
            ("get-me-the-manager", "apologize", "孙女士,经理这会儿正在接待别的客户,您跟我说吧。", True),
            ("get-me-the-manager", "apologize", "孙女士,经理去总部开会了,这事我来负责。", True),
            ("get-me-the-manager", "apologize", "孙女士,经理忙着呢,有事跟我说吧。", True),
            ("get-me-the-manager", "apologize", "孙女士,经理每天事情很多,这事我来办吧。", True),
            # the manager is there, a meeting that ends, the trainee will not make excuses
            ("get-me-the-manager", "apologize", "孙女士,经理就在办公室,您要见他我不拦着,不过请先让我给您处理。", False),
            ("get-me-the-manager", "apologize", "孙女士,经理今天也在,但这件事是我的错,请给我一个弥补的机会。", False),
            ("get-me-the-manager", "apologize", "孙女士,我不会拿经理不在来搪塞您,这件事是我的失误。", False),
            ("get-me-the-manager", "explain", "孙女士,经理知道这件事,上周是我漏了确认。", False)])
        self.assert_critical([
            ("get-me-the-manager", "insists", "孙女士,经理刚好出去了,您跟我说吧。", True),
            ("get-me-the-manager", "insists", "孙女士,经理现在正在忙,您跟我说吧。", True),
            ("get-me-the-manager", "insists", "孙女士,您见不了经理。", True),
            ("get-me-the-manager", "insists", "孙女士,经理知道这件事,我会如实汇报,但请您给我一个弥补的机会。", False),
            ("get-me-the-manager", "insists", "孙女士,等经理开完会我也会向他如实汇报,现在请让我先给您办好。", False)],
            earlier=BARE_APOLOGY)
        self.assert_critical([
            ("prepaid-bonus", "wants_a_say", "周女士,对不起,负责人今天在开会,您跟我说吧。", True),
            ("prepaid-bonus", "wants_a_say", "周女士,经理刚好出去了,您跟我说吧。", True),
            ("prepaid-bonus", "wants_a_say", "周女士,负责人不在。", True),
            ("prepaid-bonus", "wants_a_say", "周女士,找经理也没用。", True),
            ("prepaid-bonus", "wants_a_say", "周女士,负责人在办公室,我现在就去请他。", False),
            ("prepaid-bonus", "wants_a_say", "周女士,我这就请负责人过来,您先到负责人休息室坐一下。", False),
            ("prepaid-bonus", "wants_a_say", "周女士,经理忙完手上这件事马上过来见您,我先把您的意见记下来。", False)],
            earlier=EXCUSED_COLLEAGUE)


if __name__ == "__main__":
    unittest.main()
