#include "load/phrase_list.hpp"

#include <fmt/format.h>

#include "load/yaml_reader.hpp"
#include "text/normalizer.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {

// Such a phrase used to be dropped when the rule was compiled: the rule then asked for
// nothing, and its feedback listed nothing (“应说到其中之一:。”).
std::vector<MarkedText> read_phrases(YamlReader& reader, const YamlNode& map, const char* key,
                                     bool required) {
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
  return phrases;
}

}  // namespace coach
