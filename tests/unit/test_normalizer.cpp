#include <doctest/doctest.h>

#include <algorithm>
#include <string_view>

#include "text/clauses.hpp"
#include "text/miswritings.hpp"
#include "text/normalizer.hpp"
#include "text/simplified_tables.hpp"
#include "util/utf8.hpp"

using namespace coach;

TEST_CASE("normalisation folds width, case, script and whitespace") {
  const std::string phrase = normalize_phrase("给您添麻烦了");
  CHECK(normalize_phrase("給您添麻煩了") == phrase);
  CHECK(normalize_phrase("给 您 添 麻 烦 了") == phrase);
  CHECK(normalize_phrase("给您添麻烦了！").starts_with(phrase));
  CHECK(normalize_phrase("ＯＫ") == "ok");
  CHECK(normalize_phrase("OK") == "ok");
  CHECK(normalize_phrase("您\u3000好先生") == "您好先生");
  CHECK(normalize_phrase("对不起。") == "对不起.");
  CHECK(normalize_phrase("“好”、") == "好,");
  CHECK(normalize_phrase("是这样的……孩子") == "是这样的,,孩子");  // a pause, not full stops
  CHECK(normalize_phrase("a\u200bb") == "ab");
}

TEST_CASE("a space or a line break between sentences reads as a comma") {
  // Typed without punctuation the sentences used to run into one clause: a run-on read as
  // keyword stuffing, questions lost, a negation reaching into the next sentence.
  CHECK(normalize_phrase("吴女士 说实话 要是我碰上这些也会一肚子火 实在抱歉") ==
        "吴女士,说实话,要是我碰上这些也会一肚子火,实在抱歉");
  CHECK(normalize_phrase("您好\u3000先生") == "您好,先生");
  CHECK(normalize_phrase("您好\n我是客服小王") == "您好,我是客服小王");
  CHECK(normalize_phrase("您好。\n我是") == "您好.我是");  // punctuated already
  CHECK(normalize_phrase("給您 添麻煩了 真對不起") == "给您,添麻烦了,真对不起");  // traditional too
  // Spacing is not a pause: between single characters, beside Latin letters or digits.
  CHECK(normalize_phrase("给 您 添 麻 烦 了") == "给您添麻烦了");
  CHECK(normalize_phrase("工号 1520 您好") == "工号1520您好");
  CHECK(normalize_phrase("thank you") == "thankyou");
  // Nor in a reply that is punctuated, or cut into words with spaces.
  CHECK(normalize_phrase("刘女士,您一个人扛着 一家子的事") == "刘女士,您一个人扛着一家子的事");
  CHECK(normalize_phrase("真 抱歉 给 您 添 麻烦 了") == "真抱歉给您添麻烦了");
  CHECK(normalize_phrase("核验 机主 身份 是 为了 保护 您") == "核验机主身份是为了保护您");
  // One word of one character is a sentence of its own, not a sign of a reply cut into words.
  CHECK(normalize_phrase("好 王先生 这事交给我查") == "好,王先生,这事交给我查");
  // A ? between sentences is no comma: the spaces still pause.
  CHECK(normalize_phrase("请问是李女士吗?我是营业厅的张丽 您反映的问题处理好了") ==
        "请问是李女士吗?我是营业厅的张丽,您反映的问题处理好了");
  const NormalizedText reply = normalize("您好 先生");
  CHECK(reply.original_text({6, 7}) == " ");  // the comma maps back to the space typed
}

