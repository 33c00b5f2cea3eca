// Replies typed at a terminal, edited with libedit: cursor movement and deletion by character
// (wide characters included), history of earlier replies on up/down, and a multi-line paste
// taken as one reply. A live status (a step's countdown) is part of the prompt, and libedit
// redraws it with the line, so what is typed, the cursor and the wrapping stay libedit's own.
// A SIGTERM, SIGHUP or Ctrl-\ takes the lines already typed first (see EndingSignalWatch).
#include <histedit.h>
#include <langinfo.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <utility>

#include "cli/canonical_typeahead.hpp"
#include "cli/ending_signal_watch.hpp"
#include "cli/interrupts.hpp"
#include "cli/line_reader.hpp"
#include "cli/live_prompt.hpp"
#include "cli/prompt_resize.hpp"
#include "cli/saved_terminal.hpp"
#include "cli/terminal_keys.hpp"
#include "cli/terminal_signals.hpp"
#include "cli/typeahead_keeper.hpp"
#include "cli/typed_command.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach::cli {
namespace {

// How long after a line the next one must arrive to count as part of the same paste, where the
// terminal is not asked to mark pastes.
constexpr int kPasteGapMilliseconds = 15;
constexpr int kHistorySize = 200;
// How long after an Esc the rest of a key's escape sequence may come: its bytes are sent
// together, and a lone Esc (a meta key) must not wait noticeably.
constexpr int kEscapeGapMilliseconds = 25;

// Handed to libedit instead of a keystroke when the live status is due to change, and bound to
// a redraw. Ctrl-^ is unbound among libedit's emacs keys and no terminal key sends it alone.
constexpr wchar_t kTick = L'\x1e';
constexpr wchar_t kEndOfInput = L'\x04';  // Ctrl-D

// After these keys libedit reads the next character as part of the same command (Esc: a meta
// key; Ctrl-V: quoted insert; Ctrl-X: a key sequence): no tick until it comes.
bool takes_next_character(wchar_t c) {
  return c == L'\x1b' || c == L'\x16' || c == L'\x18';
}

// libedit decodes keystrokes with the C library's multibyte functions: they must speak UTF-8
// even when the environment's locale does not.
void ensure_utf8_ctype() {
  std::setlocale(LC_CTYPE, "");
  if (std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0) std::setlocale(LC_CTYPE, "C.UTF-8");
}

std::wstring to_wide(const std::string& text) {
  std::wstring out;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = utf8::decode(text, pos);
    if (cp != utf8::kInvalid) out += static_cast<wchar_t>(cp);
  }
  return out;
}

std::string to_utf8(const wchar_t* text) {
  std::string out;
  for (; *text != L'\0'; ++text) utf8::append(out, static_cast<char32_t>(*text));
  return out;
}

// The prompt may carry colour: libedit must be told which bytes take no column. It draws such
// a sequence with the visible character after it, and drops one that has none, so sequences
// after the last visible character (the reset that ends a bold "你> ") go before the spaces.
std::wstring mark_invisible(const std::string& prompt) {
  std::wstring out;
  std::wstring pending;  // spaces and sequences since the last visible character, in order
  std::wstring pending_sequences;
  std::wstring sequence;
  for (wchar_t c : to_wide(prompt)) {
    if (c == L'\x1b' || !sequence.empty()) {
      sequence += c;
      if (c != L'm') continue;
      const std::wstring marked = L'\1' + sequence + L'\1';
      pending += marked;
      pending_sequences += marked;
      sequence.clear();
    } else if (c == L' ') {
      pending += c;
    } else {
      out += pending + c;
      pending.clear();
      pending_sequences.clear();
    }
  }
  const std::size_t spaces = pending.size() - pending_sequences.size();
  return out + pending_sequences + std::wstring(spaces, L' ') + sequence;
}

// Reads one character for libedit, but gives up as soon as Ctrl-C is pressed, even when the
// press came before libedit started reading (the self-pipe is watched beside the terminal).
int read_character(EditLine* editor, wchar_t* out);

