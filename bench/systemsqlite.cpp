#include "systemsqlite.h"

#include <QFile>
#include <QList>

#include <dlfcn.h>

namespace {
using OpenFn = int (*)(const char *, void **);
using ExecFn = int (*)(void *, const char *, void *, void *, char **);
using PrepareFn = int (*)(void *, const char *, int, void **, const char **);
using BindBlobFn = int (*)(void *, int, const void *, int, void (*)(void *));
using StepFn = int (*)(void *);
using ResetFn = int (*)(void *);
using FinalizeFn = int (*)(void *);
using CloseFn = int (*)(void *);
using VersionFn = const char *(*)();
using ColumnCountFn = int (*)(void *);
using ColumnTextFn = const unsigned char *(*)(void *, int);
using ColumnBytesFn = int (*)(void *, int);

template <typename F>
F symbol(void *library, const char *name)
{
    return reinterpret_cast<F>(dlsym(library, name));
}
constexpr int sqliteRow = 100;
constexpr int sqliteDone = 101;
} // namespace

SystemSqlite::SystemSqlite() : m_library(dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_LOCAL)) {}

SystemSqlite::~SystemSqlite()
{
    close();
    if (m_library)
        dlclose(m_library);
}

QString SystemSqlite::version() const
{
    return QString::fromLatin1(symbol<VersionFn>(m_library, "sqlite3_libversion")());
}

bool SystemSqlite::open(const QString &path)
{
    return symbol<OpenFn>(m_library, "sqlite3_open")(QFile::encodeName(path).constData(), &m_db) == 0;
}

bool SystemSqlite::exec(const char *sql)
{
    return symbol<ExecFn>(m_library, "sqlite3_exec")(m_db, sql, nullptr, nullptr, nullptr) == 0;
}

bool SystemSqlite::insertRows(const char *sql, int rows, const std::function<QList<QByteArray>(int)> &rowValues)
{
    void *statement = nullptr;
    if (symbol<PrepareFn>(m_library, "sqlite3_prepare_v2")(m_db, sql, -1, &statement, nullptr) != 0)
        return false;
    const auto bind = symbol<BindBlobFn>(m_library, "sqlite3_bind_blob");
    const auto step = symbol<StepFn>(m_library, "sqlite3_step");
    const auto reset = symbol<ResetFn>(m_library, "sqlite3_reset");
    const auto transient = reinterpret_cast<void (*)(void *)>(-1);
    bool ok = true;
    for (int row = 0; row < rows && ok; ++row) {
        const QList<QByteArray> values = rowValues(row);
        for (int i = 0; i < values.size(); ++i)
            bind(statement, i + 1, values[i].constData(), int(values[i].size()), transient);
        ok = step(statement) == sqliteDone;
        reset(statement);
    }
    symbol<FinalizeFn>(m_library, "sqlite3_finalize")(statement);
    return ok;
}

int SystemSqlite::queryRows(const char *sql)
{
    void *statement = nullptr;
    if (symbol<PrepareFn>(m_library, "sqlite3_prepare_v2")(m_db, sql, -1, &statement, nullptr) != 0)
        return -1;
    const auto step = symbol<StepFn>(m_library, "sqlite3_step");
    const auto columns = symbol<ColumnCountFn>(m_library, "sqlite3_column_count")(statement);
    const auto text = symbol<ColumnTextFn>(m_library, "sqlite3_column_text");
    const auto bytes = symbol<ColumnBytesFn>(m_library, "sqlite3_column_bytes");
    int rows = 0;
    int status = 0;
    while ((status = step(statement)) == sqliteRow) {
        for (int column = 0; column < columns; ++column) {
            const unsigned char *value = text(statement, column);
            volatile int length = bytes(statement, column); // read, as a caller would
            (void)value;
            (void)length;
        }
        ++rows;
    }
    symbol<FinalizeFn>(m_library, "sqlite3_finalize")(statement);
    return status == sqliteDone ? rows : -1;
}

void SystemSqlite::close()
{
    if (m_db)
        symbol<CloseFn>(m_library, "sqlite3_close")(m_db);
    m_db = nullptr;
}
