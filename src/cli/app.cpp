#include "cli/app.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <system_error>

#include "cli/command_line_words.hpp"
#include "cli/commands.hpp"
#include "cli/help_formatter.hpp"
#include "cli/history_options.hpp"
#include "cli/locale_charset.hpp"
#include "cli/process_setup.hpp"
#include "cli/stdout_buffer.hpp"
#include "cli/terminal.hpp"
#include "cli/usage_failure.hpp"
#include "util/diagnostic.hpp"
#include "util/i18n.hpp"
#include "util/system_error_text.hpp"
#include "util/utf8.hpp"

namespace coach::cli {
namespace {

// A --lang value names Chinese or English, as language_named reads it.
std::string language_problem(const std::string& value) {
  if (language_named(value)) return {};
  return fmt::format(fmt::runtime(tr("不认识的语言 `{}`:可选 zh(中文)或 en(英文)",
                                     "unknown language `{}`: zh (Chinese) or en (English)")),
                     utf8::quote(value));
}

// The language must be known before CLI11 builds the help text, so look for --lang first.
void choose_language(int argc, char** argv) {
  Language language = language_from_environment();
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    std::string value;
    if (arg == "--lang" && i + 1 < argc) value = argv[i + 1];
    if (arg.rfind("--lang=", 0) == 0) value = arg.substr(7);
    if (auto named = language_named(value)) language = *named;
  }
  set_language(language);
}

void add_global_options(CLI::App& app, Context& context) {
  // An environment variable set to empty is unset, as for most Unix tools (CLI11 skips it).
  auto* scenarios =
      app.add_option("--scenarios", context.scenarios_dir,
                     std::string(tr("场景目录(默认:自带的 scenarios/)",
                                    "scenario directory (default: the bundled scenarios/)")))
          ->type_name(std::string(tr("目录", "DIR")))
          ->check(non_empty_path("--scenarios"));
  if (!environment_path_problem("COACH_SCENARIOS")) scenarios->envname("COACH_SCENARIOS");
  // Checked as it is read: `--lang fr --version` is a mistake, not the version.
  app.add_option("--lang", context.lang,
                 std::string(tr("界面语言:zh(中文)或 en(英文);也认 zh-CN、zh_CN、en-US 等写法,"
                                "不分大小写",
                                "language: zh (Chinese) or en (English); zh-CN, zh_CN, en-US and "
                                "the like are read too, in any case")))
      ->type_name("zh|en")
      ->check(CLI::Validator(language_problem, ""))
      ->trigger_on_parse();
  app.add_flag("--no-color", context.no_color, std::string(tr("不使用颜色", "no colours")));
  add_history_options(app, context.history, true);
}

void translate_help(CLI::App& app) {
  auto formatter = std::make_shared<HelpFormatter>();
  app.formatter(formatter);
  if (language() != Language::zh) return;
  for (const auto& [label, text] : {std::pair{"Usage", "用法"},
                                    {"OPTIONS", "选项"},
                                    {"SUBCOMMAND", "子命令"},
                                    {"SUBCOMMANDS", "子命令"},
                                    {"Options", "选项"},
                                    {"Subcommands", "子命令"},
                                    {"Positionals", "参数"},
                                    {"REQUIRED", "必需"},
                                    {"TEXT", "文本"},
                                    {"Needs", "需要"},
                                    {"Excludes", "互斥"},
                                    {"Env", "环境变量"}}) {
    formatter->label(label, text);
  }
}

// What was printed must have arrived: `coach list > /dev/full` is a failure, not a listing.
// A reader that left early is not: it took what it wanted, as `git log | head` does, and the
// status stays the command's own (grade's verdict on the cohort).
int unless_stdout_failed(int status) {
  errno = 0;
  std::cout.flush();
  if (std::cout && std::fflush(stdout) == 0 && !std::ferror(stdout)) return status;
  // The first failed write's reason, kept by the buffer; a report that failed and said so
  // (grade_output) cleared stdout's error mark, so a stdio write that failed may have left errno.
  const int error = stdout_buffer().first_error() != 0 ? stdout_buffer().first_error() : errno;
  if (error == EPIPE || stdout_reader_left()) return status;
  std::cerr << "coach: " << tr("无法写入标准输出", "cannot write to stdout");
  if (error != 0) std::cerr << tr(":", ": ") << system_error_text(error);
  std::cerr << "\n";
  return kExitBadInput;
}

// A thread or memory the system would not give (a memory limit): no fault of the input.
bool is_resource_shortage(const std::error_code& code) {
  return code == std::errc::resource_unavailable_try_again || code == std::errc::not_enough_memory;
}

// What an error that ends a command tells the user. Messages quote what was given (an id, a
// path): as typed, it could hold terminal escapes. Running out of memory, or of threads under a
// memory limit, is said as such: std::bad_alloc and "Resource temporarily unavailable" say
// nothing to a trainer.
std::string failure_text(const std::exception& error) {
  if (dynamic_cast<const std::bad_alloc*>(&error)) {
    return std::string(tr("coach: 内存不足,没有做完(可用内存太少,或 ulimit -v 限制太小)\n",
                          "coach: out of memory, not finished (too little memory available, or "
                          "a `ulimit -v` limit too small)\n"));
  }
  const auto* system = dynamic_cast<const std::system_error*>(&error);
  if (system && is_resource_shortage(system->code())) {
    return fmt::format(fmt::runtime(tr("coach: 系统资源不足,没有做完:{}(可用内存太少或 "
                                       "ulimit -v 限制太小,或进程数达到 ulimit -u 上限)\n",
                                       "coach: the system is short of resources, not "
                                       "finished: {} (too little memory, a `ulimit -v` limit too "
                                       "small, or `ulimit -u` processes reached)\n")),
                       system_error_text(system->code().value()));
  }
  return "coach: " + utf8::escape_controls(error.what()) + "\n";
}

}  // namespace

