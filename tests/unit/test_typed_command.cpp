#include <doctest/doctest.h>

#include "cli/typed_command.hpp"

using namespace coach::cli;

TEST_CASE("a menu choice is read as a Chinese input method types it") {
  CHECK(folded_choice("2") == "2");
  CHECK(folded_choice(" 2") == "2");
  CHECK(folded_choice("2 ") == "2");                                    // a space the IME committed
  CHECK(folded_choice("\xef\xbc\x92") == "2");                          // full-width ２
  CHECK(folded_choice("\xe3\x80\x80\xef\xbc\x92\xe3\x80\x80") == "2");  // ideographic spaces
  CHECK(folded_choice("Missing-Balance\t") == "missing-balance");
  CHECK(folded_choice("2\xff") != "2");  // a byte that is not UTF-8 is no part of any choice
  CHECK(folded_choice("") == "");
}

TEST_CASE("a line is a command when it starts with a slash, full-width or not") {
  CHECK(typed_command("/quit") == "/quit");
  CHECK(typed_command(" /help ") == "/help");
  CHECK(typed_command("\xef\xbc\x8f\xef\xbd\x88\xef\xbd\x85\xef\xbd\x8c\xef\xbd\x90") ==
        "/help");  // ／ｈｅｌｐ
  CHECK(typed_command("/Retry") == "/retry");
  CHECK_FALSE(typed_command("王先生您好,/quit 不是命令"));
  CHECK_FALSE(typed_command(""));
  CHECK_FALSE(typed_command("\xff/quit"));
}

// Outside pass 39, finding 03: with Chinese punctuation on, the `/` key types `、`, and `、quit`
// was scored and recorded as a reply.
TEST_CASE("a command typed with the input method's slash key, 、, is a command") {
  CHECK(typed_command("、quit") == "/quit");
  CHECK(typed_command("\u3000、Hint ") == "/hint");
  CHECK(typed_command("、ｒｅｐｅａｔ") == "/repeat");  // full-width letters too
  CHECK(typed_command("、qiut") == "/qiut");            // unknown: said so, not scored
  CHECK_FALSE(typed_command("、"));
  CHECK_FALSE(typed_command("、我们马上处理"));
  CHECK_FALSE(typed_command("、quit now"));
  CHECK_FALSE(typed_command("、" + std::string(100, 'a')));
}

TEST_CASE("a reply is trimmed of any Unicode white space, so one of spaces alone is empty") {
  CHECK(trimmed_reply("\xe3\x80\x80\xe3\x80\x80") == "");     // two ideographic spaces (U+3000)
  CHECK(trimmed_reply(" \t\xc2\xa0\xe2\x80\x83\r\n") == "");  // no-break, em space, CR LF
  CHECK(trimmed_reply("") == "");
  CHECK(trimmed_reply("\xe3\x80\x80王先生,您好\xe3\x80\x80 ") == "王先生,您好");
  CHECK(trimmed_reply("对不起\xe3\x80\x80原因是") == "对不起\xe3\x80\x80原因是");  // inside stays
  CHECK(trimmed_reply(" \xff ") == "\xff");  // a byte that is not UTF-8 is kept, to be refused
}
