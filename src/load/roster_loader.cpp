#include "load/roster_loader.hpp"

#include <fmt/format.h>

#include <map>

#include "load/trainee_name.hpp"
#include "util/file_io.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

constexpr std::size_t kMaxRosterBytes = 4 << 20;

// One line of the roster, without its line ending.
std::string_view line_at(std::string_view content, std::size_t& pos) {
  const std::size_t end = std::min(content.find('\n', pos), content.size());
  std::string_view line = content.substr(pos, end - pos);
  pos = end + 1;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// The line without its comment: `#` at its start or after a blank (space, tab, ideographic
// space) starts one, as in YAML, so `张三  # 组长` is 张三; `张三#2` has no blank and is a name,
// as `trainee: 张三#2` is in an answers file. The tab before a comment goes with it: a tab in a
// name is refused.
std::string_view without_comment(std::string_view line) {
  constexpr std::string_view kIdeographicSpace = "\u3000";
  for (std::size_t hash = line.find('#'); hash != std::string_view::npos;
       hash = line.find('#', hash + 1)) {
    std::string_view before = line.substr(0, hash);
    if (!before.empty() && before.back() != ' ' && before.back() != '\t' &&
        !before.ends_with(kIdeographicSpace))
      continue;
    while (!before.empty() && (before.back() == ' ' || before.back() == '\t'))
      before.remove_suffix(1);
    return before;
  }
  return line;
}

int column_at(std::string_view line, std::size_t offset) {
  return static_cast<int>(utf8::count_code_points(line.substr(0, offset))) + 1;
}

struct LineProblem {
  int column;
  std::string message;
};

// A CR that does not end a CR LF pair: the roster was saved with classic Mac line endings (or
// lines were pasted in from one), and what looks like many names is one line.
std::optional<LineProblem> lone_carriage_return(std::string_view line) {
  const std::size_t cr = line.find('\r');
  if (cr == std::string_view::npos) return std::nullopt;
  return LineProblem{
      column_at(line, cr),
      std::string(tr("这里的换行只有 CR(旧式 Mac 换行符):请把名单存为 LF 或 CR LF 换行",
                     "a line break that is a lone CR (classic Mac line endings): "
                     "save the roster with LF or CR LF line endings"))};
}

// A full-width `＃`, as a Chinese input method types it, starts no comment: the note after it
// became part of the name, and the run blamed every answers file for a trainee not on the
// roster, never the roster (outside pass 52, finding 5).
std::optional<LineProblem> full_width_hash(std::string_view line) {
  const std::size_t hash = line.find("＃");
  if (hash == std::string_view::npos) return std::nullopt;
  return LineProblem{column_at(line, hash),
                     std::string(tr("这是全角的“＃”:名单里的注释要用半角的 #,前面留一个空格",
                                    "this is a full-width “＃”: a comment in the roster starts "
                                    "with an ASCII #, after a space"))};
}

// Why the name on `line` (the line without its comment; `name` as trimmed and composed) is
// refused, placed at the character at fault.
std::optional<LineProblem> name_problem(std::string_view line, const std::string& name) {
  if (auto problem = full_width_hash(line)) return problem;
  const std::string_view what = tr("姓名", "the name");
  const std::string_view written = without_surrounding_spaces(line);
  const std::size_t start = static_cast<std::size_t>(written.data() - line.data());
  if (auto flaw = find_name_flaw(written, what))
    return LineProblem{column_at(line, start + flaw->offset), std::move(flaw->message)};
  if (std::string problem = trainee_name_problem(name, what); !problem.empty())
    return LineProblem{column_at(line, start), std::move(problem)};
  return std::nullopt;
}

// Submissions are matched to the roster by name, so two trainees of one name could not be told
// apart: one's passing attempts would certify both. Two class lists pasted together are fixed by
// deleting a line; two people by writing their names differently.
std::string listed_twice(const std::string& name, int first_line) {
  return fmt::format(
      fmt::runtime(tr("`{}` 重复(第 {} 行已有):答案按姓名对应名单,同名的两人无法区分。"
                      "同一个人请删去一行;两个人请在名单和各自的答案里写成不同的姓名",
                      "`{}` is listed twice (also on line {}): submissions are matched by name, "
                      "so two trainees of one name cannot be told apart. If it is one person, "
                      "delete a line; if two, write their names differently here and in their "
                      "answers")),
      utf8::quote(name), first_line);
}

}  // namespace

std::optional<std::vector<std::string>> parse_roster(const std::string& content,
                                                     const std::string& file,
                                                     Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.reported();
  std::vector<std::string> names;
  std::map<std::string, int> first_lines;  // each name's line
  int number = 0;
  const std::size_t start = content.size() - utf8::without_byte_order_mark(content).size();
  for (std::size_t pos = start; pos < content.size();) {
    ++number;
    const std::string_view raw = line_at(content, pos);
    if (const auto problem = lone_carriage_return(raw)) {
      diagnostics.error(file, {number, problem->column}, problem->message);
      continue;
    }
    const std::string_view line = without_comment(raw);
    const std::string name = trim_trainee_name(line);
    if (name.empty()) continue;  // a blank line or a comment
    if (const auto problem = name_problem(line, name)) {
      diagnostics.error(file, {number, problem->column}, problem->message);
    } else if (const auto [first, added] = first_lines.emplace(name, number); !added) {
      diagnostics.error(file, {number, 1}, listed_twice(name, first->second));
    } else {
      names.push_back(name);
    }
  }
  if (diagnostics.reported() != errors_before) return std::nullopt;
  if (names.empty()) {
    diagnostics.error(file, {}, std::string(tr("名单是空的", "the roster names nobody")));
    return std::nullopt;
  }
  return names;
}

std::optional<std::vector<std::string>> load_roster(const std::string& path,
                                                    Diagnostics& diagnostics) {
  try {
    return parse_roster(read_text_file(path, kMaxRosterBytes), path, diagnostics);
  } catch (const InputError& e) {
    diagnostics.append(e.diagnostics());
    return std::nullopt;
  }
}

}  // namespace coach
