#pragma once
// Phrases a reply names without asserting them: said in a concession (就算您弄错了,也…),
// refused (全赔,这个我不能随便答应您) or asked as what the customer wants (是希望她被开除吗?).
#include <cstddef>
#include <string_view>

namespace coach {

// Whether the match at `match_begin` stands in a concessive clause or a clause that refuses it,
// or is taken up and refused by the next clause. `rest` is the clause from the match on
// (rest_of_clause).
bool conceded_or_refused(std::string_view text, std::size_t match_begin, std::string_view rest);

}  // namespace coach
