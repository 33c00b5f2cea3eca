#include "engine/questions.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <span>
#include <string>
#include <utility>

#include "text/clauses.hpp"
#include "util/phrase_automaton.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// 什么时候, 什么时间, 什么地方 are one question word (when, where), so that 什么时候? asks as
// little as 何时? does.
constexpr std::array<std::string_view, 24> kOpenWords = {
    "什么", "怎么", "怎样", "如何", "为什么", "为何",     "哪",       "多少",
    "几点", "几号", "几次", "几天", "谁",     "何时",     "多久",     "多长",
    "啥",   "几时", "几月", "几个", "咋",     "什么时候", "什么时间", "什么地方"};

constexpr std::array<std::string_view, 18> kClosedWords = {
    "是不是", "对不对",   "是否",   "能不能", "可不可以", "有没有", "要不要", "会不会", "行不行",
    "好不好", "愿不愿意", "可以吗", "对吗",   "好吗",     "对吧",   "是吧",   "是吗",   "行吗"};

// 没什么 and 为什么不 are not always questions, but a word like 什么 inside 没什么 never is;
// nor is 哪 in 我哪知道.
constexpr std::array<std::string_view, 6> kNotQuestions = {"没什么", "不怎么", "什么都",
                                                           "怎么也", "哪知道", "哪里知道"};

// 我不知道是怎么回事 mentions a question without asking it; so do 帮您查清楚是怎么扣的 and
// 您刚才问我为什么会少钱, which answer or report one, 我哪知道…, which asks nothing, and the
// concessive 不管怎么样 / 无论如何 / 哪怕.
constexpr std::array<std::string_view, 25> kEmbeddingVerbs = {
    "不知道",   "不清楚", "不确定", "不明白", "想了解", "问几个", "说不准", "查清楚", "查明",
    "弄清楚",   "搞清楚", "弄明白", "搞明白", "解释",   "告诉您", "问我",   "您问",   "哪知道",
    "哪里知道", "不管",   "无论",   "哪怕",   "时不时", "查一下", "查查"};

// Words that ask when they stand inside a clause, even without a question mark.
constexpr std::array<std::string_view, 3> kAskingWords = {"请问", "想问", "能告诉我"};

// What a word says about the clause it stands in.
enum class Cue : std::uint8_t { open, closed, not_question, embedding, asking };

// Every cue word in one automaton, so a reply is read once whatever the number of words.
class CueWords {
 public:
  CueWords() {
    add(kOpenWords, Cue::open);
    add(kClosedWords, Cue::closed);
    add(kNotQuestions, Cue::not_question);
    add(kEmbeddingVerbs, Cue::embedding);
    add(kAskingWords, Cue::asking);
    automaton_.build();
  }

  static const CueWords& shared() {
    static const CueWords words;
    return words;
  }

  struct Found {
    Cue cue;
    TextSpan span;
  };

  // The cue words of `text`, in order of where they end.
  std::vector<Found> find(std::string_view text) const {
    std::vector<Found> found;
    automaton_.scan(text, [&](std::uint32_t word, std::size_t begin, std::size_t end) {
      found.push_back({cues_[word], {begin, end}});
    });
    return found;
  }

 private:
  void add(std::span<const std::string_view> words, Cue cue) {
    for (const std::string_view word : words) {
      automaton_.add(word);
      cues_.push_back(cue);
    }
  }

  PhraseAutomaton automaton_;
  std::vector<Cue> cues_;  // by word number
};

// The cue words inside one clause. No cue word holds punctuation, so each lies inside one
// clause, and a clause's cue words (found in order of where they end) are those ending in it:
// looked up, not scanned, so a long reply costs no more per clause.
class ClauseCues {
 public:
  ClauseCues(const std::vector<CueWords::Found>& found, TextSpan clause) : clause_(clause) {
    const auto ends_before = [](const CueWords::Found& f, std::size_t at) {
      return f.span.end < at;
    };
    const auto first = std::lower_bound(found.begin(), found.end(), clause.begin + 1, ends_before);
    const auto last = std::lower_bound(first, found.end(), clause.end + 1, ends_before);
    cues_ = {first, last};
  }

  // Whether byte `at` of the text lies inside a word that asks (什么, 对吗, 请问 …).
  bool in_asking_word(std::size_t at) const {
    return std::any_of(cues_.begin(), cues_.end(), [&](const CueWords::Found& f) {
      return (f.cue == Cue::open || f.cue == Cue::closed || f.cue == Cue::asking) &&
             at >= f.span.begin && at < f.span.end;
    });
  }

