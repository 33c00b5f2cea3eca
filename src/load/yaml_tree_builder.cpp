#include "load/yaml_tree_builder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "load/yaml_problem_text.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// Aliases let a few bytes stand for a huge document (a "billion laughs": each level repeats the
// one below, or one long text aliased a thousand times); every reader walks the expanded tree,
// so a file of 20 KB would take minutes and gigabytes. Anchored nodes are kept aside for their
// aliases: nested anchors on a large list would keep many copies of it. Both are budgeted.
constexpr std::size_t kMaxCopiedNodes = 100000;
constexpr std::size_t kMaxCopiedBytes = 4u << 20;
// A 16 MiB file of `[a,a,a,…]` is eight million nodes: about a gigabyte as a tree. A node costs
// about 175 bytes as a tree, so a million of them (a 2 MB submission) took 175 MB, and on a
// runner with a memory limit one such file ended the whole cohort's run (outside pass 48,
// finding 16). The largest real files hold a few tens of thousands: a lexicon at the library's
// limit of 200,000 phrases, an answers file of 40,000 replies.
constexpr std::size_t kMaxNodes = 250000;
// Real files nest six deep; the readers walking the tree recurse once per level.
constexpr std::size_t kMaxDepth = 64;

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

}  // namespace

YamlMark to_mark(const yaml_mark_t& mark) {
  return {mark.index, static_cast<int>(mark.line), static_cast<int>(mark.column)};
}

std::string_view text_of(const yaml_char_t* bytes, std::size_t length) {
  return {reinterpret_cast<const char*>(bytes), length};
}

std::string_view text_of(const yaml_char_t* bytes) {
  return bytes ? std::string_view(reinterpret_cast<const char*>(bytes)) : std::string_view();
}

bool YamlTreeBuilder::CopyBudget::take(const YamlNode& node) {
  nodes_ += node.node_count();
  bytes_ += node.text_bytes();
  return nodes_ <= kMaxCopiedNodes && bytes_ <= kMaxCopiedBytes;
}

bool YamlTreeBuilder::CopyBudget::too_many_nodes() const {
  return nodes_ > kMaxCopiedNodes;
}

std::optional<YamlProblem> YamlTreeBuilder::take(const yaml_event_t& event) {
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
      if (auto problem = refuse_escaped_noncharacter(event)) return problem;
      if (auto problem = refuse_merge_key(event, mark)) return problem;
      YamlNode node = scalar_node(event);
      if (node.is_scalar() && node.is_plain()) {
        if (const auto comment = comments_.follows(to_mark(event.end_mark), block_indent()))
          node.set_comment_after(comment->hash, comment->glued);
      }
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

std::optional<YamlProblem> YamlTreeBuilder::count_node(const yaml_event_t& event, YamlMark mark) {
  const bool is_node = event.type == YAML_SCALAR_EVENT || event.type == YAML_SEQUENCE_START_EVENT ||
                       event.type == YAML_MAPPING_START_EVENT || event.type == YAML_ALIAS_EVENT;
  if (!is_node || ++nodes_ <= kMaxNodes) return std::nullopt;
  return YamlProblem{mark,
                     fmt::format(fmt::runtime(tr("文件中的 YAML 节点(值、列表、映射)超过 {} 个",
                                                 "the file holds more than {} YAML nodes "
                                                 "(values, lists and mappings)")),
                                 grouped(kMaxNodes))};
}

// Written raw, a noncharacter is refused before libyaml reads the file; as an escape it is
// refused the same, where the escape stands.
std::optional<YamlProblem> YamlTreeBuilder::refuse_escaped_noncharacter(
    const yaml_event_t& event) const {
  const auto& scalar = event.data.scalar;
  if (scalar.style != YAML_DOUBLE_QUOTED_SCALAR_STYLE) return std::nullopt;
  const auto found = utf8::find_noncharacter(text_of(scalar.value, scalar.length));
  if (!found) return std::nullopt;
  const YamlMark start = to_mark(event.start_mark);
  if (const auto escape = find_escaped_noncharacter(text_, start)) {
    return YamlProblem{yaml_mark_at(text_, escape->byte_offset),
                       escaped_noncharacter_text(escape->code_point, escape->written)};
  }
  return YamlProblem{start, refused_character_text(found->second)};
}

// YAML 1.1's merge key (`<<: *defaults`) is not YAML 1.2: read as an ordinary key, it became a
// step id whose reply was a mapping, or "unknown key `<<`", which says nothing of the feature.
// Quoted, `"<<"` is just a key.
std::optional<YamlProblem> YamlTreeBuilder::refuse_merge_key(const yaml_event_t& event,
                                                             YamlMark mark) const {
  const auto& scalar = event.data.scalar;
  if (scalar.style != YAML_PLAIN_SCALAR_STYLE || text_of(scalar.value, scalar.length) != "<<")
    return std::nullopt;
  if (open_.empty() || !open_.back().node.is_map() || open_.back().key) return std::nullopt;
  return YamlProblem{mark, std::string(tr("coach 文件不支持 YAML 合并键(`<<`):请把各个键逐一写出",
                                          "YAML merge keys (`<<`) are not supported in coach "
                                          "files: write the keys out"))};
}

// `!!binary 5L2g5aW9` would be graded as the letters, `!!str 35` read as a number: no coach
// file needs a tag, so none is taken rather than some ignored. libyaml decodes `%0A` in a tag,
// so the tag is quoted like any value from a file: raw, it could forge lines of the log.
std::optional<YamlProblem> YamlTreeBuilder::refuse_tag(const yaml_event_t& event, YamlMark mark) {
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
                                       utf8::quote(shown))};
}

