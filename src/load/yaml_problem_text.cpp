#include "load/yaml_problem_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <span>
#include <utility>

#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// libyaml's words, ours in Chinese, and ours in English where libyaml's are not clear enough.
struct Wording {
  std::string_view libyaml;
  std::string_view zh;
  std::string_view en = {};  // libyaml's own when empty
  // What usually fixes it, said unless a typing mistake explains the error better.
  std::string_view advice_en = {};
  std::string_view advice_zh = {};

  std::string_view words() const { return tr(zh, en.empty() ? libyaml : en); }
};

constexpr std::array kProblems = {
    Wording{"found character that cannot start any token", "这个字符不能开始一项内容", "",
            " (quote text that starts with @, ` or %)", "(以 @、` 或 % 开头的文字请加引号)"},
    Wording{"could not find expected ':'", "找不到应有的冒号“:”", "",
            " (a key's colon needs a space after it)", "(键后的冒号要跟一个空格)"},
    Wording{"found unexpected end of stream", "文件提前结束了(引号或括号没有闭合?)"},
    Wording{"found a tab character that violates indentation", "缩进里有 Tab,请改用空格"},
    Wording{"found a tab character where an indentation space is expected",
            "缩进里有 Tab,请改用空格"},
    Wording{"found unknown escape character", "未知的转义字符(双引号里的 \\ 后面)", "",
            " (write regular expressions and other text with \\ in single quotes: '\\d+元')",
            "(正则表达式和其他含 \\ 的文字请用单引号括起来:'\\d+元')"},
    Wording{"block sequence entries are not allowed in this context",
            "这里不能开始列表项(-),缩进可能不对"},
    Wording{"mapping keys are not allowed in this context", "这里不能开始一个键"},
    Wording{"mapping values are not allowed in this context", "这里不能有“键: 值”", "",
            " (quote text that contains “: ”)", "(文字中的英文冒号后跟空格时,请给整段文字加引号)"},
    Wording{"found unexpected document indicator", "文字中间出现了文档分隔符(--- 或 ...)"},
    Wording{"did not find expected <document start>", "这里有无法读取的多余内容",
            "unexpected text after the document"},
    Wording{"did not find expected node content", "这里缺少内容"},
    Wording{"did not find expected '-' indicator", "这里应是列表项(- ),缩进可能不对"},
    Wording{"did not find expected key", "这里应是一个键(键: 值),缩进可能不对"},
    Wording{"did not find expected ',' or ']'", "缺少“,”或“]”"},
    Wording{"did not find expected ',' or '}'", "缺少“,”或“}”"},
    Wording{"did not find expected comment or line break", "这一行的内容结束后还有多余的文字"},
    Wording{"did not find expected whitespace or line break", "这里应有空格或换行"},
    Wording{"found undefined tag handle", "未定义的标签(!)"},
    Wording{"found an indentation indicator equal to 0", "多行文字(| 或 >)后的缩进数字不能是 0"},
    Wording{"found incompatible YAML document", "不支持的 YAML 版本(%YAML 指令)"},
    Wording{"found invalid Unicode character escape code", "无效的 Unicode 转义(\\u 或 \\U 之后)"},
    Wording{"did not find expected hexdecimal number", "转义里应是十六进制数字"},
    Wording{"did not find expected alphabetic or numeric character",
            "这里应是英文字母或数字(锚点 & 和别名 * 的名字只能用英文字母、数字、- 和 _)",
            "did not find expected alphabetic or numeric character (names of anchors & and aliases "
            "* use only ASCII letters, digits, - and _)"},
    Wording{"found unknown directive name", "未知的 % 指令"},
    Wording{"did not find the expected '>'", "缺少“>”"},
};

constexpr std::array kContexts = {
    Wording{"while parsing a block mapping", "读取映射时"},
    Wording{"while parsing a block collection", "读取列表或映射时"},
    Wording{"while parsing a flow sequence", "读取 [ ] 列表时"},
    Wording{"while parsing a flow mapping", "读取 { } 映射时"},
    Wording{"while parsing a node", "读取内容时"},
    Wording{"while parsing a block node", "读取内容时"},
    Wording{"while parsing a flow node", "读取内容时"},
    Wording{"while scanning a simple key", "读取键时"},
    Wording{"while parsing a quoted scalar", "读取带引号的文字时"},
    Wording{"while scanning a quoted scalar", "读取带引号的文字时"},
    Wording{"while scanning a block scalar", "读取多行文字(| 或 >)时"},
    Wording{"while scanning a plain scalar", "读取文字时"},
    Wording{"while scanning an anchor", "读取锚点(&)时"},
    Wording{"while scanning an alias", "读取别名(*)时"},
    Wording{"while scanning a tag", "读取标签(!)时"},
};

