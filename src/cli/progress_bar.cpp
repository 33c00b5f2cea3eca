#include "cli/progress_bar.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "util/display_width.hpp"
#include "util/i18n.hpp"

namespace coach::cli {

bool progress_wanted() {
  const char* ci = std::getenv("CI");
  return ::isatty(2) == 1 && (ci == nullptr || *ci == '\0');
}

void ProgressBar::advance() {
  ++done_;
  if (!enabled_) return;
  // Redraw only when the bar visibly moves: thousands of redraws would slow grading down.
  const int permille = static_cast<int>(1000 * done_ / total_);
  if (permille == drawn_permille_) return;
  drawn_permille_ = permille;
  draw();
}

void ProgressBar::draw() {
  constexpr std::size_t kWidth = 30;
  const std::size_t filled = kWidth * done_ / total_;
  std::string bar;
  for (std::size_t i = 0; i < kWidth; ++i) bar += i < filled ? "█" : "░";
  const std::string line =
      fmt::format(fmt::runtime(tr("批改中 {} {}/{}", "grading {} {}/{}")), bar, done_, total_);
  drawn_width_ = display_width(line);
  std::fputs(("\r" + line).c_str(), stderr);
  std::fflush(stderr);
}

void ProgressBar::finish() {
  if (!enabled_ || drawn_permille_ < 0) return;
  // Spaces, not an escape sequence to clear the line: a TERM=dumb terminal shows one as `^[[K`.
  std::fputs(("\r" + std::string(drawn_width_, ' ') + "\r").c_str(), stderr);
  std::fflush(stderr);
  drawn_permille_ = -1;
}

}  // namespace coach::cli
