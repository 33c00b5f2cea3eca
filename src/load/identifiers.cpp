#include "load/identifiers.hpp"

namespace coach {
namespace {
bool is_lower_or_digit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool is_identifier(std::string_view id, bool allow_dash) {
  if (id.empty() || id.size() > 64 || !(id[0] >= 'a' && id[0] <= 'z')) return false;
  for (char c : id) {
    if (!is_lower_or_digit(c) && c != '_' && !(allow_dash && c == '-')) return false;
  }
  return true;
}
}  // namespace

bool is_valid_id(std::string_view id) {
  return is_identifier(id, true);
}
bool is_valid_concept_id(std::string_view id) {
  return is_identifier(id, false);
}

}  // namespace coach
