#pragma once
// Slips of typed Chinese that would hide a phrase from every rule while the report shows what
// the trainee meant: 自已 and 自巳 for 自己 (已, 己 and 巳 differ by a stroke's length), and
// the colloquial 自个 (自个儿 is left whole: the lexicons name it), 因该 for
// 应该 after the one addressed (the input method's yīn for yīng), 措 for 错 after a verb of
// doing or perceiving (弄措了), and what a pinyin input method offers for the sentences 000 says to
// avoid (别急动, 别鸡冻 and 激冻 for 激动, 你弄浑了 and 您弄昏了 for 弄混, 凭静 for 平静, 不要教。 for 不要叫,
// and the Japanese 応 of 応该 for 应). Each is read as the word meant: the slip, after one of the
// characters that make it one, is replaced by what is meant, as many bytes long, so the text is
// mended in place and what maps it to the original stays as it is.

#include <string>
#include <string_view>

namespace coach {

// Mends the slips in normalised `text`, in place.
void mend_miswritten_words(std::string& text);

// Every character the slips' table names (a slip, the word meant, what stands before a slip or
// after it, what makes it a word of its own), and last one Chinese character it names nowhere,
// which stands for all the others: mending tells them apart only by these, so what a character
// after a slip does to it (keeps it, as 自个儿, or leaves it a slip) is learnt by trying each.
std::u32string_view characters_deciding_slips();

}  // namespace coach
