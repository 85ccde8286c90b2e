#pragma once

#include "error.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace fieldnotes {
class Vault;
}

namespace fieldnotes::sync {

/// What the team leader did about a safeguarding concern, signed with the review's leader key
/// over "fieldnotes-concern-followup-v1\n" + the canonical JSON of record(), so that anyone with
/// the leader key can check it with standard tools. A concern may have several, in time order.
struct ConcernFollowUp {
    QString reviewId;
    QByteArray noteHash;   // the concern as signed by its tablet
    QDateTime seenAt;      // when the leader read it
    QString raisedWith;    // whom it was raised with; empty if not (yet) raised
    QString decision;      // what was decided; empty if nothing yet
    QString by;            // who on the team records it
    QDateTime signedAt;
    QByteArray leaderKey;
    QByteArray signature;

    QJsonObject record() const;
    QByteArray signedBytes() const;
    QByteArray hash() const; // BLAKE2b-256 of signedBytes() || signature
    QJsonObject toJson() const; // {record, signature}
    /// Checks the canonical form, and the signature against leaderKey.
    static Result<ConcernFollowUp> fromJson(const QJsonObject &object, const QByteArray &leaderKey);
};

/// Signs and keeps a follow-up of a collected concern with the review's leader key, and writes it
/// to the desk's history. Refuses a note that is not a collected concern of the review.
Result<ConcernFollowUp> recordConcernFollowUp(Vault &vault, const QString &reviewId, const QByteArray &noteHash, const QDateTime &seenAt,
                                              const QString &raisedWith, const QString &decision, const QString &by);
/// The review's follow-ups (of one concern, if noteHash is given), oldest first, each verified
/// again against the review's leader key.
Result<QList<ConcernFollowUp>> concernFollowUps(Vault &vault, const QString &reviewId, const QByteArray &noteHash = {});

} // namespace fieldnotes::sync
