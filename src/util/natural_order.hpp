#pragma once
// File names in the order people number them: attempt-2.yaml before attempt-10.yaml. The
// order decides which of a trainee's attempts an exam counts first.
#include <string_view>

namespace coach {

// Compares runs of ASCII digits by their value and everything else byte by byte; names that
// differ only in leading zeros (07 and 7) fall back to plain byte order, so the order is total.
bool natural_less(std::string_view a, std::string_view b);

}  // namespace coach
