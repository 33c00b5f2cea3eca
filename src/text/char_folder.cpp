#include "text/char_folder.hpp"

#include <fmt/format.h>
#include <utf8proc.h>
#include <opencc/SimpleConverter.hpp>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include "text/opencc_phrase_keys.hpp"
#include "text/taiwan_phrases.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// Whitespace, controls, and whatever shows nothing: 你弄\uFE0F错了 must still read as 你弄错了.
// Characters are folded one by one, so a combining mark (你弄\u0301错了) or an enclosing one
// (U+20DD) is left over after NFKC has composed what it could (é stays é): Chinese has no
// use for one, and it would hide a phrase. The blank braille pattern draws a space but is no
// space to Unicode.
bool is_dropped(char32_t cp) {
  constexpr char32_t kBraillePatternBlank = 0x2800;
  if (utf8::is_default_ignorable(cp) || cp == kBraillePatternBlank) return true;
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  switch (category) {
    case UTF8PROC_CATEGORY_ZS:  // spaces, including the ideographic space
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:  // controls: tab, newline …
    case UTF8PROC_CATEGORY_CF:  // invisible format characters: zero-width space, BOM …
    case UTF8PROC_CATEGORY_MN:  // combining marks: U+0301, U+0332 …
    case UTF8PROC_CATEGORY_ME:  // enclosing marks: U+20DD …
      return true;
    default:
      return false;
  }
}

// Punctuation that NFKC leaves alone but that means the same as its ASCII form; quotation
// marks carry nothing for matching.
std::string_view canonical_punctuation(char32_t cp) {
  switch (cp) {
    case U'。':
    case U'｡':
      return ".";
    case U'、':
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

std::string nfkc_casefold(char32_t cp) {
  std::string in;
  utf8::append(in, cp);
  utf8proc_uint8_t* out = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                      UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
  const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(in.data()),
                                   static_cast<utf8proc_ssize_t>(in.size()), &out, options);
  if (length < 0) return in;
  std::string result(reinterpret_cast<char*>(out), static_cast<std::size_t>(length));
  std::free(out);
  return result;
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

CharFolder::Folded CharFolder::fold_marked(char32_t cp) {
  std::uint32_t& found = slot(cache_, cp);
  if (found == 0) {
    cache_.values.push_back(compute(cp, true));
    const bool traditional = cp >= 0x80 && cache_.values.back() != fold_keeping_script(cp);
    found = static_cast<std::uint32_t>(cache_.values.size()) | (traditional ? kTraditional : 0);
  }
  return {cache_.values[(found & ~kTraditional) - 1], (found & kTraditional) != 0};
}

std::string_view CharFolder::fold_keeping_script(char32_t cp) {
  if (cp < 0x80) return fold(cp);
  std::uint32_t& found = slot(script_kept_cache_, cp);
  if (found == 0) {
    script_kept_cache_.values.push_back(compute(cp, false));
    found = static_cast<std::uint32_t>(script_kept_cache_.values.size());
  }
  return script_kept_cache_.values[found - 1];
}

std::string CharFolder::to_simplified_phrases(const std::string& text) {
  return convert(taiwan_to_mainland_, "tw2sp.json", text);
}

const TaiwanPhrases& CharFolder::taiwan_phrases() {
  if (!taiwan_phrases_) {
    const std::vector<std::string> words = opencc_phrase_keys(COACH_OPENCC_DATA_DIR);
    // One call to OpenCC for every word: no word spans a line break.
    std::string joined;
    for (const auto& word : words) joined += word + '\n';
    const std::string converted = to_simplified_phrases(joined);
    std::vector<std::string> simplified;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
      const std::size_t line_end = std::min(converted.find('\n', line_start), converted.size());
      simplified.push_back(converted.substr(line_start, line_end - line_start));
      line_start = std::min(line_end + 1, converted.size());
    }
    taiwan_phrases_ = std::make_unique<TaiwanPhrases>(words, std::move(simplified));
  }
  return *taiwan_phrases_;
}

std::string CharFolder::compute(char32_t cp, bool change_script) {
  if (cp == utf8::kInvalid || is_dropped(cp)) return {};
  if (auto punctuation = canonical_punctuation(cp); punctuation.data() != nullptr) {
    return std::string(punctuation);
  }
  std::string folded = nfkc_casefold(cp);
  bool ascii = true;
  for (unsigned char c : folded) ascii = ascii && c < 0x80;
  if (!ascii && change_script) folded = to_simplified(folded);
  std::string result;
  for (std::size_t pos = 0; pos < folded.size();) {
    const char32_t part = utf8::decode(folded, pos);
    if (part == utf8::kInvalid || is_dropped(part)) continue;
    if (auto punctuation = canonical_punctuation(part); punctuation.data() != nullptr) {
      result += punctuation;
    } else {
      utf8::append(result, part);
    }
  }
  return result;
}

std::string CharFolder::to_simplified(const std::string& text) {
  return convert(traditional_to_simplified_, "t2s.json", text);
}

// OpenCC's tables load on first need: a session of simplified replies never pays for them.
std::string CharFolder::convert(std::unique_ptr<opencc::SimpleConverter>& converter,
                                const char* config_name, const std::string& text) {
  if (!converter) {
    const std::string config = std::string(COACH_OPENCC_DATA_DIR) + "/" + config_name;
    try {
      converter = std::make_unique<opencc::SimpleConverter>(config);
    } catch (const std::exception& e) {
      throw std::runtime_error(fmt::format(
          "cannot load OpenCC tables ({}): {}; install libopencc-data", config, e.what()));
    }
  }
  return converter->Convert(text);
}

}  // namespace coach
