#include "enrolmentcode.h"

#include "syncencoding.h"

#include <sodium.h>

namespace fieldnotes::sync {

namespace {
const QString prefix = QStringLiteral("FN1:");
}

QString EnrolmentCode::toText() const
{
    QJsonObject object{{QStringLiteral("a"), archiveUrl},   {QStringLiteral("f"), fingerprint},
                       {QStringLiteral("r"), reviewId},     {QStringLiteral("k"), toHex(leaderKey)},
                       {QStringLiteral("b"), toHex(leaderBoxKey)}, {QStringLiteral("t"), toHex(token)}};
    if (forDeputy)
        object.insert(QStringLiteral("d"), 1);
    return prefix + QString::fromLatin1(canonicalJson(object).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<EnrolmentCode> EnrolmentCode::fromText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (!trimmed.startsWith(prefix))
        return invalid(QStringLiteral("not a Fieldnotes enrolment code (it starts with FN1:)"));
    auto decoded = QByteArray::fromBase64Encoding(trimmed.mid(prefix.size()).toLatin1(),
                                                  QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return invalid(QStringLiteral("the enrolment code is damaged (not base64url)"));
    auto object = parseJsonObject(decoded.decoded);
    if (!object)
        return invalid(QStringLiteral("the enrolment code is damaged: %1").arg(object.error().message));
    EnrolmentCode code;
    code.archiveUrl = object->value(QStringLiteral("a")).toString();
    code.fingerprint = object->value(QStringLiteral("f")).toString();
    code.reviewId = object->value(QStringLiteral("r")).toString();
    const auto leader = fromHex(object->value(QStringLiteral("k")).toString(), crypto_sign_PUBLICKEYBYTES);
    const auto box = fromHex(object->value(QStringLiteral("b")).toString(), crypto_box_PUBLICKEYBYTES);
    const auto token = fromHex(object->value(QStringLiteral("t")).toString(), 32);
    if (code.archiveUrl.isEmpty() || code.reviewId.isEmpty() || !leader || !box || !token)
        return invalid(QStringLiteral("the enrolment code is incomplete"));
    code.leaderKey = *leader;
    code.leaderBoxKey = *box;
    code.token = *token;
    code.forDeputy = object->value(QStringLiteral("d")).toInt() == 1;
    return code;
}

} // namespace fieldnotes::sync
