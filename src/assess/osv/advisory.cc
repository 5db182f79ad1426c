// OSV records: JSON/YAML documents to Advisory, and the compact encoding of affected entries.
#include "assess/osv/advisory.h"

#include <yaml-cpp/yaml.h>

#include <optional>

#include <nlohmann/json.hpp>

#include "core/parse.h"
#include "core/strings.h"

namespace aisec::assess::osv {
namespace {

using nlohmann::json;

Error Bad(const std::string& what) { return Error{ErrorCode::kParse, what, {}}; }

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  const auto& s = it->get_ref<const std::string&>();
  return s.size() > kMaxFieldBytes ? s.substr(0, kMaxFieldBytes) : s;
}

const json* Array(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? &*it : nullptr;
}

void ReadSeverity(const json& j, std::vector<SeverityScore>& out) {
  if (const json* sev = Array(j, "severity")) {
    for (const auto& s : *sev) {
      if (s.is_object()) out.push_back({Str(s, "type"), Str(s, "score")});
    }
  }
}

RangeType ParseRangeType(const std::string& t) {
  if (t == "SEMVER") return RangeType::kSemver;
  if (t == "ECOSYSTEM") return RangeType::kEcosystem;
  if (t == "GIT") return RangeType::kGit;
  return RangeType::kOther;
}

Result<Range> ReadRange(const json& r) {
  if (!r.is_object()) return Bad("range is not an object");
  Range range{ParseRangeType(Str(r, "type")), Str(r, "repo"), {}};
  const json* events = Array(r, "events");
  if (!events) return Bad("range without events");
  if (events->size() > kMaxEvents) return Error{ErrorCode::kLimit, "too many range events", {}};
  static constexpr std::pair<const char*, EventKind> kKinds[] = {
      {"introduced", EventKind::kIntroduced}, {"fixed", EventKind::kFixed},
      {"last_affected", EventKind::kLastAffected}, {"limit", EventKind::kLimit}};
  for (const auto& e : *events) {
    if (!e.is_object()) return Bad("range event is not an object");
    bool found = false;
    for (const auto& [key, kind] : kKinds) {
      std::string v = Str(e, key);
      if (v.empty()) continue;
      range.events.push_back({kind, std::move(v)});
      found = true;
      break;
    }
    if (!found) return Bad("range event without a version");
  }
  return range;
}

Result<Affected> ReadAffected(const json& a) {
  if (!a.is_object()) return Bad("affected entry is not an object");
  auto pkg = a.find("package");
  if (pkg == a.end() || !pkg->is_object()) return Bad("affected entry without a package");
  Affected out{Str(*pkg, "ecosystem"), Str(*pkg, "name"), {}, {}};
  if (out.ecosystem.empty() || out.name.empty()) return Bad("package without ecosystem or name");
  if (const json* ranges = Array(a, "ranges")) {
    for (const auto& r : *ranges) {
      auto range = ReadRange(r);
      if (!range.ok()) return range.error();
      out.ranges.push_back(std::move(*range));
    }
  }
  if (const json* versions = Array(a, "versions")) {
    if (versions->size() > kMaxVersions) return Error{ErrorCode::kLimit, "too many versions", {}};
    for (const auto& v : *versions) {
      if (v.is_string()) out.versions.push_back(v.get<std::string>());
    }
  }
  return out;
}

// YAML records (the PyPA database's own format) become the same JSON tree; every scalar is a
// string, which is what OSV fields are. Aliases are expanded, so a few lines of nested aliases
// could stand for billions of nodes: at most `budget` nodes are made.
struct YamlToJson {
  size_t budget;

  std::optional<json> Convert(const YAML::Node& n, int depth) {
    if (budget == 0) return std::nullopt;
    --budget;
    if (depth > kMaxNesting) return nullptr;
    switch (n.Type()) {
      case YAML::NodeType::Scalar: return n.Scalar();
      case YAML::NodeType::Sequence: {
        json arr = json::array();
        for (const auto& item : n) {
          auto v = Convert(item, depth + 1);
          if (!v) return std::nullopt;
          arr.push_back(std::move(*v));
        }
        return arr;
      }
      case YAML::NodeType::Map: {
        json obj = json::object();
        for (const auto& kv : n) {
          auto v = Convert(kv.second, depth + 1);
          if (!v) return std::nullopt;
          obj[kv.first.Scalar()] = std::move(*v);
        }
        return obj;
      }
      default: return nullptr;
    }
  }
};

}  // namespace

