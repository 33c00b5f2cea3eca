#include "text/quotations.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>
#include <string>

#include "text/clauses.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// A quotation longer than this is more likely an unbalanced mark than a quotation.
constexpr std::size_t kMaxQuotedCharacters = 40;
// How far around a quotation its speaker, word of saying and naming words are looked for
// (bytes: about 40 characters), and how many quotations in a row may be named together.
constexpr std::size_t kContextBytes = 120;
constexpr int kNamedTogether = 4;

// The quotation marks, opening (as UTF-8, to search for) and closing.
struct QuotationMarks {
  std::string_view opening;
  char32_t closing;
};
constexpr QuotationMarks kQuotationMarks[] = {{"“", U'”'},   {"「", U'」'}, {"『", U'』'},
                                              {"\"", U'"'},  {"‘", U'’'},   {"«", U'»'},
                                              {"〝", U'〞'}, {"＂", U'＂'}};

// Words that report what someone says or thinks, just before the quotation (in either script),
// and words of taking something as what the quotation says (我们不会当成“没那么严重”).
// (Not 道 alone: 您要知道 is knowing, not saying.)
constexpr std::array<std::string_view, 72> kReportingWords = {
    "说",       "說",     "讲",     "講",   "问",   "問",       "说道",     "說道",
    "写",       "寫",     "写着",   "寫著", "叫",   "喊",       "骂",       "罵",
    "称",       "稱",     "想",     "觉得", "覺得", "认为",     "認為",     "以为",
    "以為",     "提到",   "提过",   "提過", "表示", "所谓",     "所謂",     "说的",
    "說的",     "讲的",   "講的",   "原话", "当成", "當成",     "当作",     "當作",
    "当做",     "當做",   "看成",   "看作", "看做", "视为",     "視為",     "视作",
    "視作",     "说成",   "說成",   "问过", "問過", "说过",     "說過",     "问了一句",
    "说了一句", "问了句", "说了句", "嚷",   "嚷着", "喊着",     "问的是",   "说的是",
    "问题是",   "想知道", "担心",   "擔心", "疑惑", "关心的是", "關心的是", "担心的是"};

// Words that name the quotation as words, just after it: “您弄错了”这种话.
constexpr std::array<std::string_view, 26> kNamingWords = {
    "这种",   "這種",   "这样",   "這樣",   "这句",   "這句",   "这类",     "這類",    "这些",
    "這些",   "那种",   "那種",   "那样",   "那樣",   "那句",   "之类",     "之類",    "一类",
    "几个字", "幾個字", "那两句", "这两句", "那几句", "这几句", "这个问题", "這個問題"};

// Words that name the quotation as words, just before it: 刚才那句“应该是”是我的猜测.
constexpr std::array<std::string_view, 12> kNamingWordsBefore = {
    "那句",   "这句", "這句", "那个词",   "这个词", "那個詞",
    "這個詞", "所谓", "所謂", "那几个字", "诸如",   "諸如"};

// Who may be the speaker of reported words, other than the trainee (in either script).
// (员工, 柜员 …: outside pass 54, finding 5, 姓赵的员工对您说“这么简单都不懂,跟你说了你也不明白”.)
constexpr std::array<std::u32string_view, 50> kOtherSpeakers = {
    U"您",   U"你",   U"妳",     U"他",     U"她",    U"客户",   U"客戶",   U"顾客", U"顧客",
    U"同事", U"别人", U"別人",   U"有人",   U"对方",  U"對方",   U"人家",   U"经理", U"經理",
    U"领导", U"領導", U"主管",   U"大家",   U"朋友",  U"家人",   U"网上",   U"網上", U"短信",
    U"通知", U"合同", U"规定",   U"客服",   U"代表",  U"营业员", U"營業員", U"前台", U"工作人员",
    U"師傅", U"师傅", U"很多人", U"不少人", U"爱人",  U"愛人",   U"员工",   U"員工", U"柜员",
    U"櫃員", U"职员", U"職員",   U"服务员", U"服務員"};

// Characters before a pronoun that make it the one spoken to (跟您说), not the speaker.
bool addresses(char32_t c) {
  // 跟您说, and the verbs in 不瞒您说, 提醒您说, 告诉您说, 劝您说.
  return std::u32string_view(U"跟对對给給向和同替帮幫让讓瞒瞞醒诉訴劝勸过過").find(c) !=
         std::u32string_view::npos;
}

bool is_negator(char32_t c) {
  return std::u32string_view(U"不没沒别別未").find(c) != std::u32string_view::npos;
}

// Characters between a negation and the word of saying it governs: 不会跟您说, 从没说过.
bool carries_negation(char32_t c) {
  return std::u32string_view(
             U"会會能要想敢是再还還也都曾绝絕决決从從来來跟对對给給向您你妳必该該用")
             .find(c) != std::u32string_view::npos;
}

