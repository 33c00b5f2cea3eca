#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/scenario_groups.hpp"
#include "cli/scenario_paths.hpp"
#include "cli/terminal.hpp"
#include "util/display_width.hpp"
#include "util/i18n.hpp"

namespace coach::cli {
namespace {

struct ListOptions {
  std::string group = "document";
};

Grouping parse_grouping(const std::string& name) {
  if (name == "type") return Grouping::customer_type;
  if (name == "none") return Grouping::none;
  return Grouping::document;
}

struct Columns {
  std::size_t id = 2;
  std::size_t title = 4;
  std::size_t type = 8;
};

Columns measure(const std::vector<Rubric>& rubrics) {
  Columns columns;
  for (const auto& rubric : rubrics) {
    const Scenario& s = rubric.scenario();
    columns.id = std::max(columns.id, display_width(s.id));
    columns.title = std::max(columns.title, display_width(s.title));
    columns.type = std::max(columns.type, display_width(s.customer.type));
  }
  return columns;
}

// The steps every session plays, and "+N" for those a reply may insert (`when:`): a trainee
// who meets five steps must not read six.
std::string step_count(const Scenario& s) {
  const auto inserted = std::count_if(s.steps.begin(), s.steps.end(),
                                      [](const Step& step) { return step.when.has_value(); });
  const auto main_line = static_cast<std::ptrdiff_t>(s.steps.size()) - inserted;
  return inserted == 0 ? std::to_string(main_line) : fmt::format("{}+{}", main_line, inserted);
}

std::string row(const Scenario& s, const Columns& columns) {
  return fmt::format("{}  {}  {}  {:>4}  {}", pad_right(s.id, columns.id),
                     pad_right(s.title, columns.title),
                     pad_right(s.customer.type.empty() ? "-" : s.customer.type, columns.type),
                     step_count(s), s.source);
}

int list_scenarios(const Context& context, const ListOptions& options) {
  Diagnostics diagnostics;
  const ScenarioLibrary& library = load_library({}, context, diagnostics);
  print_diagnostics(diagnostics);
  const Style style = style_for(context, 1);
  const Columns columns = measure(library.rubrics());
  std::cout << style.bold(fmt::format("{}  {}  {}  {}  {}", pad_right("id", columns.id),
                                      pad_right(tr("标题", "title"), columns.title),
                                      pad_right(tr("客户类型", "customer"), columns.type),
                                      tr("步数", "steps"), tr("出处", "source")))
            << "\n";
  for (const auto& group : group_scenarios(library.rubrics(), parse_grouping(options.group))) {
    if (!group.heading.empty()) std::cout << "\n" << style.warn(group.heading) << "\n";
    for (const Rubric* rubric : group.members)
      std::cout << row(rubric->scenario(), columns) << "\n";
  }
  // What loaded is listed; a script that lists the library must still see that some did not.
  return diagnostics.empty() ? kExitOk : kExitBadInput;
}

}  // namespace

Action add_list_command(CLI::App& app, const Context& context) {
  auto options = std::make_shared<ListOptions>();
  auto* cmd = app.add_subcommand(
      "list", std::string(tr("列出场景:id、标题、客户类型、步数、出处",
                             "list the scenarios: id, title, customer type, steps, source")));
  cmd->add_option(
         "--group", options->group,
         std::string(
             tr("分组方式:document(按文档/行业)、type(按客户类型)或 none",
                "group by: document (source document and industry), type (customer type) or none")))
      ->check(CLI::IsMember({"document", "type", "none"}));
  return [&context, options] { return list_scenarios(context, *options); };
}

}  // namespace coach::cli
