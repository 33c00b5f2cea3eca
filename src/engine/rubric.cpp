#include "engine/rubric.hpp"

#include "engine/conduct.hpp"
#include "engine/forbidden_requirement.hpp"
#include "engine/impossible_condition.hpp"
#include "engine/reply_language.hpp"
#include "engine/rule_evaluator.hpp"
#include "engine/trainer_pattern.hpp"
#include "util/i18n.hpp"

namespace coach {
namespace {

// The concept a rule asks for, or null when it is unknown or can never be said without failing
// the step (both reported at the rule).
const CompiledConcept* required_concept(const std::string& id, const Rule& rule,
                                        const std::string& file, const ConceptIndex& concepts,
                                        Diagnostics& diagnostics) {
  const auto* found = concepts.resolve(id, file, rule.mark, diagnostics);
  if (!found) return nullptr;
  if (const auto reason = why_requirement_is_forbidden(*found)) {
    diagnostics.error(file, rule.mark, *reason);
    return nullptr;
  }
  return found;
}

std::optional<CompiledRule> compile_rule(const Rule& rule, const Step& step,
                                         const Scenario& scenario, const ConceptIndex& concepts,
                                         Diagnostics& diagnostics) {
  const std::string& file = scenario.file;
  CompiledRule compiled;
  compiled.rule = &rule;
  compiled.critical = rule.critical;
  switch (rule.kind) {
    case RuleKind::concept_present: {
      const auto* found = required_concept(rule.concept_id, rule, file, concepts, diagnostics);
      if (!found) return std::nullopt;
      compiled.concepts.push_back(found);
      compiled.misfit_titles = misfitting_titles(scenario.customer);
      break;
    }
    case RuleKind::concept_forbidden: {
      const auto* found = concepts.resolve(rule.concept_id, file, rule.mark, diagnostics);
      if (!found) return std::nullopt;
      compiled.concepts.push_back(found);
      if (found->definition->forbidden_everywhere) compiled.critical = true;
      break;
    }
    case RuleKind::order:
      for (const auto& id : rule.order_items) {
        if (step.find_rule(id)) {
          compiled.order.push_back({});  // linked once the step's rules are compiled
          continue;
        }
        const auto* found = required_concept(id, rule, file, concepts, diagnostics);
        if (!found) return std::nullopt;
        compiled.order.push_back({.concept_entry = found, .label = found->label()});
      }
      break;
    case RuleKind::any_of:
    case RuleKind::all_of:
    case RuleKind::none_of:
      compiled.phrases = std::make_shared<const PhraseMatcher>(
          rule.phrases, std::vector<MarkedText>{}, file, diagnostics);
      break;
    case RuleKind::regex: {
      auto regex = load_trainer_pattern({rule.pattern, rule.pattern_mark}, file, diagnostics);
      if (!regex) return std::nullopt;
      compiled.regex = std::move(regex);
      break;
    }
    case RuleKind::addresses_customer:
      if (rule.address == AddressMode::name && scenario.customer.name.empty()) {
        // A bare 先生 or 女士 would meet it: the rule would reward what it says is missing.
        diagnostics.error(
            file, rule.mark,
            std::string(tr(
                "`addresses_customer: name` 要求称呼客户的姓,但客户没有 `name`;"
                "请写上 customer.name(如 王先生),或改用 `title`",
                "`addresses_customer: name` asks the trainee to use the customer's name, but the "
                "customer has no `name`; give customer.name (such as "
                "王先生), or use `title`")));
        return std::nullopt;
      }
      compiled.address_forms = address_forms(rule, scenario.customer);
      break;
    default:
      break;
  }
  compiled.description = describe_rule(compiled);
  compiled.praise = rule.praise;
  compiled.feedback = rule.feedback;
  // A generated "缺少「X」,例如:…" under the trainer's own feedback said less, and its first two
  // phrases were often wrong for the case (outside pass 46, finding 8).
  if (rule.kind == RuleKind::concept_present && rule.feedback.empty())
    compiled.absence = describe_absence(compiled);
  return compiled;
}

// An `order` item that names a rule of the step places what that rule matches. Every rule
// compiled, so the step's rules and its compiled rules line up.
void link_order_items(CompiledStep& compiled) {
  const std::vector<Rule>& rules = compiled.step->rules;
  for (CompiledRule& order : compiled.rules) {
    if (order.rule->kind != RuleKind::order) continue;
    for (std::size_t i = 0; i < order.order.size(); ++i) {
      const std::string& id = order.rule->order_items[i];
      const Rule* named = compiled.step->find_rule(id);
      if (!named) continue;
      const CompiledRule& source = compiled.rules[static_cast<std::size_t>(named - rules.data())];
      order.order[i] = {
          .concept_entry = source.concepts.empty() ? nullptr : source.concepts.front(),
          .regex = source.regex,
          .phrases = source.phrases,
          .label = source.description};
    }
    order.description = describe_rule(order);
  }
}

// A condition that can never hold is a branch no trainee will ever see: almost always a typo.
void check_condition(const Condition& condition, const ConditionPlace& place,
                     const ConceptIndex& concepts, const std::string& file,
                     Diagnostics& diagnostics) {
  for (const std::string& id : {condition.said, condition.not_said}) {
    if (!id.empty()) concepts.resolve(id, file, condition.mark, diagnostics);
  }
  if (const auto reason = why_never_holds(condition, place))
    diagnostics.error(file, condition.mark, *reason);
}

void check_temper(const Scenario& scenario, const ConceptIndex& concepts,
                  Diagnostics& diagnostics) {
  // The preset's own concepts are checked in its file, when the library is loaded.
  for (const MarkedText& reaction : scenario.customer.reacts_to_concepts)
    concepts.resolve(reaction.text, scenario.file, reaction.mark, diagnostics);
  const Temper& temper = scenario.customer.temper;
  for (const Step& step : scenario.steps) {
    // The first step's conditions are asked before any reply.
    const bool first = &step == &scenario.steps.front();
    const ConditionPlace place{temper.limit,
                               first ? std::optional<int>(temper.start) : std::nullopt};
    if (step.when) check_condition(*step.when, place, concepts, scenario.file, diagnostics);
    for (const auto& line : step.customer_lines_if)
      check_condition(line.when, place, concepts, scenario.file, diagnostics);
  }
}

}  // namespace

std::string_view rule_kind_key(RuleKind kind) {
  switch (kind) {
    case RuleKind::concept_present:
      return "concept";
    case RuleKind::concept_forbidden:
      return "forbid";
    case RuleKind::any_of:
      return "any_of";
    case RuleKind::all_of:
      return "all_of";
    case RuleKind::none_of:
      return "none_of";
    case RuleKind::regex:
      return "regex";
    case RuleKind::min_chars:
      return "min_chars";
    case RuleKind::max_chars:
      return "max_chars";
    case RuleKind::asks_question:
      return "asks_question";
    case RuleKind::addresses_customer:
      return "addresses_customer";
    case RuleKind::order:
      return "order";
  }
  return "";
}

std::optional<Rubric> Rubric::compile(std::shared_ptr<const Scenario> scenario,
                                      const ConceptIndex& concepts, Diagnostics& diagnostics) {
  Rubric rubric;
  rubric.scenario_ = std::move(scenario);
  const std::size_t errors_before = diagnostics.reported();
  check_temper(*rubric.scenario_, concepts, diagnostics);
  const NameParts customer = split_name(rubric.scenario_->customer.name);
  const bool chinese = speaks_chinese(*rubric.scenario_);
  auto conduct = std::make_shared<std::vector<CompiledRule>>();
  for (auto& rule : conduct_rules(concepts)) {
    if (auto compiled_rule = compile_rule(*rule, {}, *rubric.scenario_, concepts, diagnostics))
      conduct->push_back(std::move(*compiled_rule));
    rubric.conduct_rules_.push_back(std::move(rule));
  }
  for (const Rule& rule : rubric.scenario_->never_say) {
    if (auto compiled_rule = compile_rule(rule, {}, *rubric.scenario_, concepts, diagnostics))
      conduct->push_back(std::move(*compiled_rule));
  }
  for (const Step& step : rubric.scenario_->steps) {
    CompiledStep compiled{&step, {}, conduct, {}, &concepts, customer, chinese};
    for (const Rule& rule : step.rules) {
      if (auto compiled_rule = compile_rule(rule, step, *rubric.scenario_, concepts, diagnostics)) {
        // Only a critical rule of the step's own stands in for what no step may say: one worth
        // points must not make a `never_say` concept cost no more than those points.
        if (rule.kind == RuleKind::concept_forbidden && compiled_rule->critical)
          compiled.judged_here.push_back(compiled_rule->concepts.front());
        compiled.rules.push_back(std::move(*compiled_rule));
      }
    }
    if (compiled.rules.size() == step.rules.size()) link_order_items(compiled);
    rubric.steps_.push_back(std::move(compiled));
  }
  if (diagnostics.reported() != errors_before) return std::nullopt;
  return rubric;
}

namespace {

// Whether the value of the rule's kind was read: a wrong type (`concept: [a]`) leaves it empty,
// and is reported already; checked, it would be reported again as an unknown concept.
bool kind_value_read(const Rule& rule) {
  switch (rule.kind) {
    case RuleKind::concept_present:
    case RuleKind::concept_forbidden:
      return !rule.concept_id.empty();
    case RuleKind::regex:
      return !rule.pattern.empty();
    case RuleKind::order:
      return !rule.order_items.empty();
    case RuleKind::any_of:
    case RuleKind::all_of:
    case RuleKind::none_of:
      return !rule.phrases.empty();
    case RuleKind::addresses_customer:  // depends on the customer's name, read elsewhere
      return false;
    default:
      return true;
  }
}

}  // namespace

void Rubric::check_rules(const Scenario& scenario, const ConceptIndex& concepts,
                         Diagnostics& diagnostics) {
  const auto check = [&](const Rule& rule, const Step& step) {
    if (kind_value_read(rule)) compile_rule(rule, step, scenario, concepts, diagnostics);
  };
  for (const Rule& rule : scenario.never_say) check(rule, {});
  for (const Step& step : scenario.steps)
    for (const Rule& rule : step.rules) check(rule, step);
}

std::span<const CompiledRule> Rubric::never_say() const {
  // compile() puts them after the lexicon's conduct rules, and a rubric exists only when every
  // one of those compiled.
  if (steps_.empty()) return {};
  return std::span<const CompiledRule>(*steps_.front().conduct).subspan(conduct_rules_.size());
}

const CompiledStep* Rubric::find_step(const std::string& id) const {
  for (const auto& step : steps_) {
    if (step.step->id == id) return &step;
  }
  return nullptr;
}

}  // namespace coach
