#include "connectivitymonitor.h"

#include <QNetworkInformation>

namespace fieldnotes::platform {

ConnectivityMonitor::ConnectivityMonitor(QObject *parent) : QObject(parent)
{
    m_hasBackend = QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    if (!m_hasBackend)
        return;
    connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                if (reachability == QNetworkInformation::Reachability::Online
                    || reachability == QNetworkInformation::Reachability::Site)
                    emit maybeOnline();
            });
}

} // namespace fieldnotes::platform
