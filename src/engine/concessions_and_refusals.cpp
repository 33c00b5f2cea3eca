#include "engine/concessions_and_refusals.hpp"

#include <array>
#include <string>

#include <re2/re2.h>

#include "engine/negation_window.hpp"
#include "text/clauses.hpp"
#include "util/memory_reserve.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// The clause before `pos`, back to its start, and whether that start was reached within
// kFarthestBack bytes (about 20 characters).
struct ClauseBefore {
  std::string_view text;
  bool from_its_start = false;
};
ClauseBefore clause_before(std::string_view text, std::size_t pos) {
  constexpr std::size_t kFarthestBack = 60;
  std::size_t start = pos;
  while (start > 0 && pos - start < kFarthestBack) {
    const std::size_t previous = utf8::previous_start(text, start);
    if (is_clause_boundary(text, previous)) return {text.substr(start, pos - start), true};
    start = previous;
  }
  return {text.substr(start, pos - start), start == 0};
}

constexpr std::string_view kConcessions[] = {"无论", "不论", "就算", "即使",
                                             "哪怕", "即便", "纵然", "不管"};

// A concessive clause asserts nothing: 不管当时营业部人很多还是少,都不应该…, 就算人比较多,也不是
// 理由. The clause goes on after a comma to what holds all the same; 不管怎样 and 无论如何 are
// adverbs of the clause they stand in (我保证不管怎样永远不会…), and 不管 counts only where it
// opens the clause (我们不管 is a refusal, not a concession).
bool in_concession(std::string_view text, std::size_t match_begin, std::string_view rest) {
  const std::size_t clause_end = match_begin + rest.size();
  if (rest.empty() || clause_end >= text.size() || text[clause_end] != ',') return false;
  const ClauseBefore before = clause_before(text, match_begin);
  for (std::string_view word : kConcessions) {
    const std::size_t at = before.text.find(word);
    if (at == std::string_view::npos) continue;
    if (word == "不管" && (at != 0 || !before.from_its_start)) continue;
    const std::string_view after = before.text.substr(at + word.size());
    if (!after.starts_with("怎") && !after.starts_with("如何")) return true;
  }
  return false;
}

// What the clause names first and then refuses to promise: 损失全赔这个我不能随口答应您.
// The words of refusing to promise, shared by the clause that refuses what it named and the
// clause after it that takes it up: 我不能随口答应您 (whose 这个 may name what is refused).
constexpr std::string_view kRefusingToPromise =
    "(我|我们)(可)?(不能|没法|无法|不敢|没办法)"
    "(随口|随便|轻易|直接|马上|当场)?(跟您|给您|向您)?(答应|保证|承诺|做主|打包票)";
constexpr std::string_view kTakingUp = "(这个|这点|这一点|这事|这件事|那个)";

// Every word the refusals below need (holds_refusing_word).
constexpr std::string_view kRefusingWords[] = {"能", "法", "敢", "不到", "不了"};

// The first bytes of kRefusingWords: most characters of a clause begin with none of them.
constexpr auto kRefusingLeads = [] {
  std::array<bool, 256> leads{};
  for (const std::string_view word : kRefusingWords)
    leads[static_cast<unsigned char>(word[0])] = true;
  return leads;
}();

// Whether `rest` holds a word of kRefusingWords, every word the refusals below need. One pass
// over the bytes: a search per word (string_view::find) stopped at every byte that began its
// word, and in Chinese text most characters share their first byte with one of them.
bool holds_refusing_word(std::string_view rest) {
  for (std::size_t at = 0; at < rest.size(); ++at) {
    if (!kRefusingLeads[static_cast<unsigned char>(rest[at])]) continue;
    const std::string_view here = rest.substr(at);
    for (const std::string_view word : kRefusingWords)
      if (here.starts_with(word)) return true;
  }
  return false;
}

bool refused_after(std::string_view rest) {
  make_room_for_unsafe_code();
  static const RE2 refusal(std::string(kTakingUp) + "?" + std::string(kRefusingToPromise) +
                           "|(我|我们)(可)?(实在)?(做不到|办不到|答应不了|保证不了|承诺不了)");
  // Read for every match: most clauses hold none of the refusing words, and are passed at once.
  return holds_refusing_word(rest) &&
         RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), refusal);
}

