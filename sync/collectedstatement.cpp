#include "collectedstatement.h"

#include "signednote.h"
#include "syncencoding.h"

#include <QJsonArray>

#include <sodium.h>

namespace fieldnotes::sync {

QByteArray CollectedStatement::signedBytes() const
{
    QByteArray bytes = "fieldnotes-collected-v1\n" + reviewId.toUtf8() + '\n' + deviceKey.toHex() + '\n'
                       + canonicalTimestamp(collectedAt).toLatin1() + '\n';
    for (const EnvelopeRef &envelope : envelopes)
        bytes += QByteArray::number(envelope.sequence) + ' ' + envelope.hash.toHex() + '\n';
    return bytes;
}

QJsonObject CollectedStatement::toJson() const
{
    QJsonArray list;
    for (const EnvelopeRef &envelope : envelopes)
        list << QJsonObject{{QStringLiteral("seq"), envelope.sequence}, {QStringLiteral("hash"), toHex(envelope.hash)}};
    return QJsonObject{
        {QStringLiteral("review"), reviewId},
        {QStringLiteral("device"), toHex(deviceKey)},
        {QStringLiteral("collected_at"), canonicalTimestamp(collectedAt)},
        {QStringLiteral("envelopes"), list},
        {QStringLiteral("signature"), toHex(signature)},
    };
}

Result<CollectedStatement> CollectedStatement::fromJson(const QJsonObject &object)
{
    CollectedStatement statement;
    statement.reviewId = object.value(QStringLiteral("review")).toString();
    statement.collectedAt = parseCanonicalTimestamp(object.value(QStringLiteral("collected_at")).toString());
    const auto device = fromHex(object.value(QStringLiteral("device")).toString(), crypto_sign_PUBLICKEYBYTES);
    const auto signature = fromHex(object.value(QStringLiteral("signature")).toString(), crypto_sign_BYTES);
    const QJsonArray list = object.value(QStringLiteral("envelopes")).toArray();
    if (statement.reviewId.isEmpty() || !statement.collectedAt.isValid() || !device || !signature || list.isEmpty())
        return invalid(QStringLiteral("collected statement: a field is missing or malformed"));
    for (const QJsonValue &value : list) {
        const qint64 sequence = value[QStringLiteral("seq")].toInteger(0);
        const auto hash = fromHex(value[QStringLiteral("hash")].toString(), crypto_generichash_BYTES);
        if (sequence < 1 || !hash)
            return invalid(QStringLiteral("collected statement: an envelope is malformed"));
        statement.envelopes << EnvelopeRef{sequence, *hash};
    }
    statement.deviceKey = *device;
    statement.signature = *signature;
    return statement;
}

bool CollectedStatement::verify(const QByteArray &leaderKey) const
{
    return verifyDetached(signature, signedBytes(), leaderKey);
}

CollectedStatement signCollectedStatement(CollectedStatement statement, const SecureBytes &leaderSecretKey)
{
    statement.signature = signDetached(statement.signedBytes(), leaderSecretKey);
    return statement;
}

} // namespace fieldnotes::sync
