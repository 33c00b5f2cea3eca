#include "engine/trainer_pattern.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cstdint>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "engine/pattern_shape.hpp"
#include "engine/pattern_syntax.hpp"
#include "engine/phrase_matcher.hpp"
#include "engine/plain_pattern.hpp"
#include "engine/program_size.hpp"
#include "text/char_folder.hpp"
#include "text/clauses.hpp"
#include "text/miswritings.hpp"
#include "text/nfkc.hpp"
#include "text/traditional_phrases.hpp"
#include "util/i18n.hpp"
#include "util/memory_reserve.hpp"
#include "util/thread_scratch.hpp"
#include "util/utf8.hpp"

namespace coach {

// An empty match depends only on what stands either side of it: the start or end of the text,
// a line break, a word character (for `\b`, ASCII only in RE2) or another character. Trying
// every pair of those tries every place an empty match could be found in any reply.
bool can_match_empty(const RE2& regex) {
  make_room_for_unsafe_code();
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

// Whether a normalised reply can hold the character: its folded form is itself, or differs
// only in case (RE2 matches these patterns without regard to case), or a word's conversion
// writes it.
bool reads_occurs_normalised(char32_t c) {
  CharFolder& folder = CharFolder::shared();
  if (folder.traditional_phrases().writes(c)) return true;
  const std::string_view folded = folder.fold(c);
  std::string same;
  utf8::append(same, c);
  if (folded == same) return true;
  const std::string case_only = casefold(c);
  return folded == case_only && utf8::count_code_points(case_only) == 1;
}

}  // namespace

// Remembered for the characters of the Basic Multilingual Plane: the load asks for every
// character of every pattern, and working each out took 7 % of `coach list`. Threads may load
// at once, so each answer is an atomic byte: 0 not known yet, 1 yes, 2 no.
bool occurs_normalised(char32_t c) {
  static std::array<std::atomic<std::uint8_t>, 0x10000> known{};
  if (c >= known.size()) return reads_occurs_normalised(c);
  std::atomic<std::uint8_t>& answer = known[c];
  if (const std::uint8_t seen = answer.load(std::memory_order_relaxed); seen != 0) return seen == 1;
  const bool occurs = reads_occurs_normalised(c);
  answer.store(occurs ? 1 : 2, std::memory_order_relaxed);
  return occurs;
}

namespace {

// What draws as nothing, or as something else than itself: format and default-ignorable
// characters (U+FE0F), private-use and unassigned code points (U+E000), surrogates, and
// combining marks, which quoted apart from their letter draw on the backtick (U+0301).
bool draws_as_nothing(char32_t c) {
  if (c > 0x10FFFF) return false;
  if (utf8::is_invisible(c)) return true;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_ME:
      return true;
    default:
      return false;
  }
}

// A code as a regular expression would write it: \u3000, or beyond four digits \U000E0041
// (`\uE0041` would read as U+E004 and a 1).
std::string character_code(char32_t c) {
  const auto code = static_cast<std::uint32_t>(c);
  return c > 0xFFFF ? fmt::format("\\U{:08X}", code) : fmt::format("\\u{:04X}", code);
}

// The character as a message shows it: spaces, line breaks, controls and what draws as
// nothing by their code, since alone between backticks they would show as nothing or break
// the line.
std::string shown_character(char32_t c) {
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  const bool blank = c < 0x21 || c == 0x7F || category == UTF8PROC_CATEGORY_ZS ||
                     category == UTF8PROC_CATEGORY_ZL || category == UTF8PROC_CATEGORY_ZP ||
                     category == UTF8PROC_CATEGORY_CC;
  if (blank || draws_as_nothing(c)) return character_code(c);
  std::string shown;
  utf8::append(shown, c);
  return shown;
}

// The pattern as a message quotes it: as utf8::quote does (its first kMaxQuotedCharacters
// characters, controls as `\x1B`), with what draws as nothing written as its code, the way
// shown_character writes it (utf8::quote would write U+E0041 as `\uE0041`, and U+E000 raw).
std::string shown_pattern(std::string_view pattern) {
  std::string visible;
  std::size_t at = 0;
  for (std::size_t count = 0; at < pattern.size() && count < utf8::kMaxQuotedCharacters; ++count) {
    const std::size_t begin = at;
    const char32_t c = utf8::decode(pattern, at);
    if (draws_as_nothing(c))
      visible += character_code(c);
    else
      visible.append(pattern.substr(begin, at - begin));
  }
  return utf8::show_name(visible) + (at < pattern.size() ? "…" : "");
}

std::string dropped_class_refusal(std::string_view pattern, std::string_view named) {
  return fmt::format(
      fmt::runtime(tr("正则表达式 `{}` 中的 `{}` 只含回答规范化时去掉的字符(空白、控制字符、"
                      "不可见字符),不会出现在回答里;删掉它",
                      "`{1}` in regular expression `{0}` holds only characters that replies lose "
                      "when normalised (whitespace, controls, invisible characters), so it never "
                      "occurs in a reply; remove it")),
      shown_pattern(pattern), shown_pattern(named));
}

std::string dead_class_refusal(std::string_view pattern, std::string_view named) {
  return fmt::format(
      fmt::runtime(tr("正则表达式 `{}` 中的 `{}` 只含回答里不会有的字符:回答先经过规范化(全角转"
                      "半角、大写转小写、繁体转简体、去掉空白、控制字符、私用区和不可见字符)再"
                      "匹配,它永远匹配不到;删掉它,或写出要匹配的字",
                      "`{1}` in regular expression `{0}` holds only characters a reply never has: "
                      "replies are normalised before matching (full-width to half-width, upper "
                      "case to lower, traditional to simplified, whitespace, controls, private-use "
                      "and invisible characters removed), so it never matches; remove it, or "
                      "write the characters meant")),
      shown_pattern(pattern), shown_pattern(named));
}

std::string empty_class_refusal(std::string_view pattern, std::string_view named) {
  return fmt::format(
      fmt::runtime(tr("正则表达式 `{}` 中的 `{}` 不含任何字符,什么也匹配不到;删掉它,或写出要"
                      "匹配的字",
                      "`{1}` in regular expression `{0}` holds no character at all, so it matches "
                      "nothing; remove it, or write the characters meant")),
      shown_pattern(pattern), shown_pattern(named));
}

std::string unmatchable_character_refusal(std::string_view pattern, char32_t c) {
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
      shown_pattern(pattern), shown_character(c), advice);
}

