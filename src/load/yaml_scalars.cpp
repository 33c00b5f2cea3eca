#include "load/yaml_scalars.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace coach {
namespace {

// from_chars takes `-` but not `+`.
std::string_view without_plus(std::string_view text) {
  if (text.size() > 1 && text[0] == '+' && text[1] != '-') text.remove_prefix(1);
  return text;
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

// `true`, `TRUE` and `True` are words of YAML 1.1; `tRUE` is not.
bool has_one_case(std::string_view text) {
  bool rest_upper = true;
  bool rest_lower = true;
  for (std::size_t i = 1; i < text.size(); ++i) {
    rest_upper = rest_upper && is_upper(text[i]);
    rest_lower = rest_lower && !is_upper(text[i]);
  }
  return rest_lower || (rest_upper && is_upper(text[0]));
}

}  // namespace

std::optional<long long> yaml_integer(std::string_view text) {
  text = without_plus(text);
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::optional<double> yaml_decimal(std::string_view text) {
  text = without_plus(text);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::optional<bool> yaml_boolean(std::string_view text) {
  if (text.empty() || text.size() > 5 || !has_one_case(text)) return std::nullopt;
  std::array<char, 5> folded{};
  for (std::size_t i = 0; i < text.size(); ++i) folded[i] = lower(text[i]);
  const std::string_view word(folded.data(), text.size());
  if (word == "true" || word == "yes" || word == "on" || word == "y") return true;
  if (word == "false" || word == "no" || word == "off" || word == "n") return false;
  return std::nullopt;
}

}  // namespace coach
