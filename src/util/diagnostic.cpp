#include "util/diagnostic.hpp"

#include <fmt/format.h>

namespace coach {

std::string Diagnostic::to_string() const {
  if (mark.line <= 0) return fmt::format("{}: {}", file, message);
  return fmt::format("{}:{}:{}: {}", file, mark.line, mark.column, message);
}

void Diagnostics::error(const std::string& file, SourceMark mark, std::string message) {
  items_.push_back({file, mark, std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

std::string Diagnostics::to_string() const {
  std::string out;
  for (const auto& item : items_) {
    out += item.to_string();
    out += '\n';
  }
  return out;
}

InputError::InputError(Diagnostics diagnostics)
    : std::runtime_error(diagnostics.to_string()), diagnostics_(std::move(diagnostics)) {}

}  // namespace coach
