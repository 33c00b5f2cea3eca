#include "engine/trainer_pattern.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/ascii_only_escapes.hpp"
#include "engine/pattern_assertions.hpp"
#include "engine/pattern_shape.hpp"
#include "engine/pattern_slips.hpp"
#include "engine/pattern_syntax.hpp"
#include "engine/phrase_matcher.hpp"
#include "engine/plain_pattern.hpp"
#include "engine/program_size.hpp"
#include "engine/unmatchable_pieces.hpp"
#include "text/clauses.hpp"
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

std::optional<std::string_view> case_sensitive_flags(std::string_view pattern,
                                                     const std::vector<Token>& tokens) {
  if (pattern.find("(?") == std::string_view::npos) return std::nullopt;
  for (const Token& token : tokens) {
    if (token.kind != TokenKind::flags && token.kind != TokenKind::group_open) continue;
    const std::string_view written = token_text(pattern, token);
    if (!written.starts_with("(?") || written.starts_with("(?P")) continue;
    const std::size_t minus = written.find('-');
    if (minus != std::string_view::npos && written.find('i', minus) != std::string_view::npos)
      return written;
  }
  return std::nullopt;
}

namespace {

std::string case_sensitive_refusal(std::string_view pattern, std::string_view flags) {
  return fmt::format(
      fmt::runtime(
          tr("正则表达式 `{}` 中的 `{}` 让匹配区分大小写,但回答在匹配前已全部转为小写,"
             "大写字母永远匹配不到;模式本来就不分大小写:去掉 `-i`(`(?-i)` 整个删掉)",
             "`{1}` in regular expression `{0}` makes matching case-sensitive, but "
             "replies are case-folded before matching, so a capital letter never "
             "matches; patterns match regardless of case: remove the `-i` (all of `(?-i)`)")),
      utf8::quote_visibly(pattern), flags);
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

// RE2 says "bad repetition size" for three mistakes; "at most 1000" beside `{10,5}` or
// `{0,100}` sent the trainer looking for a count that was not there (outside pass 48, finding 08).
std::string_view repetition_problem(std::string_view fragment) {
  std::vector<long> counts;  // of `{n}`, `{n,}` or `{n,m}`, in order
  for (std::size_t at = 0; at < fragment.size();) {
    if (fragment[at] < '0' || fragment[at] > '9') {
      ++at;
      continue;
    }
    long count = 0;
    for (; at < fragment.size() && fragment[at] >= '0' && fragment[at] <= '9'; ++at)
      count = std::min(count * 10 + (fragment[at] - '0'), 1'000'000L);
    counts.push_back(count);
  }
  if (std::any_of(counts.begin(), counts.end(), [](long count) { return count > 1000; }))
    return syntax_problem(RE2::ErrorRepeatSize);
  if (counts.size() == 2 && counts[0] > counts[1])
    return tr("重复次数无效:{n,m} 的下限 n 大于上限 m",
              "invalid repetition count: the least n of {n,m} is more than the most m");
  return tr("重复次数无效:嵌套的重复次数相乘超过 1000(如 (…{0,100}){0,100} 是 10,000)",
            "invalid repetition count: nested repetitions multiply to more than 1000 "
            "((…{0,100}){0,100} is 10,000)");
}

std::string invalid_refusal(std::string_view pattern, const SyntaxError& error) {
  const std::string_view problem = error.code == RE2::ErrorRepeatSize
                                       ? repetition_problem(error.fragment)
                                       : syntax_problem(error.code);
  return fmt::format(fmt::runtime(tr("无效的正则表达式 `{}`:{}:`{}`",
                                     "invalid regular expression `{}`: {}: `{}`")),
                     utf8::quote_visibly(pattern), problem, utf8::quote(error.fragment));
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
      utf8::quote_visibly(pattern), "20,000");
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
      utf8::quote_visibly(pattern), positions);
}

std::string single_bytes_refusal(std::string_view pattern) {
  return fmt::format(fmt::runtime(tr("正则表达式 `{}` 中的 \\C 只匹配一个字节,会把汉字拆开;"
                                     "匹配一个字请用 .",
                                     "`\\C` in regular expression `{}` matches a single byte "
                                     "and splits Chinese characters; use `.` for one "
                                     "character")),
                     utf8::quote_visibly(pattern));
}

std::string empty_match_refusal(std::string_view pattern) {
  return fmt::format(fmt::runtime(tr("正则表达式 `{}` 能匹配空文本,任何回答都会算作含有它;"
                                     "请让它至少匹配一个字",
                                     "regular expression `{}` can match empty text, so every "
                                     "reply would count as containing it; make it match at "
                                     "least one character")),
                     utf8::quote_visibly(pattern));
}

