#include <fmt/format.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>

#include "cli/answers_recording.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/countdown.hpp"
#include "cli/data_dir.hpp"
#include "cli/deferred_signals.hpp"
#include "cli/ending_signal_watch.hpp"
#include "cli/history_link.hpp"
#include "cli/history_options.hpp"
#include "cli/line_reader.hpp"
#include "cli/locale_charset.hpp"
#include "cli/old_transcripts.hpp"
#include "cli/output_paths.hpp"
#include "cli/practice_history.hpp"
#include "cli/practice_log.hpp"
#include "cli/practice_screen.hpp"
#include "cli/process_setup.hpp"
#include "cli/recording_lock.hpp"
#include "cli/scenario_groups.hpp"
#include "cli/scenario_paths.hpp"
#include "cli/session_backlog.hpp"
#include "cli/terminal.hpp"
#include "cli/terminal_signals.hpp"
#include "cli/trainee_option.hpp"
#include "cli/transcript_keeping.hpp"
#include "cli/typed_command.hpp"
#include "history/transcript_import.hpp"
#include "load/answers_loader.hpp"
#include "load/exam_loader.hpp"
#include "load/yaml_files.hpp"
#include "model/answers.hpp"
#include "session/answers_writer.hpp"
#include "session/session.hpp"
#include "text/normalizer.hpp"
#include "util/display_width.hpp"
#include "util/ending_note.hpp"
#include "util/file_io.hpp"
#include "util/i18n.hpp"
#include "util/output_file.hpp"
#include "util/system_error_text.hpp"
#include "util/utf8.hpp"

namespace coach::cli {
namespace fs = std::filesystem;

namespace {

struct PracticeOptions {
  std::string id;
  bool exam = false;
  std::string exam_file;  // `--exam FILE`: sit a whole exam
  std::string record;
  std::string trainee;
  HistoryChoice history;  // --db / --no-history given after `practice`
  // Why, without --record, the sessions directory cannot keep the transcript (found out
  // before the session, which then keeps none).
  std::optional<std::string> unkept_because;
};

// The local time to the second, as the sessions directory names its files.
std::string time_stamp() {
  const std::time_t now = std::time(nullptr);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
  return stamp;
}

// Every session's answers file is kept in the sessions directory (the menu reads them when the
// history database is off); --record writes a copy where the trainee asks.
std::string history_record_path(const std::string& scenario_id) {
  const std::string dir = sessions_dir();
  if (dir.empty()) return {};
  if (create_private_dirs(dir)) return {};
  return claim_new_file(dir, fmt::format("{}-{}-{}", time_stamp(), ::getpid(), scenario_id),
                        ".yaml");
}

// The submission of an exam being sat, written after every reply as a recording is, so a kill
// in the middle of a scenario keeps the replies of it too: the scenarios sat, then the one
// being sat as it stands.
class ExamSubmission {
 public:
  ExamSubmission(std::string path, std::string trainee) : file_(std::move(path)) {
    done_.trainee = std::move(trainee);
  }

  const AnswersRecording& file() const { return file_; }
  void save(const Attempt& current) {
    AnswersFile file = done_;
    file.attempts.push_back(current);
    const std::string text = format_answers(file);
    bytes_ = text.size();
    file_.save(text);
  }
  // How large the submission was when last written.
  std::size_t bytes() const { return bytes_; }
  // The scenario is over: the next one is written after it.
  void close(Attempt sat) { done_.attempts.push_back(std::move(sat)); }
  // Whether a scenario of the exam has been sat.
  bool begun() const { return !done_.attempts.empty(); }

 private:
  AnswersRecording file_;
  AnswersFile done_;
  std::size_t bytes_ = 0;
};

bool is_quit(const std::string& command) {
  return command == "/quit" || command == "/exit";
}

// Text the terminal sent in another character set (GBK): bytes that are not UTF-8, from a
// pipe, or the U+FFFD the line editor reads them as. Scored, it would fail as garbage; recorded,
// garbage would stand in for what was typed.
bool undecodable(std::string_view typed) {
  return utf8::find_invalid(typed) || typed.find("\uFFFD") != std::string_view::npos;
}

// The Chinese is followed by English: a terminal that is not UTF-8 shows only ASCII right.
std::string not_utf8_note() {
  return std::string(
      tr("(回答不是 UTF-8 文本,没有评分,也没有记录。请把终端或 SSH 客户端的字符编码设为 UTF-8,"
         "再重新输入。Not UTF-8: set the terminal to UTF-8 and type the reply again.)",
         "(Your reply is not UTF-8 text, so it was neither scored nor recorded. Set the terminal's "
         "or SSH client's character encoding to UTF-8 and type it again.)"));
}

// Leaving at a prompt for good (a step's, the last one's or the menu's): off its line, where the
// shell's prompt was glued to it, and the text typed there without Enter named on stderr (it is
// no reply, but must not vanish unseen).
void leave_prompt_of(LineReader& reader) {
  std::cout << "\n" << std::flush;  // the note comes after the prompt's line, not before it
  std::cerr << unsent_text_note(reader.take_unfinished());
}

class PracticeRun {
 public:
  // `reader`: the input the replies come from, shared by the scenarios of an exam (a reader
  // may have read ahead).
  // `history`: where the sessions of the command go into the history database.
  // `exam`: the exam being sat, whose pass mark and requirements decide the verdict shown;
  // `submission`: where its replies are written too.
  PracticeRun(const Rubric& rubric, const PracticeOptions& options, const Style& style,
              LineReader& reader, SessionBacklog& history, const Exam* exam = nullptr,
              ExamSubmission* submission = nullptr)
      : session_(rubric, options.trainee),
        exam_(exam),
        submission_(submission),
        options_(options),
        screen_(style, STDOUT_FILENO),
        reader_(&reader),
        log_(history, rubric) {
    const std::string kept =
        options.unkept_because ? std::string() : history_record_path(rubric.scenario().id);
    record_ = AnswersRecording(options.record.empty() ? kept : options.record);
    if (!options.record.empty()) sessions_copy_ = AnswersRecording(kept);
  }

