#pragma once
// Each command registers its options on the app and returns the action to run when chosen.
#include <CLI/CLI.hpp>
#include <functional>

#include "cli/context.hpp"

namespace coach::cli {

using Action = std::function<int()>;

Action add_list_command(CLI::App& app, const Context& context);
Action add_show_command(CLI::App& app, const Context& context);
Action add_validate_command(CLI::App& app, const Context& context);
Action add_check_command(CLI::App& app, const Context& context);
Action add_grade_command(CLI::App& app, const Context& context);
Action add_practice_command(CLI::App& app, const Context& context);
Action add_history_command(CLI::App& app, const Context& context);

}  // namespace coach::cli
