#include "archiveclient.h"

#include "requestsignature.h"
#include "syncencoding.h"

#include <QEventLoop>
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
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    std::unique_ptr<PendingReply> pending(new PendingReply);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    pending->m_reply = reply;

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
