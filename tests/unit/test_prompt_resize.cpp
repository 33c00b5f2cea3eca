// A terminal resized under the countdown prompt: where libedit left the cursor, and how far up
// the prompt starts once the window has its new width.
#include <doctest/doctest.h>

#include <clocale>

#include "cli/prompt_resize.hpp"

using namespace coach::cli;

namespace {

// wcwidth() counts Chinese characters as two columns only in a UTF-8 locale.
struct Utf8Ctype {
  Utf8Ctype() { std::setlocale(LC_CTYPE, "C.UTF-8"); }
  ~Utf8Ctype() { std::setlocale(LC_CTYPE, "C"); }
};

}  // namespace

TEST_CASE("the cursor after a prompt and a line, as libedit wraps them") {
  const Utf8Ctype utf8;
  CHECK(cursor_cell(L"you> ok", 30).row == 0);
  CHECK(cursor_cell(L"you> ok", 30).column == 7);
  // Five columns, then Chinese characters of two: the second would need the eighth and a
  // ninth column of an 8-wide row, so it starts the next row.
  const PromptCell wide = cursor_cell(L"you> 对不起", 8);
  CHECK(wide.row == 1);
  CHECK(wide.column == 4);
  // A full row puts the cursor at the start of the next.
  const PromptCell full = cursor_cell(L"abcdef", 6);
  CHECK(full.row == 1);
  CHECK(full.column == 0);
}

TEST_CASE("after a resize the redraw starts no higher than the prompt, reflowed or not") {
  // 63 columns drawn 30 wide: the cursor on the third row, column 3.
  const PromptCell at30{2, 3};
  // Widened to 60: a reflowing terminal has it on the second row, one that keeps its rows on
  // the third; going up one never reaches the customer's line above.
  CHECK(rows_up_after_resize(at30, 30, 60) == 1);
  // Narrowed from 60 to 30 (63 columns: second row, column 3): one that keeps its rows still
  // has it on the second row, a reflowing one on the third.
  CHECK(rows_up_after_resize(PromptCell{1, 3}, 60, 30) == 1);
  CHECK(rows_up_after_resize(PromptCell{0, 20}, 60, 30) == 0);
}
