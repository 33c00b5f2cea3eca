#include "load/yaml_parser.hpp"

#include <fmt/format.h>
#include <yaml.h>

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "load/yaml_problem_text.hpp"
#include "util/i18n.hpp"

namespace coach {
namespace {

// Aliases let a few bytes stand for a huge document (a "billion laughs": each level repeats the
// one below, or one long text aliased a thousand times); every reader walks the expanded tree,
// so a file of 20 KB would take minutes and gigabytes. Anchored nodes are kept aside for their
// aliases: nested anchors on a large list would keep many copies of it. Both are budgeted.
constexpr std::size_t kMaxCopiedNodes = 100000;
constexpr std::size_t kMaxCopiedBytes = 4u << 20;
// A 16 MiB file of `[a,a,a,…]` is eight million nodes: about a gigabyte as a tree.
constexpr std::size_t kMaxNodes = 1000000;
// Real files nest six deep; the readers walking the tree recurse once per level.
constexpr std::size_t kMaxDepth = 64;

// Nodes and bytes of text copied by aliases, or by anchors.
class CopyBudget {
 public:
  // Whether the copy of `node` still fits.
  bool take(const YamlNode& node) {
    nodes_ += node.node_count();
    bytes_ += node.text_bytes();
    return nodes_ <= kMaxCopiedNodes && bytes_ <= kMaxCopiedBytes;
  }
  bool too_many_nodes() const { return nodes_ > kMaxCopiedNodes; }

 private:
  std::size_t nodes_ = 0;
  std::size_t bytes_ = 0;
};

YamlMark to_mark(const yaml_mark_t& mark) {
  return {mark.index, static_cast<int>(mark.line), static_cast<int>(mark.column)};
}

std::string_view text_of(const yaml_char_t* bytes, std::size_t length) {
  return {reinterpret_cast<const char*>(bytes), length};
}

std::string_view text_of(const yaml_char_t* bytes) {
  return bytes ? std::string_view(reinterpret_cast<const char*>(bytes)) : std::string_view();
}

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool starts_with_bom(std::string_view text) {
  return text.substr(0, kBom.size()) == kBom;
}

// libyaml breaks lines at NEL (U+0085) and the line and paragraph separators (U+2028, U+2029)
// too, where an editor shows none: every line and column after one would be wrong. NEL is a C1
// control as well. Returns the first one's byte offset and code point.
std::optional<std::pair<std::size_t, char32_t>> find_hidden_line_break(std::string_view text) {
  const auto byte = [&](std::size_t at) {
    return at < text.size() ? static_cast<unsigned char>(text[at]) : 0;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char lead = byte(i);
    if (lead == 0xC2 && byte(i + 1) == 0x85) return std::pair{i, char32_t{0x85}};
    if (lead == 0xE2 && byte(i + 1) == 0x80 && (byte(i + 2) == 0xA8 || byte(i + 2) == 0xA9))
      return std::pair{i, static_cast<char32_t>(0x2000 + byte(i + 2) - 0x80)};
  }
  return std::nullopt;
}

YamlProblem hidden_line_break_problem(std::string_view text, std::size_t offset, char32_t cp) {
  const YamlMark mark = yaml_mark_at(text, offset);
  if (cp == 0x85) {
    return {mark, std::string(tr("文件中有控制字符 U+0085(如终端转义序列)",
                                 "control character U+0085 in the file (such as a terminal "
                                 "escape)"))};
  }
  return {
      mark,
      fmt::format(fmt::runtime(tr("文件中有行分隔符 U+{:04X}:YAML 在此换行,编辑器里却看不出;请删除",
                                  "line separator U+{:04X} in the file: YAML breaks the "
                                  "line there though an editor shows none; remove it")),
                  static_cast<unsigned>(cp))};
}

// libyaml's messages are C strings, or null.
std::string_view words(const char* message) {
  return message ? std::string_view(message) : std::string_view();
}

class LibyamlParser {
 public:
  explicit LibyamlParser(std::string_view text) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  ~LibyamlParser() { yaml_parser_delete(&parser_); }
  LibyamlParser(const LibyamlParser&) = delete;
  LibyamlParser& operator=(const LibyamlParser&) = delete;

