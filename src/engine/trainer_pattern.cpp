#include "engine/trainer_pattern.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdint>

#include "engine/phrase_matcher.hpp"
#include "text/char_folder.hpp"
#include "text/nfkc.hpp"
#include "text/traditional_phrases.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {

// An empty match depends only on what stands either side of it: the start or end of the text,
// a line break, a word character (for `\b`, ASCII only in RE2) or another character. Trying
// every pair of those tries every place an empty match could be found in any reply.
bool can_match_empty(const RE2& regex) {
  static constexpr std::string_view kNeighbours[] = {"", "\n", "a", "您"};
  for (std::string_view before : kNeighbours) {
    for (std::string_view after : kNeighbours) {
      const std::string text = std::string(before) + std::string(after);
      if (regex.Match(text, before.size(), before.size(), RE2::ANCHOR_BOTH, nullptr, 0))
        return true;
    }
  }
  return false;
}

namespace {

// Past the bracketed class that starts at `at`; `]` right after `[` or `[^` is a member.
std::size_t after_class(std::string_view pattern, std::size_t at) {
  ++at;
  if (at < pattern.size() && pattern[at] == '^') ++at;
  if (at < pattern.size() && pattern[at] == ']') ++at;
  while (at < pattern.size() && pattern[at] != ']') {
    if (pattern.substr(at, 2) == "[:") {
      const std::size_t close = pattern.find(":]", at + 2);
      at = close == std::string_view::npos ? pattern.size() : close + 2;
    } else {
      at += pattern[at] == '\\' ? 2 : 1;
    }
  }
  return std::min(at + 1, pattern.size());
}

// Past the escape that starts at `at`: \Q…\E, \p{Han}, \x{597d}, or one character.
std::size_t after_escape(std::string_view pattern, std::size_t at) {
  if (at + 1 >= pattern.size()) return pattern.size();
  const char c = pattern[at + 1];
  if (c == 'Q') {
    const std::size_t end = pattern.find("\\E", at + 2);
    return end == std::string_view::npos ? pattern.size() : end + 2;
  }
  if ((c == 'p' || c == 'P' || c == 'x') && at + 2 < pattern.size() && pattern[at + 2] == '{') {
    const std::size_t close = pattern.find('}', at);
    return close == std::string_view::npos ? pattern.size() : close + 1;
  }
  std::size_t next = at + 1;
  utf8::decode(pattern, next);
  return next;
}

// Whether a normalised reply can hold the character: its folded form is itself, or differs
// only in case (RE2 matches these patterns without regard to case), or a word's conversion
// writes it.
bool occurs_normalised(char32_t c) {
  CharFolder& folder = CharFolder::shared();
  if (folder.traditional_phrases().writes(c)) return true;
  const std::string_view folded = folder.fold(c);
  std::string same;
  utf8::append(same, c);
  if (folded == same) return true;
  const std::string case_only = casefold(c);
  return folded == case_only && utf8::count_code_points(case_only) == 1;
}

// The character as a message shows it: spaces, line breaks and other invisible ones by their
// code (\u3000), since between backticks they would show as nothing or break the line.
std::string shown_character(char32_t c) {
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  const bool invisible = c < 0x21 || c == 0x7F || category == UTF8PROC_CATEGORY_ZS ||
                         category == UTF8PROC_CATEGORY_ZL || category == UTF8PROC_CATEGORY_ZP ||
                         category == UTF8PROC_CATEGORY_CC || category == UTF8PROC_CATEGORY_CF;
  if (invisible) return fmt::format("\\u{:04X}", static_cast<std::uint32_t>(c));
  std::string shown;
  utf8::append(shown, c);
  return shown;
}

std::string unmatchable_refusal(const RE2& regex, char32_t c) {
  const std::string_view folded = CharFolder::shared().fold(c);
  const std::string advice = folded.empty()
                                 ? std::string(tr("删掉它", "remove it"))
                                 : fmt::format(fmt::runtime(tr("写成 `{}`", "write `{}`")), folded);
  return fmt::format(
      fmt::runtime(tr("正则表达式 `{}` 中的 `{}` 不会出现在回答里:回答先经过规范化(全角转半角、"
                      "繁体转简体、去掉空白和引号、。转为 .)再匹配;{}",
                      "`{1}` in regular expression `{0}` never occurs in a reply: replies are "
                      "normalised before matching (full-width to half-width, traditional to "
                      "simplified, whitespace and quotation marks removed, 。 to .); {2}")),
      utf8::show_name(regex.pattern()), shown_character(c), advice);
}

std::string refusal(const RE2& regex) {
  if (!regex.ok())
    return fmt::format(
        fmt::runtime(tr("无效的正则表达式 `{}`: {}", "invalid regular expression `{}`: {}")),
        regex.pattern(), regex.error());
  if (matches_single_bytes(regex.pattern()))
    return fmt::format(fmt::runtime(tr("正则表达式 `{}` 中的 \\C 只匹配一个字节,会把汉字拆开;"
                                       "匹配一个字请用 .",
                                       "`\\C` in regular expression `{}` matches a single byte "
                                       "and splits Chinese characters; use `.` for one "
                                       "character")),
                       regex.pattern());
  if (const auto c = unmatchable_character(regex.pattern())) return unmatchable_refusal(regex, *c);
  if (can_match_empty(regex))
    return fmt::format(fmt::runtime(tr("正则表达式 `{}` 能匹配空文本,任何回答都会算作含有它;"
                                       "请让它至少匹配一个字",
                                       "regular expression `{}` can match empty text, so every "
                                       "reply would count as containing it; make it match at "
                                       "least one character")),
                       regex.pattern());
  return {};
}

}  // namespace

// RE2 refuses `\C` inside brackets, so only escapes outside a `\Q…\E` quotation count.
bool matches_single_bytes(std::string_view pattern) {
  for (std::size_t at = 0; at < pattern.size();) {
    if (pattern[at] != '\\') {
      ++at;
      continue;
    }
    if (pattern.substr(at, 2) == "\\C") return true;
    at = after_escape(pattern, at);  // in `\\C` the C is a letter
  }
  return false;
}

std::optional<char32_t> unmatchable_character(std::string_view pattern) {
  for (std::size_t at = 0; at < pattern.size();) {
    if (pattern.substr(at, 4) == "(?P<") {  // a group's name is no text to match
      const std::size_t close = pattern.find('>', at);
      at = close == std::string_view::npos ? pattern.size() : close + 1;
    } else if (pattern[at] == '[') {
      at = after_class(pattern, at);
    } else if (pattern[at] == '\\') {
      at = after_escape(pattern, at);
    } else {
      const char32_t c = utf8::decode(pattern, at);
      if (c != utf8::kInvalid && !occurs_normalised(c)) return c;
    }
  }
  return std::nullopt;
}

std::unique_ptr<RE2> compile_trainer_pattern(const MarkedText& pattern, const std::string& file,
                                             Diagnostics& diagnostics) {
  auto compiled = std::make_unique<RE2>(pattern.text, pattern_options());
  if (std::string problem = refusal(*compiled); !problem.empty()) {
    diagnostics.error(file, pattern.mark, std::move(problem));
    return nullptr;
  }
  return compiled;
}

}  // namespace coach
