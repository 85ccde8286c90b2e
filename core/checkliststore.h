#pragma once

#include "clock.h"
#include "error.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace fieldnotes {

class SqliteDatabase;

/// One checklist point as recorded: ticked, or skipped with the reason given.
struct ChecklistMark {
    QString item;
    bool ticked = false;
    QString reason; // required when skipped
    QDateTime markedAt;

    friend bool operator==(const ChecklistMark &, const ChecklistMark &) = default;
};

/// What was ticked or skipped in an engagement's opening and closing checklists and its
/// question list. Each mark is durable when the call returns.
class ChecklistStore
{
public:
    ChecklistStore(SqliteDatabase &database, Clock clock);

    Result<ChecklistMark> tick(const QString &engagementId, const QString &checklist, const QString &item);
    Result<ChecklistMark> skip(const QString &engagementId, const QString &checklist, const QString &item, const QString &reason);
    Result<void> clear(const QString &engagementId, const QString &checklist, const QString &item);
    Result<QList<ChecklistMark>> marks(const QString &engagementId, const QString &checklist);

private:
    Result<ChecklistMark> mark(const QString &engagementId, const QString &checklist, const ChecklistMark &mark);

    SqliteDatabase &m_database;
    Clock m_clock;
};

} // namespace fieldnotes