// Characters decoded from the terminal's bytes, a malformed one as U+FFFD (which the session
// refuses to score). A byte that cannot continue the character begun before it (GBK typed at a
// UTF-8 reader) starts the next one instead of being swallowed with the broken one: the Enter
// after a broken character must still end the line.
class Utf8Keys {
 public:
  // Bytes read from the terminal before it was handed to libedit, to be read first.
  void read_first(std::string bytes) { early_ = std::move(bytes); }
  // Whether a byte is already read: the next character needs no wait for the terminal.
  bool holds_byte() const { return held_.has_value() || next_early_ < early_.size(); }
  // One character into `out`: 1, or 0 at the end of input.
  int read(wchar_t* out);

 private:
  bool next_byte(unsigned char& byte);
  std::optional<unsigned char> held_;  // read past the end of a broken character
  std::string early_;
  std::size_t next_early_ = 0;
};

// What the tick is bound to: the prompt (with its new status) and the line are drawn again from
// the start. Not CC_REFRESH: it rewrites only the cells that changed, and a changed digit would
// lose the colour that libedit keeps with the cell where the colour starts.
unsigned char redraw_status(EditLine*, wint_t) {
  return CC_REDISPLAY;
}

// Whether libedit edits at all: not with TERM=emacs, where it leaves the terminal as it is.
bool edits(EditLine* editor) {
  int editing = 0;
  el_get(editor, EL_EDITMODE, &editing);
  return editing != 0;
}

// Whether libedit can draw the line again in place: it edits at all, and the terminal can clear
// to the end of a line and move up (a dumb one cannot; libedit would start a new line at every
// tick).
bool can_redraw_in_place(EditLine* editor) {
  char* clear_to_end = nullptr;
  char* up = nullptr;
  el_get(editor, EL_GETTC, "ce", &clear_to_end);
  el_get(editor, EL_GETTC, "up", &up);
  return edits(editor) && clear_to_end != nullptr && up != nullptr;
}

// The key the terminal turns into SIGINT (Ctrl-C, unless `stty intr` chose another); none when
// it has none. Asked before libedit takes the terminal and sets its own modes.
std::optional<wchar_t> terminal_interrupt_key() {
  termios settings{};
  if (::tcgetattr(STDIN_FILENO, &settings) != 0) return std::nullopt;
  const cc_t key = settings.c_cc[VINTR];
  if (key == _POSIX_VDISABLE) return std::nullopt;
  return static_cast<wchar_t>(key);
}

// The terminal's settings before coach changes them; none when it has none.
std::optional<termios> terminal_settings() {
  termios settings{};
  if (::tcgetattr(STDIN_FILENO, &settings) != 0) return std::nullopt;
  return settings;
}

// Up and down bring back replies: commands (/retry) and blank lines came back among them.
bool worth_recalling(const std::string& line) {
  return !typed_command(line) && !trimmed_reply(line).empty();
}

bool byte_arrives_within(int milliseconds) {
  pollfd watched{STDIN_FILENO, POLLIN, 0};
  return ::poll(&watched, 1, milliseconds) > 0 && (watched.revents & POLLIN) != 0;
}

bool more_input_arrives_soon() {
  return byte_arrives_within(kPasteGapMilliseconds);
}

// The terminal marks pastes while the prompt reads, and only then: the marks must reach neither
// the shell (Ctrl-Z, the end) nor a paste made while coach is busy, which is typed ahead.
class PasteMarks {
 public:
  explicit PasteMarks(bool wanted) : on_(wanted) {
    if (on_) mark_pastes(true);
  }
  ~PasteMarks() {
    if (on_) mark_pastes(false);
  }
  PasteMarks(const PasteMarks&) = delete;
  PasteMarks& operator=(const PasteMarks&) = delete;

 private:
  bool on_;
};