TEST_CASE("a second reading joins what pauses inside a sentence part, for forbidding rules") {
  const auto through = [](std::string_view reply) {
    const NormalizedText text = normalize(reply);
    return text.read_through ? text.read_through->text : std::string("(none)");
  };
  // Hesitation marks between two words.
  CHECK(through("您……弄错了") == "您弄错了");
  CHECK(through("您——弄错了") == "您弄错了");
  CHECK(through("您别~激动") == "您别激动");
  CHECK(through("您...弄错了") == "您弄错了");
  CHECK(through("您 ……弄错了。") == "您弄错了.");
  CHECK(through("您😅弄错了") == "您弄错了");
  // The topic pause after a bare pronoun, and its particle.
  CHECK(through("不过您呀,肯定是弄混了") == "不过您肯定是弄混了");
  CHECK(through("您，弄错了") == "您弄错了");
  CHECK(through("您啊就是记错了") == "您就是记错了");
  CHECK(through("你们呢,应该先看看合同") == "你们应该先看看合同");
  // A space read as a comma.
  CHECK(through("您肯定 弄混了") == "您肯定弄混了");
  // A phrase spelled out one character at a time, each followed by the same separator (an
  // outside tester's 你,弄,错,了), and a prohibition cut off from its verb (你别,激动).
  CHECK(through("你,弄,错,了") == "你弄错了");
  CHECK(through("你、弄、错、了。") == "你弄错了.");
  CHECK(through("我们是按,规,定,办的") == "我们是按规定办的");
  CHECK(through("你,应,该,自己注意") == "你应该自己注意");
  CHECK(through("你.弄.错.了") == "你弄错了");
  CHECK(through("你别,激动") == "你别激动");
  CHECK(through("你們別，激動") == "你们别激动");
  // Real clause ends stay: two characters before a comma, separators that differ, a run too
  // short to be a spelling, 别 that does not follow a pronoun opening its clause.
  CHECK(through("我理解你,应该先查一下") == "(none)");
  CHECK(through("你,弄错了") == "你弄错了");  // the topic pause after a bare pronoun, as before
  CHECK(through("好的,弄,错了") == "(none)");
  CHECK(through("你,弄、错,了") == "你弄,错,了");  // only the topic pause after 你
  CHECK(through("特别,激动人心") == "(none)");
  CHECK(through("1,2,3,4") == "(none)");
  // Nothing to read through: punctuation that shapes the sentence, a pronoun that does not open
  // its clause, a particle that asks, marks between digits.
  CHECK(through("您好,请问有什么可以帮您?") == "(none)");
  CHECK(through("谢谢您啊,我们马上处理") == "(none)");
  CHECK(through("您呢?") == "(none)");
  CHECK(through("2-3天到账,A-3窗口") == "(none)");
  CHECK(through("好的。您说") == "(none)");
  // A pause after a pronoun that ends its clause ends the clause: 您 is an object there, and
  // what follows is not said to it (an outside tester's 退给您……应该今天到账 read as 您应该).
  CHECK(through("把钱退给您……应该今天之内到账") == "(none)");
  CHECK(through("短信通知您——应该24小时内处理好") == "(none)");
  CHECK(through("钱退给您 应该今天到账 请放心") == "钱退给您,应该今天到账请放心");
  // The reply's own reading keeps the pauses, and knows where the second one joins.
  const NormalizedText reply = normalize("您……弄错了");
  CHECK(reply.text == "您,,弄错了");
  CHECK(reply.joins_pause({0, reply.original.size()}));
  CHECK_FALSE(reply.joins_pause({0, 3}));
  CHECK(reply.from_original({0, reply.original.size()}) == TextSpan{0, reply.text.size()});
}

TEST_CASE("characters that show nothing cannot hide a phrase") {
  // Variation selector, tag, Hangul fillers, combining grapheme joiner, musical formatting.
  for (const char* hidden : {"\uFE0F", "\U000E0041", "\u3164", "\u115F", "\uFFA0", "\u034F",
                             "\U0001D173", "\U000E0100"}) {
    CAPTURE(hidden);
    CHECK(normalize_phrase(std::string("你弄") + hidden + "错了") == normalize_phrase("你弄错了"));
  }
  // Combining and enclosing marks with nothing to compose with, the blank braille pattern.
  for (const char* shown_as_nothing : {"\u0301", "\u0332", "\u20DD", "\u0301\u0332", "\u2800"}) {
    CAPTURE(shown_as_nothing);
    CHECK(normalize_phrase(std::string("你弄") + shown_as_nothing + "错了") ==
          normalize_phrase("你弄错了"));
  }
}

TEST_CASE("characters drawn as an ideograph read as that ideograph") {
  // Each of these hid a forbidden phrase while the report showed it intact.
  CHECK(normalize_phrase("您平静\u31D0点") == "您平静一点");  // CJK stroke H
  CHECK(normalize_phrase("您平静ー点") == "您平静一点");      // katakana prolonged sound mark
  CHECK(normalize_phrase("别的部\u2ED4的事") == normalize_phrase("别的部门的事"));  // radical
  CHECK(normalize_phrase("我\u2EE2上叫经理") == "我马上叫经理");
  CHECK(normalize_phrase("\u2ED1") == "长");  // a radical of a traditional form, simplified
  CHECK(normalize_phrase("冷静\u3127点") == "冷静一点");  // bopomofo ㄧ
  CHECK(normalize_phrase("冷静\uFF70点") == "冷静一点");  // half-width katakana ｰ
  CHECK(normalize_phrase("妳肯定記錯了") == "你肯定记错了");
}

