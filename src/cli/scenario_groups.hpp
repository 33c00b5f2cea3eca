#pragma once
// Groups scenarios for `list` and the practice menu, so a new hire finds the one to practise:
// by source document (with its industry) or by customer type.
#include <string>
#include <vector>

#include "engine/rubric.hpp"

namespace coach::cli {

enum class Grouping { document, customer_type, none };

struct ScenarioGroup {
  std::string heading;  // the industry and the document's file, as `list` names it
  // The same with the document's title, for a new hire at the practice menu: a hashed file name
  // (`000_5d6b….txt`) meant nothing, and three documents of one industry read as one.
  std::string title;
  std::vector<const Rubric*> members;
};

std::vector<ScenarioGroup> group_scenarios(const std::vector<Rubric>& rubrics, Grouping grouping);

// The document file a scenario's `source:` names first ("000_….txt 练习1" → "000_….txt").
std::string source_document(const Scenario& scenario);

// A readable title for a document file `source_document` names, in the current language; an
// unknown file keeps its name.
std::string document_title(const std::string& file);

// The scenario's `source:` with its document file named by its title.
std::string readable_source(const Scenario& scenario);

}  // namespace coach::cli
