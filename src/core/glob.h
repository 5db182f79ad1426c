#pragma once
#include <string_view>

namespace aisec {

// Shell-style glob match used for file claims, --exclude and ignore files.
// '*' and '?' never match '/', "**" matches any number of path segments, "[a-z]" and "[!a]"
// are character classes, '\' escapes. Matching is case-sensitive.
bool GlobMatch(std::string_view pattern, std::string_view text);

}  // namespace aisec
