#pragma once

#include "error.h"
#include "securebytes.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace fieldnotes::sync {

/// One envelope a device sent, named by its sequence number and envelope hash.
struct EnvelopeRef {
    qint64 sequence = 0;
    QByteArray hash;

    friend bool operator==(const EnvelopeRef &, const EnvelopeRef &) = default;
};

/// The team leader's signed word that they hold a device's notes. The archive relays it, but only
/// the leader's signature lets a device treat a note as collected and, after the retention period,
/// remove its content: an archive that lies about collection cannot make a tablet lose a note.
struct CollectedStatement {
    QString reviewId;
    QByteArray deviceKey;
    QDateTime collectedAt;
    QList<EnvelopeRef> envelopes;
    QByteArray signature;

    QByteArray signedBytes() const;
    QJsonObject toJson() const;
    static Result<CollectedStatement> fromJson(const QJsonObject &object);
    bool verify(const QByteArray &leaderKey) const;
};

CollectedStatement signCollectedStatement(CollectedStatement statement, const SecureBytes &leaderSecretKey);

} // namespace fieldnotes::sync
