// fieldnotes-archive: the team leader's archive server (docs/sync-protocol.md).
#include "archivehttpserver.h"
#include "archiveoptions.h"
#include "archiveservice.h"
#include "archivestore.h"
#include "durablefile.h"
#include "storebackup.h"
#include "signednote.h"
#include "guardedtcpserver.h"
#include "sodiumruntime.h"
#include "processlimits.h"
#include "tlscertificate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
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

/// Removes `name VALUE` from the arguments and returns VALUE (empty when absent).
QString takeOption(QStringList &arguments, const QString &name)
{
    const qsizetype at = arguments.indexOf(name);
    if (at < 0 || at + 1 >= arguments.size())
        return {};
    const QString value = arguments[at + 1];
    arguments.remove(at, 2);
    return value;
}

QString defaultCertificatePath(const archive::ArchiveOptions &options)
{
    return options.certificatePath.isEmpty() ? options.dataDirectory + QStringLiteral("/tls-cert.pem") : options.certificatePath;
}

QString defaultPrivateKeyPath(const archive::ArchiveOptions &options)
{
    return options.privateKeyPath.isEmpty() ? options.dataDirectory + QStringLiteral("/tls-key.pem") : options.privateKeyPath;
}

QList<std::pair<QString, QString>> tlsFiles(const archive::ArchiveOptions &options)
{
    return {{QStringLiteral("tls-cert.pem"), defaultCertificatePath(options)}, {QStringLiteral("tls-key.pem"), defaultPrivateKeyPath(options)}};
}

/// Unpacks a backup beside the new data directory, opens it with the passphrase, gives back the
/// TLS identity kept inside it, and only then moves it into place.
int restoreArchive(const QString &backup, const archive::ArchiveOptions &options, SecureBytes &passphrase)
{
    const QString target = QFileInfo(options.dataDirectory).absoluteFilePath();
    if (QFileInfo::exists(target))
        return fail(QStringLiteral("%1 already exists; restore into a new data directory").arg(target));
    const QString unpacked = target + QStringLiteral(".restoring");
    QDir(unpacked).removeRecursively(); // what an interrupted restore left
    auto label = sync::unpackStoreBackup(backup, sync::archiveStoreFiles(), unpacked);
    if (!label)
        return fail(label.error().message);
    auto removeUnpacked = qScopeGuard([unpacked] { QDir(unpacked).removeRecursively(); });
    QMap<QString, QByteArray> kept;
    {
        auto store = sync::ArchiveStore::open(unpacked, passphrase, KdfParameters::moderate());
        passphrase.wipe();
        if (!store)
            return fail(store.error().code == ErrorCode::WrongPassphrase
                            ? QStringLiteral("wrong passphrase for the archive in %1; nothing restored").arg(backup)
                            : store.error().message,
                        store.error().code == ErrorCode::WrongPassphrase ? 3 : 1);
        auto restored = (*store)->completeRestore();
        if (!restored)
            return fail(restored.error().message);
        kept = *restored;
    }
    for (auto file = kept.cbegin(); file != kept.cend(); ++file) {
        if (file.key() != QLatin1String("tls-cert.pem") && file.key() != QLatin1String("tls-key.pem"))
            continue;
        QString message;
        if (!platform::writeFileDurably(unpacked + QLatin1Char('/') + file.key(), file.value(), &message))
            return fail(message);
    }
    if (!QFile::rename(unpacked, target))
        return fail(QStringLiteral("cannot move the restored archive to %1").arg(target));
    removeUnpacked.dismiss();
    QString message;
    if (!platform::syncDirectory(QFileInfo(target).absolutePath(), &message))
        return fail(message);
    std::printf("restored the archive backed up at %s into %s%s\n", qPrintable(canonicalTimestamp(label->madeAt)), qPrintable(target),
                kept.contains(QStringLiteral("tls-key.pem")) ? ", with its TLS certificate and key" : "");
    if (!options.certificatePath.isEmpty())
        std::printf("the TLS certificate and key are in %s; start it without --cert/--key, or copy them where those point\n", qPrintable(target));
    return 0;
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
    // `backup --output FILE` and `restore --backup FILE` (docs/backups.md).
    QStringList arguments = app.arguments();
    const QString command = arguments.size() > 1 && !arguments[1].startsWith(QLatin1String("--")) ? arguments.takeAt(1) : QString();
    if (!command.isEmpty() && command != QLatin1String("review-code") && command != QLatin1String("backup") && command != QLatin1String("restore"))
        return fail(QStringLiteral("unknown command '%1'\n").arg(command) + archive::ArchiveOptions::usage(), 2);
    int codeHours = 72;
    if (const QString hours = takeOption(arguments, QStringLiteral("--hours")); !hours.isEmpty()) {
        bool ok = false;
        codeHours = hours.toInt(&ok);
        if (command != QLatin1String("review-code") || !ok || codeHours < 1)
            return fail(QStringLiteral("--hours must be a positive number, with review-code"), 2);
    }
    const QString backupOutput = takeOption(arguments, QStringLiteral("--output"));
    const QString backupFile = takeOption(arguments, QStringLiteral("--backup"));
    if ((command == QLatin1String("backup")) != !backupOutput.isEmpty())
        return fail(QStringLiteral("backup takes --output FILE, and only backup does"), 2);
    if ((command == QLatin1String("restore")) != !backupFile.isEmpty())
        return fail(QStringLiteral("restore takes --backup FILE, and only restore does"), 2);
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
    if (command == QLatin1String("restore"))
        return restoreArchive(backupFile, *options, *passphrase);
    if (command == QLatin1String("backup") && !QFileInfo::exists(sync::ArchiveStore::keyFilePath(options->dataDirectory)))
        return fail(QStringLiteral("there is no archive in %1 to back up").arg(options->dataDirectory));
    auto store = sync::ArchiveStore::open(options->dataDirectory, *passphrase, *kdf);
    passphrase->wipe();
    if (!store)
        return fail(store.error().message, store.error().code == ErrorCode::WrongPassphrase ? 3 : 1);
    if (command == QLatin1String("review-code")) {
        const QString code = (*store)->issueReviewCode(codeHours);
        if (code.isEmpty())
            return fail(QStringLiteral("could not store a review-creation code"));
        std::fprintf(stderr, "one-time review-creation code, valid for %d hours; give it to the team leader:\n", codeHours);
        std::printf("%s\n", qPrintable(code));
        return 0;
    }
    if (command == QLatin1String("backup")) {
        // The TLS identity goes inside the encrypted copy: tablets pin its certificate.
        QMap<QString, QByteArray> kept;
        for (const auto &[name, path] : tlsFiles(*options)) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly))
                kept.insert(name, file.readAll());
        }
        if (auto written = (*store)->backUp(backupOutput, options->dataDirectory, kept); !written)
            return fail(written.error().message);
        std::printf("backed up %s to %s (%lld bytes)%s\n", qPrintable(options->dataDirectory), qPrintable(backupOutput),
                    static_cast<long long>(QFileInfo(backupOutput).size()),
                    kept.isEmpty() ? "" : ", with its TLS certificate and key inside the encrypted copy");
        return 0;
    }
    (*store)->setReviewQuotaBytes(qint64(options->reviewQuotaMiB) << 20);

    std::optional<QSslConfiguration> tls;
    QString fingerprint;
    if (!options->plainHttp) {
        const QString certificate = defaultCertificatePath(*options);
        const QString key = defaultPrivateKeyPath(*options);
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