Result<Advisory> ParseAdvisory(const json& j) {
  if (!j.is_object()) return Bad("OSV record is not an object");
  try {
    Advisory adv;
    adv.id = Str(j, "id");
    adv.modified = Str(j, "modified");
    if (adv.id.empty()) return Bad("OSV record without an id");
    if (adv.modified.empty()) return Bad(adv.id + ": no 'modified' time");
    adv.published = Str(j, "published");
    adv.withdrawn = Str(j, "withdrawn");
    adv.summary = Str(j, "summary");
    adv.details = Str(j, "details");
    if (const json* aliases = Array(j, "aliases")) {
      for (const auto& a : *aliases) {
        if (a.is_string()) adv.aliases.push_back(a.get<std::string>());
      }
    }
    ReadSeverity(j, adv.severity);
    if (const json* affected = Array(j, "affected")) {
      if (affected->size() > kMaxAffected) return Error{ErrorCode::kLimit, "too many affected", {}};
      for (const auto& a : *affected) {
        auto entry = ReadAffected(a);
        if (!entry.ok()) return Bad(adv.id + ": " + entry.error().message);
        ReadSeverity(a, adv.severity);
        adv.affected.push_back(std::move(*entry));
      }
    }
    if (const json* refs = Array(j, "references")) {
      for (const auto& r : *refs) {
        if (r.is_object()) adv.references.push_back({Str(r, "type"), Str(r, "url")});
      }
    }
    if (auto db = j.find("database_specific"); db != j.end() && db->is_object()) {
      adv.database_severity = Str(*db, "severity");
    }
    return adv;
  } catch (const std::exception& e) {
    return Bad(std::string("OSV record: ") + e.what());
  }
}

Result<std::vector<json>> ParseOsvDocument(std::string_view text, const std::string& path) {
  std::string_view t = TrimLeft(text);
  std::vector<json> out;
  if (!t.empty() && (t.front() == '{' || t.front() == '[')) {
    auto doc = ParseJson(text, path);
    if (!doc.ok()) return doc.error();
    if (doc->is_array()) {
      for (auto& r : *doc) out.push_back(std::move(r));
    } else {
      out.push_back(std::move(*doc));
    }
    return out;
  }
  auto doc = ParseYaml(text, path);
  if (!doc.ok()) return doc.error();
  try {
    // Without aliases every YAML node takes at least one byte of text.
    YamlToJson convert{text.size() + 16};
    auto record = convert.Convert(*doc, 0);
    if (!record) {
      return Error{ErrorCode::kLimit, "YAML aliases expand to more nodes than the document holds",
                   Location{path}};
    }
    out.push_back(std::move(*record));
  } catch (const std::exception& e) {
    return Error{ErrorCode::kParse, std::string("invalid YAML: ") + e.what(), Location{path}};
  }
  return out;
}

// One line per item: "R <type> <repo>", then "I|F|L|X <version>" for its events; "V <version>"
// for the versions list. Versions never hold a line break (the encoder drops those that do: the
// decoder would read "1.0\r" as "1.0").
std::string EncodeAffected(const Affected& a) {
  static constexpr char kEventTag[] = {'I', 'F', 'L', 'X'};
  static constexpr const char* kType[] = {"SEMVER", "ECOSYSTEM", "GIT", "OTHER"};
  std::string out;
  auto clean = [](const std::string& s) { return s.find_first_of("\r\n") == std::string::npos; };
  for (const Range& r : a.ranges) {
    out += "R ";
    out += kType[static_cast<int>(r.type)];
    if (!r.repo.empty() && clean(r.repo)) out += " " + r.repo;
    out += '\n';
    for (const Event& e : r.events) {
      if (!clean(e.version)) continue;
      out += kEventTag[static_cast<int>(e.kind)];
      out += ' ' + e.version + '\n';
    }
  }
  for (const auto& v : a.versions) {
    if (clean(v)) out += "V " + v + '\n';
  }
  return out;
}

Result<Affected> DecodeAffected(std::string_view encoded) {
  Affected a;
  for (std::string_view line : SplitLines(encoded)) {
    if (line.size() < 2 || line[1] != ' ') return Bad("corrupt affected entry");
    std::string_view rest = line.substr(2);
    switch (line[0]) {
      case 'R': {
        size_t sp = rest.find(' ');
        Range r{ParseRangeType(std::string(rest.substr(0, sp))), {}, {}};
        if (sp != std::string_view::npos) r.repo = std::string(rest.substr(sp + 1));
        a.ranges.push_back(std::move(r));
        break;
      }
      case 'V': a.versions.emplace_back(rest); break;
      case 'I': case 'F': case 'L': case 'X': {
        if (a.ranges.empty()) return Bad("corrupt affected entry");
        EventKind k = line[0] == 'I'   ? EventKind::kIntroduced
                      : line[0] == 'F' ? EventKind::kFixed
                      : line[0] == 'L' ? EventKind::kLastAffected
                                       : EventKind::kLimit;
        a.ranges.back().events.push_back({k, std::string(rest)});
        break;
      }
      default: return Bad("corrupt affected entry");
    }
  }
  return a;
}

}  // namespace aisec::assess::osv
