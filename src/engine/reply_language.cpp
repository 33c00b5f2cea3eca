#include "engine/reply_language.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

constexpr std::size_t kFewestForeignWords = 3;

bool is_han(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

// A letter of a script other than Chinese, folded to ASCII where it is one typed full-width
// (ｓｏｒｒｙ); 0 for anything else.
char32_t foreign_letter(char32_t cp) {
  if ((cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z')) return cp;
  if ((cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A)) return cp - 0xFF21 + U'A';
  const bool latin = cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7;
  const bool greek_or_cyrillic = cp >= 0x370 && cp <= 0x4FF;
  const bool hangul = cp >= 0xAC00 && cp <= 0xD7AF;
  const bool kana = cp >= 0x3041 && cp <= 0x30FA;
  return latin || greek_or_cyrillic || hangul || kana ? cp : 0;
}

char32_t digit(char32_t cp) {
  if (cp >= U'0' && cp <= U'9') return cp;
  if (cp >= 0xFF10 && cp <= 0xFF19) return cp - 0xFF10 + U'0';
  return 0;
}

// Marks that stay inside a token: an address (li@qq.com, www.10086.cn, http://…), a word with
// an apostrophe or a hyphen (can't, wi-fi), a flight or a speed (CA-1234, 100M/s).
bool joins_token(char32_t cp) {
  return cp == U'\'' || cp == U'\u2019' || cp == U'-' || cp == U'_' || cp == U'@' || cp == U'.' ||
         cp == U'/' || cp == U':' || cp == U'+' || cp == U'#' || cp == U'&' || cp == U'=' ||
         cp == U'%';
}

// Latin words customers and staff use in Chinese, written in lower case.
constexpr std::array<std::string_view, 30> kBorrowedWords = {
    "app",    "apps", "sim", "wifi", "wi-fi", "iphone", "ipad", "vip", "id",  "ok",
    "okay",   "sms",  "mms", "pin",  "puk",   "apn",    "usb",  "pc",  "qq",  "email",
    "e-mail", "gps",  "nfc", "esim", "volte", "tv",     "iptv", "atm", "pos", "vpn",
};

bool is_acronym(std::u32string_view word) {
  const auto letters = std::count_if(word.begin(), word.end(), [](char32_t c) {
    return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z');
  });
  return letters >= 2 && std::all_of(word.begin(), word.end(), [](char32_t c) {
           return (c >= U'A' && c <= U'Z') || c == U'-';
         });
}

bool is_borrowed(std::u32string_view word) {
  std::string lower;
  for (char32_t c : word) {
    if (c >= 0x80) return false;
    lower += static_cast<char>(c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c);
  }
  return std::find(kBorrowedWords.begin(), kBorrowedWords.end(), lower) != kBorrowedWords.end();
}

bool ends_with_domain(std::u32string_view token) {
  for (std::u32string_view tld : {U".com", U".cn", U".net", U".org", U".gov", U".edu"}) {
    if (token.size() > tld.size() && token.substr(token.size() - tld.size()) == tld) return true;
  }
  return false;
}

// The foreign words of one token (letters, digits and the marks that join them): none for an
// address or anything with a digit (4G, CA1234, 123456); otherwise its parts between marks
// other than an apostrophe or a hyphen (Ms.Li is two), each a word unless an acronym or borrowed.
std::size_t words_of_token(std::u32string_view token, bool has_digit) {
  if (has_digit || token.find(U'@') != std::u32string_view::npos ||
      token.find(U"://") != std::u32string_view::npos || token.starts_with(U"www.") ||
      ends_with_domain(token))
    return 0;
  std::size_t words = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= token.size(); ++i) {
    const bool splits = i == token.size() || !(foreign_letter(token[i]) || token[i] == U'\'' ||
                                               token[i] == U'\u2019' || token[i] == U'-');
    if (!splits) continue;
    const std::u32string_view word = token.substr(start, i - start);
    const bool has_letter =
        std::any_of(word.begin(), word.end(), [](char32_t c) { return foreign_letter(c) != 0; });
    if (has_letter && !is_acronym(word) && !is_borrowed(word)) ++words;
    start = i + 1;
  }
  return words;
}

}  // namespace

ScriptCount count_scripts(std::string_view text) {
  ScriptCount count;
  std::u32string token;
  bool has_digit = false;
  const auto end_token = [&] {
    if (token.empty()) return;
    count.foreign_words += words_of_token(token, has_digit);
    token.clear();
    has_digit = false;
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = utf8::decode(text, pos);
    if (const char32_t letter = foreign_letter(cp)) {
      token += letter;
    } else if (const char32_t d = digit(cp)) {
      token += d;
      has_digit = true;
    } else if (joins_token(cp) && !token.empty()) {
      token += cp;
    } else {
      end_token();
      if (is_han(cp)) ++count.han;
    }
  }
  end_token();
  return count;
}

bool mostly_foreign(const ScriptCount& count) {
  return count.foreign_words >= kFewestForeignWords && count.foreign_words * 3 > count.han * 2;
}

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Decided from the bytes for nearly every reply: fewer runs of ASCII letters than a foreign
// reply needs, and no byte that can start a letter of another script (Latin with accents,
// Greek, Cyrillic, Hangul, kana, full-width letters). Decoding every reply cost 3 % of scoring.
bool may_be_mostly_foreign(std::string_view text) {
  std::size_t letter_runs = 0;
  bool in_run = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    // Most bytes of a Chinese reply: continuation bytes and the first bytes of ideographs
    // (U+4E00–U+9FFF), which start no letter and end any run of ASCII ones.
    if (byte >= 0x80 && (byte < 0xC3 || (byte >= 0xE4 && byte <= 0xE9))) {
      in_run = false;
      // An ideograph's two continuation bytes are passed over as one.
      if (byte >= 0xE4 && i + 2 < text.size() && is_continuation(text[i + 1]) &&
          is_continuation(text[i + 2]))
        i += 2;
      continue;
    }
    const bool ascii_letter = (byte | 0x20) >= 'a' && (byte | 0x20) <= 'z';
    if (ascii_letter && !in_run && ++letter_runs >= kFewestForeignWords) return true;
    in_run = ascii_letter;
    if (byte < 0xC3) continue;
    const auto at = [&](std::size_t k) {
      return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
    };
    const bool full_width_letter =
        byte == 0xEF && ((at(1) == 0xBC && at(2) >= 0xA1 && at(2) <= 0xBA) ||
                         (at(1) == 0xBD && at(2) >= 0x81 && at(2) <= 0x9A));
    const bool other_script = byte <= 0xD3 || (byte >= 0xEA && byte <= 0xED) ||
                              (byte == 0xE3 && at(1) >= 0x81 && at(1) <= 0x83) || full_width_letter;
    if (other_script) return true;
  }
  return false;
}

bool written_mostly_foreign(std::string_view text) {
  return may_be_mostly_foreign(text) && mostly_foreign(count_scripts(text));
}

bool speaks_chinese(const Scenario& scenario) {
  ScriptCount total;
  const auto add = [&](std::string_view text) {
    const ScriptCount count = count_scripts(text);
    total.han += count.han;
    total.foreign_words += count.foreign_words;
  };
  for (const Step& step : scenario.steps) {
    add(step.customer_line);
    for (const MarkedText& answer : step.model_answers) add(answer.text);
  }
  return total.han > 0 && total.foreign_words * 3 <= total.han * 2;
}

RuleResult foreign_language_result() {
  RuleResult result;
  result.kind = "language";
  result.description = std::string(tr("用中文回答客户", "answers in Chinese"));
  result.ok = false;
  result.feedback = std::string(
      tr("用中文回答客户:客户说中文,回答大半是英文,客户听不明白,也觉得不被尊重。APP、SIM卡、4G "
         "这类常用词照说无妨。",
         "Answer in Chinese: the customer speaks Chinese, and a reply mostly in English is hard "
         "to follow and feels disrespectful. Everyday words such as APP, SIM or 4G are fine."));
  return result;
}

}  // namespace coach
