#include "connectionguard.h"

#include <QRegularExpression>
#include <QTcpSocket>

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
    QByteArray chunk = m_socket->peek(m_socket->bytesAvailable());
    while (!chunk.isEmpty() && !m_refused) {
        if (m_bodyRemaining < 0) {
            m_headers += chunk;
            chunk.clear();
            if (!inspectHeaders())
                return;
            if (m_bodyRemaining >= 0) {
                // What came after the headers belongs to the body (and maybe the next request).
                chunk = m_headers;
                m_headers.clear();
            }
        } else {
            const qint64 used = std::min<qint64>(m_bodyRemaining, chunk.size());
            m_bodyRemaining -= used;
            chunk.remove(0, used);
            if (m_bodyRemaining == 0)
                m_bodyRemaining = -1;
        }
    }
}

bool ConnectionGuard::inspectHeaders()
{
    const qsizetype end = m_headers.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_headers.size() > m_limits.maxHeaderBytes)
            refuse(431, "request headers too large");
        else if (const qsizetype lineEnd = m_headers.indexOf("\r\n"); lineEnd >= 0 || m_headers.size() > 2048) {
            static const QRegularExpression requestLine(QStringLiteral("^[A-Z]{3,7} /\\S* HTTP/1\\.[01]$"));
            if (!requestLine.match(QString::fromLatin1(m_headers.left(lineEnd >= 0 ? lineEnd : 2048))).hasMatch())
                refuse(400, "malformed request line");
        }
        return !m_refused;
    }
    const QList<QByteArray> lines = m_headers.left(end).split('\n');
    static const QRegularExpression requestLine(QStringLiteral("^[A-Z]{3,7} /\\S* HTTP/1\\.[01]$"));
    if (!requestLine.match(QString::fromLatin1(lines.front().trimmed())).hasMatch()) {
        refuse(400, "malformed request line");
        return false;
    }
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
    if (m_bodyRemaining == 0)
        m_bodyRemaining = -1;
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