std::string unmatchable_refusal(std::string_view pattern, const UnmatchablePiece& piece) {
  switch (piece.kind) {
    case UnmatchablePiece::Kind::dropped_class:
      return dropped_class_refusal(pattern, piece.named_class);
    case UnmatchablePiece::Kind::dead_class:
      return dead_class_refusal(pattern, piece.named_class);
    case UnmatchablePiece::Kind::empty_class:
      return empty_class_refusal(pattern, piece.named_class);
    case UnmatchablePiece::Kind::character:
      break;
  }
  return unmatchable_character_refusal(pattern, piece.character);
}

std::string case_sensitive_refusal(std::string_view pattern, std::string_view flags) {
  return fmt::format(
      fmt::runtime(
          tr("正则表达式 `{}` 中的 `{}` 让匹配区分大小写,但回答在匹配前已全部转为小写,"
             "大写字母永远匹配不到;模式本来就不分大小写:去掉 `-i`(`(?-i)` 整个删掉)",
             "`{1}` in regular expression `{0}` makes matching case-sensitive, but "
             "replies are case-folded before matching, so a capital letter never "
             "matches; patterns match regardless of case: remove the `-i` (all of `(?-i)`)")),
      shown_pattern(pattern), flags);
}

std::string impossible_assertion_refusal(std::string_view pattern,
                                         const ImpossibleAssertion& assertion) {
  using Reason = ImpossibleAssertion::Reason;
  if (assertion.reason == Reason::after_end)
    return fmt::format(
        fmt::runtime(tr("正则表达式 `{}` 在 `{}` 之后还要求有字,但 `{}` 是回答的结尾,后面不会再"
                        "有字(回答里没有换行,(?m) 也一样),它永远匹配不到;把 `{}` 放到末尾",
                        "regular expression `{0}` requires characters after `{1}`, but `{1}` is "
                        "the end of the reply, where nothing follows (replies hold no line break, "
                        "so with (?m) too): it never matches; put `{1}` at the end")),
        shown_pattern(pattern), assertion.written, assertion.written, assertion.written);
  if (assertion.reason == Reason::before_start)
    return fmt::format(
        fmt::runtime(tr("正则表达式 `{}` 在 `{}` 之前还要求有字,但 `{}` 是回答的开头,前面不会"
                        "有字(回答里没有换行,(?m) 也一样),它永远匹配不到;把 `{}` 放到开头",
                        "regular expression `{0}` requires characters before `{1}`, but `{1}` is "
                        "the start of the reply, where nothing comes before (replies hold no line "
                        "break, so with (?m) too): it never matches; put `{1}` at the start")),
        shown_pattern(pattern), assertion.written, assertion.written, assertion.written);
  return fmt::format(
      fmt::runtime(tr("正则表达式 `{}` 中的 `{}` 在它两边的字之间永远不成立:`\\b` 只在 ASCII "
                      "字母、数字或下划线与其他字符之间成立,`\\B` 正好相反,它永远匹配不到;"
                      "删掉它",
                      "`{1}` in regular expression `{0}` never holds between the characters "
                      "beside it: `\\b` holds only between an ASCII letter, digit or underscore "
                      "and another character, `\\B` only elsewhere, so it never matches; remove "
                      "it")),
      shown_pattern(pattern), assertion.written);
}

// RE2's reason in the trainer's language; RE2 says it in English only.
std::string_view syntax_problem(RE2::ErrorCode code) {
  switch (code) {
    case RE2::ErrorBadEscape:
      return tr("无效的转义", "invalid escape sequence");
    case RE2::ErrorBadCharClass:
      return tr("无效的字符类", "invalid character class");
    case RE2::ErrorBadCharRange:
      return tr("无效的字符范围", "invalid character class range");
    case RE2::ErrorMissingBracket:
      return tr("缺少右方括号 ]", "missing ]");
    case RE2::ErrorMissingParen:
      return tr("缺少右括号 )", "missing )");
    case RE2::ErrorUnexpectedParen:
      return tr("多了一个右括号 )", "unexpected )");
    case RE2::ErrorTrailingBackslash:
      return tr("末尾多了一个 \\", "trailing \\");
    case RE2::ErrorRepeatArgument:
      return tr("重复符号前面没有内容", "nothing before a repetition operator");
    case RE2::ErrorRepeatSize:
      return tr("重复次数无效(最多 1000)", "invalid repetition count (at most 1000)");
    case RE2::ErrorRepeatOp:
      return tr("重复符号用法不对", "bad repetition operator");
    case RE2::ErrorBadPerlOp:
      return tr("不支持的 (? 写法", "unsupported (? syntax");
    case RE2::ErrorBadUTF8:
      return tr("无效的 UTF-8", "invalid UTF-8");
    case RE2::ErrorBadNamedCapture:
      return tr("无效的命名分组", "invalid named group");
    default:
      return tr("无法解析", "cannot be parsed");
  }
}

struct SyntaxError {
  RE2::ErrorCode code;
  std::string fragment;  // the part RE2 points at
};

std::string invalid_refusal(std::string_view pattern, const SyntaxError& error) {
  return fmt::format(fmt::runtime(tr("无效的正则表达式 `{}`:{}:`{}`",
                                     "invalid regular expression `{}`: {}: `{}`")),
                     shown_pattern(pattern), syntax_problem(error.code),
                     utf8::quote(error.fragment));
}

