#include "cli/old_transcripts.hpp"

#include <fmt/format.h>

#include <iostream>

#include "cli/practice_history.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach::cli {
namespace {
// A sessions folder of thousands of broken files must not bury the rest of the output.
constexpr std::size_t kListedTranscripts = 10;
}  // namespace

std::string unread_transcripts_warning(const std::vector<history::UnreadTranscript>& unread) {
  if (unread.empty()) return {};
  std::string out = fmt::format(
      fmt::runtime(tr("coach: 警告:{} 个以前的练习记录读不了,没有导入练习历史(导入只做这一次):\n",
                      "coach: warning: {} earlier session transcript(s) could not be read and "
                      "were not imported into the history (the import is made once):\n")),
      unread.size());
  for (std::size_t i = 0; i < unread.size() && i < kListedTranscripts; ++i)
    out += "  " + utf8::escape_controls_in_line(unread[i].problem) + "\n";
  if (unread.size() > kListedTranscripts)
    out += fmt::format(fmt::runtime(tr("  ……另有 {} 个\n", "  … and {} more\n")),
                       unread.size() - kListedTranscripts);
  out +=
      tr("  要导入它们:改好这些文件,再把练习历史数据库移到别处,coach 会新建一个并重新导入全部"
         "练习记录(批改记录不在其中)。\n",
         "  To import them: mend the files, then move the history database aside; coach "
         "starts a new one and imports every transcript again (records of grading are not "
         "among them).\n");
  return out;
}

void import_old_transcripts(history::HistoryStore& store, const ScenarioLibrary& library) {
  std::cerr << unread_transcripts_warning(
      history::import_transcripts_once(store, sessions_dir(), library).unread);
}

}  // namespace coach::cli
