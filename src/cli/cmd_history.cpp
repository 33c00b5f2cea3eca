#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <new>
#include <stdexcept>
#include <thread>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/data_dir.hpp"
#include "cli/grade_output.hpp"
#include "cli/history_advice.hpp"
#include "cli/history_link.hpp"
#include "cli/history_options.hpp"
#include "cli/old_transcripts.hpp"
#include "cli/output_paths.hpp"
#include "cli/practice_history.hpp"
#include "cli/scenario_paths.hpp"
#include "cli/terminal.hpp"
#include "cli/trainee_option.hpp"
#include "history/history_csv.hpp"
#include "history/progress_chart.hpp"
#include "history/timestamps.hpp"
#include "history/transcript_import.hpp"
#include "util/closest_name.hpp"
#include "util/i18n.hpp"
#include "util/output_file.hpp"
#include "util/utf8.hpp"

namespace coach::cli {
namespace {

struct HistoryOptions {
  std::string trainee;
  bool all_trainees = false;
  std::string scenario;
  std::string since;
  std::string format = "text";
  std::string output;
  HistoryChoice history;  // --db / --no-history given after `history`
};

// Trainee names listed when the one asked for has no history.
constexpr std::size_t kNamesListed = 10;

// `history` only reads: a history that cannot be written (a read-only mount, a CI artifact)
// is read as it is, without the import of old transcripts, which would write.
std::unique_ptr<history::HistoryStore> open_readable(const std::string& path) {
  try {
    return open_history_store(path);
  } catch (const history::SqliteError& e) {
    if (!e.read_only()) throw;
  }
  return std::make_unique<history::HistoryStore>(path, history::HistoryStore::ReadOnly{});
}

std::unique_ptr<history::HistoryStore> open_store(const std::string& path) {
  try {
    return open_readable(path);
  } catch (const std::bad_alloc&) {
    throw;  // said as running out, not as a database that cannot be opened
  } catch (const std::exception& e) {
    throw std::runtime_error(fmt::format("{}: {}", utf8::show_name(path),
                                         utf8::escape_controls(history_problem(e, path))));
  }
}

// A database that fails while it is read (a damaged page, a disk error) is named, as one that
// cannot be opened is: SQLite's own message says neither which file nor, in Chinese, what failed.
std::runtime_error read_failure(const std::string& path, const history::SqliteError& e) {
  return std::runtime_error(fmt::format(fmt::runtime(tr("{}: 无法读取记录库({})",
                                                        "{}: the history database cannot be "
                                                        "read ({})")),
                                        utf8::show_name(path), history_problem(e, path)));
}

// The scenario library, read once in a command and only when asked for: the export's check, the
// import of old transcripts and the note on an unknown --scenario each ask for it.
class LibraryOnDemand {
 public:
  explicit LibraryOnDemand(const Context& context) : context_(context) {}

  // None when it cannot be read: the history outlives its scenarios, and is shown all the same.
  // Running out of memory is said as such.
  const ScenarioLibrary* get() {
    if (!library_) library_ = read();
    return *library_;
  }

  const Context& context() const { return context_; }

 private:
  const ScenarioLibrary* read() const {
    try {
      Diagnostics ignored;
      return &load_library({}, context_, ignored);
    } catch (const std::bad_alloc&) {
      throw;
    } catch (const std::exception&) {
      return nullptr;
    }
  }

