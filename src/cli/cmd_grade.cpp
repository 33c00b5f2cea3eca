#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/grade_log.hpp"
#include "cli/grade_output.hpp"
#include "cli/history_options.hpp"
#include "cli/output_paths.hpp"
#include "cli/progress_bar.hpp"
#include "cli/scenario_paths.hpp"
#include "cli/terminal.hpp"
#include "engine/exam_grader.hpp"
#include "engine/scorer.hpp"
#include "history/timestamps.hpp"
#include "load/answers_loader.hpp"
#include "load/exam_loader.hpp"
#include "load/roster_loader.hpp"
#include "load/yaml_files.hpp"
#include "report/report.hpp"
#include "util/i18n.hpp"
#include "util/out_of_memory.hpp"
#include "util/sha256.hpp"
#include "util/utf8.hpp"

namespace coach::cli {
namespace fs = std::filesystem;

namespace {

struct GradeOptions {
  std::vector<std::string> files;
  std::string format = "text";
  std::string output;
  std::vector<std::string> reports;  // more reports of the same run, each FORMAT=FILE
  std::string exam;
  std::string roster;     // who must be certified (with --exam)
  HistoryChoice history;  // --db / --no-history given after `grade`
};

std::string file_name(const std::string& path) {
  return fs::path(path).filename().string();
}

bool exam_includes(const Exam& exam, const std::string& scenario_id) {
  return std::any_of(exam.scenario_ids.begin(), exam.scenario_ids.end(),
                     [&](const MarkedText& id) { return id.text == scenario_id; });
}

const std::vector<std::string> kFormats = {"text", "json", "junit", "csv", "markdown", "html"};

// One report of the run: its attempts spooled as they are graded, written at the end.
struct ReportTarget {
  ReportTarget(std::unique_ptr<ReportWriter> writer, const std::string& path)
      : writer(std::move(writer)), spool(path) {}
  std::unique_ptr<ReportWriter> writer;
  ReportSpool spool;
};

// One grading run: attempts stream from the files into the reports; only small tallies stay.
class GradeRun {
 public:
  GradeRun(const ScenarioLibrary& library, const Exam* exam,
           std::vector<std::unique_ptr<ReportTarget>> targets, GradeLog& log)
      : library_(library), exam_(exam), targets_(std::move(targets)), log_(log) {
    if (exam_) tally_.emplace(*exam_);
  }

  // With an exam: everyone on the roster gets a verdict, and only they may hand in.
  void expect(const std::vector<std::string>& roster) {
    for (const auto& name : roster) {
      roster_.insert(name);
      tally_->expect(name);
    }
  }

  void grade_file(const std::string& path);
  // The facts only known at the end; `exam_path` for its digest.
  ReportFacts& finish(const std::string& exam_path);
  // Writes each whole report: head, the spooled attempts, tail. One that cannot be written (a
  // full disk) keeps none of the others from being written; returns why each failed.
  std::vector<std::string> write() {
    std::vector<std::string> failures;
    for (auto& target : targets_) {
      try {
        target->spool.finish(target->writer->head(facts_), target->writer->tail(facts_));
      } catch (const std::runtime_error& e) {
        failures.push_back(e.what());
      }
    }
    return failures;
  }

 private:
  bool check_attempt(const Attempt& attempt, const std::string& path, Diagnostics& problems) const;
  void check_on_roster(const AnswersFile& answers, Diagnostics& problems) const;
  void grade_attempt(const Attempt& attempt, const std::string& trainee, const std::string& path);
  const std::string& scenario_digest(const Rubric& rubric);
  void log_attempt(const AttemptResult& result, const Attempt& attempt, const AttemptNote& note,
                   const std::string& started_at);

