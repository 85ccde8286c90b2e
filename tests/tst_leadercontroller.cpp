// The team leader's desk in the app, against a real archive server on 127.0.0.1 (store, service
// and HTTP front in this process): connect, invite with a QR code, approve, collect.
#include "archivestore.h"
#include "deskfixture.h"
#include "devicesync.h"
#include "enrolmentcode.h"
#include "leadercontroller.h"
#include "leaderkit.h"
#include "notestore.h"
#include "qrcodereader.h"
#include "recoverykit.h"
#include "synccontroller.h"
#include "testvault.h"
#include "vaultsession.h"

#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldnotes;
using namespace fieldnotes::sync;
using namespace fieldnotes::ui;

class TestLeaderController : public QObject
{
    Q_OBJECT

    QTemporaryDir m_directory;

private slots:
    void qrCodeIsAPngOfWholeModules()
    {
        const QString url = LeaderController::qrCodeDataUrl(QStringLiteral("FN1:hello"), 5);
        QVERIFY(url.startsWith(QStringLiteral("data:image/png;base64,")));
        QImage image;
        QVERIFY(image.loadFromData(QByteArray::fromBase64(url.mid(22).toLatin1()), "PNG"));
        QCOMPARE(image.width(), image.height());
        QCOMPARE(image.width() % 5, 0);
        QCOMPARE(image.width() / 5, 21 + 8); // version 1 is 21 modules, with a 4-module margin
        QCOMPARE(qGray(image.pixel(0, 0)), 255);                   // the quiet margin is light
        QCOMPARE(qGray(image.pixel(4 * 5 + 1, 4 * 5 + 1)), 0);    // the finder pattern's corner is dark
    }

    // Joining by the camera: the leader's own invitation QR code, as a tablet photographs it
    // (scaled down, rotated a little, on a grey background), read back with zxing-cpp.
    void theInvitationQrCodeIsReadFromAPicture()
    {
        VaultSession session(m_directory.filePath(QStringLiteral("reader")), test::fastOptions(), true);
        QVERIFY(session.createVault(QStringLiteral("a long enough passphrase"), QStringLiteral("a long enough passphrase")));
        SyncController sync;
        sync.setSession(&session);
        const QString invitation = QStringLiteral("FN1:") + QString::fromLatin1(QByteArray(180, 'A').toBase64(QByteArray::Base64UrlEncoding));
        const QString url = LeaderController::qrCodeDataUrl(invitation);
        QImage code;
        QVERIFY(code.loadFromData(QByteArray::fromBase64(url.mid(22).toLatin1()), "PNG"));
        QImage photo(1200, 900, QImage::Format_RGB32);
        photo.fill(QColor(150, 150, 140));
        {
            QPainter painter(&photo);
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            painter.translate(600, 450);
            painter.rotate(7);
            painter.drawImage(QRectF(-300, -300, 600, 600), code);
        }
        const QString file = m_directory.filePath(QStringLiteral("photo.jpg"));
        QVERIFY(photo.save(file, "JPG", 80));
        QCOMPARE(readQrCode(QImage(file)), invitation);

        // Through the sync panel: the picture's code, unless it is not an invitation or there is none.
        const QString other = m_directory.filePath(QStringLiteral("other.png"));
        QImage otherCode;
        QVERIFY(otherCode.loadFromData(QByteArray::fromBase64(LeaderController::qrCodeDataUrl(QStringLiteral("https://example.invalid/")).mid(22).toLatin1()), "PNG"));
        QVERIFY(otherCode.save(other));
        const QString blank = m_directory.filePath(QStringLiteral("blank.png"));
        QImage empty(400, 300, QImage::Format_RGB32);
        empty.fill(Qt::white);
        QVERIFY(empty.save(blank));
        QVERIFY(!sync.codeFromPicture(QUrl::fromLocalFile(other)).size());
        QVERIFY(sync.lastError().contains(QStringLiteral("not a Fieldnotes invitation")));
        QVERIFY(!sync.codeFromPicture(QUrl::fromLocalFile(blank)).size());
        QVERIFY(sync.lastError().contains(QStringLiteral("No QR code")));
        QVERIFY(!sync.codeFromPicture(QUrl::fromLocalFile(m_directory.filePath(QStringLiteral("missing.png")))).size());
        QVERIFY(sync.lastError().contains(QStringLiteral("could not be opened")));
    }

