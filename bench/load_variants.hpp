#pragma once
// Realistic replies for the benchmarks, drawn from the bundled scenarios: each step's model
// answers and counter-examples as written, in traditional characters (a small mapping of the
// characters these texts use most), with full-width punctuation and digits, both at once, and
// long replies (several answers of the step strung together with connecting words).
// Shared by gen_load (answers files) and bench_core (replies held in memory).
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/rubric.hpp"
#include "util/utf8.hpp"

namespace bench {

// Simplified → traditional for common characters of complaint handling. Enough to make the
// normaliser take its traditional path (t2s) on realistic text; not a full conversion.
inline const std::unordered_map<char32_t, char32_t>& traditional_map() {
  static const std::unordered_map<char32_t, char32_t> map = [] {
    const std::u32string from =
        U"们说问题话费钱这个对给时间会为处让帮请谢应该认识经过还没后发现实营业厅电号码记录询单务办决满"
        U"与烦复气区银行换贵称护确难错误帐账户关门开网线查条联系报种张长东车进运动热乐头买卖见觉";
    const std::u32string to =
        U"們說問題話費錢這個對給時間會為處讓幫請謝應該認識經過還沒後發現實營業廳電號碼記錄詢單務辦決滿"
        U"與煩復氣區銀行換貴稱護確難錯誤帳賬戶關門開網線查條聯繫報種張長東車進運動熱樂頭買賣見覺";
    std::unordered_map<char32_t, char32_t> m;
    for (std::size_t i = 0; i < from.size() && i < to.size(); ++i)
      if (from[i] != to[i]) m[from[i]] = to[i];
    return m;
  }();
  return map;
}

template <typename Map>
std::string map_code_points(std::string_view text, Map&& f) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  for (std::size_t pos = 0; pos < text.size();) coach::utf8::append(out, f(coach::utf8::decode(text, pos)));
  return out;
}

inline std::string to_traditional(std::string_view text) {
  const auto& map = traditional_map();
  return map_code_points(text, [&](char32_t cp) {
    const auto it = map.find(cp);
    return it == map.end() ? cp : it->second;
  });
}

// ASCII punctuation, digits and letters → their full-width forms (，？！：；０-９Ａ-Ｚ).
inline std::string to_full_width(std::string_view text) {
  return map_code_points(text, [](char32_t cp) -> char32_t {
    if (cp == U'.') return U'。';
    if (cp > 0x20 && cp < 0x7F) return cp + 0xFEE0;
    return cp;
  });
}

// The texts written for a step: model answers, then counter-examples.
inline std::vector<std::string> step_texts(const coach::Step& step) {
  std::vector<std::string> texts;
  for (const auto& t : step.model_answers) texts.push_back(t.text);
  for (const auto& t : step.counter_examples) texts.push_back(t.text);
  for (auto& t : texts)
    for (char& c : t)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return texts;
}

// Each text as written, traditional, full-width, and traditional + full-width.
inline std::vector<std::string> short_variants(const coach::Step& step) {
  std::vector<std::string> out;
  for (const auto& text : step_texts(step)) {
    out.push_back(text);
    out.push_back(to_traditional(text));
    out.push_back(to_full_width(text));
    out.push_back(to_full_width(to_traditional(text)));
  }
  return out;
}

// A long reply of about `characters` characters: the step's texts in turn (some of them in a
// variant), joined by connecting words, as a talkative trainee might write.
inline std::string long_reply(const coach::Step& step, std::size_t characters, std::uint64_t seed) {
  static const char* const joins[] = {"另外,", "还有就是,", "我再跟您说一下,", "您看,", "然后呢,",
                                      "说实话,", "总之,"};
  const auto texts = step_texts(step);
  std::string out;
  if (texts.empty()) return out;
  std::mt19937_64 rng(seed);
  std::size_t count = 0;
  while (count < characters) {
    std::string piece = texts[rng() % texts.size()];
    switch (rng() % 4) {
      case 1: piece = to_traditional(piece); break;
      case 2: piece = to_full_width(piece); break;
      default: break;
    }
    if (!out.empty()) {
      const std::string join = joins[rng() % std::size(joins)];
      out += join;
      count += coach::utf8::count_code_points(join);
    }
    out += piece;
    count += coach::utf8::count_code_points(piece);
  }
  return out;
}

}  // namespace bench