  const ScenarioLibrary& library_;
  const Exam* exam_;
  std::vector<std::unique_ptr<ReportTarget>> targets_;
  GradeLog& log_;
  std::optional<ExamTally> tally_;
  ReportFacts facts_;
  std::map<std::string, std::string> scenario_digests_;  // scenario file → SHA-256
  std::set<std::string> roster_;                         // empty: anyone may hand in
  int next_index_ = 0;
};

bool GradeRun::check_attempt(const Attempt& attempt, const std::string& path,
                             Diagnostics& problems) const {
  const Rubric* rubric = library_.find(attempt.scenario_id);
  if (!rubric) {
    problems.error(path, attempt.scenario_mark,
                   unknown_scenario_text(attempt.scenario_id, library_));
    return false;
  }
  if (exam_ && !exam_includes(*exam_, attempt.scenario_id)) {
    problems.error(path, attempt.scenario_mark,
                   fmt::format(fmt::runtime(tr("场景 `{}` 不在考试 `{}` 中",
                                               "scenario `{}` is not part of exam `{}`")),
                               utf8::quote(attempt.scenario_id), exam_->id));
    return false;
  }
  check_attempt_steps(*rubric, attempt, path, problems);
  return true;
}

// A name not on the roster is a typo or a stranger: certifying it would certify nobody.
void GradeRun::check_on_roster(const AnswersFile& answers, Diagnostics& problems) const {
  if (roster_.empty() || roster_.count(answers.trainee)) return;
  problems.error(answers.file, answers.trainee_mark,
                 answers.trainee.empty()
                     ? std::string(tr("没有 `trainee`:按名单认证时,每份答案都要写明学员",
                                      "no `trainee`: with a roster, every submission names its "
                                      "trainee"))
                     : fmt::format(fmt::runtime(tr("学员 `{}` 不在名单上",
                                                   "trainee `{}` is not "
                                                   "on the roster")),
                                   printable_line(answers.trainee)));
}

// A file with any problem is left out whole and reported; the rest of the batch is graded.
void GradeRun::grade_file(const std::string& path) {
  Diagnostics problems;
  const auto answers = load_answers_file(path, problems);
  if (answers) {
    check_on_roster(*answers, problems);
    for (const Attempt& attempt : answers->attempts) check_attempt(attempt, path, problems);
  }
  if (!problems.empty()) {
    facts_.rejected.append(problems);
    return;
  }
  for (const Attempt& attempt : answers->attempts) grade_attempt(attempt, answers->trainee, path);
}

void GradeRun::grade_attempt(const Attempt& attempt, const std::string& trainee,
                             const std::string& path) {
  const std::string started_at = history::utc_now();
  const Rubric& rubric = *library_.find(attempt.scenario_id);
  AttemptResult result = score_attempt(rubric, attempt, trainee, path);
  AttemptNote note;
  note.index = next_index_++;
  note.scenario_sha256 = scenario_digest(rubric);
  if (exam_) note.exam = tally_->record(result, apply_exam(*exam_, rubric, result));
  facts_.cohort.add(result, note.index);
  for (auto& target : targets_) target->spool.append(target->writer->attempt(result, note));
  log_attempt(result, attempt, note, started_at);
}

// The history keeps where the submission is on this machine (reports never do: they must be
// the same bytes everywhere).
void GradeRun::log_attempt(const AttemptResult& result, const Attempt& attempt,
                           const AttemptNote& note, const std::string& started_at) {
  if (!log_.on()) return;
  history::AttemptRecord record =
      history::make_attempt_record(history::AttemptKind::grade, result, attempt);
  record.scenario_sha256 = note.scenario_sha256;
  if (exam_) record.exam_id = exam_->id;
  record.started_at = started_at;
  record.finished_at = history::utc_now();
  std::error_code ec;
  record.source_file = fs::absolute(result.file, ec).string();
  throw_if_out_of_memory(ec);
  log_.add(std::move(record));
}

const std::string& GradeRun::scenario_digest(const Rubric& rubric) {
  const std::string& file = rubric.scenario().file;
  auto found = scenario_digests_.find(file);
  if (found == scenario_digests_.end())
    found = scenario_digests_.emplace(file, sha256_of_file(file)).first;
  return found->second;
}

ReportFacts& GradeRun::finish(const std::string& exam_path) {
  for (const auto& [file, digest] : scenario_digests_)
    facts_.inputs.push_back({"scenario", file_name(file), digest});
  for (const auto& file : library_.lexicon_files())
    facts_.inputs.push_back({"lexicon", file_name(file), sha256_of_file(file)});
  for (const auto& file : library_.preset_files())
    facts_.inputs.push_back({"customer_types", file_name(file), sha256_of_file(file)});
  if (exam_) {
    facts_.inputs.push_back({"exam", file_name(exam_path), sha256_of_file(exam_path)});
    facts_.exam = ExamFacts{exam_, facts_.inputs.back().sha256, tally_->verdicts()};
  }
  std::sort(facts_.inputs.begin(), facts_.inputs.end(), [](const auto& a, const auto& b) {
    return std::tie(a.kind, a.name) < std::tie(b.kind, b.name);
  });
  return facts_;
}

std::optional<Exam> load_checked_exam(const std::string& path, const ScenarioLibrary& library,
                                      Diagnostics& diagnostics) {
  Diagnostics problems;
  auto exam = load_exam_file(path, problems, &library);
  diagnostics.append(problems);
  return problems.empty() ? exam : std::nullopt;
}

// What a cohort is certified against: the exam, and who must pass it.
struct Certification {
  std::optional<Exam> exam;
  std::vector<std::string> roster;  // empty: anyone may hand in
  // False when the exam or the roster is broken: grading against the wrong rubric, or with a
  // roster that cannot name everyone, would certify the wrong people, so nobody is graded.
  bool usable = true;