  // `scenarios_follow`: an exam file has scenarios after this one, which a Ctrl-C after the
  // last step would give up, so it asks first there, as it does at any other prompt.
  int run(bool scenarios_follow = false) {
    scenarios_follow_ = scenarios_follow;
    if (!written_before_the_first_line()) {
      refused_ = true;
      std::cerr << tr("coach: 作答记录无法写入(原因见上方),练习没有开始。\n",
                      "coach: the transcript cannot be written (see above), so the session did "
                      "not start.\n");
      return kExitBadInput;
    }
    screen_.briefing(session_.rubric().scenario(), options_.exam);
    // An exam stops after the last step too: a slip there could not be retried, though the
    // exam's /help offers /retry (outside pass 39, finding 12). It shows no feedback there.
    bool left = false;
    while (!left) {
      left = !play_steps();
      if (left) break;
      const AfterLastStep choice = offer_final_retry();
      if (choice == AfterLastStep::retry) continue;
      stopped_at_the_end_ = choice == AfterLastStep::stop;
      break;
    }
    // A customer who walks out ends the scenario, not the trainee's session (an exam goes on).
    left_early_ = left && !session_.walked_out();
    finish();
    return reader_->read_error() != 0 ? report_read_error(reader_->read_error()) : kExitOk;
  }

  // Whether the trainee left (before the end, or with Ctrl-C, end of input or /quit after the
  // last step): an exam file then starts no further scenario. Such a key after the last step
  // went on to the next scenario (the review of pass 39).
  bool stopped() const { return left_early_ || stopped_at_the_end_; }
  // Whether the session did not start, its recording or submission being unwritable.
  bool refused() const { return refused_; }
  Attempt attempt() const { return session_.transcript().attempts.front(); }
  // The verdict shown at the end (the exam's, when sitting one) and what it missed.
  const AttemptResult& result() const { return result_; }
  const std::vector<std::string>& unmet() const { return unmet_; }
  // The answers file that holds every reply: the recording, or else the sessions copy kept
  // beside it; empty when neither does.
  std::string complete_copy() const {
    if (record_.up_to_date()) return record_.path();
    return sessions_copy_.up_to_date() ? sessions_copy_.path() : std::string();
  }

 private:
  // Standard input that cannot be read (a directory, an I/O error) ends the session as its end
  // would, with every reply so far kept; a script must still learn that its input was not read.
  static int report_read_error(int error_number) {
    std::cerr << fmt::format(
        fmt::runtime(tr("coach: 无法读取标准输入:{}。练习已结束,已答的内容已保存。\n",
                        "coach: cannot read standard input: {}. The session ended; your "
                        "replies so far are kept.\n")),
        system_error_text(error_number));
    return kExitBadInput;
  }

  // Returns false when the trainee left before the end.
  bool play_steps() {
    while (!session_.finished()) {
      show_current();
      if (!answer_current()) return false;
    }
    return true;
  }

  // The step's customer line; its clock starts here. A step come round again after a /retry
  // says that it still holds the earlier reply: a trainee who left there thought the step
  // unanswered, or answered twice (outside pass 39, the review of finding 09).
  void show_current() {
    show_customer_line();
    if (session_.kept_reply())
      screen_.note(std::string(
          tr("(这一步仍保留你先前的回答,直到你重新回答或 /skip。)",
             "(This step keeps your earlier reply until you answer it again or /skip.)")));
    asked_at_ = session_now();
  }

  // /repeat shows the line again on the same clock: it restarted the countdown and the recorded
  // seconds, in an exam too, so any time limit could be dodged (outside pass 39, finding 07).
  void show_customer_line() {
    const Scenario& scenario = session_.rubric().scenario();
    screen_.customer_line(scenario, session_.current_step(), session_.customer_line(),
                          session_.turns_played(), session_.planned_steps(),
                          {session_.mood(), scenario.customer.temper.limit});
  }

  // Reads until the current step is answered or skipped; false when the trainee leaves.
  bool answer_current() {
    const std::size_t played = session_.turns_played();
    while (session_.turns_played() == played && !session_.finished()) {
      std::string line;
      const ReadStatus status = reader_->read(screen_.prompt(), line, countdown());
      if (status == ReadStatus::end_of_input) {
        end_prompt_line();
        return false;
      }
      if (status == ReadStatus::interrupted) {
        if (confirm_leave()) return false;
        continue;
      }
      if (!handle_line(line)) return false;
    }
    return true;
  }

  // Leaving at the prompt (end of input, Ctrl-C): what follows starts on a line of its own,
  // not after "你> ".
  static void end_prompt_line() { std::cout << "\n"; }

  void leave_prompt() const { leave_prompt_of(*reader_); }

  // The current step's time limit, counting from when its prompt appeared, as the recorded
  // seconds do.
  std::optional<LiveStatus> countdown() const {
    return step_countdown(*session_.current_step().step, asked_at_, screen_.style());
  }