  bool has(Cue cue) const {
    return std::any_of(cues_.begin(), cues_.end(),
                       [&](const CueWords::Found& f) { return f.cue == cue; });
  }

  // An open word, unless it is part of a phrase that asks nothing (没什么, 什么都): one of those
  // starting at most a character before it and ending at most a character after its own length.
  bool has_open_word() const {
    return std::any_of(cues_.begin(), cues_.end(), [&](const CueWords::Found& f) {
      return f.cue == Cue::open && !excluded(f.span);
    });
  }

  // Whether the question is framed yes-or-no before any open word: in 有没有开通过什么业务,
  // 是否…什么, 是不是点过什么链接 the 什么 means "any". (能不能告诉我什么时候… asks politely for
  // the open answer, so only the framing words count.)
  bool framed_yes_or_no(std::string_view text) const {
    static constexpr std::array<std::string_view, 4> kFrames = {"有没有", "是不是", "是否",
                                                                "会不会"};
    for (const CueWords::Found& f : cues_) {
      if (f.cue == Cue::open && !excluded(f.span)) return false;
      const std::string_view word = text.substr(f.span.begin, f.span.end - f.span.begin);
      if (f.cue == Cue::closed && std::find(kFrames.begin(), kFrames.end(), word) != kFrames.end())
        return true;
    }
    return false;
  }

 private:
  bool excluded(TextSpan word) const {
    constexpr std::size_t kSlack = 3;  // one character of CJK
    const std::size_t from = std::max(word.begin, clause_.begin + kSlack) - kSlack;
    return std::any_of(cues_.begin(), cues_.end(), [&](const CueWords::Found& f) {
      return f.cue == Cue::not_question && f.span.begin >= from &&
             f.span.end <= std::min(clause_.end, from + (f.span.end - f.span.begin) + kSlack);
    });
  }

  std::span<const CueWords::Found> cues_;
  TextSpan clause_;
};

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// 现在都没问题了吧, 钱到账了吧: 了吧 after a state the customer can confirm asks them to. Not
// after 总, 该, 算 or 就 (这下总没问题了吧 taunts, 应该没问题了吧 is one's own verdict), nor
// after anything else (算了吧, 满意了吧, 您先坐吧).
bool asks_after_a_state(std::string_view body) {
  static constexpr std::array<std::string_view, 9> kStates = {
      "没问题", "正常", "收到", "到账", "恢复", "解决", "能用", "发出去", "打通"};
  // Every state is asked after with 了吧: most clauses end otherwise and need no state spelt.
  if (!ends_with(body, "了吧")) return false;
  for (std::string_view state : kStates) {
    const std::string tail = std::string(state) + "了吧";
    if (!ends_with(body, tail)) continue;
    const std::string_view before = body.substr(0, body.size() - tail.size());
    return !(ends_with(before, "总") || ends_with(before, "该") || ends_with(before, "算") ||
             ends_with(before, "就"));
  }
  return false;
}

// A question the particles or the shape of the clause make without a question mark: 满意吗,
// 收到了没, 满意不满意, 可以不. Not the polite 的呢 / 了呢 of a statement (我会给您回访的呢),
// unless the clause has a question word of its own.
bool ends_asking(std::string_view body, const ClauseCues& cues) {
  if (ends_with_yes_no_particle(body)) return true;
  if (ends_with(body, "呢")) {
    // The polite 的呢 / 了呢 and the progressive 正在…呢 of a statement ask nothing.
    const bool statement = ends_with(body, "的呢") || ends_with(body, "了呢") ||
                           body.find("正在") != std::string_view::npos;
    return !statement || cues.has_open_word() || cues.has(Cue::closed);
  }
  for (std::string_view tail :
       {"了没", "了没有", "收到没有", "可以不", "行不", "好不", "对不", "了不", "对吧"}) {
    if (ends_with(body, tail)) return true;
  }
  // The tag 是吧 asks, whatever the mark after it; 不是吧! and 就是吧 exclaim or concede.
  if (ends_with(body, "是吧") && !ends_with(body, "不是吧") && !ends_with(body, "就是吧"))
    return true;
  return asks_after_a_state(body);
}

