// Zip-based model files: PyTorch checkpoints and TorchScript archives, NumPy .npz and Keras
// .keras, told apart by their first member's name (and their own name).
#include "catalog/model/model_component.h"
#include "catalog/registry_decls.h"
#include "formats/model_format.h"
#include "formats/zip/zip_reader.h"

namespace aisec::catalog::model {

bool ClaimsZipContent(std::string_view head) { return formats::zip::LooksLikeZip(head); }

void ZipModelFiles(Context& ctx) {
  CatalogModelFile(ctx, {formats::kFormatPytorchZip, formats::kFormatNumpyNpz, formats::kFormatKeras});
}

}  // namespace aisec::catalog::model
