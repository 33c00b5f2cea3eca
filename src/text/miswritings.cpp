#include "text/miswritings.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "util/utf8.hpp"

namespace coach {
namespace {

// 自已经 is also 自 + 已经, "since it was …", before the verbs of an account's events
// (自已经确认之日起, 自已经开通之日起); before anything else it is 自己 + 经… (自已经常忘了).
constexpr std::string_view kJing = "经";
constexpr std::u32string_view kAccountVerbs = U"确核付开生到提受登签缴充注激停";

// `after` is the text after the slip.
bool since_already(std::string_view after) {
  if (!after.starts_with(kJing)) return false;
  std::size_t next = kJing.size();
  return next < after.size() &&
         kAccountVerbs.find(utf8::decode(after, next)) != std::u32string_view::npos;
}

struct Miswriting {
  std::string_view slip;
  std::string_view meant;
  std::u32string_view after;             // the characters before the slip that make it one
  std::u32string_view not_before;        // characters after it that make it a word of its own
  std::u32string_view only_before = {};  // when given, the characters after it that must follow
  // What follows it says so; the characters it reads are named_characters' too.
  bool (*word_of_its_own)(std::string_view after) = nullptr;
};
// 自个人, 自个体 are 自 + 个人 (来自个人账户); 措施, 措辞 are words; 您因该故障 and 您因该笔扣费
// are 因 + 该, "because of that": 因该 is 应该 only before what 应该 is said of (先, 自己, 早点 …).
// What a pinyin input method offers for the sentences 000 says to avoid (outside pass 53, finding
// 6): 急动, 鸡冻 and 激冻 for 激动 (急冻 and 机动 are words, and are left), 弄浑, 弄昏 and 搞浑 for
// 弄混 and 搞混 after the one addressed or what says it of them (你弄浑了, 您肯定弄昏了; 把水弄浑了
// and 把人弄昏了 are words), 凭静 for 平静, 教 for 叫 after 要 at a clause's end (你不要教。;
// 我要教您怎么查 is a word), and the Japanese 応 for 应 (応该), which Chinese never writes.
constexpr Miswriting kMiswritings[] = {
    {"已", "己", U"自", U"", U"", since_already},
    {"巳", "己", U"自", U""},
    {"个", "己", U"自", U"儿人体别性"},
    {"因该", "应该", U"您你们", U"", U"先自早提注及看去知明了仔多好清检核确在会能要找记留"},
    {"措", "错", U"弄搞记看听算填输按拨写说点", U"施辞"},
    {"急动", "激动", U"别要", U""},
    {"鸡冻", "激动", U"别要太么很", U""},
    {"激冻", "激动", U"别要太么很你您于得分", U""},
    {"弄浑", "弄混", U"你您定是", U""},
    {"弄昏", "弄混", U"你您定是", U""},
    {"搞浑", "搞混", U"你您定是", U""},
    {"凭静", "平静", U"你您们先要请", U""},
    {"教", "叫", U"要", U"", U",.!?;了啦嘛啊呀"},
    {"応", "应", U"你您们也实是就还", U""}};

constexpr bool mended_in_place() {
  for (const Miswriting& m : kMiswritings)
    if (m.slip.size() != m.meant.size()) return false;
  return true;
}
static_assert(mended_in_place());

// Whether the slip at `at` in `text` is one, by what stands around it.
bool is_slip(const Miswriting& m, std::string_view text, std::size_t at) {
  if (at == 0) return false;
  std::size_t before = utf8::previous_start(text, at);
  if (m.after.find(utf8::decode(text, before)) == std::u32string_view::npos) return false;
  const std::string_view after = text.substr(at + m.slip.size());
  if (m.word_of_its_own && m.word_of_its_own(after)) return false;
  std::size_t next = 0;
  const char32_t following = after.empty() ? U'\0' : utf8::decode(after, next);
  if (m.not_before.find(following) != std::u32string_view::npos) return false;
  return m.only_before.empty() || m.only_before.find(following) != std::u32string_view::npos;
}

// Every slip begins with a character of three bytes, whose middle and last bytes are each one of
// a few of the 64 continuation bytes: one bit for each, in two masks. A reply is read once,
// character by character, and only where both bytes are such is the table looked at (searching
// the text for each slip in turn compared bytes at most Chinese characters, since they begin with
// the same few bytes; with one mask, a fifth of the characters of a reply reached the table once
// it held thirteen slips).
constexpr std::uint64_t slip_bytes(std::size_t which) {
  std::uint64_t bytes = 0;
  for (const Miswriting& m : kMiswritings) bytes |= std::uint64_t{1} << (m.slip[which] & 0x3F);
  return bytes;
}
constexpr std::uint64_t kSlipMiddles = slip_bytes(1);
constexpr std::uint64_t kSlipEnds = slip_bytes(2);

bool may_begin_a_slip(unsigned char middle, unsigned char last) {
  return ((kSlipMiddles >> (middle & 0x3F)) & 1) != 0 && ((kSlipEnds >> (last & 0x3F)) & 1) != 0;
}

constexpr bool slips_begin_with_three_bytes() {
  for (const Miswriting& m : kMiswritings)
    if (m.slip.size() < 3 || (m.slip[0] & 0xF0) != 0xE0) return false;
  return true;
}
static_assert(slips_begin_with_three_bytes());

// How many bytes the character that begins with `lead` takes (the text is valid UTF-8).
std::size_t character_size(unsigned char lead) {
  return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

const Miswriting* slip_at(std::string_view text, std::size_t at) {
  for (const Miswriting& m : kMiswritings)
    if (text.substr(at).starts_with(m.slip) && is_slip(m, text, at)) return &m;
  return nullptr;
}

// Whether a character of UTF-8 `text` (of the Basic Multilingual Plane) is in `set`, at compile
// time.
constexpr bool holds_any_of(std::string_view text, std::u32string_view set) {
  for (std::size_t at = 0; at < text.size();) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const std::size_t size = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : 3;
    char32_t c = size == 1 ? lead : size == 2 ? lead & 0x1F : lead & 0x0F;
    for (std::size_t k = 1; k < size; ++k)
      c = (c << 6) | (static_cast<unsigned char>(text[at + k]) & 0x3F);
    if (set.find(c) != std::u32string_view::npos) return true;
    at += size;
  }
  return false;
}

// What mending in one pass, in the order of the text, relies on to give what mending one kind
// of slip after another gives: no slip begins inside another, nor inside what mends one (a slip
// mended cannot hide or make another), and no character a slip changes, as typed or as mended,
// decides whether a slip is one (what stands before and after it, 经, and the account verbs of
// since_already where it may stand after 自已经: first in a slip read after 经). A character a
// slip keeps (the 弄 of 弄浑) stands there before mending and after it alike.
constexpr bool mended_in_one_pass() {
  constexpr std::u32string_view kJingCharacter = U"经";
  for (const Miswriting& m : kMiswritings) {
    for (const Miswriting& other : kMiswritings) {
      if (m.slip.substr(3).find(other.slip.substr(0, 3)) != std::string_view::npos) return false;
      if (m.meant.substr(3).find(other.slip.substr(0, 3)) != std::string_view::npos) return false;
    }
    for (std::size_t at = 0; at < m.slip.size(); at += 3) {
      const std::string_view typed = m.slip.substr(at, 3);
      const std::string_view mended = m.meant.substr(at, 3);
      if (typed == mended) continue;
      for (const std::string_view text : {typed, mended}) {
        if (holds_any_of(text, kJingCharacter)) return false;
        if (holds_any_of(text, kAccountVerbs) &&
            (at == 0 ? m.after.find(kJingCharacter) != std::u32string_view::npos
                     : m.slip.substr(at - 3, 3) == "经"))
          return false;
        for (const Miswriting& other : kMiswritings) {
          for (const std::u32string_view decides :
               {other.after, other.not_before, other.only_before})
            if (holds_any_of(text, decides)) return false;
        }
      }
    }
  }
  return true;
}
static_assert(mended_in_one_pass());

// The characters of the table, with those since_already reads.
std::u32string named_characters() {
  std::u32string named(kAccountVerbs);
  const auto add = [&](std::string_view text) {
    for (std::size_t at = 0; at < text.size();) named.push_back(utf8::decode(text, at));
  };
  add(kJing);
  for (const Miswriting& m : kMiswritings) {
    add(m.slip);
    add(m.meant);
    named.append(m.after).append(m.not_before).append(m.only_before);
  }
  std::sort(named.begin(), named.end());
  named.erase(std::unique(named.begin(), named.end()), named.end());
  return named;
}

}  // namespace

std::u32string_view characters_deciding_slips() {
  static const std::u32string characters = [] {
    std::u32string named = named_characters();
    char32_t other = 0x4E00;  // 一
    while (std::binary_search(named.begin(), named.end(), other)) ++other;
    named.push_back(other);
    return named;
  }();
  return characters;
}

// One pass in the order of the text (mended_in_one_pass).
void mend_miswritten_words(std::string& text) {
  for (std::size_t at = 0; at + 2 < text.size();) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const auto middle = static_cast<unsigned char>(text[at + 1]);
    const auto last = static_cast<unsigned char>(text[at + 2]);
    if (character_size(lead) == 3 && may_begin_a_slip(middle, last)) {
      if (const Miswriting* m = slip_at(text, at)) text.replace(at, m->meant.size(), m->meant);
    }
    at += character_size(lead);
  }
}

}  // namespace coach
