#include "engine/wrong_address.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstdint>

#include "engine/surnames.hpp"
#include "text/clauses.hpp"
#include "util/i18n.hpp"
#include "util/memory_reserve.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// What may stand before an address in its clause: greetings, acknowledgements, apologies and
// thanks said to the customer (您好王先生, 好的王先生, 对不起王先生, 谢谢您王先生, 这位先生).
// Anything else makes the title someone else's: 请找张师傅, 刚才那位王先生, 您先生.
const RE2& opener() {
  make_room_for_unsafe_code();  // for the compile on first use, and the search that follows
  static const RE2 pattern(
      "(?:(?:您好|你好|早上好|上午好|中午好|下午好|晚上好|早安|晚安|好的|好嘞|好吧|好|是的|是|对的|"
      "对|嗯|哎|诶|唉|啊|哦|噢|喂|呃|哈|那|那么|请|请问|这位|亲爱的|尊敬的|明白|明白了|收到|欢迎|"
      "欢迎光临|打扰了|打扰一下|久等了|让您久等了|(?:真|很|实在|非常|真是|真的)?(?:对不起|抱歉)|"
      "(?:真|实在)?不好意思|谢谢(?:您|你)?|多谢|(?:非常)?感谢(?:您|你)?)[啊呀呢嗯哈哦啦吧]*)*");
  return pattern;
}

// What may follow an address that opens its clause: words said to the customer (王先生您好,
// 王先生我马上帮您查, 王先生真对不起). Anything else makes it the subject of a sentence about
// someone (张师傅明天上门, 王先生的单子).
const RE2& said_to_customer() {
  make_room_for_unsafe_code();
  static const RE2 pattern(
      "[啊呀哈哦啦]*(?:$|您|你|请|我|对不起|抱歉|不好意思|谢谢|感谢|放心|别|"
      "(?:真|很|太|实在|非常|真是|真的)(?:对不起|抱歉|不好意思|感谢|理解)|"
      "(?:早上|上午|中午|下午|晚上)?好(?:[啊呀]*$))");
  return pattern;
}

// The same for a title also used of staff (张师傅 is as likely the repair man): only a clause
// of its own, or words that turn to the customer (张师傅您好).
const RE2& said_to_customer_by_staff_title() {
  make_room_for_unsafe_code();
  static const RE2 pattern("[啊呀哈哦啦]*(?:$|您|你|请|好(?:[啊呀]*$))");
  return pattern;
}

// Said of a third person in the clause after it: 张师傅,他明天上门.
const RE2& third_person() {
  make_room_for_unsafe_code();
  static const RE2 pattern("(?:他|她)");
  return pattern;
}

// A slip put right at once: 先生,哦不,女士您好.
const RE2& correction() {
  make_room_for_unsafe_code();
  static const RE2 pattern(
      "[,.!?]*(?:(?:哦|噢|呃|啊|哎)?(?:不对|不不|说错了|叫错了|口误)|(?:哦|噢|呃|哎)不(?:[,.!?]|$)"
      ")");
  return pattern;
}

bool full_match(std::string_view text, const RE2& pattern) {
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), pattern);
}

bool starts_with(std::string_view text, const RE2& pattern) {
  re2::StringPiece input(text.data(), text.size());
  return RE2::Consume(&input, pattern);
}

// The first characters of the titles with a man's or a woman's reading: most characters start
// none, and are passed over before any title is compared.
// A mask of the first characters' low six bits answers for most characters before the list is
// searched: this test runs for every character of every reply.
bool may_start_title(char32_t character) {
  struct Firsts {
    std::vector<char32_t> characters;
    std::uint64_t low_bits = 0;
  };
  static const Firsts firsts = [] {
    Firsts made;
    for (const Title& title : address_titles()) {
      std::size_t pos = 0;
      const char32_t first = utf8::decode(title.word, pos);
      if (title.addressee != Addressee::anyone &&
          std::find(made.characters.begin(), made.characters.end(), first) ==
              made.characters.end()) {
        made.characters.push_back(first);
        made.low_bits |= std::uint64_t{1} << (first & 63);
      }
    }
    return made;
  }();
  if ((firsts.low_bits & (std::uint64_t{1} << (character & 63))) == 0) return false;
  return std::find(firsts.characters.begin(), firsts.characters.end(), character) !=
         firsts.characters.end();
}

