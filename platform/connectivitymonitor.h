#pragma once

#include <QObject>

namespace fieldnotes::platform {

/// Tells when the network may have come back, from the OS's own view where Qt has a backend for
/// it (QNetworkInformation). On Linux without a system D-Bus only the glib backend loads, and it
/// calls any default route "online", so this is a hint to try, never proof the archive is there:
/// callers probe the archive itself.
class ConnectivityMonitor : public QObject
{
    Q_OBJECT

public:
    explicit ConnectivityMonitor(QObject *parent = nullptr);

    /// Whether a backend reports reachability at all (otherwise only timed retries happen).
    bool hasBackend() const { return m_hasBackend; }

signals:
    /// Reachability went from offline (or unknown) to online.
    void maybeOnline();

private:
    bool m_hasBackend = false;
};

} // namespace fieldnotes::platform
