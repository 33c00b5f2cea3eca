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
#include "cli/process_setup.hpp"
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
#include "load/yaml_reader.hpp"
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
  std::string file_digest_;   // of the file being graded, for the history's identity of attempts
  int position_in_file_ = 0;  // of the attempt being graded
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
  // The history's identity of its attempts is the digest of the bytes graded, taken from the
  // text read once: read again, the file could have changed in between.
  std::string digest;
  const auto answers = parse_file(path, problems, [&](const std::string& content) {
    if (log_.on()) digest = sha256_hex(content);
    return parse_answers(content, path, problems);
  });
  if (answers) {
    check_on_roster(*answers, problems);
    for (const Attempt& attempt : answers->attempts) check_attempt(attempt, path, problems);
  }
  if (!problems.empty()) {
    facts_.rejected.append(problems);
    return;
  }
  file_digest_ = std::move(digest);
  position_in_file_ = 0;
  for (const Attempt& attempt : answers->attempts) {
    grade_attempt(attempt, answers->trainee, path);
    ++position_in_file_;
  }
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
  record.identity = graded_attempt_identity(file_digest_, position_in_file_, record);
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

// The "file" of a problem of the run itself (a report that cannot be opened, no scenario
// folder): named in the reports as on standard error, `coach: …`.
constexpr const char* kRunItself = "coach";

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

// What grade reads, which no report may replace (`files`) or put a YAML file in (`folders`).
struct ReadPlaces {
  std::vector<std::string> files;
  std::vector<std::string> folders;
};

// The folders of submissions named on the command line.
std::vector<std::string> submission_folders(const GradeOptions& options) {
  std::vector<std::string> folders;
  for (const std::string& path : options.files) {
    std::error_code error;
    if (fs::is_directory(path, error)) folders.push_back(path);
  }
  return folders;
}

// `files`, the exam and the roster.
std::vector<std::string> with_exam_and_roster(std::vector<std::string> files,
                                              const GradeOptions& options) {
  for (const std::string& path : {options.exam, options.roster})
    if (!path.empty()) files.push_back(path);
  return files;
}

// With the library read: every file it was read from, each submission, the exam and roster;
// the library's folders and the submissions'.
ReadPlaces read_places(const Context& context, const GradeOptions& options,
                       const ScenarioLibrary& library,
                       const std::vector<std::string>& answers_files) {
  ReadPlaces read{with_exam_and_roster(library_files(library), options),
                  library_folders(library, context)};
  read.files.insert(read.files.end(), answers_files.begin(), answers_files.end());
  const std::vector<std::string> submissions = submission_folders(options);
  read.folders.insert(read.folders.end(), submissions.begin(), submissions.end());
  return read;
}

// Before the library is read: its folders, where every file it reads is a YAML file, which no
// report may be; the submissions as named, and their folders.
ReadPlaces read_places_unread(const Context& context, const GradeOptions& options) {
  ReadPlaces read{with_exam_and_roster(options.files, options), library_source_folders(context)};
  const std::vector<std::string> submissions = submission_folders(options);
  read.folders.insert(read.folders.end(), submissions.begin(), submissions.end());
  return read;
}

// The reports whose file may be written, and why each other one may not: it is a file being
// read or the history's, or it clashes with another report. Such a report is refused alone: the
// others are written, with the refusal as their error, so a CI job publishes why the run failed,
// never an earlier run's reports.
struct ReportPlan {
  std::vector<std::pair<std::string, std::string>> written;  // format and path
  Diagnostics refused;
};

// Two reports to one file (links followed) or pipe, or to standard output: which was meant is
// not known, so neither is written, whichever order they were given in.
void set_aside_clashes(ReportPlan& plan) {
  std::vector<bool> clashing(plan.written.size(), false);
  for (std::size_t i = 0; i < plan.written.size(); ++i) {
    for (std::size_t j = i + 1; j < plan.written.size(); ++j) {
      const auto problem =
          output_paths_problem({plan.written[i].second, plan.written[j].second}, {}, std::nullopt);
      if (!problem) continue;
      plan.refused.error(kRunItself, {}, *problem);
      clashing[i] = clashing[j] = true;
    }
  }
  std::size_t index = 0;
  std::erase_if(plan.written, [&](const auto&) { return clashing[index++]; });
}