  bool confirm_leave() {
    std::cout << "\n";
    screen_.note(
        std::string(tr("再按一次 Ctrl-C 结束练习(已答内容会保存),或继续输入回答。",
                       "Press Ctrl-C again to stop (your replies are kept), or go on typing.")));
    std::string line;
    const ReadStatus status = reader_->read(screen_.prompt(), line, countdown());
    if (status != ReadStatus::line) {
      leave_prompt();
      return true;
    }
    if (handle_line(line)) return false;
    // `/quit` typed after the text Ctrl-C left on the line: that text is no reply either.
    std::cout << std::flush;
    std::cerr << unsent_text_note(reader_->take_unfinished());
    return true;
  }

  // What grade would refuse in the recording never gets there: controls (pasted from a
  // coloured terminal) are taken out, and a reply over the limit, or one the terminal sent in
  // another character set, is asked for again.
  std::optional<std::string> recordable(const std::string& typed) const {
    if (reader_->line_cut_short()) {
      too_long_note();
      return std::nullopt;
    }
    if (undecodable(typed)) {
      screen_.note(not_utf8_note());
      return std::nullopt;
    }
    std::string reply = trimmed_reply(utf8::without_controls(typed));
    if (reply != typed)
      screen_.note(std::string(
          tr("(回答中的控制字符已去掉。)", "(Control characters were taken out of your reply.)")));
    // Counted before it is normalised, which costs far more than counting.
    if (utf8::count_code_points(reply) > kMaxReplyCharacters) {
      too_long_note();
      return std::nullopt;
    }
    // Nothing left, or only what shows as nothing (U+200B left from a deleted paste): asked
    // again, as after a blank line, and as grading would count it unanswered.
    if (says_nothing(reply)) return std::nullopt;
    return reply;
  }

  void too_long_note() const {
    screen_.note(fmt::format(fmt::runtime(tr("回答太长(上限 {} 字),请精简后重新输入。",
                                             "That reply is too long (the limit is {} "
                                             "characters); please shorten it and answer again.")),
                             grouped(kMaxReplyCharacters)));
  }

  // Returns false on /quit.
  bool handle_line(const std::string& line) {
    if (const auto command = typed_command(line)) {
      if (is_quit(*command)) return false;
      run_command(*command);
      return true;
    }
    const std::string trimmed = trimmed_reply(line);
    if (trimmed.empty()) return true;  // a blank line, in any width of space: asked again
    const auto reply = recordable(trimmed);
    if (!reply) return true;
    const Step& step = *session_.current_step().step;
    const double seconds = std::chrono::duration<double>(session_now() - asked_at_).count();
    const StepResult result = answer_or_keep(*reply, seconds);
    save();
    // The time as judged and recorded (tenths), so the note never contradicts the verdict.
    const double judged = result.seconds.value_or(seconds);
    if (options_.exam)
      screen_.too_slow(step, judged);
    else
      screen_.feedback(result, session_.last_turn(), step, session_.turns_played(), judged,
                       !session_.walked_out());
    if (session_.walked_out()) {
      screen_.walked_out(session_.rubric().scenario());
      return false;
    }
    return true;
  }

  // Memory that runs out while a reply is scored (the patterns it wakes are compiled then)
  // ends the session, but the reply is the trainee's: the session has taken it, so the
  // recording gets it, and standard error shows it in case even that cannot be written.
  StepResult answer_or_keep(const std::string& reply, double seconds) {
    try {
      return session_.answer(reply, seconds);
    } catch (const std::bad_alloc&) {
      const std::string_view note =
          tr("内存不足,这句回答没能评分:", "Out of memory; this reply was not scored: ");
      std::fwrite(note.data(), 1, note.size(), stderr);
      std::fwrite(reply.data(), 1, reply.size(), stderr);
      std::fputc('\n', stderr);
      try {
        save();
      } catch (...) {  // it is running out that is said, once, where it is caught
      }
      throw;
    }
  }

  void run_command(const std::string& command) {
    if (command == "/help") return screen_.help(options_.exam);
    if (command == "/hint") return screen_.hint(session_.current_step());
    if (command == "/repeat") return show_customer_line();
    if (command == "/skip") {
      session_.skip();
      return save();  // a skip after /retry replaces the reply kept until then
    }
    if (command == "/model") return show_last_model_answer();
    if (command == "/retry") {
      // No show_current() here: the step went back, so answer_current() returns and
      // play_steps() shows the earlier step's line (showing it here too printed it twice).
      go_back();
      return;
    }
    screen_.note(fmt::format(fmt::runtime(tr("未知命令 {};/help 查看命令。",
                                             "unknown command {}; /help lists commands.")),
                             utf8::quote(command)));
  }

  // Every try is kept in the recording (and an exam's submission), which must stay a file
  // `coach grade` reads: past half of that, a session takes no more tries. The steps still to
  // answer then add at most kMaxSteps replies and customer lines.
  static constexpr std::size_t kMaxBytesForRetry = kMaxInputFileBytes / 2;

  // The larger of the recording and the exam's submission, as last written.
  std::size_t written_bytes() const {
    return std::max(recorded_bytes_, submission_ ? submission_->bytes() : std::size_t{0});
  }

