#include "util/out_of_memory.hpp"

#include "util/i18n.hpp"

namespace coach {

std::string error_text(const std::exception& error) {
  if (dynamic_cast<const std::bad_alloc*>(&error))
    return std::string(tr("内存不足", "out of memory"));
  return error.what();
}

}  // namespace coach
