#pragma once
// The one rule for a trainee's name, wherever it comes from (an answers file's `trainee:`,
// `practice --trainee`, COACH_TRAINEE, `history --trainee`): a name practice records must be
// one grading accepts, and the same person must have the same name in the history.
#include <string>
#include <string_view>

namespace coach {

constexpr std::size_t kMaxTraineeNameBytes = 200;

// Drops ASCII, ideographic and no-break spaces around the name: invisible in every report,
// they would make "张三 " another trainee than "张三". And composes it (Unicode NFC): "é"
// typed as e and a combining accent is the same person as "é".
std::string trim_trainee_name(std::string name);

// Why `name` (trimmed) cannot be a trainee's name, as a message starting with `what` (how the
// name was given: "`trainee`", "--trainee"); empty when it can.
std::string trainee_name_problem(std::string_view name, std::string_view what);

}  // namespace coach
