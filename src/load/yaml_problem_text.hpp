#pragma once
// libyaml's syntax errors, worded for a trainer: in Chinese where we know the problem, in
// libyaml's own English otherwise; and the typing mistakes that usually cause them.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace coach {

// "YAML syntax error: …" for one of libyaml's problems, with what usually fixes it if asked.
std::string syntax_error_text(std::string_view problem, bool with_advice);
// " (while parsing a flow sequence that starts at 3:7)", for a problem's context.
std::string syntax_context_text(std::string_view context, int line, int column);

// A typing mistake behind a syntax error: what to say of it, and where it is when that is not
// where libyaml stopped (a full-width colon's error comes at the next key).
struct TypingMistake {
  std::string hint;
  std::optional<std::size_t> offset;  // in bytes
};

// The mistake line `line` (0-based) of `text`, or the one before it, shows behind libyaml's
// `problem` there: a full-width colon, dash, brace or bracket typed as YAML's, a key's colon with
// no space after it, a key longer than libyaml reads, or a key indented deeper than the key
// before it, which YAML reads as more of that key's text.
std::optional<TypingMistake> find_typing_mistake(std::string_view text, int line,
                                                 std::string_view problem);

// `text` after the full-width (U+3000) and no-break spaces it starts with, and the ASCII spaces
// among them: what an input method typed as indentation, which YAML takes for text.
std::string_view after_wide_spaces(std::string_view text);

// The byte offset of a full-width or no-break space in the indentation of a key or list item on
// line `line` (0-based) of `text` or the line before it: libyaml took it for text and failed
// further on, usually at the next line, with a problem that says nothing of spaces.
std::optional<std::size_t> wide_indent_near(std::string_view text, int line);

// Why a character libyaml's reader refuses, or one it would take for a line break an editor
// does not show, or a noncharacter, cannot be in a file.
std::string refused_character_text(char32_t cp);

// The same for a noncharacter written as an escape (`\uFFFE` in double quotes): refused as the
// character itself would be.
std::string escaped_noncharacter_text(char32_t cp, std::string_view written);

}  // namespace coach
