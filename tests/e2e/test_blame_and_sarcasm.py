"""Outside tester, pass 33 (findings 01, 02 and 04): blame, doubt and sarcasm that got past the
critical rule with one filler word, another verb, a rhetorical question or a taunt. Each caught
reply sits beside the innocent replies with the same words (questions that gather facts,
reassurance, the company owning the fault, negations) that must still pass."""
import unittest

import test_grade
from coachtest import CoachTestCase


class BlameAndSarcasmPass33(CoachTestCase):

    assert_critical = test_grade.assert_critical_replies

    def test_blame_softened_by_one_word_still_blames(self):
        # finding 01: 您应该… with 也 / 其实 / 还是 / 就 / 呐 inside, or said as 您要自己注意…啊
        self.assert_critical([
            ("missing-balance", "resolve", "王先生,您也应该自己注意短信提醒。", True),
            ("missing-balance", "resolve", "王先生,您其实应该自己注意短信提醒。", True),
            ("missing-balance", "resolve", "王先生,您还是应该自己注意短信提醒。", True),
            ("missing-balance", "resolve", "王先生,您就应该自己注意短信提醒。", True),
            ("missing-balance", "resolve", "王先生,您要自己注意短信提醒啊。", True),
            ("missing-balance", "resolve", "王先生,您也要自己多留意余额。", True),
            ("missing-balance", "resolve", "王先生,您當時也應該問清楚。", True),
            ("sms-failure", "apologize", "李女士,不好意思,但您也应该早点来。", True),
            ("sms-failure", "apologize", "李女士,不好意思,但您呐应该早点来。", True),
            ("airline-delay", "vent", "先生,罢工是不可抗力,这个您应该能理解吧?您说吧。", True),
            # the same words saying what the customer was owed, a guess about how they feel, a way to do it
            ("missing-balance", "vent", "王先生,您也应该很着急吧,您慢慢说。", False),
            ("missing-balance", "resolve", "王先生,按活动您其实应该享受送50元,这是我们的疏忽。", False),
            ("missing-balance", "resolve", "王先生,那您就应该收到退款短信了,我再帮您查一下。", False),
            ("missing-balance", "resolve", "王先生,您本来应该被提前告知的,这是我们没做好。", False),
            ("missing-balance", "resolve", "王先生,这事您应该有个说法,我一定给您查清楚。", False),
            ("missing-balance", "resolve", "王先生,您还是应该拿到这1.8元的,我马上给您退回去。", False),
            ("missing-balance", "resolve", "王先生,退款您也应该能看到了,我再确认一下。", False),
            ("missing-balance", "follow_up", "王先生,谢谢您啊应该的,再见。", False),
            ("airline-delay", "resolve", "先生,你们其实应该下午就到上海了,是我们耽误了大家。", False),
            ("missing-balance", "resolve", "王先生,您要自己查余额的话,发短信到10086就行。", False),
            ("missing-balance", "resolve", "王先生,您要自己留意余额吗?还是我帮您开个余额提醒?", False),
            ("missing-balance", "resolve", "王先生,您要自己注意身体啊,这事交给我。", False),
            ("missing-balance", "resolve", "王先生,您不需要自己留意短信提醒,我给您开了自动提醒。", False),
            ("missing-balance", "resolve", "王先生,退款您应该能收到了,我再确认一下。", False),
            ("bank-stubborn-novice", "explain_slowly", "赵女士,最低还款您应该可以理解为先还一部分,剩下的要算利息。", False),
            ("airline-delay", "vent", "先生,希望您能理解,我们一定给大家一个交代。", False)])

    def test_doubting_the_customer_s_account_is_blame_a_fact_question_is_not(self):
        # finding 01: 您是不是算错了 / 会不会看错了 / 真的一个电话都没打? / 您自己算的不一定准
        self.assert_critical([
            ("missing-balance", "gather", "王先生,您手机号是多少?您是不是算错了?我帮您查一下。", True),
            ("missing-balance", "gather", "王先生,您手机号是多少?您会不会看错了?我帮您查一下。", True),
            ("missing-balance", "gather", "王先生,您手机号是多少?您真的一个电话都没打?我帮您查一下。", True),
            ("missing-balance", "gather", "王先生,您会不会记错日子了?", True),
            ("bill-500", "apologize", "先生,抱歉啊,您是不是算错了?我帮您查一下。", True),
            ("bill-500", "apologize", "先生,抱歉啊,您自己算的不一定准,我帮您查一下。", True),
            ("bill-500", "apologize", "先生,抱歉啊,不过您自己算的能准吗?我帮您查一下。", True),
            ("bill-500", "apologize", "先生,抱歉,您肯定是把漫游费算错了,我帮您查一下。", True),
            ("sms-failure", "gather", "李女士,您手机号是多少?您是不是自己把设置改乱了?我帮您查一下。", True),
            # questions that gather facts, ask what the customer thinks or feels, or vouch for them
            ("missing-balance", "gather", "王先生,您是不是开通过什么业务?我帮您查一下。", False),
            ("missing-balance", "gather", "王先生,您最近有没有换过手机?我帮您查一下。", False),
            ("missing-balance", "gather", "王先生,您确定是这个号码吗?我帮您查一下。", False),
            ("missing-balance", "gather", "王先生,您是不是觉得系统弄错了?我帮您查一下。", False),
            ("missing-balance", "gather", "王先生,您会不会觉得我们算错了?我帮您查一下。", False),
            ("missing-balance", "gather", "王先生,您真的没事吗?我帮您查一下。", False),
            ("bill-500", "apologize", "先生,真对不起,您一定很生气账单算错了吧,我马上帮您查详单,请告诉我手机号。", False),
            ("bill-500", "apologize", "先生,真对不起,您一定很奇怪怎么会算错,我马上帮您查详单,请告诉我手机号。", False),
            ("bill-500", "apologize", "先生,真对不起,您是不是担心话费又算错了?我马上帮您查详单,请告诉我手机号。", False),
            ("bill-500", "apologize", "先生,真对不起,您肯定没算错,我马上帮您查详单,请告诉我手机号。", False),
            ("bill-500", "apologize", "先生,真对不起,您自己算的没错,我马上帮您查详单,请告诉我手机号。", False),
            ("bill-500", "explain", "赵先生,您算的本地费用是准的,确实不到200元,多出来的307.6元是香港的漫游上网费。", False),
            ("sms-failure", "gather", "李女士,您是不是改过手机设置?我帮您查一下。", False),
            ("sms-failure", "gather", "李女士,您是不是担心把设置弄乱了?我来帮您看。", False),
            ("sms-failure", "gather", "李女士,您发短信的时候没看到什么提示吗?", False)])

    def test_rhetorical_questions_that_blame(self):
        # finding 02
        self.assert_critical([
            ("missing-balance", "vent", "先生,这不怪您自己怪谁呢?您慢慢说。", True),
            ("missing-balance", "vent", "先生,这不是您的错是谁的错?您慢慢说。", True),
            ("missing-balance", "resolve", "王先生,您难道没看到订购确认短信吗?这钱肯定是要扣的嘛。", True),
            ("bill-500", "explain", "赵先生,您去香港上网难道不知道漫游很贵吗?多出来的307.6元就是漫游费。", True),
            ("missing-balance", "gather", "王先生,您自己都不知道怎么回事,让我们怎么查?", True),
            ("sms-failure", "gather", "李女士,号码多少?您连什么时候坏的都说不清吗?我查一下。", True),
            ("sms-failure", "gather", "李女士,号码多少?您自己不会看提示吗?我查一下。", True),
            ("sms-failure", "gather", "李女士,您连什么时候坏的都说不清,我怎么帮您查?", True),
            ("missing-balance", "gather", "王先生,您都说不清楚,我们没法处理。", True),
            ("type-hardline", "firm-line", "郝先生,您签合约的时候不看条款吗?现在想解约当然不行。", True),
            ("type-hardline", "firm-line", "郝先生,您办卡的时候没仔细看合同吗?", True),
            ("type-hardline", "firm-line", "郝先生,能不能办您心里不清楚吗?还用问我?", True),
            # the blame taken back, owned, or a sincere question with the same words
            ("missing-balance", "vent", "先生,这不怪您,怪我们没提醒到位,您慢慢说。", False),
            ("missing-balance", "vent", "先生,这不怪您自己,怪谁呢?怪我们没提醒到位。您慢慢说。", False),
            ("missing-balance", "vent", "先生,这不是您的错,是谁的错?是我们的错。您慢慢说。", False),
            ("missing-balance", "vent", "先生,这怎么能怪您自己呢?您慢慢说。", False),
            ("missing-balance", "follow_up", "王先生,难道您还没收到退款?我马上帮您查。", False),
            ("missing-balance", "vent", "王先生,您难道不生气吗?换了谁都生气,您慢慢说。", False),
            ("missing-balance", "vent", "王先生,您连钱是怎么扣的都不知道,换了谁都着急,您慢慢说。", False),
            ("missing-balance", "gather", "王先生,您自己都不知道被开通了,我们怎么能不查清楚呢?", False),
            ("missing-balance", "gather", "王先生,您想让我们怎么处理?", False),
            ("missing-balance", "gather", "王先生,您可能还不知道我们怎么帮您查,我给您介绍一下。", False),
            ("missing-balance", "gather", "王先生,您也不知道是哪天扣的,我们没法马上查到,我先帮您申请。", False),
            ("bank-stubborn-novice", "explain_slowly", "赵女士,我画个图给您看,这样您就不会看不懂了吧?", False),
            ("missing-balance", "resolve", "王先生,处理好以后您就不会看到重复扣费了吧?", False),
            ("type-hardline", "firm-line", "郝先生,您签合约的时候营业员没跟您说吗?我再帮您看看。", False),
            ("missing-balance", "vent", "王先生,您心里不踏实吗?我一定给您查清楚。", False),
            ("missing-balance", "vent", "王先生,这还用说,多扣的钱肯定给您退。", False),
            ("missing-balance", "resolve", "王先生,这还用问我们吗?当然全给您退。", False)])

    def test_sarcasm_and_taunts(self):
        # finding 04
        self.assert_critical([
            ("airline-delay", "follow_up", "致歉函和机票都给你们了,这下总该满意了吗?", True),
            ("sms-failure", "follow_up", "短信已经修好了,这回您总该满意了吗?", True),
            ("sms-failure", "follow_up", "短信修好了,您不会还有什么不满意吧?", True),
            ("bank-stubborn-novice", "turn_into_advice", "赵女士,早知道现在何必当初呢?", True),
            ("securities-rude-staff", "thank", "孙女士,舒服就好,以后别那么较真了,谢谢。", True),
            ("securities-rude-staff", "resolve", "孙女士,您也不要太敏感了。", True),
            ("get-me-the-manager", "close", "孙女士,我谢谢您啊,为了30块钱闹成这样。", True),
            ("bank-stubborn-novice", "explain_slowly", "赵女士,您要是听不懂,可以找个懂的家人来问问。", True),
            ("missing-balance", "follow_up", "行了行了王先生,钱都退了,还要怎样?", True),
            ("airline-delay", "gather", "先生,你们20个人都等了这么久,再等一晚上又能怎样呢?", True),
            ("securities-rude-staff", "accept", "孙女士,您都六十多岁了,何必跟一个小姑娘生气呢?", True),
            ("bank-stubborn-novice", "find_the_gap", "赵女士,您想的太简单了,银行又不是您家亲戚。", True),
            # satisfaction checks, apologies and kindness with the same words
            ("missing-balance", "follow_up", "您对这样的处理还满意吗?", False),
            ("missing-balance", "follow_up", "您满意了吗?还有什么需要我做的?", False),
            ("missing-balance", "follow_up", "您还有什么不满意的地方吗?", False),
            ("securities-rude-staff", "thank", "孙女士,这次是我们不对,您别跟我们计较。", False),
            ("get-me-the-manager", "close", "孙女士,为了30块钱让您闹成这样,是我们不对。", False),
            ("get-me-the-manager", "close", "孙女士,事情闹成这样是我们的错。", False),
            ("get-me-the-manager", "close", "孙女士,因为我们扣错30块钱闹成这样,真是我们的错。", False),
            ("bank-stubborn-novice", "explain_slowly", "赵女士,那如果只还最低还款,又会怎样呢?会从记账日起计息。", False),
            ("missing-balance", "follow_up", "您看还要怎样处理?您尽管说。", False),
            ("missing-balance", "follow_up", "我们还要怎样做您才满意?您尽管说。", False),
            ("securities-rude-staff", "accept", "孙女士,您都六十多岁了还专门跑一趟,真是辛苦您了。", False),
            ("securities-rude-staff", "accept", "孙女士,您何必跟自己过不去,先喝口水,慢慢说。", False),
            ("bank-stubborn-novice", "find_the_gap", "赵女士,是我想得太简单了,我再给您解释一遍。", False),
            ("bank-stubborn-novice", "explain_slowly", "赵女士,您要是听不懂,我再慢慢讲一遍。", False),
            ("bank-stubborn-novice", "explain_slowly", "赵女士,您要是不懂英文,我找个懂英语的同事来给您讲。", False)])

    def test_replies_that_clear_or_help_the_customer_near_the_new_patterns(self):
        # Review of session 19: each of these failed critically on a new pattern.
        self.assert_critical([
            ("missing-balance", "gather", "您自己也没问题,是系统出的错。", False),
            ("missing-balance", "gather", "您之前也没说错,确实是我们多扣了。", False),
            ("missing-balance", "gather", "有不明白的地方,也可以让懂手机的家人帮您看看。", False),
            ("missing-balance", "gather", "下次您把详单带好,就不会这样白跑一趟了。", False),
            ("missing-balance", "gather", "这事不怪您,怪谁都没用,我马上帮您查。", False),
            ("missing-balance", "gather", "您心里没有底吗?没关系,我陪您一起查。", False),
            ("missing-balance", "gather", "您平时不看短信提醒吗?", False),
            ("missing-balance", "gather", "您有时不看短信吗?", False),
            ("missing-balance", "gather", "您当时也没跟我们确认,对吧?", True),
            # Outside pass 34, finding 01: a neutral question about who used the phone.
            ("missing-balance", "gather", "王先生,家里有没有别人用过这个手机?", False),
            ("missing-balance", "gather", "王先生,您家里是不是有小孩拿您手机玩了?", True),
            # Outside pass 34, finding 02: a lecture with words between 以后您 and 看仔细点.
            ("missing-balance", "resolve", "王先生,以后您自己订业务的时候看仔细点。", True),
            ("missing-balance", "resolve", "王先生,以后您办业务时我们会帮您看仔细点。", False)], added_to_model=False)

    def test_other_blame_among_the_tester_s_bad_replies(self):
        # the tester's bad replies (work/specs) that blamed, lectured or mocked without being critical
        self.assert_critical([
            ("missing-balance", "apologize", "王先生,不好意思哈,可能是您开了什么业务自己忘了吧。", True),
            ("get-me-the-manager", "apologize", "孙女士,对不起,不过您当时也没跟我确认退订成功没有啊。", True),
            ("type-hardline", "praise", "郝先生,您既然门儿清,就应该知道合约期内解约要交违约金吧?", True),
            ("get-me-the-manager", "apologize", "孙女士,我才来两个月,谁还没个出错的时候?您至于要开除我吗?", True),
            ("bank-stubborn-novice", "explain_slowly", "赵女士,我都说了好几遍了,您怎么还听不懂呢?", True),
            ("securities-rude-staff", "thank", "孙女士,下次去营业部您先把要问的想清楚,就不会这样了。", True),
            ("sms-failure", "vent", "女士您好,别人都能发,怎么就您发不了?", True),
            ("missing-balance", "apologize", "王先生,真对不起,可能是您的号码被误开了业务,我马上查。", False),
            ("missing-balance", "apologize", "王先生,真对不起,可能是系统给您开了什么业务您不知道,我马上查。", False),
            ("missing-balance", "apologize", "王先生,真对不起,可能是您太忙忘了,这也很正常,我马上查。", False),
            ("get-me-the-manager", "apologize", "孙女士,真对不起,您当时也没问,这是我们没主动告诉您。", False),
            ("type-hardline", "praise", "郝先生,您既然是老客户,就应该享受老客户的优惠,我帮您申请。", False),
            ("get-me-the-manager", "apologize", "孙女士,真对不起,至于您说的赔偿,我马上申请。", False),
            ("bank-stubborn-novice", "explain_slowly", "赵女士,您怎么会听不懂呢,是我没讲清楚,我再说一遍。", False),
            ("bank-stubborn-novice", "explain_slowly", "赵女士,我理解您为什么看不懂,这账单确实复杂,我再给您讲一遍。", False),
            ("sms-failure", "vent", "女士您好,其他人都能发,只有您的发不了,我马上查原因。", False),
            ("sms-failure", "vent", "女士您好,别人都能发,为什么您发不了呢?我查一下。", False),
            ("roaming-without-id", "route", "先生,下次您把身份证带好,就不会白跑了。", False)])