const Wording* find(std::span<const Wording> table, std::string_view libyaml) {
  for (const Wording& wording : table) {
    if (wording.libyaml == libyaml) return &wording;
  }
  return nullptr;
}

// Line `line` (0-based) of the text; lines end at LF, CR LF or CR, as libyaml counts them.
std::string_view line_of(std::string_view text, int line) {
  std::size_t start = 0;
  for (int n = 0; n < line; ++n) {
    const std::size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) return {};
    start = end + (text.compare(end, 2, "\r\n") == 0 ? 2 : 1);
  }
  const std::size_t end = std::min(text.find_first_of("\r\n", start), text.size());
  return text.substr(start, end - start);
}

bool is_key_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// Where a key starts on the line: after the indentation and a list's `- `.
std::size_t key_start(std::string_view line) {
  std::size_t i = line.find_first_not_of(' ');
  if (i != std::string_view::npos && line.compare(i, 2, "- ") == 0)
    i = line.find_first_not_of(' ', i + 2);
  return i;
}

// `vent：好`: a key typed with the input method's colon; where the colon is. A `：` inside a
// reply is no mistake.
std::optional<std::size_t> full_width_colon_after_key(std::string_view line) {
  constexpr std::string_view kFullWidthColon = "\xEF\xBC\x9A";  // ：
  const std::size_t start = key_start(line);
  if (start == std::string_view::npos) return std::nullopt;
  const std::size_t colon = line.find(kFullWidthColon, start);
  if (colon == std::string_view::npos || colon == start) return std::nullopt;
  const std::string_view key = line.substr(start, colon - start);
  if (key.find_first_of(" :") != std::string_view::npos || key.size() > 64) return std::nullopt;
  return colon;
}

// `scenario:bill-500`: a key, a colon and straight on, where YAML reads one word; where the
// colon is.
std::optional<std::size_t> colon_without_space(std::string_view line) {
  const std::size_t start = key_start(line);
  if (start == std::string_view::npos) return std::nullopt;
  std::size_t i = start;
  while (i < line.size() && is_key_character(line[i])) ++i;
  if (i > start && i + 1 < line.size() && line[i] == ':' && line[i + 1] != ' ' &&
      line.find(": ") == std::string_view::npos)
    return i;
  return std::nullopt;
}

// The key a line starts with (`principle` in `  principle: …`), or empty.
std::string_view leading_key(std::string_view line) {
  const std::size_t start = key_start(line);
  if (start == std::string_view::npos) return {};
  std::size_t end = start;
  while (end < line.size() && is_key_character(line[end])) ++end;
  const bool colon =
      end < line.size() && line[end] == ':' && (end + 1 == line.size() || line[end + 1] == ' ');
  return end > start && colon ? line.substr(start, end - start) : std::string_view{};
}

// The line before `line`, which is a line of `text` (as line_of gives it), or nothing before the
// first. Stepping back from a line, not counting lines from the start of the text again, keeps a
// walk over a hundred thousand blank lines from taking minutes.
std::optional<std::string_view> line_before(std::string_view text, std::string_view line) {
  std::size_t end = static_cast<std::size_t>(line.data() - text.data());
  if (end == 0) return std::nullopt;
  --end;  // back over the line break: LF, CR LF or CR
  if (end > 0 && text[end] == '\n' && text[end - 1] == '\r') --end;
  const std::size_t before = end == 0 ? std::string_view::npos : text.find_last_of("\r\n", end - 1);
  const std::size_t start = before == std::string_view::npos ? 0 : before + 1;
  return text.substr(start, end - start);
}

// The nearest line above `line` that is neither blank nor a comment: the one `line` goes on
// from.
std::optional<std::string_view> line_above(std::string_view text, std::string_view line) {
  for (auto above = line_before(text, line); above; above = line_before(text, *above)) {
    const std::size_t indent = indentation(*above);
    if (indent < above->size() && (*above)[indent] != '#') return above;
  }
  return std::nullopt;
}

