#include <gtest/gtest.h>

#include "aisec/aisec.h"
#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

TEST(HfFolderCataloger, ConfigNextToWeightsIsAModel) {
  auto out = RunCataloger(model::HfConfig, Fixture("model/hf/benign_model"), "config.json");
  ASSERT_EQ(out.components.size(), 1u);
  const Component& c = out.components[0];
  EXPECT_EQ(c.kind, ComponentKind::kModel);
  EXPECT_EQ(c.name, "benign_model");
  EXPECT_EQ(c.ecosystem, "huggingface");
  EXPECT_EQ(c.properties.at("aisec:model:architecture"), "LlamaForCausalLM");
  EXPECT_EQ(c.properties.at("aisec:model:torch-dtype"), "bfloat16");
  EXPECT_EQ(c.ai->model_family, "llama");
  EXPECT_FALSE(c.properties.count("aisec:model:requires-remote-code"));
}

TEST(HfFolderCataloger, OtherConfigFilesAreIgnored) {
  EXPECT_TRUE(RunCataloger(model::HfConfig, Fixture("model/hf/not_hf"), "config.json")
                  .components.empty());
  EXPECT_TRUE(RunCataloger(model::HfConfig, Fixture("model/hf/config_only"), "config.json")
                  .components.empty());
  auto readme = RunCataloger(model::HfCard, Fixture("model/hf/not_hf"), "README.md");
  EXPECT_TRUE(readme.components.empty());
  EXPECT_TRUE(readme.warnings.empty());
}

TEST(HfFolderCataloger, RemoteCodeFilesAreListed) {
  auto out = RunCataloger(model::HfConfig, Fixture("model/hf/remote_code"), "config.json");
  ASSERT_EQ(out.components.size(), 1u);
  EXPECT_EQ(out.components[0].properties.at("aisec:model:requires-remote-code"), "true");
  EXPECT_EQ(out.components[0].properties.at("aisec:model:remote-code-files"),
            "configuration_evil.py,modeling_evil.py");
}

TEST(HfFolderCataloger, CardAddsTaskLicenseDatasetsAndBaseModel) {
  auto out = RunCataloger(model::HfCard, Fixture("model/hf/benign_model"), "README.md");
  const Component* m = out.Find("benign_model");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->properties.at("aisec:model:task"), "text-generation");
  EXPECT_EQ(m->properties.at("aisec:model:datasets"), "HuggingFaceH4/ultrachat_200k,tatsu-lab/alpaca");
  EXPECT_EQ(m->properties.at("aisec:model:base_model"), "meta-llama/Llama-3.1-8B");
  EXPECT_EQ(m->licenses, std::vector<std::string>{"apache-2.0"});
  const Component* ds = out.Find("tatsu-lab/alpaca");
  ASSERT_NE(ds, nullptr);
  EXPECT_EQ(ds->kind, ComponentKind::kData);
  const Component* base = out.Find("meta-llama/Llama-3.1-8B");
  ASSERT_NE(base, nullptr);
  EXPECT_EQ(base->purl, "pkg:huggingface/meta-llama/Llama-3.1-8B");
  ASSERT_EQ(out.relations.size(), 3u);
  EXPECT_EQ(out.relations[0].from, m->Key());
}

TEST(HfFolderCataloger, DatasetCardIsAData) {
  auto out = RunCataloger(model::HfCard, Fixture("model/hf/dataset_card"), "README.md");
  ASSERT_EQ(out.components.size(), 1u);
  EXPECT_EQ(out.components[0].kind, ComponentKind::kData);
  EXPECT_EQ(out.components[0].properties.at("aisec:data:task-categories"), "text-generation");
}

TEST(HfFolderCataloger, BrokenCardIsALocatedWarning) {
  auto out = RunCataloger(model::HfCard, Fixture("model/hf/bad_card"), "README.md");
  EXPECT_TRUE(out.components.empty());
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_GE(out.warnings[0].location.line, 2u);
}

TEST(HfFolderCataloger, ScanMergesTheFolderIntoOneModel) {
  auto result = Scan(ScanOptions{.root = Fixture("model/hf/benign_model"), .jobs = 1});
  ASSERT_TRUE(result.ok());
  const Component* folder = nullptr;
  int models = 0;
  for (const auto& c : result->components) {
    if (c.kind == ComponentKind::kModel && c.ecosystem == "huggingface" && c.name == "benign_model") {
      folder = &c;
    }
    models += c.kind == ComponentKind::kModel;
  }
  ASSERT_NE(folder, nullptr);
  EXPECT_EQ(folder->properties.at("aisec:model:task"), "text-generation");           // card
  EXPECT_EQ(folder->properties.at("aisec:model:architecture"), "LlamaForCausalLM");  // config
  EXPECT_EQ(folder->properties.at("aisec:model:chat-template"), "present");          // tokenizer
  EXPECT_EQ(models, 3);  // the folder, its weights file and the base model
}

// Issue 5: one card key is enough to make a card, so a card stating only its licence counts.
TEST(HfFolderCataloger, CardWithOnlyALicenceIsACard) {
  auto out = RunCataloger(model::HfCard, Fixture("model/hf/license_only_card"), "README.md");
  ASSERT_EQ(out.components.size(), 1u);
  EXPECT_EQ(out.components[0].kind, ComponentKind::kModel);
  EXPECT_EQ(out.components[0].licenses, std::vector<std::string>{"llama3.1"});
  auto compound = RunCataloger(model::HfCard, Fixture("model/hf/compound_card"), "README.md");
  ASSERT_EQ(compound.components.size(), 1u);
  EXPECT_EQ(compound.components[0].licenses, (std::vector<std::string>{"mit", "llama3"}));
  // Front matter without any card key (a static-site page) is not a card.
  EXPECT_TRUE(RunCataloger(model::HfCard, Fixture("model/hf/front_matter_page"), "README.md")
                  .components.empty());
}

}  // namespace
}  // namespace aisec::catalog
