#include "load/trainee_name.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <cstdlib>

#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

bool strip_prefix(std::string_view& name, std::string_view space) {
  if (!name.starts_with(space)) return false;
  name.remove_prefix(space.size());
  return true;
}

bool strip_suffix(std::string_view& name, std::string_view space) {
  if (!name.ends_with(space)) return false;
  name.remove_suffix(space.size());
  return true;
}

// Left as it is when not UTF-8: the name is refused then, with the reason. Composed by length,
// not as a C string: a NUL would cut the name there, and the rest would go unchecked.
std::string composed(std::string name) {
  if (utf8::find_invalid(name)) return name;
  utf8proc_uint8_t* nfc = nullptr;
  const utf8proc_ssize_t length =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(name.data()),
                   static_cast<utf8proc_ssize_t>(name.size()), &nfc,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (length < 0) return name;
  std::string out(reinterpret_cast<const char*>(nfc), static_cast<std::size_t>(length));
  std::free(nfc);
  return out;
}

std::string named(std::string_view zh, std::string_view en, std::string_view what,
                  char32_t cp = 0) {
  return fmt::format(fmt::runtime(tr(zh, en)), subject(what), static_cast<unsigned>(cp));
}

bool is_line_break(char32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

// What is wrong with one character of a name, or empty. A tab or a line break in a name could
// forge a row of the Markdown summary or a line of the text report; other controls rewrite a
// terminal; a noncharacter makes the JUnit report unreadable.
std::string character_problem(char32_t cp, std::string_view what) {
  if (cp == 0) return named("{}含有 NUL 字节(\\0)", "{} contains a NUL byte (\\0)", what);
  if (cp == '\t') return named("{}含有 Tab", "{} contains a tab", what);
  if (is_line_break(cp))
    return named("{}含有换行符 U+{:04X}", "{} contains a line break (U+{:04X})", what, cp);
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
    return named("{}含有控制字符 U+{:04X}", "{} contains control character U+{:04X}", what, cp);
  if (utf8::is_noncharacter(cp))
    return named("{}含有非文字字符 U+{:04X}", "{} contains U+{:04X}, which is not text", what, cp);
  return {};
}

}  // namespace

std::string_view without_surrounding_spaces(std::string_view name) {
  static const std::string_view kSpaces[] = {" ", "\u3000", "\u00A0"};  // ASCII, ideographic, NBSP
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    for (std::string_view space : kSpaces) {
      trimmed |= strip_prefix(name, space);
      trimmed |= strip_suffix(name, space);
    }
  }
  return name;
}

std::string trim_trainee_name(std::string_view name) {
  return composed(std::string(without_surrounding_spaces(name)));
}

// Names are shown to trainers side by side: one that hides characters (张\u200B三 and
// 张\uFFF9三 are not 张三) could pass for someone else.
std::optional<NameFlaw> find_name_flaw(std::string_view text, std::string_view what) {
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t cp = utf8::decode(text, pos);
    if (std::string problem = character_problem(cp, what); !problem.empty())
      return NameFlaw{start, std::move(problem)};
  }
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    if (utf8::is_invisible(utf8::decode(text, pos))) {
      return NameFlaw{start, fmt::format(fmt::runtime(tr("{}含有看不见的字符:{}",
                                                         "{} contains invisible characters: {}")),
                                         subject(what), utf8::quote(text))};
    }
  }
  return std::nullopt;
}

// Files are checked for UTF-8 as they are read; a command-line name is not, and a recording
// must be readable.
std::string trainee_name_problem(std::string_view name, std::string_view what) {
  if (utf8::find_invalid(name))
    return fmt::format(fmt::runtime(tr("{}不是有效的 UTF-8 文本", "{} is not valid UTF-8 text")),
                       subject(what));
  if (name.size() > kMaxTraineeNameBytes)
    return fmt::format(fmt::runtime(tr("{}太长(上限 {} 字节)", "{} is too long (limit {} bytes)")),
                       subject(what), kMaxTraineeNameBytes);
  const auto flaw = find_name_flaw(name, what);
  return flaw ? flaw->message : std::string();
}

}  // namespace coach