constexpr std::string_view kWideSpace = "\xE3\x80\x80";      // 　
constexpr std::string_view kFullWidthDash = "\xEF\xBC\x8D";  // －
constexpr std::string_view kFullWidthHash = "\xEF\xBC\x83";  // ＃

// A mistake whose hint says all, as an aside to another message: “(…)”.
TypingMistake as_aside(TypingMistake mistake) {
  if (mistake.says_all) mistake.hint = fmt::format(fmt::runtime(tr("({})", " ({})")), mistake.hint);
  mistake.says_all = false;
  return mistake;
}

// The input method's `－` where a list item was meant: starting its line, or typed after its key
// (`model_answers: － 您好`), where an item cannot start either.
TypingMistake full_width_dash_mistake(int at, std::size_t dash, bool after_key = false) {
  const auto text =
      after_key ? tr("(第 {} 行的“－”是全角的;列表项要另起一行,用半角“- ”)",
                     " (the “－” on line {} is full-width; a list item takes “- ” at the start of "
                     "a line of its own)")
                : tr("(第 {} 行开头是全角的“－”;列表项要用半角“- ”)",
                     " (line {} starts with a full-width “－”; a list item takes “- ”)");
  return TypingMistake{fmt::format(fmt::runtime(text), at + 1), dash};
}

// `-id: s1`, `-　id: s1`: a dash starting the line with no space after it, or the input method's
// space, so YAML reads one word where a list item was meant. Where the dash is; the hint says
// all, without parentheses.
std::optional<TypingMistake> dash_without_space(std::string_view line, int at) {
  const std::size_t dash = line.find_first_not_of(' ');
  if (dash == std::string_view::npos || line[dash] != '-' || dash + 1 == line.size())
    return std::nullopt;
  const std::string_view after = line.substr(dash + 1);
  if (after.starts_with(kWideSpace)) {
    return TypingMistake{
        fmt::format(fmt::runtime(tr("第 {} 行的“-”后面是全角空格“　”;列表项要用半角“- ”,即减号后"
                                    "加一个半角空格",
                                    "the “-” on line {} is followed by a full-width space “　”; "
                                    "a list item takes “- ”, a dash and an ASCII space")),
                    at + 1),
        dash, true};
  }
  if (std::string_view(" \t-").find(after.front()) != std::string_view::npos) return std::nullopt;
  return TypingMistake{
      fmt::format(fmt::runtime(tr("第 {} 行的“-”后面缺少空格;列表项要用半角“- ”,即减号后加一个"
                                  "空格",
                                  "the “-” on line {} has no space after it; a list item takes "
                                  "“- ”, a dash and a space")),
                  at + 1),
      dash, true};
}

// The input method's brace and brackets, and the ASCII pair YAML takes for each.
struct Opening {
  std::string_view full_width;
  std::string_view ascii;
};
constexpr Opening kOpenings[] = {
    {"\xEF\xBD\x9B", "{ }"}, {"\xE3\x80\x90", "[ ]"}, {"\xEF\xBC\xBB", "[ ]"}};  // ｛ 【 ［

// `－ id: vent`, `- ｛concept: empathy｝`, `customer: 【name: 陈女士】`: the input method's dash,
// brace or bracket where YAML's starts a list item or a collection, so what follows is text
// that holds a `: `. The offset is within the line.
std::optional<TypingMistake> full_width_syntax(std::string_view line, int at) {
  const std::size_t first = line.find_first_not_of(' ');
  if (first == std::string_view::npos) return std::nullopt;
  if (line.substr(first).starts_with(kFullWidthDash)) return full_width_dash_mistake(at, first);
  // Where a value starts: the item's (`- ｛…`), or the key's (`customer: 【…`).
  std::size_t value = key_start(line);
  if (value == std::string_view::npos) return std::nullopt;
  if (const std::string_view key = leading_key(line); !key.empty())
    value = line.find_first_not_of(' ', value + key.size() + 1);
  if (value == std::string_view::npos) return std::nullopt;
  for (const Opening& opening : kOpenings) {
    if (!line.substr(value).starts_with(opening.full_width)) continue;
    if (line.find(": ", value) == std::string_view::npos) return std::nullopt;
    return TypingMistake{
        fmt::format(fmt::runtime(tr("(第 {} 行的“{}”是全角的;YAML 的 {} 要用半角括号)",
                                    " (the “{1}” on line {0} is full-width; YAML's {2} take "
                                    "ASCII brackets)")),
                    at + 1, opening.full_width, opening.ascii),
        value};
  }
  return std::nullopt;
}

