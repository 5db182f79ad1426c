#pragma once
// A thin RAII layer over the SQLite C API for the advisory database: a connection and prepared
// statements. Errors become Status values carrying SQLite's message.
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace aisec::assess::osv::sql {

class Stmt {
 public:
  Stmt() = default;
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;  // owns a prepared statement
  Stmt& operator=(const Stmt&) = delete;
  Stmt(Stmt&& o) noexcept : stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept {
    std::swap(stmt_, o.stmt_);
    return *this;
  }

  static Result<Stmt> Prepare(sqlite3* db, std::string_view sql);
  bool valid() const { return stmt_ != nullptr; }

  // Binds by 1-based index; text is copied by SQLite.
  Stmt& Bind(int i, std::string_view text);
  Stmt& Bind(int i, int64_t value);
  // SQLITE_ROW -> true, SQLITE_DONE -> false, anything else -> error.
  Result<bool> Step();
  Status Run();  // steps to completion and resets
  void Reset();

  std::string_view Text(int col) const;
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }

 private:
  explicit Stmt(sqlite3_stmt* s) : stmt_(s) {}
  sqlite3_stmt* stmt_ = nullptr;
};

Status Exec(sqlite3* db, const char* sql);
Status SqlError(sqlite3* db, std::string_view what);

}  // namespace aisec::assess::osv::sql
