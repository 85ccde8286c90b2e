#include "checkliststore.h"

#include "signednote.h"
#include "sqlitedatabase.h"

namespace fieldnotes {

ChecklistStore::ChecklistStore(SqliteDatabase &database, Clock clock) : m_database(database), m_clock(std::move(clock)) {}

Result<ChecklistMark> ChecklistStore::tick(const QString &engagementId, const QString &checklist, const QString &item)
{
    return mark(engagementId, checklist, ChecklistMark{item, true, QString(), {}});
}

Result<ChecklistMark> ChecklistStore::skip(const QString &engagementId, const QString &checklist, const QString &item,
                                           const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("say why this point was skipped")};
    return mark(engagementId, checklist, ChecklistMark{item, false, reason.trimmed(), {}});
}

Result<ChecklistMark> ChecklistStore::mark(const QString &engagementId, const QString &checklist, const ChecklistMark &mark)
{
    ChecklistMark stored = mark;
    stored.markedAt = parseCanonicalTimestamp(canonicalTimestamp(m_clock()));
    auto statement = m_database.prepare(
        "INSERT INTO checklist_marks (engagement_id, checklist, item, state, reason, marked_at) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (engagement_id, checklist, item) DO UPDATE SET state = excluded.state, reason = excluded.reason, "
        "marked_at = excluded.marked_at");
    if (!statement)
        return statement.error();
    statement->bind(1, engagementId).bind(2, checklist).bind(3, stored.item)
        .bind(4, stored.ticked ? QStringLiteral("ticked") : QStringLiteral("skipped")).bind(5, stored.reason)
        .bind(6, canonicalTimestamp(stored.markedAt));
    if (auto done = statement->run(); !done) {
        if (done.error().code == ErrorCode::InvalidArgument)
            return Error{ErrorCode::NotFound, QStringLiteral("no engagement with id %1").arg(engagementId)};
        return done.error();
    }
    return stored;
}

Result<void> ChecklistStore::clear(const QString &engagementId, const QString &checklist, const QString &item)
{
    auto statement = m_database.prepare("DELETE FROM checklist_marks WHERE engagement_id = ? AND checklist = ? AND item = ?");
    if (!statement)
        return statement.error();
    statement->bind(1, engagementId).bind(2, checklist).bind(3, item);
    return statement->run();
}

Result<QList<ChecklistMark>> ChecklistStore::marks(const QString &engagementId, const QString &checklist)
{
    return queryList<ChecklistMark>(
        m_database,
        "SELECT item, state, reason, marked_at FROM checklist_marks WHERE engagement_id = ? AND checklist = ? ORDER BY marked_at, rowid",
        [&](SqlStatement &statement) { statement.bind(1, engagementId).bind(2, checklist); },
        [](const SqlStatement &row) {
            return ChecklistMark{row.text(0), row.text(1) == QLatin1String("ticked"), row.text(2), parseCanonicalTimestamp(row.text(3))};
        });
}

} // namespace fieldnotes
