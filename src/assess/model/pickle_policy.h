#pragma once
// The decisions about pickle globals (data/pickle/globals.yaml): which imports are ordinary,
// which are dangerous and how much, and the levels of what cannot be known. Loaded once;
// read-only and thread-safe.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/severity.h"

namespace aisec::assess::model {

struct PickleLevel {
  Severity severity = Severity::kMedium;
  std::string technique;
};

// The levels of what the allow and deny lists cannot decide.
struct PickleLevels {
  PickleLevel unknown;         // a global on neither list
  PickleLevel unresolved;      // STACK_GLOBAL on computed operands
  PickleLevel extension;       // EXT1/2/4
  PickleLevel attribute_walk;  // dotted name through dunder attributes
  PickleLevel monkey_patch;    // BUILD on an imported object
};

struct DenyEntry {
  std::string match;  // "os", "builtins.eval"
  Severity severity = Severity::kHigh;
  std::string technique;
};

struct GlobalVerdict {
  enum class Kind { kAllowed, kDenied, kUnknown, kAttributeWalk };
  Kind kind = Kind::kUnknown;
  Severity severity = Severity::kInfo;
  std::string technique;
  std::string qualified;  // "module.name" after Python 2 name mapping
  std::string matched;    // the deny entry, when denied
};

class PicklePolicy {
 public:
  // Parses and checks the file: version, known severities and techniques, no duplicate or
  // contradictory entries (a name both allowed exactly and denied exactly).
  static Result<PicklePolicy> Load(std::string_view yaml);
  // The shipped file; aborts with a clear message if it is broken (its test prevents that).
  static const PicklePolicy& Default();

  GlobalVerdict Classify(std::string_view module, std::string_view name) const;

  const PickleLevels& levels() const { return levels_; }
  const std::vector<DenyEntry>& deny() const { return deny_; }
  const std::set<std::string>& allowed_names() const { return allow_.exact; }
  const std::set<std::string>& techniques() const { return techniques_; }

 private:
  GlobalVerdict ClassifyOne(const std::string& module, const std::string& name) const;
  std::pair<std::string, std::string> MapPython2(std::string_view module, std::string_view name) const;
  const DenyEntry* LongestDeny(const std::string& qualified) const;
  bool AllowedModuleWide(const std::string& module, const std::string& name) const;

  struct AllowList {
    std::set<std::string> exact;    // "module.name"
    std::set<std::string> module;   // every undotted name of the module
    std::set<std::string> package;  // every undotted name of the module and its submodules
  };
  struct Compat {
    std::map<std::string, std::string, std::less<>> modules;
    std::map<std::string, std::string, std::less<>> names;  // "module.name" -> "module.name"
  };

  std::set<std::string> techniques_;
  PickleLevels levels_;
  Compat compat_;
  AllowList allow_;
  std::vector<DenyEntry> deny_;
  std::map<std::string, size_t, std::less<>> deny_index_;
};

}  // namespace aisec::assess::model