// Most patterns are read as plain (engine/plain_pattern) and need no parser. For the rest, RE2
// parses the pattern, then compiles it within a memory budget. With a budget smaller than
// an empty program the compile fails at its first instruction, so what is left is the parse: its
// error, if any, is the pattern's (a fifth of the cost of a whole compile). No budget at all
// (0, or 1, which RE2 takes two thirds of) would mean the default one.
std::optional<SyntaxError> syntax_error(const std::string& pattern) {
  if (parses_as_plain_pattern(pattern)) return std::nullopt;
  RE2::Options options = pattern_options();
  options.set_max_mem(300);
  make_room_for_unsafe_code();
  const RE2 parsed(pattern, options);
  if (parsed.ok() || parsed.error_code() == RE2::ErrorPatternTooLarge) return std::nullopt;
  return SyntaxError{parsed.error_code(), parsed.error_arg()};
}

// Whether RE2's program for the pattern stays within kMaxPatternInstructions. Only a pattern whose
// bounds exceed the limit is compiled to find out (no bundled one: the largest, 4,080
// instructions, is bounded by 13,696), on a budget that fails soon past the limit: a program
// of 120,000 instructions (`\pL{0,100}`) took 45 ms to compile in full, and every command paid it.
bool within_instruction_limit(const std::string& pattern) {
  // Most patterns are far within it as read; only the others have their classes measured.
  if (program_size_bound(pattern, ClassSizes::read) <= kMaxPatternInstructions) return true;
  if (program_size_bound(pattern, ClassSizes::measured) <= kMaxPatternInstructions) return true;
  RE2::Options options = pattern_options();
  options.set_max_mem(512 << 10);  // room for about 20,000 instructions
  make_room_for_unsafe_code();
  const RE2 sized(pattern, options);
  return sized.ok() && static_cast<std::size_t>(sized.ProgramSize()) <= kMaxPatternInstructions;
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

std::string ascii_only_refusal(std::string_view pattern, std::string_view escape) {
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
        shown_pattern(pattern), escape);
  if (escape != "\\b" && escape != "\\B")
    return fmt::format(
        fmt::runtime(tr("正则表达式 `{}` 中的 `{}` 只匹配 ASCII 字母、数字和下划线,不匹配汉字;"
                        "汉字请写 `\\p{{Han}}`,同一分句内的任意字写 `[^,.!?;]`",
                        "`{1}` in regular expression `{0}` matches only ASCII letters, digits and "
                        "underscore, never a Chinese character; for Chinese characters write "
                        "`\\p{{Han}}`, for any characters within a clause `[^,.!?;]`")),
        shown_pattern(pattern), escape);
  return fmt::format(
      fmt::runtime(
          tr("正则表达式 `{}` 中的 `{}` 只认 ASCII 字母、数字和下划线旁的边界,在汉字旁边"
             "不成立;要它单独成句,前面写 `(^|[,.!?;])`,后面写 `([,.!?;]|$)`",
             "`{1}` in regular expression `{0}` is a boundary of ASCII letters, digits and "
             "underscore only and does not hold beside Chinese characters; for words "
             "that stand on their own write `(^|[,.!?;])` before them and `([,.!?;]|$)` "
             "after")),
      shown_pattern(pattern), escape);
}

