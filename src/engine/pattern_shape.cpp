#include "engine/pattern_shape.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <optional>
#include <utility>

#include "engine/pattern_syntax.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// Which of the five punctuation marks a match may contain, one bit each, or all of them.
using Marks = std::uint8_t;
constexpr char kMarks[] = {',', '.', '!', '?', ';'};
constexpr Marks kAllMarks = 0x1F;

Marks mark_bit(char32_t c) {
  for (std::size_t i = 0; i < std::size(kMarks); ++i) {
    if (c == static_cast<char32_t>(kMarks[i])) return static_cast<Marks>(1u << i);
  }
  return 0;
}

Marks marks_in_range(char32_t low, char32_t high) {
  Marks marks = 0;
  for (const char mark : kMarks) {
    if (static_cast<char32_t>(mark) >= low && static_cast<char32_t>(mark) <= high)
      marks |= mark_bit(static_cast<char32_t>(mark));
  }
  return marks;
}

bool is_ascii_punctuation(char c) {
  return std::ispunct(static_cast<unsigned char>(c)) != 0;
}

// Reads the pattern left to right, on the safe side.
class ReachReader {
 public:
  explicit ReachReader(std::string_view pattern) : text_(pattern) {}

  Marks read() {
    Marks marks = 0;
    while (pos_ < text_.size() && marks != kAllMarks) {
      const char c = text_[pos_];
      if (c == '\\') {
        marks |= escape(/*in_class=*/false);
      } else if (c == '[') {
        marks |= char_class();
      } else if (c == '.') {
        return kAllMarks;
      } else if (c == '(') {
        ++pos_;
        group_syntax();
      } else if (c == '{') {
        marks |= repetition_or_brace();
      } else if (c == '?' || c == '*' || c == '+' || c == '|' || c == ')' || c == '^' || c == '$') {
        ++pos_;
      } else {
        marks |= mark_bit(utf8::decode(text_, pos_));
      }
    }
    return marks;
  }

 private:
  // A known escape: its marks. Anything else may match anything.
  Marks escape(bool in_class) {
    ++pos_;  // the backslash
    if (pos_ >= text_.size()) return kAllMarks;
    const char c = text_[pos_];
    if (c == 'd') {
      ++pos_;
      return 0;
    }
    if (c == 'p' && text_.substr(pos_, 6) == "p{Han}") {
      pos_ += 6;
      return 0;
    }
    if (is_ascii_punctuation(c)) {
      ++pos_;
      return mark_bit(static_cast<char32_t>(c));
    }
    if (!in_class && (c == 'b' || c == 'B' || c == 'A' || c == 'z')) {  // positions only
      ++pos_;
      return 0;
    }
    return kAllMarks;
  }

  // `(?:`, `(?P<name>`, `(?i)` and the like: flags cannot make a mark match.
  void group_syntax() {
    if (pos_ >= text_.size() || text_[pos_] != '?') return;
    ++pos_;
    if (pos_ < text_.size() && text_[pos_] == 'P') {
      while (pos_ < text_.size() && text_[pos_] != '>') ++pos_;
      if (pos_ < text_.size()) ++pos_;
      return;
    }
    while (pos_ < text_.size() && text_[pos_] != ':' && text_[pos_] != ')') ++pos_;
    if (pos_ < text_.size()) ++pos_;
  }

  Marks repetition_or_brace() {
    const std::optional<Repetition> repetition = repetition_at(text_, pos_);
    pos_ = repetition ? repetition->end : pos_ + 1;
    return 0;
  }