std::string empty_path_text() {
  return std::string(tr("路径为空(是不是变量没有设置?)", "the path is empty (an unset variable?)"));
}

namespace {

// `-o=$OUT` is the short option with the value `=$OUT`: with OUT unset, a file named `=`. A long
// option gets one from `--exam =x`. What to write instead is said for the option given.
std::string equals_path_text(const std::string& option) {
  if (!option.starts_with("--"))
    return fmt::format(fmt::runtime(tr("路径以“=”开头(短选项写作 {0} FILE,不写 {0}=FILE)",
                                       "the path starts with `=` (a short option is {0} FILE, not "
                                       "{0}=FILE)")),
                       option);
  return fmt::format(fmt::runtime(tr("路径以“=”开头(写作 {0} FILE 或 {0}=FILE)",
                                     "the path starts with `=` (write {0} FILE or {0}=FILE)")),
                     option);
}

// A `~` the shell leaves as it is: alone, or before a `/` (`~draft.yaml` is a name).
bool starts_with_unexpanded_home(std::string_view path) {
  return path == "~" || path.starts_with("~/");
}

}  // namespace

// `--db=~/x.sqlite3`: the shell expands `~` only at the start of a word, so coach was given the
// `~` itself, and made a folder named `~` in the current one (which `rm -rf ~` then "cleans").
// `written` is the option as it should be written, with its value `"$HOME/…"`.
std::string unexpanded_home_text(std::string_view path, const std::string& written) {
  if (!starts_with_unexpanded_home(path)) return {};
  return fmt::format(fmt::runtime(tr("路径以 ~ 开头,shell 没有把它换成主目录(写作 {})",
                                     "the path starts with `~`, which the shell did not turn "
                                     "into the home folder (write {})")),
                     written);
}

std::optional<std::string> environment_path_problem(const char* variable) {
  const char* value = std::getenv(variable);
  if (!value || !*value) return std::nullopt;
  const std::string_view path = value;
  const std::string shown = utf8::escape_controls_in_line(value);
  if (path.starts_with("="))
    return fmt::format(fmt::runtime(tr("环境变量 {} 的值 `{}` 以“=”开头:只写路径本身",
                                       "environment variable {}: `{}` starts with `=`: give the "
                                       "path alone")),
                       variable, shown);
  if (starts_with_unexpanded_home(path))
    return fmt::format(fmt::runtime(tr("环境变量 {0} 的值 `{1}` 以 ~ 开头:变量里的 ~ 不会换成主目录"
                                       "(写作 {0}=\"$HOME/…\",或在 CI 的 env: 里写完整路径)",
                                       "environment variable {0}: `{1}` starts with `~`, which "
                                       "nothing turns into the home folder in a variable (write "
                                       "{0}=\"$HOME/…\", or the whole path in a CI job's env:)")),
                       variable, shown);
  return std::nullopt;
}

CLI::Validator non_empty_path(const std::string& option) {
  return CLI::Validator(
      [option](const std::string& value) {
        if (value.empty()) return empty_path_text();
        if (value.starts_with("=")) return equals_path_text(option);
        return unexpanded_home_text(value, option + " \"$HOME/…\"");
      },
      "");  // no description: --help shows the option as before
}

CLI::Validator non_empty_value() {
  return CLI::Validator(
      [](const std::string& value) {
        return value.empty() ? std::string(tr("值为空(是不是变量没有设置?)",
                                              "the value is empty (an unset variable?)"))
                             : std::string();
      },
      "");
}

