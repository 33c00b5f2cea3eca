#pragma once
// Places in the raw text of a YAML file, counted as libyaml counts them (a leading byte-order
// mark is no character; CR LF, or a lone CR, breaks a line), and what libyaml's events do not
// tell: line breaks an editor does not show, a tab where indentation goes, a comment after an
// unquoted text or at the start of a line that could have gone on with it.
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "load/yaml_node.hpp"

namespace coach {

// The mark of a byte offset into `text`.
YamlMark yaml_mark_at(std::string_view text, std::size_t byte_offset);

// The byte offset of libyaml's character index (past the end: the size of `text`).
std::size_t byte_offset_of(std::string_view text, std::size_t character_index);

// A view of a file's text, which must outlive it, to find what stands at a node's mark. Lines are
// found from the nearest one already passed, and columns from the last one found on the same line:
// errors come mostly in the order of the text, so a file with a hundred thousand of them is still
// read about once. Nothing is kept per line, so a file of sixteen million blank lines costs no more
// memory.
class YamlLines {
 public:
  YamlLines() = default;
  explicit YamlLines(std::string_view text);

  // Whether the file has line `line` (0-based).
  bool has_line(int line) const { return start_of(line).has_value(); }
  // Line `line` (0-based) without its line break; empty past the end.
  std::string_view line(int line) const;
  // The byte in line `mark.line` where the character at `mark.column` starts.
  std::size_t byte_in_line(const YamlMark& mark) const;

 private:
  std::optional<std::size_t> start_of(int line) const;

  // Every 1,024th line's start, as far as lines have been passed: a line before the last one
  // found is looked for from the nearest of these, not from the start of the file.
  static constexpr int kCheckpointEvery = 1024;
  struct Place {
    int line = 0;
    std::size_t byte = 0;
  };

  // The character found last, and its byte in its line.
  struct Column {
    int line = -1;
    int column = 0;
    std::size_t byte = 0;
  };

  std::string_view text_;
  mutable std::vector<std::size_t> checkpoints_;
  mutable Place line_found_;       // the start of the line found last
  mutable Place line_end_{-1, 0};  // where the line given last ends: not looked for again
  mutable Column column_found_;
};

// Whether the character at libyaml's character index is a tab.
bool is_tab_at(std::string_view text, std::size_t character_index);

// libyaml breaks lines at NEL (U+0085) and the line and paragraph separators (U+2028, U+2029)
// too, where an editor shows none, and at a CR that no LF follows, where grep and most editors
// do not: every line and column after one would be wrong. NEL is a C1 control as well. And libyaml
// refuses only two of Unicode's 66 noncharacters (U+FFFE, U+FFFF). A byte order mark that begins
// a line, or a second one at the start, is invisible and makes libyaml blame a line further on.
// The byte offset and code point of the first of any of these.
std::optional<std::pair<std::size_t, char32_t>> find_refused_character(std::string_view text);

// Where a byte order mark stands at or just before libyaml's character index, other than at
// the start of the file: libyaml skips one at the start of a line and then finds the line
// indented by one, or cannot start a token with one elsewhere.
std::optional<YamlMark> byte_order_mark_near(std::string_view text, std::size_t character_index);

// The first noncharacter written as an escape (`\uFFFE`, `\U0010FFFF`) in the double-quoted
// scalar that starts at `start`: its byte offset, code point and the escape as written.
struct EscapedCharacter {
  std::size_t byte_offset;
  char32_t code_point;
  std::string_view written;
};
std::optional<EscapedCharacter> find_escaped_noncharacter(std::string_view text, YamlMark start);

// Whether a comment follows an unquoted scalar. libyaml marks places in characters; its events
// come in the order of the text, so one cursor turns them into bytes.
class CommentFinder {
 public:
  explicit CommentFinder(std::string_view text);
  struct Comment {
    YamlMark hash;  // where the `#` stands
    bool glued;     // text follows the `#` at once (`#号键`, `#123`), as a comment's rarely does
  };
  // The ` #` after a plain scalar that ends at `end` (indexes only grow) on its line; or a glued
  // `#` that starts the next line that is not blank, when that line is indented more than
  // `block_indent` (the column of the enclosing block list or mapping, -1 at the top): YAML
  // could have read that line as the text going on, so the `#` cut the text there.
  std::optional<Comment> follows(YamlMark end, int block_indent);

 private:
  void advance_to(std::size_t character_index);
  // Past spaces and tabs from `at`, moving `mark` along.
  std::size_t skip_blanks(std::size_t at, YamlMark& mark) const;
  // Past the line break at `at`, if there is one, moving `mark` to the next line.
  std::size_t skip_line_break(std::size_t at, YamlMark& mark) const;
  bool is_glued(std::size_t hash) const;

  std::string_view text_;
  std::size_t byte_;
  std::size_t character_ = 0;
};

}  // namespace coach
