#include <fmt/format.h>

#include <algorithm>

#include "engine/deciding_mistakes.hpp"
#include "engine/step_numbers.hpp"
#include "engine/weak_steps.hpp"
#include "report/report.hpp"
#include "util/display_width.hpp"
#include "util/i18n.hpp"

namespace coach {

GradeSummary summarize(const std::vector<AttemptResult>& results) {
  GradeSummary summary;
  summary.total = static_cast<int>(results.size());
  summary.passed = static_cast<int>(
      std::count_if(results.begin(), results.end(), [](const auto& r) { return r.passed; }));
  summary.failed = summary.total - summary.passed;
  return summary;
}

namespace {

struct MarkedSpan {
  TextSpan span;
  bool mistake;
};

// The spans the reply's rules matched, in order; at one place a mistake comes first: it is what
// the trainee must see.
std::vector<MarkedSpan> marked_spans(const StepResult& step) {
  std::vector<MarkedSpan> spans;
  for (const auto& rule : step.rules) {
    for (const TextSpan span : rule.matched) {
      if (span.end > span.begin) spans.push_back({span, !rule.ok});
    }
  }
  std::sort(spans.begin(), spans.end(), [](const MarkedSpan& a, const MarkedSpan& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.mistake > b.mistake;
  });
  return spans;
}

// Whether each piece of the reply between the spans prints as it is typed: the reply has
// nothing printable() escapes and no span cuts a character, so every piece decodes to the
// characters it held in the whole reply. Nearly every reply; the rest are escaped piece by piece.
bool pieces_print_as_typed(std::string_view reply, const std::vector<MarkedSpan>& spans) {
  const auto between_characters = [&](std::size_t at) {
    return at >= reply.size() || (static_cast<unsigned char>(reply[at]) & 0xC0) != 0x80;
  };
  for (const auto& [span, mistake] : spans) {
    if (!between_characters(span.begin) || !between_characters(span.end)) return false;
  }
  return prints_as_is(reply);
}

// The reply with every matched phrase emphasised (words that broke a rule as a mistake), its
// later lines after `indent`, appended to `out`.
void add_highlighted_reply(std::string& out, const StepResult& step, const Style& style,
                           std::string_view indent) {
  const std::string_view reply = step.reply;
  const std::vector<MarkedSpan> spans = marked_spans(step);
  const bool as_typed = pieces_print_as_typed(reply, spans);
  const auto add_shown = [&](std::size_t from, std::size_t to) {
    const std::string_view piece = reply.substr(from, to - from);
    if (as_typed)
      add_indented(out, piece, indent);
    else
      add_indented(out, printable(piece), indent);
  };
  std::size_t at = 0;
  for (const auto& [span, mistake] : spans) {
    if (span.begin < at || span.end > reply.size()) continue;  // overlapping: keep the first
    add_shown(at, span.begin);
    const Style::Marks marks = mistake ? style.mistake_marks() : style.highlight_marks();
    out += marks.before;
    add_shown(span.begin, span.end);
    out += marks.after;
    at = span.end;
  }
  // A carriage return in a reply would send the cursor back over what the report just said.
  add_shown(std::min(at, reply.size()), reply.size());
}

// Why a step has no scored reply: not answered, or never put to the trainee, with what the
// answers file held for it then (shown, not scored: a reviewer sees what was handed in).
std::string no_reply_text(const StepResult& step, const Style& style) {
  if (step.took_place)
    return "  " + style.dim(std::string(tr("(没有回答)", "(not answered)"))) + "\n";
  std::string out = "  " +
                    style.dim(std::string(tr("(没有进行,客户已经离开)",
                                             "(never took place: the customer had left)"))) +
                    "\n";
  if (step.unscored_reply.empty()) return out;
  const std::string_view label = tr("文件中的回答(未计分):", "reply in the file (not scored):");
  const std::string indent(2 + display_width(label) + 1, ' ');
  return out + fmt::format("  {} {}\n", style.dim(std::string(label)),
                           indented(printable(step.unscored_reply), indent));
}

// `怒气 32→52`: the anger before a reply and after it.
std::string anger_move_text(int before, int after) {
  return fmt::format(fmt::runtime(tr("怒气 {}→{}", "anger {}→{}")), before, after);
}

// "第 2 步 · 道歉复述", with " · apologize" when the reader writes answers files.
void add_step_name(std::string& out, const StepResult& step, StepName name) {
  if (name.number > 0) {
    out += step_numbers_text({name.number});
    out += " · ";
  }
  out += stage_label(step.stage);
  if (name.with_id) {
    out += " · ";
    out += step.step_id;
  }
}

// "2nd", "3rd", "11th": which time a calming move is made, in English.
std::string ordinal(int n) {
  const int tens = n % 100;
  const int units = n % 10;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                       : units == 1               ? "st"
                       : units == 2               ? "nd"
                       : units == 3               ? "rd"
                                                  : "th";
  return fmt::format("{}{}", n, suffix);
}

// `+20:瞎解释(凭猜测解释)`, `-5:道歉(第 2 次)`: one cause, with its share of the change.
std::string cause_text(const MoodCause& cause) {
  std::string text = fmt::format(fmt::runtime(tr("{:+}:{}", "{:+}: {}")), cause.change,
                                 printable_line(cause.what));
  if (cause.time > 1) {
    text += language() == Language::zh ? fmt::format("(第 {} 次)", cause.time)
                                       : fmt::format(" ({} time)", ordinal(cause.time));
  }
  return text;
}

// The labels of the calming words that moved nothing, each quoted: `「道歉」「移情」`.
std::string quoted_labels_of_nothing(const PathTurn& turn) {
  std::string labels;
  for (const MoodCause& cause : turn.mood_causes) {
    if (cause.change != 0) continue;
    if (!labels.empty()) labels += tr("", ", ");  // 「」 keep Chinese labels apart
    labels += fmt::format(fmt::runtime(tr("「{}」", "“{}”")), printable_line(cause.what));
  }
  return labels;
}

// Why calming words moved nothing: `客户听出是在念稿,「道歉」不起作用`, or, in a reply that counts,
// words said so often that they have worn out (`「道歉」说了太多次,已经不起作用`).
std::string calmed_nothing_text(const PathTurn& turn) {
  const std::string labels = quoted_labels_of_nothing(turn);
  if (labels.empty()) return "";
  std::string_view why;
  switch (turn.calming_unheard) {
    case CalmingUnheard::critical_mistake:
      why = tr("说了绝不能说的话", "after a critical mistake");
      break;
    case CalmingUnheard::stuffing:
      why = tr("堆砌关键词", "keyword stuffing");
      break;
    case CalmingUnheard::repetition:
      why = tr("客户听出是在念稿", "the customer hears a script");
      break;
    case CalmingUnheard::no:
      return fmt::format(
          fmt::runtime(tr("{}说了太多次,已经不起作用", "{} said too often: no longer calms")),
          labels);
  }
  return fmt::format(fmt::runtime(tr("{},{}不起作用", "{}: {} did not calm")), why, labels);
}

// `text` dimmed on a line of its own under a rule's verdict.
void add_dim_line(std::string& out, std::string_view text, const Style& style) {
  const Style::Marks dim = style.dim_marks();
  out += dim.before;
  out += "      ";
  out += text;
  out += dim.after;
  out += '\n';
}

// A rule's verdict and what it says. A forbidding rule that held gets no ✓: nothing it looks for
// was found, which is not proof the reply avoided the mistake, and a green tick read as praise.
void add_rule_text(std::string& out, const StepResult& step, const RuleResult& rule,
                   const Style& style, bool counted = true) {
  // A step never reached was not judged: a ✗ there would read as something said wrong.
  out += "    ";
  if (!step.answered)
    Style::add(out, style.dim_marks(), "–");
  else if (!rule.ok)
    Style::add(out, style.bad_marks(), "✗");
  else if (rule.forbids())
    Style::add(out, style.dim_marks(), "·");
  else
    Style::add(out, style.good_marks(), "✓");
  out += ' ';
  out += rule.description.str();
  const Style::Marks dim = style.dim_marks();
  if (rule.max > 0) {
    out += dim.before;
    fmt::format_to(
        std::back_inserter(out),
        fmt::runtime(counted ? " ({}/{})" : tr(" ({}/{},不计)", " ({}/{}, not counted)")),
        rule.points, rule.max);
    out += dim.after;
  }
  // Nothing was said that could break a rule: an unanswered step is no critical mistake.
  if (rule.critical && !rule.ok && step.answered) {
    out += ' ';
    Style::add(out, style.bad_marks(), tr("【关键错误】", "[critical]"));
  }
  if (rule.ok && !rule.matched.empty() && !rule.forbids()) {
    out += dim.before;
    out += " “";
    out += step.text_at(rule.matched.front());
    out += "”";
    out += dim.after;
  }
  out += '\n';
  if (!step.answered) return;  // every rule would only repeat "not answered"
  if (!rule.ok) {
    out += "      ";
    out += rule.feedback.str();
    out += '\n';
    if (!rule.detail.empty() && rule.detail != rule.feedback) add_dim_line(out, rule.detail, style);
  } else if (!rule.feedback.empty()) {
    add_dim_line(out, rule.feedback, style);
  }
}

// What set the step to zero comes first, said as such: under a column of ticks and points it
// read as one more remark. A reply mostly in another language is judged on that alone: its
// other verdicts (no empathy found in English words) would teach the wrong thing.
void add_rules_text(std::string& out, const StepResult& step, const Style& style) {
  if (!step.answered) {
    for (const auto& rule : step.rules) add_rule_text(out, step, rule, style);
    return;
  }
  int zeroing = 0;
  bool foreign = false;
  for (const auto& rule : step.rules) {
    if (!zeroes_step(rule)) continue;
    add_rule_text(out, step, rule, style);
    ++zeroing;
    foreign = foreign || rule.kind == "language";
  }
  if (zeroing > 0) {
    const std::string_view why =
        foreign ? tr("  → 本步记 0 分:回答大半不是中文,其余各项不评。",
                     "  → this step scores 0: the reply is mostly not in Chinese, so nothing "
                     "else is judged.")
        : zeroing == 1
            ? tr("  → 本步记 0 分:上面这一条一票否决,下面各项的得分不计。",
                 "  → this step scores 0: the point above outweighs the rest; the points "
                 "below do not count.")
            : tr("  → 本步记 0 分:上面这几条一票否决,下面各项的得分不计。",
                 "  → this step scores 0: the points above outweigh the rest; the points "
                 "below do not count.");
    Style::add(out, style.bad_marks(), why);
    out += '\n';
  }
  if (foreign) return;
  for (const auto& rule : step.rules) {
    if (!zeroes_step(rule)) add_rule_text(out, step, rule, style, zeroing == 0);
  }
}

// The reply's label and the reply, emphasised, with what it did to the customer's anger.
void add_reply_text(std::string& out, const StepResult& step, const Style& style,
                    const PathTurn* turn) {
  const std::string_view label = tr("回答:", "reply:");
  const std::string indent(2 + display_width(label) + 1, ' ');
  out += "  ";
  Style::add(out, style.dim_marks(), label);
  out += ' ';
  add_highlighted_reply(out, step, style, indent);
  out += '\n';
  if (turn) out += format_mood_change(*turn, style);
}

// One step's verdict, as format_step_feedback gives it, appended to `out`.
void add_step_feedback(std::string& out, const StepResult& step, const Style& style,
                       const PathTurn* turn, StepName name) {
  // Out of 100, as the summary's bars and every report's stage scores: the rules' points
  // (30/130, 0/105) read as another scale.
  out += "  ";
  const Style::Marks bold = style.bold_marks();
  out += bold.before;
  out += '[';
  add_step_name(out, step, name);
  out += ']';
  out += bold.after;
  fmt::format_to(std::back_inserter(out), " {}/100 ", step.percent());
  if (step.passed)
    Style::add(out, style.good_marks(), tr("通过", "passed"));
  else
    Style::add(out, style.bad_marks(), tr("未通过", "failed"));
  out += '\n';
  if (!step.passed && !step.principle.empty()) {
    const Style::Marks dim = style.dim_marks();
    out += dim.before;
    fmt::format_to(std::back_inserter(out), fmt::runtime(tr("  要点:{}", "  principle: {}")),
                   step.principle);
    out += dim.after;
    out += '\n';
  }
  if (step.answered)
    add_reply_text(out, step, style, turn);
  else
    out += no_reply_text(step, style);
  add_rules_text(out, step, style);
  if (step.answered && step.avoidance_points_withheld) {
    Style::add(out, style.dim_marks(),
               tr("    (没说错话本身不得分:这一步要求说到的一样也没说到,“避免”各条的分数不计。)",
                  "    (Saying nothing wrong earns nothing by itself: the reply says none of "
                  "what this step asks for, so the points for avoiding mistakes are not "
                  "given.)"));
    out += '\n';
  }
}

}  // namespace

std::string format_mood_change(const PathTurn& turn, const Style& style) {
  std::vector<std::string> parts;
  for (const MoodCause& cause : turn.mood_causes) {
    if (cause.change != 0) parts.push_back(cause_text(cause));
  }
  if (std::string nothing = calmed_nothing_text(turn); !nothing.empty())
    parts.push_back(std::move(nothing));
  if (parts.empty() && turn.mood_before == turn.mood_after) return "";
  std::string why;
  for (const std::string& part : parts) {
    if (!why.empty()) why += tr(";", "; ");
    why += part;
  }
  std::string text = anger_move_text(turn.mood_before, turn.mood_after);
  if (!why.empty()) text += fmt::format(fmt::runtime(tr("({})", " ({})")), why);
  const std::string painted = turn.mood_after > turn.mood_before   ? style.bad(text)
                              : turn.mood_after < turn.mood_before ? style.good(text)
                                                                   : style.dim(text);
  return "  " + painted + "\n";
}

std::string format_step_feedback(const StepResult& step, const Style& style, const PathTurn* turn,
                                 StepName name) {
  std::string out;
  add_step_feedback(out, step, style, turn, name);
  return out;
}

// Step numbers and stage labels are padded to the widest of the attempt, so the scores form a
// column in every language (English labels differ in length).
std::string format_stage_summary(const AttemptResult& attempt, const Style& style) {
  constexpr int kBarWidth = 20;
  std::size_t number_width = 0;
  std::size_t label_width = 0;
  for (std::size_t i = 0; i < attempt.steps.size(); ++i) {
    number_width = std::max(number_width, display_width(step_numbers_text({i + 1})));
    label_width = std::max(label_width, display_width(stage_label(attempt.steps[i].stage)));
  }
  std::string out;
  for (std::size_t i = 0; i < attempt.steps.size(); ++i) {
    const StepResult& step = attempt.steps[i];
    const int filled = static_cast<int>(step.ratio() * kBarWidth + 0.5);
    std::string bar;
    for (int i = 0; i < kBarWidth; ++i) bar += i < (step.answered ? filled : 0) ? "█" : "░";
    const std::string painted = step.passed ? style.good(bar) : style.bad(bar);
    // 0–100, as the step lines, the history and every report give a stage: a step's raw
    // points (90/90, 105/105) read as another scale.
    // A step left unanswered (a session ended early) is said so, not shown as a reply worth 0.
    const std::string score = step.answered ? fmt::format("{:>3}", step.percent())
                                            : style.dim(std::string(tr("未作答", "not answered")));
    out += fmt::format("  {} {} {} {}\n", pad_right(step_numbers_text({i + 1}), number_width),
                       painted, pad_right(stage_label(step.stage), label_width), score);
  }
  return out;
}

namespace {

// `text` as printable() shows it, copied into `escaped` only when something in it is escaped.
std::string_view shown(std::string_view text, std::string& escaped) {
  if (prints_as_is(text)) return text;
  escaped = printable(text);
  return escaped;
}

// What the customer said before a step and how the reply moved the anger, as in practice.
std::string customer_turn_text(const AttemptResult& attempt, const PathTurn& turn,
                               const Style& style) {
  const std::string mood = anger_move_text(turn.mood_before, turn.mood_after);
  const std::string who = attempt.customer_name.empty() ? std::string(tr("客户", "customer"))
                                                        : printable(attempt.customer_name);
  std::string escaped;
  return "  " +
         style.customer(fmt::format(fmt::runtime(tr("{}({}):{}", "{} ({}): {}")), who, mood,
                                    shown(turn.customer_line, escaped))) +
         "\n";
}

// Why the steps after a walk-out have no reply: the limit, and the anger reached when a reply
// pushed it past the limit.
std::string walked_out_text(const AttemptResult& attempt, const Style& style) {
  if (!attempt.walked_out) return "";
  const int limit = attempt.walk_out_limit;
  const std::string text =
      attempt.final_mood > limit
          ? fmt::format(fmt::runtime(tr("客户的怒气升到 {},超过了极限({}),愤而离开:"
                                        "本次作答不及格,之后的步骤没有进行。",
                                        "The customer's anger rose to {}, past its limit ({}), and "
                                        "they walked out: the attempt fails, and the steps after "
                                        "it never took place.")),
                        attempt.final_mood, limit)
          : fmt::format(fmt::runtime(tr("客户的怒气到了极限({}),愤而离开:本次作答不及格,"
                                        "之后的步骤没有进行。",
                                        "The customer's anger reached its limit ({}) and they "
                                        "walked out: the attempt fails, and the steps after it "
                                        "never took place.")),
                        limit);
  return "  " + style.bad(text) + "\n";
}

void add_steps_text(std::string& out, const AttemptResult& attempt, const Style& style) {
  bool left = false;
  for (std::size_t i = 0; i < attempt.steps.size(); ++i) {
    const StepResult& step = attempt.steps[i];
    const PathTurn* turn = attempt.turn_of(step.step_id);
    if (!turn && !left) {
      out += walked_out_text(attempt, style);
      left = attempt.walked_out;
    }
    if (turn) out += customer_turn_text(attempt, *turn, style);
    add_step_feedback(out, step, style, turn, {i + 1, true});
  }
  if (!left) out += walked_out_text(attempt, style);
}

std::string exam_note_text(const AttemptNote& note, const Style& style) {
  if (!note.exam) return "";
  std::string out;
  if (!note.exam->counted)
    out += "  " +
           style.warn(fmt::format(fmt::runtime(tr("第 {} 次作答,超出考试允许的次数,不计入",
                                                  "attempt {}, beyond what the exam allows: not "
                                                  "counted")),
                                  note.exam->number)) +
           "\n";
  for (const auto& unmet : note.exam->unmet) out += "  " + style.bad("✗ " + unmet) + "\n";
  return out;
}

std::string exam_verdicts_text(const ExamFacts& facts, const Style& style) {
  std::string out = style.bold(fmt::format(fmt::runtime(tr("考试 {} · {}\n", "Exam {} · {}\n")),
                                           facts.exam->id, facts.exam->title));
  for (const auto& verdict : facts.verdicts) {
    out += fmt::format("  {} {}:", verdict.passed ? style.good("✓") : style.bad("✗"),
                       submitter_name(printable_line(verdict.trainee), verdict.anonymous));
    for (const auto& outcome : verdict.scenarios) {
      // Never attempted is not a score of 0: the other reports say so too.
      if (outcome.attempts == 0) {
        out += " " + style.bad(fmt::format(fmt::runtime(tr("{}(未作答)", "{} (not attempted)")),
                                           outcome.scenario_id));
        continue;
      }
      out += fmt::format(" {} {:.1f}{}", outcome.scenario_id, outcome.best_score,
                         outcome.passed ? "✓" : "✗");
    }
    out += "\n";
  }
  out += fmt::format(
      fmt::runtime(
          tr("考试汇总:{},{} 人通过,{} 人未通过\n", "Exam summary: {}, {} passed, {} failed\n")),
      counted(static_cast<long long>(facts.verdicts.size()), "人", "trainee", "trainees"),
      facts.passed(), facts.failed());
  return out;
}

std::string input_errors(std::size_t errors) {
  return counted(static_cast<long long>(errors), "处输入错误", "input error", "input errors");
}

// With nothing graded at all (a broken exam or roster, or every file bad) the run certified
// nobody: that must not read like a quiet day.
std::string rejected_warning(std::size_t errors, bool nothing_graded) {
  if (nothing_graded)
    return fmt::format(fmt::runtime(tr("{},本次什么都没有批改(见标准错误)",
                                       "{}; nothing was graded (see stderr)")),
                       input_errors(errors));
  return fmt::format(fmt::runtime(tr("{},相关文件未批改(见标准错误)",
                                     "{}; those files were not graded (see stderr)")),
                     input_errors(errors));
}

class TextWriter : public ReportWriter {
 public:
  explicit TextWriter(const Style& style) : style_(style) {}