  bool next(yaml_event_t& event) { return yaml_parser_parse(&parser_, &event) != 0; }
  const yaml_parser_t& state() const { return parser_; }

 private:
  yaml_parser_t parser_;
};

class EventGuard {
 public:
  explicit EventGuard(yaml_event_t& event) : event_(event) {}
  ~EventGuard() { yaml_event_delete(&event_); }
  EventGuard(const EventGuard&) = delete;
  EventGuard& operator=(const EventGuard&) = delete;

 private:
  yaml_event_t& event_;
};

// YAML 1.1's null: an unquoted, untagged `~`, `null` or nothing at all.
bool is_null_scalar(const yaml_event_t& event) {
  const auto& scalar = event.data.scalar;
  if (scalar.style != YAML_PLAIN_SCALAR_STYLE) return false;
  const std::string_view text = text_of(scalar.value, scalar.length);
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

YamlNode scalar_node(const yaml_event_t& event) {
  const YamlMark mark = to_mark(event.start_mark);
  if (is_null_scalar(event)) return YamlNode::null(mark);
  const auto& scalar = event.data.scalar;
  const bool plain = scalar.style == YAML_PLAIN_SCALAR_STYLE;
  return YamlNode::scalar(std::string(text_of(scalar.value, scalar.length)), mark, plain);
}

// Whether a comment follows an unquoted scalar on its line. libyaml marks places in
// characters; the events come in the order of the text, so one cursor turns them into bytes.
class CommentFinder {
 public:
  explicit CommentFinder(std::string_view text)
      : text_(text), byte_(starts_with_bom(text) ? kBom.size() : 0) {}

  bool follows(std::size_t character_index) {
    advance_to(character_index);
    std::size_t at = byte_;
    while (at < text_.size() && (text_[at] == ' ' || text_[at] == '\t')) ++at;
    return at > byte_ && at < text_.size() && text_[at] == '#';
  }

 private:
  void advance_to(std::size_t character_index) {
    while (character_ < character_index && byte_ < text_.size()) {
      ++byte_;
      while (byte_ < text_.size() && (static_cast<unsigned char>(text_[byte_]) & 0xC0) == 0x80)
        ++byte_;
      ++character_;
    }
  }

  std::string_view text_;
  std::size_t byte_;
  std::size_t character_ = 0;
};

// Builds the tree from libyaml's events, one at a time.
class TreeBuilder {
 public:
  explicit TreeBuilder(std::string_view text) : comments_(text) {}

  // A problem that ends the reading, or nullopt when the event was taken.
  std::optional<YamlProblem> take(const yaml_event_t& event);
  bool finished() const { return finished_; }
  std::optional<YamlNode>& root() { return root_; }

 private:
  struct OpenNode {
    YamlNode node;
    std::string anchor;
    std::optional<YamlNode> key;  // in a mapping, a key waiting for its value
  };

  std::optional<YamlProblem> count_node(const yaml_event_t& event, YamlMark mark);
  static std::optional<YamlProblem> refuse_tag(const yaml_event_t& event, YamlMark mark);
  std::optional<YamlProblem> start_document(const yaml_event_t& event);
  std::optional<YamlProblem> open(YamlNode node, const yaml_char_t* anchor, YamlMark mark);
  std::optional<YamlProblem> alias(const yaml_event_t& event);
  std::optional<YamlProblem> close();
  std::optional<YamlProblem> complete(YamlNode node, std::string_view anchor);
  bool is_open(std::string_view anchor) const;

  CommentFinder comments_;
  std::vector<OpenNode> open_;
  std::unordered_map<std::string, YamlNode> anchors_;
  CopyBudget aliased_;
  CopyBudget anchored_;
  std::size_t nodes_ = 0;
  int documents_ = 0;
  bool finished_ = false;
  std::optional<YamlNode> root_;
};

std::optional<YamlProblem> TreeBuilder::take(const yaml_event_t& event) {
  const YamlMark mark = to_mark(event.start_mark);
  if (auto problem = count_node(event, mark)) return problem;
  if (auto problem = refuse_tag(event, mark)) return problem;
  switch (event.type) {
    case YAML_DOCUMENT_START_EVENT:
      return start_document(event);
    case YAML_STREAM_END_EVENT:
      finished_ = true;
      return std::nullopt;
    case YAML_ALIAS_EVENT:
      return alias(event);
    case YAML_SCALAR_EVENT: {
      YamlNode node = scalar_node(event);
      if (node.is_scalar() && node.is_plain() && comments_.follows(event.end_mark.index))
        node.set_comment_after();
      return complete(std::move(node), text_of(event.data.scalar.anchor));
    }
    case YAML_SEQUENCE_START_EVENT:
      return open(
          YamlNode::sequence(mark, event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE),
          event.data.sequence_start.anchor, mark);
    case YAML_MAPPING_START_EVENT:
      return open(YamlNode::map(mark, event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE),
                  event.data.mapping_start.anchor, mark);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      return close();
    default:
      return std::nullopt;
  }
}

std::optional<YamlProblem> TreeBuilder::count_node(const yaml_event_t& event, YamlMark mark) {
  const bool is_node = event.type == YAML_SCALAR_EVENT || event.type == YAML_SEQUENCE_START_EVENT ||
                       event.type == YAML_MAPPING_START_EVENT || event.type == YAML_ALIAS_EVENT;
  if (!is_node || ++nodes_ <= kMaxNodes) return std::nullopt;
  return YamlProblem{mark,
                     fmt::format(fmt::runtime(tr("文件中的 YAML 节点(值、列表、映射)超过 {} 个",
                                                 "the file holds more than {} YAML nodes "
                                                 "(values, lists and mappings)")),
                                 kMaxNodes)};
}

// `!!binary 5L2g5aW9` would be graded as the letters, `!!str 35` read as a number: no coach
// file needs a tag, so none is taken rather than some ignored.
std::optional<YamlProblem> TreeBuilder::refuse_tag(const yaml_event_t& event, YamlMark mark) {
  const yaml_char_t* tag = event.type == YAML_SCALAR_EVENT           ? event.data.scalar.tag
                           : event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.tag
                           : event.type == YAML_MAPPING_START_EVENT  ? event.data.mapping_start.tag
                                                                     : nullptr;
  if (!tag) return std::nullopt;
  constexpr std::string_view kCoreTags = "tag:yaml.org,2002:";
  std::string shown(text_of(tag));
  if (shown.rfind(kCoreTags, 0) == 0) shown = "!!" + shown.substr(kCoreTags.size());
  return YamlProblem{mark, fmt::format(fmt::runtime(tr("coach 文件不用 YAML 标签(`{}`):请删除;"
                                                       "要保持文字原样就加引号",
                                                       "coach files use no YAML tags (`{}`): "
                                                       "remove it, and quote text that must stay "
                                                       "as written")),
                                       shown)};
}

std::optional<YamlProblem> TreeBuilder::start_document(const yaml_event_t& event) {
  if (++documents_ == 1) return std::nullopt;
  return YamlProblem{
      to_mark(event.start_mark),
      std::string(tr("一个文件只能有一个 YAML 文档(去掉多余的 ---)",
                     "a file may hold only one YAML document (remove the extra ---)"))};
}

std::optional<YamlProblem> TreeBuilder::open(YamlNode node, const yaml_char_t* anchor,
                                             YamlMark mark) {
  if (open_.size() >= kMaxDepth)
    return YamlProblem{mark, std::string(tr("嵌套层次太深", "nesting too deep"))};
  open_.push_back({std::move(node), std::string(text_of(anchor)), std::nullopt});
  return std::nullopt;
}

std::optional<YamlProblem> TreeBuilder::alias(const yaml_event_t& event) {
  const YamlMark mark = to_mark(event.start_mark);
  const std::string_view name = text_of(event.data.alias.anchor);
  const auto found = anchors_.find(std::string(name));
  if (found == anchors_.end()) {
    if (is_open(name)) {
      return YamlProblem{mark, fmt::format(fmt::runtime(tr("别名 `*{0}` 指向了包含它自己的 `&{0}`",
                                                           "alias `*{0}` refers to the `&{0}` that "
                                                           "contains it")),
                                           name)};
    }
    return YamlProblem{mark, fmt::format(fmt::runtime(tr("别名 `*{0}` 没有对应的锚点 `&{0}`",
                                                         "alias `*{0}` has no anchor `&{0}`")),
                                         name)};
  }
  if (!aliased_.take(found->second)) {
    if (aliased_.too_many_nodes()) {
      return YamlProblem{mark,
                         fmt::format(fmt::runtime(tr("别名(*)展开后超过 {} 个节点",
                                                     "aliases (*) expand to more than {} nodes")),
                                     kMaxCopiedNodes)};
    }
    return YamlProblem{mark, fmt::format(fmt::runtime(tr("别名(*)展开后的文字超过 {} MiB",
                                                         "aliases (*) expand to more than {} MiB "
                                                         "of text")),
                                         kMaxCopiedBytes >> 20)};
  }
  if (open_.size() + static_cast<std::size_t>(found->second.height()) > kMaxDepth)
    return YamlProblem{mark, std::string(tr("嵌套层次太深", "nesting too deep"))};
  YamlNode copy = found->second;
  copy.move_to(mark);
  return complete(std::move(copy), {});
}

std::optional<YamlProblem> TreeBuilder::close() {
  OpenNode closed = std::move(open_.back());
  open_.pop_back();
  return complete(std::move(closed.node), closed.anchor);
}

std::optional<YamlProblem> TreeBuilder::complete(YamlNode node, std::string_view anchor) {
  if (!anchor.empty()) {
    if (!anchored_.take(node)) {
      if (anchored_.too_many_nodes()) {
        return YamlProblem{
            node.mark(), fmt::format(fmt::runtime(tr("锚点(&)标记的节点合计超过 {} 个",
                                                     "anchors (&) mark more than {} nodes in all")),
                                     kMaxCopiedNodes)};
      }
      return YamlProblem{node.mark(),
                         fmt::format(fmt::runtime(tr("锚点(&)标记的文字合计超过 {} MiB",
                                                     "anchors (&) mark more than {} MiB of text in "
                                                     "all")),
                                     kMaxCopiedBytes >> 20)};
    }
    anchors_.insert_or_assign(std::string(anchor), node);
  }
  if (open_.empty()) {
    root_ = std::move(node);
    return std::nullopt;
  }
  OpenNode& parent = open_.back();
  if (parent.node.is_sequence()) {
    parent.node.add_item(std::move(node));
  } else if (!parent.key) {
    parent.key = std::move(node);
  } else {
    parent.node.add_entry(std::move(*parent.key), std::move(node));
    parent.key.reset();
  }
  return std::nullopt;
}

bool TreeBuilder::is_open(std::string_view anchor) const {
  return std::any_of(open_.begin(), open_.end(),
                     [&](const OpenNode& node) { return node.anchor == anchor; });
}

// libyaml's character index leaves a byte-order mark out.
bool is_tab_at(std::string_view text, std::size_t character_index) {
  if (starts_with_bom(text)) text.remove_prefix(kBom.size());
  std::size_t characters = 0;
  for (const char byte : text) {
    if ((static_cast<unsigned char>(byte) & 0xC0) == 0x80) continue;
    if (characters++ == character_index) return byte == '\t';
  }
  return false;
}

// libyaml's reader reports a byte offset; its scanner and parser a mark.
YamlProblem syntax_problem(std::string_view text, const yaml_parser_t& parser) {
  if (parser.error == YAML_READER_ERROR) {
    const std::size_t offset = std::min(parser.problem_offset, text.size());
    const YamlMark mark = yaml_mark_at(text, offset);
    if (offset < text.size() && text[offset] == '\0')
      return {mark, std::string(tr("文件中有 NUL 字节(\\0)", "NUL byte (\\0) in the file"))};
    const int value = parser.problem_value;
    const bool control = value < 0x20 || (value >= 0x7F && value < 0xA0);
    if (words(parser.problem) == "control characters are not allowed" && control) {
      return {mark, fmt::format(fmt::runtime(tr("文件中有控制字符 U+{:04X}(如终端转义序列)",
                                                "control character U+{:04X} in the file (such as "
                                                "a terminal escape)")),
                                value)};
    }
    if (words(parser.problem) == "control characters are not allowed") {
      return {mark, fmt::format(fmt::runtime(tr("文件中有非文字字符 U+{:04X}",
                                                "character U+{:04X} in the file is not text")),
                                value)};
    }
    return {mark, syntax_error_text(words(parser.problem), true)};
  }
  const YamlMark mark = to_mark(parser.problem_mark);
  // libyaml calls a tab it meets where indentation goes a character that cannot start a token.
  if (is_tab_at(text, mark.index)) {
    return {mark,
            std::string(tr("YAML 语法错误: 缩进里有 Tab,请改用空格",
                           "YAML syntax error: a tab in the indentation; indent with spaces"))};
  }
  // A full-width colon or a colon without its space explains the error better than where
  // the broken mapping started.
  const std::string mistake = typing_mistake_hint(text, mark.line);
  if (!mistake.empty()) return {mark, syntax_error_text(words(parser.problem), false) + mistake};
  std::string message = syntax_error_text(words(parser.problem), true);
  const bool context_elsewhere = parser.context_mark.index != parser.problem_mark.index;
  if (parser.context && context_elsewhere) {
    message +=
        syntax_context_text(words(parser.context), static_cast<int>(parser.context_mark.line) + 1,
                            static_cast<int>(parser.context_mark.column) + 1);
  }
  return {mark, std::move(message)};
}

}  // namespace

// Counted as libyaml counts: a leading byte-order mark is no character, CR LF is one line
// break and a lone CR is one too.
YamlMark yaml_mark_at(std::string_view text, std::size_t byte_offset) {
  YamlMark mark;
  const std::size_t end = std::min(byte_offset, text.size());
  for (std::size_t i = starts_with_bom(text) ? kBom.size() : 0; i < end; ++i) {
    const char byte = text[i];
    if ((static_cast<unsigned char>(byte) & 0xC0) == 0x80) continue;  // inside a character
    ++mark.index;
    const bool breaks =
        byte == '\n' || (byte == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'));
    if (breaks) {
      ++mark.line;
      mark.column = 0;
    } else if (byte != '\r') {
      ++mark.column;
    }
  }
  return mark;
}

std::variant<YamlNode, YamlProblem> parse_yaml(std::string_view text) {
  if (const auto found = find_hidden_line_break(text))
    return hidden_line_break_problem(text, found->first, found->second);
  LibyamlParser parser(text);
  TreeBuilder builder(text);
  while (!builder.finished()) {
    yaml_event_t event;
    if (!parser.next(event)) return syntax_problem(text, parser.state());
    const EventGuard guard(event);
    if (auto problem = builder.take(event)) return std::move(*problem);
  }
  if (!builder.root()) return YamlProblem{{}, std::string(tr("文件是空的", "the file is empty"))};
  return std::move(*builder.root());
}

}  // namespace coach
