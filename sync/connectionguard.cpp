#include "connectionguard.h"

#include <QRegularExpression>
#include <QTcpSocket>

#include <utility>

namespace fieldnotes::sync {

bool BodyBudget::reserve(const QString &peer, qint64 bytes)
{
    qint64 &byPeer = reservedByPeer[peer];
    if (reserved + bytes > limit || byPeer + bytes > limit / 4) {
        if (byPeer == 0)
            reservedByPeer.remove(peer);
        return false;
    }
    reserved += bytes;
    byPeer += bytes;
    return true;
}

void BodyBudget::release(const QString &peer, qint64 bytes)
{
    if (bytes == 0)
        return;
    reserved -= bytes;
    if ((reservedByPeer[peer] -= bytes) <= 0)
        reservedByPeer.remove(peer);
}

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, Limits limits, std::shared_ptr<BodyBudget> budget)
    : QObject(socket), m_socket(socket), m_limits(limits), m_budget(std::move(budget)), m_peer(socket->peerAddress().toString())
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(limits.idleTimeoutMs);
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(limits.requestTimeoutMs);
    connect(&m_idle, &QTimer::timeout, m_socket, &QTcpSocket::abort);
    connect(&m_deadline, &QTimer::timeout, m_socket, &QTcpSocket::abort);
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::inspect);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &ConnectionGuard::answerWritten);
    m_idle.start();
}

ConnectionGuard::~ConnectionGuard()
{
    releaseBudget();
}

void ConnectionGuard::releaseBudget()
{
    m_budget->release(m_peer, std::exchange(m_reservedBytes, 0));
}

void ConnectionGuard::inspect()
{
    if (m_refused) {
        m_socket->readAll();
        return;
    }
    m_idle.start(); // silence is cut off soon; a trickle is cut off by the deadline below
    // A client that sends requests but does not read the answers would grow our write buffer
    // without end.
    if (m_socket->bytesToWrite() > m_limits.maxUnsentBytes) {
        m_socket->abort();
        return;
    }
    QByteArray pending = m_socket->peek(m_socket->bytesAvailable());
    while (!pending.isEmpty()) {
        if (m_bodyRemaining > 0) {
            const qint64 used = std::min<qint64>(m_bodyRemaining, pending.size());
            m_bodyRemaining -= used;
            pending.remove(0, used);
            if (m_bodyRemaining == 0)
                requestComplete();
            if (m_refused)
                return;
            continue;
        }
        if (!m_inRequest) {
            // The whole request, from its first byte, must arrive within the deadline: bytes
            // that trickle in do not restart it.
            m_inRequest = true;
            m_deadline.start();
        }
        m_headers += pending;
        if (!inspectHeaders())
            return; // refused, or the headers are not complete yet
        // What came after the headers is the body, and perhaps the next request.
        pending = std::exchange(m_headers, {});
        if (m_bodyRemaining == 0)
            requestComplete();
        if (m_refused)
            return;
    }
}

void ConnectionGuard::requestComplete()
{
    m_inRequest = false;
    m_deadline.stop();
    // The server reads the finished body at once (this slot runs just before its own).
    releaseBudget();
    if (++m_unanswered > m_limits.maxUnansweredRequests) {
        refuse(429, "too many pipelined requests waiting for their answers");
        return;
    }
    m_idle.start();
}

void ConnectionGuard::answerWritten()
{
    if (m_socket->bytesToWrite() == 0)
        m_unanswered = 0;
    m_idle.start();
}

namespace {
bool isRequestLine(const QByteArray &line)
{
    static const QRegularExpression requestLine(QStringLiteral("^[A-Z]{3,7} /\\S* HTTP/1\\.[01]$"));
    return requestLine.match(QString::fromLatin1(line)).hasMatch();
}
} // namespace

bool ConnectionGuard::inspectHeaders()
{
    // The request line is judged as soon as it is complete (or clearly too long to be one).
    const qsizetype lineEnd = m_headers.indexOf("\r\n");
    if ((lineEnd >= 0 || m_headers.size() > maxRequestLineBytes)
        && !isRequestLine(m_headers.left(lineEnd >= 0 ? lineEnd : maxRequestLineBytes))) {
        refuse(400, "malformed request line");
        return false;
    }
    const qsizetype end = m_headers.indexOf("\r\n\r\n");
    if ((end < 0 ? m_headers.size() : end) > m_limits.maxHeaderBytes) {
        refuse(431, "request headers too large");
        return false;
    }
    if (end < 0)
        return false;
    const QList<QByteArray> lines = m_headers.left(end).split('\n');
    qint64 length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            refuse(400, "malformed header line");
            return false;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "transfer-encoding") {
            refuse(411, "send a Content-Length, not a chunked body");
            return false;
        }
        if (name == "content-length") {
            bool ok = false;
            length = value.toLongLong(&ok);
            if (!ok || length < 0) {
                refuse(400, "malformed Content-Length");
                return false;
            }
        }
    }
    if (length > m_limits.maxBodyBytes) {
        refuse(413, "request body too large (limit " + QByteArray::number(m_limits.maxBodyBytes) + " bytes)");
        return false;
    }
    // Bodies wait in memory until complete: together they stay under the server's budget.
    if (!m_budget->reserve(m_peer, length)) {
        refuse(503, "the archive is busy receiving other uploads; try again shortly");
        return false;
    }
    m_reservedBytes = length;
    m_headers.remove(0, end + 4);
    m_bodyRemaining = length;
    return true;
}

void ConnectionGuard::refuse(int status, const QByteArray &reason)
{
    m_refused = true;
    m_deadline.stop();
    releaseBudget();
    static const QHash<int, QByteArray> phrases{{400, "Bad Request"},        {411, "Length Required"},
                                                 {413, "Payload Too Large"},  {429, "Too Many Requests"},
                                                 {431, "Request Header Fields Too Large"}, {503, "Service Unavailable"}};
    const QByteArray body = "{\"error\":\"" + reason + "\"}";
    m_socket->readAll();
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + phrases.value(status) + "\r\nContent-Type: application/json\r\n"
                    "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    m_socket->disconnectFromHost();
    m_idle.start(); // a client that never reads the refusal is dropped all the same
}

} // namespace fieldnotes::sync
