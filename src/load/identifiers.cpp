#include "load/identifiers.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

bool is_lower_or_digit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool uses_allowed_characters(std::string_view id, bool allow_dash) {
  return std::all_of(id.begin(), id.end(), [&](char c) {
    return is_lower_or_digit(c) || c == '_' || (allow_dash && c == '-');
  });
}

std::string problem(std::string_view id, std::string_view what, bool allow_dash) {
  const auto say = [&](std::string_view zh, std::string_view en) {
    return fmt::format(fmt::runtime(tr(zh, en)), what, utf8::quote(id), kMaxIdLength);
  };
  if (!uses_allowed_characters(id, allow_dash)) {
    return allow_dash ? say("{} `{}` 只能用小写字母、数字、- 和 _",
                            "{} `{}` may only use lowercase letters, digits, - and _")
                      : say("{} `{}` 只能用小写字母、数字和 _",
                            "{} `{}` may only use lowercase letters, digits and _");
  }
  if (id.empty() || !(id[0] >= 'a' && id[0] <= 'z'))
    return say("{} `{}` 必须以小写字母开头", "{} `{}` must start with a lowercase letter");
  if (id.size() > kMaxIdLength)
    return say("{} `{}` 太长(上限 {} 个字符)", "{} `{}` is too long (limit {} characters)");
  return {};
}

}  // namespace

std::string id_problem(std::string_view id, std::string_view what) {
  return problem(id, what, true);
}
std::string concept_id_problem(std::string_view id, std::string_view what) {
  return problem(id, what, false);
}

}  // namespace coach
