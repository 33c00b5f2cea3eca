#include "load/scenario_loader.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "load/identifiers.hpp"
#include "load/phrase_list.hpp"
#include "load/yaml_reader.hpp"
#include "load/yaml_scalars.hpp"
#include "model/answers.hpp"
#include "util/file_io.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {

namespace {

// A length no reply can keep: every reply would break the rule (outside pass 28b, finding 04).
std::optional<std::string> unmeetable_length(RuleKind kind, int limit) {
  if (kind == RuleKind::min_chars && limit > static_cast<int>(kMaxReplyCharacters))
    return fmt::format(fmt::runtime(tr("没有回答能有 {} 个字:一条回答最多 {} 个字",
                                       "no reply can have {} characters: a reply has at most {}")),
                       grouped(limit), grouped(kMaxReplyCharacters));
  if (kind == RuleKind::max_chars && limit == 0)
    return std::string(tr("`max_chars: 0` 让每条回答都违反这条规则:回答至少有一个字",
                          "`max_chars: 0` is broken by every reply: a reply has at least one "
                          "character"));
  return std::nullopt;
}

}  // namespace
namespace {

struct KindKey {
  const char* key;
  RuleKind kind;
};

constexpr KindKey kKindKeys[] = {
    {"concept", RuleKind::concept_present},
    {"forbid", RuleKind::concept_forbidden},
    {"any_of", RuleKind::any_of},
    {"all_of", RuleKind::all_of},
    {"none_of", RuleKind::none_of},
    {"regex", RuleKind::regex},
    {"min_chars", RuleKind::min_chars},
    {"max_chars", RuleKind::max_chars},
    {"asks_question", RuleKind::asks_question},
    {"addresses_customer", RuleKind::addresses_customer},
    {"order", RuleKind::order},
};

const std::initializer_list<std::string_view> kRuleKeys = {
    "concept", "forbid",    "any_of",    "all_of",        "none_of",
    "regex",   "min_chars", "max_chars", "asks_question", "addresses_customer",
    "order",   "count",     "points",    "critical",      "feedback",
    "praise",  "label",     "negation",  "mood",          "id"};

const std::initializer_list<std::string_view> kStepKeys = {
    "id",     "stage", "customer",      "customer_if",     "when", "time_limit", "principle",
    "weight", "rules", "model_answers", "counter_examples"};

const std::initializer_list<std::string_view> kScenarioKeys = {
    "id",       "title",     "source",           "channel", "industry", "customer",
    "briefing", "pass_mark", "max_failed_steps", "steps",   "never_say"};

std::string all_kind_keys() {
  std::string out;
  for (const auto& k : kKindKeys) out += fmt::format("{}`{}`", out.empty() ? "" : ", ", k.key);
  return out;
}

}  // namespace

namespace {

// The condition keys of a mapping whose keys were already checked.
std::optional<Condition> read_condition_fields(YamlReader& reader, const YamlNode& node,
                                               std::string_view what) {
  Condition condition;
  condition.mark = reader.mark(node);
  condition.mood_above = reader.integer(node, "mood_above", 0, 100);
  condition.mood_below = reader.integer(node, "mood_below", 0, 100);
  condition.said = reader.text(node, "said", false).value_or("");
  condition.not_said = reader.text(node, "not_said", false).value_or("");
  if (!condition.mood_above && !condition.mood_below && condition.said.empty() &&
      condition.not_said.empty()) {
    reader.error(
        node, fmt::format(fmt::runtime(
                              tr("{}至少要有一个条件: mood_above、mood_below、said 或 not_said",
                                 "{} needs a condition: mood_above, mood_below, said or not_said")),
                          subject(what)));
    return std::nullopt;
  }
  return condition;
}

}  // namespace

std::optional<Condition> read_condition(YamlReader& reader, const YamlNode& node,
                                        std::string_view what) {
  if (!reader.expect_map(node, what, {"mood_above", "mood_below", "said", "not_said"}))
    return std::nullopt;
  return read_condition_fields(reader, node, what);
}

