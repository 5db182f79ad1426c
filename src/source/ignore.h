#pragma once
// .gitignore semantics (gitignore(5)): blank lines and '#' comments are skipped, '!' negates,
// a trailing '/' matches directories only, a '/' at the start or in the middle anchors the pattern
// to the folder of the ignore file, '**' spans folders. Later rules override earlier ones, and
// rules of deeper ignore files override those of their parents.
#include <string>
#include <string_view>
#include <vector>

namespace aisec::source {

struct IgnoreRule {
  std::string pattern;  // relative to base when anchored; a basename pattern otherwise
  bool negate = false;
  bool dir_only = false;
  bool anchored = false;
};

struct IgnoreFile {
  std::string base;  // folder of the ignore file, relative to the root ("" for the root)
  std::vector<IgnoreRule> rules;
};

IgnoreFile ParseIgnoreFile(std::string_view text, std::string base);

// The rules in force for one folder: the stack of ignore files from the root down.
class IgnoreStack {
 public:
  void Push(IgnoreFile file) { files_.push_back(std::move(file)); }
  void Pop() { files_.pop_back(); }
  size_t size() const { return files_.size(); }
  // rel_path is relative to the scan root.
  bool Ignored(std::string_view rel_path, bool is_dir) const;

 private:
  std::vector<IgnoreFile> files_;
};

}  // namespace aisec::source
