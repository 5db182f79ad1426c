#pragma once
// Which pickle-family model format a file holds, from its first bytes (and its name where the
// bytes alone are ambiguous: compressed joblib files, zip archives). Shared by the inventory
// catalogers and the model-security checks so that both agree.
#include <string_view>

namespace aisec::formats {

inline constexpr std::string_view kFormatPickle = "pickle";
inline constexpr std::string_view kFormatPytorchZip = "pytorch-zip";
inline constexpr std::string_view kFormatPytorchLegacy = "pytorch-legacy";
inline constexpr std::string_view kFormatJoblib = "joblib";
inline constexpr std::string_view kFormatNumpy = "numpy";
inline constexpr std::string_view kFormatNumpyNpz = "numpy-npz";
inline constexpr std::string_view kFormatKeras = "keras";

// One of the formats above, or "" when the file is none of them.
std::string_view SniffModelFormat(std::string_view head, std::string_view basename);

}  // namespace aisec::formats
