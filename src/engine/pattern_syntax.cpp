#include "engine/pattern_syntax.hpp"

#include <algorithm>
#include <cctype>

#include "util/utf8.hpp"

namespace coach {

std::optional<Repetition> repetition_at(std::string_view text, std::size_t brace) {
  std::size_t at = brace + 1;
  const auto number = [&](std::size_t& value) {
    const std::size_t start = at;
    value = 0;
    while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) {
      value = std::min<std::size_t>(value * 10 + static_cast<std::size_t>(text[at] - '0'), 100000);
      ++at;
    }
    return at > start && !(at - start > 1 && text[start] == '0');
  };
  std::size_t min = 0;
  std::size_t max = 0;
  if (!number(min)) return std::nullopt;
  if (at < text.size() && text[at] == ',') {
    ++at;
    max = Repetition::kUnbounded;
    if (at < text.size() && text[at] != '}' && !number(max)) return std::nullopt;
  } else {
    max = min;
  }
  if (at >= text.size() || text[at] != '}') return std::nullopt;
  return Repetition{at + 1, min, max};
}

std::optional<Quantifier> quantifier_at(std::string_view pattern, std::size_t at) {
  if (at >= pattern.size()) return std::nullopt;
  Quantifier quantifier{at + 1, 0, Repetition::kUnbounded};
  switch (pattern[at]) {
    case '*':
      break;
    case '+':
      quantifier.min = 1;
      break;
    case '?':
      quantifier.max = 1;
      break;
    case '{': {
      const std::optional<Repetition> repetition = repetition_at(pattern, at);
      if (!repetition) return std::nullopt;  // a plain brace
      quantifier = {repetition->end, repetition->min, repetition->max};
      break;
    }
    default:
      return std::nullopt;
  }
  if (quantifier.end < pattern.size() && pattern[quantifier.end] == '?') ++quantifier.end;  // lazy
  return quantifier;
}

std::size_t after_class(std::string_view pattern, std::size_t at) {
  ++at;
  if (at < pattern.size() && pattern[at] == '^') ++at;
  if (at < pattern.size() && pattern[at] == ']') ++at;
  while (at < pattern.size() && pattern[at] != ']') {
    if (pattern.substr(at, 2) == "[:") {
      const std::size_t close = pattern.find(":]", at + 2);
      at = close == std::string_view::npos ? pattern.size() : close + 2;
    } else {
      at += pattern[at] == '\\' ? 2 : 1;
    }
  }
  return std::min(at + 1, pattern.size());
}

namespace {

bool is_octal_digit(char c) {
  return c >= '0' && c <= '7';
}

}  // namespace

std::size_t after_escape(std::string_view pattern, std::size_t at) {
  if (at + 1 >= pattern.size()) return pattern.size();
  const char c = pattern[at + 1];
  if (c == 'Q') {
    const std::size_t end = pattern.find("\\E", at + 2);
    return end == std::string_view::npos ? pattern.size() : end + 2;
  }
  if ((c == 'p' || c == 'P' || c == 'x') && at + 2 < pattern.size() && pattern[at + 2] == '{') {
    const std::size_t close = pattern.find('}', at);
    return close == std::string_view::npos ? pattern.size() : close + 1;
  }
  std::size_t next = at + 1;
  utf8::decode(pattern, next);
  if ((c == 'p' || c == 'P') && next < pattern.size()) utf8::decode(pattern, next);  // \pL
  if (c == 'x') {  // \x20: two hexadecimal digits
    const std::size_t digits_end = std::min(next + 2, pattern.size());
    while (next < digits_end && std::isxdigit(static_cast<unsigned char>(pattern[next]))) ++next;
  }
  if (is_octal_digit(c)) {  // \0, \040, \141: up to three octal digits in all, as RE2 reads them
    const std::size_t digits_end = std::min(at + 4, pattern.size());
    while (next < digits_end && is_octal_digit(pattern[next])) ++next;
  }
  return next;
}

