#include "cli/scenario_groups.hpp"

#include <algorithm>
#include <map>
#include <string_view>

#include "util/i18n.hpp"

namespace coach::cli {

std::string source_document(const Scenario& scenario) {
  const auto end = scenario.source.find_first_of(" \t(（");
  return scenario.source.substr(0, end);
}

namespace {

struct DocumentTitle {
  std::string_view file;
  std::string_view zh;
  std::string_view en;
};

// The training documents the bundled scenarios name in `source:` (see the seeds' README): a
// heading of a hashed file name (`000_5d6b….txt`) meant nothing to a new hire, and three
// documents of one industry read as one heading said three times.
constexpr DocumentTitle kDocumentTitles[] = {
    {"000_5d6bbad32982d09a.txt", "《如何处理棘手问题》营业厅培训",
     "How to handle difficult problems (service hall)"},
    {"001_f955a3a0a7715b36.txt", "CSM 投诉处理法(信用卡热线)",
     "The CSM method (credit-card hotline)"},
    {"002_1b182b9a4a6d747b.txt", "《客户互动》第五章", "Customer interaction, chapter 5"},
    {"003_3827a30300469c7a.txt", "营业厅投诉处理员岗位手册",
     "Complaint handler's manual (service hall)"},
    {"004_305a79e5384dcb01.txt", "证券公司投诉处理", "Complaints at a securities firm"},
};

std::string heading_for(const Rubric& rubric, Grouping grouping, bool titled) {
  const Scenario& s = rubric.scenario();
  if (grouping == Grouping::customer_type) {
    return s.customer.type.empty() ? std::string(tr("(未注明类型)", "(no type given)"))
                                   : s.customer.type;
  }
  const std::string file = source_document(s);
  const std::string document = titled ? document_title(file) : file;
  return s.industry.empty() ? document : s.industry + " · " + document;
}

}  // namespace

std::string readable_source(const Scenario& scenario) {
  const std::string file = source_document(scenario);
  return document_title(file) + scenario.source.substr(file.size());
}

std::string document_title(const std::string& file) {
  for (const DocumentTitle& known : kDocumentTitles) {
    if (known.file == file) return std::string(tr(known.zh, known.en));
  }
  return file;
}

std::vector<ScenarioGroup> group_scenarios(const std::vector<Rubric>& rubrics, Grouping grouping) {
  if (grouping == Grouping::none) {
    ScenarioGroup all;
    for (const auto& rubric : rubrics) all.members.push_back(&rubric);
    return {all};
  }
  std::map<std::string, ScenarioGroup> by_heading;  // sorted headings: stable output
  for (const auto& rubric : rubrics) {
    const std::string heading = heading_for(rubric, grouping, false);
    auto& group = by_heading[heading];
    group.heading = heading;
    group.title = heading_for(rubric, grouping, true);
    group.members.push_back(&rubric);
  }
  std::vector<ScenarioGroup> groups;
  for (auto& [unused, group] : by_heading) groups.push_back(std::move(group));
  return groups;
}

}  // namespace coach::cli
