#pragma once
// Places in the raw text of a YAML file, counted as libyaml counts them (a leading byte-order
// mark is no character; CR LF, or a lone CR, breaks a line), and what libyaml's events do not
// tell: line breaks an editor does not show, a tab where indentation goes, a comment after an
// unquoted text.
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

#include "load/yaml_node.hpp"

namespace coach {

// The mark of a byte offset into `text`.
YamlMark yaml_mark_at(std::string_view text, std::size_t byte_offset);

// Whether the character at libyaml's character index is a tab.
bool is_tab_at(std::string_view text, std::size_t character_index);

// libyaml breaks lines at NEL (U+0085) and the line and paragraph separators (U+2028, U+2029)
// too, where an editor shows none: every line and column after one would be wrong. NEL is a C1
// control as well. The first one's byte offset and code point.
std::optional<std::pair<std::size_t, char32_t>> find_hidden_line_break(std::string_view text);

// Whether a comment follows an unquoted scalar on its line. libyaml marks places in
// characters; its events come in the order of the text, so one cursor turns them into bytes.
class CommentFinder {
 public:
  explicit CommentFinder(std::string_view text);
  struct Comment {
    std::size_t offset;  // how many characters on from the scalar's end the `#` stands
    bool glued;  // text follows the `#` at once (`#号键`, `#123`), as a comment's rarely does
  };
  // Whether ` #` follows the character index where a scalar ends (indexes only grow).
  std::optional<Comment> follows(std::size_t character_index);

 private:
  void advance_to(std::size_t character_index);

  std::string_view text_;
  std::size_t byte_;
  std::size_t character_ = 0;
};

}  // namespace coach
