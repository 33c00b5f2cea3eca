#pragma once
// Folds one code point to its matching form: NFKC (full-width → half-width), case-folded,
// traditional → simplified (OpenCC's t2s, from tables computed at build time), with whitespace
// and invisible characters dropped. Results are cached, so each distinct character costs the
// Unicode look-ups once per process.
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace coach {

class TraditionalPhrases;

// Whether the normaliser drops every character of the code point's general category: spaces,
// line and paragraph separators, controls, format characters, private use, unassigned code
// points, combining and enclosing marks. It drops some characters of other categories as well
// (default-ignorable ones such as the Hangul filler U+3164, the blank braille pattern U+2800,
// U+303F, U+FFFC), one by one.
bool drops_whole_category(char32_t code_point);

class CharFolder {
 public:
  // The process-wide folder. Not thread-safe.
  static CharFolder& shared();

  CharFolder();
  ~CharFolder();
  CharFolder(const CharFolder&) = delete;
  CharFolder& operator=(const CharFolder&) = delete;

  std::string_view fold(char32_t code_point) { return fold_marked(code_point).text; }

  // The folded form, and whether the character is written differently in simplified Chinese:
  // both from one look-up, as the normaliser needs them for every character.
  struct Folded {
    std::string_view text;
    bool traditional = false;
    // Whether a word converted in simplified text changes this character (瞭 in 不瞭解 →
    // 不了解): only where one stands can a reply without traditional characters change.
    bool changed_in_words = false;
  };
  // Inline for a character seen before (nearly every one): the normaliser asks for every
  // character of a reply, twice on the traditional path.
  Folded fold_marked(char32_t code_point) {
    const std::uint32_t found = cached(cache_, code_point);
    if (found == 0) return fold_marked_first(code_point);
    return {cache_.views[(found & kValueIndex) - 1], (found & kTraditional) != 0,
            (found & kChangedInWords) != 0};
  }

  // The same without the change of script: width, case, whitespace, punctuation.
  std::string_view fold_keeping_script(char32_t code_point) {
    if (code_point < 0x80) return fold(code_point);
    const std::uint32_t found = cached(script_kept_cache_, code_point);
    if (found == 0) return fold_keeping_script_first(code_point);
    return script_kept_cache_.views[(found & kValueIndex) - 1];
  }

  // The words that convert as a whole (乾淨 → 干净, 不瞭解 → 不了解), found fast (the
  // automaton is built on first need).
  const TraditionalPhrases& traditional_phrases();

 private:
  std::string compute(char32_t code_point, bool change_script);
  bool is_changed_in_words(char32_t code_point);
  Folded fold_marked_first(char32_t code_point);
  std::string_view fold_keeping_script_first(char32_t code_point);

  std::unique_ptr<TraditionalPhrases> traditional_phrases_;
  // Folded characters, computed on first sight. A flat index for the Basic Multilingual Plane
  // (every character of a Chinese reply), a map for the rest.
  struct Cache {
    // 1 + value index, and kTraditional and kChangedInWords in the folding cache.
    std::vector<std::uint32_t> basic = std::vector<std::uint32_t>(0x10000, 0);
    std::unordered_map<char32_t, std::uint32_t> other;
    std::deque<std::string> values;       // a deque: values never move, views stay valid
    std::vector<std::string_view> views;  // of `values`, by index: cheaper than a deque's
  };
  static constexpr std::uint32_t kTraditional = 0x80000000;
  static constexpr std::uint32_t kChangedInWords = 0x40000000;
  static constexpr std::uint32_t kValueIndex = ~(kTraditional | kChangedInWords);
  static std::uint32_t& slot(Cache& cache, char32_t code_point);
  // The slot's value, 0 for a character not seen yet.
  static std::uint32_t cached(const Cache& cache, char32_t code_point) {
    if (code_point < cache.basic.size()) return cache.basic[code_point];
    const auto found = cache.other.find(code_point);
    return found == cache.other.end() ? 0 : found->second;
  }
  static std::uint32_t add(Cache& cache, std::string value);

  Cache cache_;
  Cache script_kept_cache_;
};

}  // namespace coach
