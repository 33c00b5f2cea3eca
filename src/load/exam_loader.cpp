#include "load/exam_loader.hpp"

#include <fmt/format.h>

#include <set>

#include "load/identifiers.hpp"
#include "load/yaml_reader.hpp"
#include "util/closest_name.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

constexpr int kMaxAttempts = 20;

// A list naming the same thing twice is almost always a copy-paste slip.
void report_duplicates(YamlReader& reader, const std::vector<MarkedText>& items,
                       std::string_view key) {
  std::set<std::string> seen;
  for (const auto& item : items) {
    if (seen.insert(item.text).second) continue;
    reader.error(item.mark,
                 fmt::format(fmt::runtime(tr("`{}` 中 `{}` 出现了两次", "`{}` names `{}` twice")),
                             key, utf8::quote(item.text)));
  }
}

void read_identity(YamlReader& reader, const YamlNode& root, Exam& exam) {
  exam.id = reader.text(root, "id", true).value_or("");
  if (const std::string problem = id_problem(exam.id, tr("考试 id", "exam id"));
      !exam.id.empty() && !problem.empty())
    reader.error(YamlReader::child(root, "id"), problem);
  exam.title = reader.short_text(root, "title", true, kMaxTitleCharacters).value_or("");
}

void read_stages(YamlReader& reader, const YamlNode& must_pass, Exam& exam) {
  const std::vector<MarkedText> items = reader.text_list(must_pass, "stages", false);
  report_duplicates(reader, items, "stages");
  for (const MarkedText& item : items) {
    if (auto stage = parse_stage(item.text)) {
      exam.must_pass_stages.push_back(*stage);
      continue;
    }
    reader.error(item.mark, unknown_stage_text(item.text));
  }
}

void read_must_pass(YamlReader& reader, const YamlNode& root, Exam& exam) {
  const YamlNode& must_pass = YamlReader::child(root, "must_pass");
  if (!must_pass.is_defined() || must_pass.is_null()) return;
  if (!reader.expect_map(must_pass, "`must_pass`", {"stages", "concepts"})) return;
  read_stages(reader, must_pass, exam);
  exam.must_pass_concepts = reader.text_list(must_pass, "concepts", false);
  report_duplicates(reader, exam.must_pass_concepts, "concepts");
}

}  // namespace

std::optional<Exam> parse_exam(const std::string& content, const std::string& file,
                               Diagnostics& diagnostics, const ScenarioLibrary* library) {
  const std::size_t errors_before = diagnostics.reported();
  YamlReader reader(file, diagnostics);
  const auto root = reader.parse(content);
  if (!root) return std::nullopt;
  if (!reader.expect_map(*root, tr("考试文件", "an exam file"),
                         {"id", "title", "scenarios", "pass_mark", "must_pass", "attempts"}))
    return std::nullopt;
  Exam exam;
  exam.file = file;
  read_identity(reader, *root, exam);
  exam.scenario_ids = reader.text_list(*root, "scenarios", true);
  report_duplicates(reader, exam.scenario_ids, "scenarios");
  exam.pass_mark = reader.integer(*root, "pass_mark", 0, 100);
  exam.attempts = reader.integer(*root, "attempts", 1, kMaxAttempts).value_or(1);
  read_must_pass(reader, *root, exam);
  if (library) check_exam_references(exam, *library, diagnostics);
  if (diagnostics.reported() != errors_before) return std::nullopt;
  return exam;
}

std::optional<Exam> load_exam_file(const std::string& path, Diagnostics& diagnostics,
                                   const ScenarioLibrary* library) {
  return parse_file(path, diagnostics, [&](const std::string& content) {
    return parse_exam(content, path, diagnostics, library);
  });
}

void check_exam_references(const Exam& exam, const ScenarioLibrary& library,
                           Diagnostics& diagnostics) {
  for (const MarkedText& id : exam.scenario_ids) {
    if (library.find(id.text)) continue;
    diagnostics.error(exam.file, id.mark, unknown_scenario_text(id.text, library));
  }
  for (const MarkedText& id : exam.must_pass_concepts) {
    if (library.concepts().find(id.text)) continue;
    std::vector<std::string_view> known;
    for (const auto& [name, unused] : library.concepts().all()) known.push_back(name);
    diagnostics.error(
        exam.file, id.mark,
        fmt::format(fmt::runtime(tr("词库中没有概念 `{}`{}", "no concept `{}` in the lexicons{}")),
                    utf8::quote(id.text), did_you_mean(id.text, known)));
  }
}

}  // namespace coach