// libedit, with what it says of the terminal while starting in coach's words: it warned in
// English of a TERM it does not know (TERM=emacs, a terminal the server lacks), in a session
// that is otherwise Chinese. Its errors after that go to stderr as before.
EditLine* start_editor() {
  char* said = nullptr;
  std::size_t size = 0;
  std::FILE* captured = ::open_memstream(&said, &size);
  EditLine* editor = el_init("coach", stdin, stdout, captured ? captured : stderr);
  if (!captured) return editor;
  el_set(editor, EL_SETFP, 2, stderr);
  std::fclose(captured);
  const std::string text(said ? said : "", size);
  std::free(said);
  if (text.find("No entry for terminal type") != std::string::npos) {
    const char* term = std::getenv("TERM");
    std::cerr << fmt::format(
        fmt::runtime(tr("coach: 不认识终端类型 {},输入按最简单的终端编辑(颜色照常)。\n",
                        "coach: unknown terminal type {}, so lines are edited as on the simplest "
                        "terminal (colours stay).\n")),
        utf8::escape_controls_in_line(term ? term : ""));
  } else if (!text.empty()) {
    std::cerr << text;
  }
  return editor;
}

class EditLineReader : public LineReader {
 public:
  EditLineReader() : interrupt_key_(terminal_interrupt_key()) {
    const std::optional<termios> found = terminal_settings();
    if (found) remember_terminal(*found);  // given back by any signal that ends coach
    ensure_utf8_ctype();
    editor_ = start_editor();
    history_ = history_winit();
    history_w(history_, &event_, H_SETSIZE, kHistorySize);
    el_wset(editor_, EL_EDITOR, L"emacs");
    el_wset(editor_, EL_HIST, history_w, history_);
    el_wset(editor_, EL_CLIENTDATA, this);
    el_wset(editor_, EL_PROMPT_ESC, &EditLineReader::prompt_of, L'\1');
    el_wset(editor_, EL_GETCFN, &read_character);
    el_wset(editor_, EL_ADDFN, L"coach-redraw-status", L"redraw the countdown", &redraw_status);
    el_wset(editor_, EL_BIND, L"^^", L"coach-redraw-status", nullptr);
    live_statuses_ = can_redraw_in_place(editor_);
    // A terminal that can redraw a line takes escape sequences: asked to mark pastes, it marks
    // one however it is delivered (line by line, in pieces over a slow link). A dumb one, or
    // one libedit leaves alone (TERM=emacs), is not asked.
    marks_pastes_ = live_statuses_;
    // Where libedit does not edit it never read the terminal's settings: modes set on them
    // would start from zeros (no speed, no interrupt key) and stay after the session.
    if (edits(editor_)) {
      read_ctrl_c_in_order();
      keys_.read_first(read_canonical_typeahead(STDIN_FILENO));
      keep_canonical_mode_off();
      if (found) terminal_signals_.emplace();
    } else {
      typeahead_keeper_.emplace();
    }
  }

  ~EditLineReader() override {
    history_wend(history_);
    el_end(editor_);
    forget_terminal();  // el_end gave it back
  }

  ReadStatus read(const std::string& prompt, std::string& line,
                  const std::optional<LiveStatus>& status) override {
    live_ = LivePrompt(prompt, live_statuses_ ? status : std::nullopt, session_now());
    // A window resized while coach was busy: the prompt is drawn at its width from the start.
    if (terminal_signals_ && terminal_signals_->take_resized()) el_resize(editor_);
    prompt_ = mark_invisible(live_.text());
    in_command_ = false;
    in_paste_ = false;  // a paste whose end mark never came ends with its prompt
    restored_.clear();
    if (ending_) end_at_signal(take_unfinished());  // after the paste the signal ended
    if (const auto held = std::exchange(held_, std::nullopt)) return *held;
    if (interrupts_.take()) return ReadStatus::interrupted;
    if (!unfinished_.empty()) {
      el_wpush(editor_, unfinished_.c_str());  // typed again, as if by the trainee
      restored_ = std::exchange(unfinished_, {});
    }
    const PasteMarks marks(marks_pastes_);
    const ReadStatus got = read_one(line);
    if (ending_) end_at_signal(take_unfinished());
    if (got != ReadStatus::line) return got;
    read_rest_of_paste(line);
    take_command_after_restored(line);
    if (worth_recalling(line)) history_w(history_, &event_, H_ENTER, to_wide(line).c_str());
    return ReadStatus::line;
  }