  // A bracketed class. Listed characters and ranges are read; a negated class may match every
  // mark it does not list.
  Marks char_class() {
    ++pos_;  // [
    const bool negated = pos_ < text_.size() && text_[pos_] == '^';
    if (negated) ++pos_;
    Marks listed = 0;
    bool unknown = false;
    bool first = true;
    while (pos_ < text_.size() && (first || text_[pos_] != ']')) {
      first = false;
      if (text_.substr(pos_, 2) == "[:") {
        unknown = true;
        const std::size_t close = text_.find(":]", pos_ + 2);
        pos_ = close == std::string_view::npos ? text_.size() : close + 2;
        continue;
      }
      char32_t low = 0;
      if (text_[pos_] == '\\') {
        const std::size_t at = pos_;
        const Marks escaped = escape(/*in_class=*/true);
        if (escaped == kAllMarks) {
          unknown = true;
          continue;
        }
        listed |= escaped;
        // An escaped punctuation mark can start a range.
        if (pos_ - at != 2 || !is_ascii_punctuation(text_[at + 1])) continue;
        low = static_cast<char32_t>(text_[at + 1]);
      } else {
        low = utf8::decode(text_, pos_);
        listed |= mark_bit(low);
      }
      if (pos_ + 1 < text_.size() && text_[pos_] == '-' && text_[pos_ + 1] != ']') {
        ++pos_;
        if (text_[pos_] == '\\') {
          unknown = true;  // a range to an escape: not worth reading
          escape(/*in_class=*/true);
          continue;
        }
        const char32_t high = utf8::decode(text_, pos_);
        listed |= marks_in_range(low, high);
      }
    }
    if (pos_ >= text_.size()) return kAllMarks;  // unclosed: RE2 refuses it anyway
    ++pos_;                                      // ]
    if (negated) return static_cast<Marks>(kAllMarks & ~listed);
    return unknown ? kAllMarks : listed;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

// Where the rarest requirement is: the one whose shortest word is longest, then the one of fewest
// words (none when every requirement is empty).
std::optional<std::size_t> rarest(const Requirements& requirements) {
  const auto shortest = [](const Words& words) {
    std::size_t length = words.front().size();
    for (const auto& word : words) length = std::min(length, word.size());
    return length;
  };
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < requirements.size(); ++i) {
    const Words& words = requirements[i];
    if (words.empty()) continue;
    if (!best || shortest(words) > shortest(requirements[*best]) ||
        (shortest(words) == shortest(requirements[*best]) &&
         words.size() < requirements[*best].size()))
      best = i;
  }
  return best;
}

// The requirements of a pattern, read by recursive descent over RE2's syntax. Plain characters
// and groups that are one of a few words (不|没有), present or optional (们?), join their
// neighbours into longer words, as long as the words stay few: 给(您|你)(们)?办 requires one of
// 给您办, 给你办, 给您们办 and 给你们办, rarer in text than 给 alone. A sequence requires one word
// of each such chain, and what every group it must pass through requires; an alternation of several
// branches, one word of its branches' anchors.
class RequirementReader {
 public:
  explicit RequirementReader(std::string_view pattern) : text_(pattern) {}

  PatternWords read() {
    if (!escapes_understood()) return {};
    std::optional<Reading> found = alternation();
    if (!found || pos_ != text_.size()) return {};
    for (Words& words : found->required) {
      sort_unique(words);
      drop_longer_forms(words);
    }
    PatternWords pattern{std::move(found->required), std::move(found->leading).value_or(Words{})};
    sort_unique(pattern.leading);
    drop_extended_forms(pattern.leading);
    return pattern;
  }

 private:
  // Chains are cut where they would grow past this many words.
  static constexpr std::size_t kMaxWords = 16;

  struct Reading {
    Requirements required;
    std::optional<Words> exact;    // what it matches is exactly one of these words
    std::optional<Words> leading;  // what it matches begins with one of these (non-empty) words
  };

  static void sort_unique(Words& words) {
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
  }

  // The words that `holds(word, other)` says hold a shorter other word, left out (in order).
  template <typename Holds>
  static void drop_holding_shorter(Words& words, Holds holds) {
    std::vector<bool> drop(words.size(), false);
    for (std::size_t i = 0; i < words.size(); ++i) {
      for (const std::string& other : words) {
        if (other.size() < words[i].size() && holds(words[i], other)) {
          drop[i] = true;
          break;
        }
      }
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (drop[i]) continue;
      if (kept != i) words[kept] = std::move(words[i]);
      ++kept;
    }
    words.resize(kept);
  }

  // A text holding 让您受了 holds 让您受: of the two, only the shorter need be looked for.
  static void drop_longer_forms(Words& words) {
    drop_holding_shorter(words, [](const std::string& word, const std::string& other) {
      return word.find(other) != std::string::npos;
    });
  }

