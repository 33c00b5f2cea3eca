#include "load/yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <variant>

#include "load/yaml_parser.hpp"
#include "load/yaml_problem_text.hpp"
#include "load/yaml_scalars.hpp"
#include "util/closest_name.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

constexpr std::string_view flow_comma_hint_zh =
    "(这像是被截断的文字:在 { } 或 [ ] "
    "写法里,英文逗号会分隔条目;请给含逗号的文字加引号,或改用中文逗号“，”)";
constexpr std::string_view flow_comma_hint_en =
    " (this looks like cut-off text: inside { } or [ ] an ASCII comma separates entries; quote "
    "text that "
    "contains commas, or use the Chinese comma “，”)";

std::string type_name(const YamlNode& node) {
  switch (node.kind()) {
    case YamlKind::map:
      return std::string(tr("映射", "a mapping"));
    case YamlKind::sequence:
      return std::string(tr("列表", "a list"));
    case YamlKind::scalar:
      return std::string(tr("标量", "a scalar"));
    default:
      return std::string(tr("空值", "nothing"));
  }
}

}  // namespace

bool looks_like_split_text(std::string_view key) {
  return std::any_of(key.begin(), key.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80 || c == ' '; });
}

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

const YamlNode* YamlReader::parse(const std::string& content) {
  auto parsed = parse_yaml(content);
  if (auto* problem = std::get_if<YamlProblem>(&parsed)) {
    error(SourceMark{problem->mark.line + 1, problem->mark.column + 1},
          std::move(problem->message));
    return nullptr;
  }
  root_ = std::move(std::get<YamlNode>(parsed));
  slips_ = YamlSlips(content, *root_);
  return &*root_;
}

SourceMark YamlReader::mark(const YamlNode& node) const {
  if (!node.is_defined()) return {};
  return {node.mark().line + 1, node.mark().column + 1};
}

void YamlReader::check_split_sentence(const YamlNode& sequence, std::string_view key) {
  if (!sequence.is_sequence() || !sequence.is_flow()) return;
  const auto& items = sequence.items();
  for (std::size_t i = 0; i + 1 < items.size(); ++i) {
    const YamlNode& item = items[i];
    const YamlNode& next = items[i + 1];
    if (!item.is_scalar() || !next.is_scalar() || !item.is_plain()) continue;
    const YamlMark& a = item.mark();
    const YamlMark& b = next.mark();
    const bool adjacent =
        a.line == b.line && b.index == a.index + utf8::count_code_points(item.scalar()) + 1;
    if (!adjacent) continue;
    error(item,
          fmt::format(fmt::runtime(tr("`{}` 中“{}”和“{}”被英文逗号分成了两项;若是一句话,请加引号",
                                      "in `{}`, “{}” and “{}” were split into two items at an "
                                      "ASCII comma; quote the sentence if it is one")),
                      key, utf8::quote(item.scalar()), utf8::quote(next.scalar())));
  }
}

void YamlReader::error(const YamlNode& at, std::string message) {
  if (auto slip = slips_.behind(at)) {
    diagnostics_.error(file_, slip->mark, std::move(message) + slip->hint);
    return;
  }
  diagnostics_.error(file_, mark(at), std::move(message));
}

void YamlReader::error(SourceMark at, std::string message) {
  diagnostics_.error(file_, at, std::move(message));
}