  // The next character for libedit, or a tick when the live status is due to change and no key
  // is waiting (the bytes of a key's escape sequence arrive together: a tick never splits one).
  int next_character(wchar_t* out) {
    for (;;) {
      if (!translated_.empty()) return hand_over_translated(out);
      const int count = read_key(out);
      if (count != 1 || !EscapeSequence::starts(static_cast<char32_t>(*out))) return count;
      // What the sequence stands for is handed over next; a dropped one reads the key after it.
      if (!translate_escape_sequence(static_cast<char32_t>(*out))) return -1;
      if (paste_ended_with_enter_) return -1;  // the reply is complete: libedit stops reading
    }
  }

 private:
  // The next key, or a tick, a redraw, or -1 for Ctrl-C, a signal or the end.
  int read_key(wchar_t* out) {
    // A resize or the return from Ctrl-Z is not taken in the middle of a key command (Esc), as
    // a tick is not; -1 leaves a descriptor out.
    const bool redraws = terminal_signals_ && !in_command_;
    if (redraws && std::exchange(key_handed_over_, false) && edited_inside_wide_line() &&
        !keys_.holds_byte() && !byte_arrives_within(0))
      return tick(out);
    pollfd watched[5] = {{STDIN_FILENO, POLLIN, 0},
                         {interrupts_.fd(), POLLIN, 0},
                         {ending_signal_descriptor(), POLLIN, 0},
                         {redraws ? terminal_signals_->resized_fd() : -1, POLLIN, 0},
                         {redraws ? terminal_signals_->resumed_fd() : -1, POLLIN, 0}};
    while (!keys_.holds_byte()) {
      const int ready = ::poll(watched, 5, milliseconds_to_tick());
      if (ready > 0) break;
      if (ready == 0) return tick(out);
      if (errno != EINTR) return -1;
    }
    if (redraws && terminal_signals_->take_resumed()) return redraw_after_stop(out);
    if (redraws && terminal_signals_->take_resized()) return tick(out);
    // Ctrl-C: the reader takes the byte from the pipe. Where the kernel edits the line it hands
    // over only lines ended by Enter, and one already waiting was ended before the Ctrl-C.
    const bool line_waiting = typeahead_keeper_ && (watched[0].revents & POLLIN) != 0;
    if (watched[1].revents != 0 && !line_waiting) return -1;
    // A SIGTERM or SIGHUP: the keys that had come are still read (a reply typed with its Enter
    // while coach was busy is taken); once none is left, the line is not finished.
    const bool key_waiting = (watched[0].revents & POLLIN) != 0 || keys_.holds_byte();
    if (watched[2].revents != 0 && !key_waiting) return -1;
    const int count = keys_.read(out);
    if (count == 1 && *out == interrupt_key_) {
      interrupts_.post();
      return -1;  // as for a Ctrl-C from the self-pipe
    }
    if (count == 1 && *out == kEndOfInput && leaves_with_text()) {
      leaving_with_text_ = true;
      return -1;
    }
    in_command_ = count == 1 && takes_next_character(*out);
    key_handed_over_ = count == 1;
    return count;
  }

  // libedit's update of a line in place miscounts the columns of double-width characters at the
  // end of a full row: an edit inside a wrapped line of Chinese left characters missing or
  // doubled on the screen, not what is graded (outside pass 39, finding 01). Once no key is
  // waiting, such a line is drawn again whole, as a tick draws it. (Its rows are then broken
  // where a terminal that reflows on a resize no longer joins them: widened after such an
  // edit, it keeps one stale copy of the prompt's first row, as README says.)
  bool edited_inside_wide_line() const {
    const LineInfoW* line = el_wline(editor_);
    if (line->cursor == line->lastchar) return false;  // typing at the end draws correctly
    return std::any_of(line->buffer, line->lastchar, [](wchar_t c) { return ::wcwidth(c) > 1; }) &&
           line_wraps(editor_, prompt_, L'\1');
  }

