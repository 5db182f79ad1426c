#pragma once
// Entry points of the model-file checks, one per format file. Only registry.cc and the tests
// include this.
#include <string_view>

#include "assess/model/model_check.h"

namespace aisec::assess::model {

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
