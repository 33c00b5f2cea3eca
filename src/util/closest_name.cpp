#include "util/closest_name.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "util/i18n.hpp"

namespace coach {

namespace {

// Optimal string alignment distance over bytes: ids and keys are ASCII.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t change = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + change});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::optional<std::string> closest_name(std::string_view written,
                                        const std::vector<std::string_view>& known) {
  // Past this length, a name is no typo of an id: the table would cost more than it tells.
  constexpr std::size_t kLongest = 64;
  if (written.empty() || written.size() > kLongest) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const std::string_view name : known) {
    if (name == written) return std::nullopt;
    if (name.size() > kLongest) continue;
    const std::size_t distance = edit_distance(written, name);
    const std::size_t allowed = std::max<std::size_t>(1, std::max(written.size(), name.size()) / 3);
    if (distance > allowed || (best && distance >= best_distance)) continue;
    best = std::string(name);
    best_distance = distance;
  }
  return best;
}

std::string did_you_mean(std::string_view written, const std::vector<std::string_view>& known) {
  return did_you_mean(closest_name(written, known));
}

std::string did_you_mean(const std::optional<std::string>& closest) {
  if (!closest) return "";
  return fmt::format(fmt::runtime(tr("(是不是 `{}`?)", " (did you mean `{}`?)")), *closest);
}

}  // namespace coach
