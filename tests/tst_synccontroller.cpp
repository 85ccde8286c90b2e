// The app's sync controller against a real archive server on 127.0.0.1 (store, service and HTTP
// front in this process): joining, sending soon after signing, the sync state of each note, an
// archive that goes away (error in words, retry scheduled, nothing lost), and coming back.
#include "archivehttpserver.h"
#include "archiveservice.h"
#include "archivestore.h"
#include "guardedtcpserver.h"
#include "leaderdesk.h"
#include "notelistmodel.h"
#include "notestore.h"
#include "synccontroller.h"
#include "leaderkit.h"
#include "testvault.h"
#include "vaultsession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldnotes;
using namespace fieldnotes::sync;
using namespace fieldnotes::ui;

namespace {
const QString passphrase = QStringLiteral("a long enough passphrase");
}

class TestSyncController : public QObject
{
    Q_OBJECT

    QTemporaryDir m_directory;
    std::unique_ptr<ArchiveStore> m_store;
    std::unique_ptr<ArchiveService> m_service;
    std::unique_ptr<ArchiveHttpServer> m_http;
    quint16 m_port = 0;

    bool serveArchive()
    {
        m_http = std::make_unique<ArchiveHttpServer>(*m_service);
        auto *listener = new GuardedTcpServer(ConnectionGuard::Limits{}, std::nullopt, m_http.get());
        if (!listener->listen(QHostAddress::LocalHost, m_port))
            return false;
        m_port = listener->serverPort();
        m_http->bind(listener);
        return true;
    }

    QString signNote(VaultSession &session, const QString &engagementId, const QString &text)
    {
        Note draft;
        draft.engagementId = engagementId;
        draft.kind = NoteKind::Statement;
        draft.text = text;
        draft.evidenceAnswered = true;
        const QString id = session.vault()->store().createDraft(draft)->id;
        if (!session.vault()->store().signDraft(id))
            qFatal("sign failed");
        session.markNotesSigned({id}); // what the note list does after signing
        return id;
    }

private slots:
    void backoffGrowsWithJitterAndACap()
    {
        QCOMPARE(SyncController::backoffMilliseconds(1, 0.5), 2000);
        QCOMPARE(SyncController::backoffMilliseconds(3, 0.0), 4000);
        QCOMPARE(SyncController::backoffMilliseconds(3, 0.999), 11992);
        QCOMPARE(SyncController::backoffMilliseconds(40, 0.5), 300000);
        QVERIFY(SyncController::backoffMilliseconds(40, 0.999) < 450000);
    }

    void aLockAskedForDuringSyncWaitsForIt()
    {
        VaultSession session(m_directory.filePath(QStringLiteral("held")), test::fastOptions(), false);
        QVERIFY(session.createVault(passphrase, passphrase));
        session.holdOpen();
        session.lock();
        QCOMPARE(session.state(), VaultSession::Unlocked);
        QVERIFY(session.vault());
        session.releaseHold();
        QCOMPARE(session.state(), VaultSession::Locked);
        QVERIFY(!session.vault());
    }

