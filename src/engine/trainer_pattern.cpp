#include "engine/trainer_pattern.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <vector>

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

std::string dropped_class_refusal(std::string_view pattern, std::string_view named) {
  return fmt::format(
      fmt::runtime(tr("正则表达式 `{}` 中的 `{}` 只含回答规范化时去掉的字符(空白、控制字符、"
                      "不可见字符),不会出现在回答里;删掉它",
                      "`{1}` in regular expression `{0}` holds only characters that replies lose "
                      "when normalised (whitespace, controls, invisible characters), so it never "
                      "occurs in a reply; remove it")),
      utf8::quote(pattern), named);
}

std::string unmatchable_refusal(std::string_view pattern, const UnmatchablePiece& piece) {
  if (piece.character == 0) return dropped_class_refusal(pattern, piece.named_class);
  const char32_t c = piece.character;
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
      utf8::quote(pattern), shown_character(c), advice);
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
                     utf8::quote(pattern), syntax_problem(error.code), utf8::quote(error.fragment));
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

std::string ascii_only_refusal(std::string_view pattern, std::string_view escape) {
  if (escape != "\\b" && escape != "\\B")
    return fmt::format(
        fmt::runtime(tr("正则表达式 `{}` 中的 `{}` 只匹配 ASCII 字母、数字和下划线,不匹配汉字;"
                        "汉字请写 `\\p{{Han}}`,同一分句内的任意字写 `[^,.!?;]`",
                        "`{1}` in regular expression `{0}` matches only ASCII letters, digits and "
                        "underscore, never a Chinese character; for Chinese characters write "
                        "`\\p{{Han}}`, for any characters within a clause `[^,.!?;]`")),
        utf8::quote(pattern), escape);
  return fmt::format(
      fmt::runtime(
          tr("正则表达式 `{}` 中的 `{}` 只认 ASCII 字母、数字和下划线旁的边界,在汉字旁边"
             "不成立;要它单独成句,前面写 `(^|[,.!?;])`,后面写 `([,.!?;]|$)`",
             "`{1}` in regular expression `{0}` is a boundary of ASCII letters, digits and "
             "underscore only and does not hold beside Chinese characters; for words "
             "that stand on their own write `(^|[,.!?;])` before them and `([,.!?;]|$)` "
             "after")),
      utf8::quote(pattern), escape);
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
      utf8::quote(pattern), "20,000");
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
      utf8::quote(pattern), positions);
}

bool is_regex_syntax(char c) {
  return std::string_view("()[]{}|?*+.\\^$").find(c) != std::string_view::npos;
}

// Whether two characters of text, not syntax nor the pattern's end, follow `at`: only then does
// the pattern say what follows a slip, which decides whether a reply has it mended (自已经确认 is
// kept, 自已经常 is not).
bool followed_by_text(std::string_view pattern, std::size_t at) {
  for (int i = 0; i < 2; ++i) {
    if (at >= pattern.size() || is_regex_syntax(pattern[at])) return false;
    utf8::decode(pattern, at);
  }
  return true;
}

// The pattern with the typing slips a reply has mended (text/miswritings) mended in it too, when
// one is certainly there: a pattern that spells one (自已弄措了) looks for what no normalised reply
// holds. Empty when there is none.
std::string mended_slips(std::string_view pattern) {
  std::string mended(pattern);
  mend_miswritten_words(mended);
  for (std::size_t at = 0; at < pattern.size();) {
    const std::size_t begin = at;
    utf8::decode(pattern, at);
    const bool changed =
        pattern.substr(begin, at - begin) != std::string_view(mended).substr(begin, at - begin);
    if (changed && followed_by_text(pattern, at)) return mended;
  }
  return {};
}

