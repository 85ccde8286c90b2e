#pragma once

#include "error.h"
#include "securebytes.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace fieldnotes {

class SqliteDatabase;

/// One prepared statement with bound parameters; returned to its database's cache when it goes.
class SqlStatement
{
public:
    SqlStatement(SqliteDatabase *database, sqlite3_stmt *statement, bool cached);
    ~SqlStatement();
    SqlStatement(SqlStatement &&other) noexcept;
    SqlStatement &operator=(SqlStatement &&) = delete;
    SqlStatement(const SqlStatement &) = delete;
    SqlStatement &operator=(const SqlStatement &) = delete;

    // Parameters are numbered from 1, as in SQL.
    SqlStatement &bind(int index, const QString &text);
    /// An empty string binds SQL NULL (for optional references and filters).
    SqlStatement &bindNullable(int index, const QString &text);
    SqlStatement &bind(int index, qint64 value);
    SqlStatement &bind(int index, int value) { return bind(index, qint64(value)); }
    SqlStatement &bind(int index, bool value) { return bind(index, qint64(value ? 1 : 0)); }
    SqlStatement &bindBlob(int index, const QByteArray &bytes);
    SqlStatement &bindNull(int index);

    /// Steps once: true with a row to read, false when done, an error otherwise.
    Result<bool> next();
    /// Steps to the end, for statements that return no rows.
    Result<void> run();
    /// Makes the statement ready to run again with new bindings.
    void reset();

    QString text(int column) const;
    qint64 integer(int column) const;
    double real(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;

private:
    SqliteDatabase *m_database;
    sqlite3_stmt *m_statement;
    bool m_cached;
};

/// An open SQLCipher connection keyed with a raw 32-byte key. Every failure is mapped to an Error.
class SqliteDatabase
{
public:
    enum class OpenMode { CreateNew, OpenExisting };

    static Result<std::unique_ptr<SqliteDatabase>> openEncrypted(const QString &path, const SecureBytes &rawKey, OpenMode mode);
    /// Whether every block SQLite frees or moves is wiped first (set up before the first open).
    static bool freedMemoryIsWiped();
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    Result<SqlStatement> prepare(const QByteArray &sql);
    Result<void> exec(const char *sql);
    Result<qint64> queryInteger(const char *sql);
    /// Rows changed by the last INSERT, UPDATE or DELETE.
    qint64 changes() const;
    /// The rowid of the last row inserted on this connection.
    qint64 lastInsertRowId() const;

    /// Whether this connection's database keeps a write-ahead log (every vault since it was made).
    bool usesWriteAheadLog();
    /// Puts on the disk (fsync) what transactions committed on any connection have written to
    /// the write-ahead log: for a connection that commits with synchronous = NORMAL, which a
    /// killed process does not lose but a power cut may.
    Result<void> syncWriteAheadLog();

    /// Runs SQLCipher's page HMAC check and SQLite's quick_check; returns the problems found.
    Result<QStringList> integrityProblems();

    /// A consistent copy of the whole database as it was at one moment (one read transaction:
    /// writers on other connections carry on meanwhile), in a new file at path under the same
    /// key, with keptFiles stored inside it; on disk (fsynced) when this returns.
    Result<void> copyInto(const QString &path, const QMap<QString, QByteArray> &keptFiles = {});
    /// The files copyInto kept inside this database (a copy being restored), removed from it.
    Result<QMap<QString, QByteArray>> takeKeptFiles();

    /// Closes without the checkpoint SQLite does on close, so a damaged file is left as found.
    void closeWithoutCheckpoint();

    Error errorFor(int code, const QString &context) const;
    /// The same for a failure the connection did not see (its last message would be another's).
    static Error errorFor(int code, const QString &context, const QString &detail);
    sqlite3 *handle() const { return m_db; }

private:
    explicit SqliteDatabase(sqlite3 *db) : m_db(db) {}
    friend class SqlStatement;
    void release(sqlite3_stmt *statement);

    sqlite3 *m_db;
    QString m_path;
    bool m_hadWal = false; // -wal/-shm were there before we opened: leave them be
    QHash<QByteArray, sqlite3_stmt *> m_cache;
    QSet<sqlite3_stmt *> m_inUse;
};

/// Every row of a query, after bind() has set its parameters, each made by read().
template <typename T, typename Binder, typename Reader>
Result<QList<T>> queryList(SqliteDatabase &database, const QByteArray &sql, Binder bind, Reader read)
{
    auto statement = database.prepare(sql);
    if (!statement)
        return statement.error();
    bind(*statement);
    QList<T> list;
    for (;;) {
        auto row = statement->next();
        if (!row)
            return row.error();
        if (!*row)
            return list;
        list << read(*statement);
    }
}

/// BEGIN IMMEDIATE ... COMMIT; rolls back if it goes out of scope uncommitted.
class SqlTransaction
{
public:
    static Result<SqlTransaction> begin(SqliteDatabase &database);
    SqlTransaction(SqlTransaction &&other) noexcept;
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;
    SqlTransaction &operator=(SqlTransaction &&) = delete;

    /// Returns once the commit is durable (synchronous=FULL).
    Result<void> commit();

private:
    explicit SqlTransaction(SqliteDatabase *database) : m_database(database) {}
    SqliteDatabase *m_database;
};

} // namespace fieldnotes