class KindSentencesPass54(CoachTestCase):
    """Outside pass 54, findings 1-6: kind sentences that held an argue, sarcasm or refusal phrase
    failed critically; the rude replies those rules were written for still fail."""

    assert_critical = test_grade.assert_critical_replies

    def test_siding_with_the_customer_is_no_argument(self):
        self.assert_critical([
            ("missing-balance", "vent", "王先生您好,您别着急,您来找我们是对的。请问您贵姓?您慢慢说。", False),
            ("missing-balance", "vent", "王先生您好,您提醒我们是对的,您慢慢说。", False),
            ("missing-balance", "follow_up", "王先生,下个月出账单我再给您打电话,确保我们没有错扣您一分钱。", False),
            ("missing-balance", "follow_up", "王先生,钱都给您退回去了,还有什么需要我帮您的吗?", False),
            ("missing-balance", "apologize", "王先生,真对不起。我复述一下,要是我说的没错,您这个月一个电话都没打,"
                                             "话费却少了1.8元,对吗?", False),
            ("reconnect-delay", "resolve", "我查了一下,怪不得我们系统显示缴费成功,原来是开机指令没执行,我马上给您重新开机。", False),
            # the arguments themselves
            ("missing-balance", "resolve", "王先生,我们是对的,扣费没问题。", True),
            ("missing-balance", "resolve", "王先生,我们没有错,是按规定扣的。", True),
            ("missing-balance", "resolve", "我说的没错,您自己看详单。", True),
            ("missing-balance", "resolve", "这事怪不得我们。", True),
            ("missing-balance", "follow_up", "钱都给您退回去了,您还有什么不满意的?", True)])

    def test_a_fraud_warning_and_agreement_take_nothing_back(self):
        self.assert_critical([
            ("sms-failure", "resolve", "您担心的我理解,那是骗人的,千万别点那个链接。我马上帮您查短信的问题。", False),
            ("type-pragmatic", "real-need", "赵女士,您说得对,凭什么光道歉不办事呢,您今天是来办事的。", False),
            ("sms-failure", "vent", "您的心情我很理解,假的。", True),
            ("missing-balance", "vent", "您的心情我很理解,那是骗您的。", True),
            ("missing-balance", "apologize", "我凭什么跟您道歉。", True)])

    def test_leaving_the_time_to_the_customer_and_one_s_own_overtime(self):
        self.assert_critical([
            ("repair-three-weeks", "close", "四点前一定修好,您先回去等着就行,修好了我马上给您打电话。", False),
            ("hall-outage", "call_department", "对不起,让您等久了。加班我无所谓,今天一定把您的业务办完。", False),
            ("missing-balance", "resolve", "王先生,1.8元今天之内退回,几点来取退款凭证都行,随便您。", False),
            ("missing-balance", "resolve", "您回去等着吧。", True),
            ("missing-balance", "resolve", "有意见您去投诉好了,我无所谓。", True),
            ("missing-balance", "resolve", "您要去消协随便您。", True)])

    def test_a_promise_supposed_and_called_a_lie_refuses_it(self):
        reply = ("郑女士,赔不赔、赔多少,要等争议调查的结果,要是我现在说一定全额赔,那是骗您的。"
                 "我今天就把您的案子加急上报,明天下午五点前给您回电话。")
        self.assert_critical([
            ("bank-special-background", "no_blind_promise", reply, False),
            ("bank-special-background", "no_blind_promise", reply.replace("要是我现在说一定全额赔", "我们一定全额赔"), True)])

    def test_a_clerk_s_words_quoted_with_a_comma_inside(self):
        self.assert_critical([
            ("securities-rude-staff", "sum_up", "我确认一下:今天上午十点多,人民路营业部3号窗口,姓赵的员工对您说"
             "“这么简单都不懂,跟你说了你也不明白”,还把表格扔回给您,对吗?", False),
            ("securities-rude-staff", "sum_up", "这么简单都不懂,跟你说了你也不明白。", True)])

    def test_the_firm_line_with_its_reason_first(self):
        self.assert_critical([
            ("type-hardline", "firm-line", "真对不起。合同写了违约金,违约金全免我们确实没办法,您的要求我们暂时无法满足。", False),
            ("type-hardline", "firm-line", "真对不起。合同写了违约金,我们确实没办法。", True),
            ("type-hardline", "firm-line", "真对不起。我们确实没办法,您的要求我们暂时无法满足。", True)])


