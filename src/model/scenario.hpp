#pragma once
// The scenario model: plain data loaded from a trainer's YAML file.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/marked_text.hpp"
#include "model/stage.hpp"

namespace coach {

enum class RuleKind {
  concept_present,
  concept_forbidden,
  any_of,
  all_of,
  none_of,
  regex,
  min_chars,
  max_chars,
  asks_question,
  addresses_customer,
  order,
};

// Whether a rule of this kind forbids something (met by saying nothing): a forbidden concept,
// none_of, max_chars. The others ask for something.
inline bool forbids(RuleKind kind) {
  return kind == RuleKind::concept_forbidden || kind == RuleKind::none_of ||
         kind == RuleKind::max_chars;
}

enum class QuestionKind { any, open, closed };
enum class AddressMode { name, title };

struct Rule {
  RuleKind kind = RuleKind::concept_present;
  // Names the rule within its step, so that an `order` rule can place what it matched.
  std::string id;
  std::string concept_id;            // concept_present, concept_forbidden
  std::vector<std::string> phrases;  // any_of, all_of, none_of
  // order: concept ids, or ids of rules of the same step (a scenario's own restatement regex)
  std::vector<std::string> order_items;
  std::string pattern;      // regex
  SourceMark pattern_mark;  // where `pattern` is written
  int limit = 0;            // min_chars, max_chars
  QuestionKind question = QuestionKind::any;
  int count = 1;  // asks_question
  AddressMode address = AddressMode::name;
  int points = 10;
  bool critical = false;
  int mood = 0;          // how the customer's mood moves when the rule fires (satisfied; for forbid
                         // and none_of: when the forbidden words are said)
  bool negation = true;  // a phrase after a negation word does not count
  std::string label;     // what the rule asks for, shown instead of the generated description
  std::string feedback;  // shown when the rule is not satisfied
  std::string praise;    // shown when it is
  SourceMark mark;
};

// When a step is played or a customer line is said: the customer's mood (anger, 0–100)
// against a bound, or whether the trainee has said something of a concept in an earlier reply.
struct Condition {
  std::optional<int> mood_above;  // mood > value
  std::optional<int> mood_below;  // mood < value
  std::string said;               // a concept said in an earlier reply
  std::string not_said;
  SourceMark mark;
};

// A line the customer says instead of the step's usual one when its condition holds.
struct ConditionalLine {
  Condition when;
  std::string line;
};

struct Step {
  std::string id;
  Stage stage = Stage::vent;
  std::string customer_line;
  std::vector<ConditionalLine> customer_lines_if;  // the first whose condition holds is said
  std::optional<Condition> when;                   // the step is played only when this holds
  int time_limit = 0;                              // seconds for the reply; 0: none
  std::string principle;
  int weight = 1;
  std::vector<Rule> rules;
  std::vector<MarkedText> model_answers;
  std::vector<MarkedText> counter_examples;
  SourceMark mark;

  const Rule* find_rule(const std::string& rule_id) const;  // null for an empty id
};

// How a customer's mood moves: where it starts, what calms or inflames it (concept → change
// when the trainee's reply says it), and past what it ends the conversation.
struct Temper {
  int start = 50;
  int limit = 100;
  std::map<std::string, int> reacts_to;
  std::string voice;  // how this customer talks, for trainers
};

struct Customer {
  std::string name;  // e.g. 王先生
  std::string type;  // e.g. 情绪激动型: a preset of scenarios/customer-types/
  Temper temper;     // the preset's, with the scenario's overrides
  SourceMark type_mark;
  // What the scenario overrides (applied over the preset when the library is loaded).
  std::optional<int> start_override;
  std::optional<int> limit_override;
  std::map<std::string, int> reacts_to_override;
  std::vector<MarkedText> reacts_to_concepts;  // the override's concepts, where they are named
};

struct Scenario {
  std::string id;
  SourceMark id_mark;
  std::string title;
  std::string source;
  std::string channel = "counter";
  std::string industry;
  Customer customer;
  std::string briefing;
  int pass_mark = 70;
  int max_failed_steps = 1;  // more steps below the mark fail the attempt, whatever the total
  std::vector<Step> steps;
  // What no step of this scenario may say (`never_say`): critical `forbid` and `none_of` rules
  // judged at every step, as the lexicon's forbidden_everywhere concepts are (engine/conduct).
  std::vector<Rule> never_say;
  std::string file;

  const Step* find_step(const std::string& step_id) const;
};

}  // namespace coach