TEST_CASE("private-use, unassigned and blank-drawn characters are dropped") {
  CHECK(normalize_phrase("您弄\uE000错了") == "您弄错了");
  CHECK(normalize_phrase("您弄\u0378错了") == "您弄错了");
  CHECK(normalize_phrase("您弄\u303F错了") == "您弄错了");
  CHECK(normalize_phrase("您弄\uFFFC错了") == "您弄错了");
  CHECK(normalize_phrase("您弄\U000F0000错了") == "您弄错了");
}

TEST_CASE("a letter composed with its accent keeps it") {
  CHECK(normalize_phrase("café") == "café");
  CHECK(normalize_phrase("Ｃａｆé") == "café");
}

TEST_CASE("traditional replies match simplified phrases") {
  CHECK(normalize_phrase("對不起,讓您久等了") == normalize_phrase("对不起,让您久等了"));
  CHECK(normalize_phrase("您的心情我很理解") == normalize_phrase("您的心情我很理解"));
  CHECK(normalize_phrase("謝謝您的耐心") == "谢谢您的耐心");
}

TEST_CASE("normalised spans map back to what the trainee typed") {
  const NormalizedText text = normalize("您好 ， 對不起！");
  const auto at = text.text.find("对不起");
  REQUIRE(at != std::string::npos);
  CHECK(text.original_text({at, at + std::string("对不起").size()}) == "對不起");
}

TEST_CASE("invalid UTF-8 in a reply does not break normalisation") {
  const std::string broken = std::string("好") + "\xff" + "的";
  CHECK(normalize_phrase(broken) == "好的");
}

TEST_CASE("clauses split at punctuation, but not inside numbers") {
  const std::string text = normalize_phrase("少了1.8元,为什么?我不知道.");
  const auto clauses = split_clauses(text);
  REQUIRE(clauses.size() == 3);
  CHECK(text.substr(clauses[0].span.begin, clauses[0].span.end - clauses[0].span.begin) ==
        "少了1.8元");
  CHECK(clauses[1].terminator == '?');
  CHECK(clauses[2].terminator == '.');
}

#include "util/display_width.hpp"

TEST_CASE("display width counts CJK as two columns") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("您好") == 4);
  CHECK(display_width("\x1b[1m") == 0);
}

TEST_CASE("wrapping by display width keeps indentation and whole Latin words") {
  CHECK(wrap_text("一二三四五六七八九十", 10) == "一二三四五\n  六七八九\n  十");
  CHECK(wrap_text("    一二三四五六", 10, 0) == "    一二三\n    四五六");
  CHECK(wrap_text("hello world again", 12, 0) == "hello world \nagain");
  CHECK(wrap_text("\x1b[1m一二三\x1b[0m", 4, 0) == "\x1b[1m一二\n三\x1b[0m");
  CHECK(wrap_text("a\nb", 0) == "a\nb");
}

TEST_CASE("closing punctuation never begins a wrapped line") {
  CHECK(wrap_text("一二三四,五", 8, 0) == "一二三\n四,五");
}

TEST_CASE("traditional words convert as a whole, and keep their place in the reply") {
  CHECK(normalize_phrase("乾乾淨淨") == "干干净净");
  CHECK(normalize_phrase("我不瞭解您的意思") == "我不了解您的意思");
  const NormalizedText text = normalize("請您別找藉口！");
  const auto at = text.text.find("借口");
  REQUIRE(at != std::string::npos);
  CHECK(text.original_text({at, at + std::string("借口").size()}) == "藉口");
  CHECK(normalize_phrase("瞭望台") == "瞭望台");  // 瞭 is 了 only in such words
  CHECK(normalize_phrase("請您等著") == "请您等着");
}

