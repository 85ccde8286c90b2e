#pragma once

#include "deviceidentity.h"
#include "error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

#include <memory>

class QNetworkReply;

namespace fieldnotes::sync {

/// The answer to one request: an HTTP status with its JSON, or a transport error (status 0).
struct ArchiveReply {
    int status = 0;
    QJsonObject body;
    QString error; // for people: the archive's reason, or what went wrong on the way

    bool ok() const { return status >= 200 && status < 300; }
    /// Io when the archive was not reached (worth retrying), InvalidArgument when it refused.
    Error toError() const;
};

/// A request on its way; ArchiveClient::finish waits for its answer. Dropping it aborts it.
class PendingReply
{
public:
    ~PendingReply();
    PendingReply(const PendingReply &) = delete;
    PendingReply &operator=(const PendingReply &) = delete;

private:
    friend class ArchiveClient;
    PendingReply() = default;
    QNetworkReply *m_reply = nullptr;
    bool m_pinMismatch = false;
    bool m_tooLarge = false;
    bool m_deadlinePassed = false;
    QString m_refusal; // set when the request was never sent
};

/// `/v1/reviews/{id}/{resource}` with the id percent-encoded.
QString reviewPath(const QString &reviewId, const char *resource);

/// Talks to an archive over HTTPS with its certificate pinned by SHA-256 fingerprint: any other
/// certificate is refused, even one the system trusts. Every request but the public ones is
/// signed with the device key (RequestSignature). Blocking calls with a timeout that bounds each
/// whole request, for the CLI and for the sync worker. Plain http:// only to this machine.
class ArchiveClient
{
public:
    /// Answers larger than this are cut off: the largest real one (a page of envelopes) is ~2 MiB.
    static constexpr qint64 maxReplyBytes = 32 * 1024 * 1024;

    ArchiveClient(QUrl baseUrl, QString pinnedFingerprint, DeviceIdentity identity, int timeoutMs = 30'000);

    ArchiveReply get(const QString &pathAndQuery, bool sign = true);
    ArchiveReply send(const QByteArray &method, const QString &path, const QJsonObject &body);
    /// The same bytes twice is what a replay looks like; tests use this to show it is refused.
    ArchiveReply sendRaw(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                         const QList<QPair<QByteArray, QByteArray>> &headers);
    /// Starts a signed request without waiting, so a second can be on its way meanwhile.
    std::unique_ptr<PendingReply> start(const QByteArray &method, const QString &path, const QJsonObject &body);
    std::unique_ptr<PendingReply> startRaw(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                                           const QList<QPair<QByteArray, QByteArray>> &headers);
    ArchiveReply finish(PendingReply &pending);
    QList<QPair<QByteArray, QByteArray>> signedHeaders(const QByteArray &method, const QString &pathAndQuery,
                                                       const QByteArray &body) const;

private:
    QUrl m_baseUrl;
    QString m_fingerprint;
    DeviceIdentity m_identity;
    int m_timeoutMs;
    QNetworkAccessManager m_network;
};

} // namespace fieldnotes::sync
