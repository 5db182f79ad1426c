#include "catalog/npm/json_lines.h"

#include <gtest/gtest.h>

namespace aisec::catalog::npm {
namespace {

constexpr std::string_view kText = R"({
  "name": "x",
  "packages": {
    "": {"name": "x"},
    "node_modules/a\"b": {
      "version": "1.0.0"
    },
    "node_modules/c\\": {"dependencies": {"d": "^1"}},
    "node_modules/e": "not an object"
  },
  "list": [{"inner": {"deep": 1}}]
})";

TEST(JsonLines, FindsMembersWithEscapedQuotesAndBackslashes) {
  JsonLines lines(kText, 3, 2);
  EXPECT_EQ(lines.Line({"name"}), 2u);
  EXPECT_EQ(lines.Line({"packages", ""}), 4u);
  EXPECT_EQ(lines.Line({"packages", R"(node_modules/a\"b)"}), 5u);  // keys as written
  EXPECT_EQ(lines.Line({"packages", R"(node_modules/c\\)"}), 8u);
  EXPECT_EQ(lines.Line({"packages", R"(node_modules/c\\)", "dependencies"}), 8u);
  EXPECT_EQ(lines.Line({"packages", "node_modules/e"}), 9u);
  const JsonLines::Place* place = lines.Find({"packages", "node_modules/e"});
  ASSERT_NE(place, nullptr);
  EXPECT_EQ(lines.LineText(*place), R"(    "node_modules/e": "not an object")");
}

TEST(JsonLines, RespectsDepthLimits) {
  JsonLines lines(kText, 2, 1);
  EXPECT_EQ(lines.Find({"packages", "node_modules/e"}), nullptr);  // a scalar below scalar_depth
  EXPECT_NE(lines.Find({"packages", ""}), nullptr);
  EXPECT_EQ(lines.Find({"packages", R"(node_modules/c\\)", "dependencies"}), nullptr);
  EXPECT_EQ(lines.Line({"nothing"}, 7), 7u);
}

TEST(JsonLines, MembersOfObjectsInArraysKeepTheArrayKey) {
  JsonLines lines(kText, 4, 4);
  EXPECT_EQ(lines.Line({"list", "inner", "deep"}, 0), 11u);
}

}  // namespace
}  // namespace aisec::catalog::npm
