#include "archivehttpserver.h"

#include "archiveservice.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>

namespace fieldnotes::sync {

namespace {
QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    default:
        return "OTHER";
    }
}
} // namespace

ArchiveHttpServer::ArchiveHttpServer(ArchiveService &service, QObject *parent) : QAbstractHttpServer(parent), m_service(service) {}

ArchiveRequest ArchiveHttpServer::toArchiveRequest(const QHttpServerRequest &request)
{
    const QUrl url = request.url();
    return ArchiveRequest{methodName(request.method()), url.path(QUrl::FullyEncoded).toLatin1(), url.query(QUrl::FullyEncoded).toLatin1(),
                          request.headers(), request.body()};
}

bool ArchiveHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const ArchiveResponse response = m_service.handle(toArchiveRequest(request));
    makeResponder(request, socket).write(QJsonDocument(response.body),
                                         static_cast<QHttpServerResponder::StatusCode>(response.status));
    return true;
}

void ArchiveHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    makeResponder(request, socket).write(QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("no such endpoint")}}),
                                         QHttpServerResponder::StatusCode::NotFound);
}

} // namespace fieldnotes::sync
