#include "load/yaml_parser.hpp"

#include <yaml.h>

#include <algorithm>
#include <new>
#include <optional>
#include <utility>

#include "load/yaml_problem_text.hpp"
#include "load/yaml_source.hpp"
#include "load/yaml_tree_builder.hpp"
#include "util/i18n.hpp"

namespace coach {
namespace {

YamlProblem character_problem(YamlMark mark, char32_t cp) {
  return {mark, refused_character_text(cp)};
}

// libyaml's messages are C strings, or null.
std::string_view words(const char* message) {
  return message ? std::string_view(message) : std::string_view();
}

class LibyamlParser {
 public:
  explicit LibyamlParser(std::string_view text) {
    if (yaml_parser_initialize(&parser_) == 0) throw std::bad_alloc();
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  ~LibyamlParser() { yaml_parser_delete(&parser_); }
  LibyamlParser(const LibyamlParser&) = delete;
  LibyamlParser& operator=(const LibyamlParser&) = delete;

  // After a failure libyaml answers every call with no event and success: a parser short of
  // memory (`ulimit -v`) was asked forever. Running out of memory is no syntax error either.
  bool next(yaml_event_t& event) {
    const bool parsed = yaml_parser_parse(&parser_, &event) != 0 && event.type != YAML_NO_EVENT;
    if (parser_.error == YAML_MEMORY_ERROR) throw std::bad_alloc();
    return parsed;
  }
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

// The typing mistake behind libyaml's `problem` at `mark`: the input method's comma where
// libyaml wanted YAML's, or one find_typing_mistake sees on the line or the line before.
std::optional<TypingMistake> mistake_behind(std::string_view text, YamlMark mark,
                                            std::string_view problem) {
  if (auto comma =
          full_width_comma_before(text, byte_offset_of(text, mark.index), mark.line, problem))
    return comma;
  return find_typing_mistake(text, mark.line, problem);
}

// libyaml's reader reports a byte offset; its scanner and parser a mark.
YamlProblem syntax_problem(std::string_view text, const yaml_parser_t& parser) {
  if (parser.error == YAML_READER_ERROR) {
    const std::size_t offset = std::min(parser.problem_offset, text.size());
    const YamlMark mark = yaml_mark_at(text, offset);
    if (offset < text.size() && text[offset] == '\0') return character_problem(mark, 0);
    if (words(parser.problem) == "control characters are not allowed")
      return character_problem(mark, static_cast<char32_t>(parser.problem_value));
    return {mark, syntax_error_text(words(parser.problem), true)};
  }
  const YamlMark mark = to_mark(parser.problem_mark);
  if (const auto byte_order_mark = byte_order_mark_near(text, mark.index))
    return character_problem(*byte_order_mark, 0xFEFF);
  // libyaml calls a tab it meets where indentation goes a character that cannot start a token.
  if (is_tab_at(text, mark.index)) {
    return {mark,
            std::string(tr("YAML 语法错误: 缩进里有 Tab,请改用空格",
                           "YAML syntax error: a tab in the indentation; indent with spaces"))};
  }
  if (const auto wide = wide_indent_near(text, mark.line)) {
    return {yaml_mark_at(text, *wide),
            std::string(tr("YAML 语法错误: 缩进里有全角空格“　”或不换行空格,请改用半角空格",
                           "YAML syntax error: a full-width “　” or no-break space in the "
                           "indentation; indent with ASCII spaces"))};
  }
  // A full-width colon or a colon without its space explains the error better than where
  // the broken mapping started.
  if (const auto mistake = mistake_behind(text, mark, words(parser.problem))) {
    const YamlMark at = mistake->offset ? yaml_mark_at(text, *mistake->offset) : mark;
    return {at, typing_mistake_text(words(parser.problem), *mistake)};
  }
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

std::variant<YamlNode, YamlProblem> parse_yaml(std::string_view text) {
  if (const auto found = find_refused_character(text))
    return character_problem(yaml_mark_at(text, found->first), found->second);
  LibyamlParser parser(text);
  YamlTreeBuilder builder(text);
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