std::optional<YamlProblem> YamlTreeBuilder::start_document(const yaml_event_t& event) {
  if (++documents_ == 1) return std::nullopt;
  return YamlProblem{
      to_mark(event.start_mark),
      std::string(tr("一个文件只能有一个 YAML 文档(去掉多余的 ---)",
                     "a file may hold only one YAML document (remove the extra ---)"))};
}

std::optional<YamlProblem> YamlTreeBuilder::open(YamlNode node, const yaml_char_t* anchor,
                                                 YamlMark mark) {
  if (open_.size() >= kMaxDepth)
    return YamlProblem{mark, std::string(tr("嵌套层次太深", "nesting too deep"))};
  open_.push_back({std::move(node), std::string(text_of(anchor)), std::nullopt});
  return std::nullopt;
}

std::optional<YamlProblem> YamlTreeBuilder::alias(const yaml_event_t& event) {
  const YamlMark mark = to_mark(event.start_mark);
  const std::string_view name = text_of(event.data.alias.anchor);
  const auto found = anchors_.find(std::string(name));
  if (found == anchors_.end()) {
    const std::string shown = utf8::quote(name);  // a name may be 100 KB long
    if (is_open(name)) {
      return YamlProblem{mark, fmt::format(fmt::runtime(tr("别名 `*{0}` 指向了包含它自己的 `&{0}`",
                                                           "alias `*{0}` refers to the `&{0}` that "
                                                           "contains it")),
                                           shown)};
    }
    return YamlProblem{mark, fmt::format(fmt::runtime(tr("别名 `*{0}` 没有对应的锚点 `&{0}`",
                                                         "alias `*{0}` has no anchor `&{0}`")),
                                         shown)};
  }
  if (!aliased_.take(found->second)) {
    if (aliased_.too_many_nodes()) {
      return YamlProblem{mark,
                         fmt::format(fmt::runtime(tr("别名(*)展开后超过 {} 个节点",
                                                     "aliases (*) expand to more than {} nodes")),
                                     grouped(kMaxCopiedNodes))};
    }
    return YamlProblem{mark, fmt::format(fmt::runtime(tr("别名(*)展开后的文字超过 {} MiB",
                                                         "aliases (*) expand to more than {} MiB "
                                                         "of text")),
                                         kMaxCopiedBytes >> 20)};
  }
  // Its lists and mappings take levels as if written out here; a text takes none.
  if (open_.size() + static_cast<std::size_t>(found->second.height()) - 1 > kMaxDepth)
    return YamlProblem{mark, std::string(tr("嵌套层次太深", "nesting too deep"))};
  YamlNode copy = found->second;
  copy.move_to(mark);
  return complete(std::move(copy), {});
}

std::optional<YamlProblem> YamlTreeBuilder::close() {
  OpenNode closed = std::move(open_.back());
  open_.pop_back();
  return complete(std::move(closed.node), closed.anchor);
}

std::optional<YamlProblem> YamlTreeBuilder::complete(YamlNode node, std::string_view anchor) {
  if (!anchor.empty()) {
    if (!anchored_.take(node)) {
      if (anchored_.too_many_nodes()) {
        return YamlProblem{
            node.mark(), fmt::format(fmt::runtime(tr("锚点(&)标记的节点合计超过 {} 个",
                                                     "anchors (&) mark more than {} nodes in all")),
                                     grouped(kMaxCopiedNodes))};
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

// A plain text inside goes on on lines indented more than this. A flow list or mapping does
// not count: its texts may go on at any column right of the block around it.
int YamlTreeBuilder::block_indent() const {
  const auto block = std::find_if(open_.rbegin(), open_.rend(),
                                  [](const OpenNode& open) { return !open.node.is_flow(); });
  return block == open_.rend() ? -1 : block->node.mark().column;
}

bool YamlTreeBuilder::is_open(std::string_view anchor) const {
  return std::any_of(open_.begin(), open_.end(),
                     [&](const OpenNode& node) { return node.anchor == anchor; });
}

}  // namespace coach
