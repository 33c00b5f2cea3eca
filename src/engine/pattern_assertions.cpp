#include "engine/pattern_assertions.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "engine/pattern_shape.hpp"
#include "engine/phrase_matcher.hpp"
#include "util/i18n.hpp"
#include "util/memory_reserve.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// What stands right beside an assertion on one side: the token matched there, read past its
// quantifier, and whether the quantifier lets it be absent; no token at the pattern's end.
struct Beside {
  std::optional<std::size_t> token;
  bool optional = false;
};

Beside before_token(std::string_view pattern, const std::vector<Token>& tokens, std::size_t i) {
  if (i == 0) return {};
  const std::size_t j = i - 1;
  if (tokens[j].kind != TokenKind::quantifier || j == 0) return {j};
  const std::optional<Quantifier> quantifier = quantifier_at(pattern, tokens[j].begin);
  return {j - 1, !quantifier || quantifier->min == 0};
}

Beside after_token(std::string_view pattern, const std::vector<Token>& tokens, std::size_t i) {
  if (i + 1 >= tokens.size()) return {};
  const std::optional<Quantifier> quantifier = quantifier_after(pattern, tokens, i + 1);
  return {i + 1, quantifier && quantifier->min == 0};
}

// The one character the token stands for: a plain or escaped one.
std::optional<char32_t> literal(std::string_view pattern, const Token& token) {
  if (token.kind == TokenKind::character) {
    std::size_t at = token.begin;
    return utf8::decode(pattern, at);
  }
  const std::string_view written = token_text(pattern, token);
  if (token.kind != TokenKind::escape || written == "\\s") return std::nullopt;
  return escaped_character(written);
}

// The character certainly matched beside an assertion.
std::optional<char32_t> certain_literal(std::string_view pattern, const std::vector<Token>& tokens,
                                        const Beside& beside) {
  if (!beside.token || beside.optional) return std::nullopt;
  return literal(pattern, tokens[*beside.token]);
}

// RE2's word characters are ASCII; K (Kelvin) and ſ match k and s regardless of case.
std::optional<bool> is_word_character(char32_t c) {
  if (c == 0x212A || c == 0x17F) return std::nullopt;
  return c < 0x80 && (std::isalnum(static_cast<int>(c)) != 0 || c == '_');
}

// `\b` between characters of one kind, `\B` between a word character and another.
bool boundary_between_alike(std::string_view pattern, const std::vector<Token>& tokens,
                            std::size_t i) {
  const std::optional<char32_t> before =
      certain_literal(pattern, tokens, before_token(pattern, tokens, i));
  const std::optional<char32_t> after =
      certain_literal(pattern, tokens, after_token(pattern, tokens, i));
  if (!before || !after) return false;
  const std::optional<bool> word_before = is_word_character(*before);
  const std::optional<bool> word_after = is_word_character(*after);
  if (!word_before || !word_after) return false;
  return (*word_before == *word_after) == (token_text(pattern, tokens[i]) == "\\b");
}

bool is_boundary(std::string_view pattern, const Token& token) {
  const std::string_view written = token_text(pattern, token);
  return token.kind == TokenKind::escape && (written == "\\b" || written == "\\B");
}

std::optional<ImpossibleAssertion> impossible_boundary(std::string_view pattern,
                                                       const std::vector<Token>& tokens) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (is_boundary(pattern, tokens[i]) && boundary_between_alike(pattern, tokens, i))
      return ImpossibleAssertion{ImpossibleAssertion::Reason::boundary,
                                 token_text(pattern, tokens[i])};
  }
  return std::nullopt;
}

// Whether the token, one that is neither a group nor syntax around one, matches a character.
bool token_consumes(std::string_view pattern, const Token& token) {
  switch (token.kind) {
    case TokenKind::character:
    case TokenKind::any:
    case TokenKind::brackets:
      return true;
    case TokenKind::escape:
      return !is_assertion(pattern, token);
    case TokenKind::quoted:
      return !quoted_text(pattern, token).empty();
    default:
      return false;
  }
}

// Reads the anchors of each sequence against what the sequence requires around them.
class AnchorReader {
 public:
  AnchorReader(std::string_view pattern, const std::vector<Token>& tokens)
      : pattern_(pattern), tokens_(tokens) {}

  std::optional<ImpossibleAssertion> read() const {
    std::size_t last_start = 0;  // past the last `^` or `\A`: what a group requires matters before
    for (std::size_t i = 0; i < tokens_.size(); ++i)
      if (is_start_anchor(tokens_[i])) last_start = i + 1;
    std::vector<Sequence> levels(1);
    std::vector<std::size_t> opened;
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      const Token& token = tokens_[i];
      const std::optional<Quantifier> quantifier = quantifier_after(pattern_, tokens_, i);
      bool required = false;
      if (token.kind == TokenKind::group_open) {
        levels.emplace_back();
        opened.push_back(i);
        continue;
      }
      if (token.kind == TokenKind::group_close) {
        if (opened.empty()) continue;
        const std::size_t inner = tokens_[opened.back()].end;
        levels.pop_back();
        opened.pop_back();
        // Read only where it decides something: after an end, or before a start.
        if (levels.back().end_anchor || i < last_start)
          required = requires_a_character(pattern_.substr(inner, token.begin - inner));
      } else if (token.kind == TokenKind::alternation) {
        levels.back() = Sequence{};
        continue;
      } else if (is_start_anchor(token) || is_end_anchor(token)) {
        if (quantifier) continue;  // `$?`: whether it holds is not worth reading
        if (is_start_anchor(token) && levels.back().required_before)
          return ImpossibleAssertion{ImpossibleAssertion::Reason::before_start,
                                     token_text(pattern_, token)};
        if (is_end_anchor(token) && !levels.back().end_anchor) levels.back().end_anchor = token;
        continue;
      } else {
        required = token_consumes(pattern_, token);
      }
      if (!required || (quantifier && quantifier->min == 0)) continue;
      if (levels.back().end_anchor)
        return ImpossibleAssertion{ImpossibleAssertion::Reason::after_end,
                                   token_text(pattern_, *levels.back().end_anchor)};
      levels.back().required_before = true;
    }
    return std::nullopt;
  }

  bool is_start_anchor(const Token& token) const {
    return token.kind == TokenKind::start ||
           (token.kind == TokenKind::escape && token_text(pattern_, token) == "\\A");
  }
  bool is_end_anchor(const Token& token) const {
    return token.kind == TokenKind::end ||
           (token.kind == TokenKind::escape && token_text(pattern_, token) == "\\z");
  }

 private:
  // What one sequence (a branch of a group, or of the pattern) has shown so far.
  struct Sequence {
    bool required_before = false;     // a character is required before this point
    std::optional<Token> end_anchor;  // a `$` or `\z` stands before this point
  };

  std::string_view pattern_;
  const std::vector<Token>& tokens_;
};

