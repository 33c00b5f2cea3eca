#include "engine/surnames.hpp"

#include <algorithm>
#include <array>

namespace coach {
namespace {

// The compound surnames still met today.
constexpr std::array<std::string_view, 16> kCompound = {
    "欧阳", "司马", "诸葛", "上官", "慕容", "司徒", "令狐", "皇甫",
    "尉迟", "公孙", "长孙", "宇文", "夏侯", "东方", "西门", "端木",
};

// The common single-character surnames (the hundred and more that most people bear). Left out:
// rare surnames that are everyday words before a title (单 of 账单, 解 of 理解, 费 of 话费, 边 of
// 这边, 位 of 这位, 车, 房, 时, 和, 那, 等).
constexpr std::string_view kSingle =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖萧田董潘袁蔡蒋余于杜叶程"
    "魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫阎段雷龙黎史陶贺毛郝"
    "顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柯庄葛牛樊齐靳温殷倪管申季聂欧詹纪连包鲁颜华骆"
    "童祝甘耿尚左柴涂符关卓舒苗焦项岳庞翟蓝兰凌柳邢岑鲍霍翁宁植裴隋甄缪邬";

// Words that end in a surname's character and come right before a title in a polite address
// (谢谢先生, 多谢女士, 明白先生, 晚安女士): that character is the word's, not a name.
constexpr std::array<std::string_view, 9> kWordsEndingInSurname = {
    "谢谢", "多谢", "感谢", "致谢", "道谢", "明白", "晚安", "早安", "平安",
};

constexpr std::size_t kHanBytes = 3;  // every character above is three bytes of UTF-8

bool ends_with_at(std::string_view text, std::size_t begin, std::size_t end,
                  std::string_view word) {
  return end >= begin + word.size() && text.substr(end - word.size(), word.size()) == word;
}

bool single_surname(std::string_view character) {
  for (std::size_t at = 0; at < kSingle.size(); at += kHanBytes) {
    if (kSingle.substr(at, kHanBytes) == character) return true;
  }
  return false;
}

}  // namespace

std::size_t surname_ending_at(std::string_view text, std::size_t begin, std::size_t end) {
  for (std::string_view compound : kCompound) {
    if (ends_with_at(text, begin, end, compound)) return compound.size();
  }
  if (end < begin + kHanBytes || !single_surname(text.substr(end - kHanBytes, kHanBytes))) return 0;
  const bool in_word =
      std::any_of(kWordsEndingInSurname.begin(), kWordsEndingInSurname.end(),
                  [&](std::string_view word) { return ends_with_at(text, begin, end, word); });
  return in_word ? 0 : kHanBytes;
}

}  // namespace coach
