#include "text/read_through.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "text/pauses.hpp"
#include "util/thread_scratch.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

struct Character {
  char32_t code_point;
  std::size_t begin;
};

utf8proc_category_t category_of(char32_t cp) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp));
}

// Letters and digits of any script.
bool is_word(char32_t cp) {
  if (utf8::is_common_ideograph(cp)) return true;  // most replies are these: skip the look-up
  const auto category = category_of(cp);
  return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_NO &&
         category != UTF8PROC_CATEGORY_MN && category != UTF8PROC_CATEGORY_ME;
}

// Where a hesitation may be read through: between two words of a sentence, not in 2-3 天 or
// A-3, where a mark between ASCII letters and digits means something.
bool joins_words(char32_t cp) {
  return cp >= 0x80 && is_word(cp);
}

// Punctuation that shapes a sentence: it ends one, separates clauses or marks a quotation.
bool is_structural(char32_t cp) {
  switch (cp) {
    case U',':
    case U'.':
    case U'!':
    case U'?':
    case U';':
    case U':':
    case U'"':
    case U'\'':
    case U'(':
    case U')':
    case U'[':
    case U']':
    case U'{':
    case U'}':
    case U'<':
    case U'>':
    case U'，':
    case U'。':
    case U'！':
    case U'？':
    case U'；':
    case U'：':
    case U'、':
    case U'（':
    case U'）':
    case U'【':
    case U'】':
    case U'《':
    case U'》':
    case U'〈':
    case U'〉':
    case U'「':
    case U'」':
    case U'『':
    case U'』':
    case U'“':
    case U'”':
    case U'‘':
    case U'’':
    case U'｛':
    case U'｝':
    case U'［':
    case U'］':
    case U'｡':
    case U'．':
      return true;
    default:
      return false;
  }
}

bool is_dot(char32_t cp) {
  return cp == U'.' || cp == U'。' || cp == U'．' || cp == U'｡';
}

// A mark typed for a hesitation or a tone inside a sentence: an ellipsis, a dash, a tilde, a
// slash, an emoji … anything that is neither a word, whitespace nor structural punctuation.
bool is_hesitation(char32_t cp) {
  if (cp == U'…' || cp == U'⋯') return true;
  return !is_word(cp) && !utf8::is_whitespace(cp) && !is_structural(cp) && cp >= 0x20 && cp != 0x7F;
}

bool is_comma(char32_t cp) {
  return cp == U',' || cp == U'，' || cp == U'、';
}

constexpr std::array<char32_t, 4> kPronouns = {U'您', U'你', U'妳', U'祢'};

bool is_pronoun(char32_t cp) {
  return std::find(kPronouns.begin(), kPronouns.end(), cp) != kPronouns.end();
}

// The three bytes that encode a character of U+0800–U+FFFF, as one number: 您 is E6 82 A8.
constexpr std::uint32_t three_bytes(char32_t cp) {
  return (0xE0u | cp >> 12) << 16 | (0x80u | (cp >> 6 & 0x3F)) << 8 | (0x80u | (cp & 0x3F));
}
static_assert(three_bytes(U'您') == 0xE682A8);

// The same as is_pronoun, asked of the three bytes that encode an ideograph.
bool is_pronoun_in_utf8(std::uint32_t bytes) {
  return std::any_of(kPronouns.begin(), kPronouns.end(),
                     [&](char32_t pronoun) { return three_bytes(pronoun) == bytes; });
}

// Particles of a topic pause after a pronoun (您呀, 你啊, 您呢): with a pause after them; the
// first three also without one (您啊就是记错了).
constexpr std::u32string_view kTopicParticles = U"呀啊嘛呢哪吧哈啦哦喔";
constexpr std::size_t kParticlesWithoutPause = 3;

bool is_topic_particle(char32_t cp) {
  return kTopicParticles.find(cp) != std::u32string_view::npos;
}

// Words after which a pronoun still opens its clause: 不过您呀, 其实你啊.
constexpr std::array<std::string_view, 24> kConnectives = {
    "不过", "不過", "但是",   "可是",   "其实",   "其實",   "反正",   "所以",
    "而且", "那么", "那麼",   "那",     "但",     "可",     "就是",   "我看",
    "我说", "我說", "我觉得", "我覺得", "说实话", "說實話", "老实说", "老實說"};

char32_t character_before(std::string_view text, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t at = utf8::previous_start(text, pos);
  return utf8::decode(text, at);
}

// Whether the pronoun at byte `pos` opens its clause: at the start, after punctuation or
// whitespace, or after a connective that does.
bool opens_clause(std::string_view original, std::size_t pos) {
  if (!is_word(character_before(original, pos))) return true;
  const std::string_view before = original.substr(0, pos);
  return std::any_of(kConnectives.begin(), kConnectives.end(), [&](std::string_view word) {
    return before.ends_with(word) &&
           !is_word(character_before(original, before.size() - word.size()));
  });
}

