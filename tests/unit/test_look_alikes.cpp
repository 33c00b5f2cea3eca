#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "text/look_alikes.hpp"
#include "text/normalizer.hpp"
#include "util/utf8.hpp"

using namespace coach;

namespace {

// Each letter an outside tester found read as itself (outside pass 31), and what it is drawn as.
struct Letters {
  std::string_view drawn;
  std::string_view latin;
};
constexpr Letters kDrawnAsLatin[] = {
    // Cherokee, and its small letters (which NFKC casefolds to the capitals).
    {"ᏟᏞᎷᎻᏚᏢᏦᏴᏀᏳᏙᏔᏃᎽᎥᏏᏂ", "clmhspkbggvwzyibh"},
    {"ꮯꮮꮇꮋꮪꮲꮶᏼꮐᏻꮩꮤꮓꮍꭵꮟꮒ", "clmhspkbggvwzyibh"},
    // Greek lunate sigma, Armenian, Lisu, Latin small capitals, IPA, Coptic.
    {"ϲϹ", "cc"},
    {"ՏԼցքա", "slgfw"},
    {"ꓚꓮꓡꓟꓓꓳꓪꓠꓐꓑꓒꓔꓖꓗꓙꓜꓢꓣꓦꓧꓫꓬꓰꓴ", "calmdownbpdtgkjzsrvhxyeu"},
    {"ᴄᴀʟᴍᴅᴏᴡɴʜᴛᴜ", "calmdownhtu"},
    {"ɑɡıɩʋ", "agiiu"},
    {"ⲥⲟ", "co"},
};

}  // namespace

TEST_CASE("letters of other scripts drawn as Latin ones read as those letters") {
  for (const auto& [drawn, latin] : kDrawnAsLatin) {
    std::size_t count = 0;
    for (std::size_t at = 0; at < drawn.size(); ++count) {
      std::string letter;
      utf8::append(letter, utf8::decode(drawn, at));
      INFO(letter);
      REQUIRE(count < latin.size());
      CHECK(normalize(letter).text == latin.substr(count, 1));
    }
    CHECK(count == latin.size());
  }
}

TEST_CASE("English blame spelt with look-alikes reads as English") {
  const std::string calm_down = normalize("calm down").text;
  CHECK(normalize("ϹALM DOWN").text == calm_down);
  CHECK(normalize("ᏟᎪᏞᎷ ᎠOᏔN").text == calm_down);
  CHECK(normalize("ꓚꓮꓡꓟ ꓓꓳꓪꓠ").text == calm_down);
  CHECK(normalize("ᴄᴀʟᴍ ᴅᴏᴡɴ").text == calm_down);
  CHECK(normalize("ⲥalm dⲟwn").text == calm_down);
  CHECK(normalize("ɩt's yⲟur ⲟwn fɑult").text == normalize("it's your own fault").text);
  CHECK(normalize("ՏHUT UP").text == normalize("shut up").text);
  CHECK(normalize("ѕʜᴜᴛ ᴜᴘ").text == normalize("shut up").text);
}

TEST_CASE("a stroke reads as I when it is a capital, as l when it is not") {
  CHECK(normalize("Ι").text == "i");  // Greek capital iota
  CHECK(normalize("Ӏ").text == "i");  // Cyrillic capital palochka
  CHECK(normalize("ӏ").text == "l");  // Cyrillic small palochka, drawn as its capital
  CHECK(normalize("ӀT'S YOUR FAULT").text == normalize("it's your fault").text);
  CHECK(normalize("caӏm").text == "calm");
}

TEST_CASE("letters with diacritics, σ and the ideographs' look-alikes keep their reading") {
  // What the normaliser made of them before the table came from Unicode's confusables.
  CHECK(normalize("é").text == "é");
  CHECK(normalize("ñ").text == "ñ");
  CHECK(normalize("ü").text == "ü");
  CHECK(normalize("É").text == "é");
  CHECK(normalize("Ñandú").text == "ñandú");
  CHECK(normalize("über").text == "über");
  CHECK(normalize("丨").text == "丨");
  CHECK(normalize("一").text == "一");
  CHECK(normalize("ー").text == "一");
  CHECK(normalize("ｰ").text == "一");
  // NFKC decides where it makes a letter ASCII: the long s is s, full-width Ｉ is i.
  CHECK(normalize("ſ").text == "s");
  CHECK(normalize("Ｉ").text == "i");
  // Unicode reads Greek σ as o, but it has a tail; final ς and capital Σ fold to it.
  CHECK(normalize("Σσς").text == "σσσ");
  for (const char32_t letter : {U'é', U'ñ', U'ü', U'ł', U'ɨ', U'đ', U'ø'}) {
    CHECK(look_alikes::latin_for(letter) == letter);
  }
}

TEST_CASE("the Latin look-alikes are letters of other scripts, read as a small ASCII letter") {
  // The table's order is checked where it is generated (a static_assert); these look up
  // entries from its first to its last, which a table out of order would miss.
  CHECK(look_alikes::latin_for(U'ı') == U'i');           // U+0131
  CHECK(look_alikes::latin_for(U'а') == U'a');           // U+0430
  CHECK(look_alikes::latin_for(U'ꓮ') == U'a');           // U+A4EE
  CHECK(look_alikes::latin_for(U'\U0001EE84') == U'o');  // ARABIC MATHEMATICAL LOOPED HEH
  std::size_t mapped = 0;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    const char32_t latin = look_alikes::latin_for(cp);
    if (latin == cp) continue;
    ++mapped;
    INFO(static_cast<unsigned>(cp));
    CHECK(cp >= 0x80);
    CHECK(latin >= U'a');
    CHECK(latin <= U'z');
    const bool han = (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0x31C0 && cp <= 0x31EF) ||
                     (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
                     (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
    // Kana, bopomofo and CJK symbols; the full-width and half-width forms, which NFKC reads.
    const bool kana_or_bopomofo =
        (cp >= 0x3000 && cp <= 0x31BF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
        (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x1B000 && cp <= 0x1B16F);
    const bool hangul = (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xAC00 && cp <= 0xD7FF);
    CHECK_FALSE(han);
    CHECK_FALSE(kana_or_bopomofo);
    CHECK_FALSE(hangul);
  }
  CHECK(mapped > 300);
}
