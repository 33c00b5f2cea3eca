#include <doctest/doctest.h>

#include <algorithm>
#include <string_view>

#include "text/clauses.hpp"
#include "text/normalizer.hpp"
#include "text/simplified_tables.hpp"

using namespace coach;

TEST_CASE("normalisation folds width, case, script and whitespace") {
  const std::string phrase = normalize_phrase("给您添麻烦了");
  CHECK(normalize_phrase("給您添麻煩了") == phrase);
  CHECK(normalize_phrase("给 您 添 麻 烦 了") == phrase);
  CHECK(normalize_phrase("给您添麻烦了！").starts_with(phrase));
  CHECK(normalize_phrase("ＯＫ") == "ok");
  CHECK(normalize_phrase("OK") == "ok");
  CHECK(normalize_phrase("您好\u3000先生") == "您好先生");
  CHECK(normalize_phrase("对不起。") == "对不起.");
  CHECK(normalize_phrase("“好”、") == "好,");
  CHECK(normalize_phrase("a\u200bb") == "ab");
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

TEST_CASE("traditional text takes mainland vocabulary, phrase by phrase") {
  CHECK(normalize_phrase("簡訊發不出去") == "短信发不出去");
  CHECK(normalize_phrase("網路有問題") == "网络有问题");
  const NormalizedText text = normalize("您的簡訊！");
  const auto at = text.text.find("短信");
  REQUIRE(at != std::string::npos);
  CHECK(text.original_text({at, at + std::string("短信").size()}) == "簡訊");
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
  const auto phrases = simplified_tables::taiwan_phrases();
  CHECK(std::any_of(phrases.begin(), phrases.end(), [](const auto& phrase) {
    return std::string_view(phrase.traditional) == "簡訊" &&
           std::string_view(phrase.simplified) == "短信";
  }));
}
