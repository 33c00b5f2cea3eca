#include "history/progress_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "history/timestamps.hpp"
#include "util/display_width.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach::history {
namespace {

constexpr std::size_t kDefaultColumns = 80;
constexpr std::size_t kRecentShown = 5;
constexpr std::size_t kRightColumns = 14;  // "  latest  ↑ +100"
// A change smaller than this (in points of 100) is shown as steady.
constexpr double kSteady = 2.0;

struct Row {
  std::string label;
  std::vector<std::optional<double>> values;  // per attempt, oldest first, 0–1
};

std::string bar_of(double value) {
  static constexpr std::string_view kBars[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  const auto level = static_cast<std::size_t>(std::lround(std::clamp(value, 0.0, 1.0) * 7));
  return std::string(kBars[level]);
}

std::optional<double> latest(const Row& row) {
  for (auto it = row.values.rbegin(); it != row.values.rend(); ++it)
    if (*it) return **it;
  return std::nullopt;
}

// The latest value against the mean of the earlier ones, in points of 100.
std::optional<double> change(const Row& row) {
  double sum = 0;
  int earlier = 0;
  bool seen_latest = false;
  for (auto it = row.values.rbegin(); it != row.values.rend(); ++it) {
    if (!*it) continue;
    if (!seen_latest) {
      seen_latest = true;
      continue;
    }
    sum += **it;
    ++earlier;
  }
  if (earlier == 0) return std::nullopt;
  return 100.0 * (*latest(row) - sum / earlier);
}

std::string trend_cell(const Row& row, const Style& style) {
  const auto delta = change(row);
  if (!delta) return "";
  const long rounded = std::lround(*delta);
  if (std::abs(*delta) < kSteady) return style.dim(fmt::format("→ {:+}", rounded));
  if (*delta > 0) return style.good(fmt::format("↑ {:+}", rounded));
  return style.bad(fmt::format("↓ {:+}", rounded));
}

// What the bars show, as long a text as fits `area` columns (0: any).
std::string legend(std::size_t first, std::size_t bars, std::size_t area) {
  const std::string full =
      first > 0 ? fmt::format(fmt::runtime(tr("最近 {} 次,旧→新", "last {}, old→new")), bars)
                : std::string(tr("每次一格,旧→新", "each attempt, old→new"));
  for (const std::string& text : {full, std::string(tr("旧→新", "old→new"))})
    if (area == 0 || display_width(text) <= area) return text;
  return "";
}

std::string with_gap(const std::string& cell) {
  return cell.empty() ? cell : "  " + cell;
}

std::string sparkline(const Row& row, std::size_t first, const std::vector<AttemptSummary>& all,
                      bool is_total, const Style& style) {
  std::string out;
  for (std::size_t i = first; i < row.values.size(); ++i) {
    if (!row.values[i]) {
      out += style.dim("·");
      continue;
    }
    const std::string bar = bar_of(*row.values[i]);
    out += is_total ? (all[i].passed ? style.good(bar) : style.bad(bar)) : bar;
  }
  return out;
}

// A practice session with no finishing time: killed, or its last replies never written (a full
// disk). Its score counts the steps it lacks as failed, so no figure may read it as a whole
// attempt; it is listed, and its bars are `·`.
bool unfinished(const AttemptSummary& attempt) {
  return attempt.kind == AttemptKind::practice && attempt.finished_at.empty();
}

std::vector<Row> chart_rows(const std::vector<AttemptSummary>& attempts) {
  std::vector<Row> rows;
  for (Stage stage : kAllStages) {
    Row row{std::string(stage_label(stage)), {}};
    for (const auto& attempt : attempts) {
      if (unfinished(attempt)) {
        row.values.push_back(std::nullopt);
        continue;
      }
      const auto found = attempt.stage_scores.find(stage);
      row.values.push_back(found == attempt.stage_scores.end()
                               ? std::nullopt
                               : std::optional<double>(found->second));
    }
    rows.push_back(std::move(row));
  }
  Row total{std::string(tr("总分", "total")), {}};
  for (const auto& attempt : attempts)
    total.values.push_back(unfinished(attempt) ? std::nullopt
                                               : std::optional<double>(attempt.score / 100.0));
  rows.push_back(std::move(total));
  return rows;
}

std::string title(const std::string& trainee, const std::vector<AttemptSummary>& attempts,
                  const Style& style) {
  int graded = 0;
  for (const auto& attempt : attempts) graded += attempt.kind == AttemptKind::grade ? 1 : 0;
  const int practised = static_cast<int>(attempts.size()) - graded;
  const std::string first = local_label(attempts.front().started_at).substr(0, 10);
  const std::string last = local_label(attempts.back().started_at).substr(0, 10);
  return style.bold(
             fmt::format(fmt::runtime(tr("{} 的进步", "Progress of {}")), trainee_label(trainee))) +
         fmt::format(fmt::runtime(tr(":共 {}(练习 {},批改 {}),{} 至 {}\n",
                                     ": {} ({} practised, {} graded), {} to {}\n")),
                     counted(static_cast<long long>(attempts.size()), "次", "attempt", "attempts"),
                     practised, graded, first, last);
}

// The stage with the lowest average, named only when it is weaker than another: with one stage
// answered (the others never), or every stage alike, there is no weakest to name, and naming the
// one stage done well would send the trainee the wrong way.
std::string weakest_line(const std::vector<Row>& rows) {
  std::optional<std::size_t> weakest;
  double lowest = 2.0;
  double highest = -1.0;
  int stages = 0;
  for (std::size_t i = 0; i + 1 < rows.size(); ++i) {  // the stages, not the total
    double sum = 0;
    int count = 0;
    for (const auto& value : rows[i].values)
      if (value) sum += *value, ++count;
    if (count == 0) continue;
    ++stages;
    highest = std::max(highest, sum / count);
    if (sum / count < lowest) lowest = sum / count, weakest = i;
  }
  if (stages < 2)
    return std::string(tr("最弱的阶段:还看不出(只有一个阶段作答过)\n",
                          "Weakest stage: not known yet (only one stage has been answered)\n"));
  if (!weakest || lowest >= highest) return "";
  return fmt::format(
      fmt::runtime(tr("最弱的阶段:{}(平均 {:.0f} 分)\n", "Weakest stage: {} (average {:.0f})\n")),
      rows[*weakest].label, 100.0 * lowest);
}

std::string kind_label(AttemptKind kind) {
  return std::string(kind == AttemptKind::grade ? tr("批改", "graded") : tr("练习", "practice"));
}

std::string verdict_label(const AttemptSummary& attempt, const Style& style) {
  if (unfinished(attempt))
    return style.dim(std::string(tr("未完成(不计入)", "unfinished (not counted)")));
  std::string verdict = attempt.passed ? style.good(std::string(tr("通过", "passed")))
                                       : style.bad(std::string(tr("未通过", "failed")));
  if (attempt.walked_out) verdict += style.bad(std::string(tr("(客户离开)", " (walked out)")));
  return verdict;
}

std::string recent_lines(const std::vector<AttemptSummary>& attempts, const Style& style) {
  const std::size_t shown = std::min(kRecentShown, attempts.size());
  const auto newest = [&](std::size_t i) -> const AttemptSummary& {
    return attempts[attempts.size() - 1 - i];
  };
  std::size_t kind_width = 0;
  std::size_t id_width = 0;
  for (std::size_t i = 0; i < shown; ++i) {
    kind_width = std::max(kind_width, display_width(kind_label(newest(i).kind)));
    id_width = std::max(id_width, display_width(utf8::show_name(newest(i).scenario_id)));
  }
  std::string out = style.bold(std::string(tr("最近的记录:", "Latest attempts:"))) + "\n";
  for (std::size_t i = 0; i < shown; ++i) {
    const AttemptSummary& attempt = newest(i);
    const std::string score =
        unfinished(attempt) ? std::string("    -") : fmt::format("{:>5.1f}", attempt.score);
    out += fmt::format("  {}  {}  {}  {}  {}\n", local_label(attempt.started_at),
                       pad_right(kind_label(attempt.kind), kind_width),
                       pad_right(utf8::show_name(attempt.scenario_id), id_width), score,
                       verdict_label(attempt, style));
  }
  return out;
}

}  // namespace

// A name heads a chart and is listed in one line with the others: shown as every report shows
// it, so a database written by an older coach cannot reorder or hide part of the line.
std::string trainee_label(const std::string& trainee) {
  if (trainee.empty()) return std::string(tr("(未署名)", "(no name)"));
  return utf8::show_name(trainee);
}

std::string format_progress_chart(const std::string& trainee,
                                  const std::vector<AttemptSummary>& attempts, const Style& style,
                                  std::size_t columns) {
  if (attempts.empty()) return "";
  const std::vector<Row> rows = chart_rows(attempts);
  std::size_t label_width = 0;
  for (const auto& row : rows) label_width = std::max(label_width, display_width(row.label));
  label_width += 2;
  const std::size_t width = columns == 0 ? kDefaultColumns : columns;
  // The bars get what the labels and the two columns on the right leave, at least one.
  const std::size_t room =
      width > label_width + kRightColumns + 1 ? width - label_width - kRightColumns : 1;
  const std::size_t first = attempts.size() > room ? attempts.size() - room : 0;
  const std::size_t bars = attempts.size() - first;
  const std::size_t area = std::max(bars, std::min(display_width(legend(first, bars, 0)), room));

  // Only the chart is fitted to a pipe's assumed width; the sentences are wrapped on a
  // terminal and left whole in a pipe, like the rest of coach's output.
  std::string out = wrap_text(title(trainee, attempts, style), columns);
  out +=
      std::string(label_width, ' ') + style.dim(pad_right(legend(first, bars, area), area)) +
      style.dim(fmt::format("  {}  {}", pad_right(tr("最近", "last"), 4), tr("变化", "change"))) +
      "\n";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const Row& row = rows[r];
    const bool is_total = r + 1 == rows.size();
    const auto last = latest(row);
    const std::string latest_cell = last ? fmt::format("{:>4.0f}", 100.0 * *last) : "   -";
    out += pad_right(is_total ? style.bold(row.label) : row.label, label_width) +
           sparkline(row, first, attempts, is_total, style) + std::string(area - bars, ' ') + "  " +
           latest_cell + with_gap(trend_cell(row, style)) + "\n";
  }
  out += wrap_text(weakest_line(rows) + recent_lines(attempts, style), columns);
  return out;
}

}  // namespace coach::history
