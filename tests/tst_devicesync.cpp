// A device and a team leader syncing through a real archive server on 127.0.0.1 (the archive's
// store, service and HTTP front in this process): enrolment, set-up, delivery on receipts,
// collection; and servers that answer garbage or never answer leave the outbox intact.
#include "archivehttpserver.h"
#include "archiveservice.h"
#include "archivestore.h"
#include "devicesync.h"
#include "guardedtcpserver.h"
#include "leaderdesk.h"
#include "notestore.h"
#include "syncencoding.h"
#include "syncstore.h"
#include "testvault.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QDir>
#include <QTemporaryDir>
#include <QTimer>
#include <QTest>

using namespace fieldnotes;
using namespace fieldnotes::sync;
using namespace fieldnotes::test;

namespace {
/// Answers every request with the same bytes, or (with empty bytes) never answers at all.
class CannedServer : public QTcpServer
{
public:
    explicit CannedServer(QByteArray answer) : m_answer(std::move(answer))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    socket->readAll();
                    if (!m_answer.isEmpty())
                        socket->write(m_answer);
                });
            }
        });
        listen(QHostAddress::LocalHost);
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }

private:
    QByteArray m_answer;
};
} // namespace

class TestDeviceSync : public QObject
{
    Q_OBJECT

    QTemporaryDir m_directory;
    std::unique_ptr<ArchiveStore> m_store;
    std::unique_ptr<ArchiveService> m_service;
    std::unique_ptr<ArchiveHttpServer> m_http;
    QString m_url;
    std::unique_ptr<ScratchVault> m_leader;
    std::unique_ptr<ScratchVault> m_device;

    Result<SyncOutcome> sync(int timeoutMs = 30'000) { return DeviceSync(*m_device->vault, timeoutMs).syncOnce(); }
    OutboxCounts counts() { return *SyncStore(*m_device->vault).outboxCounts(); }

    void pointDeviceAt(const QString &url)
    {
        SyncStore store(*m_device->vault);
        Enrolment enrolment = **store.enrolment();
        enrolment.archiveUrl = url;
        QVERIFY(store.saveEnrolment(enrolment).ok());
    }

private slots:
    void init()
    {
        static int archives = 0;
        auto store = ArchiveStore::open(m_directory.filePath(QStringLiteral("archive-%1").arg(++archives)), secret("archive"), fastKdf());
        QVERIFY(store.ok());
        m_store = std::move(*store);
        m_service = std::make_unique<ArchiveService>(*m_store);
        m_http = std::make_unique<ArchiveHttpServer>(*m_service);
        auto *listener = new GuardedTcpServer(ConnectionGuard::Limits{}, std::nullopt, m_http.get());
        QVERIFY(listener->listen(QHostAddress::LocalHost));
        m_http->bind(listener);
        m_url = QStringLiteral("http://127.0.0.1:%1").arg(listener->serverPort());

        m_leader = std::make_unique<ScratchVault>();
        m_device = std::make_unique<ScratchVault>();
        LeaderDesk desk(*m_leader->vault);
        auto created = desk.createReview(m_leader->reviewId, m_url, {});
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        auto code = desk.invite(m_leader->reviewId, 1);
        QVERIFY(code.ok());
        QVERIFY(DeviceSync(*m_device->vault).join(*code, QStringLiteral("reviewer"), QStringLiteral("tablet 1")).ok());
        auto waiting = sync();
        QVERIFY(waiting.ok());
        QCOMPARE(waiting->enrolmentState, QStringLiteral("requested"));
        QCOMPARE(desk.approve(m_leader->reviewId)->size(), 1);
        auto enrolled = sync();
        QVERIFY2(enrolled.ok(), qPrintable(enrolled.ok() ? QString() : enrolled.error().message));
        QCOMPARE(enrolled->enrolmentState, QStringLiteral("enrolled"));
        // The leader's programme came with the set-up: notes go into the leader's engagement.
        QVERIFY(m_device->vault->store().engagement(m_leader->engagementId).ok());
        m_device->engagementId = m_leader->engagementId;
    }

    void notesAreDeliveredOnReceiptsAndCollectedOnce()
    {
        m_device->addSignedNote(QStringLiteral("a statement"));
        m_device->addSignedNote(QStringLiteral("a worry about a child"), NoteKind::Concern);
        auto outcome = sync();
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->enqueued, 2);
        QCOMPARE(outcome->delivered, 2);
        QCOMPARE(counts().delivered, 2);
        QCOMPARE(*m_store->envelopeCount(), 2);

        auto report = LeaderDesk(*m_leader->vault).collect(m_leader->reviewId, 1); // one per page: resumable paging
        QVERIFY(report.ok());
        QCOMPARE(report->newNotes, 2);
        const auto device = std::find_if(report->devices.begin(), report->devices.end(),
                                         [&](const DeviceCollection &d) { return d.deviceKey == m_device->vault->devicePublicKey(); });
        QVERIFY(device != report->devices.end());
        QCOMPARE(device->received, 2);
        QVERIFY2(device->problems.isEmpty(), qPrintable(device->problems.join(QStringLiteral("; "))));
        QCOMPARE(LeaderDesk(*m_leader->vault).collect(m_leader->reviewId)->newNotes, 0);
        auto kept = SyncStore(*m_leader->vault).collectedNotes(m_leader->reviewId);
        QCOMPARE(kept->size(), 2);

        QCOMPARE(sync()->collected, 2);
        QCOMPARE(counts().collected, 2);
    }

