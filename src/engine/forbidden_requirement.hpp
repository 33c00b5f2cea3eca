#pragma once
// A rule that asks for a concept the lexicon forbids everywhere can never be met: the reply
// that says it fails its step critically. Such a step cannot be passed by any reply, which only
// the model answers would otherwise reveal, so `validate` refuses it where the rule is written.
#include <optional>
#include <string>

#include "engine/concept_index.hpp"

namespace coach {

// Why a rule that requires `required` can never be met (in the current language), or nothing.
std::optional<std::string> why_requirement_is_forbidden(const CompiledConcept& required);

}  // namespace coach