bool YamlReader::expect_map(const YamlNode& node, std::string_view what,
                            std::initializer_list<std::string_view> allowed) {
  if (!node.is_map()) {
    shape_error(node, false,
                fmt::format(fmt::runtime(tr("{}应是映射(键: 值),实际是{}",
                                            "{} should be a mapping (key: value), found {}")),
                            subject(what), type_name(node)));
    return false;
  }
  std::set<std::string> seen;
  for (const YamlEntry& entry : node.entries()) {
    if (entry.key.is_null()) {
      error(entry.key, std::string(tr("键不能为空(也不能是 ~ 或 null)",
                                      "a key may not be empty, `~` or `null`")));
      continue;
    }
    if (!entry.key.is_scalar()) {
      error(entry.key, std::string(tr("键必须是文本", "keys must be plain text")));
      continue;
    }
    const std::string& key = entry.key.scalar();
    if (!seen.insert(key).second) {
      error(entry.key,
            fmt::format(fmt::runtime(tr("键 `{}` 重复", "duplicate key `{}`")), utf8::quote(key)));
    }
    if (const auto indented = after_wide_spaces(key); indented.size() < key.size()) {
      error(entry.key,
            fmt::format(fmt::runtime(tr("键 `{}` 前是全角空格或不换行空格;缩进只能用半角空格",
                                        "key `{}` is indented with full-width or no-break "
                                        "spaces; indent with ASCII spaces only")),
                        utf8::quote(indented)));
      continue;
    }
    if (allowed.size() > 0 && std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string message =
          fmt::format(fmt::runtime(tr("{1}中有未知的键 `{0}`{3};允许的键: {2}",
                                      "unknown key `{0}` in {1}{3}; allowed keys: {2}")),
                      utf8::quote(key), what, join_keys(allowed),
                      did_you_mean(key, std::vector<std::string_view>(allowed)));
      if (const auto colon = slips_.colon_in_flow_key(node, entry.key)) {
        error(colon->mark, std::move(message) + colon->hint);
        continue;
      }
      if (node.is_flow() && looks_like_split_text(key))
        message += tr(flow_comma_hint_zh, flow_comma_hint_en);
      error(entry.key, std::move(message));
    }
  }
  report_keys_in_text(node, allowed, seen);
  return true;
}

namespace {

// Whether `text` holds `key` followed by a colon, as a key typed into it would be.
bool holds_key(std::string_view text, std::string_view key) {
  for (std::size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
    if (at + key.size() < text.size() && text[at + key.size()] == ':') return true;
  }
  return false;
}

}  // namespace

// Only a block text that holds `key:` of a key the mapping lacks is looked at line by line: a
// valid file's texts hold none, and cost a search or two of their own text.
void YamlReader::report_keys_in_text(const YamlNode& map,
                                     std::initializer_list<std::string_view> allowed,
                                     const std::set<std::string>& present) {
  if (map.is_flow()) return;
  for (const YamlEntry& entry : map.entries()) {
    if (!entry.value.is_scalar() || entry.value.is_plain()) continue;
    const std::string_view text = entry.value.scalar();
    if (text.find(':') == std::string_view::npos) continue;
    for (const std::string_view key : allowed) {
      if (!holds_key(text, key)) continue;
      std::pair<std::size_t, std::string> named{map.mark().index, std::string(key)};
      if (present.count(named.second) || keys_in_text_.count(named)) continue;
      if (auto slip = slips_.key_in_text_block(map, key)) {
        keys_in_text_.insert(std::move(named));
        error(slip->mark,
              fmt::format(fmt::runtime(tr("`{}` 没有当作键读到", "`{}` was not read as a key")),
                          key) +
                  slip->hint);
      }
    }
  }
}

bool YamlReader::expect_sequence(const YamlNode& node, std::string_view what) {
  if (node.is_sequence()) return true;
  shape_error(node, true,
              fmt::format(fmt::runtime(tr("{}应是列表,实际是{}", "{} should be a list, found {}")),
                          subject(what), type_name(node)));
  return false;
}

void YamlReader::shape_error(const YamlNode& node, bool want_list, std::string message) {
  if (auto slip = slips_.of_shape(node, want_list)) {
    error(slip->mark, std::move(message) + slip->hint);
    return;
  }
  error(node, std::move(message));
}

namespace {
const YamlEntry* entry_of(const YamlNode& map, const char* key) {
  if (!map.is_map()) return nullptr;
  for (const YamlEntry& entry : map.entries()) {
    if (entry.key.is_scalar() && entry.key.scalar() == key) return &entry;
  }
  return nullptr;
}
const YamlNode& absent() {
  static const YamlNode node;
  return node;
}
}  // namespace

const YamlNode& YamlReader::child(const YamlNode& map, const char* key) {
  const YamlEntry* entry = entry_of(map, key);
  return entry ? entry->value : absent();
}

void YamlReader::missing_key(const YamlNode& map, const char* key) {
  if (keys_in_text_.count({map.mark().index, key})) return;  // expect_map has said where it is
  std::string message =
      fmt::format(fmt::runtime(tr("缺少必需的键 `{}`", "missing required key `{}`")), key);
  if (!child(map, key).is_defined()) {
    if (auto slip = slips_.key_in_text_block(map, key)) {
      error(slip->mark, std::move(message) + slip->hint);
      return;
    }
  }
  error(map, std::move(message));
}

