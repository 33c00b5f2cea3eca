#pragma once
// A thin RAII layer over SQLite's C API: a connection, prepared statements that finalize
// themselves, and write transactions that wait their turn when other processes are writing.
#include <sys/stat.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

struct sqlite3;
struct sqlite3_stmt;

namespace coach::history {

// An SQLite failure, with its result code so callers can tell "busy" from "broken".
class SqliteError : public std::runtime_error {
 public:
  SqliteError(int code, const std::string& message);
  int code() const { return code_; }
  // Another connection holds the lock (SQLITE_BUSY or SQLITE_LOCKED): worth trying again.
  bool busy() const;
  // SQLite found the file damaged, or no database at all: no use trying again.
  bool damaged() const;
  // The file or its folder cannot be written (a read-only mount, a CI artifact): the file may
  // still be read with Access::read_only.
  bool read_only() const;

 private:
  int code_;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept : db_(other.db_), stmt_(std::exchange(other.stmt_, {})) {}
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters count from 1, as in SQL's `?1`.
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind_null(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // Moves to the next row: true when there is one, false when done. Throws SqliteError.
  bool step();
  // Runs a statement that returns no rows, then resets it for the next use.
  void run();
  // Ready to run again, with every parameter cleared.
  void reset();

  // Columns count from 0.
  bool is_null(int column) const;
  std::string text(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;
  std::optional<double> optional_real(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  // How long a writer waits for others unless told otherwise (set_patience).
  static constexpr std::chrono::milliseconds kUsualPatience{10000};

  // read_write creates the file if needed; read_only never writes to it or beside it.
  enum class Access { read_write, read_only };

  // Opens the database at `path`. Throws SqliteError, also for a path that names something
  // other than a regular file (a device, a FIFO, a directory).
  explicit Database(const std::string& path, Access access = Access::read_write);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& path() const { return path_; }
  // Opened read_only, the database is read as it stands (immutable): whoever may not write it
  // must make nothing beside it, and so takes no part in its writers' locking. Whether its main
  // file is as it was when opened: a writer's checkpoint since may have made what was read a
  // mix of two states. Always true for read_write.
  bool unchanged_since_open() const;
  // Opened read_only: whether a log (`FILE-wal`) stood beside it, whose records a read as it
  // stands does not see (a writer at work, or one that was killed).
  bool log_unread() const { return log_unread_; }
  // Runs one or more statements that return no rows.
  void execute(const char* sql);
  Statement prepare(std::string_view sql) { return Statement(db_, sql); }
  std::int64_t last_insert_id() const;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  int changes() const;

  // Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, so the write lock is taken up front and a
  // transaction never fails half-way because another process wrote first. While the lock is
  // held elsewhere, SQLite's busy timeout waits; if the wait runs out the whole transaction is
  // retried until `patience` is spent. `body` may therefore run more than once: it must only
  // touch the database (or state it resets itself). On failure everything is rolled back.
  template <typename Body>
  void write_transaction(Body&& body);

  // Runs `body` again while it fails because another connection holds a lock, until
  // `patience` is spent; for statements outside a transaction (switching to WAL mode).
  template <typename Body>
  void retry_while_busy(Body&& body);

  // How long a writer waits for others before giving up (SqliteError with busy()).
  void set_patience(std::chrono::milliseconds patience);

 private:
  void begin_immediate();
  void rollback() noexcept;
  // Sleeps before the next attempt; false when `patience` is spent.
  bool wait_before_retry(std::chrono::steady_clock::time_point started, int attempt) const;

  std::string path_;
  sqlite3* db_ = nullptr;
  std::chrono::milliseconds patience_ = kUsualPatience;
  std::optional<struct stat> opened_as_;  // the main file when opened read_only
  bool log_unread_ = false;
};

template <typename Body>
void Database::retry_while_busy(Body&& body) {
  const auto started = std::chrono::steady_clock::now();
  for (int attempt = 0;; ++attempt) {
    try {
      body();
      return;
    } catch (const SqliteError& e) {
      if (!e.busy() || !wait_before_retry(started, attempt)) throw;
    }
  }
}

template <typename Body>
void Database::write_transaction(Body&& body) {
  retry_while_busy([&] {
    try {
      begin_immediate();
      body();
      execute("COMMIT");
    } catch (...) {
      rollback();
      throw;
    }
  });
}

}  // namespace coach::history
