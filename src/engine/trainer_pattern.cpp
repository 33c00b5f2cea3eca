#include "engine/trainer_pattern.hpp"

#include <fmt/format.h>

#include "engine/phrase_matcher.hpp"
#include "util/i18n.hpp"

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

// RE2 refuses `\C` inside brackets, so only escapes outside a `\Q…\E` quotation count.
bool matches_single_bytes(std::string_view pattern) {
  for (std::size_t i = 0; i + 1 < pattern.size(); ++i) {
    if (pattern[i] != '\\') continue;
    const char escaped = pattern[i + 1];
    if (escaped == 'C') return true;
    if (escaped == 'Q') {
      const std::size_t end = pattern.find("\\E", i + 2);
      if (end == std::string_view::npos) return false;
      i = end;
    }
    ++i;  // past the escaped character: in `\\C` the C is a letter
  }
  return false;
}

namespace {

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