    void connectInviteApproveCollect()
    {
        test::InProcessArchive archive(m_directory.filePath(QStringLiteral("archive")));
        const QString &url = archive.url;

        VaultSession session(m_directory.filePath(QStringLiteral("leader")), test::fastOptions(), false);
        QVERIFY(session.createVault(QStringLiteral("a long enough passphrase"), QStringLiteral("a long enough passphrase")));
        QVERIFY(session.createReview(QStringLiteral("Spring review"), QDate(2026, 3, 2), QDate(2026, 3, 6)));
        QVERIFY(session.addPriority(QStringLiteral("Attendance"), QString(), QStringLiteral("What changed?")));
        Engagement engagement;
        engagement.priorityId = session.vault()->store().priorities(session.reviewId())->front().id;
        engagement.scheduledStart = QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
        engagement.agreedMinutes = 30;
        const QString engagementId = session.vault()->store().addEngagement(engagement)->id;

        LeaderController desk;
        desk.setSession(&session);
        QVERIFY(!desk.leads());
        QSignalSpy errors(&session, &VaultSession::errorOccurred);
        const QString creationCode = archive.store->issueReviewCode(1);
        QVERIFY(!desk.connectArchive(QStringLiteral("http://127.0.0.1:1"), {}, creationCode)); // nothing there
        QCOMPARE(errors.count(), 1);
        QVERIFY(!desk.leads());
        QVERIFY(desk.connectArchive(url, {}, creationCode));
        QVERIFY(desk.leads());
        // Connecting again (after a failure half-way, say) carries on with the same keys.
        QVERIFY(desk.connectArchive(url, {}, creationCode));
        QCOMPARE(archive.store->roster(session.reviewId())->lastSequence(), 2);
        QVERIFY(!desk.connectArchive(QStringLiteral("http://127.0.0.1:2"), {}, creationCode));
        QCOMPARE(errors.count(), 2);

        // No invitation before the recovery kit; the kit is sealed off the GUI thread.
        QVERIFY(!desk.invite(72));
        QCOMPARE(errors.count(), 3);
        QVERIFY(errors.last().first().toString().contains(QStringLiteral("recovery kit first")));
        QVERIFY(desk.recoveryKitMadeAt().isEmpty());
        QTemporaryDir kitFolder;
        QVERIFY(!desk.makeRecoveryKit(QStringLiteral("kept in the office safe"), QStringLiteral("kept in the office sofa"), kitFolder.path()));
        QVERIFY(!desk.makeRecoveryKit(QStringLiteral("too short"), QStringLiteral("too short"), kitFolder.path()));
        QCOMPARE(errors.count(), 5);
        QVERIFY(errors.last().first().toString().contains(QStringLiteral("at least 12 characters")));
        QSignalSpy kitChanged(&desk, &LeaderController::recoveryKitChanged);
        QVERIFY(desk.makeRecoveryKit(QStringLiteral("kept in the office safe"), QStringLiteral("kept in the office safe"), kitFolder.path()));
        QVERIFY(desk.makingRecoveryKit());
        QTRY_VERIFY_WITH_TIMEOUT(!desk.makingRecoveryKit(), 60000);
        QCOMPARE(errors.count(), 5);
        QVERIFY(!desk.recoveryKitMadeAt().isEmpty());
        QVERIFY(QFile::exists(desk.recoveryKitPage()));
        QFile kitFile(desk.recoveryKitFile());
        QVERIFY(kitFile.open(QIODevice::ReadOnly));
        auto kit = openRecoveryKit(kitFile.readAll(), test::secret("kept in the office safe"));
        QVERIFY2(kit.ok(), kit.ok() ? "" : qPrintable(kit.error().message));
        QCOMPARE(kit->keys.reviewId, session.reviewId());
        QCOMPARE(kit->rosterSequence, 2);

        QVERIFY(desk.invite(72));
        QVERIFY(desk.inviteQrCode().startsWith(QStringLiteral("data:image/png;base64,")));
        auto code = EnrolmentCode::fromText(desk.inviteCode());
        QVERIFY(code.ok());
        QCOMPARE(code->reviewId, session.reviewId());

        test::ScratchVault tablet;
        QVERIFY(DeviceSync(*tablet.vault).join(*code, QStringLiteral("young-inspector"), QStringLiteral("tablet 4")).ok());
        QVERIFY(desk.refreshPending());
        QVERIFY(desk.connectionStatus().contains(url));
        // Each waiting tablet by its name and role in words, approved or turned away on its own.
        test::ScratchVault stranger;
        QVERIFY(DeviceSync(*stranger.vault).join(*EnrolmentCode::fromText([&] { desk.invite(72); return desk.inviteCode(); }()),
                                                 QStringLiteral("reviewer"), QStringLiteral("someone's phone")).ok());
        QVERIFY(desk.refreshPending());
        QCOMPARE(desk.pendingTablets().size(), 2);
        QVariantMap youngInspector, phone;
        for (const QVariant &tablet : desk.pendingTablets())
            (tablet.toMap().value(QStringLiteral("name")) == QStringLiteral("tablet 4") ? youngInspector : phone) = tablet.toMap();
        QCOMPARE(youngInspector.value(QStringLiteral("roleLabel")).toString(), QStringLiteral("a Young Inspector"));
        QCOMPARE(phone.value(QStringLiteral("name")).toString(), QStringLiteral("someone's phone"));
        QVERIFY(desk.reject(phone.value(QStringLiteral("key")).toString()));
        QCOMPARE(desk.pendingTablets().size(), 1); // turned away, and it stops showing
        QVERIFY(desk.approve(youngInspector.value(QStringLiteral("key")).toString()));
        QVERIFY(desk.pendingTablets().isEmpty());
        QCOMPARE(DeviceSync(*stranger.vault).syncOnce()->enrolmentState, QStringLiteral("revoked"));
        const auto enrolled = [&desk](const QString &name) {
            for (const QVariant &tablet : desk.enrolledTablets())
                if (tablet.toMap().value(QStringLiteral("name")) == name)
                    return tablet.toMap();
            return QVariantMap();
        };
        QCOMPARE(desk.enrolledTablets().size(), 2);
        QVERIFY(!enrolled(QStringLiteral("tablet 4")).value(QStringLiteral("revoked")).toBool());
        QVERIFY(enrolled(QStringLiteral("someone's phone")).value(QStringLiteral("revoked")).toBool());

        QCOMPARE(DeviceSync(*tablet.vault).syncOnce()->enrolmentState, QStringLiteral("enrolled"));
        tablet.engagementId = engagementId;
        tablet.addSignedNote(QStringLiteral("what the young inspector saw"), NoteKind::Observation);
        QCOMPARE(DeviceSync(*tablet.vault).syncOnce()->delivered, 1);

        // Retention: offered as choices, published signed, and the tablet follows it.
        QCOMPARE(desk.retentionDays(), -1);
        QCOMPARE(desk.retentionChoices().size(), 4);
        QVERIFY(desk.setRetentionDays(7));
        QCOMPARE(desk.retentionDays(), 7);
        QVERIFY(!desk.setRetentionDays(100000));
        QCOMPARE(desk.retentionDays(), 7);
        QCOMPARE(DeviceSync(*tablet.vault).syncOnce()->enrolmentState, QStringLiteral("enrolled"));
        QCOMPARE((*SyncStore(*tablet.vault).enrolment())->retentionDays, 7);

        QVERIFY(desk.collect());
        const QStringList report = desk.collectionReport();
        // Revoked from the desk: listed as such, and the tablet can send no more.
        QVERIFY(desk.revoke(enrolled(QStringLiteral("tablet 4")).value(QStringLiteral("key")).toString()));
        QVERIFY(enrolled(QStringLiteral("tablet 4")).value(QStringLiteral("revoked")).toBool());
        QCOMPARE(DeviceSync(*tablet.vault).syncOnce()->enrolmentState, QStringLiteral("revoked"));
        QVERIFY2(report.front().contains(QStringLiteral("1 new note")), qPrintable(report.join(QLatin1Char('\n'))));
        QVERIFY(std::any_of(report.begin(), report.end(), [&](const QString &line) {
            return line.contains(QStringLiteral("tablet 4, a Young Inspector")) && line.contains(QStringLiteral("1 note"));
        }));

        // The leader's tablet is lost. A new tablet's first run takes the review over from the
        // kit: read from its file, or from a photo of its QR code.
        const QByteArray oldLeader = session.vault()->devicePublicKey();
        const int collectedBefore = int(SyncStore(*session.vault()).collectedNotes(session.reviewId())->size());
        session.lock();
        VaultSession fresh(m_directory.filePath(QStringLiteral("new-leader")), test::fastOptions(), false);
        QSignalSpy freshErrors(&fresh, &VaultSession::errorOccurred);
        const QString kitText = fresh.recoveryKitFrom(QUrl::fromLocalFile(desk.recoveryKitFile()));
        QVERIFY(!kitText.isEmpty());
        QImage kitCode;
        QVERIFY(kitCode.loadFromData(QByteArray::fromBase64(LeaderController::qrCodeDataUrl(kitText, 4).mid(22).toLatin1()), "PNG"));
        const QString kitPhoto = m_directory.filePath(QStringLiteral("kit-page.png"));
        QVERIFY(kitCode.save(kitPhoto));
        QCOMPARE(fresh.recoveryKitFrom(QUrl::fromLocalFile(kitPhoto)), kitText);
        QVERIFY(fresh.recoveryKitFrom(QUrl::fromLocalFile(m_directory.filePath(QStringLiteral("other.png")))).isEmpty());
        QVERIFY(freshErrors.last().first().toString().contains(QStringLiteral("not a Fieldnotes recovery kit")));

        const QString passphrase = QStringLiteral("the new leader's passphrase");
        QVERIFY(!fresh.restoreFromKit(kitText, QStringLiteral("kept in the office sofa"), passphrase, passphrase));
        QVERIFY(freshErrors.last().first().toString().contains(QStringLiteral("not the recovery kit's passphrase")));
        QVERIFY(!Vault::exists(fresh.vaultDirectory()));
        QVERIFY(!QFileInfo::exists(fresh.vaultDirectory() + QStringLiteral(".restoring")));
        const int errorsBefore = int(freshErrors.count());
        QVERIFY(fresh.restoreFromKit(kitText, QStringLiteral("kept in the office safe"), passphrase, passphrase));
        QCOMPARE(int(freshErrors.count()), errorsBefore);
        QVERIFY(fresh.vault());
        LeaderController newDesk;
        newDesk.setSession(&fresh);
        QVERIFY(newDesk.leads());
        QVERIFY(!newDesk.recoveryKitMadeAt().isEmpty()); // the kit it came from counts as kept
        QCOMPARE(int(SyncStore(*fresh.vault()).collectedNotes(fresh.reviewId())->size()), collectedBefore);
        auto roster = archive.store->roster(fresh.reviewId());
        QVERIFY(roster.ok());
        QVERIFY(roster->revokedAt(oldLeader).has_value());
        QVERIFY(roster->isActiveMember(fresh.vault()->devicePublicKey()));
        QVERIFY(newDesk.invite(72)); // and carries on
    }