// Whether the class (bracketed, or an escape such as \p{Han}) matches no ASCII word character,
// so that a boundary beside it is a boundary beside a Chinese character or a mark.
bool never_an_ascii_word_character(std::string_view written) {
  RE2::Options options = pattern_options();
  make_room_for_unsafe_code();
  const RE2 alone(std::string(written), options);
  return alone.ok() &&
         !RE2::PartialMatch("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_",
                            alone);
}

bool is_class_token(std::string_view pattern, const Token& token) {
  if (token.kind == TokenKind::brackets) return true;
  if (token.kind != TokenKind::escape) return false;
  const std::string_view written = token_text(pattern, token);
  return written.size() > 2 && (written[1] == 'p' || written[1] == 'P');
}

// Whether what stands on one side of a boundary is never an ASCII word character: the pattern's
// end, a Chinese character it spells plainly (optional or not: `您?\b`), or a class that must
// match there and holds none (`\p{Han}\b`). An escaped character is not read here.
bool never_a_word_character(std::string_view pattern, const std::vector<Token>& tokens,
                            const Beside& beside) {
  if (!beside.token) return true;
  const Token& token = tokens[*beside.token];
  if (is_class_token(pattern, token))
    return !beside.optional && never_an_ascii_word_character(token_text(pattern, token));
  if (token.kind != TokenKind::character) return false;
  std::size_t at = token.begin;
  return utf8::decode(pattern, at) >= 0x80;
}

}  // namespace

std::optional<ImpossibleAssertion> impossible_assertion(std::string_view pattern,
                                                        const std::vector<Token>& tokens) {
  const AnchorReader anchors(pattern, tokens);
  const bool anchored = std::any_of(tokens.begin(), tokens.end(), [&](const Token& token) {
    return anchors.is_start_anchor(token) || anchors.is_end_anchor(token);
  });
  // Most patterns have no anchor: their sequences need no reading.
  if (anchored)
    if (auto found = anchors.read()) return found;
  return impossible_boundary(pattern, tokens);
}

bool boundary_beside_chinese(std::string_view pattern, const std::vector<Token>& tokens,
                             std::size_t i) {
  const Beside before = before_token(pattern, tokens, i);
  const Beside after = after_token(pattern, tokens, i);
  if (!before.token && !after.token) return false;  // `\b` alone: refused as matching empty text
  return never_a_word_character(pattern, tokens, before) &&
         never_a_word_character(pattern, tokens, after);
}

std::string impossible_assertion_refusal(std::string_view pattern,
                                         const ImpossibleAssertion& assertion) {
  using Reason = ImpossibleAssertion::Reason;
  const std::string shown = utf8::quote_visibly(pattern);
  if (assertion.reason == Reason::after_end)
    return fmt::format(
        fmt::runtime(tr("正则表达式 `{}` 在 `{}` 之后还要求有字,但 `{}` 是回答的结尾,后面不会再"
                        "有字(回答里没有换行,(?m) 也一样),它永远匹配不到;把 `{}` 放到末尾",
                        "regular expression `{0}` requires characters after `{1}`, but `{1}` is "
                        "the end of the reply, where nothing follows (replies hold no line break, "
                        "so with (?m) too): it never matches; put `{1}` at the end")),
        shown, assertion.written, assertion.written, assertion.written);
  if (assertion.reason == Reason::before_start)
    return fmt::format(
        fmt::runtime(tr("正则表达式 `{}` 在 `{}` 之前还要求有字,但 `{}` 是回答的开头,前面不会"
                        "有字(回答里没有换行,(?m) 也一样),它永远匹配不到;把 `{}` 放到开头",
                        "regular expression `{0}` requires characters before `{1}`, but `{1}` is "
                        "the start of the reply, where nothing comes before (replies hold no line "
                        "break, so with (?m) too): it never matches; put `{1}` at the start")),
        shown, assertion.written, assertion.written, assertion.written);
  return fmt::format(
      fmt::runtime(tr("正则表达式 `{}` 中的 `{}` 在它两边的字之间永远不成立:`\\b` 只在 ASCII "
                      "字母、数字或下划线与其他字符之间成立,`\\B` 正好相反,它永远匹配不到;"
                      "删掉它",
                      "`{1}` in regular expression `{0}` never holds between the characters "
                      "beside it: `\\b` holds only between an ASCII letter, digit or underscore "
                      "and another character, `\\B` only elsewhere, so it never matches; remove "
                      "it")),
      shown, assertion.written);
}

}  // namespace coach