std::size_t group_contents(std::string_view pattern, std::size_t at) {
  if (at + 1 >= pattern.size() || pattern[at + 1] != '?') return at + 1;
  const std::size_t close = pattern.find_first_of(":)>", at + 1);
  if (close == std::string_view::npos) return pattern.size();
  return pattern[close] == ')' ? close : close + 1;
}

bool is_assertion_escape(char c) {
  return std::string_view("bBAz").find(c) != std::string_view::npos;
}

std::optional<char32_t> escaped_character(std::string_view escape) {
  if (escape.size() < 2) return std::nullopt;
  const char kind = escape[1];
  if (kind == 'x') {
    const std::string_view digits = escape.size() > 3 && escape[2] == '{'
                                        ? escape.substr(3, escape.size() - 4)
                                        : escape.substr(2);
    if (digits.empty() || digits.size() > 8) return std::nullopt;
    char32_t c = 0;
    for (const char d : digits) {
      if (!std::isxdigit(static_cast<unsigned char>(d))) return std::nullopt;
      c = c * 16 +
          static_cast<char32_t>(std::isdigit(static_cast<unsigned char>(d))
                                    ? d - '0'
                                    : std::tolower(static_cast<unsigned char>(d)) - 'a' + 10);
    }
    return c;
  }
  if (is_octal_digit(kind)) {  // \040 is a space, \141 an a
    char32_t c = 0;
    for (const char d : escape.substr(1)) {
      if (!is_octal_digit(d)) return std::nullopt;
      c = c * 8 + static_cast<char32_t>(d - '0');
    }
    return c;
  }
  // Whitespace, which never reaches a pattern: \s stands for it all.
  if (escape == "\\s") return U' ';
  constexpr std::string_view kControls = "tnrfva";
  constexpr char32_t kControlCodes[] = {U'\t', U'\n', U'\r', U'\f', U'\v', U'\a'};
  if (const std::size_t found = kControls.find(kind); found != std::string_view::npos)
    return kControlCodes[found];
  if (std::isalnum(static_cast<unsigned char>(kind))) return std::nullopt;
  std::size_t at = 1;
  return utf8::decode(escape, at);
}

namespace {

// One member of a class at `at`, moving past it: a character, an escaped one, or nullopt for a
// class escape (\d) or a named class.
std::optional<char32_t> class_member(std::string_view brackets, std::size_t& at) {
  const std::size_t begin = at;
  if (brackets[at] != '\\') return utf8::decode(brackets, at);
  at = after_escape(brackets, at);
  return escaped_character(brackets.substr(begin, at - begin));
}

bool names_class(std::string_view escape) {
  return escape.size() > 2 && escape[1] == 'p';
}

}  // namespace

std::optional<ClassParts> class_parts(std::string_view brackets) {
  ClassParts parts;
  std::size_t at = 1;
  if (at < brackets.size() && brackets[at] == '^') return std::nullopt;
  while (at + 1 < brackets.size()) {
    if (brackets.substr(at, 2) == "[:") {
      const std::size_t close = brackets.find(":]", at + 2);
      if (close == std::string_view::npos) return std::nullopt;
      parts.named.push_back(brackets.substr(at, close + 2 - at));
      at = close + 2;
      continue;
    }
    const std::size_t begin = at;
    const auto first = class_member(brackets, at);
    if (!first) {
      if (!names_class(brackets.substr(begin, at - begin))) return std::nullopt;
      parts.named.push_back(brackets.substr(begin, at - begin));
      continue;
    }
    if (*first == utf8::kInvalid) return std::nullopt;  // not UTF-8: RE2 refuses it
    char32_t last = *first;
    if (at + 2 < brackets.size() && brackets[at] == '-') {  // a range, unless `-` ends the class
      ++at;
      const auto end = class_member(brackets, at);
      if (!end || *end < *first || *end == utf8::kInvalid) return std::nullopt;
      last = *end;
    }
    if (parts.characters.size() + (last - *first) >= ClassParts::kMaxClassCharacters)
      return std::nullopt;
    for (char32_t c = *first; c <= last; ++c) parts.characters.push_back(c);
  }
  return parts;
}