// Whether the key `key` of `line` has nothing after it (but a comment): it then opens the block
// below it, and a key indented deeper there is nested, as it should be.
bool opens_a_block(std::string_view line, std::string_view key) {
  std::string_view rest = line.substr(static_cast<std::size_t>(key.data() - line.data()) +
                                      key.size() + 1);  // past `key:`
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return rest.empty() || rest.front() == '#';
}

// `    customer: 行吧` then `      principle: 跟踪服务`: the second key indented deeper than the
// first. After plain text (`read_as_text`) YAML reads it as more of that text, whose `: ` then
// cannot stand; after a quoted text or a [ ] or { } it finds no key where one must be, and
// saying so would name what is there: the hint says all.
std::optional<TypingMistake> key_indented_deeper(std::string_view text, int line,
                                                 bool read_as_text) {
  const std::string_view shown = line_of(text, line);
  const std::string_view key = leading_key(shown);
  if (key.empty() || shown.substr(indentation(shown)).starts_with("- ")) return std::nullopt;
  const auto above = line_above(text, shown);
  const std::string_view above_key = above ? leading_key(*above) : std::string_view{};
  // `responses:` above `  vent: 好的: 我马上帮您查` is no slip of indentation: the `: ` in the
  // reply is (outside pass 52, finding 1).
  if (above_key.empty() || opens_a_block(*above, above_key)) return std::nullopt;
  const std::size_t key_column = static_cast<std::size_t>(above_key.data() - above->data());
  const std::size_t deeper = indentation(shown);
  if (deeper <= key_column) return std::nullopt;
  const std::string_view wording =
      read_as_text
          ? tr("(第 {} 行的 `{}:` 比上一行的 `{}:` 多缩进了 {} 格,被读成了上一行文字的继续;"
               "同一层的键要对齐)",
               " (`{1}:` on line {0} is indented {3} more than `{2}:` above it, so it reads as "
               "more of that key's text; keys at one level line up)")
          : tr("第 {} 行的 `{}:` 比上一行的 `{}:` 多缩进了 {} 格;同一层的键要对齐",
               "`{1}:` on line {0} is indented {3} more than `{2}:` above it; keys at one "
               "level line up");
  return TypingMistake{
      fmt::format(fmt::runtime(wording), line + 1, key, above_key, deeper - key_column),
      static_cast<std::size_t>(key.data() - text.data()), !read_as_text};
}

// Whether `shown`, a line of `text` starting with `-` and no space, was meant as a list item
// rather than as text going on: the dash stands before a key (`-id: s1`), a { } or [ ], or an input
// method's space; or the line above is an item at its indentation, or a key with nothing after it
// that opens what this line starts.
bool meant_as_list_item(std::string_view text, std::string_view shown) {
  const std::size_t dash = indentation(shown);
  if (dash == shown.size() || shown[dash] != '-') return false;
  const std::string_view after = shown.substr(dash + 1);
  if (!key_of_line(after).empty()) return true;
  if (after.starts_with(kWideSpace) || after.starts_with('{') || after.starts_with('['))
    return true;
  const auto above = line_above(text, shown);
  if (!above) return false;
  const std::size_t above_indent = indentation(*above);
  if (above_indent == dash) return above->substr(above_indent).starts_with("- ");
  const std::string_view key = leading_key(*above);
  return above_indent < dash && !key.empty() &&
         key.data() + key.size() + 1 == above->data() + above->size();
}

// `vent ＃注释`, `＃ 注释`: the input method's `＃` at byte `start` or after a space from there
// on, where a comment was meant. The hint says all.
std::optional<TypingMistake> hash_for_comment(std::string_view line_text, std::size_t start,
                                              int line) {
  for (std::size_t at = line_text.find(kFullWidthHash, start); at != std::string_view::npos;
       at = line_text.find(kFullWidthHash, at + 1)) {
    const std::string_view before = line_text.substr(0, at);
    if (at != start && !before.ends_with(' ') && !before.ends_with(kWideSpace)) continue;
    return TypingMistake{
        fmt::format(fmt::runtime(tr("第 {} 行的“＃”是全角的,不开始注释;YAML 的注释要用半角“#”",
                                    "the “＃” on line {} is full-width and starts no comment; a "
                                    "YAML comment takes the ASCII “#”")),
                    line + 1),
        at, true};
  }
  return std::nullopt;
}

