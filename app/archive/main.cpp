// fieldnotes-archive: the team leader's archive server (docs/sync-protocol.md).
#include "archivehttpserver.h"
#include "archiveoptions.h"
#include "archiveservice.h"
#include "archivestore.h"
#include "guardedtcpserver.h"
#include "sodiumruntime.h"
#include "processlimits.h"
#include "tlscertificate.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QSslCertificate>
#include <QTimer>

#include <algorithm>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace fieldnotes;

namespace {
int fail(const QString &message, int code = 1)
{
    std::fprintf(stderr, "fieldnotes-archive: %s\n", qPrintable(message));
    return code;
}

Result<SecureBytes> readPassphrase(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot read the passphrase file %1").arg(path)};
    SecureBytes buffer(4096);
    const qint64 read = file.read(reinterpret_cast<char *>(buffer.data()), 4096);
    qint64 length = 0;
    while (length < read && buffer.data()[length] != '\n' && buffer.data()[length] != '\r')
        ++length;
    if (length == 0)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the passphrase file %1 is empty").arg(path)};
    if (length == read && read == 4096)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the passphrase in %1 is longer than 4095 bytes; refused, not cut").arg(path)};
    return SecureBytes::copyOf(buffer.data(), static_cast<std::size_t>(length));
}

Result<KdfParameters> kdfNamed(const QString &name)
{
    if (name == QLatin1String("standard"))
        return KdfParameters::standard();
    if (name == QLatin1String("moderate"))
        return KdfParameters::moderate();
    if (name == QLatin1String("interactive"))
        return KdfParameters::interactive();
    return Error{ErrorCode::InvalidArgument, QStringLiteral("unknown --kdf '%1'").arg(name)};
}

int terminationPipe[2];
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (app.arguments().contains(QStringLiteral("--help")) || app.arguments().size() == 1) {
        std::fputs(qPrintable(archive::ArchiveOptions::usage()), app.arguments().size() == 1 ? stderr : stdout);
        return app.arguments().size() == 1 ? 2 : 0;
    }
    // `fieldnotes-archive review-code --data DIR --passphrase-file FILE [--hours N]`: a one-time
    // code for one team leader to create one review here (beside a running archive, or not).
    QStringList arguments = app.arguments();
    const bool issueCode = arguments.size() > 1 && arguments[1] == QLatin1String("review-code");
    int codeHours = 72;
    if (issueCode) {
        arguments.removeAt(1);
        if (const qsizetype hours = arguments.indexOf(QStringLiteral("--hours")); hours >= 0 && hours + 1 < arguments.size()) {
            bool ok = false;
            codeHours = arguments[hours + 1].toInt(&ok);
            if (!ok || codeHours < 1)
                return fail(QStringLiteral("--hours must be a positive number"), 2);
            arguments.remove(hours, 2);
        }
    }
    auto options = archive::ArchiveOptions::parse(arguments);
    if (!options)
        return fail(options.error().message + QStringLiteral("\n") + archive::ArchiveOptions::usage(), 2);
    ensureSodiumInitialised();
    auto kdf = kdfNamed(options->kdf);
    if (!kdf)
        return fail(kdf.error().message, 2);
    auto passphrase = readPassphrase(options->passphraseFile);
    if (!passphrase)
        return fail(passphrase.error().message, 2);
    auto store = sync::ArchiveStore::open(options->dataDirectory, *passphrase, *kdf);
    passphrase->wipe();
    if (!store)
        return fail(store.error().message, store.error().code == ErrorCode::WrongPassphrase ? 3 : 1);
    if (issueCode) {
        const QString code = (*store)->issueReviewCode(codeHours);
        if (code.isEmpty())
            return fail(QStringLiteral("could not store a review-creation code"));
        std::fprintf(stderr, "one-time review-creation code, valid for %d hours; give it to the team leader:\n", codeHours);
        std::printf("%s\n", qPrintable(code));
        return 0;
    }
    (*store)->setReviewQuotaBytes(qint64(options->reviewQuotaMiB) << 20);

    std::optional<QSslConfiguration> tls;
    QString fingerprint;
    if (!options->plainHttp) {
        const QString certificate = options->certificatePath.isEmpty() ? options->dataDirectory + QStringLiteral("/tls-cert.pem")
                                                                       : options->certificatePath;
        const QString key = options->privateKeyPath.isEmpty() ? options->dataDirectory + QStringLiteral("/tls-key.pem")
                                                               : options->privateKeyPath;
        auto identity = archive::loadOrCreateTlsIdentity(certificate, key, options->host);
        if (!identity)
            return fail(identity.error().message);
        fingerprint = archive::certificateFingerprint(identity->localCertificate());
        tls = *identity;
    }

    // Envelopes the team leader said are archived go once their time has passed: checked at
    // start and every ten minutes (and at once when a statement arrives).
    auto removeArchived = [&store] {
        auto removed = (*store)->removeArchivedEnvelopes();
        if (!removed)
            std::fprintf(stderr, "cannot remove archived envelopes: %s\n", qPrintable(removed.error().message));
        else if (*removed > 0)
            std::fprintf(stderr, "removed %d archived envelope(s), as the team leader's signed statements allow\n", *removed);
    };
    removeArchived();
    QTimer retention;
    QObject::connect(&retention, &QTimer::timeout, &app, removeArchived);
    retention.start(std::chrono::minutes(10));

    sync::ArchiveService service(**store);
    sync::ArchiveHttpServer http(service);
    sync::ConnectionGuard::Limits limits;
    limits.maxBodyBytes = options->maxBodyBytes;
    limits.idleTimeoutMs = options->idleTimeoutSeconds * 1000;
    limits.requestTimeoutMs = options->requestTimeoutSeconds * 1000;
    limits.maxConnectionsPerPeer = options->maxConnectionsPerPeer;
    // Descriptors kept in reserve for the store, the listening socket and the accept that closes
    // a connection over the cap: the archive never runs out of them and keeps answering.
    const long openFiles = platform::raiseOpenFileLimit();
    limits.maxConnections = static_cast<int>(std::clamp<long>(openFiles - 64, 1, options->maxConnections));
    auto *listener = new sync::GuardedTcpServer(limits, tls, &http);
    if (!listener->listen(QHostAddress(options->host), options->port))
        return fail(QStringLiteral("cannot listen on %1:%2: %3").arg(options->host).arg(options->port).arg(listener->errorString()));
    http.bind(listener);

    // SIGTERM and SIGINT end the event loop, so the store closes cleanly.
    if (::pipe(terminationPipe) == 0) {
        auto onSignal = [](int) { [[maybe_unused]] auto written = ::write(terminationPipe[1], "x", 1); };
        std::signal(SIGTERM, onSignal);
        std::signal(SIGINT, onSignal);
        auto *notifier = new QSocketNotifier(terminationPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    }

    const QString scheme = tls ? QStringLiteral("https") : QStringLiteral("http");
    std::printf("listening on %s://%s:%u\n", qPrintable(scheme), qPrintable(options->host), listener->serverPort());
    if (tls)
        std::printf("certificate SHA-256 fingerprint: %s\n", qPrintable(fingerprint));
    std::printf("archive key: %s\n", (*store)->archiveKey().toHex().constData());
    std::fflush(stdout);
    return app.exec();
}
