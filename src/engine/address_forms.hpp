#pragma once
// How a trainee may address the customer. A title must fit the customer: 王先生 may be 王大哥 or
// 王师傅, never 王女士 or 王阿姨 — a discourtesy a customer notices at once.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/scenario.hpp"

namespace coach {

// Whom a title addresses. A title of `anyone` (老师, 经理, 总, 老人家) fits every customer, and
// a customer whose title is one of them (王经理) may be addressed by any title.
enum class Addressee { man, woman, anyone };

struct Title {
  std::string_view word;
  Addressee addressee;
};

// Every title the engine knows (先生, 女士, 阿姨, 经理 …).
std::span<const Title> address_titles();

bool title_fits(Addressee title, Addressee customer);

// The customer's name split into surname and title: 王先生 → 王 and 先生, 王老先生 → 王 and
// 老先生 (the longest title the name ends with). No title found (Mr Smith, no name): an empty
// surname and `anyone`.
struct NameParts {
  std::string surname;  // normalised
  Addressee addressee = Addressee::anyone;
};

NameParts split_name(const std::string& name);

struct AddressForms {
  // Normalised: the customer's name, the surname with each title that fits the customer and,
  // for `addresses_customer: title` (or a customer without a name), each such title alone.
  std::vector<std::string> accepted;
  // The surname with a title that does not fit (王女士 for 王先生): named in the feedback.
  std::vector<std::string> mistaken;
};

AddressForms address_forms(const Rule& rule, const Customer& customer);

// The titles that do not fit the customer (女士, 阿姨 … for 王先生; none for a customer without a
// man's or a woman's title). A concept of polite address must not count them.
std::vector<std::string> misfitting_titles(const Customer& customer);

}  // namespace coach
