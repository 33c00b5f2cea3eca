#include "engine/plain_pattern.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <vector>

#include "engine/pattern_syntax.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// RE2 allows 1,000 levels of nesting; deeper than this, its parser decides.
constexpr std::size_t kMaxPlainDepth = 100;
// RE2 refuses counted repetitions nested so that their counts multiply past 1,000
// (`(a{100}){11}`), and any count past 1,000.
constexpr std::size_t kMaxRepeatCount = 1000;

bool is_ascii_punctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool is_control(char32_t c) {
  return c < 0x20 || c == 0x7F;
}

// `\pL`, `\p{Han}` and a few more: properties RE2 knows, written as the library writes them.
// Any other name is left to RE2, which refuses the ones it does not know.
std::size_t after_known_property(std::string_view pattern, std::size_t at) {
  static constexpr std::string_view kKnown[] = {
      "\\pL",       "\\pN",   "\\pP",   "\\pS",   "\\pZ",    "\\pM",    "\\p{L}",  "\\p{N}",
      "\\p{P}",     "\\p{S}", "\\p{Z}", "\\p{M}", "\\p{Lu}", "\\p{Ll}", "\\p{Nd}", "\\p{Han}",
      "\\p{Latin}", "\\PL",   "\\PN",   "\\PP",   "\\P{L}",  "\\P{N}",  "\\P{P}",  "\\P{Han}"};
  for (std::string_view known : kKnown)
    if (pattern.substr(at, known.size()) == known) return at + known.size();
  return 0;
}

class PlainReader {
 public:
  explicit PlainReader(std::string_view pattern) : pattern_(pattern) {}

  bool read() {
    groups_.push_back({});
    while (at_ < pattern_.size())
      if (!step()) return false;
    return groups_.size() == 1;
  }

 private:
  bool step() {
    const char c = pattern_[at_];
    switch (c) {
      case '(':
        return open_group();
      case ')':
        return close_group();
      case '|':
        ++at_;
        repeatable_ = false;
        return true;
      case '*':
      case '+':
      case '?':
      case '{':
        return quantifier();
      case '[':
        return bracketed_class();
      case '\\':
        return escape();
      case '^':
      case '$':
        ++at_;
        repeatable_ = false;  // whether RE2 lets an anchor repeat is left to it
        return true;
      case ']':
      case '}':
        return false;  // literal to RE2 here, but rare enough to leave to it
      default:
        return character();
    }
  }

  bool character() {
    const char32_t c = utf8::decode(pattern_, at_);
    if (c == utf8::kInvalid || is_control(c)) return false;
    atom(1);
    return true;
  }

  void atom(std::size_t product) {
    repeatable_ = true;
    last_product_ = product;
  }

  bool open_group() {
    if (pattern_.substr(at_, 2) == "(?") {
      const std::size_t contents = after_group_opening();
      if (contents == 0) return false;  // flags, other names
      at_ = contents;
    } else {
      ++at_;
    }
    if (groups_.size() > kMaxPlainDepth) return false;
    groups_.push_back({1, at_});
    repeatable_ = false;
    return true;
  }

  // Past `(?:`, or past the context groups' names (engine/context_groups), each used once as
  // RE2 requires; 0 for anything else.
  std::size_t after_group_opening() {
    if (pattern_.substr(at_, 3) == "(?:") return at_ + 3;
    for (const std::string_view name : {"(?P<before>", "(?P<after>"}) {
      if (pattern_.substr(at_, name.size()) != name) continue;
      if (std::find(names_.begin(), names_.end(), name) != names_.end()) return 0;
      names_.push_back(name);
      return at_ + name.size();
    }
    return 0;
  }

  bool close_group() {
    if (groups_.size() == 1) return false;
    const Group closed = groups_.back();
    groups_.pop_back();
    groups_.back().product = std::max(groups_.back().product, closed.product);
    atom(closed.product);
    repeatable_ = at_ > closed.contents;  // whether RE2 lets `()` repeat is left to it
    ++at_;
    return true;
  }

