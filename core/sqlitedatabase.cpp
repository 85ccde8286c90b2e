#include "sqlitedatabase.h"

#include "durablefile.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <sodium.h>
#include <sqlite3.h>

#include <cstring>
#include <functional>
#include <optional>
#include <utility>

Q_LOGGING_CATEGORY(lcStore, "fieldnotes.store")

namespace fieldnotes {

// ---- SqlStatement ----

SqlStatement::SqlStatement(SqliteDatabase *database, sqlite3_stmt *statement, bool cached)
    : m_database(database), m_statement(statement), m_cached(cached)
{
}

SqlStatement::SqlStatement(SqlStatement &&other) noexcept
    : m_database(other.m_database), m_statement(std::exchange(other.m_statement, nullptr)), m_cached(other.m_cached)
{
}

SqlStatement::~SqlStatement()
{
    if (!m_statement)
        return;
    if (m_cached)
        m_database->release(m_statement);
    else
        sqlite3_finalize(m_statement);
}

SqlStatement &SqlStatement::bindNullable(int index, const QString &text)
{
    return text.isEmpty() ? bindNull(index) : bind(index, text);
}

SqlStatement &SqlStatement::bind(int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_statement, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

SqlStatement &SqlStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
    return *this;
}

SqlStatement &SqlStatement::bindBlob(int index, const QByteArray &bytes)
{
    // A null QByteArray is SQL NULL; an empty one is a zero-length blob.
    if (bytes.isNull())
        return bindNull(index);
    sqlite3_bind_blob(m_statement, index, bytes.constData(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    return *this;
}

SqlStatement &SqlStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
    return *this;
}

Result<bool> SqlStatement::next()
{
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return m_database->errorFor(rc, QString());
}

Result<void> SqlStatement::run()
{
    for (;;) {
        auto row = next();
        if (!row)
            return row.error();
        if (!*row)
            return {};
    }
}

void SqlStatement::reset()
{
    sqlite3_reset(m_statement);
}

QString SqlStatement::text(int column) const
{
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    if (!bytes)
        return {};
    return QString::fromUtf8(bytes, sqlite3_column_bytes(m_statement, column));
}

qint64 SqlStatement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double SqlStatement::real(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

QByteArray SqlStatement::blob(int column) const
{
    if (sqlite3_column_type(m_statement, column) == SQLITE_NULL)
        return {};
    const void *bytes = sqlite3_column_blob(m_statement, column);
    const int size = sqlite3_column_bytes(m_statement, column);
    return size == 0 ? QByteArray("") : QByteArray(static_cast<const char *>(bytes), size);
}

bool SqlStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

// ---- SqliteDatabase ----

namespace {
// SQLite's heap holds plaintext: pages read from the vault, rows, full-text index entries. Every
// block is wiped when it is freed or moved. SQLCipher's cipher_memory_security would do that too,
// but it also mlocks and munlocks each block, two system calls per allocation: 60 % of the draft
// writer's time, growing with the note's length. Those locks were never a guarantee (munlock on
// free unlocks a page that live neighbours share; under Android's 64 KiB limit nearly all fail)
// and the same plaintext lives unlocked in the UI's own heap. Keys stay locked: ours in libsodium's
// guarded memory, SQLCipher's in its private locked heap.
sqlite3_mem_methods systemHeap{};

void wipingFree(void *block)
{
    if (block)
        sodium_memzero(block, static_cast<size_t>(systemHeap.xSize(block)));
    systemHeap.xFree(block);
}

void *wipingRealloc(void *block, int size)
{
    if (!block)
        return systemHeap.xMalloc(size);
    const int oldSize = systemHeap.xSize(block);
    if (size <= oldSize)
        return block;
    void *moved = systemHeap.xMalloc(size);
    if (!moved)
        return nullptr;
    std::memcpy(moved, block, static_cast<size_t>(oldSize));
    wipingFree(block);
    return moved;
}

bool installWipingHeap()
{
    if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &systemHeap) != SQLITE_OK)
        return false;
    static sqlite3_mem_methods wiping = systemHeap;
    wiping.xFree = wipingFree;
    wiping.xRealloc = wipingRealloc;
    return sqlite3_config(SQLITE_CONFIG_MALLOC, &wiping) == SQLITE_OK;
}

bool applyProcessWideSettings()
{
    // Process-wide, and only before SQLite initialises: the first vault opened sets them.
    static const bool wiping = [] {
        const bool installed = installWipingHeap();
        if (!installed)
            qCCritical(lcStore, "SQLite was initialised before Fieldnotes could make it wipe freed memory");
        sqlite3 *scratch = nullptr;
        if (sqlite3_open_v2(":memory:", &scratch, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK)
            sqlite3_exec(scratch, "PRAGMA cipher_log_level = NONE;", nullptr, nullptr, nullptr);
        sqlite3_close(scratch);
        return installed;
    }();
    return wiping;
}
} // namespace

bool SqliteDatabase::freedMemoryIsWiped()
{
    return applyProcessWideSettings();
}

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::openEncrypted(const QString &path, const SecureBytes &rawKey, OpenMode mode)
{
    if (!applyProcessWideSettings())
        return Error{ErrorCode::Io, QStringLiteral("SQLite cannot be made to wipe the memory it frees")};
    if (mode == OpenMode::OpenExisting && !QFile::exists(path))
        return Error{ErrorCode::VaultNotFound, QStringLiteral("the vault database %1 is missing").arg(path)};
    if (mode == OpenMode::CreateNew && QFile::exists(path))
        return Error{ErrorCode::VaultExists, QStringLiteral("a vault database already exists at %1").arg(path)};

    const bool hadWal = QFile::exists(path + QStringLiteral("-wal")) || QFile::exists(path + QStringLiteral("-shm"));
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (mode == OpenMode::CreateNew ? SQLITE_OPEN_CREATE : 0);
    sqlite3 *raw = nullptr;
    const int openRc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw, flags, nullptr);
    std::unique_ptr<SqliteDatabase> database(new SqliteDatabase(raw));
    database->m_path = path;
    database->m_hadWal = hadWal;
    if (openRc != SQLITE_OK)
        return database->errorFor(openRc, QStringLiteral("cannot open %1").arg(path));
    sqlite3_extended_result_codes(raw, 1);
    // The vault has more than one connection (drafts are written on their own thread); a writer
    // waits for another's short transaction rather than failing.
    sqlite3_busy_timeout(raw, 10000);

    // SQLCipher's raw-key form x'<64 hex digits>' skips its own PBKDF2; the hex lives in locked memory.
    SecureBytes keySpec(2 + rawKey.size() * 2 + 1 + 1);
    if (keySpec.isNull())
        return Error{ErrorCode::OutOfMemory, QStringLiteral("cannot allocate locked memory for the key")};
    auto *spec = reinterpret_cast<char *>(keySpec.data());
    spec[0] = 'x';
    spec[1] = '\'';
    sodium_bin2hex(spec + 2, rawKey.size() * 2 + 1, rawKey.data(), rawKey.size());
    spec[2 + rawKey.size() * 2] = '\'';
    const int keyRc = sqlite3_key_v2(raw, "main", spec, static_cast<int>(2 + rawKey.size() * 2 + 1));
    keySpec.wipe();
    if (keyRc != SQLITE_OK)
        return database->errorFor(keyRc, QStringLiteral("cannot key the vault database"));

    // The key is only checked by the first read; a failed read leaves the handle unusable.
    auto probe = database->queryInteger("SELECT count(*) FROM sqlite_schema");
    if (!probe) {
        database->closeWithoutCheckpoint();
        Error error = probe.error();
        if (error.code == ErrorCode::VaultDamaged)
            error.message = QStringLiteral("the vault database cannot be decrypted: it is damaged or does not belong to this key file");
        return error;
    }
    if (mode == OpenMode::CreateNew) {
        if (auto wal = database->exec("PRAGMA journal_mode = WAL"); !wal)
            return wal.error();
    }
    if (auto pragmas = database->exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;"); !pragmas)
        return pragmas.error();
    return database;
}

SqliteDatabase::~SqliteDatabase()
{
    if (!m_db)
        return;
    for (sqlite3_stmt *statement : std::as_const(m_cache))
        sqlite3_finalize(statement);
    sqlite3_close_v2(m_db);
}

void SqliteDatabase::closeWithoutCheckpoint()
{
    if (!m_db)
        return;
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    for (sqlite3_stmt *statement : std::as_const(m_cache))
        sqlite3_finalize(statement);
    m_cache.clear();
    sqlite3_close_v2(m_db);
    m_db = nullptr;
    // Opening created an empty WAL and its index; remove them so the directory is as found.
    const QString wal = m_path + QStringLiteral("-wal");
    if (!m_hadWal && QFileInfo(wal).size() == 0) {
        QFile::remove(wal);
        QFile::remove(m_path + QStringLiteral("-shm"));
    }
}

Result<SqlStatement> SqliteDatabase::prepare(const QByteArray &sql)
{
    if (!m_db)
        return Error{ErrorCode::Io, QStringLiteral("the vault is closed")};
    const QByteArray &key = sql;
    if (sqlite3_stmt *cached = m_cache.value(key); cached && !m_inUse.contains(cached)) {
        m_inUse.insert(cached);
        return SqlStatement(this, cached, true);
    }
    sqlite3_stmt *statement = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql.constData(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (rc != SQLITE_OK)
        return errorFor(rc, QStringLiteral("cannot prepare a statement"));
    if (!m_cache.contains(key)) {
        m_cache.insert(key, statement);
        m_inUse.insert(statement);
        return SqlStatement(this, statement, true);
    }
    return SqlStatement(this, statement, false);
}

void SqliteDatabase::release(sqlite3_stmt *statement)
{
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    m_inUse.remove(statement);
}

Result<void> SqliteDatabase::exec(const char *sql)
{
    if (!m_db)
        return Error{ErrorCode::Io, QStringLiteral("the vault is closed")};
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return errorFor(rc, QString());
    return {};
}

bool SqliteDatabase::usesWriteAheadLog()
{
    auto mode = prepare("PRAGMA journal_mode");
    if (!mode)
        return false;
    auto row = mode->next();
    return row && *row && mode->text(0).compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0;
}

Result<void> SqliteDatabase::syncWriteAheadLog()
{
    if (!m_db)
        return Error{ErrorCode::Io, QStringLiteral("the vault is closed")};
    sqlite3_file *log = nullptr;
    if (const int rc = sqlite3_file_control(m_db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &log); rc != SQLITE_OK)
        return errorFor(rc, QStringLiteral("cannot reach the vault's write-ahead log"));
    if (!log || !log->pMethods)
        return Error{ErrorCode::Io, QStringLiteral("the vault's write-ahead log is not open, so what was written cannot be put on the disk")};
    // Not through the connection: its last error message is not this one.
    if (const int rc = log->pMethods->xSync(log, SQLITE_SYNC_NORMAL); rc != SQLITE_OK)
        return errorFor(rc, QStringLiteral("cannot put the write-ahead log on the disk"), QString::fromUtf8(sqlite3_errstr(rc)));
    return {};
}

namespace {
// Statements naming an attached copy, or a table about to go, are never cached: they would not
// prepare again once it is gone.
int runUncached(sqlite3 *db, const char *sql, const std::function<void(sqlite3_stmt *)> &bind = {})
{
    sqlite3_stmt *statement = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
    if (rc == SQLITE_OK) {
        if (bind)
            bind(statement);
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        }
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(statement);
    return rc;
}

void bindPath(sqlite3_stmt *statement, const QString &path)
{
    const QByteArray encoded = QFile::encodeName(path);
    sqlite3_bind_text(statement, 1, encoded.constData(), int(encoded.size()), SQLITE_TRANSIENT);
}
} // namespace

Result<void> SqliteDatabase::copyInto(const QString &path, const QMap<QString, QByteArray> &keptFiles)
{
    if (!m_db)
        return Error{ErrorCode::Io, QStringLiteral("the database is closed")};
    if (QFile::exists(path))
        return Error{ErrorCode::VaultExists, QStringLiteral("%1 already exists; a copy goes only into a new file").arg(path)};
    // VACUUM INTO reads in one transaction and writes through the same codec, so the copy is
    // encrypted under this database's key from its first page.
    if (const int rc = runUncached(m_db, "VACUUM INTO ?1", [&](sqlite3_stmt *s) { bindPath(s, path); }); rc != SQLITE_OK)
        return errorFor(rc, QStringLiteral("cannot copy the database"));
    if (!keptFiles.isEmpty()) {
        // Attached without a key, the copy takes this database's key (SQLCipher).
        if (const int rc = runUncached(m_db, "ATTACH DATABASE ?1 AS copy_being_made", [&](sqlite3_stmt *s) { bindPath(s, path); });
            rc != SQLITE_OK)
            return errorFor(rc, QStringLiteral("cannot open the copy"));
        int rc = runUncached(m_db, "CREATE TABLE copy_being_made.kept_files (name TEXT PRIMARY KEY, bytes BLOB NOT NULL)");
        for (auto file = keptFiles.cbegin(); rc == SQLITE_OK && file != keptFiles.cend(); ++file) {
            rc = runUncached(m_db, "INSERT INTO copy_being_made.kept_files (name, bytes) VALUES (?1, ?2)", [&](sqlite3_stmt *s) {
                const QByteArray name = file.key().toUtf8();
                sqlite3_bind_text(s, 1, name.constData(), int(name.size()), SQLITE_TRANSIENT);
                sqlite3_bind_blob(s, 2, file.value().constData(), int(file.value().size()), SQLITE_TRANSIENT);
            });
        }
        std::optional<Error> failed;
        if (rc != SQLITE_OK)
            failed = errorFor(rc, QStringLiteral("cannot keep files in the copy"));
        runUncached(m_db, "DETACH DATABASE copy_being_made");
        if (failed)
            return *failed;
    }
    QString message;
    if (!platform::syncFileAndDirectory(path, &message))
        return Error{ErrorCode::Io, message};
    return {};
}

Result<QMap<QString, QByteArray>> SqliteDatabase::takeKeptFiles()
{
    QMap<QString, QByteArray> files;
    auto exists = queryInteger("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'kept_files'");
    if (!exists)
        return exists.error();
    if (*exists == 0)
        return files;
    sqlite3_stmt *statement = nullptr;
    int rc = sqlite3_prepare_v2(m_db, "SELECT name, bytes FROM kept_files", -1, &statement, nullptr);
    while (rc == SQLITE_OK && (rc = sqlite3_step(statement)) == SQLITE_ROW) {
        const auto *bytes = static_cast<const char *>(sqlite3_column_blob(statement, 1));
        files.insert(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0))),
                     QByteArray(bytes, sqlite3_column_bytes(statement, 1)));
        rc = SQLITE_OK;
    }
    sqlite3_finalize(statement);
    if (rc != SQLITE_DONE)
        return errorFor(rc, QStringLiteral("cannot read the files kept in the copy"));
    if (const int dropped = runUncached(m_db, "DROP TABLE kept_files"); dropped != SQLITE_OK)
        return errorFor(dropped, QStringLiteral("cannot remove the files kept in the copy"));
    return files;
}