// Whether the text before byte `pos` ends with a pronoun (and 们) that does not open its clause:
// the object of what went before (退给您, 通知你们). A pause after it ends that clause, and the
// next one is not said to the pronoun: 退给您……应该今天到账 blames nobody.
bool follows_object_pronoun(std::string_view original, std::size_t pos) {
  if (pos == 0) return false;
  std::size_t start = utf8::previous_start(original, pos);
  std::size_t at = start;
  char32_t cp = utf8::decode(original, at);
  if ((cp == U'们' || cp == U'們') && start > 0) {
    start = utf8::previous_start(original, start);
    at = start;
    cp = utf8::decode(original, at);
  }
  return is_pronoun(cp) && !opens_clause(original, start);
}

// Separators a trainee may put between the characters of a phrase to spell it out (你,弄,错,了,
// 你、弄、错、了, 你.弄.错.了).
bool is_spelling_separator(char32_t cp) {
  return is_comma(cp) || is_dot(cp);
}

// A run of single characters spelled out one by one from characters[i]: 你,弄,错,了 or the 规,定
// of 我们是按,规,定,办的. Each is followed by the same separator, so none of those can end a
// clause: three separators at least, or two between three characters that stand alone (a clause
// of one character each: 好,好,好 reads the same either way). Returns the index of the run's
// last character, or i when there is none. 我理解你,应该先查一下 is no run: 理解你 is no
// single character.
std::size_t spelled_out_end(const std::vector<Character>& characters, std::size_t i) {
  const auto single = [&](std::size_t k) {
    return k < characters.size() && joins_words(characters[k].code_point);
  };
  if (!single(i) || i + 2 >= characters.size()) return i;
  const char32_t separator = characters[i + 1].code_point;
  if (!is_spelling_separator(separator)) return i;
  std::size_t last = i;
  std::size_t separators = 0;
  while (last + 2 < characters.size() && characters[last + 1].code_point == separator &&
         single(last + 2)) {
    last += 2;
    ++separators;
  }
  if (separators >= 3) return last;
  const bool stands_alone_before = i == 0 || !is_word(characters[i - 1].code_point);
  const bool stands_alone_after =
      last + 1 >= characters.size() || !is_word(characters[last + 1].code_point);
  return separators == 2 && stands_alone_before && stands_alone_after ? last : i;
}

// After the pronoun (and 们) ending at characters[i]: a prohibition cut off from its verb by a
// pause (你别,激动). 别 must govern a verb, so 你别 is no clause of its own and the comma cannot
// end one; 你别,你别,我来 still reads as nothing forbidden. Returns the end of the pause to
// leave out, or i when there is none.
std::size_t prohibition_pause_end(const std::vector<Character>& characters, std::size_t i) {
  if (i >= characters.size()) return i;
  const char32_t cp = characters[i].code_point;
  if (cp != U'别' && cp != U'別') return i;
  std::size_t end = i + 1;
  while (end < characters.size() &&
         (is_comma(characters[end].code_point) || utf8::is_whitespace(characters[end].code_point)))
    ++end;
  return end > i + 1 && end < characters.size() && joins_words(characters[end].code_point) ? end
                                                                                           : i;
}

// Into scratch kept per thread: every reply is read for pauses, and most have none.
const std::vector<Character>& decode_all(std::string_view text) {
  static thread_local auto& characters = thread_scratch<std::vector<Character>>();
  characters.clear();
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t begin = pos;
    characters.push_back({utf8::decode(text, pos), begin});
  }
  return characters;
}

// A run of marks, dots and whitespace from characters[i] that reads as a hesitation: one mark
// at least, or two dots (您...弄错了); a single full stop ends a sentence. Returns the run's
// end, or i when there is none.
std::size_t hesitation_end(const std::vector<Character>& characters, std::size_t i) {
  std::size_t end = i;
  std::size_t marks = 0;
  std::size_t dots = 0;
  for (; end < characters.size(); ++end) {
    const char32_t cp = characters[end].code_point;
    if (is_dot(cp)) {
      ++dots;
    } else if (is_hesitation(cp)) {
      ++marks;
    } else if (!utf8::is_whitespace(cp)) {
      break;
    }
  }
  return marks > 0 || dots >= 2 ? end : i;
}

// After the pronoun (and 们) ending at characters[i]: the topic particles and the pause that
// a reproach can hide behind (您呀,肯定是弄混了; 您，弄错了; 您啊就是记错了). Returns the end of
// what to leave out, or i when there is nothing.
std::size_t topic_pause_end(const std::vector<Character>& characters, std::size_t i) {
  std::size_t end = i;
  bool particle_without_pause = false;
  for (std::size_t n = 0;
       n < 2 && end < characters.size() && is_topic_particle(characters[end].code_point);
       ++n, ++end)
    particle_without_pause =
        particle_without_pause ||
        kTopicParticles.find(characters[end].code_point) < kParticlesWithoutPause;
  const std::size_t particles_end = end;
  while (end < characters.size()) {
    const std::size_t run = hesitation_end(characters, end);
    if (run > end) {
      end = run;
      continue;
    }
    const char32_t cp = characters[end].code_point;
    if (!is_comma(cp) && !utf8::is_whitespace(cp)) break;
    ++end;
  }
  if (end >= characters.size() || !joins_words(characters[end].code_point)) return i;
  if (end > particles_end) return end;
  return particle_without_pause ? end : i;
}

