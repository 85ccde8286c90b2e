#pragma once

#include "deviceidentity.h"
#include "engagement.h"
#include "error.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>

namespace fieldnotes::sync {

/// An engagement as a tablet recorded it (its priority, kind, time, who introduced and who took
/// notes, its participants by role and count), signed by the device. It travels to the team
/// leader inside the sealed envelope of every note taken in it, so the leader can place each note
/// by priority and source even when the engagement was made on the tablet. Format:
/// docs/sync-protocol.md, "Engagement records".
struct EngagementRecord {
    Engagement engagement;
    QByteArray deviceKey;  // Ed25519 public key of the recording device
    QDateTime recordedAt;  // UTC, when the note carrying it was sealed
    QByteArray signature;  // the device's Ed25519 signature over signedBytes()

    QJsonObject recordJson() const;
    /// "fieldnotes-engagement-v1\n" followed by the canonical JSON of recordJson().
    QByteArray signedBytes() const;
    /// BLAKE2b-256 over signedBytes() followed by the signature: the record's identity.
    QByteArray hash() const;
    /// {"record": ..., "signature": hex}
    QJsonObject toJson() const;
    /// Parses and checks the device's signature; any malformed field or a signature that does
    /// not hold is an error that says which.
    static Result<EngagementRecord> fromJson(const QJsonObject &object);
};

EngagementRecord signEngagementRecord(const Engagement &engagement, const DeviceIdentity &device, const QDateTime &recordedAt);

/// The engagement's fields as the set-up and engagement records carry them.
QJsonObject engagementToJson(const Engagement &engagement);
/// The engagement's fields, with the review id given; an error names the first field that is
/// missing or malformed.
Result<Engagement> engagementFromJson(const QJsonObject &object, const QString &reviewId);

} // namespace fieldnotes::sync
