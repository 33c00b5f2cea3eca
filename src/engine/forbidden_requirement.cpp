#include "engine/forbidden_requirement.hpp"

#include <fmt/format.h>

#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {

std::optional<std::string> why_requirement_is_forbidden(const CompiledConcept& required) {
  const Concept& definition = *required.definition;
  if (!definition.forbidden_everywhere) return std::nullopt;
  return fmt::format(
      fmt::runtime(tr("这条规则要求说出「{}」,但词库把 `{}` 标为处处禁止(forbidden_everywhere,"
                      "{}:{}):说了它这一步就不通过,所以这条规则永远无法满足",
                      "this rule asks for “{}”, but the lexicon forbids `{}` everywhere "
                      "(forbidden_everywhere, {}:{}): saying it fails the step, so the rule can "
                      "never be met")),
      required.label(), utf8::quote(definition.id), utf8::show_name(definition.file),
      definition.mark.line);
}

}  // namespace coach
