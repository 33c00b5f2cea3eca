// Replies typed at a terminal, edited with libedit: cursor movement and deletion by character
// (wide characters included), history of earlier replies on up/down, and a multi-line paste
// taken as one reply.
#include <histedit.h>
#include <langinfo.h>
#include <poll.h>
#include <unistd.h>

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
  }

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

}  // namespace

std::unique_ptr<LineReader> make_edit_line_reader() {
  return std::make_unique<EditLineReader>();
}

}  // namespace coach::cli
