#pragma once
// Customer-type presets (scenarios/customer-types/*.yaml): how each type of 003 and 001
// starts, what calms and what inflames it, so a scenario says `type: 喋喋不休型` instead of
// deriving the behaviour again.
#include <map>
#include <string>
#include <vector>

#include "model/scenario.hpp"
#include "util/diagnostic.hpp"

namespace coach {

struct CustomerTypePreset {
  Temper temper;
  std::vector<MarkedText> reacts_to_concepts;  // where the file names them
  std::string source;
  std::string file;
  SourceMark mark;
};

using CustomerTypes = std::map<std::string, CustomerTypePreset>;

void load_customer_types_file(const std::string& path, CustomerTypes& types,
                              Diagnostics& diagnostics);
void parse_customer_types(const std::string& content, const std::string& file, CustomerTypes& types,
                          Diagnostics& diagnostics);

// The preset a customer type names: written as the preset is, or without the closing 型 the
// seeds often leave out (情绪激动 for 情绪激动型). Null for a type of the scenario's own.
const CustomerTypePreset* find_preset(const CustomerTypes& types, const std::string& type);

// The scenario's customer temper: its type's preset (or the defaults), then its overrides.
void resolve_temper(Customer& customer, const CustomerTypes& types);

}  // namespace coach