  // A match beginning with 您们 begins with 您: of the two, only the shorter need be tried.
  static void drop_extended_forms(Words& words) {
    drop_holding_shorter(words, [](const std::string& word, const std::string& other) {
      return word.starts_with(other);
    });
  }

  static void append(Words& words, Words&& more) {
    words.insert(words.end(), std::make_move_iterator(more.begin()),
                 std::make_move_iterator(more.end()));
  }

  static bool has_empty(const Words& words) {
    return std::any_of(words.begin(), words.end(), [](const auto& w) { return w.empty(); });
  }

  // nullopt when the syntax is not understood.
  std::optional<Reading> alternation() {
    std::optional<Reading> first = sequence();
    if (!first) return std::nullopt;
    if (pos_ >= text_.size() || text_[pos_] != '|') return first;
    std::vector<Reading> branches{std::move(*first)};
    while (pos_ < text_.size() && text_[pos_] == '|') {
      ++pos_;
      std::optional<Reading> branch = sequence();
      if (!branch) return std::nullopt;
      branches.push_back(std::move(*branch));
    }
    Reading reading;
    Words exact;
    exact.reserve(branches.size());  // one word a branch, as in 不|没有|未曾
    bool all_exact = true;
    Words either;
    bool every_branch_anchored = true;
    Words leading;
    bool every_branch_leads = true;
    for (Reading& branch : branches) {
      every_branch_leads = every_branch_leads && branch.leading;
      if (every_branch_leads) append(leading, std::move(*branch.leading));
      all_exact = all_exact && branch.exact;
      if (all_exact) append(exact, std::move(*branch.exact));
      every_branch_anchored = every_branch_anchored && !branch.required.empty();
      if (!every_branch_anchored) continue;
      if (const auto anchors = rarest(branch.required))
        append(either, std::move(branch.required[*anchors]));
    }
    const bool exactly = all_exact && exact.size() <= kMaxWords;
    if (exactly && !has_empty(exact)) {
      reading.required.push_back(exact);
    } else if (every_branch_anchored) {
      reading.required.push_back(std::move(either));
    }
    if (exactly) reading.exact = std::move(exact);
    if (every_branch_leads) reading.leading = std::move(leading);
    return reading;
  }

