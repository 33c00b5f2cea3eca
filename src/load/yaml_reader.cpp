#include "load/yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "util/i18n.hpp"

namespace coach {
namespace {

constexpr int kMaxFlowDepth = 64;
constexpr int kMaxIndent = 512;

// yaml-cpp recurses once per nesting level; refuse pathological nesting before it can
// exhaust the stack.
std::optional<SourceMark> find_excessive_nesting(const std::string& content) {
  int depth = 0;
  int line = 1;
  int column = 1;
  int indent = 0;
  bool at_line_start = true;
  for (char c : content) {
    if (c == '\n') {
      ++line, column = 1, indent = 0, at_line_start = true;
      continue;
    }
    if (at_line_start && c == ' ') {
      if (++indent > kMaxIndent) return SourceMark{line, column};
    } else {
      at_line_start = false;
    }
    if (c == '[' || c == '{') {
      if (++depth > kMaxFlowDepth) return SourceMark{line, column};
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
    ++column;
  }
  return std::nullopt;
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
  if (auto at = find_excessive_nesting(content)) {
    error(*at, std::string(tr("嵌套层次太深", "nesting too deep")));
    return std::nullopt;
  }
  content_ = content;
  line_starts_ = {0};
  for (std::size_t i = 0; i < content_.size(); ++i) {
    if (content_[i] == '\n') line_starts_.push_back(i + 1);
  }
  try {
    return YAML::Load(content);
  } catch (const YAML::Exception& e) {
    SourceMark at{e.mark.line + 1, character_column(e.mark.line, e.mark.column) + 1};
    if (e.mark.is_null()) at = {};
    error(at, fmt::format(fmt::runtime(tr("YAML 语法错误: {}", "YAML syntax error: {}")), e.msg));
    return std::nullopt;
  }
}

SourceMark YamlReader::mark(const YAML::Node& node) const {
  if (!node.IsDefined()) return {};
  const YAML::Mark m = node.Mark();
  if (m.is_null()) return {};
  return {m.line + 1, character_column(m.line, m.column) + 1};
}

int YamlReader::character_column(int line, int byte_column) const {
  if (line < 0 || static_cast<std::size_t>(line) >= line_starts_.size()) return byte_column;
  const std::size_t start = line_starts_[static_cast<std::size_t>(line)];
  if (start + static_cast<std::size_t>(byte_column) > content_.size()) return byte_column;
  int characters = 0;
  for (std::size_t i = start; i < start + static_cast<std::size_t>(byte_column); ++i) {
    if ((static_cast<unsigned char>(content_[i]) & 0xC0) != 0x80) ++characters;
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
      error(pair.first, fmt::format(fmt::runtime(tr("键 `{}` 重复", "duplicate key `{}`")), key));
    }
    if (allowed.size() > 0 && std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string message =
          fmt::format(fmt::runtime(tr("{1}中有未知的键 `{0}`;允许的键: {2}",
                                      "unknown key `{0}` in {1}; allowed keys: {2}")),
                      key, what, join_keys(allowed));
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

std::string YamlReader::scalar_text(const YAML::Node& node) const {
  return node.Scalar();
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
  return node.Scalar();
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
