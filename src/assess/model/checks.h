#pragma once
// Entry points of every model-file check, one format per file. Only registry.cc, the checks that
// share a piece (an .npz member is an .npy) and the tests include this.
#include <string>
#include <string_view>

#include "assess/model/model_check.h"
#include "formats/pickle/analysis.h"
#include "source/input_stream.h"

namespace aisec::assess::model {

bool ClaimsPickle(std::string_view head, std::string_view basename);
void CheckPickle(ModelFile& file, ModelReport& report);

bool ClaimsPytorchZip(std::string_view head, std::string_view basename);
void CheckPytorchZip(ModelFile& file, ModelReport& report);

bool ClaimsPytorchLegacy(std::string_view head, std::string_view basename);
void CheckPytorchLegacy(ModelFile& file, ModelReport& report);

bool ClaimsJoblib(std::string_view head, std::string_view basename);
void CheckJoblib(ModelFile& file, ModelReport& report);
// The array files an old joblib pickle names (NDArrayWrapper), checked as part of the pickle.
void CheckJoblibArrayFiles(ModelFile& file, const formats::pickle::Analysis& a, ModelReport& report);

bool ClaimsNumpy(std::string_view head, std::string_view basename);
void CheckNumpy(ModelFile& file, ModelReport& report);
// One .npy held in `in` (a file, or an .npz member of `size` bytes), `head` its first bytes.
void CheckNpyStream(source::InputStream& in, std::string_view head, uint64_t size,
                    const std::string& member, ModelReport& report);

bool ClaimsNumpyNpz(std::string_view head, std::string_view basename);
void CheckNumpyNpz(ModelFile& file, ModelReport& report);

bool ClaimsKeras(std::string_view head, std::string_view basename);
void CheckKeras(ModelFile& file, ModelReport& report);

bool ClaimsSafetensors(std::string_view head, std::string_view basename);
void RunSafetensors(ModelFile& file, ModelReport& report);
bool ClaimsGguf(std::string_view head, std::string_view basename);
void RunGguf(ModelFile& file, ModelReport& report);
bool ClaimsOnnx(std::string_view head, std::string_view basename);
void RunOnnx(ModelFile& file, ModelReport& report);
bool ClaimsHf(std::string_view head, std::string_view basename);
void RunHf(ModelFile& file, ModelReport& report);
bool ClaimsHdf5(std::string_view head, std::string_view basename);
void RunHdf5(ModelFile& file, ModelReport& report);
bool ClaimsSavedModel(std::string_view head, std::string_view basename);
void RunSavedModel(ModelFile& file, ModelReport& report);
bool ClaimsTflite(std::string_view head, std::string_view basename);
void RunTflite(ModelFile& file, ModelReport& report);
bool ClaimsCoreMl(std::string_view head, std::string_view basename);
void RunCoreMl(ModelFile& file, ModelReport& report);

}  // namespace aisec::assess::model
