#include "text/look_alikes.hpp"

#include <algorithm>

namespace coach::look_alikes {

// latin_for is generated (make_latin_look_alikes.cpp).

char32_t ideograph_for(char32_t cp) {
  const auto entries = table();
  const auto found =
      std::lower_bound(entries.begin(), entries.end(), cp,
                       [](const LookAlike& e, char32_t c) { return e.code_point < c; });
  return found != entries.end() && found->code_point == cp ? found->ideograph : cp;
}

}  // namespace coach::look_alikes