  // After Ctrl-C the question offers end of input to leave, but libedit ends input with Ctrl-D
  // only on an empty line: on the text Ctrl-C brought back it beeped, and the trainee stayed.
  // There, Ctrl-D at the end of the line leaves, the text being no reply (not recorded).
  bool leaves_with_text() const {
    const LineInfoW* info = el_wline(editor_);
    return !restored_.empty() && info && info->cursor == info->lastchar &&
           info->lastchar > info->buffer;
  }

  // After Ctrl-C the text typed so far came back on the line, and a command typed after it
  // (`/quit`, as the question offers) was scored with it as the reply. The command is the
  // line, and the text stays unfinished: named when the trainee leaves, back on the line when
  // the command keeps the prompt.
  void take_command_after_restored(std::string& line) {
    const std::string restored = to_utf8(restored_.c_str());
    if (restored.empty() || !line.starts_with(restored)) return;
    const std::string command = line.substr(restored.size());
    if (!typed_command(command)) return;
    unfinished_ = restored_;
    line = command;
  }

  // The rest of the escape sequence `introducer` starts, read as it comes (a key's bytes arrive
  // together; a lone Esc waits no longer than that), and the keys it stands for put in
  // translated_ (terminal_keys). False for a Ctrl-C that came in the middle of it.
  bool translate_escape_sequence(char32_t introducer) {
    EscapeSequence sequence(introducer);
    wchar_t next = 0;
    while (keys_.holds_byte() || byte_arrives_within(kEscapeGapMilliseconds)) {
      if (keys_.read(&next) == 0) break;
      if (next == interrupt_key_) {  // Ctrl-C is Ctrl-C, even inside a sequence
        interrupts_.post();
        return false;
      }
      if (!sequence.take(static_cast<char32_t>(next))) break;
    }
    translated_ = sequence.keys();
    for (char32_t c : sequence.leftover()) translated_ += static_cast<wchar_t>(c);
    note_paste_mark(sequence.paste_mark());
    return true;
  }

  // Enter within a paste's marks is part of the paste. A paste whose last line had its Enter
  // ends the reply at its end mark, as the paste's own Enter would have without marks.
  void note_paste_mark(EscapeSequence::PasteMark mark) {
    if (mark == EscapeSequence::PasteMark::start) in_paste_ = true;
    if (mark != EscapeSequence::PasteMark::end) return;
    in_paste_ = false;
    const LineInfoW* info = el_wline(editor_);
    const bool line_empty = info && info->lastchar == info->buffer && translated_.empty();
    paste_ended_with_enter_ = continuing_paste_ && line_empty;
  }

  int hand_over_translated(wchar_t* out) {
    *out = translated_.front();
    translated_.erase(0, 1);
    in_command_ = takes_next_character(*out) || !translated_.empty();
    return 1;
  }

  // With the interrupt key a signal, the kernel threw away every key not yet read when it sent
  // SIGINT (libedit turns NOFLSH off): a reply typed with its Enter just before Ctrl-C, by a
  // script or a quick hand, was lost, and the signal could not tell which keys came before it.
  // Read as a character, in both of libedit's modes, Ctrl-C comes after the keys typed before
  // it, even while coach is busy showing feedback. Ctrl-Z and Ctrl-\ stay signals; NOFLSH keeps
  // them from throwing away what was typed.
  void read_ctrl_c_in_order() {
    for (const wchar_t* mode : {L"-d", L"-x"})
      el_wset(editor_, EL_SETTY, mode, L"-intr", L"intr=", L"+noflsh", nullptr);
  }

  // Between two lines (the paste window, feedback, a save) the terminal is left in libedit's
  // "execute" mode, which is canonical as the terminal was: there the kernel turns Ctrl-D into
  // an end-of-file mark that becomes a NUL byte once libedit takes the terminal again, and the
  // end of input was lost. Without canonical mode from the start, a Ctrl-D typed at any moment
  // reaches libedit as the key it is.
  void keep_canonical_mode_off() {
    el_wset(editor_, EL_SETTY, L"-x", L"-icanon", nullptr);
    el_wset(editor_, EL_PREP_TERM, 1);  // derives the execute mode from the terminal's own
    el_wset(editor_, EL_PREP_TERM, 0);  // and enters it
  }