// `＃ 注释` starting a line: the input method's `＃`, which YAML reads as text.
std::optional<TypingMistake> full_width_hash_starting(std::string_view line, int at) {
  const std::size_t first = line.find_first_not_of(' ');
  if (first == std::string_view::npos || !line.substr(first).starts_with(kFullWidthHash))
    return std::nullopt;
  return hash_for_comment(line, first, at);
}

// libyaml looks no further than 1,024 characters for the colon of a key.
std::optional<TypingMistake> key_too_long(std::string_view line, int at) {
  const std::size_t colon = line.find(": ");
  if (colon == std::string_view::npos || utf8::count_code_points(line.substr(0, colon)) <= 1024)
    return std::nullopt;
  return TypingMistake{
      fmt::format(fmt::runtime(tr("(第 {} 行的键超过 1024 个字符)",
                                  " (the key on line {} is longer than 1,024 characters)")),
                  at + 1),
      std::nullopt};
}

// The invisible character at byte `at` of `line`, as messages show one (`\u200B`): a zero-width
// space or byte order mark after a key's colon, before its space, was said to be no space at all
// (outside pass 52, finding 2).
std::optional<std::string> invisible_after(std::string_view line, std::size_t at) {
  if (at >= line.size()) return std::nullopt;
  std::size_t end = at;
  utf8::decode(line, end);
  const std::string_view character = line.substr(at, end - at);
  if (!utf8::has_hidden_characters(character)) return std::nullopt;
  return utf8::show_hidden(character);
}

// `scenario:bill-500`, `stage:　vent`: a key's colon with no space after it, or with the input
// method's space, which looks like the space YAML wants.
std::optional<TypingMistake> colon_mistake(std::string_view line, int at) {
  const auto colon = colon_without_space(line);
  if (!colon) return std::nullopt;
  if (line.substr(*colon + 1).starts_with(kWideSpace)) {
    return TypingMistake{
        fmt::format(fmt::runtime(tr("第 {} 行的冒号后是全角空格“　”;请改成半角空格",
                                    "the space after the colon on line {} is a full-width "
                                    "“　”; type an ASCII space")),
                    at + 1),
        *colon + 1, true};
  }
  if (const auto hidden = invisible_after(line, *colon + 1)) {
    return TypingMistake{
        fmt::format(fmt::runtime(tr("第 {} 行的冒号后有一个看不见的字符 {}:请删掉它,"
                                    "冒号后直接跟半角空格",
                                    "after the colon on line {} stands an invisible {}: delete "
                                    "it, so that an ASCII space follows the colon")),
                    at + 1, *hidden),
        *colon + 1, true};
  }
  return TypingMistake{fmt::format(fmt::runtime(tr("(第 {} 行的冒号后缺少空格)",
                                                   " (line {} needs a space after its colon)")),
                                   at + 1),
                       *colon};
}

// The mistake `shown`, line `at` of `text`, shows by itself; the offset is within the line.
std::optional<TypingMistake> mistake_on_line(std::string_view text, std::string_view shown,
                                             int at) {
  if (const auto colon = full_width_colon_after_key(shown))
    return TypingMistake{full_width_colon_text(at), *colon};
  if (auto mistake = full_width_syntax(shown, at)) return mistake;
  if (auto mistake = full_width_hash_starting(shown, at)) return mistake;
  if (meant_as_list_item(text, shown)) {
    if (auto mistake = dash_without_space(shown, at)) return mistake;
  }
  if (auto mistake = key_too_long(shown, at)) return mistake;
  return colon_mistake(shown, at);
}

// "YAML syntax error: …", saying `what`.
std::string syntax_error_said(std::string_view what) {
  return fmt::format(fmt::runtime(tr("YAML 语法错误: {}", "YAML syntax error: {}")), what);
}

// Where a full-width (U+3000) or no-break space stands in the indentation of a key or a list
// item on the line: an input method's space, which YAML takes for text.
std::optional<std::size_t> wide_indent_in(std::string_view line) {
  const std::size_t first = indentation(line);
  const std::string_view rest = after_wide_spaces(line.substr(first));
  if (rest.size() == line.size() - first) return std::nullopt;
  if (key_of_line(rest).empty() && rest.substr(0, 2) != "- " && rest != "-") return std::nullopt;
  return first;
}

}  // namespace

