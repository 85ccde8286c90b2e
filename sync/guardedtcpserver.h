#pragma once

#include "connectionguard.h"

#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

namespace fieldnotes::sync {

/// The listening socket under the archive's Qt HttpServer: TLS when given a configuration, and a
/// ConnectionGuard on every connection before the HTTP server sees it.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    GuardedTcpServer(ConnectionGuard::Limits limits, std::optional<QSslConfiguration> tls, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr handle) override;

private:
    ConnectionGuard::Limits m_limits;
    std::optional<QSslConfiguration> m_tls;
};

} // namespace fieldnotes::sync
