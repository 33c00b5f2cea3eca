#include "engine/filler.hpp"

#include <utf8proc.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

#include "util/thread_scratch.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// Three of one character in a row is typing noise, whatever the character.
constexpr std::size_t kNoiseRun = 3;

constexpr std::u32string_view kInterjections = U"啊哈嗯呃哦噢呀嘿喔诶欸哎唉嘻呵啦哇嗨呜";

// A bit per value of a code point's low twelve bits, set for the interjections': nearly every
// other character is told apart by one look-up, where the list took twenty comparisons (the
// filler is asked about every character of the phrases' gaps and of the clauses).
constexpr std::size_t kInterjectionBits = 4096;
constexpr auto kInterjectionSieve = [] {
  std::array<std::uint64_t, kInterjectionBits / 64> bits{};
  for (const char32_t cp : kInterjections) {
    const std::size_t bit = cp % kInterjectionBits;
    bits[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  return bits;
}();

bool is_interjection(char32_t cp) {
  const std::size_t bit = cp % kInterjectionBits;
  if ((kInterjectionSieve[bit / 64] >> (bit % 64) & 1) == 0) return false;
  return kInterjections.find(cp) != std::u32string_view::npos;
}

bool is_filler(char32_t cp) {
  // Most characters asked about are ideographs, and of those only the interjections are filler.
  if (utf8::is_common_ideograph(cp)) return is_interjection(cp);
  if (is_interjection(cp)) return true;
  // Latin letters and digits between Chinese phrases (对不起ok抱歉, 对不起12抱歉) are noise too:
  // a reply's English words and numbers stand beside its Chinese, not between its keywords.
  if (cp < 0x80 && std::isalnum(static_cast<int>(cp))) return true;
  // Punctuation that does not end a clause (/ — · _ ( )), emoji, spaces, controls.
  if (utf8::is_punctuation_or_symbol(cp)) return true;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
      return true;
    default:
      return false;
  }
}

// A gap of one particle or conjunction (对不起的抱歉, 对不起和抱歉, 对不起还有抱歉), or of one or
// two characters said over (好的好的): glue.
bool is_glue_word(std::u32string_view gap) {
  static constexpr std::u32string_view kParticles = U"的了地得呢吧嘛啦和也又";
  if (gap.size() == 1) return kParticles.find(gap[0]) != std::u32string_view::npos;
  for (std::u32string_view conjunction : {U"还有", U"然后", U"以及", U"而且", U"并且", U"再有"}) {
    if (gap == conjunction) return true;
  }
  for (std::size_t unit = 1; unit <= 2; ++unit) {
    if (gap.size() < 2 * unit || gap.size() % unit != 0) continue;
    bool repeated = true;
    for (std::size_t i = unit; i < gap.size() && repeated; ++i) repeated = gap[i] == gap[i - unit];
    if (repeated) return true;
  }
  return false;
}

// The characters of words of two different characters said kNoiseRun or more times running
// (好的好的好的, 这个这个这个): a minimum length was met with 好的 typed sixteen times (outside
// pass 54, finding 14). One character said over is a run of its own (Filler::each_run).
std::size_t repeated_two_character_words(std::u32string_view characters) {
  std::size_t repeated = 0;
  for (std::size_t at = 0; at + 2 * kNoiseRun <= characters.size();) {
    const std::u32string_view rest = characters.substr(at);
    std::size_t run = 2;
    if (rest[0] != rest[1]) {
      while (run + 2 <= rest.size() && rest[run] == rest[0] && rest[run + 1] == rest[1]) run += 2;
    }
    const bool said_over = rest[0] != rest[1] && run >= 2 * kNoiseRun;
    repeated += said_over ? run : 0;
    at += said_over ? run : 1;
  }
  return repeated;
}

}  // namespace

// How many times `cp`, at [begin, end), stands in a row there, counted up to kNoiseRun.
std::size_t Filler::run_length(std::size_t begin, std::size_t end, char32_t cp) const {
  std::size_t length = 1;
  for (std::size_t pos = end; pos < text_.size() && length < kNoiseRun;) {
    if (utf8::decode(text_, pos) != cp) break;
    ++length;
  }
  for (std::size_t pos = begin; pos > 0 && length < kNoiseRun;) {
    pos = utf8::previous_start(text_, pos);
    std::size_t at = pos;
    if (utf8::decode(text_, at) != cp) break;
    ++length;
  }
  return length;
}

bool Filler::is_filler_at(std::size_t begin, std::size_t end, char32_t cp) const {
  return is_filler(cp) || run_length(begin, end, cp) >= kNoiseRun;
}

