#include "envelope.h"

#include "signednotejson.h"
#include "syncencoding.h"

#include <QJsonArray>

#include <algorithm>

#include <sodium.h>

namespace fieldnotes::sync {

namespace {
// Version 1 seals a note alone; version 2 also binds the engagement record sealed with it; version 3
// binds every recipient (the review's box key and each active deputy leader's).
QByteArray sealSignedBytes(const QString &reviewId, const QByteArray &recipient, const QByteArray &noteHash,
                           const QByteArray &recordHash = {})
{
    if (recordHash.isEmpty())
        return "fieldnotes-seal-v1\n" + reviewId.toUtf8() + '\n' + recipient.toHex() + '\n' + noteHash.toHex();
    return "fieldnotes-seal-v2\n" + reviewId.toUtf8() + '\n' + recipient.toHex() + '\n' + noteHash.toHex() + '\n' + recordHash.toHex();
}

QByteArray sealSignedBytesV3(const QString &reviewId, const QList<QByteArray> &recipients, const QByteArray &noteHash,
                             const QByteArray &recordHash)
{
    QByteArrayList hex;
    for (const QByteArray &recipient : recipients)
        hex << recipient.toHex();
    return "fieldnotes-seal-v3\n" + reviewId.toUtf8() + '\n' + hex.join(',') + '\n' + noteHash.toHex() + '\n' + recordHash.toHex();
}

// The sealed bytes of a note for several recipients (docs/sync-protocol.md, "Envelopes"): the
// inner JSON under one random key (XChaCha20-Poly1305, the header as associated data), and that
// key sealed to each recipient with crypto_box_seal.
const QByteArray kMultiMagic = QByteArrayLiteral("FNS3");
constexpr qsizetype kKeySlot = crypto_box_PUBLICKEYBYTES + crypto_box_SEALBYTES + crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
constexpr int kMaxRecipients = 16;

struct MultiSealed {
    QByteArray header; // magic, count, slots
    QList<QByteArray> recipients;
    QList<QByteArray> sealedKeys;
    QByteArray nonce;
    QByteArray ciphertext;
};

std::optional<MultiSealed> parseMultiSealed(const QByteArray &sealed)
{
    if (!sealed.startsWith(kMultiMagic) || sealed.size() < kMultiMagic.size() + 1)
        return std::nullopt;
    const int count = static_cast<unsigned char>(sealed.at(kMultiMagic.size()));
    const qsizetype headerSize = kMultiMagic.size() + 1 + count * kKeySlot;
    const qsizetype minimum = headerSize + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;
    if (count < 1 || count > kMaxRecipients || sealed.size() <= minimum)
        return std::nullopt;
    MultiSealed parsed;
    parsed.header = sealed.left(headerSize);
    for (int i = 0; i < count; ++i) {
        const qsizetype at = kMultiMagic.size() + 1 + i * kKeySlot;
        parsed.recipients << sealed.mid(at, crypto_box_PUBLICKEYBYTES);
        parsed.sealedKeys << sealed.mid(at + crypto_box_PUBLICKEYBYTES, kKeySlot - crypto_box_PUBLICKEYBYTES);
    }
    parsed.nonce = sealed.mid(headerSize, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    parsed.ciphertext = sealed.mid(headerSize + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    return parsed;
}

} // namespace

Result<QByteArray> sealForRecipients(const QByteArray &plain, const QList<QByteArray> &recipients)
{
    SecureBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    crypto_aead_xchacha20poly1305_ietf_keygen(key.data());
    QByteArray header = kMultiMagic + char(recipients.size());
    for (const QByteArray &recipient : recipients) {
        QByteArray slot(crypto_box_SEALBYTES + crypto_aead_xchacha20poly1305_ietf_KEYBYTES, '\0');
        if (crypto_box_seal(reinterpret_cast<unsigned char *>(slot.data()), key.data(), key.size(),
                            reinterpret_cast<const unsigned char *>(recipient.constData()))
            != 0)
            return Error{ErrorCode::Crypto, QStringLiteral("sealing the note failed")};
        header += recipient + slot;
    }
    QByteArray nonce(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, '\0');
    randombytes_buf(nonce.data(), std::size_t(nonce.size()));
    QByteArray ciphertext(plain.size() + qsizetype(crypto_aead_xchacha20poly1305_ietf_ABYTES), '\0');
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char *>(ciphertext.data()), &written,
                                               reinterpret_cast<const unsigned char *>(plain.constData()), std::size_t(plain.size()),
                                               reinterpret_cast<const unsigned char *>(header.constData()), std::size_t(header.size()),
                                               nullptr, reinterpret_cast<const unsigned char *>(nonce.constData()), key.data());
    return QByteArray(header + nonce + ciphertext);
}

Result<SecureBytes> openSealedContent(const Envelope &envelope, const QByteArray &boxPublicKey, const SecureBytes &boxSecretKey)
{
    const auto multi = parseMultiSealed(envelope.sealed);
    const qsizetype slot = multi ? multi->recipients.indexOf(boxPublicKey) : -1;
    if (slot >= 0) {
        SecureBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
        const QByteArray &sealedKey = multi->sealedKeys.at(slot);
        if (crypto_box_seal_open(key.data(), reinterpret_cast<const unsigned char *>(sealedKey.constData()),
                                 static_cast<unsigned long long>(sealedKey.size()),
                                 reinterpret_cast<const unsigned char *>(boxPublicKey.constData()), boxSecretKey.data())
            == 0) {
            SecureBytes plain(std::size_t(multi->ciphertext.size()) - crypto_aead_xchacha20poly1305_ietf_ABYTES);
            unsigned long long written = 0;
            if (crypto_aead_xchacha20poly1305_ietf_decrypt(
                    plain.data(), &written, nullptr, reinterpret_cast<const unsigned char *>(multi->ciphertext.constData()),
                    std::size_t(multi->ciphertext.size()), reinterpret_cast<const unsigned char *>(multi->header.constData()),
                    std::size_t(multi->header.size()), reinterpret_cast<const unsigned char *>(multi->nonce.constData()), key.data())
                == 0)
                return plain;
        }
    }
    // Version 1 and 2 envelopes are one crypto_box_seal to the review's key (and one whose first
    // bytes happen to read as the header above is tried this way too).
    SecureBytes plain(std::size_t(envelope.sealed.size()) - crypto_box_SEALBYTES);
    if (crypto_box_seal_open(plain.data(), reinterpret_cast<const unsigned char *>(envelope.sealed.constData()),
                             static_cast<unsigned long long>(envelope.sealed.size()),
                             reinterpret_cast<const unsigned char *>(boxPublicKey.constData()), boxSecretKey.data())
        != 0) {
        if (multi && slot < 0)
            return Error{ErrorCode::NotFound,
                         QStringLiteral("envelope %1: not sealed to this leader key (it was sealed before this deputy was entered, "
                                        "or after it was revoked); the team leader's key opens it")
                             .arg(envelope.sequence)};
        return Error{ErrorCode::Crypto, QStringLiteral("envelope %1: it does not open with the leader's key").arg(envelope.sequence)};
    }
    return plain;
}

namespace {
QList<QByteArray> recipientsIn(const QJsonArray &array)
{
    QList<QByteArray> recipients;
    for (const QJsonValue &value : array)
        recipients << fromHex(value.toString(), crypto_box_PUBLICKEYBYTES).value_or(QByteArray());
    return recipients;
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

Result<Envelope> sealNote(const SignedNote &note, const QList<QByteArray> &recipients, const DeviceIdentity &device,
                          const std::optional<EngagementRecord> &engagement)
{
    if (recipients.isEmpty() || recipients.size() > kMaxRecipients
        || std::any_of(recipients.begin(), recipients.end(), [](const QByteArray &key) { return key.size() != crypto_box_PUBLICKEYBYTES; }))
        return invalid(QStringLiteral("the leaders' box keys are malformed"));
    if (note.content.authorKey != device.publicKey)
        return invalid(QStringLiteral("only the author's device seals its notes"));
    if (engagement
        && (engagement->deviceKey != device.publicKey || engagement->engagement.id != note.content.engagementId
            || engagement->engagement.reviewId != note.content.reviewId))
        return invalid(QStringLiteral("the engagement record sealed with a note must be this device's, of the note's engagement"));
    const QByteArray recordHash = engagement ? engagement->hash() : QByteArray();
    QJsonArray recipientsJson;
    for (const QByteArray &recipient : recipients)
        recipientsJson << toHex(recipient);
    QJsonObject inner{
        {QStringLiteral("v"), 3},
        {QStringLiteral("review"), note.content.reviewId},
        {QStringLiteral("recipients"), recipientsJson},
        {QStringLiteral("note"), signedNoteToJson(note)},
        {QStringLiteral("seal_signature"),
         toHex(signDetached(sealSignedBytesV3(note.content.reviewId, recipients, note.hash, recordHash), device.secretKey))},
    };
    if (engagement)
        inner.insert(QStringLiteral("engagement"), engagement->toJson());
    auto sealed = sealForRecipients(canonicalJson(inner), recipients);
    if (!sealed)
        return sealed.error();
    Envelope envelope;
    envelope.reviewId = note.content.reviewId;
    envelope.deviceKey = device.publicKey;
    envelope.sequence = note.content.sequence;
    envelope.sealed = *sealed;
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
    auto plain = openSealedContent(envelope, boxPublicKey, boxSecretKey);
    if (!plain)
        return plain.error();
    auto inner = parseJsonObject(QByteArray(reinterpret_cast<const char *>(plain->data()), qsizetype(plain->size())));
    if (!inner)
        return inner.error();
    auto note = signedNoteFromJson(inner->value(QStringLiteral("note")).toObject());
    if (!note)
        return note.error();
    const QString where = QStringLiteral("envelope %1: ").arg(envelope.sequence);
    if (note->contentRemoved())
        return invalid(where + QStringLiteral("holds a note without its signed content; only the note itself can be evidence"));
    const int version = inner->value(QStringLiteral("v")).toInt();
    const QList<QByteArray> recipients = version == 3 ? recipientsIn(inner->value(QStringLiteral("recipients")).toArray())
                                                      : QList{fromHex(inner->value(QStringLiteral("recipient")).toString(),
                                                                      crypto_box_PUBLICKEYBYTES).value_or(QByteArray())};
    const auto multi = parseMultiSealed(envelope.sealed);
    if (!recipients.contains(boxPublicKey) || (version == 3 && (!multi || multi->recipients != recipients)))
        return invalid(where + QStringLiteral("sealed for another recipient"));
    const QString reviewId = inner->value(QStringLiteral("review")).toString();
    if (reviewId != envelope.reviewId || note->content.reviewId != envelope.reviewId)
        return invalid(where + QStringLiteral("the note belongs to another review"));
    if (note->content.authorKey != envelope.deviceKey || note->content.sequence != envelope.sequence)
        return invalid(where + QStringLiteral("re-sealed: the note's author or sequence differs from the envelope's"));
    OpenedEnvelope opened{*note, std::nullopt};
    if (version == 2 || (version == 3 && inner->contains(QStringLiteral("engagement")))) {
        auto record = EngagementRecord::fromJson(inner->value(QStringLiteral("engagement")).toObject());
        if (!record)
            return invalid(where + record.error().message);
        if (record->deviceKey != envelope.deviceKey || record->engagement.reviewId != envelope.reviewId
            || record->engagement.id != note->content.engagementId)
            return invalid(where + QStringLiteral("the engagement record is not the author's record of the note's engagement"));
        opened.engagement = *record;
    } else if ((version != 1 && version != 3) || inner->contains(QStringLiteral("engagement"))) {
        return invalid(where + QStringLiteral("unknown sealed format"));
    }
    const auto sealSignature = fromHex(inner->value(QStringLiteral("seal_signature")).toString(), crypto_sign_BYTES);
    const QByteArray recordHash = opened.engagement ? opened.engagement->hash() : QByteArray();
    const QByteArray sealBytes = version == 3 ? sealSignedBytesV3(reviewId, recipients, note->hash, recordHash)
                                              : sealSignedBytes(reviewId, boxPublicKey, note->hash, recordHash);
    if (!sealSignature || !verifyDetached(*sealSignature, sealBytes, note->content.authorKey))
        return invalid(where + QStringLiteral("re-sealed: the author's seal signature does not hold"));
    return opened;
}

} // namespace fieldnotes::sync
