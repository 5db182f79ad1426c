// The approved-AI list (`aisec scan --approved FILE`, src/assess/approved_list.h): any YAML gives
// a list or an Error, and a list that parsed can be asked about a component.
#include "assess/approved_list.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto list = aisec::assess::ApprovedList::Parse(aisec::fuzz::AsText(data, size), "approved.yaml");
  if (!list.ok()) return 0;
  aisec::Component c;
  c.kind = aisec::ComponentKind::kModel;
  c.name = "meta-llama/Llama-3.1-8B-Instruct";
  c.ai = aisec::AiInfo{.category = "model", .provider = "Meta"};
  (void)list->Approves(c);
  c.kind = aisec::ComponentKind::kService;
  c.properties["aisec:endpoint"] = "https://api.openai.com/v1";
  (void)list->Approves(c);
  return 0;
}