  // Goes back to the step answered last, or says why it cannot. Returns whether it went back.
  bool go_back() {
    if (written_bytes() > kMaxBytesForRetry) {
      screen_.note(fmt::format(
          fmt::runtime(tr("作答记录已有 {:.1f} MB,这次练习不能再重答:记录要保持在 coach grade "
                          "能读的 16 MiB 以内。请接着往下答。",
                          "The transcript is already {:.1f} MB, so this session takes no more "
                          "tries: it must stay within the 16 MiB coach grade reads. Go on.")),
          static_cast<double>(written_bytes()) / (1 << 20)));
      return false;
    }
    const Session::Retry retried = session_.retry();
    if (retried == Session::Retry::nothing_answered)
      screen_.note(std::string(tr("还没有可以重答的步骤。", "Nothing to answer again yet.")));
    if (retried == Session::Retry::tries_used_up)
      screen_.note(fmt::format(
          fmt::runtime(
              tr("上一步已经重答了 {} 次,这次练习不能再重答;请接着往下答,"
                 "或另开一次练习再来。",
                 "The previous step has been answered again {} times, the most one session "
                 "keeps; go on, or practise it again in a new session.")),
          kMaxEarlierTries));
    return retried == Session::Retry::went_back;
  }

  // Labelled with the step it answers: at step 3 the model answer of step 2 was taken for the
  // answer to the question on the screen.
  void show_last_model_answer() const {
    if (options_.exam)
      return screen_.note(
          std::string(tr("考试模式不显示示范回答。", "Exam mode shows no model answers.")));
    const CompiledStep* last = session_.last_answered();
    if (!last)
      return screen_.note(std::string(tr("还没有回答过任何一步。", "No step answered yet.")));
    screen_.model_answer(*last->step, session_.turns_played());
  }

  enum class AfterLastStep { summary, retry, stop };

  // After the last step: one more chance to redo it.
  AfterLastStep offer_final_retry() {
    screen_.note(
        std::string(tr("按回车查看总结,或输入 /retry 重答最后一步。",
                       "Press Enter for the summary, or /retry to answer the last step again.")));
    bool asked_before_stopping = false;
    for (;;) {
      std::string line;
      const ReadStatus status = reader_->read(screen_.prompt(), line);
      if (status == ReadStatus::interrupted && scenarios_follow_ && !asked_before_stopping) {
        asked_before_stopping = true;
        ask_before_stopping_the_exam();
        continue;
      }
      if (status != ReadStatus::line) {
        leave_prompt();
        return AfterLastStep::stop;
      }
      const auto command = typed_command(line);
      if (!command && trimmed_reply(line).empty()) return AfterLastStep::summary;
      if (command == "/retry") {
        if (go_back()) return AfterLastStep::retry;
        continue;
      }
      if (command && is_quit(*command)) return AfterLastStep::stop;
      if (command == "/model") {
        show_last_model_answer();
      } else if (command) {
        screen_.note(options_.exam
                         ? std::string(tr("这里可以:回车查看总结;/retry 重答最后一步;/quit 结束。",
                                          "Here: Enter for the summary; /retry to answer the "
                                          "last step again; /quit to stop."))
                         : std::string(tr("这里可以:回车查看总结;/retry 重答最后一步;/model "
                                          "看示范回答;/quit 结束。",
                                          "Here: Enter for the summary; /retry to answer the "
                                          "last step again; /model for its model answer; /quit "
                                          "to stop.")));
      } else {
        refuse_reply_after_the_end(line);
      }
    }
  }

  void ask_before_stopping_the_exam() const {
    std::cout << "\n";
    screen_.note(std::string(
        tr("再按一次 Ctrl-C 结束考试(已答内容会保存),后面的场景不再开始;按回车查看这个场景的总结,"
           "接着考下一个。",
           "Press Ctrl-C again to stop the exam (your replies are kept) without starting the "
           "scenarios after this one; press Enter for this scenario's summary and go on to the "
           "next.")));
  }

  // Every step is answered: text typed here is no reply to anything. It was dropped without a
  // word; now the trainee is told, and stderr keeps it, as it keeps text left without Enter.
  void refuse_reply_after_the_end(const std::string& text) const {
    if (text.empty()) return;
    screen_.note(std::string(
        tr("(每一步都已答完,这段话没有评分,也没有记录。要重答最后一步,先输入 /retry;"
           "按回车查看总结。)",
           "(Every step is answered: that was neither scored nor recorded. To answer the last "
           "step again, type /retry first; press Enter for the summary.)")));
    std::cout << std::flush;  // the note comes after the screen's, not before it
    std::cerr << fmt::format(fmt::runtime(tr("coach: 这段文字在全部答完后输入,没有记录:{}\n",
                                             "coach: this text was typed after the last step, "
                                             "so it was not recorded: {}\n")),
                             utf8::show_name(text));
  }

  // The recording (and an exam's submission) written once before the first line: `--record`
  // was checked by name before anything else was opened, and only now, with the history, the
  // line reader and the signal pipes holding their descriptors, does a write show whether the
  // session can keep what is typed (a low `ulimit -n` left it none, and every reply was lost).
  // The sessions copy without --record is warned about as a sessions folder that cannot be
  // written is; the history may still keep the replies.
  bool written_before_the_first_line() {
    const DeferredSignals not_now;
    write_answers();
    const bool record_failed = !options_.record.empty() && !record_.up_to_date();
    // Once the exam has begun, a submission that can no longer be written is said, and the
    // exam goes on: the sessions directory keeps every scenario's replies.
    const bool submission_failed = submission_ && !submission_->begun() &&
                                   !submission_->file().path().empty() &&
                                   !submission_->file().up_to_date();
    return !record_failed && !submission_failed;
  }

  // The recording and the history after every reply, so a killed session keeps them.
  void save(bool finished = false) {
    const DeferredSignals not_now;
    write_answers();
    log_.save(session_, complete_copy(), finished);
  }

