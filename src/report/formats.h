#pragma once
// Entry points of every reporter, one per format file. Only registry.cc and the tests include
// this. Every function is pure: it formats the ScanResult it is given, reads no file and never
// fails; strings that are not valid UTF-8 are replaced (U+FFFD) in the JSON it writes.
//
// Component and finding properties the standard formats understand. Catalogers and assessors set
// them; reporters only move them to the right field, and every property is also kept as a
// name/value pair (CycloneDX `properties`, SPDX CdxPropertiesExtension, SARIF property bags).
//
// Models (ComponentKind::kModel), CycloneDX modelCard and SPDX ai_AIPackage:
//   aisec:model:task                 "text-generation"  (falls back to AiInfo::task)
//   aisec:model:architecture         "LlamaForCausalLM" (modelArchitecture)
//   aisec:model:architecture-family  "llama"            (architectureFamily, ai_typeOfModel;
//                                                        falls back to AiInfo::model_family)
//   aisec:model:approach             one of supervised, unsupervised, reinforcement-learning,
//                                    semi-supervised, self-supervised
//   aisec:model:datasets             comma-separated; each names a kData component (its Key() or
//                                    name, giving a reference / SPDX trainedOn) or a dataset
//                                    that is not in the inventory (described inline)
//   aisec:model:inputs, aisec:model:outputs   comma-separated formats ("text", "image")
//   aisec:model:use-cases, aisec:model:limitations   one per line (considerations; SPDX
//                                    ai_informationAboutApplication and ai_limitation)
//   aisec:model:domain               comma-separated (SPDX ai_domain)
// Data (kData): aisec:data:classification (CycloneDX data classification), aisec:data:url
//   (contents.url), aisec:dataset:type (SPDX dataset_datasetType: text, image, audio, …;
//   "noAssertion" when absent or not one of the SPDX values).
// Services (kService): aisec:endpoint (the URL; several comma-separated), aisec:service:kind
//   ("local": inside the trust boundary, "cloud": crossing it; without it, a service whose
//   endpoints are all loopback addresses is inside and any other endpoint crosses it),
//   aisec:service:authenticated ("true"/"false"). AiInfo::provider is the service's provider.
// Findings:
//   aisec:vuln:id       marks a finding as a known vulnerability: CycloneDX `vulnerabilities`
//                       lists exactly these findings, with this id (other findings are in SARIF
//                       and JSON only).
//   aisec:vuln:aliases  comma-separated ids (CVE-…, GHSA-…) -> vulnerability references
//   aisec:vuln:source   name of the advisory source ("OSV"); aisec:vuln:url its page
//   aisec:vuln:score, aisec:vuln:vector, aisec:vuln:method (CVSSv31, CVSSv4, …) -> rating
//   aisec:vuln:fixed    comma-separated fixed versions (recommendation when no remediation)
//   aisec:vuln:published, aisec:vuln:modified   RFC 3339 times
//   aisec:offset        byte offset of the primary evidence (SARIF region.byteOffset); on a
//                       component with one evidence entry, CycloneDX occurrence offset
//   aisec:symbol        on a component with one evidence entry, CycloneDX occurrence symbol
//
// Other choices, the same in every format:
// - bom-refs / SPDX ids derive from Component::Key(); a key repeated in the input is
//   made unique with a "#n" suffix and relations then name the first.
// - Relations whose ends are not in the inventory are dropped; the scanned root depends on
//   every component that nothing else depends on, so the graph is connected.
// - Kinds: application, agent -> application; tool -> library (an agent's tool is code it
//   calls); model -> machine-learning-model; data -> data; service -> CycloneDX service, SPDX
//   software_Package with purpose "other"; prompt (a system prompt) -> CycloneDX data component
//   whose data entry has type "configuration" and classification aisec:data:classification
//   ("system-prompt"), SPDX software_Package with purpose "configuration". Prompts carry
//   aisec:prompt:* properties (sha256-short, chars, preview: redacted and truncated, source).
// - CycloneDX scope: dev/test-only components are "excluded" (the specification's value for
//   components that are not reachable at run time), every other component "required".
// - Licences: several entries mean the component is subject to all of them (as the licences
//   assessor reads them). When that is an SPDX expression of listed licences (or LicenseRef-) it
//   is written as one id or one normalised expression; else the assessor's
//   aisec:license:expression is used when it could read them; else they are written by name.
// - Serial number / document namespace: a name-based UUID (RFC 9562 version 8, SHA-256) of the
//   result's content and times, so that rendering one result twice gives the same document
//   while two scans at different times get different serial numbers.
#include <string>

#include "aisec/options.h"
#include "core/scan_result.h"

namespace aisec::report {

std::string RenderTable(const ScanResult& result, const RenderOptions& options);
std::string RenderJson(const ScanResult& result, const RenderOptions& options);
std::string RenderCycloneDx(const ScanResult& result, const RenderOptions& options);
std::string RenderSpdx(const ScanResult& result, const RenderOptions& options);
std::string RenderSarif(const ScanResult& result, const RenderOptions& options);

}  // namespace aisec::report
