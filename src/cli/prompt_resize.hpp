#pragma once
// A terminal resized under a prompt that libedit redraws by itself (a step's countdown).
// libedit reads the width when a prompt starts: after a resize under it, each redraw moved the
// cursor up as many rows as the line took at the old width, so a widened window had the
// customer's line written over, and a narrowed one kept a copy of the prompt at every tick.
#include <histedit.h>

#include <string>

namespace coach::cli {

// Where the cursor stands, in rows and columns from the start of the prompt, once `text` is
// drawn `columns` wide as libedit draws it: a wide character that does not fit at the end of a
// row goes to the next one, and a full row moves the cursor to the next.
struct PromptCell {
  int row = 0;
  int column = 0;
};
PromptCell cursor_cell(const std::wstring& text, int columns);

// Whether the prompt and the whole line, drawn as libedit draws them, take more than one row.
bool line_wraps(EditLine* editor, const std::wstring& prompt, wchar_t invisible);

// The rows to move up from the cursor to the first row of the prompt, when the prompt and the
// line took `cursor.row` rows before it at `old_columns` and the window is now `new_columns`
// wide. Some terminals reflow wrapped rows to the new width, some keep them as they were: the
// fewer of the two guesses is taken, so the redraw never writes over what is above the prompt
// (at worst one stale copy of its start stays above it, once).
int rows_up_after_resize(PromptCell cursor, int old_columns, int new_columns);

// To be called just before libedit redraws the prompt and the line. When the terminal's width
// is no longer the one libedit draws for, puts the cursor at the start of the prompt (see
// above), clears the screen below it, and has libedit take the new width and draw the prompt
// and everything typed afresh from there, wrapped to the window as it is.
// `prompt`: the prompt libedit last drew, its invisible sequences between `invisible` marks.
void follow_terminal_width(EditLine* editor, const std::wstring& prompt, wchar_t invisible);

}  // namespace coach::cli