namespace {

// A terminal set to GBK shows every command's Chinese as garbage: said once, before it (practice
// says more, since what is typed in it cannot be read either). A report to a file or a pipe is
// not shown on it, and is left alone.
void warn_of_terminal_charset(const std::string& command) {
  if (command == "practice" || (::isatty(STDOUT_FILENO) != 1 && ::isatty(STDERR_FILENO) != 1))
    return;
  if (const auto charset = non_utf8_charset())
    std::cerr << charset_warning(*charset, Shown::output_only);
}

// A shell left in a folder since deleted still shows it in its prompt: every relative path then
// fails as "no such file", which sends the user looking for the file, not the folder.
void warn_of_deleted_working_folder() {
  std::error_code error;
  const bool found = !std::filesystem::current_path(error).empty();
  if (found || error != std::errc::no_such_file_or_directory) return;
  std::cerr << tr("coach: 警告:当前文件夹已被删除,相对路径都找不到(cd 到一个存在的文件夹再试)\n",
                  "coach: warning: the current folder has been deleted, so no relative path can "
                  "be found (cd to a folder that exists and try again)\n");
}

bool given(const CLI::App& command, const std::string& option) {
  const CLI::Option* found = command.get_option_no_throw(option);
  return found && found->count() > 0;
}

// A path variable with a `~` nothing expanded, or an `=`, where the command would read it: one
// the command line overrides, or a database `--no-history` leaves alone, is not read.
void note_unusable_path_variables(const CLI::App& app, const CLI::App& command, Context& context) {
  if (context.scenarios_dir.empty())
    if (auto problem = environment_path_problem("COACH_SCENARIOS"))
      context.environment_problems.push_back(std::move(*problem));
  const bool database_named = given(app, "--db") || given(command, "--db");
  const bool database_unused = context.history.off || given(command, "--no-history");
  if (!database_named && !database_unused)
    if (auto problem = environment_path_problem("COACH_DB"))
      context.environment_problems.push_back(std::move(*problem));
}

// The command line parsed and its command run; what ends it early is caught by run().
int parse_and_run(int argc, char** argv) {
  const EndingSignalsReleasedOnReturn ending_signals_released_on_return;
  prepare_process();
  tame_terminal_size_environment();
  choose_language(argc, argv);
  CLI::App app{
      std::string(tr("投诉处理练习教练:扮演客户,给你的回答打分并讲解。",
                     "Complaint Coach: plays the customer, scores your replies and explains."))};
  app.name("coach");
  app.option_defaults()->group(std::string(tr("选项", "Options")));
  app.set_help_flag("-h,--help", std::string(tr("显示帮助并退出", "print this help and exit")));
  app.set_version_flag("--version",
                       std::string("coach ") + COACH_VERSION + "\n" +
                           std::string(tr("文字数据(构建时):", "text data (at build time): ")) +
                           COACH_TEXT_DATA,
                       std::string(tr("显示版本并退出", "print the version and exit")));
  app.require_subcommand(1);
  // Global options work after the command too (`coach practice missing-balance --lang en`):
  // subcommands inherit this, and pass what they do not know to the top level.
  app.fallthrough();
  translate_help(app);
  app.failure_message(usage_failure);
  Context context;
  if (auto problem = unreadable_history_switch())
    context.environment_problems.push_back(std::move(*problem));
  add_global_options(app, context);
  const std::map<std::string, Action> actions = {
      {"list", add_list_command(app, context)},
      {"show", add_show_command(app, context)},
      {"validate", add_validate_command(app, context)},
      {"check", add_check_command(app, context)},
      {"grade", add_grade_command(app, context)},
      {"practice", add_practice_command(app, context)},
      {"history", add_history_command(app, context)},
  };
  // CLI11 lists commands under their group, "Subcommands" unless told, and puts a command's
  // own -h under its own "Options": both in the user's language.
  for (auto* sub : app.get_subcommands({})) {
    sub->group(std::string(tr("命令", "Commands")));
    if (auto* help = sub->get_help_ptr()) help->group(std::string(tr("选项", "Options")));
  }
  try {
    app.parse(words_to_parse(app, argc, argv));
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);  // --help and --version print here, to stdout
    return unless_stdout_failed(status == 0 ? kExitOk : kExitBadInput);
  }
  for (const auto* sub : app.get_subcommands()) {
    note_unusable_path_variables(app, *sub, context);
    // grade stops at it too, but writes its reports first, with it as their error: a CI job
    // must not publish an earlier run's report as this one's.
    if (!context.environment_problems.empty() && sub->get_name() != "grade") {
      for (const auto& problem : context.environment_problems)
        std::cerr << "coach: " << problem << "\n";
      return kExitBadInput;
    }
    // practice takes them through its session's watch, grade once its reports are open.
    if (sub->get_name() != "practice" && sub->get_name() != "grade") release_ending_signals();
    warn_of_terminal_charset(sub->get_name());
    warn_of_deleted_working_folder();
    return unless_stdout_failed(actions.at(sub->get_name())());
  }
  return kExitBadInput;
}

}  // namespace

int run(int argc, char** argv) {
  try {
    return parse_and_run(argc, argv);
  } catch (const InputError& e) {
    std::cerr << e.diagnostics().to_string();
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << failure_text(e);
    return kExitBadInput;
  }
}

}  // namespace coach::cli