bool Filler::joins(TextSpan gap) const {
  if (gap.end < gap.begin || gap.end > text_.size()) return false;
  if (gap.end - gap.begin <= 4 * 6) {  // a few characters: perhaps a word of glue
    std::u32string word;
    for (std::size_t pos = gap.begin; pos < gap.end;) word += utf8::decode(text_, pos);
    if (!word.empty() && is_glue_word(word)) return true;
  }
  return fills(gap);
}

// How many times `cp` stands in a row just before `at` (after it, from `at` on), counted up to
// kNoiseRun.
std::size_t Filler::same_before(std::size_t at, char32_t cp) const {
  std::size_t same = 0;
  while (at > 0 && same < kNoiseRun) {
    at = utf8::previous_start(text_, at);
    std::size_t pos = at;
    if (utf8::decode(text_, pos) != cp) break;
    ++same;
  }
  return same;
}

std::size_t Filler::same_after(std::size_t at, char32_t cp) const {
  std::size_t same = 0;
  while (at < text_.size() && same < kNoiseRun) {
    if (utf8::decode(text_, at) != cp) break;
    ++same;
  }
  return same;
}

// Reads `range` run by run, a run being one character typed once or more in a row, and calls
// visit(filler, characters) for each until it returns false. A run is filler or not as a whole,
// and only the first and the last can go on past the range (哈|哈哈 is noise): each character is
// decoded once, where asking every character for its run decoded its neighbours again. A
// malformed byte, which reads back and forth differently, is left to the character-wise reading.
template <typename Visit>
Filler::Read Filler::each_run(TextSpan range, Visit&& visit) const {
  std::size_t pos = range.begin;
  if (pos >= range.end) return Read::whole;
  char32_t cp = utf8::decode(text_, pos);
  std::size_t run = 1 + same_before(range.begin, cp);
  std::size_t inside = 1;
  for (;;) {
    if (cp == utf8::kInvalid) return Read::malformed;
    char32_t next = utf8::kInvalid;
    std::size_t after = pos;
    if (pos < range.end) {
      next = utf8::decode(text_, after);
    } else {
      run += same_after(pos, cp);
    }
    if (pos < range.end && next == cp) {
      ++run;
      ++inside;
      pos = after;
      continue;
    }
    if (!visit(cp, run >= kNoiseRun, inside)) return Read::stopped;
    if (pos >= range.end) return Read::whole;
    cp = next;
    run = inside = 1;
    pos = after;
  }
}

bool Filler::fills(TextSpan range) const {
  if (range.end < range.begin || range.end > text_.size()) return false;
  const Read read = each_run(
      range, [](char32_t cp, bool long_run, std::size_t) { return is_filler(cp) || long_run; });
  if (read != Read::malformed) return read == Read::whole;
  for (std::size_t pos = range.begin; pos < range.end;) {
    const std::size_t begin = pos;
    const char32_t cp = utf8::decode(text_, pos);
    if (!is_filler_at(begin, pos, cp)) return false;
  }
  return true;
}

// How many characters of `range` `counts(cp, long_run)` counts, run by run.
template <typename Counts>
std::size_t Filler::count(TextSpan range, Counts counts) const {
  if (range.end < range.begin || range.end > text_.size()) return 0;
  std::size_t total = 0;
  const auto add = [&](char32_t cp, bool long_run, std::size_t characters) {
    total += counts(cp, long_run) ? characters : 0;
    return true;
  };
  if (each_run(range, add) != Read::malformed) return total;
  total = 0;
  for (std::size_t pos = range.begin; pos < range.end;) {
    const std::size_t begin = pos;
    const char32_t cp = utf8::decode(text_, pos);
    total += counts(cp, run_length(begin, pos, cp) >= kNoiseRun) ? 1 : 0;
  }
  return total;
}

std::size_t Filler::characters(TextSpan range) const {
  return count(range, [](char32_t cp, bool long_run) { return is_filler(cp) || long_run; });
}

std::size_t Filler::noise_characters(TextSpan range) const {
  if (range.end < range.begin || range.end > text_.size()) return 0;
  static thread_local auto& characters = thread_scratch<std::u32string>();
  characters.clear();
  for (std::size_t pos = range.begin; pos < range.end;)
    characters.push_back(utf8::decode(text_, pos));
  return count(range, [](char32_t cp, bool long_run) { return is_interjection(cp) || long_run; }) +
         repeated_two_character_words(characters);
}

}  // namespace coach
