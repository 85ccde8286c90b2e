#pragma once

#include "deviceidentity.h"
#include "engagementrecord.h"
#include "error.h"
#include "signednote.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace fieldnotes::sync {

/// A signed note on its way to the team leader: sealed to the leader's X25519 key
/// (crypto_box_seal) so only the leader can read it, with the outer metadata the archive needs,
/// signed by the device. Format: docs/sync-protocol.md.
struct Envelope {
    QString reviewId;
    QByteArray deviceKey; // Ed25519 public key of the author's device
    qint64 sequence = 0;  // the note's per-device sequence number
    QByteArray sealed;    // crypto_box_seal ciphertext
    QByteArray hash;      // BLAKE2b-256 of sealed
    QByteArray signature; // device's Ed25519 signature over metadataBytes()

    QByteArray metadataBytes() const;
    QJsonObject toJson() const;
    static Result<Envelope> fromJson(const QJsonObject &object);
};

/// Seals a note this device signed to the leader's box key. Inside the box travels the note, the
/// device's signed record of the note's engagement if given, and a second signature by the author
/// over (review, recipient key, note hash, record hash), so a note re-sealed by anyone else, to
/// anyone else, or with another record, is detected when opened.
Result<Envelope> sealNote(const SignedNote &note, const QByteArray &leaderBoxKey, const DeviceIdentity &device,
                          const std::optional<EngagementRecord> &engagement = std::nullopt);

/// What the archive can check without opening it: the hash matches the ciphertext and the device
/// signed the metadata.
Result<void> verifyEnvelopeMetadata(const Envelope &envelope);

/// What an envelope holds once opened.
struct OpenedEnvelope {
    SignedNote note;
    std::optional<EngagementRecord> engagement; // absent in envelopes sealed before records travelled
};

/// Opens an envelope with the leader's box keys and checks everything the seal binds: the
/// recipient is this key, the review, author and sequence agree inside and out, and the author's
/// seal signature holds; an engagement record must be the device's, for the note's engagement and
/// review, and verify. The note's own signature and chain are the core verifier's job.
Result<OpenedEnvelope> openEnvelope(const Envelope &envelope, const QByteArray &boxPublicKey, const SecureBytes &boxSecretKey);

} // namespace fieldnotes::sync