ReportPlan plan_reports(const Context& context, const GradeOptions& options,
                        const ReadPlaces& read) {
  const auto database = history_output(context.history, options.history);
  ReportPlan plan;
  for (const auto& report : reports(options)) {
    auto problem = output_paths_problem({report.second}, read.files, database);
    if (!problem && !is_stdout(report.second))
      problem = read_back_problem(report.second, read.folders);
    if (problem)
      plan.refused.error(report.second, {}, *problem);
    else
      plan.written.push_back(report);
  }
  set_aside_clashes(plan);
  return plan;
}

// Each report's file opened before anything is graded. One that cannot be (a missing folder, a
// directory, no TMPDIR for standard output) is refused as one that may not be written is.
std::vector<std::unique_ptr<ReportTarget>> open_reports(const Context& context, ReportPlan& plan) {
  std::vector<std::unique_ptr<ReportTarget>> targets;
  for (const auto& [format, path] : plan.written) {
    try {
      targets.push_back(report_target(context, format, path));
    } catch (const std::runtime_error& e) {
      plan.refused.error(kRunItself, {}, e.what());
    }
  }
  return targets;
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
  return unexpanded_home_text(std::string_view(value).substr(equals + 1),
                              "--report " + value.substr(0, equals) + "=\"$HOME/…\"");
}

void grade_files(GradeRun& run, const std::vector<std::string>& files) {
  ProgressBar progress(files.size(), progress_wanted());
  for (const auto& file : files) {
    run.grade_file(file);
    progress.advance();
  }
  progress.finish();
}

// A run made ready to grade: what it reads, the reports opened, and what keeps anyone from being
// graded.
struct PreparedRun {
  const ScenarioLibrary* library = nullptr;  // null when it is not read
  Certification certification;
  std::vector<std::string> files;  // the submissions
  std::vector<std::unique_ptr<ReportTarget>> targets;
  Diagnostics problems;  // the library's and the inputs' first, then the reports'
  bool stopped = false;  // by a problem of the run itself or of a report
};

