// Pickle-based model files recognised by their bytes, whatever their name: plain pickles,
// legacy torch.save files (five pickles then storages) and joblib dumps (raw, or compressed as
// a whole, which only their name reveals).
#include "catalog/model/model_component.h"
#include "catalog/registry_decls.h"
#include "formats/model_format.h"
#include "formats/pickle/sniff.h"

namespace aisec::catalog::model {

bool ClaimsPickleContent(std::string_view head) { return formats::pickle::LooksLikePickle(head); }

void PickleFiles(Context& ctx) {
  CatalogModelFile(ctx, {formats::kFormatPickle, formats::kFormatPytorchLegacy, formats::kFormatJoblib});
}

}  // namespace aisec::catalog::model