  const Exam* exam_to_grade() const { return usable && exam ? &*exam : nullptr; }
};

Certification load_certification(const GradeOptions& options, const ScenarioLibrary& library,
                                 Diagnostics& diagnostics) {
  Certification found;
  if (!options.exam.empty()) {
    found.exam = load_checked_exam(options.exam, library, diagnostics);
    found.usable = found.exam.has_value();
  }
  if (!options.roster.empty()) {
    if (auto roster = load_roster(options.roster, diagnostics))
      found.roster = std::move(*roster);
    else
      found.usable = false;
  }
  return found;
}

int exit_status(const ReportFacts& facts) {
  if (!facts.rejected.empty()) return kExitBadInput;
  if (facts.exam)
    return facts.exam->passed() == static_cast<int>(facts.exam->verdicts.size()) ? kExitOk
                                                                                 : kExitFailed;
  return facts.cohort.summary().failed > 0 ? kExitFailed : kExitOk;
}

std::unique_ptr<ReportTarget> report_target(const Context& context, const std::string& format,
                                            const std::string& path) {
  return std::make_unique<ReportTarget>(make_report_writer(format, output_style(context, path)),
                                        path);
}

// Each report as format and path: the main one (--format, --output), then each --report.
std::vector<std::pair<std::string, std::string>> reports(const GradeOptions& options) {
  std::vector<std::pair<std::string, std::string>> all = {{options.format, options.output}};
  for (const std::string& report : options.reports) {
    const std::size_t equals = report.find('=');
    all.emplace_back(report.substr(0, equals), report.substr(equals + 1));
  }
  return all;
}

std::vector<std::unique_ptr<ReportTarget>> report_targets(
    const Context& context, const std::vector<std::pair<std::string, std::string>>& reports) {
  std::vector<std::unique_ptr<ReportTarget>> targets;
  for (const auto& [format, path] : reports)
    targets.push_back(report_target(context, format, path));
  return targets;
}

// Every file grade reads, which no report may replace.
std::vector<std::string> inputs(const GradeOptions& options, const ScenarioLibrary& library,
                                const std::vector<std::string>& answers_files) {
  std::vector<std::string> all = library_files(library);
  all.insert(all.end(), answers_files.begin(), answers_files.end());
  for (const std::string& path : {options.exam, options.roster})
    if (!path.empty()) all.push_back(path);
  return all;
}

// The reports whose file may be written, and why each other one may not: it is a file being read
// or the history's. Such a report is refused alone: the others are written, with the refusal as
// their error, so a CI job publishes why the run failed, never an earlier run's reports.
struct ReportPlan {
  std::vector<std::pair<std::string, std::string>> written;  // format and path
  Diagnostics refused;
};

// A YAML report among the scenarios, or in a folder of submissions graded, would be read back as
// a broken scenario or submission by every later run (exit 2 until someone finds it).
std::optional<std::string> read_back_problem(const std::string& report,
                                             const std::vector<std::string>& folders) {
  if (!is_yaml_name(report)) return std::nullopt;
  const auto folder = folder_holding_output(
      report, std::vector<std::filesystem::path>(folders.begin(), folders.end()));
  if (!folder) return std::nullopt;
  return fmt::format(
      fmt::runtime(tr("YAML 报告不能写在 {} 里:每次批改都会把那里的 .yaml 文件当作场景或答案"
                      "文件读取,之后都会出错;请写到别处,或换个扩展名",
                      "a YAML report cannot go into {}: every grading reads the .yaml files "
                      "there as scenarios or submissions, and would fail from then on; write it "
                      "elsewhere, or under another extension")),
      utf8::show_name(folder->string()));
}

// The folders whose .yaml files grade reads: the library's, and each folder of submissions.
std::vector<std::string> read_folders(const Context& context, const GradeOptions& options,
                                      const ScenarioLibrary& library) {
  std::vector<std::string> folders = library_folders(library, context);
  for (const std::string& path : options.files) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) folders.push_back(path);
  }
  return folders;
}

