#pragma once
// A form of address that names another customer: 王先生 said to 李女士, who has told the trainee
// 我姓李, or 先生 to her at all. A customer called by another's name or sex feels unheard, and a
// reply that does it was most likely written for someone else (answers pasted from another
// scenario). Such a reply fails its step in every scenario, whatever the step's rules.
//
// Only words said *to* the customer count: the address standing alone in its clause, or opening
// it before words said to the customer (王先生您好, 王先生,…, 好的王先生, 谢谢您,王先生). A name
// with a title said of someone else is no address: 我们王经理会联系您, 请找张师傅, 您先生,
// 刚才那位王先生, 张师傅明天上门, words quoted as someone else's (您是说营业员叫您“王女士”?).
// Titles that fit anyone (经理, 老师, 主任) are mostly colleagues' and are left alone.
#include <string>
#include <vector>

#include "engine/address_forms.hpp"
#include "engine/result.hpp"
#include "text/clauses.hpp"
#include "text/normalizer.hpp"

namespace coach {

struct WrongAddress {
  TextSpan span;  // normalised offsets of the surname (if any) and title: 王先生, 先生
  bool wrong_surname = false;
  bool wrong_sex = false;
};

// The forms of address in the reply that do not fit the customer. None for a customer whose name
// has no title (no name given, a group, Mr Smith): nothing is known to hold a reply to.
std::vector<WrongAddress> find_wrong_addresses(const NormalizedText& reply,
                                               const std::vector<Clause>& clauses,
                                               const NameParts& customer);

// The failed verdict for a reply with wrong forms of address: the first is named in the detail
// with the form that fits (客户姓李,是女士,称呼“李女士”), every one is shown as matched.
RuleResult wrong_address_result(const std::vector<WrongAddress>& found, const NormalizedText& reply,
                                const Customer& customer);

}  // namespace coach