  // Reads up to `|`, `)` or the end.
  std::optional<Reading> sequence() {
    Reading reading;
    bool exact = true;           // nothing read yet but plain characters and exact groups
    bool at_start = true;        // nothing read yet that a match could begin with
    std::optional<Words> chain;  // the words of the adjacent exact pieces read last
    bool chain_leads = false;    // the chain began the sequence
    const auto flush = [&] {
      if (chain && !has_empty(*chain)) {
        if (chain_leads) reading.leading = *chain;
        reading.required.push_back(std::move(*chain));
      }
      chain.reset();
      chain_leads = false;
    };
    const auto extend = [&](Words piece) {
      if (chain && piece.size() == 1) {  // the common case, one more character: no new words
        for (auto& word : *chain) word += piece.front();
        return;
      }
      if (!chain) {
        chain = std::move(piece);
        chain_leads = at_start;
        at_start = false;
        return;
      }
      if (chain->size() * piece.size() > kMaxWords) {
        flush();
        exact = false;
        chain = std::move(piece);
        return;
      }
      Words joined;
      joined.reserve(chain->size() * piece.size());
      for (const auto& before : *chain)
        for (const auto& after : piece) joined.push_back(before + after);
      chain = std::move(joined);
    };
    const auto interrupt = [&] {
      flush();
      exact = false;
      at_start = false;
    };
    while (pos_ < text_.size() && text_[pos_] != '|' && text_[pos_] != ')') {
      const char c = text_[pos_];
      if (c == '(') {
        std::optional<Reading> group = group_reading();
        if (!group) return std::nullopt;  // unreadable group syntax: give up
        const std::optional<bool> repeated = quantifier_ahead();
        // After flags alone, (?i)?, RE2 applies the quantifier to what came before them.
        if (group_was_flags_ && repeated) return std::nullopt;
        const bool at_most_once = optional_once_ahead();
        skip_quantifier();
        if (at_most_once && group->exact) {  // (们)?: joins as 们 or as nothing
          extend(or_nothing(std::move(*group->exact)));
        } else if (repeated && !*repeated) {  // (x)*, (x){0,6}: requires nothing, joins nothing
          interrupt();
        } else if (group->exact) {
          extend(std::move(*group->exact));
          if (repeated) interrupt();  // (x)+: what follows may not be next to the first x
        } else {
          const bool group_leads = at_start;
          interrupt();
          if (group_leads) reading.leading = std::move(group->leading);
          reading.required.insert(reading.required.end(),
                                  std::make_move_iterator(group->required.begin()),
                                  std::make_move_iterator(group->required.end()));
        }
        continue;
      }
      if (c == '[' || c == '.' || c == '\\' || c == '^' || c == '$') {
        interrupt();
        skip_atom();
        skip_quantifier();
        continue;
      }
      if (c == '?' || c == '*' || c == '+' || c == '{') {  // a quantifier with nothing before
        interrupt();
        ++pos_;
        continue;
      }
      const std::size_t start = pos_;
      const char32_t cp = utf8::decode(text_, pos_);
      std::string character(text_.substr(start, pos_ - start));
      const bool usable = is_anchor_character(cp);
      if (usable && cp < 0x80) character[0] = static_cast<char>(std::tolower(cp));
      const std::optional<bool> repeated = quantifier_ahead();
      if (usable && optional_once_ahead()) {  // 们?: joins as 们 or as nothing
        extend(or_nothing(Words{character}));
        skip_quantifier();
        continue;
      }
      if (!usable || (repeated && !*repeated)) {  // optional, or not a character we fold alike
        interrupt();
        skip_quantifier();
        continue;
      }
      if (chain) {  // the common case, one more character: no new words
        for (auto& word : *chain) word += character;
      } else {
        extend(Words{std::move(character)});
      }
      if (repeated) {  // x+ or x{2}: x is there, what follows may not be next to it
        interrupt();
        skip_quantifier();
      }
    }
    if (exact) reading.exact = chain ? *chain : Words{""};
    flush();
    return reading;
  }

  // A group's reading; nullopt when its syntax is not understood.
  std::optional<Reading> group_reading() {
    // RE2 allows 1,000 levels of nesting; anchors deeper than this are not worth the stack.
    constexpr int kMaxDepth = 32;
    if (++depth_ > kMaxDepth) return std::nullopt;
    std::optional<Reading> found = group_body();
    --depth_;
    return found;
  }

  std::optional<Reading> group_body() {
    ++pos_;  // (
    group_was_flags_ = false;
    if (pos_ < text_.size() && text_[pos_] == '?') {
      const std::size_t close = text_.find_first_of(":)>", pos_);
      if (close == std::string_view::npos) return std::nullopt;
      if (text_[close] == ')') {  // (?i): flags only, matches nothing
        pos_ = close + 1;
        group_was_flags_ = true;
        return Reading{{}, Words{""}, std::nullopt};
      }
      pos_ = close + 1;
    }
    std::optional<Reading> inner = alternation();
    if (!inner || pos_ >= text_.size() || text_[pos_] != ')') return std::nullopt;
    ++pos_;
    return inner;
  }

  // Letters the normaliser may fold differently from RE2's case folding are left out: only
  // ASCII and CJK ideographs make anchors.
  static bool is_anchor_character(char32_t cp) {
    return (cp < 0x80 && std::isprint(static_cast<int>(cp))) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF);
  }

  // After an element: whether it is `?` (or the lazy `??`), which takes it once or not at all.
  bool optional_once_ahead() const { return pos_ < text_.size() && text_[pos_] == '?'; }

  static Words or_nothing(Words words) {
    words.push_back("");
    return words;
  }

  // After an element: nullopt without a quantifier, true when it still occurs at least once
  // (+, {2}, {1,3}), false when it may be absent (?, *, {0,6}).
  std::optional<bool> quantifier_ahead() const {
    const std::optional<Quantifier> quantifier = quantifier_at(text_, pos_);
    if (!quantifier) return std::nullopt;
    return quantifier->min > 0;
  }

