#include "test_util.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace aisec::testing {
namespace fs = std::filesystem;

fs::path Fixture(const std::string& rel) { return fs::path(AISEC_FIXTURES) / rel; }

fs::path SharedDir() {
  if (const char* dir = std::getenv("AISEC_SHARED_DIR"); dir && *dir) return dir;
  return fs::path(AISEC_SOURCE_DIR).parent_path() / "shared";
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
}

TempDir::TempDir() {
  std::random_device rd;
  path_ = fs::temp_directory_path() / ("aisec-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  // Restore permissions a test may have removed, so that cleanup works.
  for (auto it = fs::recursive_directory_iterator(path_, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_symlink(ec)) fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  }
  fs::remove_all(path_, ec);
}

fs::path TempDir::Write(const std::string& rel, const std::string& text) const {
  fs::path p = path_ / rel;
  WriteFile(p, text);
  return p;
}

namespace {
std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}
}  // namespace

CommandResult RunShell(const std::string& command) {
  TempDir tmp;
  fs::path out = tmp / "out", err = tmp / "err";
  std::string full = command + " >" + ShellQuote(out.string()) + " 2>" + ShellQuote(err.string()) + " </dev/null";
  int status = std::system(full.c_str());
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return CommandResult{code, ReadFile(out), ReadFile(err)};
}

CommandResult RunAisec(const std::vector<std::string>& args) {
  std::string cmd = ShellQuote(AISEC_BINARY);
  for (const auto& a : args) cmd += " " + ShellQuote(a);
  return RunShell(cmd);
}

nlohmann::json ScanJson(const fs::path& root) {
  auto r = RunAisec({"scan", root.string(), "--format", "json"});
  if (r.exit_code != 0) {
    ADD_FAILURE() << "aisec scan " << root << " exited " << r.exit_code << ": " << r.err;
    return nullptr;
  }
  return nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
}

std::vector<nlohmann::json> ComponentsNamed(const nlohmann::json& doc, const std::string& name) {
  std::vector<nlohmann::json> out;
  if (!doc.is_object() || !doc.contains("components")) return out;
  for (const auto& c : doc["components"]) {
    if (c.value("name", "") == name) out.push_back(c);
  }
  return out;
}

std::string SchemaErrors(const std::string& kind, const std::string& document) {
  TempDir tmp;
  fs::path doc = tmp.Write("doc.json", document);
  fs::path tools = fs::path(AISEC_SOURCE_DIR) / "tests" / "tools";
  fs::path schemas = SharedDir() / "schemas";
  if (!fs::exists(schemas)) return "schemas not found at " + schemas.string();
  auto r = RunShell("NODE_PATH=" + ShellQuote((tools / "node_modules").string()) + " node " +
                    ShellQuote((tools / "validate.js").string()) + " " + ShellQuote(schemas.string()) +
                    " " + kind + " " + ShellQuote(doc.string()));
  if (r.exit_code == 0) return "";
  return "exit " + std::to_string(r.exit_code) + ": " + r.out + r.err;
}

const Component* CatalogOutput::Find(const std::string& name) const {
  for (const auto& c : components) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

CatalogOutput RunCataloger(void (*fn)(catalog::Context&), const fs::path& root, const std::string& file) {
  source::SourceFile sf{file, root / file};
  source::FileReader reader;
  catalog::Sink sink;
  catalog::Context ctx(sf, reader, sink);
  fn(ctx);
  return CatalogOutput{std::move(sink.components), std::move(sink.relations), std::move(sink.warnings)};
}

}  // namespace aisec::testing
