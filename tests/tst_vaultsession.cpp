#include "noteeditorcontroller.h"
#include "notestore.h"
#include "syncstore.h"
#include "testvault.h"
#include "vaultsession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldnotes;
using namespace fieldnotes::ui;

class TestVaultSession : public QObject
{
    Q_OBJECT

private slots:
    void createLockUnlockAndWrongPassphrase()
    {
        QTemporaryDir directory;
        VaultSession session(directory.filePath(QStringLiteral("vault")), test::fastOptions(), false);
        QCOMPARE(session.state(), VaultSession::NoVault);
        QSignalSpy errors(&session, &VaultSession::errorOccurred);
        QVERIFY(errors.isValid());
        QVERIFY(!session.createVault(QStringLiteral("long enough passphrase"), QStringLiteral("different")));
        QCOMPARE(errors.count(), 1);
        QVERIFY(!session.createVault(QStringLiteral("short"), QStringLiteral("short")));
        QCOMPARE(errors.count(), 2);
        QVERIFY(session.createVault(QStringLiteral("long enough passphrase"), QStringLiteral("long enough passphrase")));
        QCOMPARE(session.state(), VaultSession::Unlocked);
        QVERIFY(session.vault());

        session.setRole(QStringLiteral("young-inspector"));
        session.lock();
        QCOMPARE(session.state(), VaultSession::Locked);
        QVERIFY(!session.vault());
        QVERIFY(!session.unlock(QStringLiteral("wrong passphrase")));
        QCOMPARE(errors.count(), 3);
        QCOMPARE(errors.last().first().toString(), QStringLiteral("That is not the passphrase of this notebook."));
        QCOMPARE(session.state(), VaultSession::Locked);
        QCOMPARE(session.unlockWaitSeconds(), 1);
        QSignalSpy waitTicks(&session, &VaultSession::unlockWaitSecondsChanged);
        QVERIFY(waitTicks.isValid());
        QVERIFY(waitTicks.wait(3000)); // the screen is told as the wait runs down
        QTRY_COMPARE_WITH_TIMEOUT(session.unlockWaitSeconds(), 0, 3000); // the delay after one failure
        QVERIFY(session.unlock(QStringLiteral("long enough passphrase")));
        QCOMPARE(session.role(), QStringLiteral("young-inspector"));
    }

    void theRoleIsChosenOnceThenChangedOnlyDeliberatelyAndTheRosterHoldsIt()
    {
        QTemporaryDir directory;
        const QString passphrase = QStringLiteral("long enough passphrase");
        VaultSession session(directory.filePath(QStringLiteral("vault")), test::fastOptions(), true);
        QSignalSpy errors(&session, &VaultSession::errorOccurred);
        QVERIFY(!session.createVault(passphrase, passphrase, QStringLiteral("headteacher")));
        QVERIFY(session.createVault(passphrase, passphrase, QStringLiteral("young-inspector")));
        QCOMPARE(session.role(), QStringLiteral("young-inspector"));
        QVERIFY(session.roleFixedReason().isEmpty());
        // A child's tablet does not become a reviewer's without the passphrase...
        QVERIFY(!session.changeRole(QStringLiteral("reviewer"), QStringLiteral("a guess")));
        QCOMPARE(session.role(), QStringLiteral("young-inspector"));
        // ...and with it, it does, and stays so after unlocking again.
        QVERIFY(session.changeRole(QStringLiteral("reviewer"), passphrase));
        session.lock();
        QVERIFY(session.unlock(passphrase));
        QCOMPARE(session.role(), QStringLiteral("reviewer"));

        // Enrolled by the team leader as a Young Inspector: that is what it is, and it says why.
        sync::Enrolment enrolment;
        enrolment.reviewId = session.reviewId();
        enrolment.archiveUrl = QStringLiteral("https://127.0.0.1:8443");
        enrolment.fingerprint = QStringLiteral("00");
        enrolment.leaderKey = QByteArray(32, 'k');
        enrolment.leaderBoxKey = QByteArray(32, 'b');
        enrolment.role = QStringLiteral("young-inspector");
        enrolment.state = QStringLiteral("enrolled");
        QVERIFY(sync::SyncStore(*session.vault()).saveEnrolment(enrolment).ok());
        QSignalSpy roleChanged(&session, &VaultSession::roleChanged);
        session.markSyncChanged();
        QCOMPARE(roleChanged.count(), 1);
        QCOMPARE(session.role(), QStringLiteral("young-inspector"));
        QVERIFY(session.roleFixedReason().contains(QStringLiteral("a Young Inspector")));
        const qsizetype errorsBefore = errors.count();
        QVERIFY(!session.changeRole(QStringLiteral("team-leader"), passphrase));
        QCOMPARE(errors.count(), errorsBefore + 1);
        session.lock();
        QVERIFY(session.unlock(passphrase));
        QCOMPARE(session.role(), QStringLiteral("young-inspector"));
    }

