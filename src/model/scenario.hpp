#pragma once
// The scenario model: plain data loaded from a trainer's YAML file.
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

enum class QuestionKind { any, open, closed };
enum class AddressMode { name, title };

struct Rule {
  RuleKind kind = RuleKind::concept_present;
  std::string concept_id;                // concept_present, concept_forbidden
  std::vector<std::string> phrases;      // any_of, all_of, none_of
  std::vector<std::string> concept_ids;  // order
  std::string pattern;                   // regex
  int limit = 0;                         // min_chars, max_chars
  QuestionKind question = QuestionKind::any;
  int count = 1;  // asks_question
  AddressMode address = AddressMode::name;
  int points = 10;
  bool critical = false;
  bool negation = true;  // a phrase after a negation word does not count
  std::string label;     // what the rule asks for, shown instead of the generated description
  std::string feedback;  // shown when the rule is not satisfied
  std::string praise;    // shown when it is
  SourceMark mark;
};

struct Step {
  std::string id;
  Stage stage = Stage::vent;
  std::string customer_line;
  std::string principle;
  int weight = 1;
  std::vector<Rule> rules;
  std::vector<MarkedText> model_answers;
  std::vector<MarkedText> counter_examples;
  SourceMark mark;
};

struct Customer {
  std::string name;  // e.g. 王先生
  std::string type;  // e.g. 情绪激动
};

struct Scenario {
  std::string id;
  std::string title;
  std::string source;
  std::string channel = "counter";
  std::string industry;
  Customer customer;
  std::string briefing;
  int pass_mark = 70;
  int max_failed_steps = 1;  // more steps below the mark fail the attempt, whatever the total
  std::vector<Step> steps;
  std::string file;

  const Step* find_step(const std::string& step_id) const;
};

}  // namespace coach
