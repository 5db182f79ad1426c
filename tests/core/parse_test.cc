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

// Writes each event as a short token, to compare whole sequences.
class Recorder : public JsonEvents {
 public:
  std::string out;
  void StartObject() override { out += "{"; }
  void EndObject() override { out += "}"; }
  void StartArray() override { out += "["; }
  void EndArray() override { out += "]"; }
  void Key(std::string_view k) override { out += "k:" + std::string(k) + " "; }
  void String(std::string_view v) override { out += "s:" + std::string(v) + " "; }
  void Bool(bool v) override { out += v ? "true " : "false "; }
  void Other() override { out += "other "; }
};

TEST(Parse, JsonEventsComeInDocumentOrder) {
  Recorder r;
  ASSERT_TRUE(ParseJsonEvents(R"({"b": [1, "x\u00e9", null], "a": {"t": true, "f": false}, "b": 2.5})", "f.json", r).ok());
  EXPECT_EQ(r.out, "{k:b [other s:x\xc3\xa9 other ]k:a {k:t true k:f false }k:b other }");
}

TEST(Parse, JsonEventsErrorsAreLocatedLikeParseJson) {
  Recorder r;
  std::string text = "{\n  \"a\": 1,\n  \"b\": [\n";
  Status st = ParseJsonEvents(text, "f.json", r);
  ASSERT_FALSE(st.ok());
  auto tree = ParseJson(text, "f.json");
  ASSERT_FALSE(tree.ok());
  EXPECT_EQ(st.error().location.line, tree.error().location.line);
  EXPECT_EQ(st.error().location.path, "f.json");
  EXPECT_EQ(st.error().message, tree.error().message);
  Recorder deep;
  Status nested = ParseJsonEvents(std::string(300, '[') + std::string(300, ']'), "d.json", deep);
  ASSERT_FALSE(nested.ok());
  EXPECT_EQ(nested.error().code, ErrorCode::kLimit);
  EXPECT_EQ(deep.out, "");  // refused before any event
}

}  // namespace
}  // namespace aisec
