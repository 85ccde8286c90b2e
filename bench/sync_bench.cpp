// Prints sync throughput against baselines measured in the same run (README, "Benchmarks"):
//  1. uploading N signed notes to the real fieldnotes-archive over loopback TLS in batches
//     (signed requests, receipts checked, the outbox updated) against a raw QNetworkAccessManager
//     POST loop of the very same request bodies over the same pinned connection;
//  2. the archive's ingest rate with 20 devices uploading at once (20 fieldnotes-cli processes)
//     against the raw Ed25519 verification rate of the same envelopes' signatures.
//   fieldnotes-sync-bench [--notes N] [--devices D] [--per-device M]
#include "archiveclient.h"
#include "devicesync.h"
#include "envelope.h"
#include "leaderdesk.h"
#include "notestore.h"
#include "signednotejson.h"
#include "syncencoding.h"
#include "syncstore.h"
#include "vault.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <sodium.h>

#include <cstdio>
#include <cstring>

using namespace fieldnotes;
using namespace fieldnotes::sync;

namespace {
const char *const passphrase = "benchmark passphrase";

SecureBytes secret(const char *text)
{
    return SecureBytes::copyOf(text, std::strlen(text));
}

double seconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "fieldnotes-sync-bench: %s\n", qPrintable(message));
    std::exit(1);
}

template <typename T>
T check(Result<T> result, const char *what)
{
    if (!result)
        die(QStringLiteral("%1: %2").arg(QLatin1String(what), result.error().message));
    return std::move(*result);
}

void check(Result<void> result, const char *what)
{
    if (!result)
        die(QStringLiteral("%1: %2").arg(QLatin1String(what), result.error().message));
}

struct Archive {
    QProcess process;
    QString url;
    QString fingerprint;
    QString binary;
    QString directory;
};

