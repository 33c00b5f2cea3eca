#pragma once
// A progress bar for grading many files, on stderr. Only on a terminal: never in a pipe or a
// log, and never under CI (CI=… is set by GitHub Actions, GitLab CI and most others), where
// carriage returns would fill the job log.
#include <cstddef>

namespace coach::cli {

bool progress_wanted();

class ProgressBar {
 public:
  ProgressBar(std::size_t total, bool enabled) : total_(total), enabled_(enabled && total > 1) {}
  ~ProgressBar() { finish(); }
  void advance();
  void finish();  // clears the bar so what follows starts on a clean line

 private:
  void draw();

  std::size_t total_;
  std::size_t done_ = 0;
  int drawn_permille_ = -1;
  std::size_t drawn_width_ = 0;  // in terminal columns
  bool enabled_;
};

}  // namespace coach::cli