  // The session's replies so far into the recording, the sessions copy and an exam's submission.
  void write_answers() {
    const AnswersFile answers = session_.transcript();
    const std::string transcript = format_answers(answers);
    recorded_bytes_ = transcript.size();
    record_.save(transcript);
    sessions_copy_.save(transcript);
    if (submission_) submission_->save(answers.attempts.front());
    set_ending_note(kept_note());
  }

  // Where the replies are, said when a signal ends the session, as its end says it (outside pass
  // 49, finding 07: SIGTERM left the bare prompt, and the sessions copy was the only one).
  std::string kept_note() const {
    const AnswersRecording& kept = submission_ ? submission_->file() : record_;
    if (!kept.path().empty()) return "coach: " + recording_note(kept, complete_copy()) + "\n";
    if (sessions_copy_.up_to_date())
      return "coach: " + recording_note(sessions_copy_, complete_copy()) + "\n";
    return "";
  }

  void finish() {
    save(true);
    if (left_early_) screen_.note(early_end_note());
    result_ = session_.result();
    if (exam_) unmet_ = apply_exam(*exam_, session_.rubric(), result_);
    screen_.summary(result_, options_.exam, session_.rubric().scenario().customer.temper.limit,
                    unmet_);
    if (!record_.path().empty())
      screen_.note(recording_note(record_, complete_copy()));
    else if (!submission_)  // an exam's scenarios are kept in its submission
      screen_.note(unkept_transcript_note(options_.unkept_because
                                              ? *options_.unkept_because
                                              : sessions_dir_problem().value_or("")));
  }

  std::string early_end_note() const {
    if (record_.up_to_date())
      return std::string(tr("练习提前结束,已答的内容已保存。",
                            "Session ended early; your replies so far are kept."));
    return std::string(tr("练习提前结束。", "Session ended early."));
  }

