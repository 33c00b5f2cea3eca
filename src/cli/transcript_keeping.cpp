#include "cli/transcript_keeping.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <system_error>

#include "cli/data_dir.hpp"
#include "cli/practice_history.hpp"
#include "util/i18n.hpp"
#include "util/system_error_text.hpp"
#include "util/utf8.hpp"

namespace coach::cli {
namespace fs = std::filesystem;

namespace {

std::string folder_problem(const std::string& dir, int error_number) {
  return fmt::format(fmt::runtime(tr("作答记录文件夹 {} 无法写入({})",
                                     "the transcript folder {} cannot be written ({})")),
                     utf8::show_name(dir), system_error_text(error_number));
}

}  // namespace

std::optional<std::string> sessions_dir_problem() {
  const std::string dir = sessions_dir();
  if (dir.empty())
    return fmt::format(fmt::runtime(tr("没有可存放作答记录的文件夹({})",
                                       "there is no folder for transcripts ({})")),
                       no_data_dir_reason());
  const std::error_code error = create_private_dirs(dir);
  if (error) return folder_problem(dir, error.value());
  // Asked of the directory, not of a file tried there: a probe file left by a kill would be
  // read as a transcript. Root passes a mode check, but not a read-only mount (EROFS).
  if (::access(dir.c_str(), W_OK | X_OK) != 0) return folder_problem(dir, errno);
  return std::nullopt;
}

std::string unkept_transcript_warning(const std::string& problem) {
  return fmt::format(fmt::runtime(tr("coach: 警告:{},本次练习的作答记录不会保存。要保存,请用 "
                                     "--record 文件 指定可以写入的位置。\n",
                                     "coach: warning: {}, so this session's transcript will not be "
                                     "saved. To keep it, name a file you can write with "
                                     "--record FILE.\n")),
                     problem);
}

std::string unkept_transcript_note(const std::string& problem) {
  if (problem.empty())
    return std::string(tr("作答记录没有保存。", "The transcript was not saved."));
  return fmt::format(fmt::runtime(tr("作答记录没有保存:{}。", "The transcript was not saved: {}.")),
                     problem);
}

std::string unkept_submission_refusal(const std::string& problem) {
  return fmt::format(fmt::runtime(tr("{},考试提交文件无处保存,考试没有开始。请用 --record 文件 "
                                     "指定可以写入的提交文件",
                                     "{}, so the exam submission could be written nowhere; the "
                                     "exam has not started. Name a submission file you can "
                                     "write with --record FILE")),
                     problem);
}

}  // namespace coach::cli