    void concernsLeaveFirst()
    {
        m_device->addSignedNote(QStringLiteral("first statement"));
        m_device->addSignedNote(QStringLiteral("second statement"));
        m_device->addSignedNote(QStringLiteral("the concern"), NoteKind::Concern);
        SyncStore store(*m_device->vault);
        QCOMPARE(*store.enqueueSignedNotes(**store.enrolment()), 3);
        const auto queued = *store.queued(10);
        QCOMPARE(queued.size(), 3);
        QVERIFY(queued.front().urgent);
        QCOMPARE(queued.front().sequence, 3);
    }

    void aServerAnsweringGarbageLeavesTheOutboxIntact()
    {
        m_device->addSignedNote(QStringLiteral("kept through garbage"));
        CannedServer garbage("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n<html>hi!");
        pointDeviceAt(garbage.url());
        auto outcome = sync();
        QVERIFY(!outcome.ok());
        QCOMPARE(counts().delivered, 0);
        pointDeviceAt(m_url);
        auto recovered = sync();
        QVERIFY(recovered.ok());
        QCOMPARE(recovered->delivered, 1);
        QCOMPARE(*m_store->envelopeCount(), 1);
    }

    void anEndlessAnswerIsCutOffWithBoundedMemory()
    {
        m_device->addSignedNote(QStringLiteral("kept through a flood"));
        // Claims a 1 GiB JSON body and keeps sending it.
        QTcpServer flood;
        QVERIFY(flood.listen(QHostAddress::LocalHost));
        qint64 sentBytes = 0;
        connect(&flood, &QTcpServer::newConnection, &flood, [&] {
            while (QTcpSocket *socket = flood.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [&, socket] {
                    socket->readAll();
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n[");
                    auto *pump = new QTimer(socket);
                    connect(pump, &QTimer::timeout, socket, [&, socket] {
                        if (socket->bytesToWrite() < 4 << 20) {
                            socket->write(QByteArray(1 << 20, ' '));
                            sentBytes += 1 << 20;
                        }
                    });
                    pump->start(0);
                });
            }
        });
        pointDeviceAt(QStringLiteral("http://127.0.0.1:%1").arg(flood.serverPort()));
        auto outcome = sync(20'000);
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.error().message.contains(QStringLiteral("larger than")), qPrintable(outcome.error().message));
        QVERIFY(sentBytes < 256LL << 20); // stopped long before the claimed size
        QCOMPARE(counts().delivered, 0);
        pointDeviceAt(m_url);
        QCOMPARE(sync()->delivered, 1);
    }

    void aServerThatNeverAnswersTimesOutAndLosesNothing()
    {
        m_device->addSignedNote(QStringLiteral("kept through silence"));
        SyncStore store(*m_device->vault);
        QCOMPARE(*store.enqueueSignedNotes(**store.enrolment()), 1);
        const QString envelopeBefore = QString::fromUtf8(canonicalJson(store.queued(1)->front().envelope.toJson()));
        CannedServer silent{QByteArray()};
        pointDeviceAt(silent.url());
        QElapsedTimer waited;
        waited.start();
        auto outcome = sync(500);
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().code, ErrorCode::Io);
        QVERIFY(waited.elapsed() < 10'000);
        QCOMPARE(counts().queued, 1);
        pointDeviceAt(m_url);
        QCOMPARE(sync()->delivered, 1);
        // The very bytes sealed before the failure are the ones the archive holds.
        QCOMPARE(QString::fromUtf8(canonicalJson(m_store->envelopesAfter(m_leader->reviewId, 0, 10)->front().envelope.toJson())),
                 envelopeBefore);
    }