std::string start_at_limit_problem(int start, int limit) {
  if (start < limit) return "";
  return fmt::format(
      fmt::runtime(tr("客户开始时的怒气 {} 已经到了离开的界限 {}:客户一开始就会离开,"
                      "任何作答都不会通过;`mood` 应低于 `limit`",
                      "the customer's starting anger {} is already at the walk-out limit {}: "
                      "the customer would leave at once and no attempt could pass; `mood` must "
                      "be below `limit`")),
      start, limit);
}

Reactions read_reactions(YamlReader& reader, const YamlNode& node) {
  Reactions reactions;
  if (!node.is_defined() || node.is_null()) return reactions;
  if (!reader.expect_map(node, "`reacts_to`", {})) return reactions;
  for (const YamlEntry& entry : node.entries()) {
    if (!entry.key.is_scalar()) continue;
    const auto change = entry.value.is_scalar() ? yaml_integer(entry.value.scalar()) : std::nullopt;
    if (!change || *change < -100 || *change > 100) {
      reader.error(entry.value,
                   std::string(tr("`reacts_to` 的值是情绪的变化,应是 -100 到 100 之间的整数",
                                  "values of `reacts_to` are changes of mood: whole numbers from "
                                  "-100 to 100")));
      continue;
    }
    reactions.changes[entry.key.scalar()] = static_cast<int>(*change);
    reactions.concepts.push_back({entry.key.scalar(), reader.mark(entry.key)});
  }
  return reactions;
}

