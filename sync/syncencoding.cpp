#include "syncencoding.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

#include <sodium.h>

namespace fieldnotes::sync {

QByteArray sha256(const QByteArray &bytes)
{
    QByteArray digest(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char *>(digest.data()), reinterpret_cast<const unsigned char *>(bytes.constData()),
                       quint64(bytes.size()));
    return digest;
}

QByteArray blake2b256(const QByteArray &bytes)
{
    QByteArray hash(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(hash.data()), static_cast<size_t>(hash.size()),
                       reinterpret_cast<const unsigned char *>(bytes.constData()), static_cast<unsigned long long>(bytes.size()),
                       nullptr, 0);
    return hash;
}

QByteArray canonicalJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString toHex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

std::optional<QByteArray> fromHex(const QString &text, int expectedSize)
{
    if (text.size() % 2 != 0)
        return std::nullopt;
    // Only the form toHex writes: a second spelling of the same bytes would let a changed request pass as the same one.
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f')))
            return std::nullopt;
    }
    QByteArray bytes = QByteArray::fromHex(text.toLatin1());
    if (expectedSize >= 0 && bytes.size() != expectedSize)
        return std::nullopt;
    return bytes;
}

std::optional<QByteArray> fromBase64(const QString &text)
{
    auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64() != text.toLatin1())
        return std::nullopt;
    return decoded.decoded;
}

Result<QJsonObject> parseJsonObject(const QByteArray &bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(bytes);
    if (utf8.hasError())
        return invalid(QStringLiteral("the body is not valid UTF-8"));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("the body is not valid JSON: %1 at %2").arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return invalid(QStringLiteral("the body is not a JSON object"));
    return document.object();
}

QByteArray signDetached(const QByteArray &message, const SecureBytes &secretKey)
{
    QByteArray signature(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(message.constData()),
                         static_cast<unsigned long long>(message.size()), secretKey.data());
    return signature;
}

bool verifyDetached(const QByteArray &signature, const QByteArray &message, const QByteArray &publicKey)
{
    if (signature.size() != crypto_sign_BYTES || publicKey.size() != crypto_sign_PUBLICKEYBYTES)
        return false;
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(signature.constData()),
                                       reinterpret_cast<const unsigned char *>(message.constData()),
                                       static_cast<unsigned long long>(message.size()),
                                       reinterpret_cast<const unsigned char *>(publicKey.constData()))
        == 0;
}

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidArgument, message};
}

} // namespace fieldnotes::sync
