// Shadow AI: AI in use that nobody declared (a package imported but in no manifest) or that the
// organisation has not approved (--approved).
#include "assess/approved_list.h"
#include "assess/assessor.h"

namespace aisec::assess {
namespace {

Evidence FirstEvidence(const Component& c) {
  return c.evidence.empty() ? Evidence{} : c.evidence.front();
}

Finding Base(const Component& c, std::string rule, std::string title, Severity sev) {
  Finding f;
  f.rule_id = std::move(rule);
  f.title = std::move(title);
  f.severity = sev;
  f.confidence = c.confidence;
  f.component_ref = c.Key();
  f.evidence = c.evidence;
  if (f.evidence.size() > 10) f.evidence.resize(10);
  f.frameworks["owasp_llm_2025"] = {"LLM03"};
  f.frameworks["nist_ai_rmf"] = {"GOVERN 1.6", "MAP 4.1"};
  f.fingerprint = Finding::Fingerprint(f.rule_id, f.component_ref, FirstEvidence(c).location.path, "");
  return f;
}

}  // namespace

Status ShadowAi(Context& ctx) {
  ApprovedList approved;
  bool have_list = !ctx.options.approved_path.empty();
  if (have_list) {
    auto loaded = ApprovedList::Load(ctx.options.approved_path);
    if (!loaded.ok()) return Status(loaded.error());
    approved = std::move(loaded).value();
  }
  for (const auto& c : ctx.result.components) {
    if (!c.ai) continue;
    if (c.kind == ComponentKind::kLibrary && c.scope == Scope::kUsed) {
      Finding f = Base(c, "AISEC-SHADOW-UNDECLARED", "AI package " + c.name + " is used but not declared",
                       Severity::kMedium);
      f.description = "Code uses " + c.ecosystem + " package " + c.name +
                      " but no manifest or lock file of the repository declares it, so its version is "
                      "not pinned, reviewed or visible to dependency tooling.";
      f.remediation = "Declare the package with a pinned version in the project's manifest.";
      ctx.result.findings.push_back(std::move(f));
    }
    if (!have_list) continue;
    // Agents, their tools and prompts are the application's own code: there is no provider or
    // package to approve (MCP servers, which run someone else's code, are approved by provider).
    if (c.kind == ComponentKind::kAgent || c.kind == ComponentKind::kPrompt ||
        (c.kind == ComponentKind::kTool && c.ai->category == "agent-tool")) {
      continue;
    }
    if (!approved.Approves(c).empty()) continue;
    std::string what = c.kind == ComponentKind::kLibrary ? "package"
                       : c.kind == ComponentKind::kModel ? "model"
                       : c.kind == ComponentKind::kData  ? "dataset"
                                                         : std::string(ComponentKindName(c.kind));
    Finding f = Base(c, "AISEC-SHADOW-UNAPPROVED", "Unapproved AI " + what + ": " + c.name, Severity::kMedium);
    f.description = "The " + what + " " + c.name +
                    (c.ai->provider.empty() ? "" : " (" + c.ai->provider + ")") +
                    " is in use but not on the approved AI list.";
    f.remediation = "Get it approved and add it to the approved list, or replace it with an approved one.";
    f.properties["aisec:approved-list"] = ctx.options.approved_path;
    ctx.result.findings.push_back(std::move(f));
  }
  return Status::Ok();
}

}  // namespace aisec::assess
