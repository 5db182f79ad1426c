#pragma once
// SPDX licence expressions (SPDX spec annex D): ids, LicenseRef-/DocumentRef- references, '+',
// WITH exceptions, AND/OR with AND binding tighter, parentheses. Parsing normalises ids to the
// SPDX list's spelling and replaces deprecated ids; free-text names go through the alias table.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace aisec::assess::license {

struct Expr {
  enum class Op { kLicense, kAnd, kOr } op = Op::kLicense;
  std::string id;         // kLicense: normalised id ("GPL-2.0-or-later", "LicenseRef-x")
  std::string exception;  // kLicense: WITH exception id, if any
  bool known = false;     // kLicense: on the SPDX list (or a LicenseRef we define)
  std::vector<Expr> terms;  // kAnd / kOr
  std::string note;         // root only: how a non-SPDX spelling was normalised, if it was

  std::string ToString() const;  // canonical text, parenthesised where needed
};

// Parses `text` as an SPDX expression. Fails on syntax errors (unbalanced parentheses, dangling
// operators); unknown ids parse, with known = false.
Result<Expr> ParseExpression(std::string_view text);

// The SPDX id for a licence name or id as people write it ("Apache License 2.0", "apache-2.0",
// "GPLv3"), or "" when there is none.
std::string NormalizeLicenseId(std::string_view name);

// True when `id` is an SPDX licence id (exact spelling) or exception id.
bool IsSpdxLicense(std::string_view id);
bool IsSpdxException(std::string_view id);

}  // namespace aisec::assess::license
