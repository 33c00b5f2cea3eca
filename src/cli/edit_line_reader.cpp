// Replies typed at a terminal, edited with libedit: cursor movement and deletion by character
// (wide characters included), history of earlier replies on up/down, and a multi-line paste
// taken as one reply.
#include <histedit.h>
#include <langinfo.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
#include <cstring>
#include <string>

#include "cli/interrupts.hpp"
#include "cli/line_reader.hpp"
#include "util/utf8.hpp"

namespace coach::cli {
namespace {

// How long after a line the next one must arrive to count as part of the same paste.
constexpr int kPasteGapMilliseconds = 15;
constexpr int kHistorySize = 200;

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

// The prompt may carry colour: libedit must be told which bytes take no column.
std::wstring mark_invisible(const std::string& prompt) {
  std::wstring out;
  bool in_escape = false;
  for (wchar_t c : to_wide(prompt)) {
    if (c == L'\x1b' && !in_escape) {
      out += L'\1';
      in_escape = true;
    }
    out += c;
    if (in_escape && c == L'm') {
      out += L'\1';
      in_escape = false;
    }
  }
  return out;
}

// Reads one character for libedit, but gives up as soon as Ctrl-C is pressed, even when the
// press came before libedit started reading (the self-pipe is watched beside the terminal).
int read_character(EditLine* editor, wchar_t* out);

bool more_input_arrives_soon() {
  pollfd watched{STDIN_FILENO, POLLIN, 0};
  return ::poll(&watched, 1, kPasteGapMilliseconds) > 0 && (watched.revents & POLLIN) != 0;
}

class EditLineReader : public LineReader {
 public:
  EditLineReader() {
    ensure_utf8_ctype();
    editor_ = el_init("coach", stdin, stdout, stderr);
    history_ = history_winit();
    history_w(history_, &event_, H_SETSIZE, kHistorySize);
    el_wset(editor_, EL_EDITOR, L"emacs");
    el_wset(editor_, EL_HIST, history_w, history_);
    el_wset(editor_, EL_CLIENTDATA, this);
    el_wset(editor_, EL_PROMPT_ESC, &EditLineReader::prompt_of, L'\1');
    el_wset(editor_, EL_GETCFN, &read_character);
  }

  int interrupt_fd() const { return interrupts_.fd(); }

  ~EditLineReader() override {
    history_wend(history_);
    el_end(editor_);
  }

  ReadStatus read(const std::string& prompt, std::string& line) override {
    prompt_ = mark_invisible(prompt);
    if (interrupts_.take()) return ReadStatus::interrupted;
    ReadStatus status = read_one(line);
    if (status != ReadStatus::line) return status;
    while (more_input_arrives_soon()) {
      std::string next;
      prompt_.clear();
      if (read_one(next) != ReadStatus::line) break;
      line += "\n" + next;
    }
    if (!line.empty()) history_w(history_, &event_, H_ENTER, to_wide(line).c_str());
    return ReadStatus::line;
  }

 private:
  static const wchar_t* prompt_of(EditLine* editor) {
    EditLineReader* self = nullptr;
    el_wget(editor, EL_CLIENTDATA, &self);
    return self->prompt_.c_str();
  }

  ReadStatus read_one(std::string& line) {
    int count = 0;
    const wchar_t* got = el_wgets(editor_, &count);
    if (interrupts_.take()) return ReadStatus::interrupted;
    if (got == nullptr || count <= 0) return ReadStatus::end_of_input;
    line = to_utf8(got);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    return ReadStatus::line;
  }

  InterruptCatcher interrupts_;
  EditLine* editor_ = nullptr;
  HistoryW* history_ = nullptr;
  HistEventW event_{};
  std::wstring prompt_;
};

bool read_byte(unsigned char& byte) {
  for (;;) {
    const ssize_t count = ::read(STDIN_FILENO, &byte, 1);
    if (count == 1) return true;
    if (count == 0 || errno != EINTR) return false;
  }
}

int read_character(EditLine* editor, wchar_t* out) {
  EditLineReader* self = nullptr;
  el_wget(editor, EL_CLIENTDATA, &self);
  pollfd watched[2] = {{STDIN_FILENO, POLLIN, 0}, {self->interrupt_fd(), POLLIN, 0}};
  while (::poll(watched, 2, -1) < 0) {
    if (errno != EINTR) return -1;
  }
  if (watched[1].revents != 0) return -1;  // Ctrl-C: the reader takes the byte from the pipe
  unsigned char lead = 0;
  if (!read_byte(lead)) return 0;
  const int length = lead < 0x80             ? 1
                     : (lead & 0xE0) == 0xC0 ? 2
                     : (lead & 0xF0) == 0xE0 ? 3
                     : (lead & 0xF8) == 0xF0 ? 4
                                             : 1;
  std::string bytes(1, static_cast<char>(lead));
  for (int i = 1; i < length; ++i) {
    unsigned char next = 0;
    if (!read_byte(next)) return 0;
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