  const Context& context_;
  std::optional<const ScenarioLibrary*> library_;
};

// An export named .yaml among the scenarios, lexicons or customer types would stop every later
// command there, as grade's YAML reports would (outside pass 48, finding 04).
std::optional<std::string> export_read_back_problem(LibraryOnDemand& library,
                                                    const std::string& output) {
  if (is_stdout(output) || !library.get()) return std::nullopt;
  if (auto problem = read_back_problem(output, library_folders(*library.get(), library.context())))
    return fmt::format("{}: {}", utf8::escape_controls_in_line(output), *problem);
  return std::nullopt;
}

// The transcripts kept before the database existed are graded, so the scenarios are needed;
// without them the history is still shown, only without those sessions.
void import_into_own_history(history::HistoryStore& store, LibraryOnDemand& library) {
  if (!is_own_history(store.path()) || store.read_only() || store.transcripts_imported()) return;
  if (library.get()) import_old_transcripts(store, *library.get());
}

history::HistoryFilter make_filter(const HistoryOptions& options) {
  history::HistoryFilter filter;
  if (!options.all_trainees) filter.trainee = options.trainee;
  if (!options.scenario.empty()) filter.scenario_id = options.scenario;
  if (!options.since.empty()) {
    filter.since = history::parse_local_time(options.since);
    if (!filter.since)
      throw std::runtime_error(fmt::format(
          fmt::runtime(tr("--since {}:不是日期(写作 YYYY-MM-DD,可加 HH:MM)",
                          "--since {}: not a date (write YYYY-MM-DD, optionally HH:MM)")),
          utf8::quote(options.since)));
  }
  return filter;
}

// A database read as it stands (by whoever may not write it) whose main file a writer changed
// during the read: what was read may mix two states (outside pass 51, finding 2). Read again.
struct ChangedWhileRead {};

void check_read_whole(const history::HistoryStore& store) {
  if (!store.unchanged_since_open()) throw ChangedWhileRead{};
}

void export_csv(history::HistoryStore& store, const history::HistoryFilter& filter,
                const std::string& output) {
  ReportSpool spool(output);
  store.for_each_step(filter,
                      [&](const history::AttemptRecord& attempt, const history::StepRecord& step) {
                        spool.append(history::history_csv_row(attempt, step));
                      });
  check_read_whole(store);
  spool.finish(history::history_csv_head(), "");
}

// Said once the history is shown: the records of a log beside a database read as it stands.
std::string unread_log_note(const history::HistoryStore& store) {
  if (!store.log_unread()) return {};
  return fmt::format(
      fmt::runtime(tr("coach: 注意:{}-wal 里还有没并入记录库的记录(有程序正在写它,或写它的程序被"
                      "中断了);你不能写这个记录库,只能照它现在的样子读,所以上面没有这些记录。写完后"
                      "再看;若是中断留下的,把两个文件一起复制到可写的文件夹再读副本。\n",
                      "coach: note: {}-wal holds records not yet in the database (a program is "
                      "writing it, or one writing it was interrupted); you may not write the "
                      "database, so it is read as it stands, without them. Look again once the "
                      "writing ends; if it was interrupted, copy both files to a writable folder "
                      "and read the copy.\n")),
      utf8::show_name(store.path()));
}

// With --scenario or --since, "no history" must say that only those were looked at: the
// trainee may well have attempts, just not these (or the scenario id was mistyped).
std::string filter_given(const HistoryOptions& options) {
  std::string given;
  if (!options.scenario.empty())
    given += fmt::format(" --scenario {}", utf8::quote(options.scenario));
  if (!options.since.empty()) given += fmt::format(" --since {}", utf8::quote(options.since));
  return given;
}

std::string filter_note(const HistoryOptions& options) {
  const std::string given = filter_given(options);
  if (given.empty()) return "";
  return fmt::format(fmt::runtime(tr("(只看了符合{} 的记录)\n", "(only attempts matching{})\n")),
                     given);
}

// Whether the trainee asked for (or anyone) has attempts that --scenario or --since left out:
// then the history is not empty, only the filter matched nothing.
bool filtered_out(history::HistoryStore& store, const HistoryOptions& options) {
  if (options.scenario.empty() && options.since.empty()) return false;
  history::HistoryFilter unfiltered;
  if (!options.all_trainees) unfiltered.trainee = options.trainee;
  bool any = false;
  store.for_each_attempt(unfiltered, [&](const history::AttemptSummary&) { any = true; });
  return any;
}

// A --scenario the library does not have is most likely mistyped: said, with the nearest id.
// Nothing when the library cannot be read (the history may outlive its scenarios).
std::string unknown_scenario_note(LibraryOnDemand& library_on_demand, const std::string& scenario) {
  if (scenario.empty()) return "";
  const ScenarioLibrary* library = library_on_demand.get();
  if (!library || library->find(scenario)) return "";
  return fmt::format(fmt::runtime(tr("场景库中没有场景 `{}`{}。\n",
                                     "There is no scenario `{}` in the library{}.\n")),
                     utf8::quote(scenario), did_you_mean(closest_scenario_id(scenario, *library)));
}

std::string nothing_recorded(history::HistoryStore& store, const HistoryOptions& options,
                             const history::HistoryFilter& filter, LibraryOnDemand& library) {
  const std::string who = options.all_trainees ? std::string(tr("任何学员", "anyone"))
                                               : history::trainee_label(options.trainee);
  if (filtered_out(store, options)) {
    const std::string whose =
        options.all_trainees ? std::string(tr("任何学员", "any trainee")) : who;
    return fmt::format(fmt::runtime(tr("{} 没有符合{} 的记录(记录库:{})。\n",
                                       "No attempt of {} matches{} (database: {}).\n")),
                       whose, filter_given(options), utf8::show_name(store.path())) +
           unknown_scenario_note(library, options.scenario);
  }
  std::string out = fmt::format(
      fmt::runtime(
          tr("还没有 {} 的记录(记录库:{})。\n"
             "用 coach practice 练习、或用 coach grade 批改答案文件之后,这里会按阶段显示进步。\n",
             "No history for {} yet (database: {}).\n"
             "Practise with coach practice or grade answers files with coach grade, and "
             "the progress per stage shows here.\n")),
      who, utf8::show_name(store.path()));
  out += filter_note(options) + unknown_scenario_note(library, options.scenario);
  if (options.all_trainees) return out;
  const std::vector<std::string> others = store.trainees(filter);
  if (others.empty()) return out;
  std::string names;
  for (std::size_t i = 0; i < others.size() && i < kNamesListed; ++i)
    names += (i > 0 ? ", " : "") + history::trainee_label(others[i]);
  if (others.size() > kNamesListed) names += ", …";
  return out +
         fmt::format(fmt::runtime(tr("记录库中的学员:{}(用 --trainee 选择,或 --all-trainees)\n",
                                     "Trainees in the database: {} (choose with --trainee, "
                                     "or --all-trainees)\n")),
                     names);
}

std::string progress_text(history::HistoryStore& store, const HistoryOptions& options,
                          const history::HistoryFilter& filter, const Style& style,
                          std::size_t columns, LibraryOnDemand& library) {
  std::string out;
  const auto chart = [&](const std::string& name,
                         const std::vector<history::AttemptSummary>& attempts) {
    if (!out.empty()) out += "\n";
    out += history::format_progress_chart(name, attempts, style, columns);
  };
  if (options.all_trainees) {
    // Every trainee's attempts in one pass over the database, grouped as they are read (a query
    // per trainee costs a pass each: quadratic in the number of trainees).
    store.for_each_trainee(filter, chart);
  } else {
    std::vector<history::AttemptSummary> attempts;
    store.for_each_attempt(filter,
                           [&](const history::AttemptSummary& a) { attempts.push_back(a); });
    if (!attempts.empty()) chart(options.trainee, attempts);
  }
  return out.empty() ? nothing_recorded(store, options, filter, library) : out;
}

// How often a database read as it stands is read again while a writer keeps changing it.
constexpr int kReadsOfAChangingDatabase = 5;

std::string changing_database(const std::string& path) {
  return fmt::format(
      fmt::runtime(tr("{}: 记录库正被另一个程序不断写入,读了 {} 次都没读到一致的内容;"
                      "请等它写完再运行",
                      "{}: another program keeps writing the history database, and {} reads "
                      "found it changed each time; run the command again once it is done")),
      utf8::show_name(path), kReadsOfAChangingDatabase);
}

// One reading of the history, written out only when it was read whole.
void show_once(const std::string& path, LibraryOnDemand& library, const HistoryOptions& options,
               const history::HistoryFilter& filter, const Style& style) {
  const auto store = open_store(path);
  import_into_own_history(*store, library);
  if (options.format == "csv") {
    export_csv(*store, filter, options.output);
  } else {
    const std::size_t columns = is_stdout(options.output) ? terminal_columns(1) : 0;
    const std::string text = progress_text(*store, options, filter, style, columns, library);
    check_read_whole(*store);
    write_output(options.output, text);
  }
  std::cerr << unread_log_note(*store);
}

int show_history(const Context& context, const HistoryOptions& options) {
  // A bad date is bad input whether or not there is a history to filter: a CI job that turns
  // the history off must still see its typo.
  const history::HistoryFilter filter = make_filter(options);
  if (context.history.off || options.history.off) {
    std::cout << tr("练习与批改记录已关闭(--no-history),没有可显示的内容。\n",
                    "The history is off (--no-history): nothing to show.\n");
    return kExitOk;
  }
  const std::string path = history_path(context.history, options.history).value_or("");
  if (path.empty())
    throw std::runtime_error(
        fmt::format(fmt::runtime(tr("找不到数据目录({});请用 --db 指定记录库",
                                    "no data directory ({}); choose a database with --db")),
                    no_data_dir_reason()));
  // Before the database is opened (created, migrated, old transcripts imported into it): an
  // output over the database it reads (or the `-wal` SQLite deletes on closing), or one that
  // cannot be written, fails first, not after the work.
  if (const auto problem = output_paths_problem({options.output}, {}, path))
    throw std::runtime_error(*problem);
  LibraryOnDemand library(context);
  if (const auto problem = export_read_back_problem(library, options.output))
    throw std::runtime_error(*problem);
  if (!is_stdout(options.output)) check_output_file(options.output);
  const Style style = output_style(context, options.output);
  for (int read = 1;; ++read) {
    try {
      show_once(path, library, options, filter, style);
      return kExitOk;
    } catch (const ChangedWhileRead&) {
      if (read == kReadsOfAChangingDatabase) throw std::runtime_error(changing_database(path));
    } catch (const history::SqliteError& e) {
      // Read as it stands, pages a writer changed meanwhile may not fit together.
      if (!e.busy() || read == kReadsOfAChangingDatabase) throw read_failure(path, e);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50 * read));
  }
}

}  // namespace

