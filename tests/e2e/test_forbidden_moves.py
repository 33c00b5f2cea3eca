"""Outside testers, adv43 (findings 02, 04 and 06) and adv42 (findings 04 and 12): forbidden moves
that went unpunished — a phrase spelled out with commas (你,弄,错,了), blame put as a rhetorical
question or a guess (难道不是你弄错了吗, 您不会是记错了吧), brush-offs (您爱信不信, 去哪投诉都一样),
refusing, arguing and blind promises at a step whose rules do not name them, the airline's own
buck-passing (罢工是机械师的事,我们也不想这样), 000's 你可能不明白 said politely, and adv43 03:
000's sentences written in pinyin, whole or in part (ni nong cuo le, 你bie激动). Each caught
reply sits beside the innocent replies with the same words, which must still pass."""
import unittest

import test_grade
from coachtest import CoachTestCase


class ForbiddenMoves(CoachTestCase):

    assert_critical = test_grade.assert_critical_replies

    def test_a_forbidden_phrase_spelled_out_with_punctuation(self):
        # adv43 02: a comma or 、 after each character, or after the 别 of 你别
        self.assert_critical([
            ("missing-balance", "vent", "你,弄,错,了。", True),
            ("missing-balance", "apologize", "你、弄、错、了。", True),
            ("missing-balance", "gather", "你,应,该,自己注意。", True),
            ("missing-balance", "resolve", "我们是按,规,定,办的。", True),
            ("missing-balance", "vent", "你别,激动。", True),
            ("missing-balance", "vent", "您别,激动。", True),
            # real clause ends, and a pronoun that does not open its clause
            ("missing-balance", "gather", "我理解你,应该先查一下详单。", False),
            ("missing-balance", "vent", "好,好,好,我马上帮您查。", False),
            ("missing-balance", "vent", "您别,您别,这个我来办。", False),
            ("missing-balance", "vent", "您别,着急,我马上帮您查。", False)])

    def test_the_duty_manager_is_a_manager(self):
        # adv42 leftover: 请值班长 was handing the customer over, 请值班经理 was not
        self.assert_critical([
            ("get-me-the-manager", "apologize", "我这就去请值班经理来。", True),
            ("get-me-the-manager", "apologize", "我这就去请值班长来。", True),
            ("get-me-the-manager", "resolve", "让值班经理来处理吧。", True),
            ("get-me-the-manager", "resolve", "您去找值班经理吧。", True),
            ("missing-balance", "vent", "您找值班经理也没用。", True),
            ("get-me-the-manager", "apologize", "这件事我来负责,不用麻烦值班经理。", False)])

    def test_blame_as_a_rhetorical_question_or_a_guess(self):
        # adv43 04
        self.assert_critical([
            ("missing-balance", "vent", "难道不是你弄错了吗?", True),
            ("missing-balance", "vent", "难道您没弄错?", True),
            ("missing-balance", "apologize", "您不会是记错了吧?", True),
            ("missing-balance", "gather", "您该不会自己弄了什么吧?", True),
            ("missing-balance", "gather", "不是我说您,您这也太糊涂了。", True),
            ("missing-balance", "gather", "恕我直言,您这是没事找事。", True),
            ("missing-balance", "gather", "十个来投诉的有九个都是自己弄错的。", True),
            ("missing-balance", "gather", "是不是家里人用您手机订了什么?", True),
            ("missing-balance", "gather", "这个号码是不是您家人在用?", False),
            # a fair question, reassurance, the company's own fault
            ("missing-balance", "gather", "请问您是不是在别的地方也办过业务?", False),
            ("missing-balance", "gather", "您不会弄错的,放心,我帮您查。", False),
            ("missing-balance", "resolve", "难道不是我们弄错了吗?是我们的错,我马上退给您。", False),
            ("missing-balance", "gather", "您不会是担心又扣错了吧?我帮您查清楚。", False),
            ("missing-balance", "resolve", "不是我说您不对,是系统出了问题。", False)])

    def test_brushing_off_or_denying_outright(self):
        # adv43 04
        self.assert_critical([
            ("missing-balance", "vent", "乱扣钱?不可能的。", True),
            ("missing-balance", "vent", "我们的系统出错?不可能。", True),
            ("missing-balance", "vent", "我们会乱扣您的钱吗?不会的。", True),
            ("missing-balance", "gather", "像您这样的客户我见多了。", True),
            ("missing-balance", "resolve", "要我说,我们一点错都没有。", True),
            ("missing-balance", "resolve", "您要是不满意,去哪投诉都一样。", True),
            ("missing-balance", "follow_up", "您爱信不信。", True),
            ("missing-balance", "follow_up", "我已经解释得很清楚了,您还要我怎样?", True),
            ("missing-balance", "resolve", "下次您就别来找我们了,直接打10086。", True),
            # reassurance about what comes next, the customer's innocence
            ("missing-balance", "resolve", "以后还会多扣吗?不可能的,我已经帮您取消了。", False),
            ("missing-balance", "resolve", "您一点错都没有,是我们没通知到位。", False),
            ("missing-balance", "follow_up", "您看还要我怎么做,您尽管说。", False)])

    def test_refusing_arguing_and_promising_at_any_step(self):
        # adv43 06: at steps whose rules do not name refuse, argue or blind_promise
        self.assert_critical([
            ("missing-balance", "apologize", "放心,我保证给您赔一百块。", True),
            ("missing-balance", "gather", "先说好,我们是按规定扣的,钱是退不了的。", True),
            ("missing-balance", "follow_up", "您要去消协我也没办法。", True),
            ("airline-delay", "apologize", "不过罢工我们也没办法,这个我也没办法。", True),
            ("airline-delay", "follow_up", "不过说实话,我们是按规定办的,这次本来是可以不赔的。", True),
            ("sms-failure", "apologize", "我们是按规定办的,这事我也没办法。", True),
            ("sms-failure", "gather", "先说好,话费是退不了的。", True),
            ("sms-failure", "follow_up", "放心,我保证这两天的话费全额退给您。", True),
            # a refund within the clerk's authority, an honest "beyond my authority" with a way on
            ("missing-balance", "resolve", "我保证把多扣的1.8元退给您。", False),
            ("roaming-without-id", "rule",
             "没有身份证号码和密码,我们没办法为您开通,这是为了保护您的账户安全。", False)])

    def test_the_airline_s_own_buck_passing(self):
        # adv42 04: the scenario's counter-example, whatever follows 是机械师的事
        self.assert_critical([
            ("airline-delay", "vent", "罢工是机械师的事,我们也不想这样。", True),
            ("airline-delay", "apologize", "不过罢工是机械师的事,我们也不想这样。", True),
            ("airline-delay", "apologize", "座位是地勤安排的。", True),
            # a condition, a concession, a question, the company owning it
            ("airline-delay", "apologize", "如果是地勤的事,我来协调。", False),
            ("airline-delay", "apologize", "不管是不是机械师的事,我们都负责到底。", False),
            ("airline-delay", "gather", "请问当时是地勤安排的吗?", False)])

    def test_you_may_not_understand_said_politely(self):
        # adv42 12: 000's 你可能不明白
        self.assert_critical([
            ("missing-balance", "resolve", "您可能不太清楚,我给您解释一下。", True),
            ("missing-balance", "resolve", "您可能不了解。", True),
            ("missing-balance", "resolve", "您恐怕不太理解,我再说一遍。", True),
            # an introduction of a service, and telling what the customer could not know
            ("missing-balance", "resolve", "您可能不太清楚这项业务,我给您介绍一下。", False),
            ("missing-balance", "resolve", "您可能不知道,这个业务是自动扣费的,我马上给您取消。", False)])

    def test_000_s_sentences_written_in_pinyin(self):
        # adv43 03: each syllable its character or its pinyin, with or without spaces, capitals
        # or full-width letters. Tone marks are not read: listing every toned vowel left the
        # patterns without words to wait for, and they ran on every reply (a fifth more time).
        self.assert_critical([
            ("missing-balance", "vent", "ni nong cuo le。", True),
            ("missing-balance", "vent", "ninongcuole", True),
            ("missing-balance", "apologize", "你nong错了。", True),
            ("missing-balance", "vent", "你bie激动。", True),
            ("missing-balance", "gather", "你yinggai自己注意。", True),
            ("missing-balance", "gather", "您ｙｉｎｇｇａｉ自己注意", True),
            ("missing-balance", "vent", "NI NONG CUO LE!", True),
            ("missing-balance", "vent", "Nin Bie Jidong!", True),
            ("missing-balance", "vent", "wo juede ni nong cuo le ba", True),
            ("missing-balance", "resolve", "ni ke neng bu ming bai。", True),
            ("missing-balance", "resolve", "你肯定nong混了。", True),
            ("missing-balance", "resolve", "zhe bu ke neng de。", True),
            ("missing-balance", "vent", "ni bu yao jiao。", True),
            ("missing-balance", "vent", "您ping静一点。", True),
            ("missing-balance", "resolve", "women bu hui luan kou qian。", True),
            ("missing-balance", "resolve", "我们cong没多扣过。", True),
            ("missing-balance", "resolve", "women bu ke neng nong cuo。", True),
            # English words holding the syllables, names, an English sentence, and honest
            # replies with a syllable left unconverted
            ("missing-balance", "resolve", "Our online unit will refund it; nine days at most.", False),
            ("missing-balance", "resolve", "Bienvenue! Nina 会帮您查详单。", False),
            ("missing-balance", "resolve", "我们的 mini 应该会在今天到账。", False),
            ("missing-balance", "resolve", "The women 不会 be charged again.", False),
            ("missing-balance", "resolve", "I am really sorry, we made a mistake and will refund you today.", False),
            ("missing-balance", "resolve", "您yinggai会收到一条退款短信。", False),
            ("missing-balance", "follow_up", "我们不hui再让这种事发生了。", False)])


if __name__ == "__main__":
    unittest.main()
