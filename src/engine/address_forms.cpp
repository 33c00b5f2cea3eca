#include "engine/address_forms.hpp"

#include <array>
#include <string_view>

#include "text/normalizer.hpp"

namespace coach {
namespace {

// Whom a title addresses. A title of `anyone` (老师, 经理, 总, 老人家) fits every customer, and
// a customer whose title is one of them (王经理) may be addressed by any title.
enum class Addressee { man, woman, anyone };

struct Title {
  std::string_view word;
  Addressee addressee;
};

constexpr std::array<Title, 25> kTitles = {{
    {"先生", Addressee::man},     {"老先生", Addressee::man},    {"大哥", Addressee::man},
    {"大爷", Addressee::man},     {"大叔", Addressee::man},      {"叔叔", Addressee::man},
    {"伯伯", Addressee::man},     {"爷爷", Addressee::man},      {"师傅", Addressee::man},
    {"女士", Addressee::woman},   {"小姐", Addressee::woman},    {"阿姨", Addressee::woman},
    {"大姐", Addressee::woman},   {"大妈", Addressee::woman},    {"大娘", Addressee::woman},
    {"婶婶", Addressee::woman},   {"奶奶", Addressee::woman},    {"太太", Addressee::woman},
    {"老太太", Addressee::woman}, {"老人家", Addressee::anyone}, {"老师", Addressee::anyone},
    {"经理", Addressee::anyone},  {"主任", Addressee::anyone},   {"老板", Addressee::anyone},
    {"总", Addressee::anyone},
}};

bool fits(Addressee title, Addressee customer) {
  return title == customer || title == Addressee::anyone || customer == Addressee::anyone;
}

// The customer's name split into surname and title: 王先生 → 王 and 先生, 王老先生 → 王 and
// 老先生 (the longest title the name ends with). No title found: an empty surname.
struct NameParts {
  std::string surname;
  Addressee addressee = Addressee::anyone;
};

NameParts split_name(const std::string& name) {
  const Title* found = nullptr;
  for (const Title& title : kTitles) {
    const bool longer = !found || title.word.size() > found->word.size();
    if (name.size() > title.word.size() && name.ends_with(title.word) && longer) found = &title;
  }
  if (!found) return {};
  return {normalize_phrase(name.substr(0, name.size() - found->word.size())), found->addressee};
}

}  // namespace

std::vector<std::string> misfitting_titles(const Customer& customer) {
  const Addressee customer_is = split_name(customer.name).addressee;
  std::vector<std::string> titles;
  for (const Title& title : kTitles) {
    if (!fits(title.addressee, customer_is)) titles.emplace_back(title.word);
  }
  return titles;
}

AddressForms address_forms(const Rule& rule, const Customer& customer) {
  AddressForms forms;
  if (!customer.name.empty()) forms.accepted.push_back(normalize_phrase(customer.name));
  const NameParts name = split_name(customer.name);
  for (const Title& title : kTitles) {
    const bool fitting = fits(title.addressee, name.addressee);
    if (!name.surname.empty())
      (fitting ? forms.accepted : forms.mistaken).push_back(name.surname + std::string(title.word));
    if (fitting && (rule.address == AddressMode::title || customer.name.empty()))
      forms.accepted.emplace_back(title.word);
  }
  return forms;
}

}  // namespace coach
