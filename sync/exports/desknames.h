#pragma once

#include "deskengagements.h"
#include "error.h"
#include "priority.h"
#include "review.h"
#include "sources.h"

#include <QHash>
#include <QList>
#include <QString>

namespace fieldnotes {
class Vault;
}

namespace fieldnotes::sync {

/// What a review's ids stand for, as every rendering of the desk names them: the review, its
/// priorities, its sources and its engagements as the desk places them, with lookups by id.
struct DeskNames {
    Review review;
    QList<Priority> priorities;
    QList<Source> sources;
    QList<DeskEngagement> engagements;

    QString priorityTitle(const QString &id) const { return m_priorityTitle.value(id); }
    /// The source's label; its id when the review's set-up has no such source.
    QString sourceLabel(const QString &id) const { return m_sourceLabel.value(id, id); }
    /// The engagement's title; its id when the desk knows no such engagement.
    QString engagementTitle(const QString &id) const { return m_engagementTitle.value(id, id); }

private:
    friend Result<DeskNames> deskNames(Vault &vault, const QString &reviewId);
    QHash<QString, QString> m_priorityTitle;
    QHash<QString, QString> m_sourceLabel;
    QHash<QString, QString> m_engagementTitle;
};

/// Refuses a review the vault does not hold.
Result<DeskNames> deskNames(Vault &vault, const QString &reviewId);

/// The error, saying what was being read: "the findings: …".
Error whileReading(const char *what, const Error &error);

} // namespace fieldnotes::sync