ReportPlan plan_reports(const Context& context, const GradeOptions& options,
                        const ScenarioLibrary& library,
                        const std::vector<std::string>& answers_files) {
  const std::vector<std::string> read = inputs(options, library, answers_files);
  const std::vector<std::string> folders = read_folders(context, options, library);
  const auto database = history_output(context.history, options.history);
  ReportPlan plan;
  for (const auto& report : reports(options)) {
    auto problem = output_paths_problem({report.second}, read, database);
    if (!problem && !is_stdout(report.second)) problem = read_back_problem(report.second, folders);
    if (problem)
      plan.refused.error(report.second, {}, *problem);
    else
      plan.written.push_back(report);
  }
  return plan;
}

// What is wrong with the reports together (two to one file, two to standard output): which of
// them was meant is not known, so none is written.
std::optional<std::string> reports_clash(
    const std::vector<std::pair<std::string, std::string>>& reports) {
  std::vector<std::string> paths;
  for (const auto& report : reports) paths.push_back(report.second);
  return output_paths_problem(paths, {}, std::nullopt);
}

// FORMAT=FILE, with a known format and a file.
std::string check_report_option(const std::string& value) {
  const std::size_t equals = value.find('=');
  if (equals == std::string::npos || equals + 1 == value.size())
    return std::string(
        tr("应写成 格式=文件,例如 junit=junit.xml", "should be FORMAT=FILE, e.g. junit=junit.xml"));
  if (std::find(kFormats.begin(), kFormats.end(), value.substr(0, equals)) == kFormats.end())
    return fmt::format(fmt::runtime(tr("未知的格式 `{}`", "unknown format `{}`")),
                       value.substr(0, equals));
  return "";
}

void grade_files(GradeRun& run, const std::vector<std::string>& files) {
  ProgressBar progress(files.size(), progress_wanted());
  for (const auto& file : files) {
    run.grade_file(file);
    progress.advance();
  }
  progress.finish();
}

