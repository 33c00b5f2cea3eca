#pragma once
// One parsed YAML document as a tree: scalars, lists and mappings, each with the place in the
// file where it starts. Built by parse_yaml (yaml_parser.hpp), read through YamlReader.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace coach {

// Where a node starts. 0-based, and counted in characters as editors count them.
struct YamlMark {
  std::size_t index = 0;  // characters from the start of the text
  int line = 0;
  int column = 0;
};

enum class YamlKind { absent, null, scalar, sequence, map };

struct YamlEntry;

class YamlNode {
 public:
  YamlNode() = default;  // absent: what looking up a missing key gives
  static YamlNode null(YamlMark mark);
  // `plain`: written without quotes (`5`, not `"5"`).
  static YamlNode scalar(std::string text, YamlMark mark, bool plain);
  static YamlNode sequence(YamlMark mark, bool flow);
  static YamlNode map(YamlMark mark, bool flow);

  YamlKind kind() const { return kind_; }
  bool is_defined() const { return kind_ != YamlKind::absent; }
  bool is_null() const { return kind_ == YamlKind::null; }
  bool is_scalar() const { return kind_ == YamlKind::scalar; }
  bool is_sequence() const { return kind_ == YamlKind::sequence; }
  bool is_map() const { return kind_ == YamlKind::map; }
  bool is_plain() const { return plain_; }
  // Written inline, `[a, b]` or `{a: b}`.
  bool is_flow() const { return flow_; }
  // An unquoted text followed by ` #` on its line: YAML took the rest of the line for a
  // comment, which in a reply is usually the reply cut short. Where the `#` is, and whether
  // text follows it at once (`请按 #号键`): then it is the text cut short, wherever it is. A
  // glued `#` starting a line the text could have gone on to (`按了` / `  #号键`) counts too.
  bool has_comment_after() const { return comment_after_.has_value(); }
  bool comment_is_glued() const { return comment_glued_; }
  YamlMark comment_mark() const { return comment_after_.value_or(mark_); }
  void set_comment_after(YamlMark hash, bool glued) {
    comment_after_ = hash;
    comment_glued_ = glued;
  }
  const YamlMark& mark() const { return mark_; }

  const std::string& scalar() const { return scalar_; }
  const std::vector<YamlNode>& items() const { return items_; }
  const std::vector<YamlEntry>& entries() const { return entries_; }
  // Items of a list or entries of a mapping.
  std::size_t size() const;
  // This node and every node inside it, and the bytes of their text: what an alias to it adds
  // to the document.
  std::size_t node_count() const { return node_count_; }
  std::size_t text_bytes() const { return text_bytes_; }
  // Levels of nesting from here down: 1 for a scalar.
  int height() const { return height_; }

  // An alias (`*a`) stands for its anchor's node, but is reported where the alias is.
  void move_to(YamlMark mark) { mark_ = mark; }

  void add_item(YamlNode item);
  void add_entry(YamlNode key, YamlNode value);

 private:
  YamlKind kind_ = YamlKind::absent;
  bool plain_ = false;
  bool flow_ = false;
  std::optional<YamlMark> comment_after_;
  bool comment_glued_ = false;
  YamlMark mark_;
  std::string scalar_;
  std::vector<YamlNode> items_;
  std::vector<YamlEntry> entries_;
  std::size_t node_count_ = 1;
  std::size_t text_bytes_ = 0;
  int height_ = 1;
};

struct YamlEntry {
  YamlNode key;
  YamlNode value;
};

}  // namespace coach
