#include "text/clauses.hpp"

namespace coach {
namespace {
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
}  // namespace

bool is_clause_boundary(std::string_view text, std::size_t pos) {
  switch (text[pos]) {
    case ',':
    case '?':
    case '!':
    case ';':
    case ':':
    case '~':
      return true;
    case '.': {
      // 1.8 is a number, not the end of a sentence.
      const bool between_digits =
          pos > 0 && pos + 1 < text.size() && is_digit(text[pos - 1]) && is_digit(text[pos + 1]);
      return !between_digits;
    }
    default:
      return false;
  }
}

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

}  // namespace coach
