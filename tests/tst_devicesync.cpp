// A device and a team leader syncing through a real archive server on 127.0.0.1 (the archive's
// store, service and HTTP front in this process): enrolment, set-up, delivery on receipts,
// collection; and servers that answer garbage or never answer leave the outbox intact.
#include "archivehttpserver.h"
#include "archiveservice.h"
#include "archivestore.h"
#include "deskengagements.h"
#include "devicesync.h"
#include "guardedtcpserver.h"
#include "leaderdesk.h"
#include "notestore.h"
#include "noteverifier.h"
#include "sqlitedatabase.h"
#include "syncencoding.h"
#include "syncstore.h"
#include "leaderkit.h"
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
    int m_deviceDaysAhead = 0; // moves the device's clock, for retention

    QString noteText(const QString &id) { return m_device->vault->store().note(id)->text; }
    bool removed(const QString &id) { return m_device->vault->store().note(id)->contentRemovedAt.isValid(); }
    int collectAll() { return LeaderDesk(*m_leader->vault).collect(m_leader->reviewId)->newNotes; }

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
        m_deviceDaysAhead = 0;
        m_device = std::make_unique<ScratchVault>(
            fastOptions([this] { return QDateTime::currentDateTimeUtc().addDays(m_deviceDaysAhead); }));
        LeaderDesk desk(*m_leader->vault);
        auto created = desk.createReview(m_leader->reviewId, m_url, {}, m_store->issueReviewCode(1));
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QVERIFY(keepRecoveryKit(*m_leader->vault, m_leader->reviewId));
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

    void notesSignedBeforeJoiningCountAsWaiting()
    {
        // A tablet not yet approved holds signed notes: they are waiting to be sent, not "0 waiting".
        ScratchVault tablet;
        tablet.addSignedNote(QStringLiteral("signed before the tablet joined"), NoteKind::Observation);
        tablet.addSignedNote(QStringLiteral("and another"), NoteKind::Observation);
        const OutboxCounts counts = *SyncStore(*tablet.vault).outboxCounts();
        QCOMPARE(counts.notQueued, 2);
        QCOMPARE(counts.queued, 0);
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

        // The verdict is the verifier's, renewed at every collection: a problem recorded against a
        // note that verifies is gone after the next collection.
        SyncStore leaderStore(*m_leader->vault);
        const auto verdictOf = [&](const QByteArray &hash) {
            auto verdicts = leaderStore.collectedVerdicts(m_leader->reviewId);
            for (const CollectedNote &note : *verdicts)
                if (note.hash == hash)
                    return note.verdict;
            return QString();
        };
        QVERIFY(leaderStore.saveVerdicts(m_leader->reviewId, {{kept->first().hash, {QStringLiteral("bad signature")}}}).ok());
        QCOMPARE(verdictOf(kept->first().hash), QStringLiteral("bad signature"));
        QCOMPARE(verdictOf(kept->last().hash), QStringLiteral("valid"));
        QCOMPARE(collectAll(), 0);
        QCOMPARE(verdictOf(kept->first().hash), QStringLiteral("valid"));

        QCOMPARE(sync()->collected, 2);
        QCOMPARE(counts().collected, 2);
    }

    // An engagement made on the tablet (an extra visit) reaches the leader, signed by the tablet,
    // with everything the desk places a note by; the leader's vault never had it.
    void anEngagementMadeOnTheTabletReachesTheLeaderSigned()
    {
        Engagement visit;
        visit.id = QStringLiteral("extra-visit-1");
        visit.reviewId = m_leader->reviewId;
        visit.priorityId = m_leader->priorityId;
        visit.kind = EngagementKind::Visit;
        visit.title = QStringLiteral("Extra visit to the youth centre");
        visit.scheduledStart = QDateTime(QDate(2026, 11, 25), QTime(15, 30), Qt::UTC);
        visit.agreedMinutes = 40;
        visit.introducer = QStringLiteral("Reviewer A");
        visit.noteTaker = QStringLiteral("Reviewer B");
        visit.participants = {{QStringLiteral("youth worker"), 2}, {QStringLiteral("young person"), 5}};
        QVERIFY(m_device->vault->store().addEngagement(visit).ok());
        QVERIFY(!m_leader->vault->store().engagement(visit.id).ok());
        m_device->engagementId = visit.id;
        m_device->addSignedNote(QStringLiteral("The centre opens until nine on Fridays"));
        m_device->addSignedNote(QStringLiteral("Young people chose the activities"));
        QVERIFY(sync().ok());
        QCOMPARE(collectAll(), 2);

        auto records = queryList<QString>(
            m_leader->vault->database(), "SELECT record FROM collected_engagements WHERE engagement_id = ?1",
            [&](SqlStatement &statement) { statement.bind(1, visit.id); }, [](const SqlStatement &row) { return row.text(0); });
        QVERIFY(records.ok());
        QCOMPARE(records->size(), 1); // the second note of an unchanged engagement does not repeat it
        auto record = EngagementRecord::fromJson(*parseJsonObject(records->front().toUtf8()));
        QVERIFY2(record.ok(), qPrintable(record.ok() ? QString() : record.error().message));
        QCOMPARE(record->engagement, visit);
        QCOMPARE(record->deviceKey, m_device->vault->devicePublicKey());
        // The desk places it by the tablet's record: 5 young people outnumber 2 youth workers.
        auto placed = deskEngagements(*m_leader->vault, m_leader->reviewId);
        QVERIFY(placed.ok());
        const auto found = std::find_if(placed->begin(), placed->end(), [&](const DeskEngagement &e) { return e.engagement.id == visit.id; });
        QVERIFY(found != placed->end());
        QCOMPARE(found->engagement, visit);
        QCOMPARE(found->recordedBy, m_device->vault->devicePublicKey());
        QCOMPARE(found->source(), QStringLiteral("children"));
        // The leader's own programme is there too, from the set-up.
        QVERIFY(std::any_of(placed->begin(), placed->end(), [&](const DeskEngagement &e) {
            return e.engagement.id == m_leader->engagementId && e.recordedBy.isEmpty();
        }));
        // The leader corrects it (the parents came too and did the talking), and can go back.
        QVERIFY(correctEngagementSource(*m_leader->vault, m_leader->reviewId, visit.id, QStringLiteral("parents"), QStringLiteral("Team leader")).ok());
        const auto sourceOf = [&] {
            auto all = deskEngagements(*m_leader->vault, m_leader->reviewId);
            for (const DeskEngagement &e : *all)
                if (e.engagement.id == visit.id)
                    return std::pair(e.source(), e.derivedSource);
            return std::pair(QString(), QString());
        };
        QCOMPARE(sourceOf(), std::pair(QStringLiteral("parents"), QStringLiteral("children")));
        auto unknown = correctEngagementSource(*m_leader->vault, m_leader->reviewId, visit.id, QStringLiteral("gossip"), QStringLiteral("Team leader"));
        QVERIFY(!unknown.ok());
        QVERIFY2(unknown.error().message.contains(QStringLiteral("no source \"gossip\"")), qPrintable(unknown.error().message));
        QVERIFY(!correctEngagementSource(*m_leader->vault, m_leader->reviewId, QStringLiteral("no-such"), QStringLiteral("parents"),
                                         QStringLiteral("Team leader")).ok());
        QVERIFY(correctEngagementSource(*m_leader->vault, m_leader->reviewId, visit.id, {}, QStringLiteral("Reviewer A")).ok());
        QCOMPARE(sourceOf().first, QStringLiteral("children"));
        // Who changed what when, kept as written.
        const auto history = *deskHistory(*m_leader->vault, m_leader->reviewId, QStringLiteral("engagement:") + visit.id);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0).by, QStringLiteral("Team leader"));
        QCOMPARE(history.at(0).detail, QStringLiteral(R"({"derived":"children","from":"children","to":"parents"})"));
        QCOMPARE(history.at(1).by, QStringLiteral("Reviewer A"));
        QCOMPARE(history.at(1).action, QStringLiteral("source back to derived"));
        QVERIFY(!m_leader->vault->database().exec("UPDATE desk_history SET by = 'someone else'").ok());
        QVERIFY(!m_leader->vault->database().exec("DELETE FROM desk_history").ok());

        // Changed on the tablet (more came than planned), the engagement travels again with the
        // next note, and the desk places it by the newer record.
        visit.participants = {{QStringLiteral("youth worker"), 2}, {QStringLiteral("young person"), 9}};
        QVERIFY(m_device->vault->store().updateEngagement(visit).ok());
        m_device->addSignedNote(QStringLiteral("Nine came in the end"));
        QVERIFY(sync().ok());
        QCOMPARE(collectAll(), 1);
        QCOMPARE(*m_leader->vault->database().queryInteger("SELECT count(*) FROM collected_engagements"), 2);
        auto again = deskEngagements(*m_leader->vault, m_leader->reviewId);
        const auto updated = std::find_if(again->begin(), again->end(), [&](const DeskEngagement &e) { return e.engagement.id == visit.id; });
        QVERIFY(updated != again->end());
        QCOMPARE(updated->engagement.participants, visit.participants);
        QCOMPARE(updated->records, 2);

        // Immutable as received.
        QVERIFY(!m_leader->vault->database().exec("UPDATE collected_engagements SET record = '{}'").ok());
        QVERIFY(!m_leader->vault->database().exec("DELETE FROM collected_engagements").ok());
    }

    void collectedNotesKeepTheirContentUntilTheRetentionPeriodEnds()
    {
        const QString first = m_device->addSignedNote(QStringLiteral("the breakfast club doubled attendance"));
        const QString second = m_device->addSignedNote(QStringLiteral("records for the autumn term"), NoteKind::Evidence);
        QCOMPARE(sync()->delivered, 2);
        QCOMPARE(collectAll(), 2);
        // By default tablets keep everything.
        auto kept = sync();
        QVERIFY(kept.ok());
        QCOMPARE(kept->collected, 2);
        QCOMPARE(kept->contentRemoved, 0);
        QCOMPARE(noteText(first), QStringLiteral("the breakfast club doubled attendance"));

        QVERIFY(LeaderDesk(*m_leader->vault).setRetentionDays(m_leader->reviewId, 7).ok());
        QCOMPARE(*LeaderDesk(*m_leader->vault).retentionDays(m_leader->reviewId), 7);
        QCOMPARE(sync()->contentRemoved, 0);
        QCOMPARE((*SyncStore(*m_device->vault).enrolment())->retentionDays, 7);
        m_deviceDaysAhead = 6;
        QCOMPARE(sync()->contentRemoved, 0);
        m_deviceDaysAhead = 8;
        QCOMPARE(sync()->contentRemoved, 2);
        QVERIFY(removed(first) && removed(second));
        QVERIFY(noteText(first).isEmpty());
        QVERIFY(m_device->vault->store().search(QStringLiteral("breakfast"))->isEmpty());
        QVERIFY(m_device->vault->store().signedNote(first)->canonical.isEmpty());

        // The chain still verifies across the removed notes, and a later note joins it.
        m_device->addSignedNote(QStringLiteral("a third note, after the removal"));
        const auto notes = *m_device->vault->store().signedNotes();
        auto vouched = SyncStore(*m_device->vault).vouchedRemovals();
        QVERIFY(vouched.ok());
        QCOMPARE(vouched->size(), 2);
        const VerificationReport report = verifyNotes(notes, {m_device->vault->devicePublicKey()}, *vouched);
        QVERIFY(report.allValid());
        QCOMPARE(std::count_if(report.notes.cbegin(), report.notes.cend(), [](const NoteVerification &v) { return v.contentRemoved; }), 2);
        // Without the leader's statements (an export, anyone else's copy) a removed note proves nothing.
        const VerificationReport unvouched = verifyNotes(notes, {m_device->vault->devicePublicKey()});
        QCOMPARE(std::count_if(unvouched.notes.cbegin(), unvouched.notes.cend(),
                               [](const NoteVerification &v) { return v.problems & NoteProblem::UnvouchedRemoval; }),
                 2);
        // A statement row put into the vault by hand, not signed by the leader, vouches for nothing.
        QVERIFY(m_device->vault->database().exec("UPDATE collected_statements SET body = replace(body, '\"signature\":\"', "
                                                 "'\"signature\":\"00')").ok());
        QCOMPARE(SyncStore(*m_device->vault).vouchedRemovals()->size(), 0);
        QCOMPARE(sync()->delivered, 1);
        QCOMPARE(collectAll(), 1);
        // The leader still holds every note whole.
        const auto held = *SyncStore(*m_leader->vault).collectedNotes(m_leader->reviewId);
        QCOMPARE(held.size(), 3);
        QVERIFY(verifyNotes(held, {m_device->vault->devicePublicKey()}).allValid());
        QVERIFY(std::any_of(held.cbegin(), held.cend(), [](const SignedNote &n) { return n.content.text.contains(QStringLiteral("breakfast")); }));
    }

    void onlyCollectedNotesCanLoseTheirContent()
    {
        QVERIFY(LeaderDesk(*m_leader->vault).setRetentionDays(m_leader->reviewId, 0).ok());
        const QString collected = m_device->addSignedNote(QStringLiteral("collected statement"));
        QCOMPARE(sync()->delivered, 1);
        QCOMPARE(collectAll(), 1);
        const QString delivered = m_device->addSignedNote(QStringLiteral("delivered but not collected"));
        const QString offline = m_device->addSignedNote(QStringLiteral("not even sent"));
        QCOMPARE(*SyncStore(*m_device->vault).enqueueSignedNotes(**SyncStore(*m_device->vault).enrolment()), 2);
        auto outcome = sync();
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->contentRemoved, 1);
        QVERIFY(removed(collected));
        QCOMPARE(noteText(delivered), QStringLiteral("delivered but not collected"));
        QCOMPARE(noteText(offline), QStringLiteral("not even sent"));

        // Not even raw SQL may clear a note the leader has not collected, or change a collected one
        // in any other way.
        SqliteDatabase &database = m_device->vault->database();
        const auto clear = [&](const QString &id) {
            auto statement = database.prepare("UPDATE notes SET text = '', canonical = X'', content_removed_at = '2026-01-01T00:00:00.000Z' WHERE id = ?1");
            return statement->bind(1, id).run();
        };
        auto refused = clear(delivered);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QStringLiteral("immutable")));
        auto rewrite = database.prepare("UPDATE notes SET kind = 'concern' WHERE id = ?1");
        QVERIFY(!rewrite->bind(1, collected).run().ok());
        QCOMPARE(noteText(delivered), QStringLiteral("delivered but not collected"));

        // A leader whose collection was cut off after the archive heard of it says it again: a
        // second statement for a note already cleared changes nothing and stops nothing.
        auto held = m_store->envelopesAfter(m_leader->reviewId, 0, 1);
        auto keys = SyncStore(*m_leader->vault).reviewKeys(m_leader->reviewId);
        const CollectedStatement again{m_leader->reviewId, m_device->vault->devicePublicKey(), QDateTime::currentDateTimeUtc(),
                                       {{held->front().envelope.sequence, held->front().envelope.hash,
                                         m_device->vault->store().signedNote(collected)->hash}},
                                       {}};
        QVERIFY(m_store->storeCollected(m_leader->reviewId, {signEnvelopeList(again, (*keys)->signingSecret)}).ok());
        auto repeated = sync();
        QVERIFY2(repeated.ok(), qPrintable(repeated.ok() ? QString() : repeated.error().message));
        QCOMPARE(repeated->collected, 0);
        QVERIFY(removed(collected));
    }

    void anArchiveClaimingCollectionWithoutTheLeaderRemovesNothing()
    {
        QVERIFY(LeaderDesk(*m_leader->vault).setRetentionDays(m_leader->reviewId, 0).ok());
        const QString id = m_device->addSignedNote(QStringLiteral("only the leader may say this was collected"));
        QCOMPARE(sync()->delivered, 1);
        auto stored = m_store->envelopesAfter(m_leader->reviewId, 0, 10);
        QCOMPARE(stored->size(), 1);
        // The archive's operator writes a statement of their own: signed, but not by the leader.
        CollectedStatement forged{m_leader->reviewId, m_device->vault->devicePublicKey(), QDateTime::currentDateTimeUtc(), {}, {}};
        forged.envelopes << EnvelopeRef{1, stored->front().envelope.hash};
        QVERIFY(m_store->storeCollected(m_leader->reviewId, {signEnvelopeList(forged, m_store->identity().secretKey)}).ok());
        auto outcome = sync();
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->untrustedStatements, 1);
        QCOMPARE(outcome->collected, 0);
        QCOMPARE(outcome->contentRemoved, 0);
        QCOMPARE(noteText(id), QStringLiteral("only the leader may say this was collected"));
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
        const QString envelopeBefore = QString::fromUtf8(store.queued(1)->front().envelopeJson);
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
