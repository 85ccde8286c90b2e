#include "envelope.h"

#include "signednotejson.h"
#include "syncencoding.h"

#include <sodium.h>

namespace fieldnotes::sync {

namespace {
// Version 1 seals a note alone; version 2 also binds the engagement record sealed with it.
QByteArray sealSignedBytes(const QString &reviewId, const QByteArray &recipient, const QByteArray &noteHash,
                           const QByteArray &recordHash = {})
{
    if (recordHash.isEmpty())
        return "fieldnotes-seal-v1\n" + reviewId.toUtf8() + '\n' + recipient.toHex() + '\n' + noteHash.toHex();
    return "fieldnotes-seal-v2\n" + reviewId.toUtf8() + '\n' + recipient.toHex() + '\n' + noteHash.toHex() + '\n' + recordHash.toHex();
}
} // namespace

QByteArray Envelope::metadataBytes() const
{
    return "fieldnotes-envelope-v1\n" + reviewId.toUtf8() + '\n' + deviceKey.toHex() + '\n'
           + QByteArray::number(sequence) + '\n' + hash.toHex();
}

QJsonObject Envelope::toJson() const
{
    return QJsonObject{
        {QStringLiteral("review"), reviewId},
        {QStringLiteral("device"), toHex(deviceKey)},
        {QStringLiteral("seq"), sequence},
        {QStringLiteral("sealed"), QString::fromLatin1(sealed.toBase64())},
        {QStringLiteral("hash"), toHex(hash)},
        {QStringLiteral("signature"), toHex(signature)},
    };
}

Result<Envelope> Envelope::fromJson(const QJsonObject &object)
{
    Envelope envelope;
    envelope.reviewId = object.value(QStringLiteral("review")).toString();
    envelope.sequence = object.value(QStringLiteral("seq")).toInteger(0);
    const auto device = fromHex(object.value(QStringLiteral("device")).toString(), crypto_sign_PUBLICKEYBYTES);
    const auto hash = fromHex(object.value(QStringLiteral("hash")).toString(), crypto_generichash_BYTES);
    const auto signature = fromHex(object.value(QStringLiteral("signature")).toString(), crypto_sign_BYTES);
    const auto sealed = fromBase64(object.value(QStringLiteral("sealed")).toString());
    if (envelope.reviewId.isEmpty() || envelope.sequence < 1 || !device || !hash || !signature || !sealed
        || sealed->size() <= static_cast<qsizetype>(crypto_box_SEALBYTES))
        return invalid(QStringLiteral("envelope: review, device, seq, sealed, hash or signature missing or malformed"));
    envelope.deviceKey = *device;
    envelope.hash = *hash;
    envelope.signature = *signature;
    envelope.sealed = *sealed;
    return envelope;
}

Result<Envelope> sealNote(const SignedNote &note, const QByteArray &leaderBoxKey, const DeviceIdentity &device,
                          const std::optional<EngagementRecord> &engagement)
{
    if (leaderBoxKey.size() != crypto_box_PUBLICKEYBYTES)
        return invalid(QStringLiteral("the leader's box key is malformed"));
    if (note.content.authorKey != device.publicKey)
        return invalid(QStringLiteral("only the author's device seals its notes"));
    if (engagement
        && (engagement->deviceKey != device.publicKey || engagement->engagement.id != note.content.engagementId
            || engagement->engagement.reviewId != note.content.reviewId))
        return invalid(QStringLiteral("the engagement record sealed with a note must be this device's, of the note's engagement"));
    const QByteArray recordHash = engagement ? engagement->hash() : QByteArray();
    QJsonObject inner{
        {QStringLiteral("v"), engagement ? 2 : 1},
        {QStringLiteral("review"), note.content.reviewId},
        {QStringLiteral("recipient"), toHex(leaderBoxKey)},
        {QStringLiteral("note"), signedNoteToJson(note)},
        {QStringLiteral("seal_signature"),
         toHex(signDetached(sealSignedBytes(note.content.reviewId, leaderBoxKey, note.hash, recordHash), device.secretKey))},
    };
    if (engagement)
        inner.insert(QStringLiteral("engagement"), engagement->toJson());
    const QByteArray plain = canonicalJson(inner);
    Envelope envelope;
    envelope.reviewId = note.content.reviewId;
    envelope.deviceKey = device.publicKey;
    envelope.sequence = note.content.sequence;
    envelope.sealed.resize(plain.size() + static_cast<qsizetype>(crypto_box_SEALBYTES));
    if (crypto_box_seal(reinterpret_cast<unsigned char *>(envelope.sealed.data()),
                        reinterpret_cast<const unsigned char *>(plain.constData()), static_cast<unsigned long long>(plain.size()),
                        reinterpret_cast<const unsigned char *>(leaderBoxKey.constData()))
        != 0)
        return Error{ErrorCode::Crypto, QStringLiteral("sealing the note failed")};
    envelope.hash = blake2b256(envelope.sealed);
    envelope.signature = signDetached(envelope.metadataBytes(), device.secretKey);
    return envelope;
}

Result<void> verifyEnvelopeMetadata(const Envelope &envelope)
{
    if (blake2b256(envelope.sealed) != envelope.hash)
        return invalid(QStringLiteral("envelope %1: the hash does not match the sealed bytes").arg(envelope.sequence));
    if (!verifyDetached(envelope.signature, envelope.metadataBytes(), envelope.deviceKey))
        return invalid(QStringLiteral("envelope %1: the device's signature does not hold").arg(envelope.sequence));
    return {};
}

Result<OpenedEnvelope> openEnvelope(const Envelope &envelope, const QByteArray &boxPublicKey, const SecureBytes &boxSecretKey)
{
    if (auto metadata = verifyEnvelopeMetadata(envelope); !metadata)
        return metadata.error();
    const qsizetype plainSize = envelope.sealed.size() - static_cast<qsizetype>(crypto_box_SEALBYTES);
    SecureBytes plain(static_cast<std::size_t>(plainSize));
    if (crypto_box_seal_open(plain.data(), reinterpret_cast<const unsigned char *>(envelope.sealed.constData()),
                             static_cast<unsigned long long>(envelope.sealed.size()),
                             reinterpret_cast<const unsigned char *>(boxPublicKey.constData()), boxSecretKey.data())
        != 0)
        return Error{ErrorCode::Crypto, QStringLiteral("envelope %1: it does not open with the leader's key").arg(envelope.sequence)};
    auto inner = parseJsonObject(QByteArray(reinterpret_cast<const char *>(plain.data()), plainSize));
    if (!inner)
        return inner.error();
    auto note = signedNoteFromJson(inner->value(QStringLiteral("note")).toObject());
    if (!note)
        return note.error();
    const QString where = QStringLiteral("envelope %1: ").arg(envelope.sequence);
    if (note->contentRemoved())
        return invalid(where + QStringLiteral("holds a note without its signed content; only the note itself can be evidence"));
    const auto recipient = fromHex(inner->value(QStringLiteral("recipient")).toString(), crypto_box_PUBLICKEYBYTES);
    if (!recipient || *recipient != boxPublicKey)
        return invalid(where + QStringLiteral("sealed for another recipient"));
    const QString reviewId = inner->value(QStringLiteral("review")).toString();
    if (reviewId != envelope.reviewId || note->content.reviewId != envelope.reviewId)
        return invalid(where + QStringLiteral("the note belongs to another review"));
    if (note->content.authorKey != envelope.deviceKey || note->content.sequence != envelope.sequence)
        return invalid(where + QStringLiteral("re-sealed: the note's author or sequence differs from the envelope's"));
    OpenedEnvelope opened{*note, std::nullopt};
    const int version = inner->value(QStringLiteral("v")).toInt();
    if (version == 2) {
        auto record = EngagementRecord::fromJson(inner->value(QStringLiteral("engagement")).toObject());
        if (!record)
            return invalid(where + record.error().message);
        if (record->deviceKey != envelope.deviceKey || record->engagement.reviewId != envelope.reviewId
            || record->engagement.id != note->content.engagementId)
            return invalid(where + QStringLiteral("the engagement record is not the author's record of the note's engagement"));
        opened.engagement = *record;
    } else if (version != 1 || inner->contains(QStringLiteral("engagement"))) {
        return invalid(where + QStringLiteral("unknown sealed format"));
    }
    const auto sealSignature = fromHex(inner->value(QStringLiteral("seal_signature")).toString(), crypto_sign_BYTES);
    const QByteArray recordHash = opened.engagement ? opened.engagement->hash() : QByteArray();
    if (!sealSignature
        || !verifyDetached(*sealSignature, sealSignedBytes(reviewId, boxPublicKey, note->hash, recordHash), note->content.authorKey))
        return invalid(where + QStringLiteral("re-sealed: the author's seal signature does not hold"));
    return opened;
}

} // namespace fieldnotes::sync
