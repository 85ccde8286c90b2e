#pragma once

#include "error.h"

#include <QSslConfiguration>
#include <QString>

namespace fieldnotes::archive {

/// Devices pin the certificate itself and never look at its dates, so its lifetime does not
/// decide who is trusted; 825 days is the longest that mainstream TLS clients accepted for any
/// certificate, enough for a review year with its consultation and report, after which the
/// operator makes a new one (docs/sync-protocol.md, "Rotating the certificate").
constexpr int certificateLifetimeDays = 825;

/// The archive's TLS identity: the given certificate and key, or a self-signed pair generated on
/// first start into the data directory (by the openssl tool; the key file is 0600).
Result<QSslConfiguration> loadOrCreateTlsIdentity(const QString &certificatePath, const QString &privateKeyPath, const QString &host);

/// SHA-256 of the certificate's DER bytes, lower-case hex: what devices pin.
QString certificateFingerprint(const QSslCertificate &certificate);

} // namespace fieldnotes::archive
