#include "engine/program_size.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/pattern_syntax.hpp"
#include "engine/phrase_matcher.hpp"
#include "util/memory_reserve.hpp"
#include "util/thread_scratch.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// Upper bounds on the instructions RE2 compiles, case-insensitive and in UTF-8 (measured with
// RE2::ProgramSize: one character at most 7, `\W` 31, `\p{L}` 1,198, `[\p{L}\p{N}\p{S}\p{P}]`
// 1,400; a range, however wide, under 50).
constexpr std::size_t kPerCharacter = 16;
constexpr std::size_t kPerProperty = 1'500;
constexpr std::size_t kPerLiteral = 8;

// A class or an escape read from its text: each character written, and each Unicode property
// or POSIX class named.
std::size_t written_bound(std::string_view atom) {
  std::size_t properties = 0;
  for (std::size_t at = 0; at + 1 < atom.size(); ++at) {
    const std::string_view two = atom.substr(at, 2);
    if (two == "\\p" || two == "\\P" || two == "[:") ++properties;
  }
  return kPerCharacter * (utf8::count_code_points(atom) + 1) + kPerProperty * properties;
}

// What RE2 compiles a class, a class escape or `.` to, alone (with the few instructions every
// program has): its text bounds it only loosely (`[^,.!?;]` is 16 instructions, a bound from
// its characters 144), and a pattern repeats it (`[^,.!?;]{0,24}`), so a loose bound would send
// ordinary patterns to be compiled at load. Measured once per distinct class.
std::size_t measured_size(std::string_view atom) {
  static thread_local auto& sizes = thread_scratch<std::unordered_map<std::string, std::size_t>>();
  if (const auto found = sizes.find(std::string(atom)); found != sizes.end()) return found->second;
  RE2::Options options = pattern_options();
  options.set_max_mem(1 << 20);
  make_room_for_unsafe_code();
  const RE2 alone(std::string(atom), options);
  const std::size_t size =
      alone.ok() ? static_cast<std::size_t>(alone.ProgramSize()) : written_bound(atom);
  if (sizes.size() >= 10'000) sizes.clear();  // hostile input: many distinct classes
  sizes.emplace(std::string(atom), size);
  return size;
}

// One character, as written (`您`, `\.`, `\x{3002}`), rather than a class, `.` or a class escape.
bool is_literal(std::string_view atom) {
  if (utf8::count_code_points(atom) == 1) return atom != ".";
  return atom.starts_with('\\') && escaped_character(atom).has_value();
}

// A literal character, or a class read or measured.
std::size_t atom_bound(std::string_view atom, ClassSizes classes) {
  if (is_literal(atom)) return kPerLiteral;
  return classes == ClassSizes::read ? written_bound(atom) : measured_size(atom);
}

// How a pattern's cost is counted: what each piece, each copy of a repeated piece and each
// branch adds, and whether the branches of a group add up or only the costliest counts.
struct Costing {
  std::size_t overhead = 0;
  bool branches_add_up = true;
};

// What the pieces of a pattern cost together, each atom costing `cost(atom)`: a group costs
// what its pieces do, and a piece repeated n times costs n times (RE2 writes `x{2,6}` out as six
// copies of x), so a repeated group multiplies what is inside it.
template <typename AtomCost>
std::size_t written_out_cost(std::string_view pattern, AtomCost cost, Costing costing) {
  struct Level {
    std::size_t branches = 0;  // the branches before this one, combined
    std::size_t size = 0;      // this branch
    std::size_t last = 0;      // the piece a repetition would apply to
  };
  const auto combined = [&](const Level& level) {
    return costing.branches_add_up ? level.branches + level.size
                                   : std::max(level.branches, level.size);
  };
  std::vector<Level> levels(1);
  const auto add = [&](std::size_t piece) {
    levels.back().size += piece + costing.overhead;
    levels.back().last = piece;
  };
  for (std::size_t at = 0; at < pattern.size();) {
    const char c = pattern[at];
    if (const auto quantifier = quantifier_at(pattern, at)) {
      at = quantifier->end;
      // RE2 writes `x{2,6}` out as six copies of x, `x{2,}` as xx+, `x*` as x with a loop.
      const std::size_t count = quantifier->max == Repetition::kUnbounded
                                    ? std::max<std::size_t>(quantifier->min, 1)
                                    : quantifier->max;
      Level& level = levels.back();
      level.size += level.last * (count > 0 ? count - 1 : 0) + costing.overhead * count;
    } else if (c == '(') {
      levels.emplace_back();
      at = group_contents(pattern, at);
    } else if (c == ')') {
      ++at;
      if (levels.size() == 1) continue;  // RE2 refuses it
      const std::size_t group = combined(levels.back());
      levels.pop_back();
      add(group);
    } else if (c == '|') {
      ++at;
      Level& level = levels.back();
      level.size += costing.overhead;
      level.branches = combined(level);
      level.size = 0;
      level.last = 0;
    } else {
      const std::size_t begin = at;
      if (c == '[') {
        at = after_class(pattern, at);
      } else if (c == '\\') {
        at = after_escape(pattern, at);
      } else {
        utf8::decode(pattern, at);
      }
      add(cost(pattern.substr(begin, at - begin)));
    }
  }
  std::size_t total = 0;
  for (const Level& level : levels) total += combined(level);
  return total;
}

}  // namespace

std::size_t program_size_bound(std::string_view pattern, ClassSizes classes) {
  constexpr std::size_t kPerPiece = 2;  // RE2's instructions around a piece, a loop, a branch
  return written_out_cost(pattern, [&](std::string_view atom) { return atom_bound(atom, classes); },
                          {.overhead = kPerPiece, .branches_add_up = true});
}

std::size_t class_positions_bound(std::string_view pattern) {
  // Only one branch of a group is followed at a time.
  const auto class_character = [](std::string_view atom) -> std::size_t {
    const bool assertion = atom.size() == 2 && atom[0] == '\\' && is_assertion_escape(atom[1]);
    return is_literal(atom) || assertion ? 0 : 1;
  };
  return written_out_cost(pattern, class_character, {.overhead = 0, .branches_add_up = false});
}

}  // namespace coach