Action add_history_command(CLI::App& app, const Context& context) {
  auto options = std::make_shared<HistoryOptions>();
  auto* cmd = app.add_subcommand(
      "history", std::string(tr("学员的练习与批改记录:各阶段的进步图,或导出 CSV",
                                "a trainee's practice and grading history: progress per stage, "
                                "or a CSV export")));
  cmd->add_option("--trainee", options->trainee,
                  std::string(tr("学员姓名(默认:与 practice 相同)",
                                 "trainee name (default: the same as for practice)")))
      ->type_name(std::string(tr("姓名", "NAME")))
      ->envname("COACH_TRAINEE");
  cmd->add_flag("--all-trainees", options->all_trainees,
                std::string(tr("所有学员", "every trainee")));
  cmd->add_option("--scenario", options->scenario,
                  std::string(tr("只看此场景 id", "only this scenario id")))
      ->type_name(std::string(tr("场景ID", "ID")))
      ->check(non_empty_value());
  cmd->add_option("--since", options->since,
                  std::string(tr("只看此时间之后(YYYY-MM-DD[ HH:MM],本地时间)",
                                 "only from this time on (YYYY-MM-DD[ HH:MM], local time)")))
      ->type_name(std::string(tr("时间", "DATE")))
      ->check(non_empty_value());
  cmd->add_option("--format", options->format,
                  std::string(tr("text(进步图)或 csv(每步一行)",
                                 "text (progress chart) or csv (a row per step)")))
      ->check(CLI::IsMember({"text", "csv"}));
  cmd->add_option(
         "--output,-o", options->output,
         std::string(tr("写入此文件(默认:标准输出)", "write to this file (default: stdout)")))
      ->type_name(std::string(tr("文件", "FILE")))
      ->check(non_empty_path("-o"));
  add_history_options(*cmd, options->history, false);
  return [&context, options] {
    options->trainee = checked_trainee(std::move(options->trainee));
    return show_history(context, *options);
  };
}

}  // namespace coach::cli