std::string too_large_refusal(std::string_view pattern) {
  static_assert(kMaxPatternInstructions == 20'000, "the messages name the limit");
  return fmt::format(
      fmt::runtime(
          tr("正则表达式 `{}` 太大:编译后超过 {} 条指令,每次启动和每个回答都要为它多花"
             "时间和内存。请减少重复次数;`\\pL` 这类大字符类重复多次最占地方,同一分句内"
             "的任意字可写 `[^,.!?;]`;一长串词请写进 phrases",
             "regular expression `{}` is too large: it compiles to more than {} "
             "instructions, which every start and every reply would pay for in time and "
             "memory. Repeat less; a large class such as `\\pL` repeated many times costs "
             "the most, and any characters within a clause can be written `[^,.!?;]`; a long "
             "list of words belongs in `phrases`")),
      shown_pattern(pattern), "20,000");
}

std::string too_many_class_positions_refusal(std::string_view pattern, std::size_t positions) {
  static_assert(kMaxClassPositions == 200, "the messages name the limit");
  return fmt::format(
      fmt::runtime(tr("正则表达式 `{}` 中按次数重复的字符类太多:写开来有 {} 个字由字符类"
                      "(`.`、`[^,]`、`\\pL` 等)匹配,上限是 200。这样的模式在长回答上会让批改"
                      "慢上百倍;同一分句内的任意长度请写 `[^,.!?;]*`",
                      "regular expression `{}` repeats classes too often: written out, it has {} "
                      "characters matched by a class (`.`, `[^,]`, `\\pL` and the like), more "
                      "than the limit of 200. On long replies such a pattern makes grading a "
                      "hundred times slower; for any length within a clause write `[^,.!?;]*`")),
      shown_pattern(pattern), positions);
}

// A run of plain characters as a reply would hold it: with a character before it and what follows.
std::string probe_text(char32_t before, std::string_view run, std::u32string_view after) {
  std::string probe;
  utf8::append(probe, before);
  probe += run;
  for (const char32_t c : after) utf8::append(probe, c);
  return probe;
}

// The code points of the run that mending changes when it stands between `before` and `after`,
// by their index in the run, and the run as mended.
std::pair<std::vector<std::size_t>, std::string> mended_in_probe(char32_t before,
                                                                 std::string_view run,
                                                                 std::size_t length,
                                                                 std::u32string_view after) {
  const std::string probe = probe_text(before, run, after);
  std::string mended = probe;
  mend_miswritten_words(mended);  // in place: the run keeps its bytes' places
  std::vector<std::size_t> changed;
  std::size_t at = 0;
  utf8::decode(probe, at);  // the character before the run
  const std::size_t run_begin = at;
  for (std::size_t index = 0; index < length && mended != probe; ++index) {
    const std::size_t begin = at;
    utf8::decode(probe, at);
    if (probe.compare(begin, at - begin, mended, begin, at - begin) != 0) changed.push_back(index);
  }
  return {changed, mended.substr(run_begin, run.size())};
}

// Whether one of the slips of the run (by index), where the pattern lets any character follow
// the run (its end, `.`, `[^,]`), is kept before some one Chinese character: the run may then
// be meant as the start of a word such as 自个儿 or 措施, which replies keep as typed, and the
// message says to write the word out. Read only for a pattern refused.
bool kept_by_a_word(char32_t before, std::string_view run, const std::vector<std::size_t>& slips) {
  const std::size_t length = utf8::count_code_points(run);
  for (char32_t next = 0x4E00; next <= 0x9FFF; ++next) {
    const std::u32string after{next, kAnyCharacter};
    const auto changed = mended_in_probe(before, run, length, after).first;
    const auto kept = [&](std::size_t index) {
      return std::find(changed.begin(), changed.end(), index) == changed.end();
    };
    if (std::any_of(slips.begin(), slips.end(), kept)) return true;
  }
  return false;
}

// The slips in a run of plain characters that a reply has mended whatever the pattern lets stand
// before the run and follow it, by their index among its code points, and the run as mended. A
// slip is mended or kept by what stands around it (自已经确认 is kept, 自已经常 is not; 因该 is
// 应该 only after 您, 你 or 们 and before what 应该 is said of), so one that some neighbour the
// pattern spells keeps can be matched, and is no mistake. Where the pattern spells nothing (at its
// end,
// `.`), the slip is taken for what it looks like: 自已 at the end is a slip, though 自已经确认
// keeps it. No slips either when there are too many ways on to try.
struct MendedRun {
  std::vector<std::size_t> slips;
  std::string text;
  bool word_may_follow = false;  // kept_by_a_word where the pattern spells nothing after it
};
MendedRun certainly_mended(std::string_view run, const ContinuationReader& reader,
                           std::size_t first, std::size_t last) {
  const std::size_t length = utf8::count_code_points(run);
  MendedRun found;
  bool first_probe = true;
  char32_t unspelt_before = 0;  // a character before the run where nothing spelt follows it
  const auto mend_probe = [&](char32_t before, std::u32string_view after) {
    // Named, not a structured binding: clang (the fuzz build) cannot capture one in a lambda.
    auto probe = mended_in_probe(before, run, length, after);
    const auto& changed = probe.first;
    if (first_probe) found = {changed, std::move(probe.second)};
    std::erase_if(found.slips, [&](std::size_t index) {
      return std::find(changed.begin(), changed.end(), index) == changed.end();
    });
    if (!after.empty() && after.front() == kAnyCharacter) unspelt_before = before;
    first_probe = false;
    return !found.slips.empty();
  };
  const std::vector<char32_t> befores = reader.preceding(first);
  const bool nothing_before =
      std::all_of(befores.begin(), befores.end(), [](char32_t c) { return c == kAnyCharacter; });
  if (length == 1 && nothing_before) return {};  // a slip is read after the character before it
  for (const char32_t before : befores) {
    const bool read_all = reader.read(
        last + 1, 2, [&](std::u32string_view after) { return mend_probe(before, after); });
    if (!read_all || found.slips.empty()) return {};
  }
  found.word_may_follow = unspelt_before != 0 && kept_by_a_word(unspelt_before, run, found.slips);
  return found;
}

// kAnyCharacter in UTF-8.
constexpr std::string_view kAnySpelt = "\xEF\xBF\xBD";
static_assert(kAnyCharacter == 0xFFFD);

// What a token spells, when it is a plain or escaped character, quoted text or a class: a class
// spells the characters it lists (a range its ends), a negated one any character.
void spell(std::string_view pattern, const Token& token, std::string& spelt) {
  constexpr std::size_t kMaxClassMembers = 16;
  const std::string_view written = pattern.substr(token.begin, token.end - token.begin);
  if (token.kind == TokenKind::character) {
    spelt += written;
  } else if (token.kind == TokenKind::quoted) {
    std::string_view quoted = written.substr(2);
    if (quoted.ends_with("\\E")) quoted.remove_suffix(2);
    spelt += quoted;
  } else if (token.kind == TokenKind::escape) {
    if (const auto c = escaped_character(written); c && written != "\\s") utf8::append(spelt, *c);
  } else if (token.kind == TokenKind::brackets && written.starts_with("[^")) {
    spelt += kAnySpelt;
  } else if (token.kind == TokenKind::brackets && written.find('\\') == std::string_view::npos) {
    for (const char c : written.substr(1, written.size() - 2))
      if (c != '-' && c != '[' && c != ':') spelt += c;  // POSIX classes spell letters: no matter
  } else if (token.kind == TokenKind::brackets) {
    const auto parts = class_parts(written);
    if (parts && parts->characters.size() <= kMaxClassMembers)
      for (const char32_t c : parts->characters) utf8::append(spelt, c);
  }
}

// The literal characters of the pattern one after another, without its syntax: what its plain
// and escaped characters, quoted text and small classes spell (`(您|你)因该(?:先|早)` spells
// 您你因该先早). A branch is spelt between what may stand around it: each but the last ends
// before what follows its group, and each but the first starts after what stands before it.
std::string spelt_characters(std::string_view pattern, const std::vector<Token>& tokens) {
  std::vector<std::size_t> close(tokens.size(), tokens.size());
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == TokenKind::group_open) open.push_back(i);
    if (tokens[i].kind == TokenKind::group_close && !open.empty()) {
      close[open.back()] = i;
      open.pop_back();
    }
  }
  struct Group {
    std::size_t close;
    char32_t before;  // the character spelt before the group
  };
  std::vector<Group> groups;
  std::string spelt;
  spelt.reserve(pattern.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const TokenKind kind = tokens[i].kind;
    if (kind == TokenKind::group_open) {
      std::size_t last = spelt.empty() ? 0 : utf8::previous_start(spelt, spelt.size());
      groups.push_back({close[i], spelt.empty() ? kAnyCharacter : utf8::decode(spelt, last)});
    } else if (kind == TokenKind::group_close && !groups.empty()) {
      groups.pop_back();
    } else if (kind == TokenKind::alternation) {
      if (!groups.empty()) {
        for (std::size_t j = groups.back().close + 1;
             j < tokens.size() && j <= groups.back().close + 2; ++j)
          spell(pattern, tokens[j], spelt);
      }
      spelt += kAnySpelt;
      if (!groups.empty()) utf8::append(spelt, groups.back().before);
    } else {
      spell(pattern, tokens[i], spelt);
    }
  }
  return spelt;
}