    void aVaultRolledBackToAnOlderCopyIsCaughtByItsCounter()
    {
        m_device->addSignedNote(QStringLiteral("first, kept in the old copy"));
        QCOMPARE(sync()->delivered, 1);
        // An old copy of the whole vault directory...
        const QString vaultPath = m_device->path();
        const QString copy = m_directory.filePath(QStringLiteral("rollback-copy"));
        m_device->vault.reset();
        QVERIFY(QDir().mkpath(copy));
        for (const QFileInfo &file : QDir(vaultPath).entryInfoList(QDir::Files))
            QVERIFY(QFile::copy(file.filePath(), copy + QLatin1Char('/') + file.fileName()));
        m_device->vault = std::move(*Vault::open(vaultPath, secret("scratch passphrase"), fastOptions()));
        m_device->addSignedNote(QStringLiteral("second, sent"));
        QCOMPARE(sync()->delivered, 1);
        // ... put back over the current one: the next note reuses sequence number 2.
        m_device->vault.reset();
        for (const QFileInfo &file : QDir(vaultPath).entryInfoList(QDir::Files))
            QVERIFY(QFile::remove(file.filePath()));
        for (const QFileInfo &file : QDir(copy).entryInfoList(QDir::Files))
            QVERIFY(QFile::copy(file.filePath(), vaultPath + QLatin1Char('/') + file.fileName()));
        m_device->vault = std::move(*Vault::open(vaultPath, secret("scratch passphrase"), fastOptions()));
        m_device->addSignedNote(QStringLiteral("a different second note"));
        auto outcome = sync();
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->refused, 1); // the archive keeps the first note 2 and records the other
        QCOMPARE(*m_store->envelopeCount(), 2);
        auto report = LeaderDesk(*m_leader->vault).collect(m_leader->reviewId);
        QVERIFY(report.ok());
        QCOMPARE(report->conflicts, 1);
        const auto device = std::find_if(report->devices.begin(), report->devices.end(),
                                         [&](const DeviceCollection &d) { return d.deviceKey == m_device->vault->devicePublicKey(); });
        QVERIFY(device->problems.join(QLatin1Char(' ')).contains(QStringLiteral("conflict")));
    }

    void theLeaderFlagsWhatWasSignedAfterRevocation()
    {
        // A tablet whose clock runs a day ahead signs a note "tomorrow" and sends it today; the
        // leader then revokes the tablet as of now. The note arrived, but was signed after the
        // revocation time: the leader's collection says so.
        ScratchVault ahead(fastOptions([] { return QDateTime::currentDateTimeUtc().addDays(1); }));
        LeaderDesk desk(*m_leader->vault);
        auto code = desk.invite(m_leader->reviewId, 1);
        QVERIFY(DeviceSync(*ahead.vault).join(*code, QStringLiteral("reviewer"), QStringLiteral("fast clock")).ok());
        QCOMPARE(desk.approve(m_leader->reviewId)->size(), 1);
        QVERIFY(DeviceSync(*ahead.vault).syncOnce().ok());
        ahead.engagementId = m_leader->engagementId;
        ahead.addSignedNote(QStringLiteral("signed tomorrow"));
        QCOMPARE(DeviceSync(*ahead.vault).syncOnce()->delivered, 1);
        QVERIFY(desk.revoke(m_leader->reviewId, ahead.vault->devicePublicKey(), QStringLiteral("lost")).ok());
        auto report = desk.collect(m_leader->reviewId);
        QVERIFY(report.ok());
        const auto device = std::find_if(report->devices.begin(), report->devices.end(),
                                         [&](const DeviceCollection &d) { return d.deviceKey == ahead.vault->devicePublicKey(); });
        QVERIFY(device != report->devices.end());
        QVERIFY2(device->problems.join(QLatin1Char(' ')).contains(QStringLiteral("signed after the device was revoked")),
                 qPrintable(device->problems.join(QLatin1Char(' '))));
        const auto verdicts = *SyncStore(*m_leader->vault).collectedVerdicts(m_leader->reviewId);
        QVERIFY(std::any_of(verdicts.begin(), verdicts.end(),
                            [](const CollectedNote &note) { return note.verdict.contains(QStringLiteral("revoked")); }));
    }

    void aRevokedDeviceStopsSending()
    {
        m_device->addSignedNote(QStringLiteral("before revocation"));
        QCOMPARE(sync()->delivered, 1);
        QVERIFY(LeaderDesk(*m_leader->vault).revoke(m_leader->reviewId, m_device->vault->devicePublicKey(), QStringLiteral("lost")).ok());
        m_device->addSignedNote(QStringLiteral("after revocation"));
        auto outcome = sync();
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->enrolmentState, QStringLiteral("revoked"));
        QCOMPARE(outcome->delivered, 0);
        QCOMPARE(*m_store->envelopeCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDeviceSync)
#include "tst_devicesync.moc"
