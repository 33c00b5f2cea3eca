#include "text/look_alikes.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace coach::look_alikes {
namespace {

// Sorted by code point. Only letters drawn the same as a Latin one in common fonts: Cyrillic
// в and н (small capitals) and Greek ε and τ are left out.
constexpr std::array<std::pair<char32_t, char>, 72> kLatinLookAlikes = {
    {{0x0391, 'a'}, {0x0392, 'b'}, {0x0395, 'e'}, {0x0396, 'z'}, {0x0397, 'h'}, {0x0399, 'i'},
     {0x039A, 'k'}, {0x039C, 'm'}, {0x039D, 'n'}, {0x039F, 'o'}, {0x03A1, 'p'}, {0x03A4, 't'},
     {0x03A5, 'y'}, {0x03A7, 'x'}, {0x03B1, 'a'}, {0x03B9, 'i'}, {0x03BA, 'k'}, {0x03BD, 'v'},
     {0x03BF, 'o'}, {0x03C1, 'p'}, {0x03C5, 'u'}, {0x0405, 's'}, {0x0406, 'i'}, {0x0408, 'j'},
     {0x0410, 'a'}, {0x0412, 'b'}, {0x0415, 'e'}, {0x041A, 'k'}, {0x041C, 'm'}, {0x041D, 'h'},
     {0x041E, 'o'}, {0x0420, 'p'}, {0x0421, 'c'}, {0x0422, 't'}, {0x0423, 'y'}, {0x0425, 'x'},
     {0x0430, 'a'}, {0x0435, 'e'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'}, {0x0443, 'y'},
     {0x0445, 'x'}, {0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'}, {0x04AE, 'y'}, {0x04AF, 'y'},
     {0x04BA, 'h'}, {0x04BB, 'h'}, {0x04C0, 'l'}, {0x04CF, 'l'}, {0x0500, 'd'}, {0x0501, 'd'},
     {0x051A, 'q'}, {0x051B, 'q'}, {0x051C, 'w'}, {0x051D, 'w'}, {0x054D, 'u'}, {0x0555, 'o'},
     {0x0570, 'h'}, {0x0578, 'n'}, {0x057D, 'u'}, {0x0585, 'o'}, {0x13A0, 'd'}, {0x13A1, 'r'},
     {0x13A2, 't'}, {0x13A9, 'y'}, {0x13AA, 'a'}, {0x13AB, 'j'}, {0x13AC, 'e'}, {0x13B3, 'w'}}};

}  // namespace

char32_t latin_for(char32_t cp) {
  const auto found =
      std::lower_bound(kLatinLookAlikes.begin(), kLatinLookAlikes.end(), cp,
                       [](const auto& entry, char32_t c) { return entry.first < c; });
  return found != kLatinLookAlikes.end() && found->first == cp
             ? static_cast<char32_t>(found->second)
             : cp;
}

char32_t ideograph_for(char32_t cp) {
  const auto entries = table();
  const auto found =
      std::lower_bound(entries.begin(), entries.end(), cp,
                       [](const LookAlike& e, char32_t c) { return e.code_point < c; });
  return found != entries.end() && found->code_point == cp ? found->ideograph : cp;
}

}  // namespace coach::look_alikes