  void skip_quantifier() {
    if (const std::optional<Quantifier> quantifier = quantifier_at(text_, pos_))
      pos_ = quantifier->end;
  }

  // Escapes that skip_atom can read past: classes (\d, \p{Han}, \pL), assertions, and escaped
  // punctuation. Octal, hexadecimal, \Q…\E and the like stop the reading.
  bool escapes_understood() const {
    for (std::size_t at = 0; at < text_.size(); ++at) {
      if (text_[at] != '\\') continue;
      if (++at >= text_.size()) return false;
      const char c = text_[at];
      if (is_ascii_punctuation(c)) continue;
      if (std::string_view("dDwWsS").find(c) != std::string_view::npos || is_assertion_escape(c))
        continue;
      if (c == 'p' || c == 'P') {
        if (at + 1 < text_.size() && text_[at + 1] == '{') {
          const std::size_t close = text_.find('}', at);
          if (close == std::string_view::npos) return false;
          at = close;
        } else if (at + 1 < text_.size() &&
                   std::isalpha(static_cast<unsigned char>(text_[at + 1]))) {
          ++at;
        } else {
          return false;
        }
        continue;
      }
      return false;
    }
    return true;
  }

  // A class, `.`, an escape or an assertion: read past, it anchors nothing.
  void skip_atom() {
    const char c = text_[pos_];
    if (c == '[') {
      pos_ = after_class(text_, pos_);
    } else if (c == '\\') {
      pos_ = after_escape(text_, pos_);
    } else {
      ++pos_;
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  bool group_was_flags_ = false;  // the group read last was flags alone, (?i)
};

// Escapes read here: those that match one character — classes (\d, \pL, \p{Han}), \x{597d},
// escaped punctuation — and the assertions \b, \B, \A, \z, which match none. Others are left to
// the full reading: an octal escape (\141, a letter) was once misread here as \1 and two
// characters, and \Q…\E may be empty.
bool escape_consumes(char c) {
  return is_ascii_punctuation(c) || std::string_view("dDwWsSpPx").find(c) != std::string_view::npos;
}
bool escape_read(char c) {
  return escape_consumes(c) || is_assertion_escape(c);
}

// Past the group opened at `at`: its contents are not read, only skipped, with the classes and
// escapes inside them (a `)` in `[)]` or `\)` closes nothing).
std::size_t after_group(std::string_view pattern, std::size_t at) {
  int depth = 0;
  while (at < pattern.size()) {
    const char c = pattern[at];
    if (c == '[') {
      at = after_class(pattern, at);
      continue;
    }
    if (c == '\\') {
      at = after_escape(pattern, at);
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0) return at + 1;
    ++at;
  }
  return at;
}

bool branches_consume(std::string_view pattern, int depth);

// Whether the group opened at `at` and closed just before `end` requires a character.
bool group_consumes(std::string_view pattern, std::size_t at, std::size_t end, int depth) {
  // RE2 allows 1,000 levels of nesting; a reading this deep is not worth the stack.
  constexpr int kMaxDepth = 32;
  const std::size_t inner = group_contents(pattern, at);
  if (depth >= kMaxDepth || end <= inner || pattern[end - 1] != ')') return false;
  return branches_consume(pattern.substr(inner, end - 1 - inner), depth + 1);
}

// Every top-level branch of `pattern` holds an element that must match a character.
bool branches_consume(std::string_view pattern, int depth) {
  bool branch_consumes = false;  // the branch read so far has an element that must match
  std::size_t at = 0;
  while (at < pattern.size()) {
    const char c = pattern[at];
    if (c == '|') {
      if (!branch_consumes) return false;
      branch_consumes = false;
      ++at;
      continue;
    }
    bool consumes = true;
    if (c == '(') {
      const std::size_t end = after_group(pattern, at);
      // After flags alone, (?i)?, RE2 applies the quantifier to what came before them.
      const bool flags_alone = group_contents(pattern, at) + 1 == end;
      if (flags_alone && quantifier_at(pattern, end)) return false;
      consumes = group_consumes(pattern, at, end, depth);
      at = end;
    } else if (c == '[') {
      at = after_class(pattern, at);
    } else if (c == '\\') {
      if (at + 1 >= pattern.size() || !escape_read(pattern[at + 1])) return false;
      consumes = escape_consumes(pattern[at + 1]);
      at = after_escape(pattern, at);
    } else if (c == ')' || c == '{' || c == '^' || c == '$' || c == '?' || c == '*' || c == '+') {
      consumes = false;
      ++at;
    } else {
      utf8::decode(pattern, at);  // a character, or `.`
    }
    if (const std::optional<Quantifier> quantifier = quantifier_at(pattern, at)) {
      consumes = consumes && quantifier->min > 0;
      at = quantifier->end;
    }
    branch_consumes = branch_consumes || consumes;
  }
  return branch_consumes;
}

}  // namespace

ContinuationReader::ContinuationReader(std::string_view pattern, const std::vector<Token>& tokens)
    : pattern_(pattern),
      tokens_(tokens),
      close_(group_closes(tokens)),
      enclosing_(tokens.size(), tokens.size()) {
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == TokenKind::group_close && !open.empty()) open.pop_back();
    if (!open.empty()) enclosing_[i] = close_[open.back()];
    if (tokens[i].kind == TokenKind::group_open) open.push_back(i);
  }
}

