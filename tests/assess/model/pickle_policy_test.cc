#include "assess/model/pickle_policy.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <set>

#include "core/data.h"
#include "core/parse.h"

namespace aisec::assess::model {
namespace {

using Kind = GlobalVerdict::Kind;

const PicklePolicy& P() { return PicklePolicy::Default(); }

TEST(PicklePolicyData, LoadsAndIsConsistent) {
  auto text = DataFile("pickle/globals.yaml");
  ASSERT_TRUE(text.has_value());
  auto policy = PicklePolicy::Load(*text);
  ASSERT_TRUE(policy.ok()) << policy.error().message;
  EXPECT_GT(policy->deny().size(), 100u);
  EXPECT_GT(policy->allowed_names().size(), 100u);
  // No exact name is both allowed and denied.
  for (const auto& d : policy->deny()) {
    EXPECT_EQ(policy->allowed_names().count(d.match), 0u) << d.match;
    EXPECT_TRUE(policy->techniques().count(d.technique)) << d.match;
  }
}

TEST(PicklePolicyData, EveryEntryHasValidFields) {
  auto doc = ParseYaml(*DataFile("pickle/globals.yaml"), "globals.yaml");
  ASSERT_TRUE(doc.ok());
  std::set<std::string> seen;
  for (const auto& d : (*doc)["deny"]) {
    std::string match = d["match"].as<std::string>();
    EXPECT_TRUE(seen.insert(match).second) << "duplicate " << match;
    EXPECT_TRUE(ParseSeverity(d["severity"].as<std::string>()).has_value()) << match;
    EXPECT_EQ(match.find(' '), std::string::npos) << match;
  }
  EXPECT_FALSE((*doc)["version"].as<std::string>("").empty());
}

TEST(PicklePolicyData, RejectsBrokenFiles) {
  const char* kHeader =
      "version: 1\ntechniques: [unknown-global, dynamic-import, extension-registry, attribute-walk,"
      " monkey-patching, command-execution]\nlevels:\n  unknown: {severity: medium, technique: unknown-global}\n"
      "  unresolved: {severity: high, technique: dynamic-import}\n"
      "  extension: {severity: high, technique: extension-registry}\n"
      "  attribute_walk: {severity: high, technique: attribute-walk}\n"
      "  monkey_patch: {severity: high, technique: monkey-patching}\n";
  std::string ok = std::string(kHeader) + "deny:\n  - {match: os, severity: critical, technique: command-execution}\n";
  EXPECT_TRUE(PicklePolicy::Load(ok).ok());
  EXPECT_FALSE(PicklePolicy::Load(ok + "  - {match: os, severity: high, technique: command-execution}\n").ok());
  EXPECT_FALSE(PicklePolicy::Load(std::string(kHeader) + "deny:\n  - {match: os, severity: dire, technique: command-execution}\n").ok());
  EXPECT_FALSE(PicklePolicy::Load(std::string(kHeader) + "deny:\n  - {match: os, severity: high, technique: magic}\n").ok());
  EXPECT_FALSE(PicklePolicy::Load(std::string(kHeader) + "allow:\n  - {module: os, names: [system]}\n"
                                  "deny:\n  - {match: os.system, severity: high, technique: command-execution}\n").ok());
}

TEST(PicklePolicy, OrdinaryFrameworkGlobalsAreAllowed) {
  for (auto [m, n] : std::initializer_list<std::pair<const char*, const char*>>{
           {"torch._utils", "_rebuild_tensor_v2"}, {"collections", "OrderedDict"},
           {"torch", "FloatStorage"}, {"numpy.core.multiarray", "_reconstruct"},
           {"numpy", "dtype"}, {"torch.nn.modules.linear", "Linear"},
           {"sklearn.linear_model._logistic", "LogisticRegression"},
           {"joblib.numpy_pickle", "NumpyArrayWrapper"}, {"copy_reg", "_reconstructor"},
           {"xgboost.core", "Booster"}, {"lightgbm.basic", "Booster"}, {"builtins", "set"}}) {
    EXPECT_EQ(P().Classify(m, n).kind, Kind::kAllowed) << m << "." << n;
  }
}

TEST(PicklePolicy, DenyMatchesByModulePrefix) {
  auto v = P().Classify("asyncio.unix_events", "_UnixSubprocessTransport");
  EXPECT_EQ(v.kind, Kind::kDenied);
  EXPECT_EQ(v.matched, "asyncio");
  EXPECT_EQ(v.severity, Severity::kCritical);
  EXPECT_EQ(P().Classify("pip._internal.cli.main", "main").kind, Kind::kDenied);
  EXPECT_EQ(P().Classify("os", "system").severity, Severity::kCritical);
  // A dot boundary: "code" is denied, "codecs.encode" is not.
  EXPECT_EQ(P().Classify("codecs", "encode").kind, Kind::kAllowed);
  EXPECT_EQ(P().Classify("code", "InteractiveInterpreter").kind, Kind::kDenied);
}

TEST(PicklePolicy, LongestDenyEntryWins) {
  EXPECT_EQ(P().Classify("operator", "attrgetter").severity, Severity::kCritical);
  EXPECT_EQ(P().Classify("operator", "itemgetter").severity, Severity::kHigh);
}

TEST(PicklePolicy, IndirectionHelpersAndGadgets) {
  for (auto [m, n] : std::initializer_list<std::pair<const char*, const char*>>{
           {"builtins", "getattr"}, {"builtins", "eval"}, {"builtins", "__import__"},
           {"pkgutil", "resolve_name"}, {"importlib", "import_module"}, {"pydoc", "locate"},
           {"runpy", "run_path"}, {"timeit", "timeit"}, {"cProfile", "run"}, {"bdb", "Bdb"},
           {"pty", "spawn"}, {"_posixsubprocess", "fork_exec"}, {"ctypes", "CDLL"},
           {"marshal", "loads"}, {"types", "FunctionType"}, {"webbrowser", "open"},
           {"torch.hub", "load"}, {"torch", "load"}, {"pickle", "loads"}}) {
    auto v = P().Classify(m, n);
    EXPECT_EQ(v.kind, Kind::kDenied) << m << "." << n;
    EXPECT_GE(v.severity, Severity::kHigh) << m << "." << n;
  }
  EXPECT_EQ(P().Classify("urllib.request", "urlopen").kind, Kind::kDenied);
}

TEST(PicklePolicy, Python2NamesAreMapped) {
  auto v = P().Classify("__builtin__", "eval");
  EXPECT_EQ(v.kind, Kind::kDenied);
  EXPECT_EQ(v.qualified, "builtins.eval");
  EXPECT_EQ(P().Classify("commands", "getoutput").kind, Kind::kDenied);
  EXPECT_EQ(P().Classify("urllib", "urlopen").kind, Kind::kDenied);
}

TEST(PicklePolicy, DunderWalksAndReExports) {
  EXPECT_EQ(P().Classify("builtins", "object.__subclasses__").kind, Kind::kAttributeWalk);
  EXPECT_EQ(P().Classify("torch._utils", "_rebuild_tensor_v2.__globals__").kind, Kind::kAttributeWalk);
  // An allowed package module re-exporting os under its own name.
  EXPECT_EQ(P().Classify("torch.nn.modules.module", "os").kind, Kind::kDenied);
  EXPECT_EQ(P().Classify("some.module", "getattr").kind, Kind::kDenied);
  // Dotted names below an allowed package are not allowed wholesale.
  EXPECT_EQ(P().Classify("torch.nn.modules.module", "Module.register_forward_hook").kind, Kind::kUnknown);
  EXPECT_EQ(P().Classify("pathlib", "PosixPath").kind, Kind::kAllowed);
  EXPECT_EQ(P().Classify("pathlib", "Path.write_text").kind, Kind::kDenied);
}

TEST(PicklePolicy, UnknownGlobalsAreNeverSilentlySafe) {
  auto v = P().Classify("__main__", "MyModel");
  EXPECT_EQ(v.kind, Kind::kUnknown);
  EXPECT_EQ(v.severity, Severity::kMedium);
  EXPECT_EQ(P().Classify("collections", "OrderedDict.fromkeys").kind, Kind::kUnknown);
}

}  // namespace
}  // namespace aisec::assess::model
