#include "engine/negation.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/concessions_and_refusals.hpp"
#include "engine/negation_window.hpp"
#include "engine/rhetorical_questions.hpp"
#include "text/clauses.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// How many characters before a phrase a negation may stand and still govern it in the wide
// reading: 没有必要说|对不起 (5), 我不觉得需要|道歉 (6), 我们不会给您|道歉 (6).
constexpr std::size_t kWideReach = 7;

// Words that contain a negation character but negate nothing that follows them.
constexpr std::array<std::string_view, 79> kNeutralWords = {
    // Comfort and reassurance: the negation governs the worry, not what follows.
    "别着急", "不要着急", "不着急", "别急", "别担心", "不要担心", "不用担心", "别生气", "不要生气",
    // A-not-A questions ask; they negate nothing (我看看能不能给您通融 is still bending the rule).
    "能不能", "是不是", "要不要", "可不可以", "会不会", "有没有", "行不行", "好不好", "对不对",
    "愿不愿意",
    // Words and idioms with a negation character inside.
    "未来", "无缘无故", "不声不响", "不管怎样", "不得已", "不好意思", "对不起", "不便", "不满",
    "不愉快", "不舒服", "不开心", "不高兴", "不方便", "不周", "不到位", "不当", "不妥", "不够好",
    "不少", "不断", "不仅", "不但", "不管", "不论", "不久", "不过", "不错", "不得不", "不容易",
    "不安", "不快", "不悦", "不爽", "要不", "不要紧", "无论", "无微不至", "非常", "莫名", "别人",
    "别的", "特别", "区别", "分别", "告别", "差别", "级别", "类别", "没想到", "没错", "没关系",
    "没问题", "毫无疑问", "无意", "不客气",
    // "Could it be", "nothing but", "needless to say", "to be frank": they deny nothing.
    "莫非", "无非", "不用说", "不瞒"};

// Words that close a negation's reach: in 没带身份证就办不了 the 没 governs 带, not 办不了;
// in 不是刁难而是保护您 the 不 governs 刁难, not 保护您.
bool is_one_character_breaker(char32_t c) {
  return c == U'就' || c == U'才';
}

bool is_two_character_breaker(char32_t first, char32_t second) {
  static constexpr std::array<std::pair<char32_t, char32_t>, 6> kBreakers = {{{U'而', U'是'},
                                                                              {U'但', U'是'},
                                                                              {U'可', U'是'},
                                                                              {U'所', U'以'},
                                                                              {U'的', U'话'},
                                                                              {U'只', U'是'}}};
  return std::find(kBreakers.begin(), kBreakers.end(), std::pair{first, second}) != kBreakers.end();
}

// 就 after a modal or an adverb is one itself (不会就这么道歉, 不能随便就说): the negation goes on.
bool leads_into_jiu(char32_t c) {
  static constexpr std::u32string_view kLeads = U"会能要不没也都还便早这那";
  return kLeads.find(c) != std::u32string_view::npos;
}

// The index in the window after the last word that closes a negation's reach.
std::size_t after_scope_breakers(const Window& window) {
  std::size_t cut = window.first();
  for (std::size_t i = window.first(); i < kWindowCharacters; ++i) {
    const char32_t c = window.characters[i];
    const bool adverb =
        c == U'就' && i > window.first() && leads_into_jiu(window.characters[i - 1]);
    if (is_one_character_breaker(c) && !adverb) cut = i + 1;
    if (i + 1 < kWindowCharacters && is_two_character_breaker(c, window.characters[i + 1]))
      cut = std::max(cut, i + 2);
  }
  return cut;
}

// Characters after which a pronoun is the object of what came before (给您, 跟您, 怪您, 不是您,
// 觉得您), not the subject of a new predicate.
bool takes_object(char32_t c) {
  static constexpr std::u32string_view kTakers =
      U"给跟对向和让帮替为把被叫同与陪请怪找诉是得说有用需必劳";
  return kTakers.find(c) != std::u32string_view::npos;
}

