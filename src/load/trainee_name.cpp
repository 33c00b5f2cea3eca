#include "load/trainee_name.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <cstdlib>

#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// A name is one line in every report: a line break or tab in it could forge a row of the
// Markdown summary or a line of the text report.
bool has_line_breaks(std::string_view text) {
  return text.find_first_of("\n\r\t") != std::string_view::npos;
}

bool strip_prefix(std::string& name, std::string_view space) {
  if (name.size() < space.size() || name.compare(0, space.size(), space) != 0) return false;
  name.erase(0, space.size());
  return true;
}

bool strip_suffix(std::string& name, std::string_view space) {
  if (name.size() < space.size() ||
      name.compare(name.size() - space.size(), space.size(), space) != 0)
    return false;
  name.erase(name.size() - space.size());
  return true;
}

// Left as it is when not UTF-8: the name is refused then, with the reason.
std::string composed(std::string name) {
  if (utf8::find_invalid(name)) return name;
  utf8proc_uint8_t* nfc = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(name.c_str()));
  if (!nfc) return name;
  std::string out(reinterpret_cast<const char*>(nfc));
  std::free(nfc);
  return out;
}

}  // namespace

std::string trim_trainee_name(std::string name) {
  static const std::string_view kSpaces[] = {" ", "\u3000", "\u00A0"};  // ASCII, ideographic, NBSP
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    for (std::string_view space : kSpaces) {
      trimmed |= strip_prefix(name, space);
      trimmed |= strip_suffix(name, space);
    }
  }
  return composed(std::move(name));
}

// Names are shown to trainers side by side: one that hides characters (张\u200B三 is not 张三)
// could pass for someone else. Files are checked for UTF-8 as they are read; a command-line
// name is not, and a recording must be readable.
std::string trainee_name_problem(std::string_view name, std::string_view what) {
  if (utf8::find_invalid(name))
    return fmt::format(fmt::runtime(tr("{}不是有效的 UTF-8 文本", "{} is not valid UTF-8 text")),
                       subject(what));
  if (name.size() > kMaxTraineeNameBytes || utf8::has_control_characters(name) ||
      has_line_breaks(name))
    return fmt::format(
        fmt::runtime(tr("{}太长或含有控制字符", "{} is too long or contains control characters")),
        subject(what));
  if (utf8::has_hidden_characters(name))
    return fmt::format(
        fmt::runtime(tr("{}含有看不见的字符:{}", "{} contains invisible characters: {}")),
        subject(what), utf8::show_hidden(name));
  return {};
}

}  // namespace coach