// Why the library cannot be read at all: no scenario folder.
std::optional<std::string> scenario_folder_problem(const Context& context) {
  try {
    scenarios_dir(context);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return std::nullopt;
}

// The library, the exam and the submissions are read unless the run is stopped already; the
// reports are planned and opened either way, so every one that can be written says why.
PreparedRun prepare(const Context& context, const GradeOptions& options) {
  PreparedRun run;
  for (const auto& problem : context.environment_problems)
    run.problems.error(kRunItself, {}, problem);
  if (const auto problem = scenario_folder_problem(context))
    run.problems.error(kRunItself, {}, *problem);
  run.stopped = !run.problems.empty();
  if (!run.stopped) {
    // A broken scenario file is reported, but submissions for the others are still graded.
    run.library = &load_library({}, context, run.problems);
    if (!run.library->shared_files_sound()) {
      run.problems.error(kRunItself, {}, shared_files_broken_text());
      run.stopped = true;
    }
    run.certification = load_certification(options, *run.library, run.problems);
    run.files = expand_yaml_paths(
        options.files, true,
        tr("目录中没有答案文件(*.yaml)", "no answers files (*.yaml) in this directory"),
        run.problems);
  }
  ReportPlan plan =
      plan_reports(context, options,
                   run.library ? read_places(context, options, *run.library, run.files)
                               : read_places_unread(context, options));
  run.targets = open_reports(context, plan);
  release_ending_signals();  // held from the start: the earlier reports now go with the run
  run.stopped |= !plan.refused.empty();
  run.problems.append(plan.refused);
  return run;
}

// The files of the earlier run's reports, told before anything is read. Memory that runs out
// before the reports are opened removes them too, as it does once they are open (their files go
// as the run unwinds), and by then it may be too short even to tell a report from an input. They
// are told without the library: every file it reads is a YAML file, so a YAML report is left
// alone, and so is one over a submission named, the exam, the roster or the history.
std::vector<std::string> earlier_report_files(const Context& context, const GradeOptions& options) {
  const std::vector<std::string> read = with_exam_and_roster(options.files, options);
  const auto database = history_output(context.history, options.history);
  std::vector<std::string> files;
  for (const auto& [format, path] : reports(options)) {
    if (is_stdout(path)) continue;
    const std::string target = output_target(path);
    if (target.empty() || is_yaml_name(target)) continue;
    if (!output_paths_problem({path}, read, database)) files.push_back(target);
  }
  return files;
}

// The run prepared; memory that runs out first removes the earlier run's reports.
PreparedRun prepare_or_drop_reports(const Context& context, const GradeOptions& options) {
  const std::vector<std::string> earlier = earlier_report_files(context, options);
  try {
    return prepare(context, options);
  } catch (const std::bad_alloc&) {
    for (const std::string& file : earlier) remove_earlier_report(file);
    throw;
  }
}

// The library of a run stopped before reading it: empty.
const ScenarioLibrary& no_library() {
  Diagnostics none;
  return load_library(LibrarySources{}, none);
}

int grade(const Context& context, const GradeOptions& options) {
  PreparedRun prepared = prepare_or_drop_reports(context, options);
  // Without a usable exam or roster, or stopped, nobody is graded, but the reports are still
  // written with the problems as their errors: a CI job then publishes why the run failed, never
  // an earlier run's reports. Nothing graded, nothing is recorded.
  const bool grading = !prepared.stopped && prepared.certification.usable;
  HistoryLink history(grading ? history_path(context.history, options.history) : std::nullopt);
  GradeLog log(history);
  const Exam* exam = grading ? prepared.certification.exam_to_grade() : nullptr;
  GradeRun run(prepared.library ? *prepared.library : no_library(), exam,
               std::move(prepared.targets), log);
  if (grading) {
    if (exam) run.expect(prepared.certification.roster);
    grade_files(run, prepared.files);
  }
  ReportFacts& facts = run.finish(options.exam);
  Diagnostics problems = prepared.problems;  // the scenarios' problems first, then the submissions'
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
                     "grade answers files (non-interactive). Exit: 0 all passed, 1 any failed, "
                     "2 bad input")));
  cmd->add_option(std::string(tr("文件", "FILE")), options->files,
                  std::string(tr("答案文件或目录(目录下所有 *.yaml,含子目录)",
                                 "answers files or directories (every *.yaml below them)")))
      ->type_name("")
      ->required();
  auto* exam = cmd->add_option("--exam", options->exam,
                               std::string(tr("按此考试文件认证(见 docs/exam-format.md)",
                                              "certify against this exam file (see "
                                              "docs/exam-format.md)")))
                   ->type_name(std::string(tr("考试文件", "EXAM_FILE")))
                   ->check(non_empty_path("--exam"));
  cmd->add_option(
         "--roster", options->roster,
         std::string(tr("应参加认证的学员名单(每行一个姓名):没交的算未通过,名单外的姓名算输入有误",
                        "who must be certified, one name a line: a trainee who handed "
                        "nothing in fails, a name not on it is bad input")))
      ->needs(exam)
      ->type_name(std::string(tr("文件", "FILE")))
      ->check(non_empty_path("--roster"));
  cmd->add_option("--format", options->format,
                  std::string(tr("text、json、junit、csv、markdown 或 html",
                                 "text, json, junit, csv, markdown or html")))
      ->check(CLI::IsMember(kFormats));
  cmd->add_option("--output,-o", options->output,
                  std::string(tr("报告写入此文件(默认:标准输出)",
                                 "write the report to this file (default: stdout)")))
      ->type_name(std::string(tr("文件", "FILE")))
      ->check(non_empty_path("-o"));
  // One FORMAT=FILE each time it is given: taking every word up to the next option made the
  // submissions after it (`--report json=r.json a.yaml`) further reports.
  cmd->add_option("--report", options->reports,
                  std::string(tr("同一次批改再写一份报告,格式=文件(可重复),例如 junit=junit.xml",
                                 "also write the same grading as FORMAT=FILE (repeatable), e.g. "
                                 "junit=junit.xml")))
      ->allow_extra_args(false)
      ->type_name(std::string(tr("格式=文件", "FORMAT=FILE")))
      ->check(CLI::Validator(check_report_option, ""));
  add_history_options(*cmd, options->history, false);
  return [&context, options] { return grade(context, *options); };
}

}  // namespace coach::cli
