#pragma once
// The pieces of a trainer's pattern that a normalised reply never holds: a character the
// normaliser removes or changes (。, a full-width letter, a space, a traditional character) or a
// class none of whose members it keeps. Patterns run on normalised text, so a branch that
// requires one can never match.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/pattern_syntax.hpp"

namespace coach {

// Whether a normalised reply can hold the character, as a pattern matching regardless of case
// sees it: its folded form is itself, or differs only in case, or a word's conversion writes it.
bool occurs_normalised(char32_t c);

// What a class (bracketed, or an escape such as \pC or \p{Lt}) can match in a normalised reply:
// some character, none (every member is one the normaliser removes or changes), nothing at all
// (`[^\s\S]`), or unknown when it could not be read within bounds (then it is left alone).
enum class ClassReading { live, dead, empty, unknown };
ClassReading read_class(std::string_view written);

// The first piece of the pattern that a normalised reply never holds, unless it is optional.
// Either a character asked for (literally, by an escape such as \x{3002}, in `\Q…\E`, or as the
// only kind of member of a class such as [？！] or [０-９]): 。, ，, full-width letters, spaces,
// quotation marks, traditional characters; or a named class of nothing but characters the
// normaliser drops (\p{Zs}, [[:space:]], \p{Cc}); or any other class none of whose members a
// reply holds (\pC, \p{Lt}, [\x{E000}-\x{F8FF}]) or with no member at all ([^\s\S]).
struct UnmatchablePiece {
  enum class Kind { character, dropped_class, dead_class, empty_class };
  char32_t character = 0;        // for Kind::character
  std::string_view named_class;  // the class as written, for the others
  Kind kind = Kind::character;
};
std::optional<UnmatchablePiece> unmatchable_piece(std::string_view pattern,
                                                  const std::vector<Token>& tokens);

// What the load says of such a piece, with what to write instead.
std::string unmatchable_refusal(std::string_view pattern, const UnmatchablePiece& piece);

}  // namespace coach