// Words with a negation character that deny nothing: 不过我得说, 对不起我只能说, 不得不说.
bool is_neutral_negation(std::u32string_view text, std::size_t at) {
  const std::u32string_view rest = text.substr(at);
  for (std::u32string_view word : {U"不过", U"不過", U"不好意思", U"不得不", U"不管", U"不论",
                                   U"不論", U"不仅", U"不僅", U"不但"}) {
    if (rest.starts_with(word)) return true;
  }
  if (at >= 2 && text.substr(at - 2, 3) == U"不得不") return true;
  // Two negations make a must: 我不能不说, 不得不说, 不可不说.
  for (std::u32string_view must : {U"不能不", U"不可不", U"不会不", U"没法不"}) {
    if (at >= 2 && text.substr(at - 2, 3) == must) return true;
  }
  return at > 0 && (text[at - 1] == U'对' || text[at - 1] == U'對') && rest.starts_with(U"不起");
}

std::u32string decode_text(std::string_view text) {
  std::u32string characters;
  for (std::size_t pos = 0; pos < text.size();) characters += utf8::decode(text, pos);
  return characters;
}

enum class Speaker { trainee, someone_else, unnamed };

// The last subject of `before`, the words leading up to a word of saying: 客户问 someone else,
// 我说 the trainee, 坦白说 no one named (the trainee's own voice).
Speaker speaker_of(std::u32string_view before) {
  for (std::size_t end = before.size(); end > 0; --end) {
    const std::u32string_view head = before.substr(0, end);
    for (std::u32string_view word : kOtherSpeakers) {
      if (!head.ends_with(word)) continue;
      const std::size_t begin = end - word.size();
      if (begin > 0 && addresses(before[begin - 1])) continue;
      return Speaker::someone_else;
    }
    const char32_t c = before[end - 1];
    if (c == U'我' || c == U'咱') {
      const std::u32string_view after = before.substr(end);
      if (after.starts_with(U"的") || after.starts_with(U"们的") || after.starts_with(U"們的"))
        continue;  // 我们的同事: not the speaker
      return Speaker::trainee;
    }
  }
  return Speaker::unnamed;
}

// Where the 把 (or 將) is whose object ends at `last`: 不会把|您的意见|当成. At most five
// characters of object, and no negation among them.
std::optional<std::size_t> ba_before_object(std::u32string_view before, std::size_t last) {
  constexpr std::size_t kLongestObject = 5;
  for (std::size_t at = last; at-- > 0 && last - at <= kLongestObject;) {
    if (before[at] == U'把' || before[at] == U'將') return at;
    if (is_negator(before[at])) break;
  }
  return std::nullopt;
}

// Whether a negation governs the word of saying at the end of `before`: 我不会说, 我从没说过,
// 我们不会把您的意见当成.
bool denies_saying(std::u32string_view before, std::size_t saying_length) {
  constexpr std::size_t kGap = 4;
  std::size_t at = before.size() - saying_length;
  for (std::size_t gap = 0; at > 0 && gap <= kGap; ++gap) {
    --at;
    if (is_negator(before[at])) return !is_neutral_negation(before, at);
    if (carries_negation(before[at])) continue;
    const std::optional<std::size_t> ba = ba_before_object(before, at + 1);
    if (!ba) return false;
    at = *ba;
  }
  return false;
}

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

// The word of `words` that `text` ends with, or an empty view.
template <std::size_t N>
std::string_view ending(std::string_view text, const std::array<std::string_view, N>& words) {
  std::string_view longest;
  for (std::string_view word : words) {
    if (text.ends_with(word) && word.size() > longest.size()) longest = word;
  }
  return longest;
}

// `text` without any of `marks` at its end (`from_end`) or at its start.
std::string_view trimmed(std::string_view text, std::initializer_list<std::string_view> marks,
                         bool from_end) {
  for (bool trimming = true; trimming;) {
    trimming = false;
    for (std::string_view mark : marks) {
      if (from_end ? text.ends_with(mark) : text.starts_with(mark)) {
        from_end ? text.remove_suffix(mark.size()) : text.remove_prefix(mark.size());
        trimming = true;
      }
    }
  }
  return text;
}

// The sentence before `end`: back to the last 。！？.!?; or line break.
std::string_view sentence_before(std::string_view text, std::size_t end) {
  // Who speaks and the word of saying stand just before the quotation; looking no further back
  // keeps a reply of thousands of quotations linear.
  std::size_t begin = end > kContextBytes ? end - kContextBytes : 0;
  while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) ++begin;
  const std::string_view window = text.substr(begin, end - begin);
  std::size_t start = 0;
  for (std::string_view mark : {"。", "！", "？", "；", ".", "!", "?", ";", "\n"}) {
    const std::size_t found = window.rfind(mark);
    if (found != std::string_view::npos) start = std::max(start, found + mark.size());
  }
  return window.substr(start);
}

