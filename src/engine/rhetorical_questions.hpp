#pragma once
// Rhetorical questions, which say the opposite of what they seem to: 这难道不是您自己没注意吗
// affirms the blame its 不 seems to deny, 这怎么能怪您自己呢 denies the blame it names.
#include <cstddef>
#include <string_view>

#include "engine/negation_window.hpp"

namespace coach {

// Whether the window holds the first character of a rhetorical head (怎么, 哪里, 岂, 谁 …).
bool holds_rhetorical_head(const Window& window);

// A yes/no question about the match that denies it: one asking whether the matter may be put
// on the customer (这能怪您自己吗), or one answered no at once (这是您的错吗?当然不是). `rest` is
// the clause from the match on (rest_of_clause).
bool denied_by_yes_no_question(std::string_view text, const Window& window, std::size_t match_begin,
                               std::string_view rest);

// A rhetorical question affirms what it seems to deny: 这难道不是您自己没注意吗, 这还不是因为
// 人太多嘛, 不会是您自己忘了吧 (a guess), 我不是早就告诉过你了吗, 这怎么能不怪您自己呢 (a double
// negative).
// `negator` is the window position of the negation character.
bool is_rhetorical(std::string_view text, const Window& window, std::size_t negator,
                   std::size_t match_begin);

// A rhetorical question that denies what it asks about, ending at window position `last`:
// 这怎么能|怪您自己呢, 这怎么会|是您自己的错呢, 这哪里能|怪您, 何必|怪您自己, 谁能说|是您弄错了呢.
// Its words are a head (怎么, 哪, 岂 …) and the modal after it, which the walk back has already
// passed.
bool rhetorical_head_ending_at(const Window& window, std::size_t last);

// Words of judging the customer that a rhetorical denial takes back (怪, 是…的错, 说您…): in
// 您怎么能自己乱点呢 it is the customer's own act that is asked about, and that blames.
bool judges(char32_t c);

}  // namespace coach