// The longest title with a man's or a woman's reading that starts at `pos`.
const Title* title_at(std::string_view text, std::size_t pos, std::size_t end) {
  const Title* found = nullptr;
  for (const Title& title : address_titles()) {
    if (title.addressee == Addressee::anyone) continue;
    const bool fits_in = pos + title.word.size() <= end;
    if (fits_in && text.substr(pos, title.word.size()) == title.word &&
        (!found || title.word.size() > found->word.size()))
      found = &title;
  }
  return found;
}

struct Address {
  TextSpan span;            // surname and title
  std::size_t title_begin;  // where the title starts
  const Title* title;
};

// Whether the address is said to the customer (see the header), in `clause` of `clauses`.
bool said_to_the_customer(std::string_view text, const Address& address,
                          const std::vector<Clause>& clauses, std::size_t clause) {
  const TextSpan span = clauses[clause].span;
  const std::string_view before = text.substr(span.begin, address.span.begin - span.begin);
  const std::string_view after = text.substr(address.span.end, span.end - address.span.end);
  if (!full_match(before, opener())) return false;
  const bool staff = address.title->word == "师傅";
  if (!starts_with(after, staff ? said_to_customer_by_staff_title() : said_to_customer()))
    return false;
  if (!after.empty() || clause + 1 >= clauses.size()) return true;
  const TextSpan next = clauses[clause + 1].span;
  return !starts_with(text.substr(next.begin, next.end - next.begin), third_person());
}

std::vector<Address> addresses_in(std::string_view text, TextSpan clause) {
  std::vector<Address> found;
  std::size_t pos = clause.begin;
  while (pos < clause.end) {
    std::size_t next = pos;
    const Title* title =
        may_start_title(utf8::decode(text, next)) ? title_at(text, pos, clause.end) : nullptr;
    if (!title) {
      pos = next;
      continue;
    }
    const std::size_t surname = surname_ending_at(text, clause.begin, pos);
    found.push_back({{pos - surname, pos + title->word.size()}, pos, title});
    pos += title->word.size();
  }
  return found;
}

std::string said_wrongly(const WrongAddress& wrong, const NormalizedText& reply) {
  return std::string(reply.original_text(wrong.span));
}

}  // namespace

std::vector<WrongAddress> find_wrong_addresses(const NormalizedText& reply,
                                               const std::vector<Clause>& clauses,
                                               const NameParts& customer) {
  std::vector<WrongAddress> wrong;
  if (customer.surname.empty()) return wrong;
  const std::string_view text = reply.text;
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    for (const Address& address : addresses_in(text, clauses[i].span)) {
      // Whether the address is wrong is read first: most replies call the customer rightly, and
      // then the searches for whom the address is said to (three or four RE2 searches) are spared.
      const std::string_view surname =
          text.substr(address.span.begin, address.title_begin - address.span.begin);
      const WrongAddress found{address.span, !surname.empty() && surname != customer.surname,
                               !title_fits(address.title->addressee, customer.addressee)};
      if (!found.wrong_surname && !found.wrong_sex) continue;
      if (reply.is_quoted(address.title_begin)) continue;
      if (!said_to_the_customer(text, address, clauses, i)) continue;
      if (starts_with(text.substr(address.span.end), correction())) continue;
      wrong.push_back(found);
    }
  }
  return wrong;
}

RuleResult wrong_address_result(const std::vector<WrongAddress>& found, const NormalizedText& reply,
                                const Customer& customer) {
  RuleResult result;
  result.kind = "address";
  result.description =
      std::string(tr("称呼对客户的姓和性别", "gets the customer's surname and sex right"));
  result.ok = false;
  for (const WrongAddress& wrong : found) result.matched.push_back(reply.to_original(wrong.span));
  const NameParts name = split_name(customer.name);
  const std::string_view sex = name.addressee == Addressee::woman ? tr(",是女士", ", a woman")
                               : name.addressee == Addressee::man ? tr(",是男士", ", a man")
                                                                  : "";
  result.detail = fmt::format(
      fmt::runtime(tr("称呼“{}”不对:客户姓{}{},称呼“{}”。",
                      "“{}” is the wrong address: the customer's surname is {}{}; say “{}”.")),
      said_wrongly(found.front(), reply), name.surname, sex, customer.name);
  result.feedback = std::string(
      tr("叫错了客户的姓或性别,客户会觉得你根本没在听、这些话是说给别人的。称呼前先想清楚客户的姓和"
         "性别。",
         "Calling the customer by another surname or sex makes them feel unheard, as if the words "
         "were meant for someone else. Be sure of the customer's surname and sex before using "
         "them."));
  return result;
}

}  // namespace coach
