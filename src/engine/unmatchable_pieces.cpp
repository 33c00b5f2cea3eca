#include "engine/unmatchable_pieces.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cstdint>
#include <mutex>
#include <unordered_map>

#include "engine/phrase_matcher.hpp"
#include "text/char_folder.hpp"
#include "text/nfkc.hpp"
#include "text/traditional_phrases.hpp"
#include "util/i18n.hpp"
#include "util/memory_reserve.hpp"
#include "util/utf8.hpp"

namespace coach {
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

// Named classes of nothing but what the normaliser drops (text/char_folder): spaces, controls,
// private use, combining and enclosing marks, format characters. A test checks every member.
// read_class finds them dead too; they are named here for a message of their own, which says
// what normalising removes and asks for nothing to be written instead.
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

// Every character of a category a reply may hold, once each (about 290,000, 1 MB), built on
// first need: a class that matches none of them matches nothing a reply holds. Only classes
// that match none of kCommonCharacters are searched in it, so most commands never build it.
// Left in are the few characters the normaliser drops one by one (text/char_folder: U+3164,
// U+2800 …): each is read as any other member is, and found dead.
const std::string& possible_characters() {
  static const std::string characters = [] {
    std::string text;
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
      if ((c < 0xD800 || c > 0xDFFF) && !drops_whole_category(c)) utf8::append(text, c);
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

bool never_occurs(char32_t c) {
  return c != utf8::kInvalid && !occurs_normalised(c);
}

std::optional<UnmatchablePiece> unmatchable_character(char32_t c) {
  if (never_occurs(c)) return UnmatchablePiece{c, {}};
  return std::nullopt;
}

// `\Q…\E`: its characters, each as if written alone.
std::optional<UnmatchablePiece> unmatchable_in_quotation(std::string_view quoted) {
  for (std::size_t at = 0; at < quoted.size();) {
    if (const auto piece = unmatchable_character(utf8::decode(quoted, at))) return piece;
  }
  return std::nullopt;
}

// A bracketed class is read by its listed members first, which names the character to write
// instead (`[０-９]`: write 0), then as RE2 reads it.
std::optional<UnmatchablePiece> unmatchable_brackets(std::string_view written) {
  if (const auto dead = dead_class(written)) return dead;
  return dead_by_reading(written);
}

std::optional<UnmatchablePiece> unmatchable_escape(std::string_view written) {
  if (names_dropped_characters(written))
    return UnmatchablePiece{0, written, UnmatchablePiece::Kind::dropped_class};
  if (const auto c = escaped_character(written)) return unmatchable_character(*c);
  const bool names_a_class = written.size() > 2 && (written[1] == 'p' || written[1] == 'P');
  return names_a_class ? dead_by_reading(written) : std::nullopt;
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

// A quotation is read whole, quantifier or not: RE2 repeats only its last character, so
// `\Q。\E?` is refused though its 。 may be absent (no bundled pattern quotes one).
std::optional<UnmatchablePiece> unmatchable_piece(std::string_view pattern,
                                                  const std::vector<Token>& tokens) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view written = token_text(pattern, tokens[i]);
    if (tokens[i].kind == TokenKind::quoted) {
      if (const auto piece = unmatchable_in_quotation(quoted_text(pattern, tokens[i])))
        return piece;
      continue;
    }
    // An optional piece that never comes only never comes: `您\s?好`, `您好，?` still match.
    const auto quantifier = quantifier_after(pattern, tokens, i);
    if (quantifier && quantifier->min == 0) continue;
    std::optional<UnmatchablePiece> piece;
    if (tokens[i].kind == TokenKind::character) {
      std::size_t at = 0;
      piece = unmatchable_character(utf8::decode(written, at));
    } else if (tokens[i].kind == TokenKind::brackets) {
      piece = unmatchable_brackets(written);
    } else if (tokens[i].kind == TokenKind::escape) {
      piece = unmatchable_escape(written);
    }
    if (piece) return piece;
  }
  return std::nullopt;
}

namespace {

std::string dropped_class_refusal(std::string_view pattern, std::string_view named) {
  return fmt::format(
      fmt::runtime(tr("正则表达式 `{}` 中的 `{}` 只含回答规范化时去掉的字符(空白、控制字符、"
                      "不可见字符),不会出现在回答里;删掉它",
                      "`{1}` in regular expression `{0}` holds only characters that replies lose "
                      "when normalised (whitespace, controls, invisible characters), so it never "
                      "occurs in a reply; remove it")),
      utf8::quote_visibly(pattern), utf8::quote_visibly(named));
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
      utf8::quote_visibly(pattern), utf8::quote_visibly(named));
}

std::string empty_class_refusal(std::string_view pattern, std::string_view named) {
  return fmt::format(
      fmt::runtime(tr("正则表达式 `{}` 中的 `{}` 不含任何字符,什么也匹配不到;删掉它,或写出要"
                      "匹配的字",
                      "`{1}` in regular expression `{0}` holds no character at all, so it matches "
                      "nothing; remove it, or write the characters meant")),
      utf8::quote_visibly(pattern), utf8::quote_visibly(named));
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
      utf8::quote_visibly(pattern), utf8::show_character(c), advice);
}

}  // namespace

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

}  // namespace coach
