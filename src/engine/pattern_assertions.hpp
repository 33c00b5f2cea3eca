#pragma once
// Assertions in a trainer's pattern that cannot do what they seem to: an anchor with characters
// on its wrong side, a `\b` or `\B` that never holds between what the pattern spells beside it,
// and one beside Chinese characters, where RE2's ASCII-only word boundary means nothing.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/pattern_syntax.hpp"

namespace coach {

// An assertion that can never hold where it stands (outside pass 37, finding 03): `$` or `\z`
// with a character required after it in the same sequence (`$您`), `^` or `\A` with one
// required before it (`您^`), with (?m) as well, since a normalised reply holds no line break; or
// `\b` between two characters of one kind and `\B` between a word character and another
// (`a\B您`), RE2's word characters being ASCII letters, digits and `_`. Only what the pattern
// spells beside the assertion is read; anything else may hold.
struct ImpossibleAssertion {
  enum class Reason { after_end, before_start, boundary };
  Reason reason;
  std::string_view written;  // the assertion
};
std::optional<ImpossibleAssertion> impossible_assertion(std::string_view pattern,
                                                        const std::vector<Token>& tokens);

// What the load says of such an assertion.
std::string impossible_assertion_refusal(std::string_view pattern,
                                         const ImpossibleAssertion& assertion);

// Whether the `\b` or `\B` at token `i` stands where neither side can be an ASCII word
// character: between Chinese characters the pattern spells, classes of them (`\p{Han}`,
// `[您好]`) or the pattern's ends. There `\b` never holds and `\B` always does, in Chinese text.
// Beside an ASCII character (`拨打\b10086`), or what is not read here, a boundary may mean
// something.
bool boundary_beside_chinese(std::string_view pattern, const std::vector<Token>& tokens,
                             std::size_t i);

}  // namespace coach
