#include "engine/address_forms.hpp"

#include <array>
#include <string_view>

#include "text/normalizer.hpp"

namespace coach {
namespace {

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

}  // namespace

std::span<const Title> address_titles() {
  return kTitles;
}

bool title_fits(Addressee title, Addressee customer) {
  return title == customer || title == Addressee::anyone || customer == Addressee::anyone;
}

NameParts split_name(const std::string& name) {
  const Title* found = nullptr;
  for (const Title& title : kTitles) {
    const bool longer = !found || title.word.size() > found->word.size();
    if (name.size() > title.word.size() && name.ends_with(title.word) && longer) found = &title;
  }
  if (!found) return {};
  return {normalize_phrase(name.substr(0, name.size() - found->word.size())), found->addressee};
}

std::vector<std::string> misfitting_titles(const Customer& customer) {
  const Addressee customer_is = split_name(customer.name).addressee;
  std::vector<std::string> titles;
  for (const Title& title : kTitles) {
    if (!title_fits(title.addressee, customer_is)) titles.emplace_back(title.word);
  }
  return titles;
}

AddressForms address_forms(const Rule& rule, const Customer& customer) {
  AddressForms forms;
  if (!customer.name.empty()) forms.accepted.push_back(normalize_phrase(customer.name));
  const NameParts name = split_name(customer.name);
  for (const Title& title : kTitles) {
    const bool fitting = title_fits(title.addressee, name.addressee);
    if (!name.surname.empty())
      (fitting ? forms.accepted : forms.mistaken).push_back(name.surname + std::string(title.word));
    if (fitting && (rule.address == AddressMode::title || customer.name.empty()))
      forms.accepted.emplace_back(title.word);
  }
  return forms;
}

}  // namespace coach
