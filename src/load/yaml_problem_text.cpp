#include "load/yaml_problem_text.hpp"

#include <fmt/format.h>

#include <array>

#include "util/i18n.hpp"

namespace coach {
namespace {

// libyaml's words, ours in English (mostly the same), ours in Chinese.
struct Wording {
  std::string_view libyaml;
  std::string_view en;
  std::string_view zh;
};

constexpr std::array kProblems = {
    Wording{"found character that cannot start any token",
            "found character that cannot start any token",
            "这个字符不能开始一项内容(以 @、` 或 % 开头的文字请加引号)"},
    Wording{"could not find expected ':'", "could not find expected ':'", "找不到应有的冒号“:”"},
    Wording{"found unexpected end of stream", "found unexpected end of stream",
            "文件提前结束了(引号或括号没有闭合?)"},
    Wording{"found a tab character that violates indentation",
            "found a tab character that violates indentation", "缩进里有 Tab,请改用空格"},
    Wording{"found a tab character where an indentation space is expected",
            "found a tab character where an indentation space is expected",
            "缩进里有 Tab,请改用空格"},
    Wording{"found unknown escape character", "found unknown escape character",
            "未知的转义字符(双引号里的 \\ 后面)"},
    Wording{"block sequence entries are not allowed in this context",
            "block sequence entries are not allowed in this context",
            "这里不能开始列表项(-),缩进可能不对"},
    Wording{"mapping keys are not allowed in this context",
            "mapping keys are not allowed in this context", "这里不能开始一个键"},
    Wording{"mapping values are not allowed in this context",
            "mapping values are not allowed in this context",
            "这里不能有“键: 值”(文字中的英文冒号后跟空格时,请给整段文字加引号)"},
    Wording{"found unexpected document indicator", "found unexpected document indicator",
            "文字中间出现了文档分隔符(--- 或 ...)"},
    Wording{"did not find expected <document start>", "unexpected text after the document",
            "这里有无法读取的多余内容"},
    Wording{"did not find expected node content", "did not find expected node content",
            "这里缺少内容"},
    Wording{"did not find expected '-' indicator", "did not find expected '-' indicator",
            "这里应是列表项(- ),缩进可能不对"},
    Wording{"did not find expected key", "did not find expected key",
            "这里应是一个键(键: 值),缩进可能不对"},
    Wording{"did not find expected ',' or ']'", "did not find expected ',' or ']'", "缺少“,”或“]”"},
    Wording{"did not find expected ',' or '}'", "did not find expected ',' or '}'", "缺少“,”或“}”"},
    Wording{"did not find expected comment or line break",
            "did not find expected comment or line break", "这一行的内容结束后还有多余的文字"},
    Wording{"did not find expected whitespace or line break",
            "did not find expected whitespace or line break", "这里应有空格或换行"},
    Wording{"found undefined tag handle", "found undefined tag handle", "未定义的标签(!)"},
};

constexpr std::array kContexts = {
    Wording{"while parsing a block mapping", "while parsing a block mapping", "读取映射时"},
    Wording{"while parsing a block collection", "while parsing a block collection",
            "读取列表或映射时"},
    Wording{"while parsing a flow sequence", "while parsing a flow sequence", "读取 [ ] 列表时"},
    Wording{"while parsing a flow mapping", "while parsing a flow mapping", "读取 { } 映射时"},
    Wording{"while parsing a node", "while parsing a node", "读取内容时"},
    Wording{"while parsing a block node", "while parsing a block node", "读取内容时"},
    Wording{"while parsing a flow node", "while parsing a flow node", "读取内容时"},
    Wording{"while scanning a simple key", "while scanning a simple key", "读取键时"},
    Wording{"while scanning a quoted scalar", "while scanning a quoted scalar",
            "读取带引号的文字时"},
    Wording{"while scanning a block scalar", "while scanning a block scalar",
            "读取多行文字(| 或 >)时"},
    Wording{"while scanning a plain scalar", "while scanning a plain scalar", "读取文字时"},
    Wording{"while scanning an anchor", "while scanning an anchor", "读取锚点(&)时"},
    Wording{"while scanning an alias", "while scanning an alias", "读取别名(*)时"},
    Wording{"while scanning a tag", "while scanning a tag", "读取标签(!)时"},
};

template <std::size_t N>
std::string_view translated(const std::array<Wording, N>& table, std::string_view libyaml) {
  for (const Wording& wording : table) {
    if (wording.libyaml == libyaml) return tr(wording.zh, wording.en);
  }
  return libyaml;
}

}  // namespace

std::string syntax_error_text(std::string_view problem) {
  return fmt::format(fmt::runtime(tr("YAML 语法错误: {}", "YAML syntax error: {}")),
                     translated(kProblems, problem));
}

std::string syntax_context_text(std::string_view context, int line, int column) {
  return fmt::format(fmt::runtime(tr("({},始于 {}:{})", " ({} that starts at {}:{})")),
                     translated(kContexts, context), line, column);
}

}  // namespace coach
