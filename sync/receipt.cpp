#include "receipt.h"

#include "signednote.h"
#include "syncencoding.h"

#include <sodium.h>

namespace fieldnotes::sync {

QByteArray Receipt::signedBytes() const
{
    return "fieldnotes-receipt-v1\n" + reviewId.toUtf8() + '\n' + deviceKey.toHex() + '\n' + QByteArray::number(sequence)
           + '\n' + envelopeHash.toHex() + '\n' + canonicalTimestamp(storedAt).toLatin1();
}

QJsonObject Receipt::toJson() const
{
    return QJsonObject{
        {QStringLiteral("review"), reviewId},
        {QStringLiteral("device"), toHex(deviceKey)},
        {QStringLiteral("seq"), sequence},
        {QStringLiteral("hash"), toHex(envelopeHash)},
        {QStringLiteral("stored_at"), canonicalTimestamp(storedAt)},
        {QStringLiteral("signature"), toHex(signature)},
    };
}

Result<Receipt> Receipt::fromJson(const QJsonObject &object)
{
    Receipt receipt;
    receipt.reviewId = object.value(QStringLiteral("review")).toString();
    receipt.sequence = object.value(QStringLiteral("seq")).toInteger(0);
    receipt.storedAt = parseCanonicalTimestamp(object.value(QStringLiteral("stored_at")).toString());
    const auto device = fromHex(object.value(QStringLiteral("device")).toString(), crypto_sign_PUBLICKEYBYTES);
    const auto hash = fromHex(object.value(QStringLiteral("hash")).toString(), crypto_generichash_BYTES);
    const auto signature = fromHex(object.value(QStringLiteral("signature")).toString(), crypto_sign_BYTES);
    if (receipt.reviewId.isEmpty() || receipt.sequence < 1 || !receipt.storedAt.isValid() || !device || !hash || !signature)
        return invalid(QStringLiteral("receipt: a field is missing or malformed"));
    receipt.deviceKey = *device;
    receipt.envelopeHash = *hash;
    receipt.signature = *signature;
    return receipt;
}

bool Receipt::verify(const QByteArray &archiveKey) const
{
    return verifyDetached(signature, signedBytes(), archiveKey);
}

Receipt signReceipt(Receipt receipt, const SecureBytes &archiveSecretKey)
{
    receipt.signature = signDetached(receipt.signedBytes(), archiveSecretKey);
    return receipt;
}

} // namespace fieldnotes::sync
