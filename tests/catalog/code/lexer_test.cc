#include "catalog/code/lexer.h"

#include <gtest/gtest.h>

namespace aisec::catalog::code {
namespace {

Syntax Python() { return Syntax{{"#"}, {}, {"\"\"\"", "'''", "\"", "'"}, {}}; }
Syntax CLike() { return Syntax{{"//"}, {{"/*", "*/"}}, {"\"", "'", "`"}, {"`"}}; }

TEST(Lexer, PythonRegions) {
  std::string t = "x = \"a#b\"  # c 'd'\n'''doc\nmore''' y\n";
  RegionMap m(t, Python());
  EXPECT_EQ(m.At(0), Region::kCode);
  EXPECT_EQ(m.At(t.find("a#b")), Region::kString);
  EXPECT_EQ(m.At(t.find("# c")), Region::kComment);
  EXPECT_EQ(m.At(t.find("'d'")), Region::kComment);
  EXPECT_EQ(m.At(t.find("more")), Region::kString);
  EXPECT_EQ(m.At(t.find(" y")), Region::kCode);
  EXPECT_EQ(m.StringAt(t, t.find("a#b")), "a#b");
}

TEST(Lexer, EscapesBlockCommentsAndRawStrings) {
  std::string t = "a = \"q\\\"/*x*/\" /* c \"s\" */ b = `raw\\` c";
  RegionMap m(t, CLike());
  EXPECT_EQ(m.At(t.find("/*x*/")), Region::kString);
  EXPECT_EQ(m.At(t.find("c \"s\"")), Region::kComment);
  EXPECT_EQ(m.At(t.find("raw")), Region::kString);
  EXPECT_EQ(m.At(t.rfind('c')), Region::kCode);  // the raw string ended at the second backtick
}

TEST(Lexer, UnterminatedInputsEnd) {
  RegionMap a("x = \"never closed\ny = 1", Python());
  EXPECT_EQ(a.At(20), Region::kCode);  // short strings end at the line end
  RegionMap b("/* open comment", CLike());
  EXPECT_EQ(b.At(10), Region::kComment);
}

}  // namespace
}  // namespace aisec::catalog::code
