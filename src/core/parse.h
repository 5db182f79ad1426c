#pragma once
// The one place where JSON, YAML and TOML text is parsed. The third-party parsers throw; these
// wrappers catch at the edge and return a located Error. All of them refuse nesting deeper than
// kMaxNesting before parsing, so hostile files cannot exhaust the stack.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/result.h"

namespace YAML { class Node; }
namespace toml { inline namespace v3 { class table; } }

namespace aisec {

inline constexpr int kMaxNesting = 256;

// `path` only labels errors.
Result<nlohmann::json> ParseJson(std::string_view text, const std::string& path);
// Like ParseJson, and also appends to `duplicate_keys` every key that appears more than once in
// the same object (the later value wins in the result, as in most loaders). Used where parsers
// that disagree on duplicates are an attack (model headers).
Result<nlohmann::json> ParseJson(std::string_view text, const std::string& path,
                                 std::vector<std::string>* duplicate_keys);

// What ParseJsonEvents reports, in document order, without building a tree: for large documents
// (lock files with tens of thousands of entries) where a tree would cost hundreds of megabytes.
// Strings are decoded; a view is valid only during the call.
class JsonEvents {
 public:
  virtual ~JsonEvents() = default;
  virtual void StartObject() = 0;
  virtual void EndObject() = 0;
  virtual void StartArray() = 0;
  virtual void EndArray() = 0;
  virtual void Key(std::string_view key) = 0;  // the next value is this member's
  virtual void String(std::string_view value) = 0;
  virtual void Bool(bool value) = 0;
  virtual void Other() = 0;  // a number or null
};
// The same checks and errors as ParseJson (nesting guard, located parse errors). On an error,
// the events already delivered describe a prefix of the document only.
Status ParseJsonEvents(std::string_view text, const std::string& path, JsonEvents& events);

Result<YAML::Node> ParseYaml(std::string_view text, const std::string& path);
// Every document of a multi-document YAML stream ("---" separated); at most kMaxYamlDocuments.
inline constexpr size_t kMaxYamlDocuments = 10000;
Result<std::vector<YAML::Node>> ParseYamlAll(std::string_view text, const std::string& path);
Result<toml::table> ParseToml(std::string_view text, const std::string& path);

// Deepest bracket nesting ('[', '{') outside quoted strings; used as a guard before parsing.
int BracketDepth(std::string_view text);

}  // namespace aisec
