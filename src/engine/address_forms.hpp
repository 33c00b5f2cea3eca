#pragma once
// How a trainee may address the customer. A title must fit the customer: 王先生 may be 王大哥 or
// 王师傅, never 王女士 or 王阿姨 — a discourtesy a customer notices at once.
#include <string>
#include <vector>

#include "model/scenario.hpp"

namespace coach {

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
