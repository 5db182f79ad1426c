// The table of every model-file check, in the order they are tried. A new format is one new file
// and one row here.
#include "assess/model/registry_decls.h"

namespace aisec::assess::model {
namespace {

const ModelCheck kChecks[] = {
    {.format = "safetensors", .claims = ClaimsSafetensors, .run = RunSafetensors},
    {.format = "gguf", .claims = ClaimsGguf, .run = RunGguf},
    {.format = "onnx", .claims = ClaimsOnnx, .run = RunOnnx},
    {.format = "huggingface", .claims = ClaimsHf, .run = RunHf},
    {.format = "hdf5", .claims = ClaimsHdf5, .run = RunHdf5},
    {.format = "tensorflow-savedmodel", .claims = ClaimsSavedModel, .run = RunSavedModel},
    {.format = "tflite", .claims = ClaimsTflite, .run = RunTflite},
    {.format = "coreml", .claims = ClaimsCoreMl, .run = RunCoreMl},
};

}  // namespace

std::span<const ModelCheck> Registry() { return kChecks; }

}  // namespace aisec::assess::model