    // A deputy through the app: the leader's page makes a deputy's invitation, the tablet that
    // scans it joins as deputy, and once approved its own page leads as the roster allows.
    void aDeputyJoinsThroughTheAppAndLeadsAsTheRosterAllows()
    {
        test::InProcessArchive archive(m_directory.filePath(QStringLiteral("deputy-archive")));
        const QString &url = archive.url;

        VaultSession session(m_directory.filePath(QStringLiteral("leader-with-deputy")), test::fastOptions(), false);
        QVERIFY(session.createVault(QStringLiteral("a long enough passphrase"), QStringLiteral("a long enough passphrase")));
        QVERIFY(session.createReview(QStringLiteral("Autumn review"), QDate(2026, 10, 5), QDate(2026, 10, 9)));
        LeaderController desk;
        desk.setSession(&session);
        QVERIFY(desk.connectArchive(url, {}, archive.store->issueReviewCode(1)));
        QVERIFY(!desk.deputy());
        QVERIFY(!desk.invite(72, true)); // not before the recovery kit either
        QVERIFY(test::keepRecoveryKit(*session.vault(), session.reviewId()));
        QVERIFY(desk.invite(72, true));
        QVERIFY(desk.inviteForDeputy());
        QVERIFY(EnrolmentCode::fromText(desk.inviteCode())->forDeputy);

        const QString passphrase = QStringLiteral("the deputy's own passphrase");
        VaultSession deputySession(m_directory.filePath(QStringLiteral("deputy")), test::fastOptions(), false);
        QVERIFY(deputySession.createVault(passphrase, passphrase));
        SyncController sync;
        sync.setSession(&deputySession);
        QVERIFY(sync.join(desk.inviteCode(), QStringLiteral("deputy's tablet")));
        QVERIFY(desk.refreshPending());
        QCOMPARE(desk.pendingTablets().size(), 1);
        const QVariantMap waiting = desk.pendingTablets().front().toMap();
        QCOMPARE(waiting.value(QStringLiteral("roleLabel")).toString(), QStringLiteral("the deputy team leader"));
        QVERIFY(desk.approveAll());
        QVERIFY(DeviceSync(*deputySession.vault()).syncOnce().ok());

        deputySession.lock();
        QVERIFY(deputySession.unlock(passphrase));
        QCOMPARE(deputySession.reviewId(), session.reviewId());
        QCOMPARE(deputySession.role(), QStringLiteral("deputy-leader"));
        LeaderController deputyDesk;
        deputyDesk.setSession(&deputySession);
        QVERIFY(deputyDesk.leads());
        QVERIFY(deputyDesk.deputy());
        QVERIFY(deputyDesk.invite(72)); // a tablet's invitation: no recovery kit of its own needed
        QVERIFY(!deputyDesk.invite(72, true));
        QVERIFY(deputyDesk.collect());
        QVERIFY(desk.collect());
        // On the leader's page the deputy is listed, and revoked like any tablet.
        QVariantMap listed;
        for (const QVariant &tablet : desk.enrolledTablets())
            if (tablet.toMap().value(QStringLiteral("name")) == QStringLiteral("deputy's tablet"))
                listed = tablet.toMap();
        QCOMPARE(listed.value(QStringLiteral("roleLabel")).toString(), QStringLiteral("the deputy team leader"));
        QVERIFY(desk.revoke(listed.value(QStringLiteral("key")).toString()));
        QVERIFY(!deputyDesk.collect());
    }
};

QTEST_MAIN(TestLeaderController)
#include "tst_leadercontroller.moc"
