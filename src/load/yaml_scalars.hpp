#pragma once
// What a scalar's text means as a number or a truth value, read as YAML 1.1 reads them.
#include <optional>
#include <string_view>

namespace coach {

// `42`, `-3`, `+7`: decimal digits only (a trainer's `010` is ten, not eight).
std::optional<long long> yaml_integer(std::string_view text);
// `2.5`, `3`, `1e3`; never infinity or not-a-number.
std::optional<double> yaml_decimal(std::string_view text);
// true/yes/on/y and false/no/off/n, in lower case, upper case or capitalised.
std::optional<bool> yaml_boolean(std::string_view text);

}  // namespace coach
