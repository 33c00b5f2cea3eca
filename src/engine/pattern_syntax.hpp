#pragma once
// RE2's syntax read token by token, for what coach reads from a trainer's pattern without
// compiling it: the words its matches hold (engine/pattern_shape), an upper bound on its program
// (engine/program_size), what it can never find (engine/unmatchable_pieces, pattern_assertions,
// pattern_slips, ascii_only_escapes). Each reader is on the safe side where the syntax is wrong:
// RE2 refuses such a pattern at load anyway.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace coach {

// A counted repetition as RE2 reads it: {2}, {2,} or {0,6}, no number with a leading zero.
// Anything else ({,6}, {01,}, {1,2,3}) is the brace character itself, and what follows it is
// read as characters: then nullopt. Numbers are read up to 100,000 (RE2 refuses more than 1,000).
struct Repetition {
  static constexpr std::size_t kUnbounded = SIZE_MAX;
  std::size_t end;  // just past the `}`
  std::size_t min;
  std::size_t max;  // kUnbounded for {2,}
};
std::optional<Repetition> repetition_at(std::string_view text, std::size_t brace);

// What repeats the element before `at`: `*`, `+`, `?` or a counted repetition, with the `?`
// that makes it lazy. nullopt where none stands.
struct Quantifier {
  std::size_t end;  // past it, and past a lazy `?`
  std::size_t min;
  std::size_t max;  // Repetition::kUnbounded for `*`, `+`, {2,}
};
std::optional<Quantifier> quantifier_at(std::string_view pattern, std::size_t at);

// Past the bracketed class that starts at `at`; `]` right after `[` or `[^` is a member.
std::size_t after_class(std::string_view pattern, std::size_t at);

// Past the escape that starts at `at`: \Q…\E, \p{Han}, \pL, \x{597d}, \x20, or one character.
std::size_t after_escape(std::string_view pattern, std::size_t at);

// Where the group opened at `at` starts its contents: past `(`, `(?:`, `(?i:` or `(?P<name>`;
// at the `)` of flags alone, `(?i)`.
std::size_t group_contents(std::string_view pattern, std::size_t at);

// Whether `\c` is one of RE2's assertions (\b, \B, \A, \z), which match no character.
bool is_assertion_escape(char c);

// The one character an escape stands for: \x{3002}, \x41, \t, an escaped character (\。, \.),
// or for \s a space (all it matches is whitespace); nullopt for other classes (\d, \pL),
// assertions (\b) and the like.
std::optional<char32_t> escaped_character(std::string_view escape);

// What a bracketed class that is not negated holds: the characters it lists, its ranges written
// out ([０-９] gives ０ … ９), and the named classes as written ([:space:], \p{Zs}). nullopt for
// a negated class, a class escape (\d, \w), ranges of more than kMaxClassCharacters in all, or
// what cannot be read.
struct ClassParts {
  static constexpr std::size_t kMaxClassCharacters = 4096;
  std::vector<char32_t> characters;
  std::vector<std::string_view> named;
};
std::optional<ClassParts> class_parts(std::string_view brackets);

// One piece of a pattern as RE2's syntax divides it, for the checks that look at what stands
// beside what: a boundary next to a Chinese character, what may follow a typing slip, an
// anchor with characters on its wrong side.
enum class TokenKind {
  character,    // a plain character
  any,          // `.`
  brackets,     // a bracketed class, [^,.!?;]
  escape,       // \d, \pL, \x{3002}, \., \b …
  quoted,       // \Q…\E
  group_open,   // (, (?:, (?i:, (?P<name>
  flags,        // flags alone, (?i)
  group_close,  // )
  alternation,  // |
  quantifier,   // *, +, ?, {2,5}, with the `?` that makes it lazy
  start,        // ^
  end,          // $
};
struct Token {
  TokenKind kind;
  std::size_t begin;
  std::size_t end;
};
// The tokens of a pattern RE2 accepts, left to right.
std::vector<Token> pattern_tokens(std::string_view pattern);

// For each `(` token, the index of the `)` token that closes it; tokens.size() for any other
// token, and for a group left open.
std::vector<std::size_t> group_closes(const std::vector<Token>& tokens);

// The token as the pattern writes it.
inline std::string_view token_text(std::string_view pattern, const Token& token) {
  return pattern.substr(token.begin, token.end - token.begin);
}

// What a `\Q…\E` token quotes.
std::string_view quoted_text(std::string_view pattern, const Token& token);

// The quantifier on the token at `i`, if one follows it.
std::optional<Quantifier> quantifier_after(std::string_view pattern,
                                           const std::vector<Token>& tokens, std::size_t i);

// Whether the token is one of RE2's assertions (\b, \B, \A, \z), which match no character.
bool is_assertion(std::string_view pattern, const Token& token);

// Stands for a character the pattern does not spell (`.`, `\pL`, a negated class, its end): a
// match may hold any character there.
inline constexpr char32_t kAnyCharacter = U'\uFFFD';

// The characters a token that matches one character may match, as far as the pattern spells
// them: a plain or escaped character, the members of a small class; kAnyCharacter for any other
// token (`.`, `\d`, a large or negated class).
std::vector<char32_t> token_members(std::string_view pattern, const Token& token);

}  // namespace coach
