#include "load/yaml_slips.hpp"

#include <algorithm>
#include <utility>

#include "load/yaml_problem_text.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

constexpr std::string_view kFullWidthColon = "\xEF\xBC\x9A";  // ：
constexpr std::string_view kFullWidthHash = "\xEF\xBC\x83";   // ＃

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

}  // namespace

YamlSlips::YamlSlips(std::string_view text, const YamlNode& root) : lines_(text), root_(&root) {}

std::optional<SourceMark> YamlSlips::written_character(const YamlNode& scalar, char32_t cp) const {
  const YamlMark& start = scalar.mark();
  std::size_t from = lines_.byte_in_line(start);
  const std::string_view first = lines_.line(start.line);
  if (from < first.size() && first[from] == '"') return std::nullopt;  // perhaps an escape
  std::string written;
  utf8::append(written, cp);
  for (int line = start.line; lines_.has_line(line); ++line, from = 0) {
    const std::string_view text = lines_.line(line);
    const std::size_t at = text.find(written, from);
    if (at == std::string_view::npos) continue;
    const auto column = static_cast<int>(utf8::count_code_points(text.substr(0, at)));
    return SourceMark{line + 1, column + 1};
  }
  return std::nullopt;
}

std::optional<YamlSlip> YamlSlips::behind(const YamlNode& node) const {
  if (node.is_null()) return swallowed_colon(node);
  if (node.is_scalar()) return full_width_hash_in(node);
  return std::nullopt;
}

YamlSlips::Written YamlSlips::written(const YamlNode& scalar) const {
  const std::string_view line = lines_.line(scalar.mark().line);
  const std::size_t start = lines_.byte_in_line(scalar.mark());
  return {line.substr(0, std::min(line.size(), start + scalar.scalar().size())), start};
}

SourceMark YamlSlips::place(const YamlNode& scalar, const Written& written,
                            std::size_t byte) const {
  const std::string_view before = written.line.substr(written.start, byte - written.start);
  return {scalar.mark().line + 1,
          scalar.mark().column + static_cast<int>(utf8::count_code_points(before)) + 1};
}

std::optional<YamlSlip> YamlSlips::colon_in_flow_key(const YamlNode& map,
                                                     const YamlNode& key) const {
  if (!map.is_flow() || !key.is_plain() || key.scalar().find(kFullWidthColon) == std::string::npos)
    return std::nullopt;
  // What follows the key's start on its line is the key's, up to its end, so the first `：`
  // there is.
  const Written key_written = written(key);
  const std::size_t colon = key_written.line.find(kFullWidthColon, key_written.start);
  if (colon == std::string_view::npos) return std::nullopt;
  return YamlSlip{place(key, key_written, colon), full_width_colon_text(key.mark().line)};
}

std::optional<YamlSlip> YamlSlips::of_shape(const YamlNode& node, bool want_list) const {
  // `never_say:` then `  -none_of: [开除]` is a mapping: its first key shows the slip.
  const bool keyed = want_list && node.is_map() && !node.is_flow() && !node.entries().empty();
  const YamlNode& start = keyed ? node.entries().front().key : node;
  if (!start.is_scalar() || !start.is_plain()) return std::nullopt;
  const Written start_written = written(start);
  const auto mistake = collection_typed_as_text(start_written.line, start_written.start,
                                                start.mark().line, want_list);
  if (!mistake) return std::nullopt;
  return YamlSlip{place(start, start_written, *mistake->offset), mistake->hint};
}

// `stage: vent ＃注释` is the stage `vent ＃注释`: whatever is wrong with it is the `＃`'s. Only
// a value of one ASCII word (or none) before the `＃` is read so: an id, a number, a stage. In
// Chinese text (`请按 ＃号键`, a reply too long) the `＃` is text, and the error is not its.
std::optional<YamlSlip> YamlSlips::full_width_hash_in(const YamlNode& node) const {
  if (!node.is_plain() || node.scalar().find(kFullWidthHash) == std::string::npos)
    return std::nullopt;
  const Written node_written = written(node);
  const auto mistake = full_width_hash(node_written.line, node_written.start, node.mark().line);
  if (!mistake) return std::nullopt;
  const std::size_t hash = *mistake->offset;
  if (!is_one_ascii_word(node_written.line.substr(node_written.start, hash - node_written.start)))
    return std::nullopt;
  return YamlSlip{place(node, node_written, hash), mistake->hint};
}

// An empty value does not know the key it belongs to: the tree is walked once, on the first
// error at one, for every key that swallowed a `：`.
std::optional<YamlSlip> YamlSlips::swallowed_colon(const YamlNode& empty) const {
  if (!root_) return std::nullopt;
  if (!swallowed_colons_) {
    swallowed_colons_.emplace();
    find_swallowed_colons(*root_);
  }
  const auto found = swallowed_colons_->find(empty.mark().index);
  if (found == swallowed_colons_->end()) return std::nullopt;
  return found->second;
}

void YamlSlips::find_swallowed_colons(const YamlNode& node) const {
  for (const YamlNode& item : node.items()) find_swallowed_colons(item);
  for (const YamlEntry& entry : node.entries()) {
    find_swallowed_colons(entry.value);
    if (!entry.value.is_null() || !entry.key.is_scalar()) continue;
    if (auto colon = colon_in_flow_key(node, entry.key))
      swallowed_colons_->insert_or_assign(entry.value.mark().index, std::move(*colon));
  }
}

// Every line indented past the owner of a block text is more of its text, the rest of the file
// included, so the only error is the key missing.
std::optional<YamlSlip> YamlSlips::key_in_text_block(const YamlNode& map,
                                                     std::string_view key) const {
  if (map.is_flow()) return std::nullopt;
  for (const YamlEntry& entry : map.entries()) {
    if (auto slip = key_in_block_of(entry, key)) return slip;
  }
  return std::nullopt;
}

// `key` on a line of the block text that is `entry`'s value.
std::optional<YamlSlip> YamlSlips::key_in_block_of(const YamlEntry& entry,
                                                   std::string_view key) const {
  const YamlNode& value = entry.value;
  if (!value.is_scalar() || value.is_plain() || !entry.key.is_scalar()) return std::nullopt;
  const std::string_view first = lines_.line(value.mark().line);
  const std::size_t at = lines_.byte_in_line(value.mark());
  if (at >= first.size() || (first[at] != '|' && first[at] != '>')) return std::nullopt;
  const char indicator = first[at];
  const auto owner_column = static_cast<std::size_t>(entry.key.mark().column);
  for (int n = value.mark().line + 1; lines_.has_line(n); ++n) {
    const std::string_view line = lines_.line(n);
    const std::size_t indent = indentation(line);
    if (indent == line.size()) continue;  // blank lines go on with the text
    if (indent <= owner_column) break;
    if (key_of_line(line) != key) continue;
    return YamlSlip{
        {n + 1, static_cast<int>(indent) + 1},
        key_in_text_block_text(n, key, entry.key.scalar(), indent - owner_column, indicator)};
  }
  return std::nullopt;
}

}  // namespace coach
