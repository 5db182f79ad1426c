// Declarations without an exact version take the version their lock file resolved.
#include <gtest/gtest.h>

#include "core/purl.h"
#include "scan/merge.h"

namespace aisec::scan {
namespace {

Component Npm(const std::string& name, const std::string& version, const std::string& spec,
              const std::string& file, EvidenceMethod method, Scope scope = Scope::kDirect) {
  Component c;
  c.name = name;
  c.version = version;
  c.version_spec = spec;
  c.ecosystem = "npm";
  c.purl = MakePurl("npm", name, version);
  c.scope = scope;
  c.evidence = {Evidence{Location{file, 3}, "", method}};
  return c;
}

Component Declared(const std::string& name, const std::string& spec, const std::string& file) {
  return Npm(name, "", spec, file, EvidenceMethod::kManifest);
}

Component Locked(const std::string& name, const std::string& version, const std::string& file,
                 Scope scope = Scope::kDirect) {
  return Npm(name, version, "", file, EvidenceMethod::kLockfile, scope);
}

Component Project(const std::string& name, const std::string& file) {
  Component c = Npm(name, "1.0.0", "", file, EvidenceMethod::kManifest);
  c.kind = ComponentKind::kApplication;
  return c;
}

TEST(ResolveDeclarationsWithLocks, TakesTheVersionOfTheNearestLockAbove) {
  std::vector<Component> cs = {Declared("openai", "^4.0.0", "apps/web/package.json"),
                               Locked("openai", "4.1.0", "package-lock.json"),
                               Locked("openai", "4.2.0", "apps/pnpm-lock.yaml"),
                               Locked("openai", "4.3.0", "apps/web2/pnpm-lock.yaml")};
  std::vector<Relation> rels;
  ResolveDeclarationsWithLocks(cs, rels);
  EXPECT_EQ(cs[0].version, "4.2.0");
  EXPECT_EQ(cs[0].purl, "pkg:npm/openai@4.2.0");
  EXPECT_EQ(cs[0].version_spec, "^4.0.0");
  EXPECT_EQ(cs[0].Key(), cs[2].Key());
}

TEST(ResolveDeclarationsWithLocks, LockInTheSameFolderAndAtTheRoot) {
  std::vector<Component> same = {Declared("ai", "^4.0.0", "web/package.json"),
                                 Locked("ai", "4.3.19", "web/yarn.lock")};
  std::vector<Component> root = {Declared("ai", "^4.0.0", "package.json"), Locked("ai", "4.3.19", "yarn.lock")};
  std::vector<Relation> rels;
  ResolveDeclarationsWithLocks(same, rels);
  ResolveDeclarationsWithLocks(root, rels);
  EXPECT_EQ(same[0].version, "4.3.19");
  EXPECT_EQ(root[0].version, "4.3.19");
}

TEST(ResolveDeclarationsWithLocks, KeepsOnlyVersionsTheRequirementAdmits) {
  std::vector<Component> cs = {Declared("openai", "^3.0.0", "package.json"),
                               Locked("openai", "4.2.0", "package-lock.json")};
  std::vector<Relation> rels;
  ResolveDeclarationsWithLocks(cs, rels);
  EXPECT_EQ(cs[0].version, "");
  EXPECT_EQ(cs[0].purl, "pkg:npm/openai");
}

TEST(ResolveDeclarationsWithLocks, SeveralLockedVersionsPreferTheDirectOne) {
  std::vector<Component> cs = {Declared("zod", "*", "package.json"),
                               Locked("zod", "3.25.76", "package-lock.json", Scope::kTransitive),
                               Locked("zod", "3.23.8", "package-lock.json")};
  std::vector<Relation> rels;
  ResolveDeclarationsWithLocks(cs, rels);
  EXPECT_EQ(cs[0].version, "3.23.8");

  std::vector<Component> ambiguous = {Declared("zod", "*", "package.json"),
                                      Locked("zod", "3.25.76", "package-lock.json", Scope::kTransitive),
                                      Locked("zod", "3.23.8", "package-lock.json", Scope::kTransitive)};
  ResolveDeclarationsWithLocks(ambiguous, rels);
  EXPECT_EQ(ambiguous[0].version, "");
}

TEST(ResolveDeclarationsWithLocks, OnlyManifestDeclarationsAndLockEntriesTakePart) {
  Component used = Declared("openai", "", "src/app.ts");
  used.evidence[0].method = EvidenceMethod::kImport;
  Component exact = Npm("openai", "4.0.0", "", "package.json", EvidenceMethod::kManifest);
  std::vector<Component> cs = {used, exact, Locked("openai", "4.2.0", "package-lock.json")};
  std::vector<Relation> rels;
  ResolveDeclarationsWithLocks(cs, rels);
  EXPECT_EQ(cs[0].version, "");
  EXPECT_EQ(cs[1].version, "4.0.0");
}

TEST(ResolveDeclarationsWithLocks, RelationsOfTheManifestsProjectFollow) {
  std::vector<Component> cs = {Project("web", "web/package.json"), Declared("ai", "^4.0.0", "web/package.json"),
                               Project("cli", "cli/package.json"), Declared("ai", "^4.0.0", "cli/package.json"),
                               Locked("ai", "4.3.19", "web/yarn.lock")};
  std::vector<Relation> rels = {Relation{cs[0].Key(), "pkg:npm/ai"}, Relation{cs[2].Key(), "pkg:npm/ai"}};
  ResolveDeclarationsWithLocks(cs, rels);
  EXPECT_EQ(rels[0].to, "pkg:npm/ai@4.3.19");
  EXPECT_EQ(cs[3].version, "");  // cli/ has no lock, and web/ is not above it
  EXPECT_EQ(rels[1].to, "pkg:npm/ai");
}

}  // namespace
}  // namespace aisec::scan