// Whether the separator ending before byte `pos` is followed by one character and the same
// separator again: the start of a phrase spelled out (你,弄,错,了).
bool spelled_out_after(std::string_view text, std::size_t pos, char32_t separator) {
  if (pos >= text.size()) return false;
  if (!joins_words(utf8::decode(text, pos))) return false;
  return pos < text.size() && utf8::decode(text, pos) == separator;
}

// Whether the reply may hold anything to read through, found without decoding most of it:
// ideographs (three bytes led by E4–E9) are passed over unless they are a pronoun, and so are
// ASCII letters, digits and punctuation that shapes a sentence. Every reply is asked, and most
// hold nothing.
bool may_read_through(std::string_view text) {
  const auto next_character = [&](std::size_t pos) {
    return pos < text.size() ? utf8::decode(text, pos) : U'\0';
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) {
      const bool dots = lead == '.' && next_character(pos + 1) == U'.';
      if ((lead == ',' || lead == '.') && spelled_out_after(text, pos + 1, lead)) return true;
      if (dots || (!std::isalnum(lead) && !is_structural(lead) && lead != ' ')) return true;
      ++pos;
      continue;
    }
    if (lead >= 0xE4 && lead <= 0xE9 && pos + 2 < text.size()) {
      const auto second = static_cast<unsigned char>(text[pos + 1]);
      const auto third = static_cast<unsigned char>(text[pos + 2]);
      const std::uint32_t bytes = std::uint32_t{lead} << 16 | second << 8 | third;
      const bool well_formed = (second & 0xC0) == 0x80 && (third & 0xC0) == 0x80;
      if (well_formed && !is_pronoun_in_utf8(bytes)) {
        pos += 3;
        continue;
      }
    }
    const std::size_t start = pos;
    const char32_t cp = utf8::decode(text, pos);
    if (is_spelling_separator(cp) && spelled_out_after(text, pos, cp)) return true;
    if (is_pronoun(cp)) {
      char32_t next = next_character(pos);
      if (next == U'们' || next == U'們') next = next_character(pos + 3);
      if (next == U'别' || next == U'別') return true;
      const bool pause_follows = is_topic_particle(next) || is_comma(next) || is_hesitation(next) ||
                                 utf8::is_whitespace(next) || is_dot(next);
      if (pause_follows && opens_clause(text, start)) return true;
      continue;
    }
    if (is_dot(cp) ? is_dot(next_character(pos)) : is_hesitation(cp)) return true;
  }
  return false;
}

}  // namespace

ReadThrough::ReadThrough(std::string_view original, const Pauses& pauses) {
  std::vector<std::size_t> kept;
  for (const std::size_t pause : pauses.starts()) {
    if (follows_object_pronoun(original, pause))
      kept.push_back(pause);
    else
      joins_.push_back(static_cast<std::uint32_t>(pause));
  }
  kept_pauses_ = Pauses(std::move(kept));
  if (!may_read_through(original)) return;
  const std::vector<Character>& characters = decode_all(original);
  const auto begin_of = [&](std::size_t i) {
    return i < characters.size() ? characters[i].begin : original.size();
  };
  for (std::size_t i = 0; i < characters.size();) {
    const std::size_t last = spelled_out_end(characters, i);
    if (last > i) {
      for (std::size_t k = i + 1; k < last; k += 2) drop(begin_of(k), begin_of(k + 1));
      i = last;
      continue;
    }
    const char32_t cp = characters[i].code_point;
    if (is_pronoun(cp) && opens_clause(original, characters[i].begin)) {
      std::size_t after = i + 1;
      if (after < characters.size() &&
          (characters[after].code_point == U'们' || characters[after].code_point == U'們'))
        ++after;
      const std::size_t prohibition = prohibition_pause_end(characters, after);
      if (prohibition > after) {
        drop(begin_of(after + 1), begin_of(prohibition));
        i = prohibition;
        continue;
      }
      const std::size_t end = topic_pause_end(characters, after);
      if (end > after) drop(begin_of(after), begin_of(end));
      i = end > after ? end : i + 1;
      continue;
    }
    const std::size_t end = hesitation_end(characters, i);
    if (end > i && i > 0 && end < characters.size() && joins_words(characters[i - 1].code_point) &&
        joins_words(characters[end].code_point) &&
        !follows_object_pronoun(original, characters[i].begin))
      drop(begin_of(i), begin_of(end));
    i = std::max(end, i + 1);
  }
  std::sort(joins_.begin(), joins_.end());
  joins_.erase(std::unique(joins_.begin(), joins_.end()), joins_.end());
}

void ReadThrough::drop(std::size_t begin, std::size_t end) {
  dropped_.push_back({begin, end});
  joins_.push_back(static_cast<std::uint32_t>(begin));
}

bool ReadThrough::drops(std::size_t pos) const {
  const auto after =
      std::upper_bound(dropped_.begin(), dropped_.end(), pos,
                       [](std::size_t p, const TextSpan& span) { return p < span.begin; });
  return after != dropped_.begin() && pos < std::prev(after)->end;
}

}  // namespace coach