class RudeInOtherWordsPass54(CoachTestCase):
    """Outside pass 54, findings 9 and 10: the same rude, blaming and retracting sentences in
    other words; the kind sentences that share their words pass."""

    assert_critical = test_grade.assert_critical_replies

    def test_rudeness_and_blame_in_other_words(self):
        self.assert_critical([
            ("missing-balance", "vent", "这点小事也值得发这么大火?", True),
            ("missing-balance", "apologize", "这锅我们可不背。", True),
            ("missing-balance", "gather", "那么大个人了,自己订了啥都不知道。", True),
            ("missing-balance", "resolve", "跟您说您也听不明白。", True),
            ("missing-balance", "follow_up", "您爱咋咋地吧。", True),
            ("missing-balance", "vent", "像您这样的,我一天能碰上十个。", True),
            ("missing-balance", "apologize", "不过您自个儿也脱不了干系。", True),
            ("missing-balance", "vent", "你们这种客户就是事儿多。", True),
            ("missing-balance", "follow_up", "您可真行啊。", True),
            ("missing-balance", "follow_up", "就当花钱买个教训吧。", True),
            ("missing-balance", "vent", "您这记性也真是的。", True),
            ("missing-balance", "gather", "我上哪儿知道去,您自己想想。", True),
            ("sms-failure", "follow_up", "下回别什么事都赖网络。", True),
            ("missing-balance", "apologize", "这个锅我们背,是我们没提醒到位。", False),
            ("missing-balance", "resolve", "这事跟您没关系,是我们系统扣错了。", False),
            ("missing-balance", "vent", "您记性真好,一分一厘都记得清清楚楚。", False),
            ("missing-balance", "resolve", "这1.8元今天之内到账,我把原因给您讲清楚,您一听就明白。", False)])

    def test_an_apology_taken_back_in_other_words(self):
        self.assert_critical([
            ("missing-balance", "apologize", "王先生,对不起?开玩笑。", True),
            ("missing-balance", "apologize", "先生,抱歉?想得美。", True),
            ("missing-balance", "apologize", "要我道歉可以,但错不在我们。", True),
            ("missing-balance", "apologize", "对不起,逗您的。", True),
            ("missing-balance", "apologize", "我给您道歉,虽然这事跟我们一点关系没有。", True),
            ("missing-balance", "apologize", "不好意思哈,不过我可不认为我们做错了啥。", True),
            ("missing-balance", "vent", "您的心情我很理解,才不呢。", True),
            ("missing-balance", "vent", "您的心情我很理解,呵呵,说着玩的。", True),
            ("airline-delay", "apologize", "真的很抱歉?那是客套。", True),
            ("missing-balance", "apologize", "对不起,错不在您,是我们没提醒到位。", False),
            ("missing-balance", "apologize", "真对不起,这不是客套,是我们真没做好。", False)])


