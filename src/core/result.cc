#include "core/result.h"

namespace aisec {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kNotFound: return "not found";
    case ErrorCode::kInvalidArgument: return "invalid argument";
    case ErrorCode::kParse: return "parse error";
    case ErrorCode::kLimit: return "limit exceeded";
    case ErrorCode::kIo: return "i/o error";
    case ErrorCode::kUnsupported: return "unsupported";
    case ErrorCode::kInternal: return "internal error";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok_) return "ok";
  std::string s = ErrorCodeName(error_.code);
  s += ": ";
  s += error_.message;
  if (!error_.location.path.empty()) s += " (" + error_.location.ToString() + ")";
  return s;
}

}  // namespace aisec