  std::string attempt(const AttemptResult& attempt, const AttemptNote& note) override {
    const std::string who = attempt.trainee.empty() ? std::string(tr("(未署名)", "(anonymous)"))
                                                    : printable_line(attempt.trainee);
    const std::string verdict = attempt.passed ? style_.good(std::string(tr("通过", "PASSED")))
                                               : style_.bad(std::string(tr("未通过", "FAILED")));
    std::string out =
        style_.bold(fmt::format("{} · {} {}", who, attempt.scenario_id, attempt.scenario_title));
    out += fmt::format(
        fmt::runtime(tr(" — {:.1f} 分(及格线 {}) {}\n", " — {:.1f} points (pass mark {}) {}\n")),
        attempt.score, attempt.pass_mark, verdict);
    if (!attempt.file.empty())
      out += style_.dim(fmt::format("  {}", printable_line(attempt.file))) + "\n";
    if (const std::string weak = weak_steps_note(attempt); !weak.empty())
      out += "  " + style_.bad(weak) + "\n";
    if (attempt.critical_failed)
      out += "  " +
             style_.bad(std::string(tr("有关键规则未通过,本次作答不及格。",
                                       "A critical rule failed: the attempt fails."))) +
             "\n";
    for (const std::string& mistake : deciding_mistakes(attempt))
      out += "  " + style_.bad("✗ " + mistake) + "\n";
    out += exam_note_text(note, style_);
    add_steps_text(out, attempt, style_);
    out += '\n';
    return out;
  }

  std::string head(const ReportFacts&) override { return ""; }

  std::string tail(const ReportFacts& facts) override {
    const GradeSummary& summary = facts.cohort.summary();
    std::string out = fmt::format(
        fmt::runtime(tr("汇总:{},{} 份通过,{} 份未通过\n", "Summary: {}, {} passed, {} failed\n")),
        counted(summary.total, "份作答", "attempt", "attempts"), summary.passed, summary.failed);
    if (!facts.rejected.empty())
      out += style_.bad(rejected_warning(facts.rejected.problems(), summary.total == 0)) + "\n";
    if (facts.exam) out += exam_verdicts_text(*facts.exam, style_);
    return out;
  }

 private:
  Style style_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_text_writer(const Style& style) {
  return std::make_unique<TextWriter>(style);
}

}  // namespace coach
