#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

class QTcpSocket;

namespace fieldnotes::sync {

/// What all connections hold together: the body bytes announced by requests still arriving.
/// Bodies are buffered in memory until complete, so their total is capped for the whole server.
/// A quarter of it at most goes to any one peer address, so that one client cannot take it all.
struct BodyBudget {
    qint64 limit = 64 * 1024 * 1024;
    qint64 reserved = 0;
    QHash<QString, qint64> reservedByPeer;

    bool reserve(const QString &peer, qint64 bytes);
    void release(const QString &peer, qint64 bytes);
};

/// Watches one connection before Qt HttpServer parses it: refuses a request line that is not
/// HTTP/1.x, headers over 16 KiB, chunked bodies and bodies over the cap with a 4xx and a short
/// reason, a body that would take the server past its memory budget with 503, and drops a
/// connection that is silent between requests too long, that takes longer than the deadline to
/// send one whole request (headers and body: a trickle of bytes does not buy time), or that
/// does not read its answers. It only peeks, so a request it lets through reaches the server
/// untouched.
class ConnectionGuard : public QObject
{
    Q_OBJECT

public:
    struct Limits {
        qint64 maxBodyBytes = 8 * 1024 * 1024;
        qint64 maxHeaderBytes = 16 * 1024;
        int idleTimeoutMs = 30'000;
        int requestTimeoutMs = 60'000;
        qint64 maxUnsentBytes = 8 * 1024 * 1024; // answers queued for a client that does not read
        int maxUnansweredRequests = 16;           // pipelined requests waiting for their answers
        int maxConnections = 512;
        int maxConnectionsPerPeer = 32;
        qint64 maxPendingBodyBytes = 64 * 1024 * 1024;
    };

    /// Must be created before the server connects to the socket's readyRead.
    ConnectionGuard(QTcpSocket *socket, Limits limits, std::shared_ptr<BodyBudget> budget);
    ~ConnectionGuard() override;

private:
    static constexpr qsizetype maxRequestLineBytes = 2048;

    void inspect();
    /// True once the buffered headers are complete and acceptable.
    bool inspectHeaders();
    void requestComplete();
    void answerWritten();
    void refuse(int status, const QByteArray &reason);
    void releaseBudget();

    QTcpSocket *m_socket;
    Limits m_limits;
    std::shared_ptr<BodyBudget> m_budget;
    QString m_peer;
    QTimer m_idle;
    QTimer m_deadline;
    QByteArray m_headers;       // of the request being read
    qint64 m_bodyRemaining = 0; // body bytes of the current request still to come
    qint64 m_reservedBytes = 0; // of the budget, for the current request's body
    int m_unanswered = 0;
    bool m_inRequest = false;
    bool m_refused = false;
};

} // namespace fieldnotes::sync