// X不X and XY不XY (满意不满意, 同意不同意) ask yes or no, whatever the words.
bool has_a_not_a(std::string_view body) {
  static constexpr std::string_view kNot = "不";
  for (std::size_t at = body.find(kNot); at != std::string_view::npos;
       at = body.find(kNot, at + 1)) {
    const std::string_view before = body.substr(0, at);
    const std::string_view after = body.substr(at + kNot.size());
    for (std::size_t bytes : {3, 6}) {  // one or two CJK characters
      if (before.size() < bytes || !after.starts_with(before.substr(before.size() - bytes)))
        continue;
      // 不客气不客气 says a thing twice; it asks nothing.
      if (!before.substr(0, before.size() - bytes).ends_with(kNot)) return true;
    }
  }
  return false;
}

// A clause asks when its punctuation or its words say so. A full stop or exclamation mark
// makes a statement unless a question particle ends the clause; without punctuation (input
// methods often drop the "?") question words decide, unless they are only reported.
bool is_question(std::string_view body, const ClauseCues& cues, char terminator) {
  if (terminator == '?') return true;
  if (ends_asking(body, cues)) return true;
  if (cues.has(Cue::asking)) return true;
  if (terminator == '.' || terminator == '!') return false;
  if (cues.has(Cue::embedding)) return false;
  return cues.has_open_word() || cues.has(Cue::closed) || has_a_not_a(body);
}

// The last `count` characters of `text` when each is a Chinese ideograph, else empty.
std::string_view last_ideographs(std::string_view text, std::size_t count) {
  constexpr std::size_t kBytes = 3;  // every ideograph of the basic block
  if (text.size() < count * kBytes) return {};
  const std::string_view tail = text.substr(text.size() - count * kBytes);
  for (std::size_t pos = 0; pos < tail.size();) {
    const std::size_t at = pos;
    const char32_t cp = utf8::decode(tail, pos);
    if (pos != at + kBytes || cp < 0x4E00 || cp > 0x9FFF) return {};
  }
  return tail;
}

// What is left of `text` past the exclamations at its start (啊, 呀, 嘛 …).
std::string_view past_exclamations(std::string_view text) {
  static constexpr std::array<std::string_view, 6> kExclamations = {"啊", "呀", "嘛",
                                                                    "哇", "啦", "哪"};
  for (bool dropped = true; dropped;) {
    dropped = false;
    for (std::string_view word : kExclamations) {
      if (!text.starts_with(word)) continue;
      text.remove_prefix(word.size());
      dropped = true;
    }
  }
  return text;
}

// Whether `verb` (the characters before 什么/啥) can be the verb said again after it: not a
// function word in its place (您做了什么了, 什么什么的), nor part of the question word.
bool can_be_repeated_verb(std::string_view verb) {
  static constexpr std::string_view kNotVerbs = "了的为是有个些都也还就又在么什啥不没";
  const bool one_character = verb.size() == 3;  // last_ideographs: three bytes a character
  if (one_character && kNotVerbs.find(verb) != std::string_view::npos) return false;
  for (std::string_view part : {"什", "么", "啥"}) {
    if (verb.find(part) != std::string_view::npos) return false;
  }
  return true;
}

// Whether the question word at [at, at + size) stands between the same verb said twice, the
// second ending the clause but for exclamations, and not after a word of wanting or leave.
bool same_verb_around(std::string_view body, std::size_t at, std::size_t size) {
  static constexpr std::array<std::string_view, 7> kLeave = {"想",   "要",   "爱",  "随便",
                                                             "尽管", "愿意", "喜欢"};
  const std::string_view before = body.substr(0, at);
  const std::string_view after = body.substr(at + size);
  for (std::size_t count : {1, 2}) {
    const std::string_view verb = last_ideographs(before, count);
    if (verb.empty() || !after.starts_with(verb) || !can_be_repeated_verb(verb)) continue;
    if (!past_exclamations(after.substr(verb.size())).empty()) continue;
    const std::string_view lead = before.substr(0, before.size() - verb.size());
    if (std::none_of(kLeave.begin(), kLeave.end(),
                     [&](std::string_view word) { return lead.ends_with(word); }))
      return true;
  }
  return false;
}

// V什么V and V啥V (看什么看, 吵啥吵, 嚷嚷什么嚷嚷): the same verb on both sides of the question
// word scolds; it asks for no fact. The second verb ends the clause, or only exclamations follow
// it (哭什么哭啊): in 您想问什么问题, 您为什么为这事着急, 想吃什么吃的 it begins another word, and
// 吧 or 呗 after it would invite rather than scold. Not after a word of wanting or leave
// (您想说什么说啊, 您要问什么问呀: "as you like"), nor with a function word in the verb's place
// (您做了什么了, 什么什么的).
bool scolds_with_the_same_verb(std::string_view body) {
  for (std::string_view what : {std::string_view("什么"), std::string_view("啥")}) {
    for (std::size_t at = body.find(what); at != std::string_view::npos;
         at = body.find(what, at + 1)) {
      if (same_verb_around(body, at, what.size())) return true;
    }
  }
  return false;
}