std::string refusal(const TrainerPattern& pattern) {
  const std::string& text = pattern.text();
  if (const auto error = syntax_error(text)) return invalid_refusal(text, *error);
  if (matches_single_bytes(text))
    return fmt::format(fmt::runtime(tr("正则表达式 `{}` 中的 \\C 只匹配一个字节,会把汉字拆开;"
                                       "匹配一个字请用 .",
                                       "`\\C` in regular expression `{}` matches a single byte "
                                       "and splits Chinese characters; use `.` for one "
                                       "character")),
                       utf8::quote(text));
  if (const auto piece = unmatchable_piece(text)) return unmatchable_refusal(text, *piece);
  if (const auto escape = ascii_only_escape(text)) return ascii_only_refusal(text, *escape);
  if (std::string mended = mended_slips(text); !mended.empty())
    return fmt::format(fmt::runtime(tr("正则表达式 `{}` 里有回答比较前会被改正的错别字(如 自已、"
                                       "弄措),它永远匹配不到;写成 `{}`",
                                       "regular expression `{}` holds a slip that replies have "
                                       "mended before matching (such as 自已, 弄措), so it never "
                                       "matches; write `{}`")),
                       utf8::quote(text), utf8::quote(mended));
  if (!within_instruction_limit(text)) return too_large_refusal(text);
  if (const std::size_t positions = class_positions_bound(text); positions > kMaxClassPositions)
    return too_many_class_positions_refusal(text, positions);
  // A match holds a word of each requirement, so a pattern with any cannot match empty text.
  // Most patterns show at a glance that they need a character; only the rest have their words
  // read (they are read lazily, so `coach list` and `validate` never read most of them).
  if (!requires_a_character(text) && pattern.words().required.empty() &&
      can_match_empty(pattern.regex()))
    return fmt::format(fmt::runtime(tr("正则表达式 `{}` 能匹配空文本,任何回答都会算作含有它;"
                                       "请让它至少匹配一个字",
                                       "regular expression `{}` can match empty text, so every "
                                       "reply would count as containing it; make it match at "
                                       "least one character")),
                       utf8::quote(text));
  return {};
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
  return UnmatchablePiece{0, written};
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

namespace {

// A bracketed class of nothing but ASCII word characters: `[\w]`, `[[:word:]]`, `[^\W]`. One
// that lists anything else as well (`[\w\p{Han}]`) may match a Chinese character.
std::optional<std::string_view> ascii_word_class(std::string_view written) {
  const bool negated = written.starts_with("[^");
  const std::string_view word = negated ? "\\W" : "\\w";
  bool any = false;
  for (std::size_t at = negated ? 2 : 1; at + 1 < written.size();) {
    std::size_t end = at + 1;
    if (!negated && written.substr(at).starts_with("[:word:]"))
      end = at + 8;
    else if (written[at] == '\\' && written.substr(at, 2) == word)
      end = at + 2;
    else
      return std::nullopt;
    any = true;
    at = end;
  }
  return any ? std::optional(written) : std::nullopt;
}

}  // namespace

std::optional<std::string_view> ascii_only_escape(std::string_view pattern) {
  for (std::size_t at = 0; at < pattern.size();) {
    if (pattern[at] == '[') {
      const std::size_t begin = at;
      at = after_class(pattern, at);
      if (const auto word = ascii_word_class(pattern.substr(begin, at - begin))) return word;
      continue;
    }
    if (pattern[at] != '\\') {
      ++at;
      continue;
    }
    const std::size_t begin = at;
    at = after_escape(pattern, at);
    const std::string_view escape = pattern.substr(begin, at - begin);
    if (escape == "\\w") return escape;
    // Beside an ASCII letter (\bapp\b下载, 拨打\b10086) or anything not read here it may hold.
    const auto never_a_word_character = [](char32_t c) { return c == 0 || c >= 0x80; };
    const char32_t before = character_before(pattern, begin);
    const char32_t after = character_after(pattern, at);
    if ((escape == "\\b" || escape == "\\B") && never_a_word_character(before) &&
        never_a_word_character(after) && (before != 0 || after != 0))
      return escape;
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
      if (names_dropped_characters(escape)) return UnmatchablePiece{0, escape};
      if (const auto c = escaped_character(escape); c && unmatchable(*c)) return character(*c);
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

std::optional<TextSpan> TrainerPattern::first_words(std::string_view text, std::size_t from) const {
  re2::StringPiece found;
  const re2::StringPiece whole(text.data(), text.size());
  if (!regex().Match(whole, from, text.size(), RE2::UNANCHORED, &found, 1)) return std::nullopt;
  const auto begin = static_cast<std::size_t>(found.data() - text.data());
  return words_of(text, {begin, begin + found.size()});
}

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