  Session session_;
  const Exam* exam_;
  ExamSubmission* submission_;
  AttemptResult result_;
  std::size_t recorded_bytes_ = 0;  // the transcript as last written
  std::vector<std::string> unmet_;
  const PracticeOptions& options_;
  PracticeScreen screen_;
  LineReader* reader_;
  PracticeLog log_;
  AnswersRecording record_;         // --record, or else the copy in the sessions directory
  AnswersRecording sessions_copy_;  // beside --record
  bool left_early_ = false;
  bool stopped_at_the_end_ = false;
  bool scenarios_follow_ = false;
  bool refused_ = false;
  std::chrono::steady_clock::time_point asked_at_ = session_now();
};

std::vector<const Rubric*> menu_order(const ScenarioLibrary& library) {
  std::vector<const Rubric*> rubrics;
  for (const auto& group : group_scenarios(library.rubrics(), Grouping::document)) {
    rubrics.insert(rubrics.end(), group.members.begin(), group.members.end());
  }
  return rubrics;
}

// The menu is wrapped to the window as the briefing is: a title wrapped by the terminal went on
// at column 0, under the numbers. A wrapped entry goes on under its title.
void print_menu(const ScenarioLibrary& library, const PracticeHistory& history,
                const Style& style) {
  const std::size_t columns = terminal_columns(STDOUT_FILENO);
  constexpr std::size_t kTitleColumn = 7;  // " ✓ 12. "
  std::string menu = style.bold(std::string(tr("选择要练习的场景(✓ 已通过):",
                                               "Choose a scenario to practise (✓ passed):"))) +
                     "\n";
  std::size_t number = 0;
  for (const auto& group : group_scenarios(library.rubrics(), Grouping::document)) {
    menu += wrap_text(style.warn(group.title) + "\n", columns);
    for (const Rubric* rubric : group.members) {
      const Scenario& s = rubric->scenario();
      const std::string mark = history.passed.count(s.id) ? style.good("✓") : " ";
      const std::string type = s.customer.type.empty() ? "" : ", " + s.customer.type;
      const std::string entry = fmt::format(" {} {:>2}. {} {}\n", mark, ++number, s.title,
                                            style.dim(fmt::format("({}{})", s.id, type)));
      // wrap_text indents by the entry's own leading spaces (more without a ✓) and then some.
      const std::size_t own = entry.find_first_not_of(' ');
      menu += wrap_text(entry, columns, kTitleColumn - std::min(own, kTitleColumn));
    }
  }
  std::cout << menu;
}

void print_suggestion(const PracticeHistory& history, const Rubric* suggested, const Style& style) {
  if (!suggested) return;
  const auto weakest = history.weakest_stage();
  const std::string why =
      weakest ? fmt::format(fmt::runtime(tr("(你最弱的阶段:{})", " (your weakest stage: {})")),
                            stage_label(*weakest))
              : "";
  std::cout << style.good(fmt::format(fmt::runtime(tr("建议下一个:{}{}", "Suggested next: {}{}")),
                                      suggested->scenario().id, why))
            << style.dim(std::string(tr("  直接回车即选它", "  press Enter to take it"))) << "\n";
}

// The scenario a menu choice names, by id or by its number in the menu (`rubrics`).
const Rubric* menu_choice(const std::string& choice, const ScenarioLibrary& library,
                          const std::vector<const Rubric*>& rubrics) {
  if (const Rubric* found = library.find(choice)) return found;
  char* end = nullptr;
  const long number = std::strtol(choice.c_str(), &end, 10);
  if (end == choice.c_str() || *end != '\0' || number < 1 ||
      number > static_cast<long>(rubrics.size()))
    return nullptr;
  return rubrics[static_cast<std::size_t>(number - 1)];
}

// The menu numbers scenarios in the order shown: grouped by source document.
const Rubric* choose_scenario(const ScenarioLibrary& library, const Style& style,
                              LineReader& reader, HistoryLink& link, const std::string& trainee) {
  const PracticeHistory history = read_practice_history(link, trainee, library);
  const std::vector<const Rubric*> rubrics = menu_order(library);
  const Rubric* suggested = suggest_next(history, rubrics);
  print_menu(library, history, style);
  print_suggestion(history, suggested, style);
  for (;;) {
    std::string line;
    if (reader.read(std::string(tr("编号或 id> ", "number or id> ")), line) != ReadStatus::line) {
      leave_prompt_of(reader);
      return nullptr;
    }
    const std::string choice = folded_choice(line);
    if (choice.empty() && suggested) return suggested;
    if (is_quit(choice)) return nullptr;
    if (choice == "/help") {
      std::cout << tr("输入列表中的编号或场景 id 开始练习;直接回车选建议的场景;/quit 退出。\n",
                      "Type a number or a scenario id from the list to start; Enter takes the "
                      "suggestion; /quit leaves.\n");
    } else if (const Rubric* found = menu_choice(choice, library, rubrics)) {
      return found;
    } else {
      std::cout << fmt::format(
          fmt::runtime(tr("请输入 1–{} 的编号或列表中的场景 id(/quit 退出)。\n",
                          "Type a number from 1 to {} or a scenario id from "
                          "the list (/quit leaves).\n")),
          rubrics.size());
    }
  }
}

// `--record`, or else a file in the sessions directory (none without a data directory).
std::string exam_submission_path(const Exam& exam, const PracticeOptions& options) {
  if (!options.record.empty() || sessions_dir().empty()) return options.record;
  create_private_dirs(sessions_dir());
  return claim_new_file(sessions_dir(),
                        fmt::format("exam-{}-{}-{}", exam.id, time_stamp(), ::getpid()), ".yaml");
}

// Sits every scenario of an exam in turn, in exam mode, and writes one submission file with
// an attempt per scenario (after every reply, so nothing is lost) for `coach grade --exam`.
int sit_exam(const ScenarioLibrary& library, const PracticeOptions& options, const Style& style,
             SessionBacklog& history) {
  Diagnostics problems;
  const auto exam = load_exam_file(options.exam_file, problems, &library);
  if (!problems.empty()) {
    print_diagnostics(problems);
    return kExitBadInput;
  }
  ExamSubmission submission(exam_submission_path(*exam, options), options.trainee);
  PracticeOptions each = options;
  each.exam = true;
  each.record.clear();
  const auto reader = make_line_reader();
  ExamTally tally(*exam);
  bool transcripts_kept = true;  // each scenario's, in the sessions directory
  const PracticeScreen screen(style, STDOUT_FILENO);
  std::size_t number = 0;
  for (const auto& scenario_id : exam->scenario_ids) {
    screen.exam_part(*exam, ++number, exam->scenario_ids.size());
    PracticeRun run(*library.find(scenario_id.text), each, style, *reader, history, &*exam,
                    &submission);
    run.run(number < exam->scenario_ids.size());
    if (run.refused()) return kExitBadInput;
    submission.close(run.attempt());
    tally.record(run.result(), run.unmet());
    transcripts_kept = transcripts_kept && !run.complete_copy().empty();
    if (run.stopped()) break;
  }
  const auto verdicts = tally.verdicts();
  if (!verdicts.empty()) screen.exam_verdict(*exam, verdicts.front());
  if (submission.file().up_to_date()) {
    std::cout << fmt::format(
        fmt::runtime(tr("考试提交文件:{}(用 coach grade --exam {} 批改)\n",
                        "Exam submission: {} (grade it with coach grade --exam {})\n")),
        submission.file().path(), options.exam_file);
  } else if (!submission.file().path().empty()) {
    std::cout << unfinished_submission_note(submission.file(),
                                            transcripts_kept ? sessions_dir() : std::string())
              << "\n";
  }
  // PracticeRun::run() has said why the input could not be read.
  return reader->read_error() != 0 ? kExitBadInput : kExitOk;
}

// "PATH: 无法写入: WHY", as every refused recording is said.
std::string cannot_record_text(const std::string& path, std::string_view why) {
  return fmt::format("{}: {}: {}", utf8::escape_controls_in_line(path),
                     tr("无法写入", "cannot write"), why);
}

// A recording is written anew, whole, after every reply: a FIFO or a socket would give its
// reader copy after copy run together (or nothing, once the reader has gone), and a device
// keeps nothing; neither is ever one answers file that grade can read.
std::optional<std::string> not_a_file_problem(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  if (S_ISFIFO(info.st_mode) || S_ISSOCK(info.st_mode))
    return cannot_record_text(
        path, tr("作答记录每答一句就整份重写,不能写入管道(FIFO)或套接字;请写入普通文件",
                 "a recording is written anew after every reply, so it cannot go to a "
                 "pipe (FIFO) or socket; record to a regular file"));
  // /dev/null took the session, which then ended "saved, grade it with coach grade" (outside
  // pass 48, finding 05).
  if (S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode))
    return cannot_record_text(
        path, tr("这是设备,不是文件,写进去的作答记录无法再批改;请写入普通文件"
                 "(不写 --record 时,记录也会保存在 sessions 文件夹里)",
                 "it is a device, not a file, and a recording written there could not be "
                 "graded; record to a regular file (without --record, the transcript is kept "
                 "in the sessions folder)"));
  return std::nullopt;
}

// A file already at the recording's path that is no recording of this practice (an exam, a
// scenario, another scenario's submission) would be replaced by the first reply: a mistyped
// name cost somebody's file (outside pass 48, finding 06). `scenario` is empty where the
// scenario is not known yet (a menu) or is several (an exam): any answers file may go then.
std::optional<std::string> replaced_file_problem(const std::string& path,
                                                 const std::string& scenario) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode) || info.st_size == 0)
    return std::nullopt;
  Diagnostics ignored;
  const auto answers = load_answers_file(path, ignored);
  const bool same_practice =
      answers &&
      std::all_of(answers->attempts.begin(), answers->attempts.end(), [&](const Attempt& attempt) {
        return scenario.empty() || attempt.scenario_id == scenario;
      });
  if (same_practice) return std::nullopt;
  return cannot_record_text(
      path, tr("这个文件已经存在,而且不是这个练习的作答记录(可能是考试、场景或别的场景的答案文件),"
               "作答记录会整份覆盖它;请换一个文件名,或先把它移走",
               "the file is there already and is no recording of this practice (an exam, a "
               "scenario, or answers to another scenario), which the recording would replace "
               "whole; choose another name, or move the file first"));
}

