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

// A hint when line `line` (0-based) of `text`, or the one before it, shows a typing mistake
// behind a syntax error there: a full-width colon, or a key's colon with no space after it.
// Empty when neither does.
std::string typing_mistake_hint(std::string_view text, int line);

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
