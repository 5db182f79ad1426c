#include "catalog/cataloger.h"

namespace aisec::catalog {

Result<std::string_view> Context::Text() {
  if (!text_) text_.emplace(reader_.ReadAll(file_));
  if (!text_->ok()) return text_->error();
  return std::string_view(text_->value());
}

}  // namespace aisec::catalog
