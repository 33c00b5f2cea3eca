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
  // The hint says all there is to say, without parentheses: libyaml's words, about what
  // followed from the mistake, would only mislead (`-id: s1` is no key to line up).
  bool says_all = false;
};

// The mistake line `line` (0-based) of `text`, or the one before it, shows behind libyaml's
// `problem` there: a full-width colon, dash, brace or bracket typed as YAML's, a key's colon with
// no space after it (or a full-width one), a list item's dash with no space after it (or a
// full-width one), a full-width `＃` starting a line, a key longer than libyaml reads, or a key
// indented deeper than the key before it, which YAML reads as more of that key's text (or, after
// a quoted text or a [ ], finds where a key should be).
std::optional<TypingMistake> find_typing_mistake(std::string_view text, int line,
                                                 std::string_view problem);

// The syntax error libyaml's `problem` is worded as when `mistake` is behind it.
std::string typing_mistake_text(std::string_view problem, const TypingMistake& mistake);

// What was meant as a list (`want_list`) or a mapping and became text, or a list that became a
// mapping, where the slip shows at the start of the value (or of the mapping's first key):
// `［回访, 回电话］`, `｛王先生｝`, `－ 您好` or `-id: s1` starting a line, `empathy：-20`. YAML
// read it without complaint; only the value's shape tells. `line_text` is the value's line, `start`
// the byte in it where the value starts, `line` its number (0-based); the offset is in the line.
std::optional<TypingMistake> collection_typed_as_text(std::string_view line_text, std::size_t start,
                                                      int line, bool want_list);

// `stage: vent ＃注释`: the input method's `＃` where a comment was meant, from byte `start` of
// `line_text` on (a `＃` inside a word is text). YAML reads it and what follows as the value.
std::optional<TypingMistake> full_width_hash(std::string_view line_text, std::size_t start,
                                             int line);

// A full-width `，` between the entries of a { } or [ ] on the line, at or before `offset` in
// `text`, when libyaml's `problem` is the missing `,`.
std::optional<TypingMistake> full_width_comma_before(std::string_view text, std::size_t offset,
                                                     int line, std::string_view problem);

// " (line 7 has a full-width colon “：” …)": the hint for a `：` typed for YAML's `: `.
std::string full_width_colon_text(int line);

// How many spaces a line is indented by.
std::size_t indentation(std::string_view line);

// The key a line holds by itself (`steps` in `   steps:`), not as a list item; or empty.
std::string_view key_of_line(std::string_view line);

// The hint for a key line indented deeper than the key `owner` whose value is a block of text
// (`indicator` `|` or `>`): YAML read it as more of that text.
std::string key_in_text_block_text(int line, std::string_view key, std::string_view owner,
                                   std::size_t deeper, char indicator);

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