    void idleTimeLocks()
    {
        QTemporaryDir directory;
        VaultSession session(directory.filePath(QStringLiteral("vault")), test::fastOptions(), true);
        QVERIFY(session.createVault(QStringLiteral("long enough passphrase"), QStringLiteral("long enough passphrase")));
        QVERIFY(!session.reviewId().isEmpty()); // the demo review
        QCOMPARE(session.idleMinutes(), 5);
        session.setIdleMinutes(7);
        QCOMPARE(session.idleMinutes(), 7);
        session.setIdleTimeout(std::chrono::milliseconds(300));
        QSignalSpy locked(&session, &VaultSession::stateChanged);
        QVERIFY(locked.isValid());
        QTest::qWait(150);
        session.noteActivity(); // input postpones the lock
        QTest::qWait(200);
        QCOMPARE(session.state(), VaultSession::Unlocked);
        QVERIFY(locked.wait(2000));
        QCOMPARE(session.state(), VaultSession::Locked);
    }

    void draftBeingTypedSurvivesALock()
    {
        QTemporaryDir directory;
        VaultSession session(directory.filePath(QStringLiteral("vault")), test::fastOptions(), true);
        QVERIFY(session.createVault(QStringLiteral("long enough passphrase"), QStringLiteral("long enough passphrase")));
        const QString engagementId = session.vault()->store().engagements(session.reviewId())->first().id;
        NoteEditorController editor;
        editor.setSession(&session);
        editor.setEngagementId(engagementId);
        QSignalSpy saved(&editor, &NoteEditorController::savedChanged);
        QVERIFY(saved.isValid());
        editor.setText(QStringLiteral("Half a sentence about the breakfast club"));
        QVERIFY(!editor.isSaved()); // written behind the typing: not durable yet
        QVERIFY(!editor.draftId().isEmpty());
        QTRY_VERIFY(editor.isSaved());
        QCOMPARE(saved.count(), 2); // false while writing, true once durable
        editor.setText(QStringLiteral("Half a sentence about the breakfast club and"));

        session.lock(); // at once, with the last words still on their way to the disk
        QVERIFY(editor.text().isEmpty()); // nothing left in memory
        QVERIFY(session.unlock(QStringLiteral("long enough passphrase")));
        QCOMPARE(editor.text(), QStringLiteral("Half a sentence about the breakfast club and"));
        QVERIFY(editor.isSaved());
        QCOMPARE(session.vault()->store().note(editor.draftId())->text, editor.text());
    }

    void reviewPrioritiesThemeAndWatchedNames()
    {
        QTemporaryDir directory;
        VaultSession session(directory.filePath(QStringLiteral("vault")), test::fastOptions(), false);
        QVERIFY(session.createVault(QStringLiteral("long enough passphrase"), QStringLiteral("long enough passphrase")));
        QVERIFY(session.reviewId().isEmpty());
        QVERIFY(!session.addPriority(QStringLiteral("No review yet"), {}, {}));
        QVERIFY(session.createReview(QStringLiteral("Spring review"), QDate(2010, 4, 19), QDate(2010, 4, 23)));
        QCOMPARE(session.reviewTitle(), QStringLiteral("Spring review"));
        QVERIFY(session.addPriority(QStringLiteral("Attendance"), QStringLiteral("Targets\n\n  Persistent absence  "),
                                    QStringLiteral("What worked?\nWhat next?")));
        const Priority priority = session.vault()->store().priorities(session.reviewId())->first();
        QCOMPARE(priority.linesOfEnquiry, (QStringList{QStringLiteral("Targets"), QStringLiteral("Persistent absence")}));
        QCOMPARE(priority.suggestedQuestions.size(), 2);

        QSignalSpy themeChanges(&session, &VaultSession::themeChanged);
        QVERIFY(themeChanges.isValid());
        session.setTheme(QStringLiteral("purple"));
        QCOMPARE(session.theme(), QStringLiteral("system"));
        session.setTheme(QStringLiteral("dark"));
        QCOMPARE(themeChanges.count(), 1);
        session.setWatchedNames({QStringLiteral("Shona"), QStringLiteral("Mary")});
        QCOMPARE(session.watchedNames(), (QStringList{QStringLiteral("Mary"), QStringLiteral("Shona")}));

        session.lock();
        QVERIFY(session.unlock(QStringLiteral("long enough passphrase")));
        QCOMPARE(session.theme(), QStringLiteral("dark"));
        QCOMPARE(session.watchedNames().size(), 2);
    }

    void passphraseStrength_data()
    {
        QTest::addColumn<QString>("passphrase");
        QTest::addColumn<int>("strength");
        QTest::newRow("short") << QStringLiteral("abc") << 0;
        QTest::newRow("eight letters") << QStringLiteral("abcdefgh") << 1;
        QTest::newRow("mixed ten") << QStringLiteral("Abcdefg1h!") << 2;
        QTest::newRow("twelve mixed") << QStringLiteral("Horse battery") << 3;
        QTest::newRow("long words") << QStringLiteral("correct horse battery staple") << 4;
    }

    void passphraseStrength()
    {
        QFETCH(QString, passphrase);
        QFETCH(int, strength);
        QCOMPARE(VaultSession::strengthOf(passphrase), strength);
    }
};

QTEST_MAIN(TestVaultSession)
#include "tst_vaultsession.moc"