Result<qint64> SqliteDatabase::queryInteger(const char *sql)
{
    auto statement = prepare(sql);
    if (!statement)
        return statement.error();
    auto row = statement->next();
    if (!row)
        return row.error();
    return *row ? statement->integer(0) : qint64(0);
}

qint64 SqliteDatabase::changes() const
{
    return m_db ? sqlite3_changes64(m_db) : 0;
}

qint64 SqliteDatabase::lastInsertRowId() const
{
    return m_db ? sqlite3_last_insert_rowid(m_db) : 0;
}

Result<QStringList> SqliteDatabase::integrityProblems()
{
    QStringList problems;
    for (const char *check : {"PRAGMA cipher_integrity_check", "PRAGMA quick_check"}) {
        auto statement = prepare(check);
        if (!statement) {
            problems << statement.error().message;
            continue;
        }
        for (;;) {
            auto row = statement->next();
            if (!row) {
                problems << row.error().message;
                break;
            }
            if (!*row)
                break;
            const QString line = statement->text(0);
            if (line != QLatin1String("ok"))
                problems << line;
        }
    }
    return problems;
}

Error SqliteDatabase::errorFor(int code, const QString &context) const
{
    return errorFor(code, context, m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(code)));
}

Error SqliteDatabase::errorFor(int code, const QString &context, const QString &detail)
{
    const QString message = context.isEmpty() ? detail : context + QStringLiteral(": ") + detail;
    qCWarning(lcStore) << "SQLite error" << code << detail; // never the statement or its values
    switch (code & 0xff) {
    case SQLITE_FULL:
        return Error{ErrorCode::StorageFull, QStringLiteral("the disk is full; nothing was saved (%1)").arg(message)};
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        return Error{ErrorCode::VaultDamaged, QStringLiteral("the vault database is damaged (%1)").arg(message)};
    case SQLITE_NOMEM:
        return Error{ErrorCode::OutOfMemory, message};
    case SQLITE_CONSTRAINT:
        if (detail.contains(QLatin1String("immutable")))
            return Error{ErrorCode::Immutable, detail};
        return Error{ErrorCode::InvalidArgument, message};
    case SQLITE_IOERR:
        return Error{ErrorCode::Io, QStringLiteral("the storage reported an I/O error, so this stopped; what was saved before it is kept (%1)").arg(message)};
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error{ErrorCode::Io, message};
    default:
        return Error{ErrorCode::Io, message};
    }
}

// ---- SqlTransaction ----

Result<SqlTransaction> SqlTransaction::begin(SqliteDatabase &database)
{
    if (auto begun = database.exec("BEGIN IMMEDIATE"); !begun)
        return begun.error();
    return SqlTransaction(&database);
}

SqlTransaction::SqlTransaction(SqlTransaction &&other) noexcept : m_database(std::exchange(other.m_database, nullptr)) {}

SqlTransaction::~SqlTransaction()
{
    if (m_database && m_database->handle() && !sqlite3_get_autocommit(m_database->handle()))
        sqlite3_exec(m_database->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

Result<void> SqlTransaction::commit()
{
    auto committed = m_database->exec("COMMIT");
    if (committed)
        m_database = nullptr;
    return committed;
}

} // namespace fieldnotes