if __name__ == "__main__":
    unittest.main()


class BlameAndSarcasmPass53(CoachTestCase):
    """Outside pass 53, findings 01, 02 and 06: rude, blaming and sarcastic sentences in other
    words, an apology or empathy taken back straight after it, and 000's sentences typed as the
    input method's homophones. Beside each, replies with the same words that must still pass."""

    assert_critical = test_grade.assert_critical_replies

    def test_rude_and_blaming_families(self):
        # finding 01 (002 5.6.4: 推卸责任, 讽刺、教育、批评客户; 000: 千万不要对客户产生负面评价)
        self.assert_critical([
            ("missing-balance", "apologize", "不过说句实话,这也怪不到我们头上。", True),
            ("airline-delay", "apologize", "不过罢工这事也赖不到我们身上。", True),
            ("missing-balance", "apologize", "这事您自己也有责任。", True),
            ("missing-balance", "apologize", "您多少也有点责任。", True),
            ("missing-balance", "gather", "您肯定是自己乱订了什么东西。", True),
            ("missing-balance", "resolve", "原因是您手贱点了链接。", True),
            ("missing-balance", "resolve", "您可真是个大聪明。", True),
            ("missing-balance", "vent", "就这点钱您还专门跑一趟,真有闲工夫。", True),
            ("missing-balance", "vent", "为了1.8块跑一趟,您也真够闲的。", True),
            ("sms-failure", "follow_up", "您这样的客户我见多了。", True),
            ("sms-failure", "follow_up", "这种人我们见得多了。", True),
            ("airline-delay", "resolve", "你们这些人真难伺候。", True),
            ("missing-balance", "resolve", "原因嘛,说了您也不懂。", True),
            ("missing-balance", "resolve", "跟您讲了也白搭。", True),
            ("airline-delay", "gather", "这么大的人了,连个航班都看不住。", True),
            ("missing-balance", "follow_up", "哼,随便您怎么说吧。", True),
            ("missing-balance", "follow_up", "您爱怎么想就怎么想。", True),
            ("airline-delay", "follow_up", "这下您该没话说了。", True),
            ("missing-balance", "gather", "您问我?我问谁呢?", True),
            ("missing-balance", "apologize", "You probably messed it up yourself.", True),
            ("missing-balance", "apologize", "您弄擰了。", True),
            # the same words clearing the customer, comforting, warning of a fraud, owning the fault
            ("missing-balance", "apologize", "这事怪不到您头上,是我们没提醒到位。", False),
            ("missing-balance", "apologize", "您自己没有责任,这是我们的问题。", False),
            ("missing-balance", "follow_up", "您也有权利投诉,我把渠道告诉您。", False),
            ("missing-balance", "resolve", "以免您乱点到诈骗链接,我给您设个提醒。", False),
            ("missing-balance", "resolve", "这条款写得连我们都看不懂,是我们没写清楚。", False),
            ("missing-balance", "apologize", "为这点事还让您专门跑一趟,真不好意思。", False),
            ("missing-balance", "resolve", "这种情况我见多了,很好解决,您放心。", False),
            ("missing-balance", "resolve", "随便您怎么安排,我们都配合。", False),
            ("missing-balance", "resolve", "我去问问谁负责这件事,马上回复您。", False),
            ("missing-balance", "follow_up", "我们把这事弄砸了,we messed it up,真对不起。", False),
            ("missing-balance", "apologize", "您没弄反,是我们系统扣错了。", False)])

    def test_an_apology_taken_back_mocks_the_customer(self):
        # finding 02 (002 5.6.4: 缺乏诚意; 000: 充分道歉)
        self.assert_critical([
            ("missing-balance", "apologize", "不好意思?凭什么。", True),
            ("airline-delay", "apologize", "抱歉?凭什么。", True),
            ("sms-failure", "apologize", "要道歉也轮不到我。", True),
            ("missing-balance", "vent", "您的心情我很理解?才怪。", True),
            ("missing-balance", "vent", "要我说您的心情我很理解,那是骗您的。", True),
            ("sms-failure", "vent", "您的心情我很理解,假的。", True),
            ("missing-balance", "vent", "说什么“您的心情我很理解”都是套话,我就不说了。", True),
            ("missing-balance", "apologize", "你要我说对不起是吧?好,对不起,满意了?", True),
            ("missing-balance", "apologize", "对不起行了吧。", True),
            ("missing-balance", "apologize", "我可以道歉,但我不觉得我们有错。", True),
            # empathy with the same words, a fraud warning, an honest 没骗您
            ("missing-balance", "vent", "钱无缘无故少了,换了谁不着急才怪,您的心情我很理解。", False),
            ("missing-balance", "resolve", "那条短信是骗您的,千万别回,我马上帮您退订。", False),
            ("missing-balance", "resolve", "我没骗您,这1.8元今天之内一定到账。", False),
            ("missing-balance", "apologize", "抱歉,凭什么让您白跑一趟,是我们没做好。", False),
            ("missing-balance", "resolve", "客套话我就不多说了,我马上给您办。", False),
            ("missing-balance", "apologize", "我不认为是您的错,是我们没提醒到位。", False),
            ("missing-balance", "follow_up", "对不起,这样处理您满意吗?", False)])

    def test_the_input_method_s_homophones_of_000_s_sentences(self):
        # finding 06: what a pinyin input method offers for 激动, 弄混, 平静, 叫, and the Japanese 応
        self.assert_critical([
            ("missing-balance", "vent", "你别急动。", True),
            ("missing-balance", "vent", "您别激冻。", True),
            ("missing-balance", "vent", "您别鸡冻。", True),
            ("missing-balance", "apologize", "不过你肯定弄浑了。", True),
            ("missing-balance", "apologize", "你肯定弄昏了。", True),
            ("missing-balance", "apologize", "您肯定是搞浑了。", True),
            ("missing-balance", "gather", "您応该自己看短信。", True),
            ("airline-delay", "vent", "你凭静一点。", True),
            ("airline-delay", "vent", "你不要教。", True),
            # words of their own: 急 before a comma, 要教 before what is taught, 弄昏 of someone else
            ("missing-balance", "vent", "您别急,动一动鼠标就能查到。", False),
            ("missing-balance", "resolve", "我要教您怎么查余额,很简单。", False),
            ("missing-balance", "resolve", "这个规定把人都弄昏了,是我们没写清楚。", False)])
