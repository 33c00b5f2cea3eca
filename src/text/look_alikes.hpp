#pragma once
// Characters drawn like a CJK ideograph but encoded apart from it, which NFKC leaves alone: the
// CJK Radicals Supplement (⻔ for 门), the CJK Strokes (㇐ for 一), katakana and bopomofo that
// look like hanzi (ー and ㄧ for 一, ロ for 口); and Taiwan's 妳 and 祢 and the old 伱, which are
// 你. Typed into a reply they would hide a phrase from every rule while the report shows it intact,
// so the normaliser reads each as its ideograph. Computed when coach is built
// (make_look_alikes.cpp) from Unicode's EquivalentUnifiedIdeograph.txt.
#include <span>

namespace coach::look_alikes {

struct LookAlike {
  char32_t code_point;
  char32_t ideograph;
};

// Sorted by code point.
std::span<const LookAlike> table();

// The ideograph `cp` is drawn as, or `cp` itself.
char32_t ideograph_for(char32_t cp);

// Letters of other scripts drawn as a Latin letter (Cyrillic а, Greek ο, Cherokee Ꮯ, Lisu ꓚ,
// Armenian Տ, Coptic ⲥ), and the Latin small capitals and IPA letters (ᴄ, ʟ, ɑ, ı): one among
// Latin letters (cаlm dοwn, ᴄᴀʟᴍ ᴅᴏᴡɴ) would hide an English phrase from every rule while the
// report shows it intact. The Latin letter (lowercase) they are drawn as, or `cp` itself.
// Computed when coach is built (make_latin_look_alikes.cpp, which alone links ICU) from
// Unicode's confusables data (UTS #39) as ICU's spoof checker implements it: a letter whose
// skeleton is an ASCII letter's reads as that letter (a capital drawn as I as i, any other as
// l), one whose skeleton is a Latin small capital's as its letter; not the letters of Chinese,
// Japanese or Korean, nor any that NFKC already makes ASCII (Ａ, ſ), nor letters with a
// diacritic (é stays é). Where fonts and Unicode's data part, fonts win: Cyrillic ӏ reads as l
// and Armenian Լ as l, while Greek σ, which has a tail, stays σ. Whole words in those scripts
// are read the same way: no rule looks for them.
char32_t latin_for(char32_t cp);

}  // namespace coach::look_alikes
