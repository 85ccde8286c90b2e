#pragma once

#include "deviceidentity.h"
#include "error.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>

namespace fieldnotes::sync {

/// The headers that authenticate a request: who sends it, when, a fresh nonce, and an Ed25519
/// signature over the method, path, those two and the body's hash. The archive refuses stale
/// times and nonces it has seen (docs/sync-protocol.md).
struct RequestSignature {
    static constexpr qint64 allowedClockSkewSeconds = 300;

    QByteArray key;       // Ed25519 public key
    qint64 time = 0;      // Unix seconds
    QByteArray nonce;     // 16 random bytes
    QByteArray signature; // 64 bytes

    static RequestSignature sign(const QByteArray &method, const QByteArray &pathAndQuery, const QByteArray &body,
                                 const QByteArray &publicKey, const SecureBytes &secretKey, const QDateTime &now);
    /// Reads the headers (names lower-case); InvalidArgument when one is missing or malformed.
    static Result<RequestSignature> fromHeaders(const QList<QPair<QByteArray, QByteArray>> &headers);
    QList<QPair<QByteArray, QByteArray>> headers() const;

    /// Checks the signature and the time; the nonce's freshness is the archive store's to check.
    Result<void> verify(const QByteArray &method, const QByteArray &pathAndQuery, const QByteArray &body,
                        const QDateTime &now) const;
};

} // namespace fieldnotes::sync
