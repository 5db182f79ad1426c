#pragma once
// Marks the symbols of aisec's public API; everything else is built with hidden visibility.
#if defined(_WIN32)
#define AISEC_EXPORT __declspec(dllexport)
#else
#define AISEC_EXPORT __attribute__((visibility("default")))
#endif
