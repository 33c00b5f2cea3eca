#include "text/clauses.hpp"

#include <utf8proc.h>

#include "util/utf8.hpp"

namespace coach {

std::vector<Clause> split_clauses(std::string_view text) {
  std::vector<Clause> clauses;
  std::size_t start = 0;
  for (std::size_t pos = 0; pos <= text.size(); ++pos) {
    const bool at_end = pos == text.size();
    if (!at_end && !is_clause_boundary(text, pos)) continue;
    const char terminator = at_end ? 0 : text[pos];
    if (pos > start) {
      const bool ends_sentence = terminator != ',' && terminator != ':' && terminator != '~';
      clauses.push_back({{start, pos}, terminator, ends_sentence});
    } else if (!clauses.empty() && terminator != 0) {
      // "??" or "?!": the later mark may turn the previous clause into a question.
      if (terminator == '?') clauses.back().terminator = '?';
    }
    start = pos + 1;
  }
  return clauses;
}

std::string_view without_trailing_symbols(std::string_view clause) {
  while (!clause.empty()) {
    const std::size_t start = utf8::previous_start(clause, clause.size());
    std::size_t pos = start;
    const char32_t cp = utf8::decode(clause, pos);
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    const bool symbol = category >= UTF8PROC_CATEGORY_PC && category <= UTF8PROC_CATEGORY_SO;
    if (!symbol && cp != U'_') break;
    clause.remove_suffix(clause.size() - start);
  }
  return clause;
}

bool ends_with_yes_no_particle(std::string_view clause) {
  clause = without_trailing_symbols(clause);
  if (clause.ends_with("吗") || clause.ends_with("嘛")) return true;
  if (!clause.ends_with("么")) return false;
  const std::string_view before = clause.substr(0, clause.size() - std::string_view("么").size());
  for (std::string_view word : {"什", "怎", "这", "那", "多", "要"}) {
    if (before.ends_with(word)) return false;
  }
  return true;
}

}  // namespace coach