// Characters after a pronoun that make it the subject of a new predicate: 您应该, 您自己.
bool starts_predicate_after_pronoun(std::string_view rest) {
  static constexpr std::array<std::string_view, 12> kStarts = {
      "应该", "自己", "必须", "得", "要", "可以", "能", "也", "都", "还", "先", "别"};
  return std::any_of(kStarts.begin(), kStarts.end(), [&](auto w) { return rest.starts_with(w); });
}

// Characters that end a predicate when a pronoun follows them: 没什么好吵的|您别激动.
bool ends_predicate(char32_t c) {
  return c == U'了' || c == U'吧' || c == U'啊' || c == U'呢' || c == U'嘛' || c == U'的';
}

// Characters before a second 是 that make it part of the negated verb phrase (不认为是, 不能说是,
// 不一定是), not a new one (不是我们的错|是您).
bool joins_copula(char32_t c) {
  static constexpr std::u32string_view kJoiners = U"为得说算就也都还可正只便总要会能像定";
  return is_negator(c) || kJoiners.find(c) != std::u32string_view::npos;
}

// Whether a new predicate begins at window position `i` (or, with i == kWindowCharacters, at
// the match): a negation before it governs the earlier predicate, not the phrase. In
// 这不是我们的错是您自己没注意 the 不 denies 我们的错; 是您自己没注意 is said outright.
bool new_predicate_at(const Window& window, std::size_t i, std::string_view text,
                      std::size_t match_begin) {
  const std::size_t position = i < kWindowCharacters ? window.starts[i] : match_begin;
  std::size_t after = position;
  const char32_t c = utf8::decode(text, after);
  if (i == window.first()) return false;
  const char32_t before = window.characters[i - 1];
  if (c == U'是') return !joins_copula(before);
  if (!is_pronoun(c)) return false;
  if (ends_predicate(before)) return true;
  if (takes_object(before) || is_negator(before)) return false;
  if (after < text.size() && text.substr(after).starts_with("们"))
    after += std::string_view("们").size();
  return starts_predicate_after_pronoun(text.substr(after));
}

// Adverbs of degree right before a phrase begin a predicate of their own: in
// 一直没给您回电话真对不起 the 没 governs 回电话, and 真对不起 is meant (很, 太, 特别 as 非常).
bool after_degree_adverb(std::string_view text, std::size_t match_begin) {
  static constexpr std::array<std::string_view, 12> kAdverbs = {
      "真", "实在", "确实", "非常", "十分", "万分", "很", "太", "特别", "挺", "深感", "深表"};
  const std::string_view before = text.substr(0, match_begin);
  return std::any_of(kAdverbs.begin(), kAdverbs.end(), [&](auto adverb) {
    if (!before.ends_with(adverb)) return false;
    // After 不, 是 or 觉得 the adverb is the degree denied: 这件事我们不是很抱歉, 我并不觉得很抱歉.
    const std::string_view ahead = before.substr(0, before.size() - adverb.size());
    if (ahead.empty()) return true;
    std::size_t last = utf8::previous_start(ahead, ahead.size());
    const char32_t c = utf8::decode(ahead, last);
    return !is_negator(c) && c != U'是' && c != U'得';
  });
}

// A neutral word and where in it (bytes from its start) a negation character stands.
struct Alignment {
  std::string_view word;
  std::size_t offset;
};

// Per negation character, every place it takes in a neutral word: read for each negation in a
// window, so the words are not searched for the character again every time.
const std::vector<Alignment>& alignments_of(char32_t negator) {
  static const auto table = [] {
    std::vector<std::pair<char32_t, std::vector<Alignment>>> by_negator;
    for (std::string_view word : kNeutralWords) {
      for (std::size_t at = 0; at < word.size();) {
        const std::size_t start = at;
        const char32_t c = utf8::decode(word, at);
        if (!is_negator(c)) continue;
        auto found = std::find_if(by_negator.begin(), by_negator.end(),
                                  [&](const auto& entry) { return entry.first == c; });
        if (found == by_negator.end()) found = by_negator.insert(by_negator.end(), {c, {}});
        found->second.push_back({word, start});
      }
    }
    return by_negator;
  }();
  static const std::vector<Alignment> kNone;
  for (const auto& [c, alignments] : table)
    if (c == negator) return alignments;
  return kNone;
}

