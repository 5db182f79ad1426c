// The table of every model-file check, in the order they are tried: the first that claims a
// file handles it. A new format is one new file and one row here.
#include "assess/model/checks.h"

namespace aisec::assess::model {
namespace {

const ModelCheck kChecks[] = {
    {.format = "numpy", .claims = ClaimsNumpy, .run = CheckNumpy},
    {.format = "numpy-npz", .claims = ClaimsNumpyNpz, .run = CheckNumpyNpz},
    {.format = "keras", .claims = ClaimsKeras, .run = CheckKeras},
    {.format = "pytorch-zip", .claims = ClaimsPytorchZip, .run = CheckPytorchZip},
    {.format = "pytorch-legacy", .claims = ClaimsPytorchLegacy, .run = CheckPytorchLegacy},
    {.format = "joblib", .claims = ClaimsJoblib, .run = CheckJoblib},
    {.format = "pickle", .claims = ClaimsPickle, .run = CheckPickle},
};

}  // namespace

std::span<const ModelCheck> Registry() { return kChecks; }

}  // namespace aisec::assess::model
