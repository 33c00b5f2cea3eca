#include "text/quotations.hpp"

#include <algorithm>
#include <array>
#include <iterator>

#include "util/utf8.hpp"

namespace coach {
namespace {

// A quotation longer than this is more likely an unbalanced mark than a quotation.
constexpr std::size_t kMaxQuotedCharacters = 40;

// The quotation marks, opening (as UTF-8, to search for) and closing.
struct QuotationMarks {
  std::string_view opening;
  char32_t closing;
};
constexpr QuotationMarks kQuotationMarks[] = {
    {"“", U'”'}, {"「", U'」'}, {"『", U'』'}, {"\"", U'"'}};

// Words that report what someone says or thinks, just before the quotation (in either script).
constexpr std::array<std::string_view, 36> kReportingWords = {
    "说",   "說",   "讲",   "講",   "问",   "問",   "道",   "写",   "寫",   "写着", "寫著", "叫",
    "喊",   "骂",   "罵",   "称",   "稱",   "想",   "觉得", "覺得", "认为", "認為", "以为", "以為",
    "提到", "提过", "提過", "表示", "所谓", "所謂", "说的", "說的", "讲的", "講的", "叫做", "原话"};

// Words that name the quotation as words, just after it: “您弄错了”这种话.
constexpr std::array<std::string_view, 20> kNamingWords = {
    "这种", "這種", "这样", "這樣", "这句", "這句", "这类", "這類", "这些",   "這些",
    "那种", "那種", "那样", "那樣", "那句", "之类", "之類", "一类", "几个字", "幾個字"};

// Characters that deny what follows: 我不会说“…” is a mention even from the trainee.
constexpr std::array<std::string_view, 6> kDenials = {"不", "没", "沒", "别", "別", "未"};

char32_t closing_mark_for(char32_t cp) {
  for (const auto& marks : kQuotationMarks) {
    std::size_t pos = 0;
    if (utf8::decode(marks.opening, pos) == cp) return marks.closing;
  }
  return 0;
}

// Whether any opening mark occurs: most replies quote nothing and need not be decoded for it.
bool may_quote(std::string_view original) {
  return std::any_of(
      std::begin(kQuotationMarks), std::end(kQuotationMarks),
      [&](const auto& marks) { return original.find(marks.opening) != std::string_view::npos; });
}

template <std::size_t N>
bool ends_with_any(std::string_view text, const std::array<std::string_view, N>& words) {
  return std::any_of(words.begin(), words.end(), [&](auto word) { return text.ends_with(word); });
}

template <std::size_t N>
bool contains_any(std::string_view text, const std::array<std::string_view, N>& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](auto word) { return text.find(word) != std::string_view::npos; });
}

std::string_view without_trailing(std::string_view text,
                                  std::initializer_list<std::string_view> marks) {
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    for (std::string_view mark : marks) {
      if (text.ends_with(mark)) text.remove_suffix(mark.size()), trimmed = true;
    }
  }
  return text;
}

std::string_view without_leading(std::string_view text,
                                 std::initializer_list<std::string_view> marks) {
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    for (std::string_view mark : marks) {
      if (text.starts_with(mark)) text.remove_prefix(mark.size()), trimmed = true;
    }
  }
  return text;
}

// The sentence before `end`: back to the last 。！？.!?; or line break.
std::string_view sentence_before(std::string_view text, std::size_t end) {
  std::size_t begin = 0;
  for (std::string_view mark : {"。", "！", "？", "；", ".", "!", "?", ";", "\n"}) {
    const std::size_t found = text.rfind(mark, end == 0 ? 0 : end - 1);
    if (found != std::string_view::npos && found < end)
      begin = std::max(begin, found + mark.size());
  }
  return text.substr(begin, end - begin);
}

// `open` is where the opening mark starts, `after` where the text after the closing mark does.
bool is_mention(std::string_view original, std::size_t open, std::size_t after) {
  const std::string_view next = without_leading(original.substr(after), {" ", "\u3000"});
  if (std::any_of(kNamingWords.begin(), kNamingWords.end(),
                  [&](auto word) { return next.starts_with(word); }))
    return true;
  const std::string_view before =
      without_trailing(sentence_before(original, open), {" ", "\u3000", ":", "：", ",", "，"});
  if (!ends_with_any(before, kReportingWords)) return false;
  // 您说“…”, 客户问“…” report someone else; 我说“…” says it, 我不会说“…” denies it.
  const bool trainee_speaks = before.find("我") != std::string_view::npos;
  return !trainee_speaks || contains_any(before, kDenials);
}

}  // namespace

bool QuotedRanges::contains(std::size_t pos) const {
  const auto after =
      std::upper_bound(spans.begin(), spans.end(), pos,
                       [](std::size_t p, const TextSpan& span) { return p < span.begin; });
  return after != spans.begin() && pos < std::prev(after)->end;
}

QuotedRanges find_mentions(std::string_view original) {
  QuotedRanges ranges;
  if (!may_quote(original)) return ranges;
  char32_t awaited = 0;
  std::size_t open = 0;
  std::size_t start = 0;
  std::size_t characters = 0;
  for (std::size_t pos = 0; pos < original.size();) {
    const std::size_t at = pos;
    const char32_t cp = utf8::decode(original, pos);
    if (awaited != 0 && cp == awaited) {
      if (characters <= kMaxQuotedCharacters && is_mention(original, open, pos))
        ranges.spans.push_back({start, at});
      awaited = 0;
    } else if (const char32_t closing = awaited == 0 ? closing_mark_for(cp) : 0; closing != 0) {
      awaited = closing, open = at, start = pos, characters = 0;
    } else {
      ++characters;
    }
  }
  return ranges;
}

}  // namespace coach