namespace {

// A customer's line, refused past kMaxCustomerLineCharacters: every line said goes into the
// recording's `path:`, and lines of megabytes made a recording `coach grade` refuses.
std::optional<std::string> customer_line(YamlReader& reader, const YamlNode& map, const char* key,
                                         bool required) {
  std::optional<std::string> line = reader.text(map, key, required);
  if (!line) return line;
  if (const std::size_t length = utf8::count_code_points(*line);
      length > kMaxCustomerLineCharacters) {
    static_assert(kMaxCustomerLineCharacters == 2000, "the messages name the limit");
    reader.error(YamlReader::child(map, key),
                 fmt::format(fmt::runtime(tr("客户的话太长:{} 个字,上限是 2,000。客户每一步说"
                                             "几句话;背景请写进 `briefing`",
                                             "the customer's line is too long: {} characters, "
                                             "more than the limit of 2,000. A customer says a few "
                                             "sentences at a step; background belongs in "
                                             "`briefing`")),
                             length));
    return std::nullopt;
  }
  return line;
}

void read_conditional_lines(YamlReader& reader, const YamlNode& node, Step& step) {
  if (!node.is_defined() || node.is_null()) return;
  if (!reader.expect_sequence(node, "`customer_if`")) return;
  for (const YamlNode& item : node.items()) {
    if (!reader.expect_map(item, tr("`customer_if` 的每一项", "each item of `customer_if`"),
                           {"mood_above", "mood_below", "said", "not_said", "line"})) {
      continue;
    }
    auto line = customer_line(reader, item, "line", true);
    auto condition = read_condition_fields(
        reader, item, tr("`customer_if` 的每一项", "each item of `customer_if`"));
    if (line && condition) step.customer_lines_if.push_back({*condition, *line});
  }
}

void read_rule_value(YamlReader& reader, const YamlNode& node, Rule& rule) {
  const auto key_name = [&]() -> const char* {
    for (const auto& k : kKindKeys) {
      if (k.kind == rule.kind) return k.key;
    }
    return "";
  }();
  const YamlNode& value = YamlReader::child(node, key_name);
  switch (rule.kind) {
    case RuleKind::concept_present:
    case RuleKind::concept_forbidden:
      rule.concept_id = reader.text(node, key_name, true).value_or("");
      break;
    case RuleKind::regex:
      rule.pattern = reader.text(node, key_name, true).value_or("");
      rule.pattern_mark = reader.mark(value);
      break;
    case RuleKind::any_of:
    case RuleKind::all_of:
    case RuleKind::none_of:
      for (auto& phrase : read_phrases(reader, node, key_name, true))
        rule.phrases.push_back(phrase.text);
      break;
    case RuleKind::order:
      for (auto& id : reader.text_list(node, key_name, true)) rule.order_items.push_back(id.text);
      if (value.is_sequence() && value.size() < 2) {
        reader.error(value, std::string(tr("`order` 至少要列出两个概念",
                                           "`order` needs at least two concepts")));
      }
      break;
    case RuleKind::min_chars:
    case RuleKind::max_chars:
      if (auto limit = reader.integer(node, key_name, 0, 100000)) {
        rule.limit = *limit;
        if (const auto why = unmeetable_length(rule.kind, rule.limit)) reader.error(value, *why);
      }
      break;
    case RuleKind::asks_question: {
      const std::string mode = reader.text(node, key_name, true).value_or("any");
      if (mode == "any")
        rule.question = QuestionKind::any;
      else if (mode == "open")
        rule.question = QuestionKind::open;
      else if (mode == "closed")
        rule.question = QuestionKind::closed;
      else
        reader.error(value, std::string(tr("`asks_question` 应是 any、open 或 closed",
                                           "`asks_question` should be any, open or closed")));
      break;
    }
    case RuleKind::addresses_customer: {
      const std::string mode = reader.text(node, key_name, true).value_or("name");
      if (mode == "name")
        rule.address = AddressMode::name;
      else if (mode == "title")
        rule.address = AddressMode::title;
      else
        reader.error(value, std::string(tr("`addresses_customer` 应是 name 或 title",
                                           "`addresses_customer` should be name or title")));
      break;
    }
  }
}

std::optional<Rule> read_rule(YamlReader& reader, const YamlNode& node) {
  if (!reader.expect_map(node, tr("规则", "a rule"), kRuleKeys)) return std::nullopt;
  Rule rule;
  rule.mark = reader.mark(node);
  int kinds_found = 0;
  for (const auto& k : kKindKeys) {
    if (YamlReader::child(node, k.key).is_defined()) {
      rule.kind = k.kind;
      ++kinds_found;
    }
  }
  if (kinds_found != 1) {
    reader.error(node, fmt::format(fmt::runtime(tr("每条规则恰好要有一个类型键: {}",
                                                   "each rule needs exactly one kind key: {}")),
                                   all_kind_keys()));
    return std::nullopt;
  }
  read_rule_value(reader, node, rule);
  rule.id = reader.text(node, "id", false).value_or("");
  if (const std::string problem = concept_id_problem(rule.id, tr("规则 id", "rule id"));
      !rule.id.empty() && !problem.empty())
    reader.error(YamlReader::child(node, "id"), problem);
  rule.critical = reader.boolean(node, "critical").value_or(false);
  rule.points = reader.integer(node, "points", 0, 1000).value_or(rule.critical ? 0 : 10);
  rule.mood = reader.integer(node, "mood", -100, 100).value_or(0);
  rule.feedback = reader.short_text(node, "feedback", false, kMaxTeachingCharacters).value_or("");
  rule.praise = reader.text(node, "praise", false).value_or("");
  rule.label = reader.text(node, "label", false).value_or("");
  rule.negation = reader.boolean(node, "negation").value_or(true);
  const YamlNode& count = YamlReader::child(node, "count");
  if (count.is_defined() && rule.kind != RuleKind::asks_question) {
    reader.error(count, std::string(tr("`count` 只用于 `asks_question`",
                                       "`count` only goes with `asks_question`")));
  }
  rule.count = reader.integer(node, "count", 1, 20).value_or(1);
  return rule;
}

// Where an `order` rule places what another rule of the step matched, that rule must match
// something with a place: a concept, a regex or one of several phrases (`all_of` has no one
// place, a forbidding rule or a length none).
bool can_be_ordered(RuleKind kind) {
  return kind == RuleKind::concept_present || kind == RuleKind::regex || kind == RuleKind::any_of;
}

// Rule ids are unique within the step, and what an `order` names by one can be placed.
void check_rule_ids(YamlReader& reader, const YamlNode& rules_node,
                    const std::vector<Rule>& rules) {
  if (rules.size() != rules_node.size()) return;  // a broken rule is reported already
  std::map<std::string, const Rule*> by_id;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (rules[i].id.empty() || by_id.emplace(rules[i].id, &rules[i]).second) continue;
    reader.error(YamlReader::child(rules_node.items()[i], "id"),
                 fmt::format(fmt::runtime(tr("规则 id `{}` 在本步骤中已用过",
                                             "rule id `{}` is already used in this step")),
                             rules[i].id));
  }
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (rules[i].kind != RuleKind::order) continue;
    const YamlNode& items = YamlReader::child(rules_node.items()[i], "order");
    for (const YamlNode& item : items.items()) {
      const auto named = by_id.find(item.scalar());
      if (named == by_id.end() || can_be_ordered(named->second->kind)) continue;
      reader.error(item, fmt::format(fmt::runtime(tr("`order` 只能排列概念,或本步骤中 concept、"
                                                     "regex、any_of 规则的 id;规则 `{}` 不是",
                                                     "`order` places concepts, or the ids of "
                                                     "this step's concept, regex or any_of "
                                                     "rules; rule `{}` is neither")),
                                     item.scalar()));
    }
  }
}