std::string_view after_wide_spaces(std::string_view text) {
  constexpr std::string_view kWideSpaces[] = {"\xE3\x80\x80", "\xC2\xA0"};
  for (bool more = true; more;) {
    more = false;
    for (const std::string_view space : kWideSpaces) {
      if (!text.starts_with(space)) continue;
      text.remove_prefix(space.size());
      more = true;
    }
    if (more) text.remove_prefix(std::min(text.find_first_not_of(' '), text.size()));
  }
  return text;
}

std::optional<std::size_t> wide_indent_near(std::string_view text, int line) {
  for (int at = line - 1; at <= line; ++at) {
    if (at < 0) continue;
    const std::string_view shown = line_of(text, at);
    if (const auto found = wide_indent_in(shown))
      return static_cast<std::size_t>(shown.data() - text.data()) + *found;
  }
  return std::nullopt;
}

std::optional<TypingMistake> find_typing_mistake(std::string_view text, int line,
                                                 std::string_view problem) {
  for (int at = line; at >= 0 && at >= line - 1; --at) {
    const std::string_view shown = line_of(text, at);
    if (auto mistake = mistake_on_line(text, shown, at)) {
      if (mistake->offset) *mistake->offset += static_cast<std::size_t>(shown.data() - text.data());
      return mistake;
    }
  }
  if (problem == "mapping values are not allowed in this context")
    return key_indented_deeper(text, line, true);
  if (problem == "did not find expected key") return key_indented_deeper(text, line, false);
  return std::nullopt;
}

std::string typing_mistake_text(std::string_view problem, const TypingMistake& mistake) {
  if (mistake.says_all) return syntax_error_said(mistake.hint);
  return syntax_error_text(problem, false) + mistake.hint;
}

std::optional<TypingMistake> collection_typed_as_text(std::string_view line_text, std::size_t start,
                                                      int line, bool want_list) {
  const std::string_view value = line_text.substr(std::min(start, line_text.size()));
  if (want_list && indentation(line_text) == start) {
    if (value.starts_with(kFullWidthDash)) return full_width_dash_mistake(line, start);
    if (auto mistake = dash_without_space(line_text, line)) return as_aside(std::move(*mistake));
  }
  if (want_list && value.starts_with(kFullWidthDash))
    return full_width_dash_mistake(line, start, true);
  for (const Opening& opening : kOpenings) {
    if (!value.starts_with(opening.full_width)) continue;
    if (want_list) {
      return TypingMistake{
          fmt::format(fmt::runtime(tr("(第 {} 行的“{}”是全角的;列表要用半角括号 [ ])",
                                      " (the “{1}” on line {0} is full-width; a list takes the "
                                      "ASCII brackets [ ])")),
                      line + 1, opening.full_width),
          start};
    }
    if (opening.ascii != "{ }") return std::nullopt;
    return TypingMistake{
        fmt::format(fmt::runtime(tr("(第 {} 行的“｛”是全角的;映射要用半角括号 {{ }})",
                                    " (the “｛” on line {} is full-width; a mapping takes the "
                                    "ASCII braces {{ }})")),
                    line + 1),
        start};
  }
  if (want_list) return std::nullopt;
  if (const auto colon = full_width_colon_after_key(value))
    return TypingMistake{full_width_colon_text(line), start + *colon};
  return std::nullopt;
}

std::optional<TypingMistake> full_width_hash(std::string_view line_text, std::size_t start,
                                             int line) {
  if (auto mistake = hash_for_comment(line_text, start, line)) return as_aside(std::move(*mistake));
  return std::nullopt;
}

std::optional<TypingMistake> full_width_comma_before(std::string_view text, std::size_t offset,
                                                     int line, std::string_view problem) {
  constexpr std::string_view kFullWidthComma = "\xEF\xBC\x8C";  // ，
  const std::string_view brackets = problem == "did not find expected ',' or '}'"   ? "{ }"
                                    : problem == "did not find expected ',' or ']'" ? "[ ]"
                                                                                    : "";
  if (brackets.empty()) return std::nullopt;
  // Back over the entry libyaml was reading, to the ASCII comma or bracket before it.
  for (std::size_t at = std::min(offset, text.size()) + 1; at-- > 0;) {
    if (text.substr(at).starts_with(kFullWidthComma)) {
      return TypingMistake{
          fmt::format(fmt::runtime(tr("(第 {} 行的“，”是全角的;{} 里的各项要用半角逗号“,”分开)",
                                      " (the “，” on line {} is full-width; the entries of {} are "
                                      "separated by an ASCII comma “,”)")),
                      line + 1, brackets),
          at};
    }
    if (at < offset && std::string_view("\r\n,[]{}").find(text[at]) != std::string_view::npos)
      break;
  }
  return std::nullopt;
}