// The session's screen is standard output: a recording there, rewritten whole after every
// reply, would replace the file the screen goes to (the rest of the session then going to a
// file that is no longer there) or run into the screen, never one answers file.
std::optional<std::string> screen_problem(const std::string& path) {
  if (!is_stdout(path)) return std::nullopt;
  return cannot_record_text(
      path, tr("这是标准输出,练习的画面也写在那里;作答记录每答一句就整份重写,请写入另一个普通文件",
               "it is standard output, where the session's screen goes; a recording is "
               "written anew after every reply, so record to another regular file"));
}

// A recording among the scenarios would be read back as a broken scenario by every later
// command: `grade` of any cohort would stop at it (exit 2). The scenario folder, any folder
// below it, and the folders of lexicons and customer types read with it are refused.
std::optional<std::string> scenario_folder_problem(const ScenarioLibrary& library_in_use,
                                                   const Context& context,
                                                   const std::string& record) {
  const std::vector<std::string> library = library_folders(library_in_use, context);
  if (const auto folder =
          folder_holding_output(record, std::vector<fs::path>(library.begin(), library.end()))) {
    return fmt::format(
        fmt::runtime(tr("{}: 作答记录不能写在场景文件夹 {} 里:那里的文件会被当作场景读取,"
                        "之后每次批改都会出错;请写到别处",
                        "{}: a recording cannot go into the scenario folder {}: files there are "
                        "read as scenarios, and every later grading would fail; record somewhere "
                        "else")),
        utf8::escape_controls_in_line(record), utf8::show_name(folder->string()));
  }
  return std::nullopt;
}

// A recording over the scenario being practised, a lexicon or the exam would destroy it; one
// that cannot be written is refused before the session, not found out after the first reply.
std::optional<std::string> record_problem(const ScenarioLibrary& library, const Context& context,
                                          const PracticeOptions& options) {
  if (options.record.empty()) return std::nullopt;
  if (auto problem = screen_problem(options.record)) return problem;
  std::vector<std::string> inputs = library_files(library);
  if (!options.exam_file.empty()) inputs.push_back(options.exam_file);
  if (auto problem = output_paths_problem({options.record}, inputs,
                                          history_output(context.history, options.history)))
    return problem;
  if (auto problem = scenario_folder_problem(library, context, options.record)) return problem;
  if (auto problem = not_a_file_problem(options.record)) return problem;
  if (auto problem = replaced_file_problem(options.record, options.exam ? "" : options.id))
    return problem;
  try {
    check_output_file(options.record);
  } catch (const std::bad_alloc&) {
    throw;  // said as running out, not as a file that cannot be written
  } catch (const std::exception& e) {
    return e.what();
  }
  return std::nullopt;
}

// Without --record, the transcript goes to the sessions directory: one that cannot take it is
// found out before the session, as a --record file is. An exam, whose submission is all it
// leaves, does not start; a practice session is told that it will keep nothing.
void check_default_transcript_place(PracticeOptions& options) {
  if (!options.record.empty()) return;
  options.unkept_because = sessions_dir_problem();
  if (!options.unkept_because) return;
  if (!options.exam_file.empty())
    throw std::runtime_error(unkept_submission_refusal(*options.unkept_because));
  std::cerr << unkept_transcript_warning(*options.unkept_because);
}

// A scenario (chosen from the menu, unless named), or a whole exam.
int practise_or_sit(const ScenarioLibrary& library, const PracticeOptions& options,
                    const Style& style, HistoryLink& link, SessionBacklog& history) {
  if (!options.exam_file.empty()) return sit_exam(library, options, style, history);
  // One reader for the menu and the session: reading from a pipe, it may have read ahead.
  const auto reader = make_line_reader();
  const Rubric* rubric = options.id.empty()
                             ? choose_scenario(library, style, *reader, link, options.trainee)
                             : library.find(options.id);  // known: practice() checked it
  if (!rubric) return kExitOk;
  return PracticeRun(*rubric, options, style, *reader, history).run();
}

