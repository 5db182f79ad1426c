#include "source/walker.h"

#include <dirent.h>
#include <sys/stat.h>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/data.h"
#include "core/glob.h"
#include "core/parse.h"
#include "source/ignore.h"

namespace aisec::source {
namespace fs = std::filesystem;

const std::vector<std::string>& DefaultExcludes() {
  static const std::vector<std::string> kExcludes = [] {
    std::vector<std::string> out;
    auto text = DataFile("source/default-excludes.yaml");
    if (!text) return out;
    auto doc = ParseYaml(*text, "source/default-excludes.yaml");
    if (!doc.ok()) return out;
    for (const auto& n : (*doc)["excludes"]) out.push_back(n["pattern"].as<std::string>());
    return out;
  }();
  return kExcludes;
}

namespace {

class Walker {
 public:
  Walker(const WalkOptions& opts, const std::function<void(SourceFile)>& on_file, WalkStats* stats,
         std::vector<Warning>* warnings)
      : opts_(opts), on_file_(on_file), stats_(stats), warnings_(warnings) {}

  Status Run() {
    std::error_code ec;
    root_ = fs::canonical(opts_.root, ec);
    if (ec) return Status::NotFound("cannot open " + opts_.root.string() + ": " + ec.message());
    if (!fs::is_directory(root_, ec)) {
      // A single file: offer it as is.
      ++stats_->files;
      on_file_(SourceFile{root_.filename().string(), root_});
      return Status::Ok();
    }
    IgnoreFile base{"", {}};
    if (opts_.default_excludes) {
      for (const auto& p : DefaultExcludes()) base.rules.push_back(ParseIgnoreFile(p, "").rules.at(0));
    }
    for (const auto& p : opts_.excludes) {
      auto parsed = ParseIgnoreFile(p, "");
      for (auto& r : parsed.rules) base.rules.push_back(std::move(r));
    }
    stack_.Push(std::move(base));
    VisitDir(root_, "", 0);
    return Status::Ok();
  }

 private:
  void Warn(const std::string& rel, const std::string& msg) {
    warnings_->push_back(Warning{Location{rel.empty() ? "." : rel}, msg, "source"});
  }

  void VisitDir(const fs::path& abs, const std::string& rel, int depth) {
    if (depth > opts_.max_depth) {
      Warn(rel, "folder nesting deeper than " + std::to_string(opts_.max_depth) + ", not entered");
      return;
    }
    ++stats_->dirs;
    DIR* dir = ::opendir(abs.c_str());
    if (dir == nullptr) {
      Warn(rel, std::string("cannot read folder: ") + std::strerror(errno));
      return;
    }
    struct Entry {
      std::string name;
      unsigned char type;
    };
    std::vector<Entry> entries;
    while (struct dirent* e = ::readdir(dir)) {
      std::string_view name = e->d_name;
      if (name == "." || name == "..") continue;
      entries.push_back({std::string(name), e->d_type});
    }
    ::closedir(dir);
    std::sort(entries.begin(), entries.end(), [](auto& a, auto& b) { return a.name < b.name; });

    bool pushed = false;
    if (opts_.gitignore) {
      bool has_ignore = std::any_of(entries.begin(), entries.end(),
                                    [](auto& e) { return e.name == ".gitignore"; });
      if (has_ignore) {
        std::ifstream in(abs / ".gitignore", std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        std::string text = ss.str();
        if (text.size() <= (1u << 20)) {
          stack_.Push(ParseIgnoreFile(text, rel));
          pushed = true;
        }
      }
    }

    for (auto& e : entries) {
      std::string child_rel = rel.empty() ? e.name : rel + "/" + e.name;
      fs::path child_abs = abs / e.name;
      unsigned char type = e.type;
      if (type == DT_UNKNOWN) type = LstatType(child_abs);
      if (type == DT_DIR) {
        if (stack_.Ignored(child_rel, true)) {
          ++stats_->skipped;
          continue;
        }
        VisitDir(child_abs, child_rel, depth + 1);
      } else if (type == DT_REG) {
        if (stack_.Ignored(child_rel, false)) {
          ++stats_->skipped;
          continue;
        }
        ++stats_->files;
        on_file_(SourceFile{std::move(child_rel), std::move(child_abs)});
      } else if (type == DT_LNK) {
        VisitLink(child_abs, child_rel);
      } else {
        ++stats_->skipped;  // devices, FIFOs, sockets
      }
    }
    if (pushed) stack_.Pop();
  }

  // File symlinks are followed only when their target is a regular file inside the root;
  // directory symlinks never (cycles, and escape from the root).
  void VisitLink(const fs::path& abs, std::string& rel) {
    std::error_code ec;
    fs::path target = fs::canonical(abs, ec);
    if (ec) {
      ++stats_->skipped;  // broken link
      return;
    }
    auto [root_end, t] = std::mismatch(root_.begin(), root_.end(), target.begin(), target.end());
    struct stat st;
    if (root_end != root_.end() || ::stat(target.c_str(), &st) != 0 || !S_ISREG(st.st_mode) ||
        stack_.Ignored(rel, false)) {
      ++stats_->skipped;
      return;
    }
    ++stats_->files;
    on_file_(SourceFile{std::move(rel), std::move(target)});
  }

  static unsigned char LstatType(const fs::path& p) {
    struct stat st;
    if (::lstat(p.c_str(), &st) != 0) return DT_UNKNOWN;
    if (S_ISDIR(st.st_mode)) return DT_DIR;
    if (S_ISREG(st.st_mode)) return DT_REG;
    if (S_ISLNK(st.st_mode)) return DT_LNK;
    return DT_UNKNOWN;
  }

  const WalkOptions& opts_;
  const std::function<void(SourceFile)>& on_file_;
  WalkStats* stats_;
  std::vector<Warning>* warnings_;
  fs::path root_;
  IgnoreStack stack_;
};

}  // namespace

Status Walk(const WalkOptions& options, const std::function<void(SourceFile)>& on_file,
            WalkStats* stats, std::vector<Warning>* warnings) {
  return Walker(options, on_file, stats, warnings).Run();
}

}  // namespace aisec::source