  static const wchar_t* prompt_of(EditLine* editor) {
    EditLineReader* self = nullptr;
    el_wget(editor, EL_CLIENTDATA, &self);
    return self->prompt_.c_str();
  }

  // -1: nothing to wait for (no live status, or libedit is in the middle of a key command).
  int milliseconds_to_tick() const {
    const auto wait = live_.until_change(session_now());
    if (!wait || in_command_) return -1;
    return static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(*wait).count());
  }

  // The prompt changes only here, between two redraws: every part of one redraw measures the
  // same text.
  int tick(wchar_t* out) {
    follow_terminal_width(editor_, prompt_, L'\1');  // a window resized since the last redraw
    live_.update(session_now());
    prompt_ = mark_invisible(live_.text());
    *out = kTick;
    return 1;
  }

  // Back from Ctrl-Z (`fg`): the shell has written its lines, and the cursor is at the start of
  // a row of its own. The prompt and the line typed so far are drawn afresh there, at the
  // window's width as it is now (it may have changed meanwhile).
  int redraw_after_stop(wchar_t* out) {
    // A stop by `kill -STOP` ran no handler: the shell's settings may be in force. Leaving
    // libedit's editing mode and entering it again sets its own from what libedit keeps.
    el_wset(editor_, EL_PREP_TERM, 0);
    el_wset(editor_, EL_PREP_TERM, 1);
    std::fputs("\r", stdout);
    std::fflush(stdout);
    el_resize(editor_);
    el_set(editor_, EL_REFRESH);  // forgets what was drawn before the stop
    return tick(out);
  }

  // The lines of a paste after the first, joined to `line` as one reply: those within its marks
  // where the terminal marks pastes, and there every Enter outside them ends a reply (keys
  // typed while coach was busy come at once, a reply and its Enter, then the next words, and
  // must not be taken for a paste). Elsewhere lines that follow at once are taken for the rest
  // of a paste. End of input or Ctrl-C among them is never part of a paste: it is held for the
  // next read(), which would otherwise wait for a key that has already come.
  void read_rest_of_paste(std::string& line) {
    live_ = LivePrompt();  // the rest of a paste comes at once, with no prompt
    while (marks_pastes_ ? in_paste_ : more_input_arrives_soon()) {
      std::string next;
      prompt_.clear();
      continuing_paste_ = true;
      const ReadStatus got = read_one(next);
      continuing_paste_ = false;
      if (std::exchange(paste_ended_with_enter_, false)) return;
      if (got != ReadStatus::line) {
        held_ = got;
        end_paste_at_interrupt(line);
        return;
      }
      line += "\n" + next;
    }
  }

  // The last line of a paste had no Enter when Ctrl-C came. It stays with the lines before it,
  // under the prompt they were pasted at: kept for the next step instead, it was scored there,
  // and the step the paste was meant for was scored on its first lines alone. A line editor
  // cannot put the lines back on one line, so the paste counts as ended by the Ctrl-C.
  void end_paste_at_interrupt(std::string& line) {
    if (unfinished_.empty()) return;
    line += "\n" + to_utf8(unfinished_.c_str());
    unfinished_.clear();
  }

  ReadStatus read_one(std::string& line) {
    int count = 0;
    // Edit mode before the prompt is drawn: libedit drew it while the terminal was still in
    // canonical mode, so keys typed as soon as it showed were held by the kernel, and a Ctrl-C
    // among them made the kernel flush them (the reply typed before Ctrl-C was lost).
    el_wset(editor_, EL_PREP_TERM, 1);
    const wchar_t* got = el_wgets(editor_, &count);
    if (got != nullptr && count > 0) {  // a line ended by Enter: a Ctrl-C after it waits its turn
      line = to_utf8(got);
      while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
      return ReadStatus::line;
    }
    if (interrupts_.take()) {
      keep_unfinished();
      return ReadStatus::interrupted;
    }
    if (std::exchange(leaving_with_text_, false)) {
      keep_unfinished();
      return ReadStatus::end_of_input;
    }
    if (ending_signal_came()) {  // the end of input of a closed terminal included
      keep_unfinished();
      ending_ = true;
    }
    return ReadStatus::end_of_input;
  }

  // What the trainee typed without Enter when the session was ended.
  std::string take_unfinished() override {
    std::string text = to_utf8(unfinished_.c_str());
    unfinished_.clear();
    return text;
  }

  // Ctrl-C asks before leaving; what was typed so far comes back at the next prompt, so the
  // trainee who carries on does not type the reply again.
  void keep_unfinished() {
    const LineInfoW* info = el_wline(editor_);
    if (info && info->buffer && info->lastchar > info->buffer)
      unfinished_.assign(info->buffer, info->lastchar);
  }

  InterruptCatcher interrupts_;
  std::optional<TerminalSignals> terminal_signals_;  // where libedit edits
  std::optional<TypeaheadKeeper> typeahead_keeper_;  // where libedit does not edit
  std::optional<wchar_t> interrupt_key_;             // read as a character, not signalled
  Utf8Keys keys_;
  EditLine* editor_ = nullptr;
  std::wstring unfinished_;         // the line Ctrl-C interrupted
  std::optional<ReadStatus> held_;  // end of input or Ctrl-C that came right after a line
  HistoryW* history_ = nullptr;
  HistEventW event_{};
  LivePrompt live_;
  std::wstring prompt_;           // what libedit draws: live_'s text, escapes marked
  bool in_command_ = false;       // the last key starts a command that reads on
  bool key_handed_over_ = false;  // a key was given to libedit since the last redraw
  std::wstring translated_;       // keys an escape sequence stands for, not yet handed over
  bool ending_ = false;           // a SIGTERM or SIGHUP came and no line was left to take
  bool live_statuses_ = false;
  bool marks_pastes_ = false;            // the terminal is asked to mark pastes
  bool in_paste_ = false;                // between a paste's start and end marks
  bool continuing_paste_ = false;        // reading the lines of a paste after its first
  bool paste_ended_with_enter_ = false;  // its end mark came right after its last Enter
  std::wstring restored_;                // the text Ctrl-C brought back to this prompt
  bool leaving_with_text_ = false;       // Ctrl-D on that text
};

