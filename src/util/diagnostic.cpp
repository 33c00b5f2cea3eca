#include "util/diagnostic.hpp"

#include <fmt/format.h>

#include "util/utf8.hpp"

namespace coach {

// Messages quote what the file says (an unknown key, a bad id) and go to a terminal: control
// characters are shown escaped, so a hostile file cannot send escape sequences through them.
std::string Diagnostic::to_string() const {
  const std::string where = utf8::escape_controls(file);
  if (mark.line <= 0) return fmt::format("{}: {}", where, utf8::escape_controls(message));
  return fmt::format("{}:{}:{}: {}", where, mark.line, mark.column, utf8::escape_controls(message));
}

void Diagnostics::error(const std::string& file, SourceMark mark, std::string message) {
  ++reported_;
  Diagnostic item{file, mark, std::move(message)};
  if (listed_.insert(item.to_string()).second) items_.push_back(std::move(item));
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& item : other.items_) error(item.file, item.mark, item.message);
  reported_ += other.reported_ - other.items_.size();
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
