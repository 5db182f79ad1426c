#include "assess/model/pickle_policy.h"

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <cstdlib>

#include "core/data.h"
#include "core/parse.h"
#include "core/strings.h"

namespace aisec::assess::model {
namespace {

constexpr std::string_view kFile = "pickle/globals.yaml";

std::string Str(const YAML::Node& n, const char* key) {
  const YAML::Node v = n[key];
  return v && v.IsScalar() ? v.as<std::string>() : std::string();
}

bool IsDunder(std::string_view part) {
  return part.size() > 4 && part.starts_with("__") && part.ends_with("__");
}

// Calls fn on s, then on each shorter prefix of s that ends before a dot, until fn returns true.
template <typename Fn>
bool AnyDotPrefix(std::string_view s, Fn fn) {
  for (;;) {
    if (fn(s)) return true;
    auto dot = s.rfind('.');
    if (dot == std::string_view::npos) return false;
    s = s.substr(0, dot);
  }
}

int Rank(const GlobalVerdict& v) {
  return v.kind == GlobalVerdict::Kind::kAllowed ? -1 : static_cast<int>(v.severity);
}

Result<PickleLevel> ReadLevel(const YAML::Node& levels, const char* key,
                              const std::set<std::string>& techniques) {
  const YAML::Node n = levels[key];
  if (!n) return Status::Parse(std::string(kFile) + ": levels." + key + " is missing");
  auto sev = ParseSeverity(Str(n, "severity"));
  PickleLevel level{sev.value_or(Severity::kInfo), Str(n, "technique")};
  if (!sev || !techniques.count(level.technique)) {
    return Status::Parse(std::string(kFile) + ": levels." + key + " needs a severity and a known technique");
  }
  return level;
}

}  // namespace

Result<PicklePolicy> PicklePolicy::Load(std::string_view yaml) {
  auto doc = ParseYaml(yaml, std::string(kFile));
  if (!doc.ok()) return doc.error();
  PicklePolicy p;
  auto fail = [](const std::string& what) { return Status::Parse(std::string(kFile) + ": " + what); };
  try {
    const YAML::Node& root = *doc;
    if (Str(root, "version").empty()) return fail("no version");
    for (const auto& t : root["techniques"]) {
      if (!p.techniques_.insert(t.as<std::string>()).second) return fail("duplicate technique " + t.as<std::string>());
    }
    const YAML::Node levels = root["levels"];
    auto unknown = ReadLevel(levels, "unknown", p.techniques_);
    auto unresolved = ReadLevel(levels, "unresolved", p.techniques_);
    auto extension = ReadLevel(levels, "extension", p.techniques_);
    auto walk = ReadLevel(levels, "attribute_walk", p.techniques_);
    auto patch = ReadLevel(levels, "monkey_patch", p.techniques_);
    for (const auto* r : {&unknown, &unresolved, &extension, &walk, &patch}) {
      if (!r->ok()) return r->error();
    }
    p.levels_ = {*unknown, *unresolved, *extension, *walk, *patch};
    const YAML::Node compat = root["compat"];
    for (const auto& kv : compat ? compat["modules"] : YAML::Node()) {
      p.compat_.modules.emplace(kv.first.as<std::string>(), kv.second.as<std::string>());
    }
    for (const auto& kv : compat ? compat["names"] : YAML::Node()) {
      p.compat_.names.emplace(kv.first.as<std::string>(), kv.second.as<std::string>());
    }
    for (const auto& a : root["allow"] ? root["allow"] : YAML::Node()) {
      std::string module = Str(a, "module");
      bool submodules = a["submodules"] && a["submodules"].as<bool>();
      if (module.empty()) return fail("allow entry without a module");
      for (const auto& n : a["names"]) {
        std::string name = n.as<std::string>();
        bool fresh = name == "*" ? (submodules ? p.allow_.package : p.allow_.module).insert(module).second
                                 : p.allow_.exact.insert(module + "." + name).second;
        if (!fresh) return fail("duplicate allow entry " + module + "." + name);
      }
    }
    for (const auto& d : root["deny"]) {
      DenyEntry e{Str(d, "match"), Severity::kInfo, Str(d, "technique")};
      auto sev = ParseSeverity(Str(d, "severity"));
      if (e.match.empty() || !sev) return fail("deny entry needs a match and a valid severity: " + e.match);
      if (!p.techniques_.count(e.technique)) return fail("unknown technique for " + e.match);
      e.severity = *sev;
      if (!p.deny_index_.emplace(e.match, p.deny_.size()).second) return fail("duplicate deny entry " + e.match);
      if (p.allow_.exact.count(e.match) || p.allow_.module.count(e.match) || p.allow_.package.count(e.match)) {
        return fail(e.match + " is both allowed and denied");
      }
      p.deny_.push_back(std::move(e));
    }
  } catch (const YAML::Exception& e) {
    return fail(e.what());
  }
  return p;
}

const PicklePolicy& PicklePolicy::Default() {
  static const PicklePolicy kPolicy = [] {
    auto text = DataFile(kFile);
    if (!text) {
      std::fprintf(stderr, "aisec: %s is missing from the data files\n", std::string(kFile).c_str());
      std::abort();
    }
    auto loaded = Load(*text);
    if (!loaded.ok()) {
      std::fprintf(stderr, "aisec: %s\n", loaded.error().message.c_str());
      std::abort();
    }
    return std::move(loaded).value();
  }();
  return kPolicy;
}

GlobalVerdict PicklePolicy::Classify(std::string_view module, std::string_view name) const {
  GlobalVerdict written = ClassifyOne(std::string(module), std::string(name));
  auto [m, n] = MapPython2(module, name);
  if (m == module && n == name) return written;
  // The written name matters only when it exists in Python 3 too (urllib, itertools): an
  // unknown written name is a Python 2 module that only the mapped name can reach.
  GlobalVerdict mapped = ClassifyOne(m, n);
  if (written.kind == GlobalVerdict::Kind::kUnknown) return mapped;
  return Rank(mapped) >= Rank(written) ? mapped : written;
}

std::pair<std::string, std::string> PicklePolicy::MapPython2(std::string_view module,
                                                             std::string_view name) const {
  std::string qualified = std::string(module) + "." + std::string(name);
  if (auto it = compat_.names.find(qualified); it != compat_.names.end()) {
    auto dot = it->second.rfind('.');
    return {it->second.substr(0, dot), it->second.substr(dot + 1)};
  }
  if (auto it = compat_.modules.find(module); it != compat_.modules.end()) {
    return {it->second, std::string(name)};
  }
  return {std::string(module), std::string(name)};
}

GlobalVerdict PicklePolicy::ClassifyOne(const std::string& module, const std::string& name) const {
  GlobalVerdict v;
  v.qualified = module + "." + name;
  if (allow_.exact.count(v.qualified)) {
    v.kind = GlobalVerdict::Kind::kAllowed;
    return v;
  }
  auto deny_verdict = [&](const DenyEntry& d) {
    v.kind = GlobalVerdict::Kind::kDenied;
    v.severity = d.severity;
    v.technique = d.technique;
    v.matched = d.match;
    return v;
  };
  if (const DenyEntry* d = LongestDeny(v.qualified)) return deny_verdict(*d);
  auto parts = Split(name, '.');
  for (std::string_view part : parts) {
    if (IsDunder(part)) {
      v.kind = GlobalVerdict::Kind::kAttributeWalk;
      v.severity = levels_.attribute_walk.severity;
      v.technique = levels_.attribute_walk.technique;
      return v;
    }
  }
  // A module that imported `os` (or a dangerous builtin) re-exports it under its own name.
  std::string first(parts.empty() ? std::string_view() : parts.front());
  if (auto it = deny_index_.find(first); it != deny_index_.end()) return deny_verdict(deny_[it->second]);
  if (auto it = deny_index_.find("builtins." + first); it != deny_index_.end()) {
    return deny_verdict(deny_[it->second]);
  }
  if (AllowedModuleWide(module, name)) {
    v.kind = GlobalVerdict::Kind::kAllowed;
    return v;
  }
  v.kind = GlobalVerdict::Kind::kUnknown;
  v.severity = levels_.unknown.severity;
  v.technique = levels_.unknown.technique;
  return v;
}

const DenyEntry* PicklePolicy::LongestDeny(const std::string& qualified) const {
  const DenyEntry* found = nullptr;
  AnyDotPrefix(qualified, [&](std::string_view prefix) {
    auto it = deny_index_.find(prefix);
    if (it != deny_index_.end()) found = &deny_[it->second];
    return found != nullptr;
  });
  return found;
}

bool PicklePolicy::AllowedModuleWide(const std::string& module, const std::string& name) const {
  if (name.empty() || name.find('.') != std::string::npos) return false;
  if (allow_.module.count(module)) return true;
  return AnyDotPrefix(module, [&](std::string_view prefix) {
    return allow_.package.count(std::string(prefix)) > 0;
  });
}

}  // namespace aisec::assess::model
