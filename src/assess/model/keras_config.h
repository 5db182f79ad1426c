#pragma once
// Checks a Keras model configuration (the config.json of a .keras archive, or the model_config
// of an .h5 file): Lambda layers with marshalled bytecode, objects and functions resolved from
// modules outside Keras, and switches that turn safe mode off.
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "assess/model/model_check.h"

namespace aisec::assess::model {

// `member` names where the configuration came from ("config.json"); offsets are not known in
// JSON, so evidence names the JSON path instead.
void CheckKerasConfig(const nlohmann::json& config, const std::string& member, ModelReport& report);

}  // namespace aisec::assess::model
