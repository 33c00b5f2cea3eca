#include "cli/output_paths.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "cli/terminal.hpp"
#include "load/yaml_files.hpp"
#include "util/i18n.hpp"
#include "util/out_of_memory.hpp"
#include "util/output_file.hpp"
#include "util/utf8.hpp"

namespace coach::cli {
namespace fs = std::filesystem;
namespace {

bool same_existing_file(const std::string& a, const std::string& b) {
  std::error_code error;
  return fs::equivalent(a, b, error);
}

// An output that replaces a file: a regular file, or one not written yet, links followed (as
// its full path, so `out.json`, `./out.json` and a link to it are one file).
std::optional<fs::path> replaced_file(const std::string& path) {
  const std::string target = output_target(path);
  if (target.empty()) return std::nullopt;  // a loop of links: writing it will say so
  std::error_code error;
  const fs::file_status status = fs::status(target, error);
  if (fs::exists(status) && !fs::is_regular_file(status)) return std::nullopt;
  const fs::path full = fs::weakly_canonical(fs::absolute(target, error), error);
  throw_if_out_of_memory(error);   // else an output over the history would pass unseen
  if (error) return std::nullopt;  // writing it will say what is wrong
  return full;
}

std::string shown(const std::string& path) {
  return utf8::show_name(path);
}

// Standard output is one stream: a second output there would follow the first in it (JSON
// then HTML, a BOM in the middle), which no reader can take apart.
std::optional<std::string> stdout_problem(const std::vector<std::string>& output_paths) {
  const std::string* earlier = nullptr;
  for (const std::string& path : output_paths) {
    if (!is_stdout(path)) continue;
    if (earlier)
      return fmt::format(fmt::runtime(tr("两份输出都写到标准输出({} 和 {}),会连成一份无效的输出;"
                                         "标准输出只能接收一份,其余请写到文件",
                                         "two outputs go to standard output ({} and {}) and would "
                                         "run together; only one may, write the others to files")),
                         shown(earlier->empty() ? "-" : *earlier), shown(path));
    earlier = &path;
  }
  return std::nullopt;
}

// Error messages go to standard error as the reports are written: a report on its file would
// replace them (`2> grade.log`) or run into them (a pipe).
std::optional<std::string> stderr_problem(const std::vector<std::string>& output_paths) {
  for (const std::string& path : output_paths) {
    if (is_stderr_file(path))
      return fmt::format(
          fmt::runtime(tr("输出 {} 就是标准错误输出所写的文件,报告会覆盖错误信息或与之"
                          "混在一起;请另选一个文件",
                          "the output {} is where standard error goes, and would "
                          "replace the error messages or run into them; choose "
                          "another file")),
          shown(path));
  }
  return std::nullopt;
}

using FileId = std::pair<dev_t, ino_t>;

// A pipe, socket or block device is written in place, not replaced: two outputs in one would
// run together, however each is spelled.
std::optional<FileId> written_in_place(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  if (S_ISREG(info.st_mode) || S_ISDIR(info.st_mode) || S_ISCHR(info.st_mode)) return std::nullopt;
  return FileId{info.st_dev, info.st_ino};
}

// The database and the side files SQLite keeps beside it while it is open (`-wal`, `-shm`, and
// `-journal` while it is created), beside the path as given and beside the file its links
// name, which is the one SQLite opens.
std::vector<std::string> database_files(const std::string& database) {
  std::vector<std::string> bases = {database};
  const std::string linked = output_target(database);
  if (!linked.empty() && linked != database) bases.push_back(linked);
  std::vector<std::string> files;
  for (const std::string& base : bases) {
    files.push_back(base);
    for (const char* side : {"-wal", "-shm", "-journal"}) files.push_back(base + side);
  }
  return files;
}

// An output over the database would destroy the history, and one over a side file is deleted
// by SQLite when it closes the database: either would be lost after a success message.
std::optional<std::string> database_problem(const std::string& path,
                                            const std::optional<std::string>& database) {
  if (!database) return std::nullopt;
  const auto full = replaced_file(path);
  if (!full) return std::nullopt;  // a device or a pipe: written in place, never replaced
  for (const std::string& file : database_files(*database)) {
    if (full != replaced_file(file)) continue;
    return fmt::format(fmt::runtime(tr("输出文件 {} 会覆盖练习与批改记录库 {} 或它旁边的 "
                                       "-wal、-shm、-journal 文件(SQLite 关闭记录库时会删除"
                                       "这些文件);请另选一个输出文件",
                                       "the output file {} would replace the history database {} "
                                       "or one of the -wal, -shm, -journal files SQLite keeps "
                                       "beside it (and deletes on closing); choose another file")),
                       shown(path), shown(*database));
  }
  return std::nullopt;
}

std::string same_file_text(const std::string& earlier, const std::string& path) {
  return fmt::format(fmt::runtime(tr("两份输出写到同一个文件:{} 和 {}",
                                     "two outputs go to the same file: {} and {}")),
                     shown(earlier), shown(path));
}

}  // namespace

std::optional<std::string> output_paths_problem(const std::vector<std::string>& output_paths,
                                                const std::vector<std::string>& inputs,
                                                const std::optional<std::string>& database) {
  if (auto problem = stdout_problem(output_paths)) return problem;
  if (auto problem = stderr_problem(output_paths)) return problem;
  std::vector<std::pair<fs::path, std::string>> replaced;  // full path, as given
  std::vector<std::pair<FileId, std::string>> in_place;    // device and inode, as given
  for (const std::string& path : output_paths) {
    if (is_stdout(path)) continue;
    for (const std::string& input : inputs) {
      if (same_existing_file(path, input))
        return fmt::format(fmt::runtime(tr("输出文件 {} 是要读取的文件({}),会被覆盖;"
                                           "请另选一个输出文件",
                                           "the output file {} is a file being read ({}) and "
                                           "would be overwritten; choose another file")),
                           shown(path), shown(input));
    }
    if (auto problem = database_problem(path, database)) return problem;
    if (const auto id = written_in_place(path)) {
      for (const auto& [earlier_id, earlier] : in_place)
        if (*id == earlier_id) return same_file_text(earlier, path);
      in_place.emplace_back(*id, path);
      continue;
    }
    const auto full = replaced_file(path);
    if (!full) continue;
    for (const auto& [earlier_full, earlier] : replaced)
      if (*full == earlier_full) return same_file_text(earlier, path);
    replaced.emplace_back(*full, path);
  }
  return std::nullopt;
}

std::optional<fs::path> folder_holding_output(const std::string& output,
                                              const std::vector<fs::path>& folders) {
  const std::optional<fs::path> full = replaced_file(output);
  if (!full) return std::nullopt;
  for (const fs::path& folder : folders) {
    std::error_code error;
    const fs::path full_folder = fs::weakly_canonical(fs::absolute(folder, error), error);
    throw_if_out_of_memory(error);
    if (error || full_folder.empty()) continue;
    const fs::path parent = full->parent_path();
    if (std::mismatch(full_folder.begin(), full_folder.end(), parent.begin(), parent.end()).first ==
        full_folder.end())
      return folder;
  }
  return std::nullopt;
}

std::optional<std::string> read_back_problem(const std::string& report,
                                             const std::vector<std::string>& folders) {
  const std::string written = output_target(report);
  if (!is_yaml_name(written)) return std::nullopt;
  const auto folder = folder_holding_output(
      report, std::vector<std::filesystem::path>(folders.begin(), folders.end()));
  if (!folder) return std::nullopt;
  const std::string problem = fmt::format(
      fmt::runtime(tr("YAML 报告不能写在 {} 里:每次批改都会把那里的 .yaml 文件当作场景或答案"
                      "文件读取,之后都会出错;请写到别处,或换个扩展名",
                      "a YAML report cannot go into {}: every grading reads the .yaml files "
                      "there as scenarios or submissions, and would fail from then on; write it "
                      "elsewhere, or under another extension")),
      utf8::show_name(folder->string()));
  if (written == report) return problem;
  return fmt::format(fmt::runtime(tr("它是指向 {} 的链接;{}", "it is a link to {}; {}")),
                     utf8::show_name(written), problem);
}

}  // namespace coach::cli
