#include "history/exam_sittings.hpp"

#include <filesystem>
#include <optional>
#include <regex>

#include "load/answers_loader.hpp"

namespace coach::history {
namespace fs = std::filesystem;

namespace {

struct Sitting {
  std::string stamp;  // YYYYmmdd-HHMMSS, local time: compared only with names of one machine
  std::string pid;
};

// The stamp and process id in a file name practice gave, read by `name`'s two first groups.
std::optional<Sitting> sitting_in_name(const std::string& file, const std::regex& name) {
  std::smatch parts;
  const std::string base = fs::path(file).filename().string();
  if (!std::regex_match(base, parts, name)) return std::nullopt;
  return Sitting{parts[1], parts[2]};
}

// The names practice gives (claim_new_file adds `-2`, `-3` … to a name already taken).
std::optional<Sitting> submission_sitting(const std::string& file) {
  static const std::regex name(R"(exam-.+-(\d{8}-\d{6})-(\d+)(-\d+)?\.yaml)");
  return sitting_in_name(file, name);
}

std::optional<Sitting> transcript_sitting(const std::string& file) {
  static const std::regex name(R"((\d{8}-\d{6})-(\d+)-.+\.yaml)");
  return sitting_in_name(file, name);
}

std::string key(const std::string& pid, const std::string& scenario) {
  return pid + "/" + scenario;
}

// Two copies of one attempt: every step both hold has the same reply (one may lack the last).
bool same_replies(const Attempt& a, const Attempt& b) {
  for (const auto& [step, reply] : a.responses) {
    const MarkedText* other = b.find(step);
    if (other && other->text != reply.text) return false;
  }
  return true;
}

}  // namespace

ExamSittings::ExamSittings(const std::vector<std::string>& files) {
  for (const std::string& file : files) {
    const auto sitting = submission_sitting(file);
    if (!sitting) continue;
    Diagnostics ignored;
    auto answers = load_answers_file(file, ignored);
    if (!answers) continue;
    for (std::size_t i = 0; i < answers->attempts.size(); ++i)
      copies_.emplace(key(sitting->pid, answers->attempts[i].scenario_id),
                      Copy{file, i, sitting->stamp});
    counted_[file].assign(answers->attempts.size(), false);
    submissions_.emplace(file, std::move(*answers));
  }
}

const AnswersFile* ExamSittings::submission(const std::string& file) const {
  const auto found = submissions_.find(file);
  return found == submissions_.end() ? nullptr : &found->second;
}

bool ExamSittings::counted_from_submission(const std::string& file, const std::string& trainee,
                                           const Attempt& attempt) {
  const auto sitting = transcript_sitting(file);
  if (!sitting) return false;
  // A process id is reused (PID 1 in every container): the sitting is the one begun last
  // before this transcript, by the same trainee, with the same replies.
  const Copy* match = nullptr;
  const auto [first, last] = copies_.equal_range(key(sitting->pid, attempt.scenario_id));
  for (auto it = first; it != last; ++it) {
    const Copy& copy = it->second;
    const AnswersFile& answers = submissions_.at(copy.file);
    if (counted_[copy.file][copy.index] || copy.stamp > sitting->stamp ||
        answers.trainee != trainee || !same_replies(answers.attempts[copy.index], attempt))
      continue;
    if (!match || copy.stamp > match->stamp) match = &copy;
  }
  if (!match) return false;
  const Attempt& held = submissions_.at(match->file).attempts[match->index];
  if (held.responses.size() > attempt.responses.size()) return true;
  counted_[match->file][match->index] = true;
  return false;
}

bool ExamSittings::counted_from_transcript(const std::string& file, std::size_t index) const {
  const auto found = counted_.find(file);
  return found != counted_.end() && index < found->second.size() && found->second[index];
}

}  // namespace coach::history
