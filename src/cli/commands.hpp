#pragma once
// Each command registers its options on the app and returns the action to run when chosen.
#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>

#include "cli/context.hpp"

namespace coach::cli {

using Action = std::function<int()>;

// For an option that names a file or directory: an empty value (`--exam "$EXAM"` with the
// variable unset) is refused instead of read as "not given", which would quietly grade
// without the exam, the roster or the trainer's scenarios. `option` is the spelling its messages
// advise (`-o`, `--exam`).
CLI::Validator non_empty_path(const std::string& option);
// A filter given an empty value (`--since "$SINCE"` unset) is refused, never read as "not given".
CLI::Validator non_empty_value();
std::string empty_path_text();
// Why a path that starts with an unexpanded `~` is refused, advising `written`; empty for any
// other path.
std::string unexpanded_home_text(std::string_view path, const std::string& written);
// Why the path in environment variable `variable` cannot be used (a `~` or `=` at its start, as
// non_empty_path refuses them in an option), naming the variable; nothing when it is unset,
// empty or usable. Such a variable is then not given to CLI11, whose message would blame an
// option nobody typed.
std::optional<std::string> environment_path_problem(const char* variable);

Action add_list_command(CLI::App& app, const Context& context);
Action add_show_command(CLI::App& app, const Context& context);
Action add_validate_command(CLI::App& app, const Context& context);
Action add_check_command(CLI::App& app, const Context& context);
Action add_grade_command(CLI::App& app, const Context& context);
Action add_practice_command(CLI::App& app, const Context& context);
Action add_history_command(CLI::App& app, const Context& context);

}  // namespace coach::cli
