#include "load/yaml_source.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "util/byte_words.hpp"
#include "util/utf8.hpp"

namespace coach {

YamlMark yaml_mark_at(std::string_view text, std::size_t byte_offset) {
  YamlMark mark;
  const std::size_t end = std::min(byte_offset, text.size());
  for (std::size_t i = text.size() - utf8::without_byte_order_mark(text).size(); i < end; ++i) {
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

std::size_t byte_offset_of(std::string_view text, std::size_t character_index) {
  std::size_t at = text.size() - utf8::without_byte_order_mark(text).size();
  for (std::size_t characters = 0; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;
    if (characters++ == character_index) return at;
  }
  return at;
}

YamlLines::YamlLines(std::string_view text) : text_(text) {
  const std::size_t first = text_.size() - utf8::without_byte_order_mark(text_).size();
  checkpoints_.push_back(first);
  line_found_ = {0, first};
}

// Lines break at LF and CR LF only: every other break libyaml knows is refused before parsing
// (find_refused_character).
std::optional<std::size_t> YamlLines::start_of(int line) const {
  if (line < 0 || checkpoints_.empty()) return std::nullopt;
  if (line < line_found_.line) {
    const auto nearest = std::min<std::size_t>(static_cast<std::size_t>(line / kCheckpointEvery),
                                               checkpoints_.size() - 1);
    line_found_ = {static_cast<int>(nearest) * kCheckpointEvery, checkpoints_[nearest]};
  }
  while (line_found_.line < line) {
    const std::size_t end = text_.find('\n', line_found_.byte);
    if (end == std::string_view::npos) return std::nullopt;
    line_found_ = {line_found_.line + 1, end + 1};
    const auto passed = static_cast<std::size_t>(line_found_.line / kCheckpointEvery);
    if (line_found_.line % kCheckpointEvery == 0 && passed == checkpoints_.size())
      checkpoints_.push_back(line_found_.byte);
  }
  return line_found_.byte;
}

std::string_view YamlLines::line(int line) const {
  const auto start = start_of(line);
  if (!start) return {};
  const std::string_view text = text_;
  if (line_end_.line != line) {
    std::size_t end = std::min(text.find('\n', *start), text.size());
    if (end > *start && text[end - 1] == '\r') --end;
    line_end_ = {line, end};
  }
  return text.substr(*start, line_end_.byte - *start);
}

std::size_t YamlLines::byte_in_line(const YamlMark& mark) const {
  const std::string_view shown = line(mark.line);
  const bool further_on = mark.line == column_found_.line && mark.column >= column_found_.column;
  std::size_t at = further_on ? column_found_.byte : 0;
  int column = further_on ? column_found_.column : 0;
  for (; at < shown.size(); ++at) {
    if ((static_cast<unsigned char>(shown[at]) & 0xC0) == 0x80) continue;
    if (column == mark.column) break;
    ++column;
  }
  column_found_ = {mark.line, column, at};
  return at;
}

bool is_tab_at(std::string_view text, std::size_t character_index) {
  text = utf8::without_byte_order_mark(text);
  std::size_t characters = 0;
  for (const char byte : text) {
    if ((static_cast<unsigned char>(byte) & 0xC0) == 0x80) continue;
    if (characters++ == character_index) return byte == '\t';
  }
  return false;
}

namespace {

std::optional<std::pair<std::size_t, char32_t>> find_hidden_line_break(std::string_view text) {
  const auto byte = [&](std::size_t at) {
    return at < text.size() ? static_cast<unsigned char>(text[at]) : 0;
  };
  const auto may_hold_one = [](std::uint64_t word) {
    return byte_words::any_equal(word, '\r') | byte_words::any_equal(word, 0xC2) |
           byte_words::any_equal(word, 0xE2);
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    i = byte_words::skip_words_without(text, i, may_hold_one);
    if (i >= text.size()) break;
    const unsigned char lead = byte(i);
    if (lead == '\r' && byte(i + 1) != '\n') return std::pair{i, char32_t{'\r'}};
    if (lead == 0xC2 && byte(i + 1) == 0x85) return std::pair{i, char32_t{0x85}};
    if (lead == 0xE2 && byte(i + 1) == 0x80 && (byte(i + 2) == 0xA8 || byte(i + 2) == 0xA9))
      return std::pair{i, static_cast<char32_t>(0x2000 + byte(i + 2) - 0x80)};
  }
  return std::nullopt;
}

// The code point of `digits` hexadecimal digits, or kInvalid (libyaml has checked them).
char32_t hex_value(std::string_view digits) {
  char32_t value = 0;
  for (const char c : digits) {
    const int digit = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
    if (digit < 0) return utf8::kInvalid;
    value = value << 4 | static_cast<char32_t>(digit);
  }
  return value;
}

std::size_t hex_digits_after(char escape) {
  return escape == 'x' ? 2 : escape == 'u' ? 4 : escape == 'U' ? 8 : 0;
}

// A byte order mark that begins a line (or follows the file's own): a second file's, pasted or
// joined in, or a second one an editor added. One inside a line is a reply's zero-width
// no-break space, which the normaliser drops.
std::optional<std::pair<std::size_t, char32_t>> find_line_start_byte_order_mark(
    std::string_view text) {
  const std::size_t first = text.size() - utf8::without_byte_order_mark(text).size();
  for (std::size_t at = text.find(utf8::kByteOrderMark, first); at != std::string_view::npos;
       at = text.find(utf8::kByteOrderMark, at + 1)) {
    if (at == first || text[at - 1] == '\n' || text[at - 1] == '\r')
      return std::pair{at, char32_t{0xFEFF}};
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::pair<std::size_t, char32_t>> find_refused_character(std::string_view text) {
  std::optional<std::pair<std::size_t, char32_t>> first;
  for (const auto& found : {find_hidden_line_break(text), utf8::find_noncharacter(text),
                            find_line_start_byte_order_mark(text)}) {
    if (found && (!first || found->first < first->first)) first = found;
  }
  return first;
}

std::optional<YamlMark> byte_order_mark_near(std::string_view text, std::size_t character_index) {
  const std::size_t at = byte_offset_of(text, character_index);
  const std::size_t first = text.size() - utf8::without_byte_order_mark(text).size();
  const auto is_mark = [&](std::size_t offset) {
    return offset >= first && text.substr(offset, 3) == utf8::kByteOrderMark;
  };
  if (is_mark(at)) return yaml_mark_at(text, at);
  if (at >= 3 && is_mark(at - 3)) return yaml_mark_at(text, at - 3);
  return std::nullopt;
}

// Every `\` in double quotes starts an escape: `\\` is one, so its second `\` starts none.
std::optional<EscapedCharacter> find_escaped_noncharacter(std::string_view text, YamlMark start) {
  for (std::size_t at = byte_offset_of(text, start.index) + 1; at + 1 < text.size(); ++at) {
    if (text[at] == '"') return std::nullopt;
    if (text[at] != '\\') continue;
    const std::size_t digits = hex_digits_after(text[at + 1]);
    const std::string_view written = text.substr(at, 2 + digits);
    if (const char32_t cp = hex_value(written.substr(2)); digits > 0 && utf8::is_noncharacter(cp))
      return EscapedCharacter{at, cp, written};
    at += 1 + digits;
  }
  return std::nullopt;
}

CommentFinder::CommentFinder(std::string_view text)
    : text_(text), byte_(text.size() - utf8::without_byte_order_mark(text).size()) {}

std::optional<CommentFinder::Comment> CommentFinder::follows(YamlMark end, int block_indent) {
  advance_to(end.index);
  YamlMark mark = end;
  std::size_t at = skip_blanks(byte_, mark);
  if (at < text_.size() && text_[at] == '#') {
    if (at == byte_) return std::nullopt;  // `a#b` is text
    return Comment{mark, is_glued(at)};
  }
  // A plain text goes on over blank lines; the first other line ends it or continues it.
  for (std::size_t next = skip_line_break(at, mark); next != at; next = skip_line_break(at, mark))
    at = skip_blanks(next, mark);
  if (at >= text_.size() || text_[at] != '#') return std::nullopt;
  if (mark.column <= block_indent || !is_glued(at)) return std::nullopt;
  return Comment{mark, true};
}

std::size_t CommentFinder::skip_blanks(std::size_t at, YamlMark& mark) const {
  for (; at < text_.size() && (text_[at] == ' ' || text_[at] == '\t'); ++at) {
    ++mark.index;
    ++mark.column;
  }
  return at;
}

// Counted as yaml_mark_at counts: the CR of CR LF is a character but no line break of its own.
std::size_t CommentFinder::skip_line_break(std::size_t at, YamlMark& mark) const {
  if (at >= text_.size() || (text_[at] != '\n' && text_[at] != '\r')) return at;
  const std::size_t length =
      text_[at] == '\r' && at + 1 < text_.size() && text_[at + 1] == '\n' ? 2 : 1;
  mark.index += length;
  ++mark.line;
  mark.column = 0;
  return at + length;
}

// A space, a tab or an ideographic space (U+3000, typed by Chinese input methods) after the
// `#`, or nothing, is how comments are written.
bool CommentFinder::is_glued(std::size_t hash) const {
  const std::string_view rest = text_.substr(hash + 1);
  if (rest.empty() || rest.substr(0, 3) == "\xE3\x80\x80") return false;
  return std::string_view(" \t\n\r#").find(rest.front()) == std::string_view::npos;
}

void CommentFinder::advance_to(std::size_t character_index) {
  while (character_ < character_index && byte_ < text_.size()) {
    ++byte_;
    while (byte_ < text_.size() && (static_cast<unsigned char>(text_[byte_]) & 0xC0) == 0x80)
      ++byte_;
    ++character_;
  }
}

}  // namespace coach
