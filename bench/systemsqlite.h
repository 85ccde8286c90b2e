#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

/// The system's plain libsqlite3, loaded with dlopen(RTLD_LOCAL) so that its symbols never meet
/// the SQLCipher copy linked into this process: the baseline the benchmarks compare against.
class SystemSqlite
{
public:
    SystemSqlite();
    ~SystemSqlite();
    bool isLoaded() const { return m_library != nullptr; }
    QString version() const;

    bool open(const QString &path);
    bool exec(const char *sql);
    /// Prepares one INSERT with blob parameters and runs it once per row, as the caller binds.
    bool insertRows(const char *sql, int rows, const std::function<QList<QByteArray>(int)> &rowValues);
    /// Runs a query to its end, reading every column of every row as text (as a caller would);
    /// returns the number of rows, or -1 on an error.
    int queryRows(const char *sql);
    void close();

private:
    void *m_library = nullptr;
    void *m_db = nullptr;
};