  bool quantifier() {
    if (!repeatable_) return false;  // nothing to repeat, or a repetition repeated
    const std::optional<Quantifier> found = quantifier_at(pattern_, at_);
    if (!found) return false;  // a brace RE2 reads as a character
    if (pattern_[at_] == '{') {
      if (found->min > kMaxRepeatCount) return false;
      if (found->max != Repetition::kUnbounded &&
          (found->max > kMaxRepeatCount || found->max < found->min))
        return false;
      const std::size_t count =
          std::max<std::size_t>(found->max == Repetition::kUnbounded ? found->min : found->max, 1);
      const std::size_t product = last_product_ * count;
      if (product > kMaxRepeatCount) return false;
      groups_.back().product = std::max(groups_.back().product, product);
    }
    at_ = found->end;
    repeatable_ = false;
    return true;
  }

  bool escape() {
    if (at_ + 1 >= pattern_.size()) return false;
    const char next = pattern_[at_ + 1];
    if (next == 'p' || next == 'P') {
      const std::size_t end = after_known_property(pattern_, at_);
      if (end == 0) return false;
      at_ = end;
      atom(1);
      return true;
    }
    if (std::string_view("dDsSwW").find(next) != std::string_view::npos ||
        is_ascii_punctuation(next)) {
      at_ += 2;
      atom(1);
      return true;
    }
    if (is_assertion_escape(next)) {
      at_ += 2;
      repeatable_ = false;
      return true;
    }
    return false;  // \x, \Q, \1, \n and the rest: left to RE2
  }

  // One member of a class: a character, an escaped punctuation mark or a class escape. Returns
  // the character for a range's end, 0 for a class escape, nullopt when left to RE2.
  std::optional<char32_t> class_member() {
    if (pattern_[at_] == '\\') {
      if (at_ + 1 >= pattern_.size()) return std::nullopt;
      const char next = pattern_[at_ + 1];
      if (next == 'p' || next == 'P') {
        const std::size_t end = after_known_property(pattern_, at_);
        if (end == 0) return std::nullopt;
        at_ = end;
        return 0;
      }
      at_ += 2;
      if (std::string_view("dDsSwW").find(next) != std::string_view::npos) return 0;
      if (is_ascii_punctuation(next)) return static_cast<char32_t>(next);
      return std::nullopt;
    }
    if (pattern_[at_] == '[') return std::nullopt;  // [:alpha:] and the like
    const char32_t c = utf8::decode(pattern_, at_);
    if (c == utf8::kInvalid || is_control(c)) return std::nullopt;
    return c;
  }

  bool bracketed_class() {
    ++at_;
    if (at_ < pattern_.size() && pattern_[at_] == '^') ++at_;
    const std::size_t first = at_;
    while (at_ < pattern_.size() && pattern_[at_] != ']') {
      if (pattern_[at_] == '-') {
        // A hyphen is itself only first or last; elsewhere RE2 decides.
        if (at_ != first && pattern_.substr(at_ + 1, 1) != "]") return false;
        ++at_;
        continue;
      }
      const std::optional<char32_t> low = class_member();
      if (!low) return false;
      if (pattern_.substr(at_, 1) != "-" || pattern_.substr(at_ + 1, 1) == "]") continue;
      ++at_;  // a range
      if (at_ >= pattern_.size() || pattern_[at_] == '-') return false;
      const std::optional<char32_t> high = class_member();
      if (!high || *low == 0 || *high == 0 || *high < *low) return false;
    }
    if (at_ >= pattern_.size() || at_ == first) return false;  // unclosed, or `[]`
    ++at_;
    atom(1);
    return true;
  }

  std::string_view pattern_;
  std::size_t at_ = 0;
  bool repeatable_ = false;       // what stands just before may take a quantifier
  std::size_t last_product_ = 1;  // the counted repetitions multiplied inside what stands before
  struct Group {
    std::size_t product = 1;  // the largest product of counted repetitions nested in it so far
    std::size_t contents = 0;
  };
  std::vector<Group> groups_;  // the open groups, the whole pattern first
  std::vector<std::string_view> names_;
};

}  // namespace

bool parses_as_plain_pattern(std::string_view pattern) {
  return PlainReader(pattern).read();
}

}  // namespace coach