TEST_CASE("a traditional word written in characters simplified Chinese also uses is converted") {
  // No single character here is traditional, so only the word tells: 不瞭解 is 不了解, and a
  // forbidden 你根本不了解 must not pass for being written 你根本不瞭解.
  CHECK(normalize_phrase("你根本不瞭解") == "你根本不了解");
  CHECK(normalize_phrase("别找藉口") == "别找借口");
  CHECK(normalize_phrase("替您著急") == "替您着急");
  CHECK(normalize_phrase("一直支援") == "一直支援");  // a word, not a spelling: left alone
}

TEST_CASE("simplified words are not converted across a word boundary") {
  // 覆 is simplified too (覆盖): read from the left, 显示覆盖 holds 示覆, 说明覆盖 明覆.
  CHECK(normalize_phrase("地图上显示覆盖范围") == "地图上显示覆盖范围");
  CHECK(normalize_phrase("我给您说明覆盖范围,您不瞭解") == "我给您说明覆盖范围,您不了解");
  CHECK(normalize_phrase("回覆您") == "回覆您");  // in simplified text 覆 stays as typed
  CHECK(normalize_phrase("回覆您,請稍候") == "回复您,请稍候");  // in traditional text not
}

TEST_CASE("a character reads the same whatever script the rest of the word is in") {
  // 著 is 着 (著急) except in the words that keep it, spelt either way: a forbidden 效果显著
  // is caught in 效果顯著 and 效果显著 alike.
  CHECK(normalize_phrase("我保证效果顯著") == "我保证效果显著");
  CHECK(normalize_phrase("我保证效果显著") == "我保证效果显著");
  CHECK(normalize_phrase("他很著名") == "他很著名");
  CHECK(normalize_phrase("著稱") == normalize_phrase("著称"));
}

TEST_CASE("simplified characters in a reply with traditional ones stay as they were typed") {
  CHECK(normalize_phrase("請问您遇到了什么问题") == "请问您遇到了什么问题");
  CHECK(normalize_phrase("請您抬頭") == "请您抬头");
  CHECK(normalize_phrase("請您抬頭,怎么可能") == "请您抬头,怎么可能");
}

TEST_CASE("only the script changes, never the vocabulary") {
  // OpenCC's Taiwan vocabulary table (tw2sp) would make 查詢 查找 and 文件 文档.
  CHECK(normalize_phrase("已經查詢過了") == "已经查询过了");
  CHECK(normalize_phrase("請提供文件") == "请提供文件");
  CHECK(normalize_phrase("簡訊發不出去") == "简讯发不出去");
  CHECK(normalize_phrase("網路有問題") == "网路有问题");
}

TEST_CASE("the tables computed from OpenCC at build time are whole and in order") {
  using namespace simplified_tables;
  const auto characters = simplified_tables::characters();
  // Looked up by binary search: sorted by code point, each once.
  CHECK(std::adjacent_find(characters.begin(), characters.end(), [](const auto& a, const auto& b) {
          return a.code_point >= b.code_point;
        }) == characters.end());
  // Thousands of traditional characters, from the Basic Multilingual Plane and beyond it.
  CHECK(characters.size() > 3000);
  const auto simplified = [&](char32_t cp) -> std::string_view {
    const auto found = std::find_if(characters.begin(), characters.end(),
                                    [&](const auto& entry) { return entry.code_point == cp; });
    return found == characters.end() ? "" : found->simplified;
  };
  CHECK(simplified(U'簡') == "简");
  CHECK(simplified(U'後') == "后");
  CHECK(simplified(U'简') == "");  // simplified already: not listed
  const auto phrases = simplified_tables::phrases();
  const auto converted = [&](std::string_view word) -> std::string_view {
    const auto found = std::find_if(phrases.begin(), phrases.end(), [&](const auto& phrase) {
      return std::string_view(phrase.traditional) == word;
    });
    return found == phrases.end() ? "" : found->simplified;
  };
  CHECK(converted("瞭解") == "了解");
  CHECK(converted("瞭望") == "瞭望");
  CHECK(converted("著") == "着");
  CHECK(converted("著名") == "著名");
  CHECK(converted("显著") == "显著");  // the simplified spelling of a word that keeps 著
  CHECK(converted("么") == "");        // a simplified character: never a word to convert
  CHECK(converted("簡訊") == "");      // vocabulary, not script
  const auto in_simplified_text = [&](std::string_view word) {
    return std::any_of(phrases.begin(), phrases.end(), [&](const auto& phrase) {
      return std::string_view(phrase.traditional) == word && phrase.in_simplified_text;
    });
  };
  CHECK(in_simplified_text("不瞭解"));
  CHECK_FALSE(in_simplified_text("示覆"));
}

