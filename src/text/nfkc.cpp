#include "text/nfkc.hpp"

#include <utf8proc.h>

#include <cstdlib>

namespace coach {
namespace {

std::string mapped(char32_t code_point, int options) {
  utf8proc_uint8_t encoded[4];
  const auto size = utf8proc_encode_char(static_cast<utf8proc_int32_t>(code_point), encoded);
  utf8proc_uint8_t* out = nullptr;
  const auto length = utf8proc_map(encoded, size, &out, static_cast<utf8proc_option_t>(options));
  if (length < 0)
    return std::string(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(size));
  std::string result(reinterpret_cast<char*>(out), static_cast<std::size_t>(length));
  std::free(out);
  return result;
}

}  // namespace

std::string nfkc_casefold(char32_t code_point) {
  return mapped(code_point,
                UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
}

std::string casefold(char32_t code_point) {
  return mapped(code_point, UTF8PROC_STABLE | UTF8PROC_CASEFOLD);
}

}  // namespace coach
