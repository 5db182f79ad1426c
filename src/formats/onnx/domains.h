#pragma once
// The operator domains of data/model/onnx-domains.yaml. Loaded once; read-only, thread-safe.
#include <map>
#include <string>
#include <string_view>

#include "core/result.h"

namespace aisec::formats::onnx {

enum class DomainKind { kStandard, kRuntime, kExtension, kCustom };
std::string_view DomainKindName(DomainKind k);

class Domains {
 public:
  static Result<Domains> Load(std::string_view yaml);
  // Aborts with a clear message when the shipped data is broken (the data test prevents that).
  static const Domains& Default();
  // kCustom for any domain not listed.
  DomainKind Kind(std::string_view domain) const;
  size_t size() const { return kinds_.size(); }

 private:
  std::map<std::string, DomainKind, std::less<>> kinds_;
};

}  // namespace aisec::formats::onnx