// Model answers and counter-examples are scored by `check` as a trainee's replies are, and held
// to the same length.
void check_reply_lengths(YamlReader& reader, const std::vector<MarkedText>& replies,
                         std::string_view key) {
  for (const MarkedText& reply : replies) {
    if (utf8::count_code_points(reply.text) <= kMaxReplyCharacters) continue;
    reader.error(reply.mark,
                 fmt::format(fmt::runtime(tr("`{}` 中的回答太长(上限 {} 字,与学员的回答相同)",
                                             "an answer in `{}` is too long (limit {} characters, "
                                             "as for a trainee's reply)")),
                             key, grouped(kMaxReplyCharacters)));
  }
}

// A step whose rules are all worth 0 points scores 0/0, which counts as full marks: unless a
// critical rule can fail it, any reply ("嗯" included) passes, and only a counter-example would
// ever show it.
void check_points_to_earn(YamlReader& reader, const YamlNode& rules_node,
                          const std::vector<Rule>& rules) {
  if (rules.size() != rules_node.size()) return;  // a broken rule is reported already
  for (const Rule& rule : rules) {
    if (rule.points > 0 || rule.critical) return;
  }
  reader.error(rules_node,
               std::string(tr("每个步骤至少要有一条有分值的规则(`points` 大于 0)或一条关键规则:"
                              "全是 0 分的步骤得 0/0 分,任何回答都会通过",
                              "a step needs at least one rule with points (`points` above 0) or a "
                              "critical rule: a step whose rules are all worth 0 scores 0/0 and "
                              "passes any reply")));
}

// The attempt's score is the mean of its steps' scores weighted by `weight`: with every weight 0
// it is 0 whatever was said, and an attempt that passed every step failed with no reason shown.
void check_some_weight(YamlReader& reader, const YamlNode& steps_node,
                       const std::vector<Step>& steps) {
  if (steps.empty() || steps.size() != steps_node.size()) return;  // reported already
  for (const Step& step : steps) {
    if (step.weight > 0) return;
  }
  reader.error(steps_node,
               std::string(tr("至少要有一个步骤的 `weight` 大于 0:作答的得分是各步得分按 `weight` "
                              "加权的平均,权重全是 0 时任何作答都得 0 分",
                              "at least one step needs a `weight` above 0: an attempt scores the "
                              "mean of its steps' scores weighted by `weight`, so with every "
                              "weight 0 every attempt scores 0")));
}

