#include "connectionguard.h"

#include <QRegularExpression>
#include <QTcpSocket>

#include <utility>

namespace fieldnotes::sync {

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, Limits limits) : QObject(socket), m_socket(socket), m_limits(limits)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(limits.idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, m_socket, &QTcpSocket::abort);
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::inspect);
    connect(m_socket, &QTcpSocket::bytesWritten, &m_idle, qOverload<>(&QTimer::start));
    m_idle.start();
}

void ConnectionGuard::inspect()
{
    m_idle.start();
    if (m_refused) {
        m_socket->readAll();
        return;
    }
    QByteArray pending = m_socket->peek(m_socket->bytesAvailable());
    while (!pending.isEmpty()) {
        if (m_bodyRemaining > 0) {
            const qint64 used = std::min<qint64>(m_bodyRemaining, pending.size());
            m_bodyRemaining -= used;
            pending.remove(0, used);
            continue;
        }
        m_headers += pending;
        if (!inspectHeaders())
            return; // refused, or the headers are not complete yet
        // What came after the headers is the body, and perhaps the next request.
        pending = std::exchange(m_headers, {});
    }
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
    m_headers.remove(0, end + 4);
    m_bodyRemaining = length;
    return true;
}

void ConnectionGuard::refuse(int status, const QByteArray &reason)
{
    m_refused = true;
    static const QHash<int, QByteArray> phrases{{400, "Bad Request"}, {411, "Length Required"},
                                                 {413, "Payload Too Large"}, {431, "Request Header Fields Too Large"}};
    const QByteArray body = "{\"error\":\"" + reason + "\"}";
    m_socket->readAll();
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + phrases.value(status) + "\r\nContent-Type: application/json\r\n"
                    "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    m_socket->disconnectFromHost();
}

} // namespace fieldnotes::sync