// Words between a negation and what it governs that carry the negation on to it: modal verbs
// (不会, 不能, 不用, 不方便), verbs of saying and thinking (没说, 不认为是), adverbs (不再, 不也,
// 不能直接), prepositions with their object (不会给您, 没有让您), 自己 (不是自己按错的) and the 了
// of 保证不了.
bool carries_negation(char32_t c) {
  static constexpr std::u32string_view kCarriers =
      U"会能要想敢用必需须该应可以是有再又还也都曾说讲觉得认为怪给对跟向让把被替帮因去来真法办保证"
      U"答承诺劳太像自己直接方便了";
  return kCarriers.find(c) != std::u32string_view::npos;
}

bool is_preposition(char32_t c) {
  static constexpr std::u32string_view kPrepositions = U"给对跟向让把被怪替帮为";
  return kPrepositions.find(c) != std::u32string_view::npos;
}

// Whether a preposition heads the noun phrase whose 的 is at window position `de`: 不为|别人的错误
// 道歉 negates the apology the phrase is the object of (为, 给, 向, 对, 替, 就 …).
bool headed_by_preposition(const Window& window, std::size_t de) {
  constexpr std::size_t kLongestPossessor = 4;
  for (std::size_t at = de; at-- > window.first() && de - at <= kLongestPossessor;) {
    const char32_t c = window.characters[at];
    if (is_preposition(c) || c == U'就') return true;
  }
  return false;
}

// Whether the words right before the match end a predicate of their own, so that a negation
// before them governs it and not the match: the object of a verb of informing or attending
// (没通知您|对不起, 没告诉您|很抱歉; not 不会给您|道歉), a result (没说清楚|不好意思) or a noun
// after 的 (没接到您的电话|对不起; not 没有真诚的|道歉, 不为别人的错误|道歉).
bool after_completed_predicate(const Window& window) {
  const std::size_t last = kWindowCharacters - 1;
  if (window.size < 2) return false;
  const char32_t end = window.characters[last];
  // Only a verb of informing or attending ends its predicate with its object: 没通知您|对不起,
  // not 我们不欠您|道歉 or 没叫您|道歉.
  if (is_pronoun(end)) {
    static constexpr std::array<std::u32string_view, 10> kVerbs = {
        U"通知", U"告诉", U"联系", U"回复", U"答复", U"提醒", U"接待", U"打扰", U"照顾", U"等"};
    return std::any_of(kVerbs.begin(), kVerbs.end(), [&](std::u32string_view verb) {
      return last >= window.first() + verb.size() &&
             window_spells(window, last - verb.size(), last, verb);
    });
  }
  if (window_spells(window, last - 1, last + 1, U"清楚") ||
      window_spells(window, last - 1, last + 1, U"明白") ||
      window_spells(window, last - 1, last + 1, U"到位"))
    return true;
  // A noun is told from a verb only by what it is not (我不是真的想说|对不起 goes on).
  const auto nominal = [](char32_t c) {
    return !is_negator(c) && !carries_negation(c) && !is_pronoun(c) && c != U'的';
  };
  for (std::size_t noun = 1; noun <= 2 && last >= window.first() + noun; ++noun) {
    if (!nominal(window.characters[last - noun + 1])) return false;
    if (window.characters[last - noun] == U'的') return !headed_by_preposition(window, last - noun);
  }
  return false;
}

// `pos` is where a negation character starts in the text.
bool is_inside_neutral_word(std::string_view text, std::size_t pos) {
  std::size_t after = pos;
  const char32_t negator = utf8::decode(text, after);
  for (const Alignment& alignment : alignments_of(negator)) {
    if (alignment.offset <= pos &&
        text.substr(pos - alignment.offset, alignment.word.size()) == alignment.word)
      return true;
  }
  return false;
}