const YamlNode& YamlReader::key_node(const YamlNode& map, const char* key) {
  const YamlEntry* entry = entry_of(map, key);
  return entry ? entry->key : absent();
}

std::optional<std::string> YamlReader::text(const YamlNode& map, const char* key, bool required) {
  const YamlNode& node = child(map, key);
  if (!node.is_defined() || node.is_null()) {
    if (required) missing_key(map, key);
    return std::nullopt;
  }
  if (!node.is_scalar()) {
    error(node,
          fmt::format(fmt::runtime(tr("`{}` 应是文本,实际是{}", "`{}` should be text, found {}")),
                      key, type_name(node)));
    return std::nullopt;
  }
  if (required && node.scalar().empty()) {
    error(node, fmt::format(fmt::runtime(tr("`{}` 不能为空", "`{}` must not be empty")), key));
    return std::nullopt;
  }
  if (!check_no_controls(node, key) || !check_not_cut(node)) return std::nullopt;
  return node.scalar();
}

std::optional<std::string> YamlReader::short_text(const YamlNode& map, const char* key,
                                                  bool required, std::size_t limit) {
  auto text = this->text(map, key, required);
  if (!text) return text;
  if (const std::size_t length = utf8::count_code_points(*text); length > limit) {
    error(child(map, key), fmt::format(fmt::runtime(tr("`{}` 太长:{} 个字,上限是 {}",
                                                       "`{}` is too long: {} "
                                                       "characters, more than the "
                                                       "limit of {}")),
                                       key, grouped(length), grouped(limit)));
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> YamlReader::name(const YamlNode& map, const char* key,
                                            std::string_view what) {
  auto name = text(map, key, false);
  if (name && !check_usable_name(child(map, key), what)) return std::nullopt;
  return name;
}

// `情绪激动型` followed by a zero-width space looks like the preset and is another name; a name
// of nothing (`type: ""`, a preset keyed `""`) names nothing, silently (outside pass 48).
bool YamlReader::check_usable_name(const YamlNode& node, std::string_view what) {
  if (node.scalar().find_first_not_of(" \t") == std::string::npos) {
    error(node, fmt::format(fmt::runtime(tr("{}不能为空;不需要就删掉这一项",
                                            "{} must not be empty; delete the entry if it is not "
                                            "needed")),
                            what));
    return false;
  }
  if (!utf8::has_hidden_characters(node.scalar())) return true;
  error(node, fmt::format(fmt::runtime(tr("{} `{}` 中有看不见的字符,对不上看起来相同的名字;请删除",
                                          "{} `{}` holds an invisible character, so it matches no "
                                          "name that looks the same: delete it")),
                          what, utf8::quote(node.scalar())));
  return false;
}

// `customer: 请按 #号键` is YAML for 请按 and a comment: the text silently cut short. A `#`
// with a space after it reads as the comment it usually is.
bool YamlReader::check_not_cut(const YamlNode& node) {
  if (!node.has_comment_after() || !node.comment_is_glued()) return true;
  const YamlMark hash = node.comment_mark();
  error(SourceMark{hash.line + 1, hash.column + 1},
        std::string(tr("文本在“ #”处被 YAML 当成了注释而截断;# 是文本的一部分就给整段文本加引号,"
                       "是注释就在 # 后空一格",
                       "the text is cut at “ #”, where YAML reads a comment; quote the whole "
                       "text if the # belongs to it, or put a space after the # of a comment")));
  return false;
}

std::optional<ControlPlace> YamlReader::control_place(const YamlNode& node) const {
  // Nearly every text has none: told by the bytewise tests before a character is decoded.
  const std::string& text = node.scalar();
  if (!utf8::has_control_characters(text) && !utf8::has_bidi_controls(text)) return std::nullopt;
  const auto found = utf8::first_control(text);
  if (!found) return std::nullopt;
  const auto code = static_cast<std::uint32_t>(found->code_point);
  // A control in a block of many lines was placed at the block's `|`, as its 219th character
  // (outside pass 52, finding 3).
  if (const auto written = slips_.written_character(node, found->code_point))
    return ControlPlace{written, fmt::format("U+{:04X}", code)};
  return ControlPlace{std::nullopt,
                      fmt::format(fmt::runtime(tr("U+{:04X},第 {} 个字", "U+{:04X}, character {}")),
                                  code, found->character)};
}

void YamlReader::control_error(const YamlNode& node, const ControlPlace& place,
                               std::string message) {
  if (place.written) {
    error(*place.written, std::move(message));
  } else {
    error(node, std::move(message));
  }
}

// Titles, briefings, feedback and model answers are printed on the trainee's terminal: an
// escape sequence in them could rewrite the screen.
bool YamlReader::check_no_controls(const YamlNode& node, std::string_view what) {
  const std::optional<ControlPlace> place = control_place(node);
  if (!place) return true;
  std::string message =
      fmt::format(fmt::runtime(tr("`{}` 中含有控制字符(如终端转义序列):{}",
                                  "`{}` contains control characters (such as terminal escapes): "
                                  "{}")),
                  what, place->named);
  // In double quotes YAML reads `\b` as a backspace and `\a`, `\e` … as controls too: the
  // pattern `\bvip\b` a trainer wrote never reaches RE2.
  if (what == "regex" || what == "patterns")
    message += tr(";正则表达式请用单引号括起来('\\bvip\\b'):在双引号里 YAML 把 \\b 读成退格符",
                  "; write regular expressions in single quotes ('\\bvip\\b'): in double quotes "
                  "YAML reads \\b as a backspace");
  control_error(node, *place, std::move(message));
  return false;
}

std::optional<MarkedText> YamlReader::marked_text(const YamlNode& node, std::string_view what) {
  if (!node.is_scalar()) {
    error(node, fmt::format(fmt::runtime(tr("{}应是文本,实际是{}", "{} should be text, found {}")),
                            subject(what), type_name(node)));
    return std::nullopt;
  }
  return MarkedText{node.scalar(), mark(node)};
}

std::optional<int> YamlReader::integer(const YamlNode& map, const char* key, int min, int max) {
  const YamlNode& node = child(map, key);
  if (!node.is_defined() || node.is_null()) return std::nullopt;
  const auto value = node.is_scalar() ? yaml_integer(node.scalar()) : std::nullopt;
  if (!value || *value < min || *value > max) {
    error(node, fmt::format(fmt::runtime(tr("`{}` 应是 {} 到 {} 之间的整数",
                                            "`{}` should be a whole number from {} to {}")),
                            key, grouped(min), grouped(max)));
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::optional<bool> YamlReader::boolean(const YamlNode& map, const char* key) {
  const YamlNode& node = child(map, key);
  if (!node.is_defined() || node.is_null()) return std::nullopt;
  const auto value = node.is_scalar() ? yaml_boolean(node.scalar()) : std::nullopt;
  if (!value) {
    error(node,
          fmt::format(fmt::runtime(tr("`{}` 应是 true 或 false", "`{}` should be true or false")),
                      key));
    return std::nullopt;
  }
  return value;
}

std::vector<MarkedText> YamlReader::text_list(const YamlNode& map, const char* key, bool required) {
  std::vector<MarkedText> out;
  const YamlNode& node = child(map, key);
  if (!node.is_defined() || node.is_null()) {
    if (required) missing_key(map, key);
    return out;
  }
  if (!expect_sequence(node, fmt::format("`{}`", key))) return out;
  for (const YamlNode& item : node.items()) {
    if (auto text = marked_text(
            item, fmt::format(fmt::runtime(tr("`{}` 的每一项", "each item of `{}`")), key))) {
      if (text->text.empty()) {
        error(item, fmt::format(fmt::runtime(tr("`{}` 中有空项", "empty item in `{}`")), key));
        continue;
      }
      if (!check_no_controls(item, key) || !check_not_cut(item)) continue;
      out.push_back(std::move(*text));
    }
  }
  if (required && out.empty() && node.size() == 0) {
    error(node,
          fmt::format(fmt::runtime(tr("`{}` 至少要有一项", "`{}` needs at least one item")), key));
  }
  return out;
}

std::vector<MarkedText> YamlReader::sentence_list(const YamlNode& map, const char* key,
                                                  bool required) {
  check_split_sentence(child(map, key), key);
  return text_list(map, key, required);
}

}  // namespace coach
