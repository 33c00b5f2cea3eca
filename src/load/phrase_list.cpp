#include "load/phrase_list.hpp"

#include <fmt/format.h>

#include <array>
#include <string_view>

#include "load/yaml_node.hpp"
#include "load/yaml_reader.hpp"
#include "text/normalizer.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

constexpr std::array<std::string_view, 3> kChineseSeparators = {"，", "、", "；"};

// The Chinese separator an unquoted item holds between two words, if any. Such an item is
// almost always a list typed with the input method's punctuation ([删掉，不许拍]): one phrase no
// reply holds, so a rule that forbids it forbids nothing. A phrase meant to hold one is quoted.
std::string_view separator_inside(const YamlNode& item) {
  if (!item.is_scalar() || !item.is_plain()) return {};
  const std::string_view text = item.scalar();
  for (const std::string_view separator : kChineseSeparators) {
    for (auto at = text.find(separator); at != std::string_view::npos;
         at = text.find(separator, at + separator.size())) {
      if (at > 0 && at + separator.size() < text.size()) return separator;
    }
  }
  return {};
}

// Refuses the items of `key` written as several phrases in one; returns whether there were any.
bool refuse_lists_typed_as_one(YamlReader& reader, const YamlNode& map, const char* key) {
  const YamlNode& list = YamlReader::child(map, key);
  if (!list.is_sequence()) return false;
  bool refused = false;
  for (const YamlNode& item : list.items()) {
    const std::string_view separator = separator_inside(item);
    if (separator.empty()) continue;
    refused = true;
    reader.error(
        item,
        fmt::format(fmt::runtime(tr("`{}` 中的“{}”含中文的“{}”,会被当成一整个短语;若是几个短语,"
                                    "请用英文逗号分隔(或每项一行);若确是一句话,请加引号",
                                    "“{1}” in `{0}` holds the Chinese “{2}”, so it is one "
                                    "phrase; if it is several, separate them with ASCII commas "
                                    "(or one per line); if it is one sentence, quote it")),
                    key, utf8::quote(item.scalar()), separator));
  }
  return refused;
}

}  // namespace

// Such a phrase used to be dropped when the rule was compiled: the rule then asked for
// nothing, and its feedback listed nothing (“应说到其中之一:。”).
std::vector<MarkedText> read_phrases(YamlReader& reader, const YamlNode& map, const char* key,
                                     bool required) {
  // The list's other problems are still reported: a trainer fixes the file once.
  const bool typed_as_one = refuse_lists_typed_as_one(reader, map, key);
  std::vector<MarkedText> phrases;
  for (MarkedText& phrase : reader.text_list(map, key, required)) {
    if (!normalize_phrase(phrase.text).empty()) {
      phrases.push_back(std::move(phrase));
      continue;
    }
    reader.error(phrase.mark,
                 fmt::format(fmt::runtime(tr("`{}` 中的“{}”只有空白、引号或看不见的字符,"
                                             "比较时什么也不剩,永远匹配不到",
                                             "“{1}” in `{0}` holds only spaces, quotation marks or "
                                             "invisible characters: nothing is left of it to "
                                             "match")),
                             key, utf8::quote(phrase.text)));
  }
  if (typed_as_one) return {};
  return phrases;
}

}  // namespace coach
