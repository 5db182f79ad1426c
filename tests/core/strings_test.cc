#include "core/strings.h"

#include <gtest/gtest.h>

namespace aisec {
namespace {

TEST(Strings, LineIndexMapsOffsets) {
  LineIndex idx("ab\ncd\r\nef");
  EXPECT_EQ(idx.Line(0), 1u);
  EXPECT_EQ(idx.Line(3), 2u);
  EXPECT_EQ(idx.Column(4), 2u);
  EXPECT_EQ(idx.LineText(2), "cd");
  EXPECT_EQ(idx.LineText(3), "ef");
  EXPECT_EQ(idx.LineCount(), 3u);
}

TEST(Strings, Utf8Validation) {
  EXPECT_TRUE(IsValidUtf8("h\xC3\xA9llo"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
  EXPECT_EQ(SanitizeUtf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
}

TEST(Strings, SnippetCollapsesAndCaps) {
  EXPECT_EQ(Snippet("  a \n  b  "), "a b");
  EXPECT_EQ(Snippet(std::string(500, 'x'), 10).size(), 10u);
}

TEST(Strings, ForTerminalEscapesControlCharactersAndRepairsUtf8) {
  EXPECT_EQ(ForTerminal("openai==1.0 ü"), "openai==1.0 ü");
  EXPECT_EQ(ForTerminal("a\x1b]0;owned\x07" "b"), "a\\x1b]0;owned\\x07b");
  EXPECT_EQ(ForTerminal("line\nnext\r\t"), "line\\x0anext\\x0d\\x09");
  EXPECT_EQ(ForTerminal("\x7f"), "\\x7f");
  EXPECT_EQ(ForTerminal("\xc2\x9b" "31m"), "\\u009b31m");  // C1 CSI
  EXPECT_EQ(ForTerminal("\xc2\xa0"), "\xc2\xa0");           // U+00A0 is printable
  EXPECT_EQ(ForTerminal("bad\xff"), "bad\xef\xbf\xbd");
}

}  // namespace
}  // namespace aisec
