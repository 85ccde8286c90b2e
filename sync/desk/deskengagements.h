#pragma once

#include "engagement.h"
#include "error.h"
#include "sources.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace fieldnotes {
class NoteStore;
class SqliteDatabase;
class Vault;
}

namespace fieldnotes::sync {

/// What the desk reads through: a connection to the leader's vault and the note store over it.
/// A vault gives its own; a reader on a thread of its own gives its own connection's.
struct DeskConnection {
    DeskConnection(Vault &vault); // implicit: every reader that has the vault passes it
    DeskConnection(SqliteDatabase &database, NoteStore &store) : database(database), store(store) {}

    SqliteDatabase &database;
    NoteStore &store;
};

/// An engagement as the team leader's desk places it: the latest record a tablet signed for it
/// (by recorded_at), or the leader's own programme when no tablet sent one.
struct DeskEngagement {
    Engagement engagement;
    QByteArray recordedBy;  // the device whose record this is; empty: the leader's programme
    int records = 0;        // how many distinct signed records of it the leader holds
    QString derivedSource;  // from its participants and kind (sources.h)
    QString correctedSource; // the leader's correction, if any

    QString source() const { return correctedSource.isEmpty() ? derivedSource : correctedSource; }
};

/// The review's sources: its set-up's list, or the methodology's when it has none.
Result<QList<Source>> reviewSources(DeskConnection desk, const QString &reviewId);

/// Makes the review's sources these, in this order; refuses to drop one a correction names.
Result<void> replaceReviewSources(Vault &vault, const QString &reviewId, const QList<Source> &sources);

/// Adds a source to the review's list (after the others), with the role words that place an
/// engagement's participants there; written with who to the desk's history. Refuses an id that is
/// not lower-case letters, digits and hyphens, or one the review has.
Result<void> addReviewSource(Vault &vault, const QString &reviewId, const Source &source, const QString &by);
/// Takes a source off the list; refuses the two that notes are placed in by their kind
/// (observation, documents) and one an engagement's correction names.
Result<void> removeReviewSource(Vault &vault, const QString &reviewId, const QString &sourceId, const QString &by);

/// Every engagement of the review the desk knows, in programme order (start, then id).
Result<QList<DeskEngagement>> deskEngagements(DeskConnection desk, const QString &reviewId);

/// The leader's correction of where an engagement's notes come from (an empty sourceId goes back
/// to the derived source), written with who made it and when to the desk's history, in one
/// transaction. Refuses a source the review does not have and an engagement the desk does not know.
Result<void> correctEngagementSource(Vault &vault, const QString &reviewId, const QString &engagementId, const QString &sourceId,
                                     const QString &by);

/// One change to the desk, as desk_history keeps it.
struct DeskChange {
    QString at;
    QString by;
    QString subject; // e.g. "engagement:ID"
    QString action;
    QString detail;  // canonical JSON
};
/// Writes one change to the desk's history; call it inside the transaction that makes the change.
Result<void> recordDeskChange(Vault &vault, const QString &reviewId, const QString &by, const QString &subject, const QString &action,
                              const QJsonObject &detail);
Result<QList<DeskChange>> deskHistory(Vault &vault, const QString &reviewId, const QString &subject = {});

} // namespace fieldnotes::sync
