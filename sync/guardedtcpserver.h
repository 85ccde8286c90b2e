#pragma once

#include "connectionguard.h"

#include <QHash>
#include <QList>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

#include <memory>
#include <optional>

namespace fieldnotes::sync {

/// The listening socket under the archive's Qt HttpServer: TLS when given a configuration, a cap
/// on connections per peer address (beyond it a connection is closed at once) and in total (when
/// full, a newcomer takes the place of the oldest connection of the peer holding the most, so
/// a crowd of slow connections cannot lock everyone else out, and descriptors stay in reserve),
/// and a ConnectionGuard on every connection before the HTTP server sees it.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    GuardedTcpServer(ConnectionGuard::Limits limits, std::optional<QSslConfiguration> tls, QObject *parent = nullptr);

    int openConnections() const { return m_open; }

protected:
    void incomingConnection(qintptr handle) override;

private:
    /// Counts the connection, or closes it when a cap is reached; false when closed.
    bool admit(QTcpSocket *socket);

    ConnectionGuard::Limits m_limits;
    std::optional<QSslConfiguration> m_tls;
    std::shared_ptr<BodyBudget> m_budget;
    int m_open = 0;
    QHash<QString, QList<QTcpSocket *>> m_perPeer; // oldest first
    QTimer m_releaseMemory;
};

} // namespace fieldnotes::sync
