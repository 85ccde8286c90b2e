#include "guardedtcpserver.h"

#include "processlimits.h"

#include <QSslSocket>

namespace fieldnotes::sync {

GuardedTcpServer::GuardedTcpServer(ConnectionGuard::Limits limits, std::optional<QSslConfiguration> tls, QObject *parent)
    : QTcpServer(parent), m_limits(limits), m_tls(std::move(tls)), m_budget(std::make_shared<BodyBudget>())
{
    m_budget->limit = limits.maxPendingBodyBytes;
    // After a burst (large bodies, many connections) the memory goes back to the system.
    m_releaseMemory.setSingleShot(true);
    m_releaseMemory.setInterval(1000);
    connect(&m_releaseMemory, &QTimer::timeout, this, [] { platform::releaseFreedMemory(); });
}

bool GuardedTcpServer::admit(QTcpSocket *socket)
{
    const QString peer = socket->peerAddress().toString();
    QList<QTcpSocket *> &mine = m_perPeer[peer];
    if (mine.size() >= m_limits.maxConnectionsPerPeer) {
        socket->abort();
        socket->deleteLater();
        return false;
    }
    if (m_open >= m_limits.maxConnections) {
        auto crowded = m_perPeer.end();
        for (auto it = m_perPeer.begin(); it != m_perPeer.end(); ++it)
            if (crowded == m_perPeer.end() || it->size() > crowded->size())
                crowded = it;
        if (crowded == m_perPeer.end() || crowded->size() <= mine.size()) {
            socket->abort();
            socket->deleteLater();
            return false;
        }
        // Its oldest still open (one aborted a moment ago waits to be destroyed, which is when
        // its count goes).
        for (QTcpSocket *oldest : std::as_const(*crowded))
            if (oldest->state() != QAbstractSocket::UnconnectedState) {
                oldest->abort();
                break;
            }
    }
    ++m_open;
    mine << socket;
    connect(socket, &QObject::destroyed, this, [this, peer, socket] {
        --m_open;
        auto held = m_perPeer.find(peer);
        if (held != m_perPeer.end()) {
            held->removeOne(socket);
            if (held->isEmpty())
                m_perPeer.erase(held);
        }
        m_releaseMemory.start();
    });
    // Deleting twice is safe; the count above must never outlive its socket.
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    return true;
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    if (!m_tls) {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(handle)) {
            delete socket;
            return;
        }
        if (!admit(socket))
            return;
        new ConnectionGuard(socket, m_limits, m_budget);
        addPendingConnection(socket);
        return;
    }
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    if (!admit(socket))
        return;
    socket->setSslConfiguration(*m_tls);
    new ConnectionGuard(socket, m_limits, m_budget);
    connect(socket, &QSslSocket::encrypted, this, [this, socket] { addPendingConnection(socket); });
    connect(socket, &QSslSocket::errorOccurred, socket, [socket] {
        if (!socket->isEncrypted())
            socket->abort();
    });
    socket->startServerEncryption();
}

} // namespace fieldnotes::sync