namespace {

TokenKind kind_of_syntax(char c) {
  switch (c) {
    case ')':
      return TokenKind::group_close;
    case '|':
      return TokenKind::alternation;
    case '^':
      return TokenKind::start;
    case '$':
      return TokenKind::end;
    case '.':
      return TokenKind::any;
    default:
      return TokenKind::character;
  }
}

// The token at `at`, which is not a quantifier.
Token token_at(std::string_view pattern, std::size_t at) {
  const char c = pattern[at];
  if (c == '[') return {TokenKind::brackets, at, after_class(pattern, at)};
  if (c == '\\') {
    const TokenKind kind = pattern.substr(at, 2) == "\\Q" ? TokenKind::quoted : TokenKind::escape;
    return {kind, at, after_escape(pattern, at)};
  }
  if (c == '(') {
    const std::size_t contents = group_contents(pattern, at);
    if (contents < pattern.size() && contents > at + 1 && pattern[contents] == ')')
      return {TokenKind::flags, at, contents + 1};  // (?i)
    return {TokenKind::group_open, at, contents};
  }
  const TokenKind kind = kind_of_syntax(c);
  std::size_t end = at;
  if (kind == TokenKind::character)
    utf8::decode(pattern, end);
  else
    ++end;
  return {kind, at, end};
}

}  // namespace

std::vector<Token> pattern_tokens(std::string_view pattern) {
  std::vector<Token> tokens;
  tokens.reserve(pattern.size());  // at most one token a byte: one allocation
  for (std::size_t at = 0; at < pattern.size();) {
    const bool after_operand = !tokens.empty() && tokens.back().kind != TokenKind::group_open &&
                               tokens.back().kind != TokenKind::alternation;
    const std::optional<Quantifier> quantifier = quantifier_at(pattern, at);
    if (quantifier && after_operand) {
      tokens.push_back({TokenKind::quantifier, at, quantifier->end});
    } else {
      tokens.push_back(token_at(pattern, at));
    }
    at = std::max(tokens.back().end, at + 1);
  }
  return tokens;
}

std::vector<std::size_t> group_closes(const std::vector<Token>& tokens) {
  std::vector<std::size_t> close(tokens.size(), tokens.size());
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == TokenKind::group_open) open.push_back(i);
    if (tokens[i].kind == TokenKind::group_close && !open.empty()) {
      close[open.back()] = i;
      open.pop_back();
    }
  }
  return close;
}

std::string_view quoted_text(std::string_view pattern, const Token& token) {
  std::string_view quoted = token_text(pattern, token).substr(2);
  if (quoted.ends_with("\\E")) quoted.remove_suffix(2);
  return quoted;
}

std::optional<Quantifier> quantifier_after(std::string_view pattern,
                                           const std::vector<Token>& tokens, std::size_t i) {
  if (i + 1 >= tokens.size() || tokens[i + 1].kind != TokenKind::quantifier) return std::nullopt;
  return quantifier_at(pattern, tokens[i + 1].begin);
}

bool is_assertion(std::string_view pattern, const Token& token) {
  return token.kind == TokenKind::escape && token.end - token.begin == 2 &&
         is_assertion_escape(pattern[token.begin + 1]);
}

// A class of more members is read as any character: spelling them all out would multiply the
// texts a reader of what follows must try.
std::vector<char32_t> token_members(std::string_view pattern, const Token& token) {
  constexpr std::size_t kMaxClassMembers = 16;
  const std::string_view written = token_text(pattern, token);
  if (token.kind == TokenKind::character) {
    std::size_t at = 0;
    return {utf8::decode(written, at)};
  }
  if (token.kind == TokenKind::escape) {
    const std::optional<char32_t> c = escaped_character(written);
    return {c && written != "\\s" ? *c : kAnyCharacter};
  }
  if (token.kind == TokenKind::brackets) {
    const std::optional<ClassParts> parts = class_parts(written);
    if (parts && parts->named.empty() && !parts->characters.empty() &&
        parts->characters.size() <= kMaxClassMembers)
      return parts->characters;
  }
  return {kAnyCharacter};
}

}  // namespace coach