bool holds_negator(const Window& window) {
  return std::any_of(window.characters.begin() + window.first(), window.characters.end(),
                     is_negator);
}

// The window's nearest `reach` characters.
Window nearest(const Window& window, std::size_t reach) {
  Window near = window;
  near.size = std::min(near.size, reach);
  return near;
}

// The wide reading, for rules that require a phrase (see negation.hpp).
bool widely_negated(std::string_view text, const Window& whole, std::size_t match_begin) {
  const Window window = nearest(whole, kWideReach);
  if (!holds_negator(window) || after_degree_adverb(text, match_begin) ||
      after_completed_predicate(window))
    return false;
  std::size_t cut = after_scope_breakers(window);
  for (std::size_t i = kWindowCharacters + 1; i-- > cut;) {
    if (new_predicate_at(window, i, text, match_begin)) {
      cut = i;
      break;
    }
  }
  for (std::size_t i = cut; i < kWindowCharacters; ++i) {
    if (is_negator(window.characters[i]) && !is_inside_neutral_word(text, window.starts[i]))
      return true;
  }
  return false;
}

// How many characters, each one that carries the negation on, may stand between a negation
// and the phrase it plainly governs: 我不认为是|您的问题 (3), 我没法跟您保证|一定会赔 (5).
// A carried word (below) counts as one.
constexpr std::size_t kDeniedGap = 6;

// Words that carry a negation on as a whole, though their characters alone do not: adverbs of
// certainty and time (我不敢百分之百|保证, 不能马上|给您退, 我不会一上来就|说是您弄错了), and
// what one lacks to do something (没有权限|给您开, 没资格|说您). 就 alone carries nothing: in
// 没查就说是您弄错了 the 没 governs 查.
// The one nobody is: 没人会说|您弄错了, 没有谁会|怪您自己, 没有一个人会说….
constexpr std::array<std::u32string_view, 22> kCarriedWords = {
    U"百分之百", U"百分百",   U"完全",     U"绝对",   U"一定", U"随便", U"轻易", U"马上",
    U"立刻",     U"当场",     U"权限",     U"权力",   U"权利", U"资格", U"能力", U"理由",
    U"把握",     U"一上来就", U"一开始就", U"一个人", U"人",   U"谁"};

// How many characters the object of a 把 may have: 不会把|您的金额|填错 (4).
constexpr std::size_t kLongestBaObject = 5;

// A deadline of up to four characters before 前, 之前, 以前, 内, 之内 or 以内 (周二前, 三天之内),
// where the window's position `last` is its end: 不能保证|周二前|一定能到 promises nothing. Its
// start, or nothing.
std::optional<std::size_t> time_limit_ending_at(const Window& window, std::size_t last) {
  const char32_t end = window.characters[last];
  if (end != U'前' && end != U'内') return std::nullopt;
  std::size_t start = last;
  if (start > window.first() &&
      (window.characters[start - 1] == U'之' || window.characters[start - 1] == U'以'))
    --start;
  constexpr std::size_t kLongestDeadline = 4;
  for (std::size_t n = 0; n < kLongestDeadline && start > window.first(); ++n) {
    const char32_t c = window.characters[start - 1];
    if (is_negator(c) || c == U'证' || c == U'诺') break;  // back to 保证, 承诺
    --start;
  }
  return start < last ? std::optional<std::size_t>(start) : std::nullopt;
}

// Where a stretch that carries a negation on as a whole ends at window position `last`: a
// carried word, or the object of a 把 (没把|号码|输错: the negation governs the verb after the
// object). The window position it starts at, or nothing.
std::optional<std::size_t> carried_word_ending_at(const Window& window, std::size_t last) {
  for (std::u32string_view word : kCarriedWords) {
    // Nobody carries a negation on to what nobody does (没人会说), not to a new sentence right
    // after it (柜台没人|您应该早点来).
    if ((word == U"人" || word == U"谁") && last + 1 == kWindowCharacters) continue;
    if (last + 1 >= word.size() && window_spells(window, last + 1 - word.size(), last + 1, word))
      return last + 1 - word.size();
  }
  return std::nullopt;
}

