#include "formats/hf/hf_folder.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace aisec::formats::hf {
namespace {

std::string Text(const std::string& rel) {
  return testing::ReadFile(testing::Fixture("model/hf/" + rel));
}

TEST(HfConfig, ReadsArchitectureTypeDtypeAndAutoMap) {
  auto c = ParseConfig(Text("remote_code/config.json"), "config.json");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_TRUE(c->is_model_config);
  EXPECT_EQ(c->architectures, std::vector<std::string>{"EvilForCausalLM"});
  EXPECT_EQ(c->model_type, "evil");
  EXPECT_EQ(c->torch_dtype, "bfloat16");
  EXPECT_EQ(c->transformers_version, "4.44.0");
  ASSERT_EQ(c->auto_map.size(), 2u);
  EXPECT_EQ(c->auto_map[0].auto_class, "AutoConfig");
  EXPECT_EQ(c->auto_map[0].file, "configuration_evil.py");
  EXPECT_FALSE(ParseConfig(Text("not_hf/config.json"), "c")->is_model_config);
  EXPECT_FALSE(ParseConfig("[1]", "c").ok());
}

TEST(HfConfig, AutoMapReferences) {
  auto other = ParseAutoMapReference("AutoModel", "attacker/payloads--modeling_x.XModel");
  EXPECT_EQ(other.repo, "attacker/payloads");
  EXPECT_EQ(other.module, "modeling_x");
  EXPECT_EQ(other.file, "modeling_x.py");
  EXPECT_TRUE(other.plain_module);
  auto nested = ParseAutoMapReference("AutoModel", "models.sub.modeling.M");
  EXPECT_EQ(nested.file, "models/sub/modeling.py");
  EXPECT_FALSE(ParseAutoMapReference("AutoModel", "../../../tmp/evil.X").plain_module);
  EXPECT_FALSE(ParseAutoMapReference("AutoModel", "a..b.X").plain_module);
}

TEST(HfTokenizerConfig, ReadsTemplatesAndAutoMapPairs) {
  auto t = ParseTokenizerConfig(Text("named_templates/tokenizer_config.json"), "t");
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->chat_templates.size(), 2u);
  EXPECT_EQ(t->chat_templates[1].name, "tool_use");
  auto r = ParseTokenizerConfig(Text("tokenizer_remote/tokenizer_config.json"), "t");
  ASSERT_EQ(r->auto_map.size(), 1u);  // the null fast tokenizer is skipped
  EXPECT_EQ(r->auto_map[0].file, "tokenization_evil.py");
}

TEST(HfCard, ReadsModelCardFrontMatter) {
  auto c = ParseCard(Text("benign_model/README.md"), "README.md");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_TRUE(c->is_model_card);
  EXPECT_FALSE(c->is_dataset_card);
  EXPECT_EQ(c->licenses, std::vector<std::string>{"apache-2.0"});
  EXPECT_EQ(c->base_models, std::vector<std::string>{"meta-llama/Llama-3.1-8B"});
  EXPECT_EQ(c->datasets.size(), 2u);
  EXPECT_EQ(c->languages, (std::vector<std::string>{"en", "fr"}));
  EXPECT_EQ(c->pipeline_tag, "text-generation");
  EXPECT_EQ(c->library_name, "transformers");
}

TEST(HfCard, DatasetCardsNoFrontMatterAndBrokenYaml) {
  auto d = ParseCard(Text("dataset_card/README.md"), "README.md");
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->is_dataset_card);
  EXPECT_FALSE(d->is_model_card);
  auto none = ParseCard(Text("not_hf/README.md"), "README.md");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->is_model_card || none->is_dataset_card);
  auto bad = ParseCard(Text("bad_card/README.md"), "README.md");
  ASSERT_FALSE(bad.ok());
  EXPECT_GE(bad.error().location.line, 2u);
  EXPECT_FALSE(ParseCard("---\ntitle: Jekyll page\nlayout: post\n---\n", "r")->is_model_card);
}

// Issue 5: any one card key makes a model card.
TEST(HfCard, OneCardKeyIsEnough) {
  for (const char* key : {"license: mit", "base_model: x/y", "tags: [a]", "datasets: [d/e]",
                          "pipeline_tag: text-generation", "library_name: peft"}) {
    auto c = ParseCard(std::string("---\n") + key + "\n---\n# Card\n", "README.md");
    ASSERT_TRUE(c.ok()) << key;
    EXPECT_TRUE(c->is_model_card) << key;
  }
  auto lic = ParseCard(Text("license_only_card/README.md"), "README.md");
  ASSERT_TRUE(lic.ok());
  EXPECT_EQ(lic->licenses, std::vector<std::string>{"llama3.1"});
}

}  // namespace
}  // namespace aisec::formats::hf
