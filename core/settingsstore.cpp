#include "settingsstore.h"

#include "sqlitedatabase.h"

namespace fieldnotes {

SettingsStore::SettingsStore(SqliteDatabase &database) : m_database(database) {}

Result<QString> SettingsStore::value(const QString &key, const QString &fallback)
{
    auto statement = m_database.prepare("SELECT value FROM settings WHERE key = ?");
    if (!statement)
        return statement.error();
    statement->bind(1, key);
    auto row = statement->next();
    if (!row)
        return row.error();
    return *row ? statement->text(0) : fallback;
}

Result<void> SettingsStore::setValue(const QString &key, const QString &value)
{
    auto statement = m_database.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!statement)
        return statement.error();
    statement->bind(1, key).bind(2, value);
    return statement->run();
}

Result<QStringList> SettingsStore::watchedNames(const QString &reviewId)
{
    return queryList<QString>(
        m_database, "SELECT name FROM watched_names WHERE review_id = ? ORDER BY name",
        [&reviewId](SqlStatement &statement) { statement.bind(1, reviewId); }, [](const SqlStatement &row) { return row.text(0); });
}

Result<void> SettingsStore::setWatchedNames(const QString &reviewId, const QStringList &names)
{
    auto transaction = SqlTransaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    auto removal = m_database.prepare("DELETE FROM watched_names WHERE review_id = ?");
    if (!removal)
        return removal.error();
    removal->bind(1, reviewId);
    if (auto done = removal->run(); !done)
        return done.error();
    for (const QString &name : names) {
        if (name.trimmed().isEmpty())
            continue;
        auto insert = m_database.prepare("INSERT OR IGNORE INTO watched_names (review_id, name) VALUES (?, ?)");
        if (!insert)
            return insert.error();
        insert->bind(1, reviewId).bind(2, name.trimmed());
        if (auto done = insert->run(); !done)
            return done.error();
    }
    return transaction->commit();
}

} // namespace fieldnotes
