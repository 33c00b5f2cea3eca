#include "util/natural_order.hpp"

namespace coach {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The run of digits starting at `pos`, without its leading zeros.
std::string_view number_at(std::string_view text, std::size_t& pos) {
  const std::size_t start = pos;
  while (pos < text.size() && is_digit(text[pos])) ++pos;
  std::string_view digits = text.substr(start, pos - start);
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  return digits;
}

// <0, 0 or >0 as the number `a` is smaller, equal or larger than `b` (no leading zeros).
int compare_numbers(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return a.compare(b);
}

}  // namespace

bool natural_less(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      const int order = compare_numbers(number_at(a, i), number_at(b, j));
      if (order != 0) return order < 0;
      continue;
    }
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
    ++i, ++j;
  }
  if ((i < a.size()) != (j < b.size())) return j < b.size();  // a prefix comes first
  return a < b;
}

}  // namespace coach
