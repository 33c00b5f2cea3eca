#include "load/yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
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
    "写法里,英文逗号会分隔条目;请给含逗号的文字加引号,或改用中文逗号“，”)";
constexpr std::string_view flow_comma_hint_en =
    " (this looks like cut-off text: inside { } or [ ] an ASCII comma separates entries; quote "
    "text that "
    "contains commas, or use the Chinese comma “，”)";

std::string missing_key_text(std::string_view key) {
  return fmt::format(fmt::runtime(tr("缺少必需的键 `{}`", "missing required key `{}`")), key);
}

constexpr std::string_view kFullWidthColon = "\xEF\xBC\x9A";  // ：

bool has_key(const YamlNode& map, std::string_view key) {
  return std::any_of(map.entries().begin(), map.entries().end(), [&](const YamlEntry& entry) {
    return entry.key.is_scalar() && entry.key.scalar() == key;
  });
}

// Whether `text` is at most one ASCII word, with the blanks after it: `vent `, `10　`, an id.
bool is_one_ascii_word(std::string_view text) {
  constexpr std::size_t kLongestWord = 64;  // ids, numbers, stages, truth values
  constexpr std::string_view kWideSpace = "\xE3\x80\x80";
  for (bool more = true; more;) {
    more = text.ends_with(' ') || text.ends_with('\t') || text.ends_with(kWideSpace);
    if (more) text.remove_suffix(text.ends_with(kWideSpace) ? kWideSpace.size() : 1);
  }
  return text.size() <= kLongestWord && std::all_of(text.begin(), text.end(), [](char c) {
           return c > ' ' && static_cast<unsigned char>(c) < 0x80;
         });
}

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

std::optional<YamlNode> YamlReader::parse(const std::string& content) {
  auto parsed = parse_yaml(content);
  if (auto* problem = std::get_if<YamlProblem>(&parsed)) {
    error(SourceMark{problem->mark.line + 1, problem->mark.column + 1},
          std::move(problem->message));
    return std::nullopt;
  }
  lines_ = YamlLines(content);
  find_swallowed_colons(std::get<YamlNode>(parsed));
  return std::move(std::get<YamlNode>(parsed));
}

void YamlReader::find_swallowed_colons(const YamlNode& node) {
  for (const YamlNode& item : node.items()) find_swallowed_colons(item);
  for (const YamlEntry& entry : node.entries()) {
    find_swallowed_colons(entry.value);
    if (!entry.value.is_null() || !entry.key.is_scalar()) continue;
    if (const auto colon = colon_in_flow_key(node, entry.key))
      swallowed_colons_[entry.value.mark().index] = colon->mark;
  }
}

YamlReader::Written YamlReader::written(const YamlNode& scalar) const {
  const std::string_view line = lines_.line(scalar.mark().line);
  const std::size_t start = lines_.byte_in_line(scalar.mark());
  return {line.substr(0, std::min(line.size(), start + scalar.scalar().size())), start};
}

SourceMark YamlReader::place(const YamlNode& scalar, const Written& written,
                             std::size_t byte) const {
  const std::string_view before = written.line.substr(written.start, byte - written.start);
  return {scalar.mark().line + 1,
          scalar.mark().column + static_cast<int>(utf8::count_code_points(before)) + 1};
}

// `{any_of: [回访], points： 5}`: the key `points： 5`, not text cut at an ASCII comma.
std::optional<YamlReader::Slip> YamlReader::colon_in_flow_key(const YamlNode& map,
                                                              const YamlNode& key) const {
  if (!map.is_flow() || !key.is_plain() || key.scalar().find(kFullWidthColon) == std::string::npos)
    return std::nullopt;
  const Written key_written = written(key);
  const std::size_t colon = key_written.line.find(kFullWidthColon, key_written.start);
  if (colon == std::string_view::npos) return std::nullopt;
  return Slip{place(key, key_written, colon), full_width_colon_text(key.mark().line)};
}

std::optional<YamlReader::Slip> YamlReader::shape_slip(const YamlNode& node, bool want_list) const {
  // `never_say:` then `  -none_of: [开除]` is a mapping: its first key shows the slip.
  const bool keyed = want_list && node.is_map() && !node.is_flow() && !node.entries().empty();
  const YamlNode& start = keyed ? node.entries().front().key : node;
  if (!start.is_scalar() || !start.is_plain()) return std::nullopt;
  const Written start_written = written(start);
  const auto mistake = collection_typed_as_text(start_written.line, start_written.start,
                                                start.mark().line, want_list);
  if (!mistake) return std::nullopt;
  return Slip{place(start, start_written, *mistake->offset), mistake->hint};
}

std::optional<YamlReader::Slip> YamlReader::slip_behind(const YamlNode& node,
                                                        std::string_view message) const {
  if (node.is_null()) {
    const auto found = swallowed_colons_.find(node.mark().index);
    if (found == swallowed_colons_.end()) return std::nullopt;
    return Slip{found->second, full_width_colon_text(found->second.line - 1)};
  }
  if (node.is_scalar()) return full_width_hash_in(node);
  if (node.is_map()) return key_in_text_block(node, message);
  return std::nullopt;
}