    void joinSendAfterSigningAndSurviveALostArchive()
    {
        auto store = ArchiveStore::open(m_directory.filePath(QStringLiteral("archive")), test::secret("archive"), test::fastKdf());
        QVERIFY(store.ok());
        m_store = std::move(*store);
        m_service = std::make_unique<ArchiveService>(*m_store);
        QVERIFY(serveArchive());
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(m_port);

        test::ScratchVault leader;
        LeaderDesk desk(*leader.vault);
        QVERIFY(desk.createReview(leader.reviewId, url, {}, m_store->issueReviewCode(1)).ok());
        QVERIFY(test::keepRecoveryKit(*leader.vault, leader.reviewId));
        const EnrolmentCode code = *desk.invite(leader.reviewId, 1);

        VaultSession session(m_directory.filePath(QStringLiteral("tablet")), test::fastOptions(), false);
        QVERIFY(session.createVault(passphrase, passphrase));
        SyncController controller;
        controller.setRequestTimeout(2000);
        controller.setSession(&session);
        QCOMPARE(controller.enrolment(), QStringLiteral("none"));

        QVERIFY(!controller.join(QStringLiteral("FN1:not-a-code"), QStringLiteral("tablet 9")));
        QVERIFY(!controller.lastError().isEmpty());
        QVERIFY(controller.join(code.toText(), QStringLiteral("tablet 9")));
        QCOMPARE(controller.enrolment(), QStringLiteral("requested"));
        QVERIFY(controller.lastError().isEmpty());

        QCOMPARE(desk.approve(leader.reviewId)->size(), 1);
        controller.syncNow();
        QCOMPARE(controller.enrolment(), QStringLiteral("enrolled"));
        QVERIFY(session.vault()->store().engagement(leader.engagementId).ok()); // the set-up arrived

        // Signing is enough: the note is sealed at once and sent soon after.
        QSignalSpy progress(&controller, &SyncController::progressChanged);
        const QString first = signNote(session, leader.engagementId, QStringLiteral("sent by itself"));
        QTRY_COMPARE(controller.delivered(), 1);
        QVERIFY(progress.count() > 0);
        QVERIFY(!controller.lastSuccess().isEmpty());
        NoteListModel notes;
        notes.setSession(&session);
        notes.setEngagementId(leader.engagementId);
        QCOMPARE(notes.rowCount(), 1);
        QCOMPARE(notes.data(notes.index(0), NoteListModel::SyncStateRole).toString(), QStringLiteral("delivered"));

        // The archive goes away: the note waits, the error is in words, a retry is scheduled.
        m_http.reset();
        signNote(session, leader.engagementId, QStringLiteral("waits for the archive"));
        QTRY_VERIFY(controller.lastError().contains(QStringLiteral("cannot be reached")));
        QCOMPARE(controller.queued(), 1);
        QVERIFY(controller.retryInSeconds() > 0);
        notes.reload();
        QCOMPARE(notes.data(notes.index(1), NoteListModel::SyncStateRole).toString(), QStringLiteral("queued"));

        // It comes back on the same address.
        QVERIFY(serveArchive());
        controller.syncNow();
        QCOMPARE(controller.delivered(), 2);
        QCOMPARE(controller.queued(), 0);
        QVERIFY(controller.lastError().isEmpty());

        // The leader collects; the tablet learns it on its next sync.
        QCOMPARE(desk.collect(leader.reviewId)->newNotes, 2);
        controller.syncNow();
        QCOMPARE(controller.collected(), 2);
        notes.reload();
        QCOMPARE(notes.data(notes.index(0), NoteListModel::SyncStateRole).toString(), QStringLiteral("collected"));
        QCOMPARE(controller.retentionDays(), -1);
        QCOMPARE(notes.data(notes.index(0), NoteListModel::TextRole).toString(), QStringLiteral("sent by itself"));

        // The leader asks tablets to remove what they hold: the list follows without a reload,
        // row by row, in just the roles that changed.
        QVERIFY(desk.setRetentionDays(leader.reviewId, 0).ok());
        QSignalSpy reset(&notes, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&notes, &QAbstractItemModel::dataChanged);
        controller.syncNow();
        QCOMPARE(controller.retentionDays(), 0);
        QCOMPARE(reset.count(), 0);
        QVERIFY(changed.count() > 0);
        for (const QList<QVariant> &signal : std::as_const(changed)) {
            const auto roles = signal.at(2).value<QList<int>>();
            QVERIFY(roles.contains(NoteListModel::ContentRemovedAtRole) && !roles.contains(NoteListModel::KindRole));
        }
        QVERIFY(notes.data(notes.index(0), NoteListModel::TextRole).toString().isEmpty());
        QVERIFY(!notes.data(notes.index(0), NoteListModel::ContentRemovedAtRole).toString().isEmpty());
        QCOMPARE(session.vault()->store().note(first)->contentRemovedAt.isValid(), true);
    }
};

QTEST_MAIN(TestSyncController)
#include "tst_synccontroller.moc"
