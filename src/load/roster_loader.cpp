#include "load/roster_loader.hpp"

#include <fmt/format.h>

#include <set>

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

}  // namespace

std::optional<std::vector<std::string>> parse_roster(const std::string& content,
                                                     const std::string& file,
                                                     Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.reported();
  std::vector<std::string> names;
  std::set<std::string> seen;
  int number = 0;
  const std::size_t start = content.size() - utf8::without_byte_order_mark(content).size();
  for (std::size_t pos = start; pos < content.size();) {
    ++number;
    const std::string name = trim_trainee_name(std::string(without_comment(line_at(content, pos))));
    if (name.empty()) continue;  // a blank line or a comment
    if (const std::string problem = trainee_name_problem(name, tr("姓名", "the name"));
        !problem.empty()) {
      diagnostics.error(file, {number, 1}, problem);
    } else if (!seen.insert(name).second) {
      diagnostics.error(file, {number, 1},
                        fmt::format(fmt::runtime(tr("`{}` 重复", "`{}` is listed twice")), name));
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