std::optional<std::size_t> carried_stretch_ending_at(const Window& window, std::size_t last) {
  if (const auto word = carried_word_ending_at(window, last)) return word;
  if (const auto time = time_limit_ending_at(window, last)) return time;
  for (std::size_t ba = last; ba-- > window.first() && last - ba <= kLongestBaObject;) {
    const char32_t c = window.characters[ba];
    if (c == U'把') return ba + 1;
    if (is_negator(c)) break;
  }
  return std::nullopt;
}

// 没法, 无法, 没办法 govern a verb (我没法保证, 没办法给您减免), not a sentence with its own
// subject that follows them (没办法经理今天不在).
bool starts_with_subject(std::string_view text, std::size_t match_begin) {
  static constexpr std::u32string_view kSubjects = U"您你我他她咱经领主公系银";
  std::size_t pos = match_begin;
  return kSubjects.find(utf8::decode(text, pos)) != std::u32string_view::npos;
}

// Whether the pronoun at window position `i` follows 不是 directly and stands right before the
// phrase (or before 自己 and the phrase): what 不是 denies is what the pronoun did (不是您粗心,
// 不是您自己大意). In 不是我说您应该… the 我 is followed by a verb of its own: a new sentence.
bool denied_subject(const Window& window, std::size_t i) {
  const bool before_match =
      i + 1 == kWindowCharacters ||
      (i + 3 == kWindowCharacters && window_spells(window, i + 1, i + 3, U"自己"));
  return before_match && is_pronoun(window.characters[i]) && i >= window.first() + 2 &&
         window.characters[i - 1] == U'是' && is_negator(window.characters[i - 2]);
}

// The one promised to, after a verb of promising, carries a negation on as the object of a
// preposition does: 我不能随便答应您|全赔, 没有权限保证您|….
bool promises_to(char32_t c) {
  return c == U'应' || c == U'证' || c == U'诺';
}

// The narrow reading, for rules that forbid a phrase (see negation.hpp).
bool plainly_denied(std::string_view text, const Window& window, std::size_t match_begin) {
  if (window.size > 0 && window.characters[kWindowCharacters - 1] == U'法' &&
      starts_with_subject(text, match_begin))
    return false;
  // A 是 that does not join the verb before it starts a sentence of its own, whether it begins
  // the match (没办法是您自己没带) or stands between (她也没办法是人太多).
  const auto new_copula = [&](std::size_t i) {
    return i > window.first() && !joins_copula(window.characters[i - 1]);
  };
  std::size_t first = match_begin;
  const char32_t opening = utf8::decode(text, first);
  if (opening == U'是' && new_copula(kWindowCharacters)) return false;
  bool judged = judges(opening);
  std::size_t between = 0;
  for (std::size_t i = kWindowCharacters; i-- > window.first();) {
    const char32_t c = window.characters[i];
    if (is_negator(c))
      return !is_inside_neutral_word(text, window.starts[i]) &&
             !is_rhetorical(text, window, i, match_begin);
    if (judged && rhetorical_head_ending_at(window, i)) return true;
    judged = judged || judges(c);
    if (c == U'是' && new_copula(i)) return false;
    // A pronoun is carried over only as the object of a preposition (不会给您) or of a verb of
    // promising (不能随便答应您); otherwise it is
    // a new subject (不是我说您应该).
    // So is the subject of what 不是 denies: 不是您粗心, 也不是您大意.
    const bool object =
        (is_pronoun(c) || c == U'们') && i > window.first() &&
        (is_preposition(window.characters[i - 1]) || promises_to(window.characters[i - 1]) ||
         (c == U'们' && is_pronoun(window.characters[i - 1])) || denied_subject(window, i));
    // A carried word is taken whole even where its last character carries on alone: the 便
    // of 随便 (不能随便|答应) must not leave 随 to end the walk.
    if (const auto word = carried_word_ending_at(window, i); word && *word < i) {
      i = *word;
    } else if (!carries_negation(c) && !object) {
      const std::optional<std::size_t> stretch = carried_stretch_ending_at(window, i);
      if (!stretch) return false;
      i = *stretch;
    }
    if (++between > kDeniedGap) return false;
  }
  return false;
}

}  // namespace