namespace {

constexpr std::size_t kMaxContinuations = 64;

}  // namespace

bool ContinuationReader::read(std::size_t from, std::size_t length,
                              const std::function<bool(std::u32string_view)>& visit) const {
  std::u32string text;
  bool stopped = false;
  // Most runs of characters hold no slip, and the first text tried says so: it is found alone
  // first, without every other way on.
  if (!read_on(text, from, length, visit, /*first_only=*/true, stopped)) return false;
  return stopped || read_on(text, from, length, visit, /*first_only=*/false, stopped);
}

// Depth first, so that a visit that has seen enough stops the reading.
bool ContinuationReader::read_on(std::u32string& text, std::size_t from, std::size_t length,
                                 const std::function<bool(std::u32string_view)>& visit,
                                 bool first_only, bool& stopped) const {
  if (text.size() == length) {
    stopped = !visit(text);
    return true;
  }
  Steps next{{}, first_only};
  if (!steps(from, next, 0)) return false;
  for (const auto& [c, after] : next.found) {
    text.push_back(c);
    const bool read = read_on(text, after, length, visit, first_only, stopped);
    text.pop_back();
    if (!read) return false;
    if (stopped) return true;
  }
  return true;
}

std::vector<char32_t> ContinuationReader::preceding(std::size_t i) const {
  if (i == 0 || i > tokens_.size()) return {kAnyCharacter};
  const TokenKind kind = tokens_[i - 1].kind;
  // What stands before a group's first branch, or before flags, stands before the token.
  if (kind == TokenKind::group_open || kind == TokenKind::flags) return preceding(i - 1);
  if (kind == TokenKind::alternation) {  // a later branch: what stands before its group
    const std::size_t close = enclosing_[i - 1];
    for (std::size_t open = i - 1; open-- > 0;) {
      if (tokens_[open].kind == TokenKind::group_open && close_[open] == close)
        return preceding(open);
    }
    return {kAnyCharacter};  // a branch of the whole pattern: its start
  }
  if (kind != TokenKind::group_close) return token_members(pattern_, tokens_[i - 1]);
  const std::size_t close = i - 1;
  std::size_t open = close;
  while (open > 0 && close_[--open] != close) {
  }
  if (close_[open] != close || tokens_[open].kind != TokenKind::group_open) return {kAnyCharacter};
  std::vector<char32_t> last;
  for (std::size_t at = open + 1; at <= close; ++at) {
    const bool branch_ends =
        at == close || (tokens_[at].kind == TokenKind::alternation && enclosing_[at] == close);
    if (!branch_ends) continue;
    const std::vector<char32_t> found = at - 1 == open ? std::vector<char32_t>{kAnyCharacter}
                                                       : token_members(pattern_, tokens_[at - 1]);
    last.insert(last.end(), found.begin(), found.end());
  }
  return last;
}

