#pragma once
// The one rule for a trainee's name, wherever it comes from (an answers file's `trainee:`,
// `practice --trainee`, COACH_TRAINEE, `history --trainee`): a name practice records must be
// one grading accepts, and the same person must have the same name in the history.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace coach {

constexpr std::size_t kMaxTraineeNameBytes = 200;

// Drops ASCII, ideographic and no-break spaces around the name: invisible in every report,
// they would make "张三 " another trainee than "张三". And composes it (Unicode NFC): "é"
// typed as e and a combining accent is the same person as "é".
std::string trim_trainee_name(std::string_view name);

// The name without those spaces, not composed: a roster places a problem by it on its line.
std::string_view without_surrounding_spaces(std::string_view name);

// The first character of `text` that no name may hold (a NUL, a tab, a line break, another
// control character, a noncharacter, an invisible one): its byte offset, and a message starting
// with `what` that names it. A roster places it at its column with the offset.
struct NameFlaw {
  std::size_t offset;
  std::string message;
};
std::optional<NameFlaw> find_name_flaw(std::string_view text, std::string_view what);

// Why `name` (trimmed) cannot be a trainee's name, as a message starting with `what` (how the
// name was given: "`trainee`", "--trainee"); empty when it can.
std::string trainee_name_problem(std::string_view name, std::string_view what);

}  // namespace coach
