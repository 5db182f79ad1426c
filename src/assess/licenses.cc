// Licences of packages and models: normalised to SPDX, classified, and reported where the class
// carries obligations or limits (copyleft, non-commercial, use restrictions, unknown).
#include "assess/assessor.h"
#include "assess/license/classifier.h"
#include "core/strings.h"

namespace aisec::assess {

Status Licenses(Context& ctx) {
  for (auto& c : ctx.result.components) {
    if (c.licenses.empty()) continue;
    // Several declared licences all apply.
    std::string text;
    for (const auto& l : c.licenses) text += (text.empty() ? "" : " AND ") + ("(" + l + ")");
    license::Classification cls = license::Classify(c.licenses.size() == 1 ? c.licenses[0] : text);
    c.properties["aisec:license:class"] = std::string(license::LicenseClassName(cls.cls));
    c.properties["aisec:license:expression"] = cls.expression;
    if (!cls.report) continue;
    Finding f;
    f.rule_id = "AISEC-LICENSE-" + ToUpper(license::LicenseClassName(cls.cls));
    f.title = cls.title + " licence on " + c.name + " (" + cls.expression + ")";
    f.severity = cls.severity;
    f.confidence = 0.9;
    f.component_ref = c.Key();
    f.evidence = c.evidence;
    if (f.evidence.size() > 5) f.evidence.resize(5);
    f.description = c.name + " is licensed under " + cls.expression + ". " + Join(cls.conditions, " ");
    f.remediation = "Check that your use meets these terms, or replace the component.";
    f.frameworks["owasp_llm_2025"] = {"LLM03"};
    f.properties["aisec:license:class"] = std::string(license::LicenseClassName(cls.cls));
    if (!cls.model_license.empty()) f.properties["aisec:license:model"] = cls.model_license;
    f.fingerprint = Finding::Fingerprint(f.rule_id, f.component_ref, "", cls.expression);
    ctx.result.findings.push_back(std::move(f));
  }
  return Status::Ok();
}

}  // namespace aisec::assess
