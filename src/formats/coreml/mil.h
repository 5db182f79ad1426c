#pragma once
// ML Programs inside Core ML models: the MILSpec.Program message (coremltools
// mlmodel/format/MIL.proto) that Model.mlProgram (field 502) holds. Internal to the Core ML
// reader.
#include "formats/coreml/coreml.h"
#include "formats/protobuf/wire.h"

namespace aisec::formats::coreml {

// Reads the Program in `program` (a length-delimited field) and adds the type of every operation
// of every function, nested blocks included, to m.program_ops. False when the cursor failed.
bool ReadProgram(protobuf::Reader& r, const protobuf::Field& program, Model& m);

}  // namespace aisec::formats::coreml