// Whether a slip may be in the pattern at all, read at once: its literal characters, spelt one
// after another, are mended. Each run of characters then stands beside one of the characters
// that may stand beside it (the first branch of a group, a member of a class), so a pattern
// whose spelling holds no slip holds none that is certainly mended: most patterns need no more.
bool may_hold_slips(std::string_view pattern, const std::vector<Token>& tokens) {
  const std::string spelt = spelt_characters(pattern, tokens);
  std::string mended = spelt;
  mend_miswritten_words(mended);
  return mended != spelt;
}

// The pattern with the typing slips a reply has mended (text/miswritings) mended in it too, when
// one is certainly there: a pattern that spells one (自已弄措了, 自已 at its end, 自已[^,]) looks
// for what no normalised reply holds. Empty when there is none. Slips are read in each run of plain
// characters, against what the pattern lets stand before the run and follow it.
struct MendedPattern {
  std::string text;
  bool word_may_follow = false;  // a slip might be meant as the start of a word (自个儿)
};
MendedPattern mended_slips(std::string_view pattern, const std::vector<Token>& tokens) {
  if (!may_hold_slips(pattern, tokens)) return {};
  const ContinuationReader continuations(pattern, tokens);
  MendedPattern mended;
  const auto run_ends = [&](std::size_t i) {
    return i >= tokens.size() || tokens[i].kind != TokenKind::character ||
           (i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::quantifier);
  };
  for (std::size_t i = 0; i < tokens.size();) {
    if (run_ends(i)) {
      ++i;
      continue;
    }
    const std::size_t first = i;
    std::size_t last = i;
    while (!run_ends(last + 1)) ++last;
    i = last + 1;
    const std::size_t begin = tokens[first].begin;
    const std::string_view run = pattern.substr(begin, tokens[last].end - begin);
    const auto [slips, mended_run, word_may_follow] =
        certainly_mended(run, continuations, first, last);
    if (slips.empty()) continue;
    if (mended.text.empty()) mended.text = pattern;
    mended.word_may_follow = mended.word_may_follow || word_may_follow;
    std::size_t at = 0;
    for (std::size_t index = 0; at < run.size(); ++index) {
      const std::size_t character = at;
      utf8::decode(run, at);
      if (std::find(slips.begin(), slips.end(), index) != slips.end())
        mended.text.replace(begin + character, at - character, mended_run, character,
                            at - character);
    }
  }
  return mended;
}

// The code point that ends just before `end`, past quantifiers: what a `\b` at `end` stands
// after (您 in `您?\b`); 0 at the start. A group's `)` is returned as it is: what the group ends
// with is not read (`(vip|会员)\b`).
char32_t character_before(std::string_view pattern, std::size_t end) {
  while (end > 0 && std::string_view("?*+}").find(pattern[end - 1]) != std::string_view::npos) {
    if (pattern[end - 1] == '}') {
      const std::size_t open = pattern.rfind('{', end - 1);
      end = open == std::string_view::npos ? 0 : open;
    } else {
      --end;
    }
  }
  if (end == 0) return 0;
  std::size_t start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(pattern[start]) & 0xC0) == 0x80) --start;
  return utf8::decode(pattern, start);
}

// The code point a `\b` ending at `at` stands before; 0 at the end.
char32_t character_after(std::string_view pattern, std::size_t at) {
  return at < pattern.size() ? utf8::decode(pattern, at) : 0;
}

// Named classes of nothing but what the normaliser drops (text/char_folder): spaces, controls,
// private use, combining and enclosing marks, format characters. A test checks every member.
bool names_dropped_characters(std::string_view named) {
  static constexpr std::string_view kDropped[] = {
      "\\pZ",    "\\p{Z}",  "\\p{Zs}", "\\p{Zl}",   "\\p{Zp}",   "\\p{Cc}",  "\\p{Co}",
      "\\p{Cf}", "\\p{Mn}", "\\p{Me}", "[:space:]", "[:blank:]", "[:cntrl:]"};
  return std::find(std::begin(kDropped), std::end(kDropped), named) != std::end(kDropped);
}

// A class is dead when every member is; one that also lists a live one ([?？]) is not. The piece
// named is its first dead character, or else its first named class.
std::optional<UnmatchablePiece> dead_class(std::string_view written) {
  const auto parts = class_parts(written);
  if (!parts || (parts->characters.empty() && parts->named.empty())) return std::nullopt;
  const bool characters_dead =
      std::none_of(parts->characters.begin(), parts->characters.end(), occurs_normalised);
  const bool named_dead =
      std::all_of(parts->named.begin(), parts->named.end(), names_dropped_characters);
  if (!characters_dead || !named_dead) return std::nullopt;
  if (!parts->characters.empty()) return UnmatchablePiece{parts->characters.front(), {}};
  return UnmatchablePiece{0, written, UnmatchablePiece::Kind::dropped_class};
}

// Characters of most replies: a class that matches one of them is live, without more reading.
constexpr std::string_view kCommonCharacters = "您的一是了不a0,.!?;:_-/()%";