// The next character a match may read from token `i` on, appended to `next`; false when there
// are too many to follow.
bool ContinuationReader::steps(std::size_t i, Steps& next, int depth) const {
  constexpr int kMaxDepth = 32;
  if (next.enough()) return true;
  if (depth > kMaxDepth || next.found.size() > kMaxContinuations) return false;
  if (i >= tokens_.size()) {
    next.found.emplace_back(kAnyCharacter, tokens_.size());
    return true;
  }
  const Token& token = tokens_[i];
  switch (token.kind) {
    case TokenKind::alternation:  // the branch is over: on after its group
      return steps(enclosing_[i], next, depth + 1);
    case TokenKind::group_close:
      return after_group(i, next, depth);
    case TokenKind::group_open:
      return into_group(i, next, depth);
    case TokenKind::end:
      next.found.emplace_back(kAnyCharacter, tokens_.size());
      return true;
    case TokenKind::flags:
    case TokenKind::start:
    case TokenKind::quantifier:
      return steps(i + 1, next, depth + 1);
    default:
      break;
  }
  if (token_text(pattern_, token) == "\\z") {
    next.found.emplace_back(kAnyCharacter, tokens_.size());
    return true;
  }
  if (is_assertion(pattern_, token)) return steps(i + 1, next, depth + 1);
  return element(i, next, depth);
}

// A character, class or escape that matches one character, then its quantifier.
bool ContinuationReader::element(std::size_t i, Steps& next, int depth) const {
  const std::optional<Quantifier> quantifier = quantifier_after(pattern_, tokens_, i);
  const std::size_t after = quantifier ? i + 2 : i + 1;
  for (const char32_t c : token_members(pattern_, tokens_[i])) {
    next.found.emplace_back(c, after);
    if (next.enough()) return true;
    if (quantifier && quantifier->max > 1) next.found.emplace_back(c, i);  // again
  }
  if (quantifier && quantifier->min == 0) return steps(after, next, depth + 1);
  return next.found.size() <= kMaxContinuations;
}

// Each branch of the group opened at `i`, and what follows the group when it may be absent.
bool ContinuationReader::into_group(std::size_t i, Steps& next, int depth) const {
  const std::size_t close = close_[i];
  for (std::size_t branch = i + 1;;) {
    if (!steps(branch, next, depth + 1)) return false;
    if (next.enough()) return true;
    while (branch < close &&
           !(tokens_[branch].kind == TokenKind::alternation && enclosing_[branch] == close))
      ++branch;
    if (branch >= close) break;
    ++branch;  // past the `|`
  }
  const std::optional<Quantifier> quantifier = quantifier_after(pattern_, tokens_, close);
  if (close < tokens_.size() && quantifier && quantifier->min == 0)
    return steps(close + 2, next, depth + 1);
  return true;
}

// On after the group that closes at `i`. A group repeated may start again: what it starts
// with is not read again, it is any character.
bool ContinuationReader::after_group(std::size_t i, Steps& next, int depth) const {
  const std::optional<Quantifier> quantifier = quantifier_after(pattern_, tokens_, i);
  if (quantifier && quantifier->max > 1) next.found.emplace_back(kAnyCharacter, tokens_.size());
  if (next.enough()) return true;
  return steps(quantifier ? i + 2 : i + 1, next, depth + 1);
}

bool requires_a_character(std::string_view pattern) {
  return branches_consume(pattern, 0);
}

PatternWords pattern_words(std::string_view pattern) {
  return RequirementReader(pattern).read();
}

Requirements pattern_requirements(std::string_view pattern) {
  return pattern_words(pattern).required;
}

Words anchors_of(const Requirements& requirements) {
  const std::optional<std::size_t> best = rarest(requirements);
  return best ? requirements[*best] : Words{};
}

PatternReach pattern_reach(std::string_view pattern) {
  const Marks marks = ReachReader(pattern).read();
  if (marks == 0) return PatternReach::clause;
  if (marks == mark_bit(',')) return PatternReach::sentence;
  return PatternReach::text;
}

}  // namespace coach