bool read_byte(unsigned char& byte) {
  for (;;) {
    const ssize_t count = ::read(STDIN_FILENO, &byte, 1);
    if (count == 1) return true;
    if (count == 0 || errno != EINTR) return false;
  }
}

bool Utf8Keys::next_byte(unsigned char& byte) {
  if (held_) {
    byte = *std::exchange(held_, std::nullopt);
    return true;
  }
  if (next_early_ < early_.size()) {
    byte = static_cast<unsigned char>(early_[next_early_++]);
    return true;
  }
  return read_byte(byte);
}

int read_character(EditLine* editor, wchar_t* out) {
  EditLineReader* self = nullptr;
  el_wget(editor, EL_CLIENTDATA, &self);
  return self->next_character(out);
}

int Utf8Keys::read(wchar_t* out) {
  unsigned char lead = 0;
  if (!next_byte(lead)) return 0;
  const int length = lead < 0x80             ? 1
                     : (lead & 0xE0) == 0xC0 ? 2
                     : (lead & 0xF0) == 0xE0 ? 3
                     : (lead & 0xF8) == 0xF0 ? 4
                                             : 1;
  std::string bytes(1, static_cast<char>(lead));
  for (int i = 1; i < length; ++i) {
    unsigned char next = 0;
    if (!next_byte(next)) return 0;
    if ((next & 0xC0) != 0x80) {
      held_ = next;
      break;
    }
    bytes += static_cast<char>(next);
  }
  std::size_t pos = 0;
  const char32_t cp = utf8::decode(bytes, pos);
  *out = cp == utf8::kInvalid ? L'\uFFFD' : static_cast<wchar_t>(cp);
  return 1;
}

}  // namespace

std::unique_ptr<LineReader> make_edit_line_reader() {
  return std::make_unique<EditLineReader>();
}

}  // namespace coach::cli