// `stage: vent ＃注释` is the stage `vent ＃注释`: whatever is wrong with it is the `＃`'s. Only
// a value of one ASCII word (or none) before the `＃` is read so: an id, a number, a stage. In
// Chinese text (`请按 ＃号键`, a reply too long) the `＃` is text, and the error is not its.
std::optional<YamlReader::Slip> YamlReader::full_width_hash_in(const YamlNode& node) const {
  if (!node.is_plain() || node.scalar().find("\xEF\xBC\x83") == std::string::npos) return {};
  const Written node_written = written(node);
  const auto mistake = full_width_hash(node_written.line, node_written.start, node.mark().line);
  if (!mistake) return std::nullopt;
  const std::size_t hash = *mistake->offset;
  if (!is_one_ascii_word(node_written.line.substr(node_written.start, hash - node_written.start)))
    return std::nullopt;
  return Slip{place(node, node_written, hash), mistake->hint};
}

// `briefing: |` then `   steps:`: every line indented past `briefing:` is more of its text,
// the rest of the file included, so the only error is the key missing. Said only of the error
// that key's absence causes.
std::optional<YamlReader::Slip> YamlReader::key_in_text_block(const YamlNode& map,
                                                              std::string_view message) const {
  if (map.is_flow()) return std::nullopt;
  for (const YamlEntry& entry : map.entries()) {
    const YamlNode& value = entry.value;
    if (!value.is_scalar() || value.is_plain() || !entry.key.is_scalar()) continue;
    const std::string_view first = lines_.line(value.mark().line);
    const std::size_t at = lines_.byte_in_line(value.mark());
    if (at >= first.size() || (first[at] != '|' && first[at] != '>')) continue;
    const char indicator = first[at];
    const int owner_column = entry.key.mark().column;
    for (int n = value.mark().line + 1; lines_.has_line(n); ++n) {
      const std::string_view line = lines_.line(n);
      const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
      if (indent == line.size()) continue;  // blank lines go on with the text
      if (static_cast<int>(indent) <= owner_column) break;
      const std::string_view key = key_of_line(line);
      if (key.empty() || has_key(map, key) || message != missing_key_text(key)) continue;
      return Slip{
          {n + 1, static_cast<int>(indent) + 1},
          key_in_text_block_text(n, key, entry.key.scalar(),
                                 indent - static_cast<std::size_t>(owner_column), indicator)};
    }
  }
  return std::nullopt;
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
  if (auto slip = slip_behind(at, message)) {
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
      if (const auto colon = colon_in_flow_key(node, entry.key)) {
        error(colon->mark, std::move(message) + colon->hint);
        continue;
      }
      if (node.is_flow() && looks_like_split_text(key))
        message += tr(flow_comma_hint_zh, flow_comma_hint_en);
      error(entry.key, std::move(message));
    }
  }
  return true;
}

bool YamlReader::expect_sequence(const YamlNode& node, std::string_view what) {
  if (node.is_sequence()) return true;
  shape_error(node, true,
              fmt::format(fmt::runtime(tr("{}应是列表,实际是{}", "{} should be a list, found {}")),
                          subject(what), type_name(node)));
  return false;
}

void YamlReader::shape_error(const YamlNode& node, bool want_list, std::string message) {
  if (auto slip = shape_slip(node, want_list)) {
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

const YamlNode& YamlReader::key_node(const YamlNode& map, const char* key) {
  const YamlEntry* entry = entry_of(map, key);
  return entry ? entry->key : absent();
}

std::optional<std::string> YamlReader::text(const YamlNode& map, const char* key, bool required) {
  const YamlNode& node = child(map, key);
  if (!node.is_defined() || node.is_null()) {
    if (required) error(map, missing_key_text(key));
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

std::optional<std::string> YamlReader::name(const YamlNode& map, const char* key,
                                            std::string_view what) {
  auto name = text(map, key, false);
  if (name && !check_no_hidden(child(map, key), what)) return std::nullopt;
  return name;
}

// `情绪激动型` followed by a zero-width space looks like the preset and is another name.
bool YamlReader::check_no_hidden(const YamlNode& node, std::string_view what) {
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

// Titles, briefings, feedback and model answers are printed on the trainee's terminal: an
// escape sequence in them could rewrite the screen.
bool YamlReader::check_no_controls(const YamlNode& node, std::string_view what) {
  if (!utf8::has_control_characters(node.scalar()) && !utf8::has_bidi_controls(node.scalar()))
    return true;
  std::string message =
      fmt::format(fmt::runtime(tr("`{}` 中含有控制字符(如终端转义序列)",
                                  "`{}` contains control characters (such as terminal escapes)")),
                  what);
  // In double quotes YAML reads `\b` as a backspace and `\a`, `\e` … as controls too: the
  // pattern `\bvip\b` a trainer wrote never reaches RE2.
  if (what == "regex" || what == "patterns")
    message += tr(";正则表达式请用单引号括起来('\\bvip\\b'):在双引号里 YAML 把 \\b 读成退格符",
                  "; write regular expressions in single quotes ('\\bvip\\b'): in double quotes "
                  "YAML reads \\b as a backspace");
  error(node, std::move(message));
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
                            key, min, max));
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
    if (required) error(map, missing_key_text(key));
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