std::string full_width_colon_text(int line) {
  return fmt::format(fmt::runtime(tr("(第 {} 行有全角冒号“：”;YAML 只认半角冒号加空格“: ”)",
                                     " (line {} has a full-width colon “：”; YAML takes only "
                                     "“: ”)")),
                     line + 1);
}

std::size_t indentation(std::string_view line) {
  return std::min(line.find_first_not_of(' '), line.size());
}

std::string_view key_of_line(std::string_view line) {
  const std::string_view key = leading_key(line);
  if (key.empty() || key.data() != line.data() + indentation(line)) return {};
  return key;
}

std::string key_in_text_block_text(int line, std::string_view key, std::string_view owner,
                                   std::size_t deeper, char indicator) {
  return fmt::format(
      fmt::runtime(tr("(第 {0} 行的 `{1}:` 比 `{2}:` 多缩进了 {3} 格,成了 `{2}` 的多行文字({4})"
                      "的一部分;同一层的键要对齐)",
                      " (`{1}:` on line {0} is indented {3} more than `{2}:`, so it became part "
                      "of the text block ({4}) of `{2}`; keys at one level line up)")),
      line + 1, key, owner, deeper, indicator);
}

std::string refused_character_text(char32_t cp) {
  if (cp == 0) return std::string(tr("文件中有 NUL 字节(\\0)", "NUL byte (\\0) in the file"));
  if (cp == '\r') {
    return std::string(
        tr("文件中有单独的回车符 CR(U+000D,旧式 Mac 换行,或粘贴带进来的):YAML "
           "在此换行,编辑器和 grep 却不算;请删除,或把文件存为 LF 或 CR LF 换行",
           "a lone carriage return (U+000D, a classic Mac line end or pasted "
           "in): YAML breaks the line there though editors and grep do not; "
           "remove it, or save the file with LF or CR LF line endings"));
  }
  const auto code = static_cast<unsigned>(cp);
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
    return fmt::format(fmt::runtime(tr("文件中有控制字符 U+{:04X}(如终端转义序列)",
                                       "control character U+{:04X} in the file (such as a "
                                       "terminal escape)")),
                       code);
  }
  if (cp == 0x2028 || cp == 0x2029) {
    return fmt::format(
        fmt::runtime(tr("文件中有行分隔符 U+{:04X}:YAML 在此换行,编辑器里却看不出;请删除",
                        "line separator U+{:04X} in the file: YAML breaks the "
                        "line there though an editor shows none; remove it")),
        code);
  }
  if (cp == 0xFEFF) {
    return std::string(
        tr("文件中间有字节顺序标记 U+FEFF(编辑器里看不见,常见于拼接而成的文件):请删除",
           "byte order mark U+FEFF in the middle of the file (invisible in an "
           "editor; files joined together have one): remove it"));
  }
  return fmt::format(
      fmt::runtime(tr("文件中有非文字字符 U+{:04X}", "character U+{:04X} in the file is not text")),
      code);
}

std::string escaped_noncharacter_text(char32_t cp, std::string_view written) {
  return fmt::format(fmt::runtime(tr("文件中有非文字字符 U+{:04X}(写作 `{}`)",
                                     "character U+{:04X} (written `{}`) in the file is not text")),
                     static_cast<unsigned>(cp), written);
}

std::string syntax_error_text(std::string_view problem, bool with_advice) {
  const Wording* wording = find(kProblems, problem);
  std::string text(wording ? wording->words() : problem);
  if (wording && with_advice) text += tr(wording->advice_zh, wording->advice_en);
  return syntax_error_said(text);
}

std::string syntax_context_text(std::string_view context, int line, int column) {
  const Wording* wording = find(kContexts, context);
  return fmt::format(fmt::runtime(tr("({},始于 {}:{})", " ({} that starts at {}:{})")),
                     wording ? wording->words() : context, line, column);
}

}  // namespace coach
