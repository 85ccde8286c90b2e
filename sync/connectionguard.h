#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace fieldnotes::sync {

/// Watches one connection before Qt HttpServer parses it: refuses a request line that is not
/// HTTP/1.x, headers over 16 KiB, chunked bodies and bodies over the cap with a 4xx and a short
/// reason, and drops a connection that stays silent too long (slow or stalled clients).
/// It only peeks, so a request it lets through reaches the server untouched.
class ConnectionGuard : public QObject
{
    Q_OBJECT

public:
    struct Limits {
        qint64 maxBodyBytes = 8 * 1024 * 1024;
        qint64 maxHeaderBytes = 16 * 1024;
        int idleTimeoutMs = 30'000;
    };

    /// Must be created before the server connects to the socket's readyRead.
    ConnectionGuard(QTcpSocket *socket, Limits limits);

private:
    static constexpr qsizetype maxRequestLineBytes = 2048;

    void inspect();
    /// True once the buffered headers are complete and acceptable.
    bool inspectHeaders();
    void refuse(int status, const QByteArray &reason);

    QTcpSocket *m_socket;
    Limits m_limits;
    QTimer m_idle;
    QByteArray m_headers;       // of the request being read
    qint64 m_bodyRemaining = 0; // body bytes of the current request still to come
    bool m_refused = false;
};

} // namespace fieldnotes::sync
