#include "text/char_folder.hpp"

#include <utf8proc.h>

#include <algorithm>

#include "text/look_alikes.hpp"
#include "text/nfkc.hpp"
#include "text/simplified_tables.hpp"
#include "text/traditional_phrases.hpp"
#include "util/utf8.hpp"

namespace coach {

bool drops_whole_category(char32_t cp) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_ZS:  // spaces, including the ideographic space
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:  // controls: tab, newline …
    case UTF8PROC_CATEGORY_CF:  // format characters, all invisible (utf8::is_invisible)
    case UTF8PROC_CATEGORY_MN:  // combining marks: U+0301, U+0332 …
    case UTF8PROC_CATEGORY_ME:  // enclosing marks: U+20DD …
    case UTF8PROC_CATEGORY_CO:  // private use
    case UTF8PROC_CATEGORY_CN:  // unassigned
      return true;
    default:
      return false;
  }
}

namespace {

// Whitespace, controls, and whatever shows nothing: 你弄\uFE0F错了 must still read as 你弄错了.
// Characters are folded one by one, so a combining mark (你弄\u0301错了) or an enclosing one
// (U+20DD) is left over after NFKC has composed what it could (é stays é): Chinese has no
// use for one, and it would hide a phrase. The blank braille pattern draws a space but is no
// space to Unicode, nor are the ideographic half fill space and the object replacement
// character. Private-use and unassigned code points draw as nothing or as a box in the fonts
// a trainer reads reports with: 您弄\uE000错了 would show as 您弄错了.
bool is_dropped(char32_t cp) {
  constexpr char32_t kBlanks[] = {0x2800, 0x303F, 0xFFFC};
  return utf8::is_invisible(cp) ||
         std::find(std::begin(kBlanks), std::end(kBlanks), cp) != std::end(kBlanks) ||
         drops_whole_category(cp);
}

// Punctuation that NFKC leaves alone but that means the same as its ASCII form; quotation
// marks carry nothing for matching.
std::string_view canonical_punctuation(char32_t cp) {
  switch (cp) {
    case U'。':
    case U'｡':
      return ".";
    case U'、':
    case U'…':  // a pause, not three full stops (NFKC would make it ...)
    case U'⋯':
      return ",";
    case U'〜':
    case U'～':
      return "~";
    case U'“':
    case U'”':
    case U'‘':
    case U'’':
    case U'「':
    case U'」':
    case U'『':
    case U'』':
    case U'"':
      return "";
    default:
      return {};
  }
}

// What OpenCC's t2s makes of the folded form of `cp`, if it changes it.
const char* simplified_form(char32_t cp) {
  const auto table = simplified_tables::characters();
  const auto found = std::lower_bound(table.begin(), table.end(), cp,
                                      [](const simplified_tables::CharacterConversion& entry,
                                         char32_t c) { return entry.code_point < c; });
  return found != table.end() && found->code_point == cp ? found->simplified : nullptr;
}

}  // namespace

CharFolder& CharFolder::shared() {
  static CharFolder folder;
  return folder;
}

CharFolder::CharFolder() = default;
CharFolder::~CharFolder() = default;

std::uint32_t& CharFolder::slot(Cache& cache, char32_t cp) {
  if (cp < cache.basic.size()) return cache.basic[cp];
  return cache.other.try_emplace(cp, 0).first->second;
}

std::uint32_t CharFolder::add(Cache& cache, std::string value) {
  cache.values.push_back(std::move(value));
  cache.views.push_back(cache.values.back());
  return static_cast<std::uint32_t>(cache.values.size());
}

CharFolder::Folded CharFolder::fold_marked_first(char32_t cp) {
  const std::uint32_t index = add(cache_, compute(cp, true));
  const bool traditional = cp >= 0x80 && cache_.views.back() != fold_keeping_script(cp);
  slot(cache_, cp) = index | (traditional ? kTraditional : 0) |
                     (cp >= 0x80 && is_changed_in_words(cp) ? kChangedInWords : 0);
  return fold_marked(cp);
}

// The table's words are found in script-kept text, so the character is looked at in that form.
bool CharFolder::is_changed_in_words(char32_t cp) {
  const TraditionalPhrases& words = traditional_phrases();
  const std::string_view kept = fold_keeping_script(cp);
  for (std::size_t at = 0; at < kept.size();) {
    if (words.changes_in_simplified_text(utf8::decode(kept, at))) return true;
  }
  return false;
}

std::string_view CharFolder::fold_keeping_script_first(char32_t cp) {
  slot(script_kept_cache_, cp) = add(script_kept_cache_, compute(cp, false));
  return fold_keeping_script(cp);
}

const TraditionalPhrases& CharFolder::traditional_phrases() {
  if (!traditional_phrases_)
    traditional_phrases_ = std::make_unique<TraditionalPhrases>(simplified_tables::phrases());
  return *traditional_phrases_;
}

std::string CharFolder::compute(char32_t typed, bool change_script) {
  const char32_t cp = look_alikes::latin_for(look_alikes::ideograph_for(typed));
  if (cp == utf8::kInvalid || is_dropped(cp)) return {};
  if (auto punctuation = canonical_punctuation(cp); punctuation.data() != nullptr) {
    return std::string(punctuation);
  }
  std::string folded = nfkc_casefold(cp);
  bool ascii = true;
  for (unsigned char c : folded) ascii = ascii && c < 0x80;
  if (!ascii && change_script) {
    if (const char* simplified = simplified_form(cp)) folded = simplified;
  }
  std::string result;
  for (std::size_t pos = 0; pos < folded.size();) {
    // Again after NFKC: the half-width ｰ is the katakana ー, drawn as 一.
    const char32_t part =
        look_alikes::latin_for(look_alikes::ideograph_for(utf8::decode(folded, pos)));
    if (part == utf8::kInvalid || is_dropped(part)) continue;
    if (auto punctuation = canonical_punctuation(part); punctuation.data() != nullptr) {
      result += punctuation;
    } else {
      utf8::append(result, part);
    }
  }
  return result;
}

}  // namespace coach
