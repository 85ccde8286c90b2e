#pragma once

#include "error.h"

#include <QString>
#include <QStringList>

namespace fieldnotes::archive {

/// How fieldnotes-archive was asked to run: flags, over a config file of `name = value` lines
/// with the same names (docs/sync-protocol.md lists them).
struct ArchiveOptions {
    QString dataDirectory;
    QString host = QStringLiteral("0.0.0.0");
    quint16 port = 8443;
    bool plainHttp = false;   // only with host 127.0.0.1, for tests
    QString certificatePath;  // default: DATA/tls-cert.pem, generated on first start
    QString privateKeyPath;   // default: DATA/tls-key.pem
    QString passphraseFile;   // the archive passphrase, first line
    QString kdf = QStringLiteral("moderate");
    qint64 maxBodyBytes = 8 * 1024 * 1024;
    int idleTimeoutSeconds = 30;
    int requestTimeoutSeconds = 60;    // one whole request, headers and body
    int maxConnections = 512;          // and never more than the open-file limit allows, less a reserve
    int maxConnectionsPerPeer = 32;
    int reviewQuotaMiB = 2048;         // sealed envelopes one review may store

    static Result<ArchiveOptions> parse(const QStringList &arguments);
    static QString usage();
};

} // namespace fieldnotes::archive
