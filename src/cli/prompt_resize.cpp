#include "cli/prompt_resize.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cwchar>

#include "cli/terminal.hpp"

namespace coach::cli {
namespace {

// The width libedit wraps to: the one it read when it started, or at its last el_resize().
int libedit_columns(EditLine* editor) {
  int columns = 0;
  el_get(editor, EL_GETTC, "co", &columns);
  return columns;
}

// The prompt as drawn: without its invisible sequences.
std::wstring visible_prompt(const std::wstring& prompt, wchar_t invisible) {
  std::wstring text;
  bool in_sequence = false;
  for (wchar_t c : prompt) {
    if (c == invisible)
      in_sequence = !in_sequence;
    else if (!in_sequence)
      text += c;
  }
  return text;
}

// What libedit has on the screen before the cursor (or, with `whole`, before the line's end):
// the prompt, then the line.
std::wstring drawn_before_cursor(EditLine* editor, const std::wstring& prompt, wchar_t invisible,
                                 bool whole = false) {
  std::wstring text = visible_prompt(prompt, invisible);
  if (const LineInfoW* line = el_wline(editor); line && line->buffer && line->cursor)
    text.append(line->buffer, whole ? line->lastchar : line->cursor);
  return text;
}

void put_capability(EditLine* editor, const char* name, int times) {
  char* sequence = nullptr;
  el_get(editor, EL_GETTC, name, &sequence);
  if (sequence == nullptr) return;
  for (int i = 0; i < times; ++i) std::fputs(sequence, stdout);
}

}  // namespace

PromptCell cursor_cell(const std::wstring& text, int columns) {
  PromptCell cell;
  if (columns <= 0) return cell;
  for (wchar_t c : text) {
    const int width = std::max(::wcwidth(c), 0);
    if (cell.column + width > columns) {  // a wide character that does not fit
      ++cell.row;
      cell.column = 0;
    }
    cell.column += width;
    if (cell.column >= columns) {
      ++cell.row;
      cell.column = 0;
    }
  }
  return cell;
}

bool line_wraps(EditLine* editor, const std::wstring& prompt, wchar_t invisible) {
  const int columns = libedit_columns(editor);
  return cursor_cell(drawn_before_cursor(editor, prompt, invisible, true), columns).row > 0;
}

int rows_up_after_resize(PromptCell cursor, int old_columns, int new_columns) {
  if (new_columns <= 0) return cursor.row;
  const int reflowed_row = (cursor.row * old_columns + cursor.column) / new_columns;
  return std::min(cursor.row, reflowed_row);
}

void follow_terminal_width(EditLine* editor, const std::wstring& prompt, wchar_t invisible) {
  const int old_columns = libedit_columns(editor);
  const int new_columns = static_cast<int>(terminal_columns(STDOUT_FILENO));
  if (new_columns == 0 || new_columns == old_columns) return;
  const PromptCell cursor =
      cursor_cell(drawn_before_cursor(editor, prompt, invisible), old_columns);
  put_capability(editor, "up", rows_up_after_resize(cursor, old_columns, new_columns));
  std::fputs("\r", stdout);
  put_capability(editor, "cd", 1);
  std::fflush(stdout);
  // The new width, then a drawing from the start of a row: EL_REFRESH forgets what libedit
  // drew and where it left the cursor (el_resize keeps the cursor of the old width).
  el_resize(editor);
  el_set(editor, EL_REFRESH);
}

}  // namespace coach::cli