int grade(const Context& context, const GradeOptions& options) {
  Diagnostics diagnostics;
  // A broken scenario file is reported, but submissions for the others are still graded.
  const ScenarioLibrary& library = load_library({}, context, diagnostics);
  const Certification certification = load_certification(options, library, diagnostics);
  const std::vector<std::string> files = expand_yaml_paths(
      options.files, true,
      tr("目录中没有答案文件(*.yaml)", "no answers files (*.yaml) in this directory"), diagnostics);
  ReportPlan plan = plan_reports(context, options, library, files);
  if (const auto problem = reports_clash(plan.written)) throw std::runtime_error(*problem);
  diagnostics.append(plan.refused);
  HistoryLink history(history_path(context.history, options.history));
  GradeLog log(history);
  const Exam* exam = plan.refused.empty() ? certification.exam_to_grade() : nullptr;
  GradeRun run(library, exam, report_targets(context, plan.written), log);
  // Without a usable exam or roster, or with a report refused, the reports are still written,
  // with the problems as their errors: a CI job then publishes why the run failed, never an
  // earlier run's reports.
  if (certification.usable && plan.refused.empty()) {
    if (exam) run.expect(certification.roster);
    grade_files(run, files);
  }
  ReportFacts& facts = run.finish(options.exam);
  Diagnostics problems = diagnostics;  // the scenarios' problems first, then the submissions'
  problems.append(facts.rejected);
  facts.rejected = problems;
  const std::vector<std::string> unwritten = run.write();
  const std::string history_note = log.closing_note();
  print_diagnostics(facts.rejected);
  for (const std::string& failure : unwritten)
    std::cerr << "coach: " << utf8::escape_controls(failure) << "\n";
  std::cerr << history_note;
  return unwritten.empty() ? exit_status(facts) : kExitBadInput;
}

}  // namespace

Action add_grade_command(CLI::App& app, const Context& context) {
  auto options = std::make_shared<GradeOptions>();
  auto* cmd = app.add_subcommand(
      "grade",
      std::string(tr("批改答案文件(非交互)。退出码:0 全部通过,1 有未通过,2 输入有误",
                     "grade answers files. Exit: 0 all passed, 1 any failed, 2 bad input")));
  cmd->add_option("FILE", options->files,
                  std::string(tr("答案文件或目录(目录下所有 *.yaml,含子目录)",
                                 "answers files or directories (every *.yaml below them)")))
      ->required();
  auto* exam = cmd->add_option("--exam", options->exam,
                               std::string(tr("按此考试文件认证(见 docs/exam-format.md)",
                                              "certify against this exam file (see "
                                              "docs/exam-format.md)")))
                   ->check(non_empty_path());
  cmd->add_option(
         "--roster", options->roster,
         std::string(tr("应参加认证的学员名单(每行一个姓名):没交的算未通过,名单外的姓名算输入有误",
                        "who must be certified, one name a line: a trainee who handed "
                        "nothing in fails, a name not on it is bad input")))
      ->needs(exam)
      ->check(non_empty_path());
  cmd->add_option("--format", options->format,
                  std::string(tr("text、json、junit、csv、markdown 或 html",
                                 "text, json, junit, csv, markdown or html")))
      ->check(CLI::IsMember(kFormats));
  cmd->add_option("--output,-o", options->output,
                  std::string(tr("报告写入此文件(默认:标准输出)",
                                 "write the report to this file (default: stdout)")))
      ->check(non_empty_path());
  cmd->add_option("--report", options->reports,
                  std::string(tr("同一次批改再写一份报告,格式=文件(可重复),例如 junit=junit.xml",
                                 "also write the same grading as FORMAT=FILE (repeatable), e.g. "
                                 "junit=junit.xml")))
      ->check(CLI::Validator(check_report_option, "FORMAT=FILE"));
  add_history_options(*cmd, options->history, false);
  return [&context, options] { return grade(context, *options); };
}

}  // namespace coach::cli