// Whether the normaliser drops every character of the category (text/char_folder), or none of
// them can be written in UTF-8 (surrogates). A test checks each of their characters.
bool category_never_in_reply(char32_t c) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_ME:
      return true;
    default:
      return false;
  }
}

// Every character of a category a reply may hold, once each (about 290,000, 1 MB), built on
// first need: a class that matches none of them matches nothing a reply holds. Only classes
// that match none of kCommonCharacters are searched in it, so most commands never build it.
const std::string& possible_characters() {
  static const std::string characters = [] {
    std::string text;
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
      if ((c < 0xD800 || c > 0xDFFF) && !category_never_in_reply(c)) utf8::append(text, c);
    }
    return text;
  }();
  return characters;
}

// The most members of a class that are read one by one (each an occurs_normalised) before the
// class is left alone as unknown: a class whose members are all dead yet not of a dropped
// category (full-width forms, traditional characters) is rare and small.
constexpr std::size_t kMaxMembersRead = 4096;

// Reads a class that kCommonCharacters did not settle: its members among possible_characters,
// found by RE2 itself (so its own reading of the class: negation, case, Unicode's tables), each
// checked until one is live.
ClassReading read_class_by_search(const RE2& alone) {
  const std::string& text = possible_characters();
  const re2::StringPiece whole(text.data(), text.size());
  re2::StringPiece found;
  std::size_t from = 0;
  for (std::size_t read = 0; alone.Match(whole, from, text.size(), RE2::UNANCHORED, &found, 1);
       ++read) {
    if (read >= kMaxMembersRead || found.empty()) return ClassReading::unknown;
    std::size_t at = static_cast<std::size_t>(found.data() - text.data());
    if (occurs_normalised(utf8::decode(text, at))) return ClassReading::live;
    from = at;
  }
  // RE2 reduces a class without members to "no match", whose range of matches is empty.
  std::string min;
  std::string max;
  if (alone.PossibleMatchRange(&min, &max, 4) && min.empty() && max.empty())
    return ClassReading::empty;
  return ClassReading::dead;
}

ClassReading read_class_compiled(std::string_view written) {
  RE2::Options options = pattern_options();
  make_room_for_unsafe_code();
  const RE2 alone(std::string(written), options);
  if (!alone.ok()) return ClassReading::unknown;
  if (RE2::PartialMatch(kCommonCharacters, alone)) return ClassReading::live;
  return read_class_by_search(alone);
}

// Whether `c` is among the characters, as RE2 compares them regardless of case.
bool lists(const std::vector<char32_t>& characters, char32_t c) {
  const auto listed = [&](char32_t x) {
    return std::find(characters.begin(), characters.end(), x) != characters.end();
  };
  if (c < 0x80 && std::isalpha(static_cast<int>(c)) != 0)
    return listed(static_cast<char32_t>(std::tolower(static_cast<int>(c)))) ||
           listed(static_cast<char32_t>(std::toupper(static_cast<int>(c))));
  return listed(c);
}

// What the common classes say at a glance, with nothing compiled: \d, a class listing a live
// character, a negated class of a few characters that leaves one of kCommonCharacters out.
std::optional<ClassReading> read_class_quickly(std::string_view written) {
  if (written.size() == 2 && written[0] == '\\' &&
      std::string_view("dDwWS").find(written[1]) != std::string_view::npos)
    return ClassReading::live;
  if (!written.starts_with('[')) return std::nullopt;
  if (!written.starts_with("[^")) {
    const auto parts = class_parts(written);
    if (parts && std::any_of(parts->characters.begin(), parts->characters.end(), occurs_normalised))
      return ClassReading::live;
    return std::nullopt;
  }
  // Read from the `^` on, which class_parts takes for the opening `[`: the members listed.
  const auto parts = class_parts(written.substr(1));
  if (!parts || !parts->named.empty()) return std::nullopt;
  for (std::size_t at = 0; at < kCommonCharacters.size();) {
    if (!lists(parts->characters, utf8::decode(kCommonCharacters, at))) return ClassReading::live;
  }
  return std::nullopt;
}

// A class that no normalised reply can hold a member of, read as a whole (read_class).
std::optional<UnmatchablePiece> dead_by_reading(std::string_view written) {
  switch (read_class(written)) {
    case ClassReading::dead:
      return UnmatchablePiece{0, written, UnmatchablePiece::Kind::dead_class};
    case ClassReading::empty:
      return UnmatchablePiece{0, written, UnmatchablePiece::Kind::empty_class};
    default:
      return std::nullopt;
  }
}

}  // namespace