// The text after any quotations that follow at once: in “应该是”“大概是”那两句话 both are named.
std::string_view after_quotations(std::string_view text) {
  text = text.substr(0, kContextBytes);
  for (int skipped = 0; skipped < kNamedTogether; ++skipped) {
    text = trimmed(text, {" ", "\u3000"}, false);
    std::size_t pos = 0;
    const char32_t closing = text.empty() ? 0 : closing_mark_for(utf8::decode(text, pos));
    if (closing == 0) return text;
    std::string closing_mark;
    utf8::append(closing_mark, closing);
    const std::size_t end = text.find(closing_mark, pos);
    if (end == std::string_view::npos) return text;
    text.remove_prefix(end + closing_mark.size());
  }
  return text;
}

// Whether the sentence around a quotation is a rhetorical question, which affirms the saying it
// seems to deny: 我刚才不是跟您说“…”吗?
bool asks_back(std::string_view rest, std::string_view before) {
  rest = rest.substr(0, kContextBytes);
  std::size_t end = rest.size();
  for (std::string_view mark : {"。", "！", "？", "；", "，", "…", ".", "!", "?", ";", ",", "\n"})
    end = std::min(end, rest.find(mark));
  return ends_with_yes_no_particle(trimmed(rest.substr(0, end), {" ", "\u3000"}, true)) ||
         before.find("难道") != std::string_view::npos;
}

// The last clause of `sentence`: after its last comma.
std::string_view own_clause(std::string_view sentence) {
  std::size_t start = 0;
  for (std::string_view comma : {",", "，", "、"}) {
    const std::size_t found = sentence.rfind(comma);
    if (found != std::string_view::npos) start = std::max(start, found + comma.size());
  }
  return sentence.substr(start);
}

// `before` without the one spoken to after its word of saying: 我不会问您“…”, 客户问你“…”,
// 您问我“…”.
std::string_view without_addressee(std::string_view before) {
  for (std::string_view pronoun :
       {"您们", "你们", "您們", "你們", "我们", "我們", "您", "你", "妳", "我"}) {
    if (!before.ends_with(pronoun)) continue;
    const std::string_view saying = before.substr(0, before.size() - pronoun.size());
    if (!ending(saying, kReportingWords).empty()) return saying;
  }
  return before;
}

// Whether the words before a word of saying are only adverbs and the one spoken to (当时跟您,
// 又, 刚才), so that its subject is further back; 只是想 (问) is the trainee's own.
bool names_no_one(std::u32string_view lead) {
  static constexpr std::u32string_view kBare =
      U"当時时又还還就也刚剛才一直再都跟对對向给給您你妳们們";
  return std::all_of(lead.begin(), lead.end(),
                     [](char32_t c) { return kBare.find(c) != std::u32string_view::npos; });
}

// `open` is where the opening mark starts, `after` where the text after the closing mark does.
bool is_mention(std::string_view original, std::size_t open, std::size_t after) {
  const std::string_view next = after_quotations(original.substr(after));
  if (std::any_of(kNamingWords.begin(), kNamingWords.end(),
                  [&](auto word) { return next.starts_with(word); }))
    return true;
  const std::string_view sentence =
      trimmed(sentence_before(original, open), {" ", "\u3000", ":", "：", ",", "，"}, true);
  if (!ending(sentence, kNamingWordsBefore).empty()) return true;
  // Who speaks, and whether a negation governs the saying, is read in the saying's own clause:
  // in 我不是怀疑您,只是想问“…” neither the 您 nor the 不是 of the clause before has to do with 问.
  const std::string_view before = without_addressee(own_clause(sentence));
  const std::string_view saying = ending(before, kReportingWords);
  if (saying.empty()) return false;
  // 您说“…”, 客户问“…” report someone else; 我说“…” and 坦白说“…” say it, unless a negation
  // governs the saying: 我不会说“…”.
  const std::u32string lead = decode_text(before.substr(0, before.size() - saying.size()));
  if (speaker_of(lead) == Speaker::someone_else) return true;
  // A saying with no words of its own but adverbs and the one spoken to has the subject the
  // sentence opened with: 上次那位同事态度不好,(当时)跟您说“…”; 您昨天打电话来,问“…”.
  const std::string_view clauses_before =
      sentence.substr(0, sentence.size() - own_clause(sentence).size());
  if (names_no_one(lead) && speaker_of(decode_text(clauses_before)) == Speaker::someone_else)
    return true;
  const std::u32string whole = decode_text(before);
  return denies_saying(whole, utf8::count_code_points(saying)) &&
         !asks_back(original.substr(after), before);
}

}  // namespace

bool QuotedRanges::holds(std::size_t pos) const {
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
