#include "load/yaml_reader.hpp"

#include <fmt/format.h>
#include <yaml-cpp/anchor.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <sstream>

#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

constexpr int kMaxFlowDepth = 64;
constexpr int kMaxIndent = 512;

// yaml-cpp recurses once per nesting level; refuse pathological nesting before it can
// exhaust the stack. Returns the byte offset where the nesting goes too deep.
std::optional<std::size_t> find_excessive_nesting(const std::string& content) {
  int depth = 0;
  int indent = 0;
  bool at_line_start = true;
  for (std::size_t i = 0; i < content.size(); ++i) {
    const char c = content[i];
    if (c == '\n') {
      indent = 0, at_line_start = true;
      continue;
    }
    if (at_line_start && c == ' ') {
      if (++indent > kMaxIndent) return i;
    } else {
      at_line_start = false;
    }
    if (c == '[' || c == '{') {
      if (++depth > kMaxFlowDepth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

// Aliases let a few bytes stand for a huge document (a "billion laughs": each level repeats the
// one below): every reader walks the expanded tree, so it would hang on a file of 20 KB.
constexpr std::uint64_t kMaxAliasNodes = 100000;

// Reads a file's parser events before any tree is built: counts how many nodes the aliases
// bring in (marking the alias that goes over the budget) and where each document starts.
class DocumentCensus : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> exceeded_at;
  std::vector<YAML::Mark> document_starts;

  void OnDocumentStart(const YAML::Mark& mark) override { document_starts.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override { leaf(anchor); }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                const std::string&) override {
    leaf(anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const std::uint64_t size = anchor < sizes_.size() ? sizes_[anchor] : 1;
    alias_nodes_ = capped(alias_nodes_ + size);
    if (alias_nodes_ > kMaxAliasNodes && !exceeded_at) exceeded_at = mark;
    add(size);
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open_.push_back({anchor, 1});
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open_.push_back({anchor, 1});
  }
  void OnMapEnd() override { close(); }

 private:
  // Sizes only matter up to the budget; capping them keeps the sums from overflowing.
  static std::uint64_t capped(std::uint64_t n) { return std::min(n, kMaxAliasNodes + 1); }
  void leaf(YAML::anchor_t anchor) {
    remember(anchor, 1);
    add(1);
  }
  void close() {
    const auto [anchor, size] = open_.back();
    open_.pop_back();
    remember(anchor, size);
    add(size);
  }
  void add(std::uint64_t size) {
    if (!open_.empty()) open_.back().second = capped(open_.back().second + size);
  }
  void remember(YAML::anchor_t anchor, std::uint64_t size) {
    if (anchor == YAML::NullAnchor) return;
    if (sizes_.size() <= anchor) sizes_.resize(anchor + 1, 1);
    sizes_[anchor] = size;
  }

  std::vector<std::pair<YAML::anchor_t, std::uint64_t>> open_;  // collections being read
  std::vector<std::uint64_t> sizes_;                            // expanded size per anchor
  std::uint64_t alias_nodes_ = 0;
};

// Whether the census can find anything: an alias (`*` where a node starts), a document marker
// or directive, text after a flow root, or a line that starts with `,`, `]` or `}` (text the
// first document cannot take). Most files have none, and are parsed once instead of twice.
bool may_need_census(const std::string& content) {
  bool line_start = true;  // only indentation so far on this line
  bool first_line = true;  // no significant text yet in the file
  for (std::size_t i = 0; i < content.size(); ++i) {
    const char c = content[i];
    const char before = i == 0 ? '\n' : content[i - 1];
    if (c == '*' && std::string_view(" \t\n[{,").find(before) != std::string_view::npos)
      return true;
    if (c == '\n') {
      line_start = true;
      continue;
    }
    if (c == ' ' || c == '\t' || !line_start) continue;
    line_start = false;
    if (c == '#') continue;
    if (before == '\n' && (c == '-' || c == '.' || c == '%')) return true;
    if (c == ',' || c == ']' || c == '}') return true;
    if (first_line && (c == '[' || c == '{')) return true;
    first_line = false;
  }
  return false;
}

DocumentCensus take_census(const std::string& content) {
  std::istringstream stream(content);
  YAML::Parser parser(stream);
  DocumentCensus census;
  while (!census.exceeded_at && census.document_starts.size() < 3 &&
         parser.HandleNextDocument(census)) {
  }
  return census;
}

// Whether a byte starts a character (is not a UTF-8 continuation byte).
bool is_lead_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

// In `{feedback: 先解决心情,再解决事情}` the ASCII comma ends the value, and the rest of the
// sentence becomes a key: the usual cause of an "unknown key" that is not a word at all.
bool looks_like_split_text(const std::string& key) {
  for (unsigned char c : key) {
    if (c >= 0x80 || c == ' ') return true;
  }
  return false;
}

constexpr std::string_view flow_comma_hint_zh =
    "(这像是被截断的文字:在 { } 或 [ ] "
    "写法里,英文逗号会分隔条目;请给含逗号的文字加引号,或改用中文逗号“,”)";
constexpr std::string_view flow_comma_hint_en =
    " (this looks like cut-off text: inside { } or [ ] an ASCII comma separates entries; quote "
    "text that "
    "contains commas, or use the Chinese comma “,”)";

std::string type_name(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return std::string(tr("映射", "a mapping"));
    case YAML::NodeType::Sequence:
      return std::string(tr("列表", "a list"));
    case YAML::NodeType::Scalar:
      return std::string(tr("标量", "a scalar"));
    default:
      return std::string(tr("空值", "nothing"));
  }
}

}  // namespace

std::string join_keys(std::initializer_list<std::string_view> keys) {
  std::string out;
  for (auto key : keys) {
    if (!out.empty()) out += ", ";
    out += fmt::format("`{}`", key);
  }
  return out;
}

YamlReader::YamlReader(std::string file, Diagnostics& diagnostics)
    : file_(std::move(file)), diagnostics_(diagnostics) {}

std::optional<YAML::Node> YamlReader::parse(const std::string& content) {
  content_ = content;
  line_starts_ = {0};
  checkpoints_ = {0};
  std::size_t characters = 0;
  for (std::size_t i = 0; i < content_.size(); ++i) {
    if (content_[i] == '\n') line_starts_.push_back(i + 1);
    if (is_lead_byte(content_[i])) ++characters;
    if ((i + 1) % kCheckpointBytes == 0) checkpoints_.push_back(characters);
  }
  // yaml-cpp takes a NUL byte for the end of the text and reports a nonsense escape error.
  if (const auto nul = content.find('\0'); nul != std::string::npos) {
    error(mark_at(nul), std::string(tr("文件中有 NUL 字节(\\0)", "NUL byte (\\0) in the file")));
    return std::nullopt;
  }
  if (auto at = find_excessive_nesting(content)) {
    error(mark_at(*at), std::string(tr("嵌套层次太深", "nesting too deep")));
    return std::nullopt;
  }
  try {
    const DocumentCensus census =
        may_need_census(content) ? take_census(content) : DocumentCensus{};
    if (census.exceeded_at) {
      error(to_source_mark(*census.exceeded_at),
            fmt::format(fmt::runtime(tr("别名(*)展开后超过 {} 个节点",
                                        "aliases (*) expand to more than {} nodes")),
                        kMaxAliasNodes));
      return std::nullopt;
    }
    if (census.document_starts.size() > 1 && !check_one_document(census.document_starts))
      return std::nullopt;
    const YAML::Node root = YAML::Load(content);
    // An empty file (or one of comments) has no document at all: say so, with a place.
    if (root.IsNull() && root.Mark().is_null()) {
      error(SourceMark{1, 1}, std::string(tr("文件是空的", "the file is empty")));
      return std::nullopt;
    }
    return root;
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own depth limit (nested `- - - …` on one line) says only "bad file".
    error(to_source_mark(e.mark), std::string(tr("嵌套层次太深", "nesting too deep")));
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    error(to_source_mark(e.mark),
          fmt::format(fmt::runtime(tr("YAML 语法错误: {}", "YAML syntax error: {}")), e.msg));
    return std::nullopt;
  }
}

bool YamlReader::check_one_document(const std::vector<YAML::Mark>& starts) {
  for (std::size_t i = 1; i < starts.size(); ++i) {
    if (starts[i].pos != starts[i - 1].pos) continue;
    error(to_source_mark(starts[i]), std::string(tr("YAML 语法错误: 无法读取此处的内容",
                                                    "YAML syntax error: unexpected text")));
    return false;
  }
  if (starts.size() > 1) {
    error(to_source_mark(starts[1]),
          std::string(tr("一个文件只能有一个 YAML 文档(去掉多余的 ---)",
                         "a file may hold only one YAML document (remove the extra ---)")));
    return false;
  }
  return true;
}

SourceMark YamlReader::mark_at(std::size_t pos) const {
  const auto next_line = std::upper_bound(line_starts_.begin(), line_starts_.end(), pos);
  const std::size_t start = *(next_line - 1);
  return {static_cast<int>(next_line - line_starts_.begin()),
          static_cast<int>(characters_before(pos) - characters_before(start)) + 1};
}

SourceMark YamlReader::to_source_mark(const YAML::Mark& m) const {
  if (m.is_null()) return {};
  return {m.line + 1, character_column(m.line, m.column) + 1};
}

SourceMark YamlReader::mark(const YAML::Node& node) const {
  if (!node.IsDefined()) return {};
  return to_source_mark(node.Mark());
}

int YamlReader::character_column(int line, int byte_column) const {
  if (line < 0 || static_cast<std::size_t>(line) >= line_starts_.size()) return byte_column;
  const std::size_t start = line_starts_[static_cast<std::size_t>(line)];
  if (start + static_cast<std::size_t>(byte_column) > content_.size()) return byte_column;
  return static_cast<int>(characters_before(start + static_cast<std::size_t>(byte_column)) -
                          characters_before(start));
}

// Counting from the start of the line would make a file held on one line (a flow mapping of a
// million keys) quadratic: count from the nearest checkpoint instead.
std::size_t YamlReader::characters_before(std::size_t pos) const {
  const std::size_t block = pos / kCheckpointBytes;
  std::size_t characters = checkpoints_[block];
  for (std::size_t i = block * kCheckpointBytes; i < pos; ++i) {
    if (is_lead_byte(content_[i])) ++characters;
  }
  return characters;
}

void YamlReader::check_split_sentence(const YAML::Node& sequence, std::string_view key) {
  if (!sequence.IsSequence() || sequence.Style() != YAML::EmitterStyle::Flow) return;
  for (std::size_t i = 0; i + 1 < sequence.size(); ++i) {
    const YAML::Node item = sequence[i];
    const YAML::Node next = sequence[i + 1];
    if (!item.IsScalar() || !next.IsScalar() || item.Tag() != "?") continue;
    const YAML::Mark a = item.Mark();
    const YAML::Mark b = next.Mark();
    const bool adjacent =
        a.line == b.line && b.pos == a.pos + static_cast<int>(item.Scalar().size()) + 1;
    if (!adjacent) continue;
    error(item,
          fmt::format(fmt::runtime(tr("`{}` 中“{}”和“{}”被英文逗号分成了两项;若是一句话,请加引号",
                                      "in `{}`, “{}” and “{}” were split into two items at an "
                                      "ASCII comma; quote the sentence if it is one")),
                      key, item.Scalar(), next.Scalar()));
  }
}

void YamlReader::error(const YAML::Node& at, std::string message) {
  diagnostics_.error(file_, mark(at), std::move(message));
}

void YamlReader::error(SourceMark at, std::string message) {
  diagnostics_.error(file_, at, std::move(message));
}

bool YamlReader::expect_map(const YAML::Node& node, std::string_view what,
                            std::initializer_list<std::string_view> allowed) {
  if (!node.IsMap()) {
    error(node, fmt::format(fmt::runtime(tr("{} 应是映射(键: 值),实际是{}",
                                            "{} should be a mapping (key: value), found {}")),
                            what, type_name(node)));
    return false;
  }
  std::set<std::string> seen;
  for (const auto& pair : node) {
    if (!pair.first.IsScalar()) {
      error(pair.first, std::string(tr("键必须是文本", "keys must be plain text")));
      continue;
    }
    const std::string key = pair.first.Scalar();
    if (!seen.insert(key).second) {
      error(pair.first, fmt::format(fmt::runtime(tr("键 `{}` 重复", "duplicate key `{}`")),
                                    utf8::show_hidden(key)));
    }
    if (allowed.size() > 0 && std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string message =
          fmt::format(fmt::runtime(tr("{1}中有未知的键 `{0}`;允许的键: {2}",
                                      "unknown key `{0}` in {1}; allowed keys: {2}")),
                      utf8::show_hidden(key), what, join_keys(allowed));
      if (looks_like_split_text(key)) message += tr(flow_comma_hint_zh, flow_comma_hint_en);
      error(pair.first, std::move(message));
    }
  }
  return true;
}

bool YamlReader::expect_sequence(const YAML::Node& node, std::string_view what) {
  if (node.IsSequence()) return true;
  error(node, fmt::format(fmt::runtime(tr("{} 应是列表,实际是{}", "{} should be a list, found {}")),
                          what, type_name(node)));
  return false;
}

YAML::Node YamlReader::child(const YAML::Node& map, const char* key) {
  if (!map.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  for (const auto& pair : map) {
    if (pair.first.IsScalar() && pair.first.Scalar() == key) return pair.second;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

std::optional<std::string> YamlReader::text(const YAML::Node& map, const char* key, bool required) {
  const YAML::Node node = child(map, key);
  if (!node.IsDefined() || node.IsNull()) {
    if (required)
      error(map,
            fmt::format(fmt::runtime(tr("缺少必需的键 `{}`", "missing required key `{}`")), key));
    return std::nullopt;
  }
  if (!node.IsScalar()) {
    error(node,
          fmt::format(fmt::runtime(tr("`{}` 应是文本,实际是{}", "`{}` should be text, found {}")),
                      key, type_name(node)));
    return std::nullopt;
  }
  if (required && node.Scalar().empty()) {
    error(node, fmt::format(fmt::runtime(tr("`{}` 不能为空", "`{}` must not be empty")), key));
    return std::nullopt;
  }
  if (!check_no_controls(node, key)) return std::nullopt;
  return node.Scalar();
}

// Titles, briefings, feedback and model answers are printed on the trainee's terminal: an
// escape sequence in them could rewrite the screen.
bool YamlReader::check_no_controls(const YAML::Node& node, std::string_view what) {
  if (!utf8::has_control_characters(node.Scalar()) && !utf8::has_bidi_controls(node.Scalar()))
    return true;
  error(node,
        fmt::format(fmt::runtime(tr("`{}` 中含有控制字符(如终端转义序列)",
                                    "`{}` contains control characters (such as terminal escapes)")),
                    what));
  return false;
}

std::optional<MarkedText> YamlReader::marked_text(const YAML::Node& node, std::string_view what) {
  if (!node.IsScalar()) {
    error(node, fmt::format(fmt::runtime(tr("{} 应是文本,实际是{}", "{} should be text, found {}")),
                            what, type_name(node)));
    return std::nullopt;
  }
  return MarkedText{node.Scalar(), mark(node)};
}

std::optional<int> YamlReader::integer(const YAML::Node& map, const char* key, int min, int max) {
  const YAML::Node node = child(map, key);
  if (!node.IsDefined() || node.IsNull()) return std::nullopt;
  int value = 0;
  if (!node.IsScalar() || !YAML::convert<int>::decode(node, value) || value < min || value > max) {
    error(node, fmt::format(fmt::runtime(tr("`{}` 应是 {} 到 {} 之间的整数",
                                            "`{}` should be a whole number from {} to {}")),
                            key, min, max));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> YamlReader::boolean(const YAML::Node& map, const char* key) {
  const YAML::Node node = child(map, key);
  if (!node.IsDefined() || node.IsNull()) return std::nullopt;
  bool value = false;
  if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) {
    error(node,
          fmt::format(fmt::runtime(tr("`{}` 应是 true 或 false", "`{}` should be true or false")),
                      key));
    return std::nullopt;
  }
  return value;
}

std::vector<MarkedText> YamlReader::text_list(const YAML::Node& map, const char* key,
                                              bool required) {
  std::vector<MarkedText> out;
  const YAML::Node node = child(map, key);
  if (!node.IsDefined() || node.IsNull()) {
    if (required)
      error(map,
            fmt::format(fmt::runtime(tr("缺少必需的键 `{}`", "missing required key `{}`")), key));
    return out;
  }
  if (!expect_sequence(node, fmt::format("`{}`", key))) return out;
  for (const auto& item : node) {
    if (auto text = marked_text(
            item, fmt::format(fmt::runtime(tr("`{}` 的每一项", "each item of `{}`")), key))) {
      if (text->text.empty()) {
        error(item, fmt::format(fmt::runtime(tr("`{}` 中有空项", "empty item in `{}`")), key));
        continue;
      }
      if (!check_no_controls(item, key)) continue;
      out.push_back(std::move(*text));
    }
  }
  if (required && out.empty() && node.size() == 0) {
    error(node,
          fmt::format(fmt::runtime(tr("`{}` 至少要有一项", "`{}` needs at least one item")), key));
  }
  return out;
}

std::vector<MarkedText> YamlReader::sentence_list(const YAML::Node& map, const char* key,
                                                  bool required) {
  check_split_sentence(child(map, key), key);
  return text_list(map, key, required);
}

}  // namespace coach
