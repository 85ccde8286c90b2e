#pragma once

#include <QAbstractHttpServer>

namespace fieldnotes::sync {

class ArchiveService;
struct ArchiveRequest;

/// Qt HttpServer front of the archive: hands every request to the ArchiveService and writes its
/// JSON answer.
class ArchiveHttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit ArchiveHttpServer(ArchiveService &service, QObject *parent = nullptr);

    /// The request as the service sees it.
    static ArchiveRequest toArchiveRequest(const QHttpServerRequest &request);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    ArchiveService &m_service;
};

} // namespace fieldnotes::sync