// A promise only supposed, and called a lie in the clause after it:
// 要是我现在说一定全额赔,那是骗您的 (outside pass 54, finding 4). The clause holding the match
// opens the supposition (要是, 如果 …) of the trainee saying or promising it; the next clause is
// all 那是骗您的. A promise said outright (我们一定全额赔,那是骗您的) is not supposed, and still
// counts.
bool supposed_and_called_a_lie(std::string_view text, std::size_t match_begin,
                               std::string_view rest, std::string_view next) {
  static const RE2 lie(
      "(那|这)(就|可|都)?(是|就是)?(在)?(骗|忽悠|糊弄)(您|你)"
      "(了|的|呢|啊|呀)?(了|的|呢|啊|呀)?");
  if (!RE2::FullMatch(re2::StringPiece(next.data(), next.size()), lie)) return false;
  // The saying may be inside the match (现在跟您说全额赔): the whole clause is read.
  static const RE2 supposing(
      "(要是|如果|假如|若是|倘若|假设)(我|我们)?[^,.!?;]{0,10}"
      "(说|讲|答应|保证|承诺|许诺)");
  const std::string clause = std::string(clause_before(text, match_begin).text) + std::string(rest);
  return RE2::PartialMatch(clause, supposing);
}

// Whether the clause after the one `rest` ends takes up what that one named and refuses it,
// and nothing else: 损失全赔,这个我不能随便答应您. A refusal with an object of its own refuses
// that (多少钱我们都认,这个我不能保证今天到账 still promises).
bool refused_in_next_clause(std::string_view text, std::size_t match_begin, std::string_view rest) {
  const std::size_t end = match_begin + rest.size();
  if (rest.empty() || end >= text.size() || text[end] != ',') return false;
  // The next clause is read to its end only when it opens with the words that take up: reading
  // it for every match cost a quarter of this file's time.
  const std::string_view after = text.substr(end + 1);
  if (!after.starts_with("这") && !after.starts_with("那")) return false;
  const std::string_view next = rest_of_clause(text, end + 1);
  if (!next.starts_with("这") && !next.starts_with("那")) return false;
  make_room_for_unsafe_code();
  static const RE2 taken_back(std::string(kTakingUp) + std::string(kRefusingToPromise) +
                              "(您)?(啊|呀|哦|的)?");
  if (RE2::FullMatch(re2::StringPiece(next.data(), next.size()), taken_back)) return true;
  return supposed_and_called_a_lie(text, match_begin, rest, next);
}

constexpr std::string_view kWishes[] = {"希望", "想要", "要求", "想让", "是想", "是要"};

// A yes/no question about what the customer wants names it, and neither says nor promises it:
// 您希望我们怎么处理,是希望她被开除吗? / 您是想要我们全额赔偿吗? The wish is the customer's: the
// word stands at the clause's start or after 您, 你 or 是 (我希望您别再闹了吗 is no such question).
bool asks_what_is_wanted(std::string_view text, std::size_t match_begin, std::string_view rest) {
  const std::size_t end = match_begin + rest.size();
  const bool asks = ends_with_yes_no_particle(rest) || (end < text.size() && text[end] == '?');
  if (!asks) return false;
  const std::string_view before = clause_before(text, match_begin).text;
  for (std::string_view wish : kWishes) {
    const std::size_t at = before.find(wish);
    if (at == std::string_view::npos) continue;
    const std::string_view ahead = before.substr(0, at);
    if (ahead.empty() || ahead.ends_with("您") || ahead.ends_with("你") || ahead.ends_with("是"))
      return true;
  }
  return false;
}

}  // namespace

bool conceded_or_refused(std::string_view text, std::size_t match_begin, std::string_view rest,
                         const WordsPresent& present) {
  if (rest.empty()) return false;
  return (present.refusing && refused_after(rest)) ||
         (present.concession && in_concession(text, match_begin, rest)) ||
         refused_in_next_clause(text, match_begin, rest) ||
         (present.wish && asks_what_is_wanted(text, match_begin, rest));
}

std::vector<std::pair<std::string_view, WordsPresent::Flag>> WordsPresent::words() {
  std::vector<std::pair<std::string_view, Flag>> words;
  for (std::string_view word : kConcessions) words.emplace_back(word, &WordsPresent::concession);
  for (std::string_view word : kWishes) words.emplace_back(word, &WordsPresent::wish);
  for (std::string_view word : kRefusingWords) words.emplace_back(word, &WordsPresent::refusing);
  for (std::string_view word : {"吗", "嘛", "么"}) words.emplace_back(word, &WordsPresent::yes_no);
  return words;
}

}  // namespace coach
