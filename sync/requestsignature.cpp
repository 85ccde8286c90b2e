#include "requestsignature.h"

#include "syncencoding.h"

#include <sodium.h>

namespace fieldnotes::sync {

namespace {
const QByteArray kKeyHeader = "fieldnotes-key";
const QByteArray kTimeHeader = "fieldnotes-time";
const QByteArray kNonceHeader = "fieldnotes-nonce";
const QByteArray kSignatureHeader = "fieldnotes-signature";

QByteArray signedBytes(const QByteArray &method, const QByteArray &pathAndQuery, qint64 time, const QByteArray &nonce,
                       const QByteArray &body)
{
    return "fieldnotes-request-v1\n" + method + '\n' + pathAndQuery + '\n' + QByteArray::number(time) + '\n'
           + nonce.toHex() + '\n' + blake2b256(body).toHex();
}
} // namespace

RequestSignature RequestSignature::sign(const QByteArray &method, const QByteArray &pathAndQuery, const QByteArray &body,
                                        const QByteArray &publicKey, const SecureBytes &secretKey, const QDateTime &now)
{
    RequestSignature request;
    request.key = publicKey;
    request.time = now.toSecsSinceEpoch();
    request.nonce.resize(16);
    randombytes_buf(request.nonce.data(), static_cast<size_t>(request.nonce.size()));
    request.signature = signDetached(signedBytes(method, pathAndQuery, request.time, request.nonce, body), secretKey);
    return request;
}

Result<RequestSignature> RequestSignature::fromHeaders(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    auto header = [&](const QByteArray &name) {
        for (const auto &[key, value] : headers) {
            if (key.toLower() == name)
                return value;
        }
        return QByteArray();
    };
    RequestSignature request;
    bool timeOk = false;
    request.time = header(kTimeHeader).toLongLong(&timeOk);
    const auto key = fromHex(QString::fromLatin1(header(kKeyHeader)), crypto_sign_PUBLICKEYBYTES);
    const auto nonce = fromHex(QString::fromLatin1(header(kNonceHeader)), 16);
    const auto signature = fromHex(QString::fromLatin1(header(kSignatureHeader)), crypto_sign_BYTES);
    if (!timeOk || !key || !nonce || !signature)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("missing or malformed Fieldnotes-Key/-Time/-Nonce/-Signature headers")};
    request.key = *key;
    request.nonce = *nonce;
    request.signature = *signature;
    return request;
}

QList<QPair<QByteArray, QByteArray>> RequestSignature::headers() const
{
    return {{"Fieldnotes-Key", key.toHex()},
            {"Fieldnotes-Time", QByteArray::number(time)},
            {"Fieldnotes-Nonce", nonce.toHex()},
            {"Fieldnotes-Signature", signature.toHex()}};
}

Result<void> RequestSignature::verify(const QByteArray &method, const QByteArray &pathAndQuery, const QByteArray &body,
                                      const QDateTime &now) const
{
    if (!verifyDetached(signature, signedBytes(method, pathAndQuery, time, nonce, body), key))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the request signature does not hold")};
    if (std::abs(now.toSecsSinceEpoch() - time) > allowedClockSkewSeconds)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the request time is more than %1 s from the archive's clock")
                                                     .arg(allowedClockSkewSeconds)};
    return {};
}

} // namespace fieldnotes::sync