int practice(const Context& context, PracticeOptions& options) {
  Diagnostics diagnostics;
  const ScenarioLibrary& library = load_library({}, context, diagnostics);
  print_diagnostics(diagnostics);
  if (!library.shared_files_sound()) {
    std::cerr << "coach: " << shared_files_broken_text() << "\n";
    return kExitBadInput;
  }
  if (options.exam) count_time_stopped();
  if (options.exam_file.empty() && !options.id.empty() && !library.find(options.id)) {
    std::cerr << unknown_scenario_message(options.id, library, diagnostics);
    return kExitBadInput;
  }
  // Locked before the recording is looked at: the look opens it, and one written in place (a
  // folder that takes no new file) is emptied by that, under the session that holds it.
  RecordingLock recording_lock(options.record);
  if (recording_lock.taken_by_another())
    throw std::runtime_error(fmt::format(
        fmt::runtime(tr("{}: 另一个练习正在往这个文件写作答记录;请用 --record 换一个文件",
                        "{}: another session is recording to this file; choose another with "
                        "--record")),
        utf8::show_name(options.record)));
  if (const auto& failure = recording_lock.cannot_lock())
    throw std::runtime_error(fmt::format(
        fmt::runtime(tr("{}: 无法给作答记录加锁({}:{}),另一个练习可能同时往这个文件写而互相覆盖;"
                        "请用 --record 换一个文件",
                        "{}: cannot lock the recording ({}: {}), so another session could "
                        "record over it unseen; choose another file with --record")),
        utf8::show_name(options.record), utf8::show_name(failure->path),
        system_error_text(failure->error)));
  if (const auto problem = record_problem(library, context, options))
    throw std::runtime_error(*problem);
  check_default_transcript_place(options);
  const Style style = style_for(context, 1);
  if (const auto charset = non_utf8_charset())
    std::cerr << charset_warning(*charset, Shown::while_typing);
  const auto database = history_path(context.history, options.history);
  HistoryLink link(database);
  if (database && is_own_history(*database))
    link.write([&](history::HistoryStore& store) { import_old_transcripts(store, library); });
  SessionBacklog history(link);
  EndingSignalWatch on_kill([&history, &recording_lock](bool every_reply_taken) {
    history.retry();
    std::cerr << history.closing_note(every_reply_taken);
    recording_lock.let_go();
  });
  // Held since coach started for the watch to take; without one, they must end coach as ever.
  if (!on_kill.watching()) release_ending_signals();
  const int status = practise_or_sit(library, options, style, link, history);
  on_kill.end_if_signalled();  // one that came as the session ended still ends coach
  std::cerr << history.closing_note();
  return status;
}

bool names_a_path(std::string_view word) {
  return word.find('/') != std::string_view::npos || is_yaml_name(std::string(word));
}

// An exam file plays its own scenarios in its own order: an ID beside it was dropped without a
// word, an unknown one too.
std::string id_beside_exam_file_text(const std::string& id) {
  return fmt::format(
      fmt::runtime(tr("考试文件自带要考的场景,不能再给场景 ID `{}`:考整套考试就去掉 ID;只用考试"
                      "模式练这一个场景就写 --exam 不跟文件",
                      "an exam file plays its own scenarios, so no scenario id (`{}`) goes with "
                      "it: leave the id out to sit the exam, or give --exam without a file to "
                      "sit that one scenario in exam mode")),
      utf8::quote(id));
}

// `--exam` alone is exam mode; CLI11 hands it over as this, so that `--exam ""` (an unset
// variable meant to name the exam file) can be told apart and refused.
constexpr std::string_view kExamWithoutFile = "\x01exam mode";

}  // namespace

Action add_practice_command(CLI::App& app, const Context& context) {
  auto options = std::make_shared<PracticeOptions>();
  auto* cmd = app.add_subcommand(
      "practice",
      std::string(tr("练习一个场景(不写 ID 则显示菜单)", "practise a scenario (no ID: a menu)")));
  cmd->add_option(std::string(tr("场景ID", "ID")), options->id,
                  std::string(tr("场景 id", "scenario id")))
      ->type_name("");
  auto* exam =
      cmd->add_option(
             "--exam",
             [options](const CLI::results_t& values) {
               for (const std::string& value : values) {
                 if (value.empty()) throw CLI::ValidationError("--exam", empty_path_text());
                 options->exam_file = value == kExamWithoutFile ? std::string() : value;
               }
               return true;
             },
             std::string(tr(
                 "考试模式:结束前不显示评分;跟考试文件则依次考完其中全部场景",
                 "exam mode: no feedback until the end; with an exam file, sit all its scenarios")))
          ->expected(0, 1)
          ->default_str(std::string(kExamWithoutFile))
          ->option_text(std::string(tr("[考试文件]", "[EXAM_FILE]")));
  cmd->add_option(
         "--record", options->record,
         std::string(tr("把作答记录写成答案文件", "write the transcript as an answers file")))
      ->type_name(std::string(tr("文件", "FILE")))
      ->check(non_empty_path("--record"));
  cmd->add_option("--trainee", options->trainee,
                  std::string(tr("学员姓名(写入记录)", "trainee name (written to the record)")))
      ->type_name(std::string(tr("姓名", "NAME")))
      ->envname("COACH_TRAINEE");
  add_history_options(*cmd, options->history, false);
  return [&context, options, exam] {
    options->trainee = checked_trainee(std::move(options->trainee));
    options->exam = exam->count() > 0;
    // `practice --exam missing-balance`: the word after --exam is the scenario, not a file. A
    // word that names a path, or one beside an ID, is an exam file, and loading it says what is
    // wrong: a mistyped path once started a plain session, or was called an unknown scenario.
    std::error_code ec;
    if (!options->exam_file.empty() && !fs::is_regular_file(options->exam_file, ec) &&
        options->id.empty() && !names_a_path(options->exam_file)) {
      options->id = options->exam_file;
      options->exam_file.clear();
    }
    // An exam file that is not there is named first: loading it says so.
    if (!options->exam_file.empty() && !options->id.empty() && fs::exists(options->exam_file, ec))
      throw std::runtime_error(id_beside_exam_file_text(options->id));
    return practice(context, *options);
  };
}

}  // namespace coach::cli