TEST_CASE("after a slip, a character the slips' table does not name is read as any other is") {
  // A pattern's check tries only characters_deciding_slips after a slip; trying every Chinese
  // character took 4 ms a pattern refused. The last of them stands for all the others.
  const std::u32string_view deciding = characters_deciding_slips();
  const auto mended = [](std::string_view typed, char32_t next) {
    std::string text(typed);
    utf8::append(text, next);
    text += "x";
    mend_miswritten_words(text);
    return text.substr(0, typed.size());
  };
  std::size_t differing = 0;
  for (const std::string_view typed : {"自已", "自巳", "自个", "您因该", "弄措", "自已经", "别急动", "别鸡冻",
                                       "别激冻", "你弄浑", "您弄昏", "你搞浑", "你凭静", "要教", "您応"}) {
    const std::string as_other = mended(typed, deciding.back());
    for (char32_t c = 0x4E00; c <= 0x9FFF; ++c) {
      if (deciding.find(c) == std::u32string_view::npos && mended(typed, c) != as_other)
        ++differing;
    }
  }
  CHECK(differing == 0);
  CHECK(mended("自个", U'儿') == "自个");  // named: kept
  CHECK(mended("自个", deciding.back()) == "自己");
}

TEST_CASE("letters drawn as Latin ones and miswritten characters read as what they show") {
  // Outside pass 30, finding 03.
  CHECK(normalize("cаlm dοwn, ѕhut up, Уоu").text == normalize("calm down, shut up, you").text);
  CHECK(normalize("伱弄错了").text == "你弄错了");
  CHECK(normalize("是您自已没注意").text == "是您自己没注意");
  CHECK(normalize("自已经核实之日起").text == "自已经核实之日起");
  // Outside pass 31, findings 04 to 06: the other slips, and 自已 before a word in 经.
  CHECK(normalize("是您自巳没注意").text == "是您自己没注意");
  CHECK(normalize("是您自已经常忘了").text == "是您自己经常忘了");
  CHECK(normalize("您因该先看看").text == "您应该先看看");
  CHECK(normalize("因该项业务未开通").text == "因该项业务未开通");
  CHECK(normalize("您肯定弄措了").text == "您肯定弄错了");
  CHECK(normalize("这是我们的举措").text == "这是我们的举措");
  CHECK(normalize("已经").text == "已经");
  CHECK(normalize("是您自个没注意").text == "是您自己没注意");
  CHECK(normalize("您自个儿没注意").text == "您自个儿没注意");
  // Review of session 18: words of their own.
  CHECK(normalize("对于您因该故障受到的影响").text == "对于您因该故障受到的影响");
  CHECK(normalize("您因该笔扣费产生的损失").text == "您因该笔扣费产生的损失");
  CHECK(normalize("您看措施这样安排行吗").text == "您看措施这样安排行吗");
  CHECK(normalize("来自个人账户").text == "来自个人账户");
  // Outside pass 53, finding 06: what a pinyin input method offers for 000's sentences, and the
  // Japanese 応; the same characters in words of their own stay.
  CHECK(normalize("你别急动").text == "你别激动");
  CHECK(normalize("您别鸡冻").text == "您别激动");
  CHECK(normalize("您别激冻").text == "您别激动");
  CHECK(normalize("你肯定弄浑了").text == "你肯定弄混了");
  CHECK(normalize("你肯定弄昏了").text == "你肯定弄混了");
  CHECK(normalize("您是搞浑了").text == "您是搞混了");
  CHECK(normalize("你凭静一点").text == "你平静一点");
  CHECK(normalize("你不要教。").text == "你不要叫.");
  CHECK(normalize("您応该自己看短信").text == "您应该自己看短信");
  CHECK(normalize("您别急,动一动鼠标").text == "您别急,动一动鼠标");
  CHECK(normalize("把水弄浑了").text == "把水弄浑了");
  CHECK(normalize("把人弄昏了").text == "把人弄昏了");
  CHECK(normalize("我要教您怎么查").text == "我要教您怎么查");
  CHECK(normalize("海鲜急冻").text == "海鲜急冻");
  const NormalizedText mended = normalize("您自已看");
  CHECK(mended.text.size() == std::string("您自己看").size());
  CHECK(mended.original == "您自已看");
}