// Each class is read once per process: the same few recur in every lexicon.
ClassReading read_class(std::string_view written) {
  if (const auto quick = read_class_quickly(written)) return *quick;
  static std::mutex guard;
  static std::unordered_map<std::string, ClassReading> known;
  {
    const std::lock_guard lock(guard);
    if (const auto found = known.find(std::string(written)); found != known.end())
      return found->second;
  }
  const ClassReading reading = read_class_compiled(written);
  const std::lock_guard lock(guard);
  if (known.size() >= 10'000) known.clear();  // hostile input: many distinct classes
  known.emplace(std::string(written), reading);
  return reading;
}

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

std::optional<std::string_view> case_sensitive_flags(std::string_view pattern) {
  return case_sensitive_flags(pattern, pattern_tokens(pattern));
}

std::optional<std::string_view> case_sensitive_flags(std::string_view pattern,
                                                     const std::vector<Token>& tokens) {
  if (pattern.find("(?") == std::string_view::npos) return std::nullopt;
  for (const Token& token : tokens) {
    if (token.kind != TokenKind::flags && token.kind != TokenKind::group_open) continue;
    const std::string_view written = pattern.substr(token.begin, token.end - token.begin);
    if (!written.starts_with("(?") || written.starts_with("(?P")) continue;
    const std::size_t minus = written.find('-');
    if (minus != std::string_view::npos && written.find('i', minus) != std::string_view::npos)
      return written;
  }
  return std::nullopt;
}

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

// Whether the class (bracketed, or an escape such as \p{Han}) matches no ASCII word character,
// so that a boundary beside it is a boundary beside a Chinese character or a mark.
bool never_an_ascii_word_character(std::string_view written) {
  RE2::Options options = pattern_options();
  make_room_for_unsafe_code();
  const RE2 alone(std::string(written), options);
  return alone.ok() &&
         !RE2::PartialMatch("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_",
                            alone);
}

bool is_class_token(std::string_view pattern, const Token& token) {
  if (token.kind == TokenKind::brackets) return true;
  if (token.kind != TokenKind::escape) return false;
  const std::string_view written = pattern.substr(token.begin, token.end - token.begin);
  return written.size() > 2 && (written[1] == 'p' || written[1] == 'P');
}

// The class standing right beside the token at `i` (before it when `step` is -1, after it when
// +1), certainly matched there: `\p{Han}\b`, `[您好]+\b`, `\b[您你]`. nullopt for anything else.
std::optional<std::string_view> class_beside(std::string_view pattern,
                                             const std::vector<Token>& tokens, std::size_t i,
                                             int step) {
  const auto required_at = [&](std::size_t quantifier) {
    if (quantifier >= tokens.size() || tokens[quantifier].kind != TokenKind::quantifier)
      return true;
    const auto found = quantifier_at(pattern, tokens[quantifier].begin);
    return found && found->min > 0;
  };
  std::size_t j = i;
  if (step < 0) {
    if (j == 0) return std::nullopt;
    --j;
    if (tokens[j].kind == TokenKind::quantifier) {
      if (j == 0 || !required_at(j)) return std::nullopt;
      --j;
    }
  } else {
    if (++j >= tokens.size() || !required_at(j + 1)) return std::nullopt;
  }
  if (!is_class_token(pattern, tokens[j])) return std::nullopt;
  return pattern.substr(tokens[j].begin, tokens[j].end - tokens[j].begin);
}

// Whether a `\b` or `\B` (the token at `i`) stands between two things that are never ASCII word
// characters, one of them at least a character or a class: then it never holds, or always holds
// and is no boundary at all, in Chinese text.
bool boundary_beside_chinese(std::string_view pattern, const std::vector<Token>& tokens,
                             std::size_t i) {
  // Beside an ASCII letter (\bapp\b下载, 拨打\b10086) or anything not read here it may hold.
  const auto never_a_word_character = [](char32_t c) { return c == 0 || c >= 0x80; };
  const auto never_a_word_class = [&](int step, char32_t character) {
    if (const auto beside = class_beside(pattern, tokens, i, step))
      return never_an_ascii_word_character(*beside);
    return never_a_word_character(character);
  };
  const char32_t before = character_before(pattern, tokens[i].begin);
  const char32_t after = character_after(pattern, tokens[i].end);
  const bool at_both_ends = before == 0 && after == 0;
  return never_a_word_class(-1, before) && never_a_word_class(+1, after) && !at_both_ends;
}

}  // namespace

std::optional<std::string_view> ascii_only_escape(std::string_view pattern) {
  return ascii_only_escape(pattern, pattern_tokens(pattern));
}

std::optional<std::string_view> ascii_only_escape(std::string_view pattern,
                                                  const std::vector<Token>& tokens) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view written =
        pattern.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
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

std::optional<UnmatchablePiece> unmatchable_piece(std::string_view pattern) {
  const auto unmatchable = [](char32_t c) { return c != utf8::kInvalid && !occurs_normalised(c); };
  // An optional piece that never comes only never comes: `您\s?好`, `您好，?` still match.
  const auto optional_at = [&](std::size_t at) {
    const auto quantifier = quantifier_at(pattern, at);
    return quantifier && quantifier->min == 0;
  };
  const auto character = [](char32_t c) { return UnmatchablePiece{c, {}}; };
  for (std::size_t at = 0; at < pattern.size();) {
    const std::size_t begin = at;
    if (pattern.substr(at, 4) == "(?P<") {  // a group's name is no text to match
      const std::size_t close = pattern.find('>', at);
      at = close == std::string_view::npos ? pattern.size() : close + 1;
    } else if (pattern[at] == '[') {
      at = after_class(pattern, at);
      const std::string_view written = pattern.substr(begin, at - begin);
      if (optional_at(at)) continue;
      if (const auto dead = dead_class(written)) return dead;
      if (const auto dead = dead_by_reading(written)) return dead;
    } else if (pattern.substr(at, 2) == "\\Q") {
      at = after_escape(pattern, at);
      const std::string_view quoted = pattern.substr(begin + 2, at - begin - 2);
      for (std::size_t q = 0; q < quoted.size() && quoted.substr(q) != "\\E";) {
        if (const char32_t c = utf8::decode(quoted, q); unmatchable(c)) return character(c);
      }
    } else if (pattern[at] == '\\') {
      at = after_escape(pattern, at);
      const std::string_view escape = pattern.substr(begin, at - begin);
      if (optional_at(at)) continue;
      if (names_dropped_characters(escape))
        return UnmatchablePiece{0, escape, UnmatchablePiece::Kind::dropped_class};
      if (const auto c = escaped_character(escape); c && unmatchable(*c)) return character(*c);
      const bool names_a_class = escape.size() > 2 && (escape[1] == 'p' || escape[1] == 'P');
      if (names_a_class)
        if (const auto dead = dead_by_reading(escape)) return dead;
    } else {
      const char32_t c = utf8::decode(pattern, at);
      if (unmatchable(c) && !optional_at(at)) return character(c);
    }
  }
  return std::nullopt;
}

TrainerPattern::TrainerPattern(std::string text)
    : text_(std::move(text)), context_(find_context_groups(text_)) {}

const PatternWords& TrainerPattern::words() const {
  words_read_.run([this] { words_ = pattern_words(text_); });
  return words_;
}

