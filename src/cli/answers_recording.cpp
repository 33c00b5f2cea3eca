#include "cli/answers_recording.hpp"

#include <fmt/format.h>

#include <iostream>
#include <stdexcept>
#include <utility>

#include "util/i18n.hpp"
#include "util/out_of_memory.hpp"
#include "util/output_file.hpp"
#include "util/utf8.hpp"

namespace coach::cli {

AnswersRecording::AnswersRecording(std::string path) : path_(std::move(path)) {}

void AnswersRecording::save(const std::string& answers) {
  if (path_.empty()) return;
  try {
    write_output_file(path_, answers, OutputFile::Waiting::never);
    up_to_date_ = true;
    failure_said_ = false;
  } catch (const std::exception& e) {
    up_to_date_ = false;
    if (!failure_said_) std::cerr << "coach: " << error_text(e) << "\n";
    failure_said_ = true;
  }
}

std::string recording_note(const AnswersRecording& recording, const std::string& complete_copy) {
  const std::string path = utf8::show_name(recording.path());
  // The path on a line of its own: it cannot be broken, and the wrapping broke the words before
  // it instead (作答记录已保 / 存:…); there it is also whole for copying.
  if (recording.up_to_date())
    return fmt::format(fmt::runtime(tr("作答记录已保存(可用 coach grade 批改):\n  {}",
                                       "Transcript saved (grade it with coach grade):\n  {}")),
                       path);
  if (complete_copy.empty())
    return fmt::format(fmt::runtime(tr("作答记录 {} 没有写完(无法写入,见上方),最后的回答"
                                       "没有保存到任何文件。",
                                       "Transcript {} is incomplete (it could not be written, "
                                       "see above): the last replies are in no file.")),
                       path);
  return fmt::format(fmt::runtime(tr("作答记录 {} 没有写完(无法写入,见上方);完整的作答记录在:"
                                     "{}(可用 coach grade 批改)",
                                     "Transcript {} is incomplete (it could not be written, see "
                                     "above); every reply is in: {} (grade it with coach grade)")),
                     path, utf8::show_name(complete_copy));
}

std::string unfinished_submission_note(const AnswersRecording& submission,
                                       const std::string& transcripts) {
  const std::string path = utf8::show_name(submission.path());
  if (transcripts.empty())
    return fmt::format(fmt::runtime(tr("考试提交文件 {} 没有写完(无法写入,见上方)。",
                                       "Exam submission {} is incomplete (it could not be "
                                       "written, see above).")),
                       path);
  return fmt::format(fmt::runtime(tr("考试提交文件 {} 没有写完(无法写入,见上方);每个场景的完整"
                                     "作答记录在 {}",
                                     "Exam submission {} is incomplete (it could not be written, "
                                     "see above); every scenario's replies are in {}")),
                     path, utf8::show_name(transcripts));
}

}  // namespace coach::cli
