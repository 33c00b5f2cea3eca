#include "util/diagnostic.hpp"

#include <fmt/format.h>

#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {

// Messages quote what the file says (an unknown key, a bad id) and go to a terminal: control
// characters are shown escaped, so a hostile file cannot send escape sequences through them.
std::string Diagnostic::to_string() const {
  // A file name is one line: a line break or bidirectional override in it could forge another.
  const std::string where = utf8::show_name(file);
  if (mark.line <= 0) return fmt::format("{}: {}", where, utf8::escape_controls(message));
  return fmt::format("{}:{}:{}: {}", where, mark.line, mark.column, utf8::escape_controls(message));
}

void Diagnostics::error(const std::string& file, SourceMark mark, std::string message) {
  ++reported_;
  std::size_t& listed = listed_per_file_[file];
  if (listed >= kMaxListedPerFile) {
    note_unlisted(file, 1);
    return;
  }
  Diagnostic item{file, mark, std::move(message)};
  if (!listed_.insert(item.to_string()).second) return;
  ++listed;
  items_.push_back(std::move(item));
}

void Diagnostics::note_unlisted(const std::string& file, std::size_t count) {
  auto [found, added] = unlisted_.try_emplace(file, Unlisted{items_.size(), 0});
  if (added) items_.push_back({file, {}, ""});
  Unlisted& unlisted = found->second;
  unlisted.count += count;
  items_[unlisted.item].message = fmt::format(
      fmt::runtime(tr("……另有 {} 个问题未列出(请先改正上面的)",
                      unlisted.count == 1
                          ? "… and {} more problem not listed (fix the ones above first)"
                          : "… and {} more problems not listed (fix the ones above "
                            "first)")),
      unlisted.count);
}

void Diagnostics::append(const Diagnostics& other) {
  const std::size_t before = reported_;
  for (const auto& item : other.items_) {
    const auto unlisted = other.unlisted_.find(item.file);
    if (unlisted != other.unlisted_.end() && &item == &other.items_[unlisted->second.item]) {
      note_unlisted(item.file, unlisted->second.count);
      continue;
    }
    error(item.file, item.mark, item.message);
  }
  reported_ = before + other.reported_;
}

std::size_t Diagnostics::problems() const {
  std::size_t count = items_.size() - unlisted_.size();
  for (const auto& [file, unlisted] : unlisted_) count += unlisted.count;
  return count;
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