Negation read_negation(std::string_view text, std::size_t match_begin) {
  return read_negation(text, match_begin, WordsPresent{});
}

namespace {

// read_negation with the rest of the clause from the match (rest_of_clause) worked out by the
// caller.
Negation read_negation_before(std::string_view text, std::size_t match_begin, std::string_view rest,
                              const WordsPresent& present) {
  const Window window = window_before(text, match_begin);
  const bool asserted = !conceded_or_refused(text, match_begin, rest, present);
  // Only the narrow reading takes a yes/no question's denial (这能怪您自己吗): a required
  // phrase asked about is still said (您收到短信了吗?没有?那我再发一次 asks all the same).
  const bool asked_away =
      present.yes_no && denied_by_yes_no_question(text, window, match_begin, rest);
  // Most matches have no negation character before them, and both readings need one (or, for
  // the narrow reading, the head of a rhetorical question that denies: 怎么能怪您).
  if (!holds_negator(window) && !holds_rhetorical_head(window))
    return {!asserted, !asserted || asked_away};
  const bool plainly = !asserted || plainly_denied(text, window, match_begin);
  return {plainly || widely_negated(text, window, match_begin), plainly || asked_away};
}

// A match that begins with the mark ending a clause begins a clause of its own: the tag of
// 短信发不出去,对吧 confirms a negative fact, it is not negated by it. Nothing before the
// mark governs the match, so a forbidding rule holds it against the trainee all the more.
bool opens_with_boundary(std::string_view text, std::size_t match_begin) {
  return match_begin < text.size() && is_clause_boundary(text, match_begin);
}

}  // namespace

Negation read_negation(std::string_view text, std::size_t match_begin,
                       const WordsPresent& present) {
  if (opens_with_boundary(text, match_begin)) return {};
  return read_negation_before(text, match_begin, rest_of_clause(text, match_begin), present);
}

NegationReader::NegationReader(std::string_view text, const WordsPresent& present)
    : text_(text), present_(present) {
  if (text.size() + 1 > kInlinePlaces) beyond_.assign(text.size() + 1 - kInlinePlaces, 0);
}

Negation NegationReader::at(std::size_t match_begin) {
  if (match_begin > text_.size()) return read_negation(text_, match_begin, present_);
  std::uint8_t& kept = reading_at(match_begin);
  if (kept == 0) {
    const Negation negation =
        opens_with_boundary(text_, match_begin)
            ? Negation{}
            : read_negation_before(text_, match_begin, rest_of_clause_at(match_begin), present_);
    kept = kRead | (negation.negated ? kNegated : 0) | (negation.denied ? kDenied : 0);
  }
  return {(kept & kNegated) != 0, (kept & kDenied) != 0};
}

std::string_view NegationReader::rest_of_clause_at(std::size_t pos) {
  const bool known = clause_.begin <= pos && pos <= clause_.end;
  if (!known) {
    // To the next boundary, or to the clause known already when `pos` lies just before it (a
    // pattern's matches are read from the clause's start again after the phrases').
    std::size_t end = pos;
    while (end < text_.size() && !is_clause_boundary(text_, end) && end != clause_.begin) ++end;
    clause_ = {pos, end == clause_.begin && end < text_.size() ? clause_.end : end};
  }
  if (clause_.end - pos > kRestOfClauseBytes) return {};
  return text_.substr(pos, clause_.end - pos);
}

}  // namespace coach