void startArchive(Archive &archive, const QString &directory, const QString &archiveBinary)
{
    archive.binary = archiveBinary;
    archive.directory = directory;
    const QString passphraseFile = directory + QStringLiteral("/archive-passphrase");
    QFile file(passphraseFile);
    if (!file.open(QIODevice::WriteOnly) || file.write("archive passphrase\n") < 0)
        die(QStringLiteral("cannot write %1").arg(passphraseFile));
    file.close();
    archive.process.setProcessChannelMode(QProcess::MergedChannels);
    archive.process.start(archiveBinary, {QStringLiteral("--data"), directory + QStringLiteral("/archive"), QStringLiteral("--passphrase-file"),
                                          passphraseFile, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--kdf"),
                                          QStringLiteral("interactive")});
    QString output;
    while (!output.contains(QStringLiteral("archive key"))) {
        if (!archive.process.waitForReadyRead(30'000))
            die(QStringLiteral("the archive did not start: ") + output);
        output += QString::fromUtf8(archive.process.readAll());
    }
    archive.url = QRegularExpression(QStringLiteral("(https://127\\.0\\.0\\.1:\\d+)")).match(output).captured(1);
    archive.fingerprint = QRegularExpression(QStringLiteral("fingerprint: ([0-9a-f]{64})")).match(output).captured(1);
}

std::unique_ptr<Vault> newVault(const QString &path)
{
    return check(Vault::create(path, secret(passphrase), VaultOptions{systemClock(), KdfParameters::interactive()}), "create a vault");
}

struct LedReview {
    std::unique_ptr<Vault> leader;
    QString reviewId;
    QString engagementId;
};

LedReview leadReview(const QString &directory, const Archive &archive)
{
    LedReview review;
    review.leader = newVault(directory + QStringLiteral("/leader"));
    NoteStore &store = review.leader->store();
    review.reviewId = check(store.addReview(fieldnotes::Review{{}, QStringLiteral("Benchmark review"), QDate(2026, 11, 23), QDate(2026, 11, 27)}), "review").id;
    const QString priority = check(store.addPriority(Priority{{}, review.reviewId, QStringLiteral("Attendance"), {}, {}}), "priority").id;
    Engagement engagement;
    engagement.priorityId = priority;
    engagement.scheduledStart = QDateTime(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC);
    engagement.agreedMinutes = 45;
    review.engagementId = check(store.addEngagement(engagement), "engagement").id;
    QProcess issue;
    issue.start(archive.binary, {QStringLiteral("review-code"), QStringLiteral("--data"), archive.directory + QStringLiteral("/archive"),
                                 QStringLiteral("--passphrase-file"), archive.directory + QStringLiteral("/archive-passphrase")});
    issue.waitForFinished(60'000);
    const QString code = QString::fromUtf8(issue.readAllStandardOutput()).trimmed();
    check(LeaderDesk(*review.leader).createReview(review.reviewId, archive.url, archive.fingerprint, code), "create the review on the archive");
    const QByteArray kit = check(LeaderDesk(*review.leader).makeRecoveryKit(review.reviewId, secret("bench recovery passphrase")), "recovery kit");
    check(LeaderDesk(*review.leader).recordRecoveryKitKept(review.reviewId, kit), "keep the recovery kit");
    return review;
}

std::unique_ptr<Vault> enrolledDevice(const QString &path, LedReview &review, int notes)
{
    auto device = newVault(path);
    LeaderDesk desk(*review.leader);
    const EnrolmentCode code = check(desk.invite(review.reviewId, 1), "invite");
    check(DeviceSync(*device).join(code, QStringLiteral("reviewer"), QStringLiteral("bench tablet")), "join");
    check(desk.approve(review.reviewId, {device->devicePublicKey()}), "approve");
    check(DeviceSync(*device).syncOnce(), "enrol");
    QList<Note> batch;
    for (int n = 0; n < notes; ++n) {
        Note note;
        note.engagementId = review.engagementId;
        note.kind = NoteKind::Statement;
        note.text = QStringLiteral("Statement %1: the breakfast club doubled attendance, and the records for the autumn term show it.").arg(n);
        batch << note;
    }
    check(device->store().createAndSign(batch), "sign notes");
    return device;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList arguments = app.arguments();
    const auto option = [&](const char *name, int fallback) {
        const qsizetype at = arguments.indexOf(QLatin1String(name));
        return at >= 0 && at + 1 < arguments.size() ? arguments[at + 1].toInt() : fallback;
    };
    const int notes = option("--notes", 2000);
    const int devices = option("--devices", 20);
    const int perDevice = option("--per-device", 500);
    const int batch = 100;
    if (sodium_init() < 0)
        die(QStringLiteral("libsodium"));
    const QString archiveBinary = QCoreApplication::applicationDirPath() + QStringLiteral("/../app/fieldnotes-archive");
    const QString cliBinary = QCoreApplication::applicationDirPath() + QStringLiteral("/../app/fieldnotes-cli");

    QTemporaryDir directory;
    Archive archive;
    startArchive(archive, directory.path(), archiveBinary);
    LedReview review = leadReview(directory.path(), archive);

    // 1. Upload over loopback TLS against a raw POST loop of the same bytes.
    std::unique_ptr<Vault> device = enrolledDevice(directory.path() + QStringLiteral("/device"), review, notes);
    SyncStore outbox(*device);
    const Enrolment enrolment = *check(outbox.enrolment(), "enrolment");
    check(outbox.enqueueSignedNotes(enrolment), "seal the outbox"); // sealing is done once, outside both timings
    QList<QByteArray> bodies;
    const QList<OutboxItem> queued = check(outbox.queued(notes), "read the outbox");
    for (qsizetype first = 0; first < queued.size(); first += batch) {
        QJsonArray envelopes;
        for (qsizetype i = first; i < std::min<qsizetype>(first + batch, queued.size()); ++i)
            envelopes << queued[i].envelope()->toJson();
        bodies << canonicalJson(QJsonObject{{QStringLiteral("envelopes"), envelopes}});
    }
    qint64 bytes = 0;
    for (const QByteArray &body : bodies)
        bytes += body.size();

    ArchiveClient raw(QUrl(archive.url), archive.fingerprint, DeviceIdentity{});
    const QString path = reviewPath(review.reviewId, "envelopes");
    raw.sendRaw("POST", path, bodies.front(), {}); // the connection and TLS session, as the sync has them warm too
    QElapsedTimer rawTimer;
    rawTimer.start();
    for (const QByteArray &body : bodies) {
        const ArchiveReply reply = raw.sendRaw("POST", path, body, {});
        if (reply.status == 0)
            die(QStringLiteral("raw POST: ") + reply.error);
    }
    const double rawSeconds = seconds(rawTimer);
    // The sync keeps two batches on their way at once; the same for the raw bytes, for comparison.
    QElapsedTimer pairedTimer;
    pairedTimer.start();
    for (qsizetype i = 0; i < bodies.size(); i += 2) {
        auto first = raw.startRaw("POST", path, bodies[i], {});
        auto second = i + 1 < bodies.size() ? raw.startRaw("POST", path, bodies[i + 1], {}) : nullptr;
        if (raw.finish(*first).status == 0 || (second && raw.finish(*second).status == 0))
            die(QStringLiteral("raw POST, two at once: no answer"));
    }
    const double pairedSeconds = seconds(pairedTimer);

    QElapsedTimer syncTimer;
    syncTimer.start();
    const SyncOutcome outcome = check(DeviceSync(*device).syncOnce(batch), "sync");
    const double syncSeconds = seconds(syncTimer);
    if (outcome.delivered != notes)
        die(QStringLiteral("delivered %1 of %2").arg(outcome.delivered).arg(notes));
    std::printf("upload over loopback TLS, %d notes in batches of %d (%.1f MiB of requests)\n", notes, batch, double(bytes) / (1 << 20));
    std::printf("  sync (signed requests, stored, receipts verified, outbox updated): %8.0f notes/s  (%.2f s)\n", notes / syncSeconds, syncSeconds);
    std::printf("  raw QNetworkAccessManager POST loop of the same bodies:            %8.0f notes/s  (%.2f s)\n", notes / rawSeconds, rawSeconds);
    std::printf("  raw POSTs, two on their way at once like the sync:                %8.0f notes/s  (%.2f s)\n", notes / pairedSeconds,
                pairedSeconds);
    std::printf("  ratio sync/raw time: %.2f (goal <= 1.5); against two raw POSTs at once: %.2f\n", syncSeconds / rawSeconds,
                syncSeconds / pairedSeconds);

    // 2. Ingest with many devices at once against raw signature verification.
    std::vector<std::unique_ptr<Vault>> fleet;
    QStringList paths;
    for (int d = 0; d < devices; ++d) {
        paths << directory.path() + QStringLiteral("/fleet-%1").arg(d);
        fleet.push_back(enrolledDevice(paths.back(), review, perDevice));
        SyncStore store(*fleet.back());
        check(store.enqueueSignedNotes(*check(store.enrolment(), "enrolment")), "seal");
    }
    QList<Envelope> sample;
    for (auto &member : fleet)
        for (const OutboxItem &item : check(SyncStore(*member).queued(perDevice), "outbox"))
            sample << *item.envelope();
    fleet.clear(); // the vaults are locked: each fieldnotes-cli opens its own

    std::vector<std::unique_ptr<QProcess>> syncs;
    QElapsedTimer ingestTimer;
    ingestTimer.start();
    for (const QString &vaultPath : paths) {
        auto process = std::make_unique<QProcess>();
        process->start(cliBinary, {QStringLiteral("--vault"), vaultPath, QStringLiteral("--passphrase-fd"), QStringLiteral("0"), QStringLiteral("sync")});
        process->write(passphrase);
        process->write("\n");
        process->closeWriteChannel();
        syncs.push_back(std::move(process));
    }
    for (auto &process : syncs) {
        process->waitForFinished(-1);
        if (process->exitCode() != 0)
            die(QStringLiteral("fieldnotes-cli sync: ") + QString::fromLocal8Bit(process->readAllStandardError()));
    }
    const double ingestSeconds = seconds(ingestTimer);

    QElapsedTimer verifyTimer;
    verifyTimer.start();
    int verified = 0;
    for (const Envelope &envelope : sample)
        verified += verifyDetached(envelope.signature, envelope.metadataBytes(), envelope.deviceKey) ? 1 : 0;
    const double verifySeconds = seconds(verifyTimer);
    if (verified != sample.size())
        die(QStringLiteral("verification failed"));
    const int total = devices * perDevice;
    std::printf("archive ingest, %d devices x %d notes at once (each fieldnotes-cli unlocks its vault: Argon2id interactive)\n",
                devices, perDevice);
    std::printf("  stored and receipted: %8.0f notes/s  (%.2f s)\n", total / ingestSeconds, ingestSeconds);
    std::printf("  raw Ed25519 verification of the same envelopes: %8.0f signatures/s\n", verified / verifySeconds);
    std::printf("  ratio: ingest is %.1fx slower than verifying alone\n", (verified / verifySeconds) / (total / ingestSeconds));

    // 3. Sealing a note (after each signing, on the tablet) to the review's box key, and to it and
    // a deputy's, against one raw crypto_box_seal of the same inner bytes.
    {
        auto author = enrolledDevice(directory.path() + QStringLiteral("/sealer"), review, 200);
        QList<SignedNote> notes;
        const QList<Note> written = check(author->store().notes(NoteFilter{review.engagementId, {}, {}, {}}), "notes");
        for (const Note &note : written)
            notes << check(author->store().signedNote(note.id), "signed note");
        QByteArray leaderBox(crypto_box_PUBLICKEYBYTES, '\0'), deputyBox(crypto_box_PUBLICKEYBYTES, '\0');
        SecureBytes unused(crypto_box_SECRETKEYBYTES);
        crypto_box_keypair(reinterpret_cast<unsigned char *>(leaderBox.data()), unused.data());
        crypto_box_keypair(reinterpret_cast<unsigned char *>(deputyBox.data()), unused.data());
        const auto sealAll = [&](const QList<QByteArray> &recipients) {
            QElapsedTimer timer;
            timer.start();
            for (const SignedNote &note : notes)
                check(sealNote(note, recipients, author->identity()), "seal");
            return seconds(timer) / double(notes.size());
        };
        const double one = sealAll({leaderBox});
        const double two = sealAll({leaderBox, deputyBox});
        QElapsedTimer rawTimer;
        rawTimer.start();
        for (const SignedNote &note : notes) {
            const QByteArray plain = canonicalJson(signedNoteToJson(note));
            QByteArray box(plain.size() + crypto_box_SEALBYTES, '\0');
            crypto_box_seal(reinterpret_cast<unsigned char *>(box.data()), reinterpret_cast<const unsigned char *>(plain.constData()),
                            quint64(plain.size()), reinterpret_cast<const unsigned char *>(leaderBox.constData()));
        }
        const double raw = seconds(rawTimer) / double(notes.size());
        std::printf("sealing a signed note, %lld notes (on the tablet, once, after signing)\n", qlonglong(notes.size()));
        std::printf("  to the review's box key:              %7.0f us\n", one * 1e6);
        std::printf("  to it and a deputy's:                 %7.0f us\n", two * 1e6);
        std::printf("  raw crypto_box_seal of the note JSON: %7.0f us  (ratio one/raw %.1f, two/raw %.1f)\n", raw * 1e6, one / raw, two / raw);
    }
    archive.process.terminate();
    archive.process.waitForFinished(10'000);
    return 0;
}
