#include <fmt/format.h>

#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/scenario_paths.hpp"
#include "cli/terminal.hpp"
#include "util/display_width.hpp"
#include "util/i18n.hpp"

namespace coach::cli {
namespace {

int list_scenarios(const Context& context) {
  Diagnostics diagnostics;
  const ScenarioLibrary library = load_library({}, context, diagnostics);
  print_diagnostics(diagnostics);
  const Style style = style_for(context, 1);
  std::size_t id_width = 2;
  std::size_t title_width = 4;
  for (const auto& rubric : library.rubrics()) {
    id_width = std::max(id_width, display_width(rubric.scenario().id));
    title_width = std::max(title_width, display_width(rubric.scenario().title));
  }
  std::cout << style.bold(fmt::format("{}  {}  {}  {}  {}", pad_right("id", id_width),
                                      pad_right(tr("标题", "title"), title_width),
                                      pad_right(tr("客户类型", "customer"), 10), tr("步数", "steps"),
                                      tr("出处", "source")))
            << "\n";
  for (const auto& rubric : library.rubrics()) {
    const Scenario& s = rubric.scenario();
    std::cout << fmt::format("{}  {}  {}  {:>4}  {}\n", pad_right(s.id, id_width), pad_right(s.title, title_width),
                             pad_right(s.customer.type.empty() ? "-" : s.customer.type, 10), s.steps.size(), s.source);
  }
  return kExitOk;
}

}  // namespace

Action add_list_command(CLI::App& app, const Context& context) {
  app.add_subcommand("list", std::string(tr("列出场景:id、标题、客户类型、步数、出处",
                                            "list the scenarios: id, title, customer type, steps, source")));
  return [&context] { return list_scenarios(context); };
}

}  // namespace coach::cli