// A number for each pattern made: ids, unlike addresses, are never used again.
std::uint64_t next_pattern_id() {
  static std::atomic<std::uint64_t> next{0};
  return next++;
}

}  // namespace

TrainerPattern::TrainerPattern(std::string text)
    : text_(std::move(text)), id_(next_pattern_id()), context_(find_context_groups(text_)) {}

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

// The context groups' extents found for a match before, by pattern and what RE2 reads of the
// match: its bytes, and the byte before and after it or the text's start and end (all its
// assertions look at: `^`, `$`, `\b`, a line's start or end). Matching again with captures cost
// about 14,000 instructions a match, and the same words with the same neighbours come back reply
// after reply. Per thread; forgotten whole when it grows past kRemembered.
class ContextMemo {
 public:
  static constexpr std::size_t kRemembered = 4096;

  // The key of the match [begin, end) of pattern `id` in `text`, made in the memo's scratch.
  const std::string& key(std::uint64_t id, std::string_view text, TextSpan match) {
    key_.assign(reinterpret_cast<const char*>(&id), sizeof id);
    key_ += match.begin == 0 ? std::string_view("^", 1) : std::string_view("-", 1);
    key_ += match.begin == 0 ? '\0' : text[match.begin - 1];
    key_ += match.end == text.size() ? std::string_view("$", 1) : std::string_view("-", 1);
    key_ += match.end == text.size() ? '\0' : text[match.end];
    key_ += text.substr(match.begin, match.end - match.begin);
    return key_;
  }
  // Offsets into the match: where the words begin and end; nullopt when RE2 found no match.
  using Extents = std::optional<std::pair<std::size_t, std::size_t>>;
  const Extents* find(const std::string& key) const {
    const auto found = extents_.find(key);
    return found == extents_.end() ? nullptr : &found->second;
  }
  void remember(const std::string& key, Extents extents) {
    if (extents_.size() >= kRemembered) extents_.clear();
    extents_.emplace(key, extents);
  }

 private:
  std::string key_;
  std::unordered_map<std::string, Extents> extents_;
};

}  // namespace

std::optional<TextSpan> TrainerPattern::context_extents(std::string_view text,
                                                        TextSpan match) const {
  const int count = std::max(context_.leading, context_.trailing) + 1;
  static thread_local auto& groups = thread_scratch<std::vector<re2::StringPiece>>();
  groups.assign(static_cast<std::size_t>(count), re2::StringPiece());
  const re2::StringPiece whole(text.data(), text.size());
  if (!regex().Match(whole, match.begin, match.end, RE2::ANCHOR_BOTH, groups.data(), count))
    return std::nullopt;
  const auto offset = [&](const char* at) { return static_cast<std::size_t>(at - text.data()); };
  TextSpan words = match;
  if (context_.leading != 0 && groups[context_.leading].data() != nullptr)
    words.begin = offset(groups[context_.leading].data()) + groups[context_.leading].size();
  if (context_.trailing != 0 && groups[context_.trailing].data() != nullptr)
    words.end = offset(groups[context_.trailing].data());
  return words;
}

TextSpan TrainerPattern::words_of(std::string_view text, TextSpan match) const {
  if (match.end <= match.begin) return match;
  if (!context_.any()) return without_closing_marks(text, match);
  // Matched again where it was found, for the groups' extents only: once per match not seen
  // before, and only for the few patterns with a context group.
  std::optional<TextSpan> found;
  if (match.end > text.size()) {
    found = context_extents(text, match);  // RE2 refuses it; nothing to remember
  } else {
    static thread_local auto& memo = thread_scratch<ContextMemo>();
    const std::string& key = memo.key(id_, text, match);
    if (const ContextMemo::Extents* known = memo.find(key)) {
      if (*known) found = TextSpan{match.begin + (*known)->first, match.begin + (*known)->second};
    } else {
      found = context_extents(text, match);
      memo.remember(
          key, found ? ContextMemo::Extents{{found->begin - match.begin, found->end - match.begin}}
                     : std::nullopt);
    }
  }
  if (!found) return match;
  const TextSpan words = *found;
  return without_closing_marks(text, words.begin < words.end ? words : match);
}

namespace {

// Why the pattern can never match a reply, or could only do harm; empty when it is fine.
std::string never_matching(const std::string& text) {
  const std::vector<Token> tokens = pattern_tokens(text);
  if (const auto flags = case_sensitive_flags(text, tokens))
    return case_sensitive_refusal(text, *flags);
  if (const auto piece = unmatchable_piece(text, tokens)) return unmatchable_refusal(text, *piece);
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
