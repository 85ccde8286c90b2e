#pragma once

#include "deviceidentity.h"
#include "engagementrecord.h"
#include "error.h"
#include "signednote.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace fieldnotes::sync {

/// A signed note on its way to the team leader: sealed to the leaders' X25519 keys so only they
/// can read it, with the outer metadata the archive needs,
/// signed by the device. Format: docs/sync-protocol.md.
struct Envelope {
    QString reviewId;
    QByteArray deviceKey; // Ed25519 public key of the author's device
    qint64 sequence = 0;  // the note's per-device sequence number
    QByteArray sealed;    // the sealed bytes (one crypto_box_seal before version 3)
    QByteArray hash;      // BLAKE2b-256 of sealed
    QByteArray signature; // device's Ed25519 signature over metadataBytes()

    QByteArray metadataBytes() const;
    QJsonObject toJson() const;
    static Result<Envelope> fromJson(const QJsonObject &object);
};

/// Seals a note this device signed to the leaders' box keys: the review's, then each active deputy
/// leader's, as the roster names them. Inside travels the note, the device's signed record of the
/// note's engagement if given, and a second signature by the author over (review, every recipient
/// key, note hash, record hash), so a note re-sealed by anyone else, to anyone else, or with another
/// record, is detected when opened.
Result<Envelope> sealNote(const SignedNote &note, const QList<QByteArray> &recipients, const DeviceIdentity &device,
                          const std::optional<EngagementRecord> &engagement = std::nullopt);

/// The sealed bytes' format (docs/sync-protocol.md, "Envelopes"): plain bytes under a fresh key,
/// the key sealed to each recipient. What sealNote puts in an envelope.
Result<QByteArray> sealForRecipients(const QByteArray &plain, const QList<QByteArray> &recipients);
/// The plain bytes inside an envelope's seal, if this box key is a recipient (NotFound if the
/// envelope names other recipients only); version 1 and 2 seals as well.
Result<SecureBytes> openSealedContent(const Envelope &envelope, const QByteArray &boxPublicKey, const SecureBytes &boxSecretKey);

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
