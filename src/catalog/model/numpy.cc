// NumPy .npy arrays ("\x93NUMPY"); an object array inside is a pickle.
#include "catalog/model/model_component.h"
#include "catalog/registry_decls.h"
#include "formats/model_format.h"

namespace aisec::catalog::model {

bool ClaimsNumpyContent(std::string_view head) { return head.starts_with("\x93NUMPY"); }

void NumpyFiles(Context& ctx) { CatalogModelFile(ctx, {formats::kFormatNumpy}); }

}  // namespace aisec::catalog::model
