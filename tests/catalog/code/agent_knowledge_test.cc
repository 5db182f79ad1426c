// data/code/agents.yaml: well-formed, and every definition finds its own examples.
#include "catalog/code/agent_knowledge.h"

#include <gtest/gtest.h>
#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <set>

#include "catalog/code/knowledge.h"
#include "catalog/registry_decls.h"
#include "core/data.h"
#include "core/parse.h"
#include "test_util.h"

namespace aisec::catalog::code {
namespace {

YAML::Node Data() {
  auto doc = ParseYaml(*DataFile("code/agents.yaml"), "code/agents.yaml");
  EXPECT_TRUE(doc.ok());
  return doc.ok() ? *doc : YAML::Node();
}

ComponentKind KindOf(DefinitionKind k) {
  return k == DefinitionKind::kAgent ? ComponentKind::kAgent : ComponentKind::kTool;
}

TEST(AgentKnowledge, DataIsVersionedAndIdsUnique) {
  YAML::Node d = Data();
  EXPECT_EQ(d["version"].as<int>(), 1);
  auto built = AgentKnowledge::Build();
  ASSERT_TRUE(built.ok()) << built.error().message;
  std::set<std::string> ids;
  for (const auto& def : (*built)->definitions()) {
    EXPECT_TRUE(ids.insert(def.id).second) << def.id;
    EXPECT_FALSE(def.framework.empty()) << def.id;
    EXPECT_FALSE(def.examples.empty()) << def.id << " has no example";
    EXPECT_TRUE(def.name_group || def.name_from_def || def.name_after || def.owner_group ||
                !def.name_args.empty() ||
                def.name_position >= 0 || def.kind == DefinitionKind::kAgent)
        << def.id << " cannot name what it finds";
  }
  EXPECT_GE(ids.size(), 20u);
  for (const char* family : {"python", "js", "jvm", "dotnet", "go", "rust", "ruby"})
    EXPECT_NE((*built)->ForFamily(family), nullptr) << family;
}

TEST(AgentKnowledge, EveryDefinitionFindsItsExamples) {
  const auto& k = AgentKnowledge::Get();
  YAML::Node d = Data();
  std::map<std::string, std::string> family_of;
  for (const auto& n : d["definitions"])
    family_of[n["id"].as<std::string>()] = n["family"].as<std::string>();
  for (const auto& def : k.definitions()) {
    for (const auto& ex : def.examples) {
      testing::TempDir dir;
      std::string code = ex.code;
      for (size_t pos; (pos = code.find("\\n")) != std::string::npos;) code.replace(pos, 2, "\n");
      const std::map<std::string, std::string> kFiles = {{"python", "example.py"},
                                                         {"js", "example.ts"},
                                                         {"jvm", "Example.java"},
                                                         {"dotnet", "Example.cs"},
                                                         {"go", "example.go"},
                                                         {"rust", "example.rs"},
                                                         {"ruby", "example.rb"}};
      std::string file = kFiles.at(family_of[def.id]);
      dir.Write(file, code + "\n");
      auto out = testing::RunCataloger(AgentCode, dir.path(), file);
      bool found = false;
      for (const auto& c : out.components)
        found = found || (c.kind == KindOf(def.kind) && c.name == ex.name);
      EXPECT_TRUE(found) << def.id << " misses " << ex.name << " in: " << ex.code;
    }
  }
}

TEST(AgentKnowledge, RiskyCapabilitiesHaveARiskRule) {
  // Shell, code and file-write tools are reported by a code-risks rule; keep the lists in step.
  auto risks = ParseYaml(*DataFile("rules/code-risks.yaml"), "rules/code-risks.yaml");
  ASSERT_TRUE(risks.ok());
  std::map<std::string, std::string> regex_of;
  for (const auto& r : (*risks)["rules"])
    regex_of[r["id"].as<std::string>()] = r["regex"].as<std::string>();
  re2::RE2 shell(regex_of.at("AISEC-CODE-AGENT-SHELL-TOOL"));
  re2::RE2 write(regex_of.at("AISEC-CODE-AGENT-FILE-WRITE-TOOL"));
  const std::set<std::string> known = {"shell",   "code",     "file-write",  "file-read",
                                       "network", "database", "computer-use"};
  for (const auto& c : Data()["capabilities"]) {
    std::string tool = c["tool"].as<std::string>(), cap = c["capability"].as<std::string>();
    EXPECT_TRUE(known.count(cap)) << tool << ": " << cap;
    EXPECT_EQ(AgentKnowledge::Get().CapabilityOf(tool), cap);
    if (cap == "file-write") {
      EXPECT_TRUE(re2::RE2::PartialMatch(tool + "()", write)) << tool;
    }
    if (cap == "shell" || cap == "code") {
      EXPECT_TRUE(re2::RE2::PartialMatch(tool, shell)) << tool;
    }
  }
  EXPECT_EQ(AgentKnowledge::Get().CapabilityOf("search"), "");
}

}  // namespace
}  // namespace aisec::catalog::code
