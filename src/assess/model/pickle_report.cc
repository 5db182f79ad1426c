#include "assess/model/pickle_report.h"

#include <fmt/format.h>

#include "assess/model/findings.h"
#include "assess/model/pickle_policy.h"

namespace aisec::assess::model {
namespace {

using formats::pickle::Analysis;
using formats::pickle::Call;
using formats::pickle::CallOp;
using formats::pickle::Import;
using formats::pickle::ImportOp;

std::string_view ImportOpName(ImportOp op) {
  switch (op) {
    case ImportOp::kGlobal: return "GLOBAL";
    case ImportOp::kStackGlobal: return "STACK_GLOBAL";
    case ImportOp::kInst: return "INST";
    case ImportOp::kExt: return "EXT";
  }
  return "?";
}

std::string_view CallOpName(CallOp op) {
  switch (op) {
    case CallOp::kReduce: return "REDUCE";
    case CallOp::kInst: return "INST";
    case CallOp::kObj: return "OBJ";
    case CallOp::kNewObj: return "NEWOBJ";
    case CallOp::kNewObjEx: return "NEWOBJ_EX";
    case CallOp::kBuild: return "BUILD";
  }
  return "?";
}

const Call* FirstCallOf(const Analysis& a, size_t import_index) {
  const Call* first = nullptr;
  for (const auto& c : a.calls) {
    if (c.import_index != static_cast<int64_t>(import_index) || c.op == CallOp::kBuild) continue;
    if (first == nullptr || c.offset < first->offset) first = &c;
  }
  return first;
}

// Rule, severity and technique of one import, or nullptr when it is allowed.
const char* Judge(const Import& imp, FindingDetail& d) {
  const PicklePolicy& policy = PicklePolicy::Default();
  const PickleLevel* level = nullptr;
  const char* rule = nullptr;
  if (!imp.resolved && imp.op == ImportOp::kExt) {
    rule = "AISEC-MODEL-PICKLE-EXTENSION";
    level = &policy.levels().extension;
    d.callable = fmt::format("<extension code {}>", imp.ext_code);
  } else if (!imp.resolved) {
    rule = "AISEC-MODEL-PICKLE-DYNAMIC-IMPORT";
    level = &policy.levels().unresolved;
    d.callable = "<import of " + imp.operands + ">";
  } else {
    GlobalVerdict v = policy.Classify(imp.module, imp.name);
    if (v.kind == GlobalVerdict::Kind::kAllowed) return nullptr;
    rule = v.kind == GlobalVerdict::Kind::kDenied        ? "AISEC-MODEL-PICKLE-IMPORT"
           : v.kind == GlobalVerdict::Kind::kAttributeWalk ? "AISEC-MODEL-PICKLE-ATTRIBUTE-WALK"
                                                           : "AISEC-MODEL-PICKLE-UNKNOWN-IMPORT";
    d.callable = imp.module + "." + imp.name;
    if (v.qualified != d.callable) d.properties["aisec:resolved-as"] = v.qualified;
    if (!v.matched.empty()) d.properties["aisec:deny-entry"] = v.matched;
    d.severity = v.severity;
    d.technique = v.technique;
  }
  if (level != nullptr) {
    d.severity = level->severity;
    d.technique = level->technique;
  }
  return rule;
}

void ReportImport(const Analysis& a, size_t index, const PickleSource& src, ModelReport& report) {
  const Import& imp = a.imports[index];
  FindingDetail d{.offset = imp.offset, .member = src.member, .method = EvidenceMethod::kImport};
  const char* rule = Judge(imp, d);
  if (rule == nullptr) return;
  d.detail = d.callable;
  d.snippet = fmt::format("{} {} at offset {}", ImportOpName(imp.op), d.callable, imp.offset);
  if (imp.count > 1) d.properties["aisec:count"] = std::to_string(imp.count);
  if (a.pickles > 1 || imp.pickle > 0) d.properties["aisec:pickle"] = std::to_string(imp.pickle);
  if (const Call* c = FirstCallOf(a, index)) {
    d.snippet += fmt::format("; called by {} at offset {}: {}{}", CallOpName(c->op), c->offset,
                             d.callable, c->args);
    d.properties["aisec:call-offset"] = std::to_string(c->offset);
    d.properties["aisec:call-args"] = c->args;
    d.method = EvidenceMethod::kCall;
  }
  AddFinding(report, rule, std::move(d));
}

void ReportCalls(const Analysis& a, const PickleSource& src, ModelReport& report) {
  for (const auto& c : a.calls) {
    if (c.indirect && c.op != CallOp::kBuild) {
      AddFinding(report, "AISEC-MODEL-PICKLE-INDIRECT-CALL",
                 {.detail = c.callable,
                  .technique = "indirection",
                  .callable = c.callable,
                  .offset = c.offset,
                  .member = src.member,
                  .snippet = fmt::format("{} at offset {}: {}{}", CallOpName(c.op), c.offset,
                                         c.callable, c.args),
                  .method = EvidenceMethod::kCall});
    } else if (c.op == CallOp::kBuild && c.import_index >= 0) {
      const PickleLevel& level = PicklePolicy::Default().levels().monkey_patch;
      AddFinding(report, "AISEC-MODEL-PICKLE-MONKEY-PATCH",
                 {.detail = c.callable,
                  .severity = level.severity,
                  .technique = level.technique,
                  .callable = c.callable,
                  .offset = c.offset,
                  .member = src.member,
                  .snippet = fmt::format("BUILD at offset {}: {}{}", c.offset, c.callable, c.args),
                  .method = EvidenceMethod::kCall});
    }
  }
}

void ReportStream(const Analysis& a, const PickleSource& src, ModelReport& report) {
  for (const auto& limit : a.limits_hit) {
    std::string where = src.member.empty() ? "" : src.member + ": ";
    report.warnings.push_back(Warning{Location{report.path}, where + "pickle analysis is approximate (" + limit + ")",
                                      "model/pickle"});
  }
  if (!a.error) return;
  FindingDetail d{.detail = a.error_message, .offset = a.error_offset, .member = src.member};
  d.snippet = fmt::format("at offset {} (pickle {}): {}", a.error_offset, a.error_pickle, a.error_message);
  if (a.limit_stop) {
    AddFinding(report, "AISEC-MODEL-PICKLE-LIMIT", std::move(d));
    return;
  }
  // A later "pickle" that breaks before importing or calling anything is trailing bytes that
  // happen to start with an opcode byte.
  bool quiet_tail = a.error_pickle > 0;
  for (const auto& imp : a.imports) quiet_tail = quiet_tail && imp.pickle != a.error_pickle;
  for (const auto& c : a.calls) quiet_tail = quiet_tail && c.pickle != a.error_pickle;
  if (quiet_tail) d.severity = Severity::kLow;
  AddFinding(report, src.malformed_rule, std::move(d));
}

}  // namespace

void ReportPickle(const Analysis& analysis, const PickleSource& source, ModelReport& report) {
  for (size_t i = 0; i < analysis.imports.size(); ++i) ReportImport(analysis, i, source, report);
  ReportCalls(analysis, source, report);
  ReportStream(analysis, source, report);
}

Analysis ScanPickle(source::InputStream& in, const PickleSource& source, ModelReport& report,
                    const formats::pickle::Options& limits) {
  Analysis a = formats::pickle::Analyze(in, limits);
  ReportPickle(a, source, report);
  return a;
}

}  // namespace aisec::assess::model
