// ONNX (issue "Model file security", item 5): external-data locations that make a loader read
// files outside the model folder (CVE-2022-25882 class: "../", absolute paths, symlinks), custom
// operator domains that need native libraries, and malformed protobuf.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <set>

#include "assess/model/model_finding.h"
#include "assess/model/checks.h"
#include "assess/model/findings.h"
#include "core/strings.h"
#include "formats/git_lfs.h"
#include "formats/onnx/domains.h"
#include "formats/onnx/onnx.h"

namespace aisec::assess::model {
namespace {

using formats::onnx::ExternalData;

constexpr std::string_view kExternalFix =
    "Do not load this model: external data must be a relative path inside the model folder. "
    "Re-export it with onnx.save_model(..., save_as_external_data=True) from a trusted copy.";

const Rule kTraversal{.id = "AISEC-MODEL-ONNX-EXTERNAL-DATA-TRAVERSAL",
                      .title = "ONNX external data points outside the model folder",
                      .severity = Severity::kCritical,
                      .technique = "path-traversal",
                      .remediation = kExternalFix,
                      .cwe = "CWE-22"};
const Rule kUrl{.id = "AISEC-MODEL-ONNX-EXTERNAL-DATA-URL",
                .title = "ONNX external data location is a URL",
                .technique = "path-traversal",
                .remediation = kExternalFix,
                .cwe = "CWE-22"};
const Rule kBackslash{.id = "AISEC-MODEL-ONNX-EXTERNAL-DATA-BACKSLASH",
                      .title = "ONNX external data location uses backslashes",
                      .severity = Severity::kMedium,
                      .technique = "path-traversal",
                      .remediation = kExternalFix,
                      .cwe = "CWE-22"};
const Rule kBadExternal{.id = "AISEC-MODEL-ONNX-EXTERNAL-DATA-MALFORMED",
                        .title = "ONNX external data entry is malformed",
                        .technique = "header-tampering",
                        .remediation = kExternalFix,
                        .cwe = "CWE-20"};
const Rule kOutOfBounds{.id = "AISEC-MODEL-ONNX-EXTERNAL-DATA-OUT-OF-BOUNDS",
                        .title = "ONNX external data range runs past the data file",
                        .technique = "header-tampering",
                        .remediation = kExternalFix,
                        .cwe = "CWE-125"};
const Rule kMissing{.id = "AISEC-MODEL-ONNX-EXTERNAL-DATA-MISSING",
                    .title = "ONNX external data file is missing",
                    .severity = Severity::kLow,
                    .technique = "incomplete-model",
                    .remediation = "Ship the external data file beside the model.",
                    .cwe = "CWE-20"};
const Rule kCustomDomain{.id = "AISEC-MODEL-ONNX-CUSTOM-DOMAIN",
                         .title = "ONNX model uses a custom operator domain",
                         .severity = Severity::kMedium,
                         .technique = "custom-operator",
                         .remediation = "The model runs only with a custom-operator library, which "
                                        "is native code: review where that library comes from "
                                        "before registering it.",
                         .cwe = "CWE-829"};
const Rule kExtensionDomain{.id = "AISEC-MODEL-ONNX-EXTENSION-DOMAIN",
                            .title = "ONNX model needs an operator extension library",
                            .severity = Severity::kLow,
                            .technique = "custom-operator",
                            .remediation = "Install the extension library from its official "
                                           "release only.",
                            .cwe = "CWE-829"};
const IssueRule kRules[] = {
    {"too-deep",
     {.id = "AISEC-MODEL-ONNX-ABSURD-NESTING",
      .title = "ONNX subgraphs or messages nested absurdly deep",
      .technique = "resource-exhaustion",
      .remediation = "Do not load this model; obtain it again from a trusted source.",
      .cwe = "CWE-674"}},
    {"*", MalformedRule("AISEC-MODEL-ONNX-MALFORMED", "Malformed ONNX protobuf")},
};

bool ParseNumber(const std::string& s, uint64_t* v) {
  if (s.empty()) return true;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

// The rule a location breaks on its own text, or null when it is a plain relative path.
const Rule* LocationRule(const std::string& loc, std::string* why) {
  if (loc.empty()) return *why = "empty location", &kBadExternal;
  if (loc.find('\0') != std::string::npos) return *why = "NUL byte in location", &kBadExternal;
  if (loc.find("://") != std::string::npos) return *why = "URL location", &kUrl;
  bool drive = loc.size() >= 2 && loc[1] == ':' && std::isalpha(static_cast<unsigned char>(loc[0]));
  if (loc[0] == '/' || loc[0] == '\\' || drive || loc[0] == '~') {
    return *why = "absolute path", &kTraversal;
  }
  std::string slashed = loc;
  std::replace(slashed.begin(), slashed.end(), '\\', '/');
  for (std::string_view part : Split(slashed, '/')) {
    if (part == "..") return *why = "parent-directory traversal", &kTraversal;
  }
  if (loc.find('\\') != std::string::npos) return *why = "backslash separators", &kBackslash;
  return nullptr;
}

// Checks one distinct location: its text, where it resolves to, and the ranges read from it.
void CheckLocation(const ModelFile& file, ModelReport& report, const std::string& loc,
                   const std::vector<const ExternalData*>& uses) {
  const ExternalData& first = *uses.front();
  auto hit = [&](const Rule& rule, const std::string& why) {
    AddFinding(file, report, rule,
               Hit{.description = "external data of " + std::to_string(uses.size()) +
                                  " tensor(s), first '" + Snippet(first.tensor, 60) + "': " + why,
                   .offset = first.file_offset,
                   .discriminator = loc,
                   .snippet = "location: " + Snippet(loc, 160)});
  };
  std::string why;
  if (const Rule* rule = LocationRule(loc, &why)) return hit(*rule, why);
  Beside beside = ResolveBeside(file, loc);
  if (!beside.inside) {
    return hit(kTraversal, "resolves (through a symbolic link) to " + Snippet(beside.file.abs_path.string(), 120));
  }
  auto size = file.reader.Size(beside.file);
  if (!size.ok()) return hit(kMissing, "no such file beside the model");
  for (const ExternalData* e : uses) {
    uint64_t offset = 0, length = 0, end;
    if (!ParseNumber(e->offset, &offset) || !ParseNumber(e->length, &length)) {
      return hit(kBadExternal, "offset or length is not a number");
    }
    if (__builtin_add_overflow(offset, length, &end) || end > *size) {
      return hit(kOutOfBounds, "range " + std::to_string(offset) + "+" + std::to_string(length) +
                                   " past the " + std::to_string(*size) + "-byte file");
    }
  }
}

void CheckExternalData(const ModelFile& file, ModelReport& report, const formats::onnx::Model& m) {
  std::map<std::string, std::vector<const ExternalData*>> by_location;
  for (const auto& e : m.external_data) {
    if (!e.has_location) {
      AddFinding(file, report, kBadExternal,
                 Hit{.description = "tensor '" + Snippet(e.tensor, 60) +
                                    "' is stored externally but names no location",
                     .offset = e.file_offset,
                     .discriminator = "no-location:" + e.tensor});
      continue;
    }
    by_location[e.location].push_back(&e);
  }
  for (const auto& [loc, uses] : by_location) CheckLocation(file, report, loc, uses);
}

void CheckDomains(const ModelFile& file, ModelReport& report, const formats::onnx::Model& m) {
  using formats::onnx::DomainKind;
  const auto& domains = formats::onnx::Domains::Default();
  std::vector<std::string> custom;
  for (const auto& [domain, ops] : m.ops) {
    DomainKind kind = domains.Kind(domain);
    if (kind == DomainKind::kStandard || kind == DomainKind::kRuntime) continue;
    if (kind == DomainKind::kCustom && m.function_domains.count(domain)) continue;  // defined here
    std::vector<std::string> names;
    for (const auto& [op, n] : ops) names.push_back(op);
    custom.push_back(domain);
    AddFinding(file, report, kind == DomainKind::kCustom ? kCustomDomain : kExtensionDomain,
               Hit{.description = "operators " + Snippet(Join(names, ", "), 120) +
                                  " of domain '" + Snippet(domain, 80) + "'",
                   .discriminator = domain,
                   .snippet = "domain: " + Snippet(domain, 80)});
  }
  if (!custom.empty()) report.metadata["custom_domains"] = Join(custom, ",");
}

void FillMetadata(const formats::onnx::Model& m, ModelReport& report) {
  report.metadata["ir_version"] = std::to_string(m.ir_version);
  std::vector<std::string> opsets;
  for (const auto& o : m.opsets) {
    opsets.push_back((o.domain.empty() ? "ai.onnx" : o.domain) + ":" + std::to_string(o.version));
  }
  report.metadata["opsets"] = Join(opsets, ",");
  if (!m.producer_name.empty()) {
    report.metadata["producer"] = Snippet(m.producer_name + " " + m.producer_version, 80);
  }
  report.metadata["nodes"] = std::to_string(m.nodes);
  report.metadata["initializers"] = std::to_string(m.initializers);
  if (!m.parameters_overflow) report.metadata["parameters"] = std::to_string(m.parameters);
  report.metadata["external_data_tensors"] = std::to_string(m.external_data.size());
}

}  // namespace

bool ClaimsOnnx(std::string_view head, std::string_view basename) {
  return basename.ends_with(".onnx") && !formats::LooksLikeLfsPointer(head);
}

void RunOnnx(ModelFile& file, ModelReport& report) {
  report.format = "onnx";
  formats::FileSource src(file.reader, file.file, file.size);
  const auto m = formats::onnx::Parse(src);
  for (const auto& issue : m.issues) AddIssueFinding(file, report, kRules, issue);
  // What was read before a wire-format error is still checked.
  CheckExternalData(file, report, m);
  CheckDomains(file, report, m);
  if (m.complete) FillMetadata(m, report);
}

}  // namespace aisec::assess::model
