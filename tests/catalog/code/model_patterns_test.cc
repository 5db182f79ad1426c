// The model-name patterns (data/models/model-patterns.yaml) compile and recognise current model
// ids of every provider, attributed correctly, and do not fire on look-alikes.
#include <gtest/gtest.h>

#include <map>

#include "aisec/aisec.h"
#include "catalog/code/knowledge.h"
#include "test_util.h"

namespace aisec {
namespace {

TEST(ModelPatterns, DataCompiles) {
  auto k = catalog::code::Knowledge::Build();
  ASSERT_TRUE(k.ok()) << k.error().message;
  EXPECT_NE((*k)->ForFamily("python"), nullptr);
  EXPECT_GT((*k)->Shared().rules.size(), 40u);
}

TEST(ModelPatterns, RecognisesCurrentModels) {
  const std::map<std::string, std::string> cases = {
      {"gpt-5", "OpenAI"}, {"gpt-5-mini", "OpenAI"}, {"gpt-4.1-nano", "OpenAI"}, {"gpt-4o-2024-08-06", "OpenAI"},
      {"o3-mini", "OpenAI"}, {"o4-mini", "OpenAI"}, {"text-embedding-3-large", "OpenAI"},
      {"gpt-oss-120b", "OpenAI"}, {"whisper-1", "OpenAI"}, {"dall-e-3", "OpenAI"},
      {"claude-sonnet-4-5", "Anthropic"}, {"claude-opus-4-1-20250805", "Anthropic"},
      {"claude-3-7-sonnet-latest", "Anthropic"}, {"gemini-2.5-pro", "Google"},
      {"gemini-2.0-flash-lite", "Google"}, {"text-bison@002", "Google"}, {"gemma-3-27b-it", "Google"},
      {"mistral-large-latest", "Mistral AI"}, {"codestral-2501", "Mistral AI"},
      {"command-r-plus-08-2024", "Cohere"}, {"command-a-03-2025", "Cohere"},
      {"llama-4-scout-17b-16e-instruct", "Meta"}, {"meta-llama/Llama-3.3-70B-Instruct", "Meta"},
      {"grok-4", "xAI"}, {"grok-3-mini", "xAI"}, {"deepseek-reasoner", "DeepSeek"},
      {"deepseek-r1:7b", "DeepSeek"}, {"qwen3-coder-plus", "Alibaba Cloud"}, {"qwen2.5:14b", "Alibaba Cloud"},
      {"anthropic.claude-3-5-sonnet-20240620-v1:0", "Anthropic"},
      {"us.anthropic.claude-3-7-sonnet-20250219-v1:0", "Anthropic"},
      {"amazon.nova-pro-v1:0", "Amazon"}, {"meta.llama3-1-70b-instruct-v1:0", "Meta"},
      {"kimi-k2-instruct", "Moonshot AI"}, {"phi-4-mini", "Microsoft"},
  };
  testing::TempDir dir;
  std::string code;
  for (const auto& [id, _] : cases) code += "r = client.create(model=\"" + id + "\")\n";
  code += "x = \"gpt-4o-turbo-ish-thing-in-prose here\"\ny = \"a claude-3-5 mention\"\nz = \"o1\"\n";
  dir.Write("models.py", code);
  auto r = Scan({.root = dir.path()});
  ASSERT_TRUE(r.ok());
  std::map<std::string, std::string> found;
  for (const auto& c : r->components) {
    if (c.kind == ComponentKind::kModel) found[c.name] = c.ai ? c.ai->provider : "";
  }
  for (const auto& [id, provider] : cases) {
    ASSERT_TRUE(found.count(id)) << "not recognised: " << id;
    EXPECT_EQ(found[id], provider) << id;
  }
  EXPECT_EQ(found.size(), cases.size()) << "extra model ids reported";
}

}  // namespace
}  // namespace aisec