std::optional<Step> read_step(YamlReader& reader, const YamlNode& node) {
  if (!reader.expect_map(node, tr("步骤", "a step"), kStepKeys)) return std::nullopt;
  Step step;
  step.mark = reader.mark(node);
  step.id = reader.text(node, "id", true).value_or("");
  if (const std::string problem = id_problem(step.id, tr("步骤 id", "step id"));
      !step.id.empty() && !problem.empty())
    reader.error(YamlReader::child(node, "id"), problem);
  if (auto stage = reader.text(node, "stage", true)) {
    if (auto parsed = parse_stage(*stage)) {
      step.stage = *parsed;
    } else {
      reader.error(YamlReader::child(node, "stage"), unknown_stage_text(*stage));
    }
  }
  step.customer_line = customer_line(reader, node, "customer", true).value_or("");
  step.principle = reader.short_text(node, "principle", false, kMaxTeachingCharacters).value_or("");
  step.weight = reader.integer(node, "weight", 0, 100).value_or(1);
  step.time_limit = reader.integer(node, "time_limit", 0, 3600).value_or(0);
  if (const YamlNode& when = YamlReader::child(node, "when"); when.is_defined()) {
    step.when = read_condition(reader, when, "`when`");
  }
  read_conditional_lines(reader, YamlReader::child(node, "customer_if"), step);
  const YamlNode& rules = YamlReader::child(node, "rules");
  if (!rules.is_defined()) {
    reader.missing_key(node, "rules");
  } else if (reader.expect_sequence(rules, "`rules`")) {
    for (const YamlNode& rule_node : rules.items()) {
      if (auto rule = read_rule(reader, rule_node)) step.rules.push_back(std::move(*rule));
    }
    if (rules.size() == 0)
      reader.error(
          rules, std::string(tr("每个步骤至少要有一条规则", "each step needs at least one rule")));
    else
      check_points_to_earn(reader, rules, step.rules);
    check_rule_ids(reader, rules, step.rules);
  }
  step.model_answers = reader.sentence_list(node, "model_answers", true);
  step.counter_examples = reader.sentence_list(node, "counter_examples", false);
  check_reply_lengths(reader, step.model_answers, "model_answers");
  check_reply_lengths(reader, step.counter_examples, "counter_examples");
  return step;
}

// Both bounds written in the scenario, or the start with the default limit when no customer type
// could supply another; a start or limit from a type is checked once the type is known.
void check_start_below_limit(YamlReader& reader, const YamlNode& node, const Customer& customer) {
  if (!customer.start_override) return;
  if (!customer.limit_override && !customer.type.empty()) return;
  const int limit = customer.limit_override.value_or(Temper{}.limit);
  if (std::string problem = start_at_limit_problem(*customer.start_override, limit);
      !problem.empty())
    reader.error(YamlReader::child(node, "mood"), std::move(problem));
}

void read_customer(YamlReader& reader, const YamlNode& root, Customer& customer) {
  const YamlNode& node = YamlReader::child(root, "customer");
  if (!node.is_defined() || node.is_null()) return;
  if (!reader.expect_map(node, "`customer`", {"name", "type", "mood", "limit", "reacts_to"}))
    return;
  customer.name = reader.short_text(node, "name", false, kMaxNameCharacters).value_or("");
  customer.type = reader.name(node, "type", tr("客户类型", "customer type")).value_or("");
  customer.type_mark = reader.mark(YamlReader::child(node, "type"));
  customer.start_override = reader.integer(node, "mood", 0, 100);
  customer.limit_override = reader.integer(node, "limit", 1, 100);
  check_start_below_limit(reader, node, customer);
  Reactions reactions = read_reactions(reader, YamlReader::child(node, "reacts_to"));
  customer.reacts_to_override = std::move(reactions.changes);
  customer.reacts_to_concepts = std::move(reactions.concepts);
}

void read_steps(YamlReader& reader, const YamlNode& root, Scenario& scenario) {
  const YamlNode& steps = YamlReader::child(root, "steps");
  if (!steps.is_defined()) {
    reader.missing_key(root, "steps");
    return;
  }
  if (!reader.expect_sequence(steps, "`steps`")) return;
  if (steps.size() == 0)
    reader.error(steps, std::string(tr("至少要有一个步骤", "needs at least one step")));
  if (steps.size() > kMaxSteps) {
    static_assert(kMaxSteps == 100, "the messages name the limit");
    reader.error(steps.items()[kMaxSteps],
                 fmt::format(fmt::runtime(tr("步骤太多:{} 步,上限是 100。一次投诉处理通常是 3 到 "
                                             "10 步;很长的材料请拆成几个场景",
                                             "too many steps: {}, more than the limit of 100. A "
                                             "complaint is handled in 3 to 10 steps; split long "
                                             "material into several scenarios")),
                             steps.size()));
    return;
  }
  std::set<std::string> ids;
  for (const YamlNode& node : steps.items()) {
    auto step = read_step(reader, node);
    if (!step) continue;
    if (!step->id.empty() && !ids.insert(step->id).second) {
      reader.error(YamlReader::child(node, "id"),
                   fmt::format(fmt::runtime(tr("步骤 id `{}` 重复", "duplicate step id `{}`")),
                               utf8::quote(step->id)));
    }
    scenario.steps.push_back(std::move(*step));
  }
  check_some_weight(reader, steps, scenario.steps);
}

