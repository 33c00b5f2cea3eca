#pragma once
// An exam sat without --record leaves each of its attempts twice in the sessions directory: in
// the transcript of its scenario (`YYYYmmdd-HHMMSS-<pid>-<scenario>.yaml`) and in the exam's
// submission (`exam-<id>-YYYYmmdd-HHMMSS-<pid>.yaml`). Reading that directory must count each
// attempt once: the transcript's copy, as the live history writes it, unless the submission
// holds more of its replies (a kill between the two writes).
#include <map>
#include <string>
#include <vector>

#include "model/answers.hpp"

namespace coach::history {

class ExamSittings {
 public:
  // Reads the exam submissions among `files` (a sessions directory's); the others are left.
  explicit ExamSittings(const std::vector<std::string>& files);

  // The submission `file`, when it is one that was read.
  const AnswersFile* submission(const std::string& file) const;
  // Whether the attempt of transcript `file` is one a submission holds, and holds more fully
  // (so it is counted from there). Otherwise, when a submission holds it too, that copy is
  // noted as counted here.
  bool counted_from_submission(const std::string& file, const std::string& trainee,
                               const Attempt& attempt);
  // Whether attempt `index` of submission `file` was counted from its scenario's transcript.
  bool counted_from_transcript(const std::string& file, std::size_t index) const;

 private:
  struct Copy {
    std::string file;
    std::size_t index = 0;
    std::string stamp;  // when the sitting began, as its file name says it
  };

  std::map<std::string, AnswersFile> submissions_;  // by file
  std::multimap<std::string, Copy> copies_;         // by "<pid>/<scenario>"
  // Per submission, which of its attempts a transcript has counted.
  std::map<std::string, std::vector<bool>> counted_;
};

}  // namespace coach::history
