#include "engine/context_groups.hpp"

#include <optional>
#include <vector>

#include "engine/pattern_syntax.hpp"

namespace coach {
namespace {

// A group at the top level of a pattern: where it opens and closes, its capture number (0 for
// a group that does not capture) and whether one of its alternatives is `^` or `$` alone.
struct TopGroup {
  std::size_t open = 0;
  std::size_t close = 0;  // at its `)`
  int number = 0;
  bool start_alternative = false;
  bool end_alternative = false;
  // Every alternative is `^`, `$` or marks and bracketed classes only (`[,.!?;]`, `,[^还]`): the
  // group checks a neighbour. A group with words among its alternatives (吧 in
  // `你有病(吧|[,.!?;]|$)`) says them.
  bool only_context = true;
  // Named `before` or `after`: the trainer says it is context, whatever it holds
  // (`(?P<after>,您)`).
  bool named_before = false;
  bool named_after = false;
};

// Marks and bracketed classes only, each once: `[,.!?;]`, `,[^还]`, `\.`.
bool checks_neighbours(std::string_view pattern, std::size_t begin, std::size_t end) {
  static constexpr std::string_view kMarks = ",.!?;:";
  const auto is_mark = [](char c) { return kMarks.find(c) != std::string_view::npos; };
  if (begin == end) return false;
  for (std::size_t at = begin; at < end;) {
    if (pattern[at] == '[') {
      at = after_class(pattern, at);
    } else if (pattern[at] == '\\' && at + 1 < end && is_mark(pattern[at + 1])) {
      at += 2;
    } else if (is_mark(pattern[at]) && pattern[at] != '.') {
      ++at;  // an unescaped `.` is any character, which may be a word
    } else {
      return false;
    }
  }
  return true;
}

constexpr std::string_view kNamedBefore = "(?P<before>";
constexpr std::string_view kNamedAfter = "(?P<after>";

bool is_capturing(std::string_view pattern, std::size_t open) {
  const std::string_view rest = pattern.substr(open);
  return !rest.starts_with("(?") || rest.starts_with("(?P<");
}

// The pattern's top level: its groups in order, and where its last element starts.
struct TopLevel {
  std::vector<TopGroup> groups;
  std::size_t last_element = 0;
};

// Nullopt when the pattern has an alternation of its own at the top level (then no group stands
// first or last in every branch) or cannot be read.
std::optional<TopLevel> read_top_level(std::string_view pattern) {
  TopLevel top;
  int captures = 0;
  int depth = 0;
  TopGroup current;
  std::size_t alternative_start = 0;
  const auto note_alternative = [&](std::size_t end) {
    const std::string_view alternative = pattern.substr(alternative_start, end - alternative_start);
    if (alternative == "^") current.start_alternative = true;
    if (alternative == "$") current.end_alternative = true;
    if (alternative != "^" && alternative != "$" &&
        !checks_neighbours(pattern, alternative_start, end))
      current.only_context = false;
  };
  for (std::size_t at = 0; at < pattern.size();) {
    const char c = pattern[at];
    if (depth == 0 && c != ')') top.last_element = at;
    if (c == '\\') {
      at = after_escape(pattern, at);
    } else if (c == '[') {
      at = after_class(pattern, at);
    } else if (c == '(') {
      const bool capturing = is_capturing(pattern, at);
      if (capturing) ++captures;
      if (depth == 0) {
        current = TopGroup{at, 0, capturing ? captures : 0};
        current.named_before = pattern.substr(at).starts_with(kNamedBefore);
        current.named_after = pattern.substr(at).starts_with(kNamedAfter);
      }
      ++depth;
      at = group_contents(pattern, at);
      if (depth == 1) alternative_start = at;
    } else if (c == ')') {
      if (depth == 0) return std::nullopt;
      if (depth == 1) {
        note_alternative(at);
        current.close = at;
        top.groups.push_back(current);
      }
      --depth;
      ++at;
    } else if (c == '|') {
      if (depth == 0) return std::nullopt;
      if (depth == 1) {
        note_alternative(at);
        alternative_start = at + 1;
      }
      ++at;
    } else {
      ++at;
    }
  }
  if (depth != 0) return std::nullopt;
  return top;
}

}  // namespace

ContextGroups find_context_groups(std::string_view pattern) {
  const std::optional<TopLevel> top = read_top_level(pattern);
  if (!top || top->groups.empty()) return {};
  ContextGroups found;
  const TopGroup& first = top->groups.front();
  // Each needs words beside it: a pattern that is nothing but the group has no words to show.
  const bool leading_context =
      first.named_before || (first.start_alternative && first.only_context);
  if (first.open == 0 && first.number != 0 && leading_context && first.close + 1 < pattern.size() &&
      !quantifier_at(pattern, first.close + 1))
    found.leading = first.number;
  const TopGroup& last = top->groups.back();
  const bool trailing_context = last.named_after || (last.end_alternative && last.only_context);
  if (last.close + 1 == pattern.size() && last.number != 0 && trailing_context &&
      top->last_element == last.open && last.open > 0)
    found.trailing = last.number;
  return found;
}

}  // namespace coach
