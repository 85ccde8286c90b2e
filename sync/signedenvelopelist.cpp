#include "signedenvelopelist.h"

#include "signednote.h"
#include "syncencoding.h"

#include <QJsonArray>

#include <sodium.h>

namespace fieldnotes::sync {

template <typename Kind>
QByteArray SignedEnvelopeList<Kind>::signedBytes() const
{
    QByteArray bytes = QByteArray(Kind::domain) + '\n' + reviewId.toUtf8() + '\n' + deviceKey.toHex() + '\n'
                       + canonicalTimestamp(at).toLatin1() + '\n';
    for (const EnvelopeRef &envelope : envelopes) {
        bytes += QByteArray::number(envelope.sequence) + ' ' + envelope.hash.toHex();
        if constexpr (Kind::namesNotes)
            bytes += ' ' + envelope.noteHash.toHex();
        bytes += '\n';
    }
    return bytes;
}

template <typename Kind>
QJsonObject SignedEnvelopeList<Kind>::toJson() const
{
    QJsonArray list;
    for (const EnvelopeRef &envelope : envelopes) {
        QJsonObject entry{{QStringLiteral("seq"), envelope.sequence}, {QStringLiteral("hash"), toHex(envelope.hash)}};
        if constexpr (Kind::namesNotes)
            entry.insert(QStringLiteral("note_hash"), toHex(envelope.noteHash));
        list << entry;
    }
    return QJsonObject{
        {QStringLiteral("review"), reviewId},
        {QStringLiteral("device"), toHex(deviceKey)},
        {QLatin1String(Kind::timeKey), canonicalTimestamp(at)},
        {QStringLiteral("envelopes"), list},
        {QStringLiteral("signature"), toHex(signature)},
    };
}

template <typename Kind>
Result<SignedEnvelopeList<Kind>> SignedEnvelopeList<Kind>::fromJson(const QJsonObject &object)
{
    const QString what = QString::fromLatin1(Kind::domain);
    SignedEnvelopeList list;
    list.reviewId = object.value(QStringLiteral("review")).toString();
    list.at = parseCanonicalTimestamp(object.value(QLatin1String(Kind::timeKey)).toString());
    const auto device = fromHex(object.value(QStringLiteral("device")).toString(), crypto_sign_PUBLICKEYBYTES);
    const auto signature = fromHex(object.value(QStringLiteral("signature")).toString(), crypto_sign_BYTES);
    const QJsonArray values = object.value(QStringLiteral("envelopes")).toArray();
    if (list.reviewId.isEmpty() || !list.at.isValid() || !device || !signature || values.isEmpty())
        return invalid(what + QStringLiteral(": a field is missing or malformed"));
    for (const QJsonValue &value : values) {
        const qint64 sequence = value[QStringLiteral("seq")].toInteger(0);
        const auto hash = fromHex(value[QStringLiteral("hash")].toString(), crypto_generichash_BYTES);
        std::optional<QByteArray> noteHash = QByteArray();
        if constexpr (Kind::namesNotes)
            noteHash = fromHex(value[QStringLiteral("note_hash")].toString(), crypto_generichash_BYTES);
        if (sequence < 1 || !hash || !noteHash)
            return invalid(what + QStringLiteral(": an envelope is malformed"));
        list.envelopes << EnvelopeRef{sequence, *hash, *noteHash};
    }
    list.deviceKey = *device;
    list.signature = *signature;
    return list;
}

template <typename Kind>
bool SignedEnvelopeList<Kind>::verify(const QByteArray &publicKey) const
{
    return verifyDetached(signature, signedBytes(), publicKey);
}

template <typename Kind>
SignedEnvelopeList<Kind> signEnvelopeList(SignedEnvelopeList<Kind> list, const SecureBytes &secretKey)
{
    list.signature = signDetached(list.signedBytes(), secretKey);
    return list;
}

template struct SignedEnvelopeList<ReceiptKind>;
template struct SignedEnvelopeList<CollectedKind>;
template Receipt signEnvelopeList(Receipt, const SecureBytes &);
template CollectedStatement signEnvelopeList(CollectedStatement, const SecureBytes &);
template struct SignedEnvelopeList<ArchivedKind>;
template ArchivedStatement signEnvelopeList(ArchivedStatement, const SecureBytes &);

} // namespace fieldnotes::sync