// `never_say`: what the trainee must not say at any step, as critical rules that forbid (a
// promise made one step before the step that forbids it is no less a promise).
void read_never_say(YamlReader& reader, const YamlNode& root, Scenario& scenario) {
  const YamlNode& list = YamlReader::child(root, "never_say");
  if (!list.is_defined() || !reader.expect_sequence(list, "`never_say`")) return;
  static const std::initializer_list<std::string_view> kKeys = {"forbid", "none_of", "feedback",
                                                                "label", "negation"};
  for (const YamlNode& node : list.items()) {
    if (!reader.expect_map(node, tr("`never_say` 的规则", "a `never_say` rule"), kKeys)) continue;
    auto rule = read_rule(reader, node);
    if (!rule) continue;
    rule->critical = true;
    rule->points = 0;
    if (rule->feedback.empty())
      rule->feedback = std::string(
          tr("这个场景里,哪一步都不能这样说。", "In this scenario, never say this, at any step."));
    scenario.never_say.push_back(std::move(*rule));
  }
}

}  // namespace

std::optional<ScenarioRead> read_scenario(const std::string& content, const std::string& file,
                                          Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.reported();
  YamlReader reader(file, diagnostics);
  const auto root = reader.parse(content);
  if (!root) return std::nullopt;
  if (!reader.expect_map(*root, tr("场景文件", "a scenario file"), kScenarioKeys))
    return std::nullopt;
  Scenario scenario;
  scenario.file = file;
  scenario.id = reader.text(*root, "id", true).value_or("");
  scenario.id_mark = reader.mark(YamlReader::child(*root, "id"));
  if (const std::string problem = id_problem(scenario.id, tr("场景 id", "scenario id"));
      !scenario.id.empty() && !problem.empty())
    reader.error(YamlReader::child(*root, "id"), problem);
  scenario.title = reader.short_text(*root, "title", true, kMaxTitleCharacters).value_or("");
  scenario.source = reader.text(*root, "source", true).value_or("");
  scenario.channel = reader.text(*root, "channel", false).value_or("counter");
  if (scenario.channel != "counter" && scenario.channel != "phone" &&
      scenario.channel != "callback") {
    reader.error(YamlReader::child(*root, "channel"),
                 std::string(tr("`channel` 应是 counter、phone 或 callback",
                                "`channel` should be counter, phone or callback")));
  }
  scenario.industry = reader.text(*root, "industry", false).value_or("");
  read_customer(reader, *root, scenario.customer);
  scenario.briefing =
      reader.short_text(*root, "briefing", true, kMaxBriefingCharacters).value_or("");
  scenario.pass_mark = reader.integer(*root, "pass_mark", 0, 100).value_or(70);
  scenario.max_failed_steps = reader.integer(*root, "max_failed_steps", 0, 100).value_or(1);
  read_steps(reader, *root, scenario);
  read_never_say(reader, *root, scenario);
  const bool complete = diagnostics.reported() == errors_before;
  return ScenarioRead{std::move(scenario), complete};
}

std::optional<ScenarioRead> read_scenario_file(const std::string& path, Diagnostics& diagnostics) {
  return parse_file(path, diagnostics, [&](const std::string& content) {
    return read_scenario(content, path, diagnostics);
  });
}

namespace {
std::optional<Scenario> if_complete(std::optional<ScenarioRead> read) {
  if (!read || !read->complete) return std::nullopt;
  return std::move(read->scenario);
}
}  // namespace

std::optional<Scenario> load_scenario_file(const std::string& path, Diagnostics& diagnostics) {
  return if_complete(read_scenario_file(path, diagnostics));
}

std::optional<Scenario> parse_scenario(const std::string& content, const std::string& file,
                                       Diagnostics& diagnostics) {
  return if_complete(read_scenario(content, file, diagnostics));
}

}  // namespace coach
