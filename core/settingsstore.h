#pragma once

#include "error.h"

#include <QString>
#include <QStringList>

namespace fieldnotes {

class SqliteDatabase;

/// This user's settings (role, name as a team member, idle lock time) and each review's list of
/// names to watch for in notes, kept inside the encrypted vault.
class SettingsStore
{
public:
    explicit SettingsStore(SqliteDatabase &database);

    Result<QString> value(const QString &key, const QString &fallback = QString());
    Result<void> setValue(const QString &key, const QString &value);

    Result<QStringList> watchedNames(const QString &reviewId);
    Result<void> setWatchedNames(const QString &reviewId, const QStringList &names);

private:
    SqliteDatabase &m_database;
};

} // namespace fieldnotes
