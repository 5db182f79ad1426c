#include "core/parse.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

namespace aisec {
namespace {

TEST(Parse, JsonErrorHasLine) {
  auto r = ParseJson("{\n\"a\": 1,\n\"b\": }\n", "x.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kParse);
  EXPECT_EQ(r.error().location.path, "x.json");
  EXPECT_EQ(r.error().location.line, 3u);
}

TEST(Parse, RefusesDeepNesting) {
  std::string deep(100000, '[');
  EXPECT_EQ(ParseJson(deep, "d.json").error().code, ErrorCode::kLimit);
  EXPECT_EQ(ParseYaml(deep, "d.yaml").error().code, ErrorCode::kLimit);
  EXPECT_EQ(ParseToml("a = " + deep, "d.toml").error().code, ErrorCode::kLimit);
}

TEST(Parse, InvalidUtf8IsAnErrorNotACrash) {
  EXPECT_FALSE(ParseJson("{\"a\": \"\xFF\"}", "u.json").ok());
}

TEST(Parse, TomlAndYamlWork) {
  auto t = ParseToml("[project]\nname = \"x\"\n", "p.toml");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ((*t)["project"]["name"].value_or(std::string()), "x");
  auto y = ParseYaml("a: [1, 2]\n", "a.yaml");
  ASSERT_TRUE(y.ok());
  EXPECT_EQ((*y)["a"].size(), 2u);
  auto bad = ParseYaml("a: [1, 2\n", "a.yaml");
  EXPECT_FALSE(bad.ok());
}

// Found by fuzz/container_images: yaml-cpp's LoadAll looped forever on a stray leading ','.
TEST(Parse, YamlStreamThatNeverEndsIsRefused) {
  auto docs = ParseYamlAll(", a", "x.yaml");
  ASSERT_FALSE(docs.ok());
  EXPECT_EQ(docs.error().code, ErrorCode::kLimit);
  auto two = ParseYamlAll("a: 1\n---\nb: 2\n", "x.yaml");
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two->size(), 2u);
}

}  // namespace
}  // namespace aisec