// A rhetorical question asks nothing; it tells (您难道没看到确认短信吗, 这岂不是…, 何必呢,
// 还用问吗), and so does a scolding in its shape (您看什么看?): no question points, whatever
// its mark.
bool tells_rather_than_asks(std::string_view body) {
  for (std::string_view head : {"难道", "岂", "何必", "何苦", "还用问", "还用说"}) {
    if (body.find(head) != std::string_view::npos) return true;
  }
  return scolds_with_the_same_verb(body);
}

// How many characters of `body` (starting at byte `from` of the text) say what a question is
// about: not a word that asks (什么时候, 对吗, 请问), a particle, a mark or an emoji.
std::size_t content_characters(std::string_view body, std::size_t from, const ClauseCues& cues) {
  static constexpr std::u32string_view kParticles = U"吗呢吧么嘛啊呀啦哦";
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < body.size();) {
    const std::size_t at = pos;
    const char32_t cp = utf8::decode(body, pos);
    const bool word =
        utf8::is_common_ideograph(cp) || (cp < 0x80 && std::isalnum(static_cast<int>(cp)));
    if (word && !cues.in_asking_word(from + at) && kParticles.find(cp) == std::u32string_view::npos)
      ++count;
  }
  return count;
}

// Whether a question made by its question mark alone (手机号码?, 短信发不出去?) holds a
// predicate or a person, as a closed question must to sum up anything: 004 asks for
// “用封闭式问题总结问题的关键”, and a bare noun with a question mark confirms nothing.
bool holds_a_predicate(std::string_view body) {
  static constexpr std::u32string_view kPredicate = U"了过着是有在要能会不没我您你他她这那的";
  for (std::size_t pos = 0; pos < body.size();) {
    if (kPredicate.find(utf8::decode(body, pos)) != std::u32string_view::npos) return true;
  }
  return false;
}

// Whether a question asks something (000 第三步 提问; 004: open questions “引导顾客讲述事实、提供
// 资料”, closed questions “总结问题的关键”). A question word or a tag asked alone (什么时候?,
// 为什么?, 对吗?) names no fact to tell and no point to confirm — unless the tag follows the
// statement it confirms (您的意思是扣了1.8元,对吧?), not another question. A question made by its
// mark alone must hold a predicate (手机号码? asks nothing to answer yes or no).
bool asks_something(std::string_view body, std::size_t from, const ClauseCues& cues,
                    char terminator, const Clause* previous) {
  if (content_characters(body, from, cues) == 0) {
    const bool tag = !cues.has_open_word() && previous != nullptr && previous->terminator != '?' &&
                     previous->span.end > previous->span.begin;
    return tag;
  }
  const bool by_mark_alone = terminator == '?' && !ends_asking(body, cues) &&
                             !cues.has(Cue::asking) && !cues.has_open_word() &&
                             !cues.has(Cue::closed) && !has_a_not_a(body);
  return !by_mark_alone || holds_a_predicate(body);
}

}  // namespace

std::vector<Question> find_questions(std::string_view text) {
  std::vector<Question> questions;
  const std::vector<CueWords::Found> found = CueWords::shared().find(text);
  const Clause* previous = nullptr;
  const std::vector<Clause> clauses = split_clauses(text);
  for (const Clause& clause : clauses) {
    const Clause* before = std::exchange(previous, &clause);
    const std::string_view body = without_trailing_symbols(
        text.substr(clause.span.begin, clause.span.end - clause.span.begin));
    const ClauseCues cues(found, clause.span);
    if (!is_question(body, cues, clause.terminator) || tells_rather_than_asks(body)) continue;
    if (!asks_something(body, clause.span.begin, cues, clause.terminator, before)) continue;
    // With 吗, or after 有没有 / 是否 / 是不是, a question word only means "any": 还有什么问题吗
    // and 有没有开通过什么新业务 are answered yes or no.
    const bool open =
        cues.has_open_word() && !ends_with(body, "吗") && !cues.framed_yes_or_no(text);
    questions.push_back({clause.span, open ? QuestionKind::open : QuestionKind::closed});
  }
  return questions;
}

}  // namespace coach
