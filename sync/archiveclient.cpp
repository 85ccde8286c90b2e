#include "archiveclient.h"

#include "requestsignature.h"
#include "syncencoding.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QTimer>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace fieldnotes::sync {

Error ArchiveReply::toError() const
{
    return Error{status == 0 ? ErrorCode::Io : ErrorCode::InvalidArgument, error};
}

QString reviewPath(const QString &reviewId, const char *resource)
{
    return QStringLiteral("/v1/reviews/%1/%2").arg(QString::fromLatin1(QUrl::toPercentEncoding(reviewId)), QLatin1String(resource));
}

ArchiveClient::ArchiveClient(QUrl baseUrl, QString pinnedFingerprint, DeviceIdentity identity, int timeoutMs)
    : m_baseUrl(std::move(baseUrl)), m_fingerprint(pinnedFingerprint.toLower()), m_identity(std::move(identity)), m_timeoutMs(timeoutMs)
{
}

QList<QPair<QByteArray, QByteArray>> ArchiveClient::signedHeaders(const QByteArray &method, const QString &pathAndQuery,
                                                                  const QByteArray &body) const
{
    return RequestSignature::sign(method, pathAndQuery.toLatin1(), body, m_identity.publicKey, m_identity.secretKey,
                                  QDateTime::currentDateTimeUtc())
        .headers();
}

ArchiveReply ArchiveClient::get(const QString &pathAndQuery, bool sign)
{
    return sendRaw("GET", pathAndQuery, {}, sign ? signedHeaders("GET", pathAndQuery, {}) : QList<QPair<QByteArray, QByteArray>>{});
}

ArchiveReply ArchiveClient::send(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    return finish(*start(method, path, body));
}

ArchiveReply ArchiveClient::sendRaw(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                                    const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return finish(*startRaw(method, pathAndQuery, body, headers));
}

std::unique_ptr<PendingReply> ArchiveClient::start(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    const QByteArray bytes = canonicalJson(body);
    return startRaw(method, path, bytes, signedHeaders(method, path, bytes));
}

PendingReply::~PendingReply()
{
    if (m_reply) {
        m_reply->abort();
        m_reply->deleteLater();
    }
}

std::unique_ptr<PendingReply> ArchiveClient::startRaw(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                                                      const QList<QPair<QByteArray, QByteArray>> &headers)
{
    const qsizetype question = pathAndQuery.indexOf(QLatin1Char('?'));
    QUrl url = m_baseUrl;
    url.setPath(question < 0 ? pathAndQuery : pathAndQuery.left(question), QUrl::StrictMode);
    if (question >= 0)
        url.setQuery(pathAndQuery.mid(question + 1), QUrl::StrictMode);
    std::unique_ptr<PendingReply> pending(new PendingReply);
    // Plain HTTP carries no pin: only to this machine itself (tests, a local demo), never across a network.
    if (url.scheme() == QLatin1String("http") && !QHostAddress(url.host()).isLoopback() && url.host() != QLatin1String("localhost")) {
        pending->m_refusal = QStringLiteral("refused: an archive is reached over https with its certificate pinned (http:// only on this machine)");
        return pending;
    }
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) {
        pending->m_refusal = QStringLiteral("refused: an archive address starts with https://");
        return pending;
    }
    QNetworkRequest request(url);
    // The transfer timeout restarts with every byte, so a server that trickles would hold a sync
    // forever; the deadline below bounds the whole request.
    request.setTransferTimeout(m_timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    pending->m_reply = reply;
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    PendingReply *timing = pending.get();
    QObject::connect(deadline, &QTimer::timeout, reply, [timing, reply] {
        timing->m_deadlinePassed = true;
        reply->abort();
    });
    deadline->start(m_timeoutMs);

    PendingReply *state = pending.get();
    const auto matchesPin = [this](const QSslCertificate &certificate) {
        return !certificate.isNull()
               && QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex()) == m_fingerprint;
    };
    // The pinned certificate is self-signed, so the system's checks fail on it: those errors and
    // only those are ignored, and only for that exact certificate.
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [state, matchesPin, reply](const QList<QSslError> &errors) {
        if (matchesPin(reply->sslConfiguration().peerCertificate()))
            reply->ignoreSslErrors(errors);
        else
            state->m_pinMismatch = true;
    });
    // A certificate the system trusts is still refused unless it is the pinned one.
    QObject::connect(reply, &QNetworkReply::encrypted, reply, [state, matchesPin, reply] {
        if (!matchesPin(reply->sslConfiguration().peerCertificate())) {
            state->m_pinMismatch = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [state, reply](qint64 received, qint64 total) {
        if (received > maxReplyBytes || total > maxReplyBytes) {
            state->m_tooLarge = true;
            reply->abort();
        }
    });
    return pending;
}

ArchiveReply ArchiveClient::finish(PendingReply &pending)
{
    if (!pending.m_refusal.isEmpty())
        return ArchiveReply{0, {}, pending.m_refusal};
    QNetworkReply *reply = std::exchange(pending.m_reply, nullptr);
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }

    ArchiveReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray answer = reply->isOpen() ? reply->readAll() : QByteArray();
    if (pending.m_tooLarge) {
        result.status = 0;
        result.error = QStringLiteral("the archive's answer is larger than %1 MiB; refused").arg(maxReplyBytes >> 20);
    } else if (pending.m_deadlinePassed) {
        result.status = 0;
        result.error = QStringLiteral("the archive did not answer within %1 s; stopped").arg(m_timeoutMs / 1000.0);
    } else if (pending.m_pinMismatch) {
        result.status = 0;
        result.error = QStringLiteral("the archive's certificate is not the one pinned at enrolment; refused");
    } else if (result.status == 0) {
        result.error = QStringLiteral("cannot reach the archive: %1").arg(reply->errorString());
    } else if (auto object = parseJsonObject(answer); !object) {
        result.error = QStringLiteral("the archive answered HTTP %1 with something that is not JSON").arg(result.status);
        result.status = result.ok() ? 502 : result.status;
    } else {
        result.body = *object;
        if (!result.ok())
            result.error = object->value(QStringLiteral("error")).toString(QStringLiteral("HTTP %1").arg(result.status));
    }
    reply->deleteLater();
    return result;
}

} // namespace fieldnotes::sync