// Every search goes through here, so each one, as the compile, has the memory reserve behind it.
const RE2& TrainerPattern::regex() const {
  make_room_for_unsafe_code();
  compiled_.run([this] {
    RE2::Options options = pattern_options();
    // words_of reads where the context groups matched; other patterns spare the captures.
    if (context_.any()) options.set_never_capture(false);
    regex_ = std::make_unique<RE2>(text_, options);
  });
  return *regex_;
}

namespace {

// The span without the marks closing a clause at its end (手机太旧了, is quoted 手机太旧了), unless
// it holds nothing else.
TextSpan without_closing_marks(std::string_view text, TextSpan span) {
  std::size_t end = span.end;
  while (end > span.begin && is_clause_boundary(text, end - 1)) --end;
  return end > span.begin ? TextSpan{span.begin, end} : span;
}

}  // namespace

TextSpan TrainerPattern::words_of(std::string_view text, TextSpan match) const {
  if (match.end <= match.begin) return match;
  if (!context_.any()) return without_closing_marks(text, match);
  // Matched again where it was found, for the groups' extents only: once per match, and only
  // for the few patterns with a context group.
  const int count = std::max(context_.leading, context_.trailing) + 1;
  static thread_local auto& groups = thread_scratch<std::vector<re2::StringPiece>>();
  groups.assign(static_cast<std::size_t>(count), re2::StringPiece());
  const re2::StringPiece whole(text.data(), text.size());
  if (!regex().Match(whole, match.begin, match.end, RE2::ANCHOR_BOTH, groups.data(), count))
    return match;
  const auto offset = [&](const char* at) { return static_cast<std::size_t>(at - text.data()); };
  TextSpan words = match;
  if (context_.leading != 0 && groups[context_.leading].data() != nullptr)
    words.begin = offset(groups[context_.leading].data()) + groups[context_.leading].size();
  if (context_.trailing != 0 && groups[context_.trailing].data() != nullptr)
    words.end = offset(groups[context_.trailing].data());
  return without_closing_marks(text, words.begin < words.end ? words : match);
}

namespace {

std::string single_bytes_refusal(std::string_view pattern) {
  return fmt::format(fmt::runtime(tr("正则表达式 `{}` 中的 \\C 只匹配一个字节,会把汉字拆开;"
                                     "匹配一个字请用 .",
                                     "`\\C` in regular expression `{}` matches a single byte "
                                     "and splits Chinese characters; use `.` for one "
                                     "character")),
                     shown_pattern(pattern));
}

std::string slip_refusal(std::string_view pattern, const MendedPattern& mended) {
  const std::string_view word =
      mended.word_may_follow
          ? tr("(要的若是以它开头、回答里照原样保留的词,如 自个儿、措施,请把词写全)",
               " (or, for a word that starts with it and that replies keep as typed, such as "
               "自个儿 or 措施, write the word out)")
          : "";
  return fmt::format(fmt::runtime(tr("正则表达式 `{}` 里有回答比较前会被改正的错别字(如 自已、"
                                     "弄措),它永远匹配不到;写成 `{}`{}",
                                     "regular expression `{}` holds a slip that replies have "
                                     "mended before matching (such as 自已, 弄措), so it never "
                                     "matches; write `{}`{}")),
                     shown_pattern(pattern), shown_pattern(mended.text), word);
}

std::string empty_match_refusal(std::string_view pattern) {
  return fmt::format(fmt::runtime(tr("正则表达式 `{}` 能匹配空文本,任何回答都会算作含有它;"
                                     "请让它至少匹配一个字",
                                     "regular expression `{}` can match empty text, so every "
                                     "reply would count as containing it; make it match at "
                                     "least one character")),
                     shown_pattern(pattern));
}

// Why the pattern can never match a reply, or could only do harm; empty when it is fine.
std::string never_matching(const std::string& text) {
  const std::vector<Token> tokens = pattern_tokens(text);
  if (const auto flags = case_sensitive_flags(text, tokens))
    return case_sensitive_refusal(text, *flags);
  if (const auto piece = unmatchable_piece(text)) return unmatchable_refusal(text, *piece);
  if (const auto escape = ascii_only_escape(text, tokens)) return ascii_only_refusal(text, *escape);
  if (const auto assertion = impossible_assertion(text, tokens))
    return impossible_assertion_refusal(text, *assertion);
  if (const MendedPattern mended = mended_slips(text, tokens); !mended.text.empty())
    return slip_refusal(text, mended);
  return {};
}

std::string refusal(const TrainerPattern& pattern) {
  const std::string& text = pattern.text();
  if (const auto error = syntax_error(text)) return invalid_refusal(text, *error);
  if (matches_single_bytes(text)) return single_bytes_refusal(text);
  if (std::string never = never_matching(text); !never.empty()) return never;
  if (!within_instruction_limit(text)) return too_large_refusal(text);
  if (const std::size_t positions = class_positions_bound(text); positions > kMaxClassPositions)
    return too_many_class_positions_refusal(text, positions);
  // A match holds a word of each requirement, so a pattern with any cannot match empty text.
  // Most patterns show at a glance that they need a character; only the rest have their words
  // read (they are read lazily, so `coach list` and `validate` never read most of them).
  if (!requires_a_character(text) && pattern.words().required.empty() &&
      can_match_empty(pattern.regex()))
    return empty_match_refusal(text);
  return {};
}

}  // namespace

std::unique_ptr<TrainerPattern> load_trainer_pattern(const MarkedText& pattern,
                                                     const std::string& file,
                                                     Diagnostics& diagnostics) {
  auto loaded = std::make_unique<TrainerPattern>(pattern.text);
  if (std::string problem = refusal(*loaded); !problem.empty()) {
    diagnostics.error(file, pattern.mark, std::move(problem));
    return nullptr;
  }
  return loaded;
}

}  // namespace coach
