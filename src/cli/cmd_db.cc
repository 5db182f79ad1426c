// aisec db import PATH… [--db FILE] and aisec db status [--db FILE]: the advisory database.
#include <cstdio>

#include "aisec/db.h"
#include "cli/command.h"

namespace aisec::cli {
namespace {

struct DbFlags {
  std::vector<std::string> paths;
  std::string db;
};

// A missing or damaged input, or an unusable database file, is the user's to fix.
int ExitFor(const Error& e) {
  return e.code == ErrorCode::kInternal ? kExitInternal : kExitUsage;
}

int Fail(const Error& e) {
  std::fprintf(stderr, "aisec: %s\n", Status(e).ToString().c_str());
  return ExitFor(e);
}

int RunImport(const DbFlags& f, const GlobalFlags& g) {
  auto r = ImportAdvisories({.paths = f.paths, .db_path = f.db});
  if (!r.ok()) return Fail(r.error());
  for (const auto& [file, message] : r->problems) {
    std::fprintf(stderr, "aisec: %s: %s\n", file.c_str(), message.c_str());
  }
  if (r->problem_count > r->problems.size()) {
    std::fprintf(stderr, "aisec: … and %llu more problems\n",
                 static_cast<unsigned long long>(r->problem_count - r->problems.size()));
  }
  if (!g.quiet) {
    std::printf(
        "imported %llu files into %s\n"
        "  added %llu, updated %llu, unchanged %llu, older %llu (a newer record or withdrawal "
        "is stored), removed %llu (withdrawn), ignored %llu (withdrawn or staging), invalid %llu\n"
        "  malicious-package reports among added/updated: %llu\n",
        static_cast<unsigned long long>(r->files), r->db_path.c_str(),
        static_cast<unsigned long long>(r->added), static_cast<unsigned long long>(r->updated),
        static_cast<unsigned long long>(r->unchanged), static_cast<unsigned long long>(r->older),
        static_cast<unsigned long long>(r->removed),
        static_cast<unsigned long long>(r->ignored), static_cast<unsigned long long>(r->invalid),
        static_cast<unsigned long long>(r->malicious));
  }
  return kExitClean;
}

int RunStatus(const DbFlags& f) {
  auto s = AdvisoryStatus(f.db);
  if (!s.ok()) return Fail(s.error());
  std::printf("database: %s (schema %d)\n", s->db_path.c_str(), s->schema_version);
  std::printf("advisories: %lld (%lld malicious-package reports)\n",
              static_cast<long long>(s->advisories), static_cast<long long>(s->malicious));
  std::printf("newest modification: %s\n",
              s->newest_modified.empty() ? "-" : s->newest_modified.c_str());
  std::printf("per ecosystem:\n");
  for (const auto& [eco, n] : s->per_ecosystem) {
    std::printf("  %-24s %lld\n", eco.c_str(), static_cast<long long>(n));
  }
  std::printf("sources:\n");
  for (const auto& src : s->sources) {
    std::printf("  %s (imported %s, %lld advisories)\n", src.location.c_str(),
                src.imported_at.c_str(), static_cast<long long>(src.advisories));
  }
  return kExitClean;
}

}  // namespace

Command SetupDb(CLI::App& app, const GlobalFlags& flags) {
  auto f = std::make_shared<DbFlags>();
  CLI::App* db = app.add_subcommand("db", "manage the local advisory database (OSV)");
  db->require_subcommand(1);
  CLI::App* imp = db->add_subcommand("import", "load OSV advisories: files, folders, zip exports");
  imp->add_option("paths", f->paths, "OSV JSON/YAML files, folders or osv.dev zip exports")
      ->required();
  imp->add_option("--db", f->db, "database file (default: " + DefaultAdvisoryDbPath() + ")");
  CLI::App* status = db->add_subcommand("status", "show sources, counts and freshness");
  status->add_option("--db", f->db, "database file (default: " + DefaultAdvisoryDbPath() + ")");
  return Command{db, [f, &flags, imp] { return imp->parsed() ? RunImport(*f, flags) : RunStatus(*f); }};
}

}  // namespace aisec::cli
