#include "engine/ascii_only_escapes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "engine/pattern_assertions.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// The POSIX classes of RE2, each ASCII alone, that stand for what Chinese text has too:
// letters, letters and digits, punctuation, anything printed. [:digit:] is the same in both
// (replies' digits are ASCII), [:space:] and the like are refused as never occurring.
constexpr std::string_view kAsciiPosixClasses[] = {"[:word:]",  "[:alpha:]", "[:alnum:]",
                                                   "[:upper:]", "[:lower:]", "[:graph:]",
                                                   "[:print:]", "[:punct:]"};

// A bracketed class of nothing but ASCII-only classes: `[\w]`, `[[:word:]]`, `[^\W]`,
// `[[:alpha:]]`, `[[:alnum:][:punct:]]`. One that lists anything else as well (`[\w\p{Han}]`,
// `[[:alpha:]-]`) may match a Chinese character, or is plainly meant for ASCII.
std::optional<std::string_view> ascii_only_class(std::string_view written) {
  const bool negated = written.starts_with("[^");
  const std::string_view word = negated ? "\\W" : "\\w";
  bool any = false;
  for (std::size_t at = negated ? 2 : 1; at + 1 < written.size();) {
    const std::string_view rest = written.substr(at);
    const auto posix =
        std::find_if(std::begin(kAsciiPosixClasses), std::end(kAsciiPosixClasses),
                     [&](std::string_view named) { return rest.starts_with(named); });
    if (!negated && posix != std::end(kAsciiPosixClasses)) {
      at += posix->size();
      any = true;
    } else if (rest.starts_with(word)) {
      at += 2;
      any = true;
    } else if (!negated && rest.starts_with("[:digit:]")) {  // [[:alpha:][:digit:]]: alnum
      at += 9;
    } else {
      return std::nullopt;
    }
  }
  return any ? std::optional(written) : std::nullopt;
}

// Whether a class names a POSIX class other than [:word:] (whose message is \w's): all of RE2's
// are ASCII, and `[[:alpha:]]` reads like "a letter", 汉字 included, as in other engines.
bool names_posix_class(std::string_view written) {
  for (std::size_t at = written.find("[:"); at != std::string_view::npos;
       at = written.find("[:", at + 2)) {
    if (written.substr(at, 8) != "[:word:]") return true;
  }
  return false;
}

}  // namespace

std::optional<std::string_view> ascii_only_escape(std::string_view pattern,
                                                  const std::vector<Token>& tokens) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view written = token_text(pattern, tokens[i]);
    if (tokens[i].kind == TokenKind::brackets) {
      if (const auto ascii = ascii_only_class(written)) return ascii;
      continue;
    }
    if (tokens[i].kind != TokenKind::escape) continue;
    if (written == "\\w") return written;
    if ((written == "\\b" || written == "\\B") && boundary_beside_chinese(pattern, tokens, i))
      return written;
  }
  return std::nullopt;
}

std::string ascii_only_refusal(std::string_view pattern, std::string_view escape) {
  const std::string shown = utf8::quote_visibly(pattern);
  if (names_posix_class(escape))
    return fmt::format(
        fmt::runtime(tr("正则表达式 `{}` 中的 `{}` 只匹配 ASCII 字符(RE2 的 POSIX 字符类都只含 "
                        "ASCII),不匹配汉字和中文标点;汉字请写 `\\p{{Han}}`,任意字母(含汉字)写 "
                        "`\\pL`,字母或数字写 `[\\pL\\pN]`,标点写 `\\pP`,同一分句内的任意字写 "
                        "`[^,.!?;]`",
                        "`{1}` in regular expression `{0}` matches ASCII characters only (RE2's "
                        "POSIX classes hold nothing else), never a Chinese character or Chinese "
                        "punctuation; for Chinese characters write `\\p{{Han}}`, for any letter "
                        "(Chinese included) `\\pL`, for letters and digits `[\\pL\\pN]`, for "
                        "punctuation `\\pP`, for any characters within a clause `[^,.!?;]`")),
        shown, escape);
  if (escape == "\\B")
    return fmt::format(
        fmt::runtime(tr("正则表达式 `{}` 中的 `{}` 只认 ASCII 字母、数字和下划线:在汉字旁边,只要"
                        "另一边不是这类字符它就成立(两个汉字之间总是成立),分不出词的内外;删掉它",
                        "`{1}` in regular expression `{0}` knows only ASCII letters, digits and "
                        "underscore: beside a Chinese character it holds unless one of those "
                        "stands on its other side (between two Chinese characters it always "
                        "holds), so it tells nothing about words; remove it")),
        shown, escape);
  if (escape != "\\b")
    return fmt::format(
        fmt::runtime(tr("正则表达式 `{}` 中的 `{}` 只匹配 ASCII 字母、数字和下划线,不匹配汉字;"
                        "汉字请写 `\\p{{Han}}`,同一分句内的任意字写 `[^,.!?;]`",
                        "`{1}` in regular expression `{0}` matches only ASCII letters, digits and "
                        "underscore, never a Chinese character; for Chinese characters write "
                        "`\\p{{Han}}`, for any characters within a clause `[^,.!?;]`")),
        shown, escape);
  return fmt::format(
      fmt::runtime(
          tr("正则表达式 `{}` 中的 `{}` 只认 ASCII 字母、数字和下划线旁的边界,在汉字旁边"
             "不成立;要它单独成句,前面写 `(^|[,.!?;])`,后面写 `([,.!?;]|$)`",
             "`{1}` in regular expression `{0}` is a boundary of ASCII letters, digits and "
             "underscore only and does not hold beside Chinese characters; for words "
             "that stand on their own write `(^|[,.!?;])` before them and `([,.!?;]|$)` "
             "after")),
      shown, escape);
}

}  // namespace coach
