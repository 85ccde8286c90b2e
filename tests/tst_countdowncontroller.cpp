#include "countdowncontroller.h"
#include "notestore.h"
#include "testvault.h"
#include "vaultsession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldnotes;
using namespace fieldnotes::ui;

class TestCountdownController : public QObject
{
    Q_OBJECT

private slots:
    void phasesFollowTheClock_data()
    {
        QTest::addColumn<int>("elapsedSeconds");
        QTest::addColumn<int>("phase");
        QTest::addColumn<QString>("display");
        QTest::newRow("just started") << 0 << int(CountdownController::Running) << QStringLiteral("45:00");
        QTest::newRow("well before the end") << 39 * 60 + 59 << int(CountdownController::Running) << QStringLiteral("05:01");
        QTest::newRow("five minutes left") << 40 * 60 << int(CountdownController::Warning) << QStringLiteral("05:00");
        QTest::newRow("last second") << 45 * 60 - 1 << int(CountdownController::Warning) << QStringLiteral("00:01");
        QTest::newRow("time is up") << 45 * 60 << int(CountdownController::Overrun) << QStringLiteral("00:00");
        QTest::newRow("overrun") << 48 * 60 + 10 << int(CountdownController::Overrun) << QStringLiteral("+03:10");
    }

    void phasesFollowTheClock()
    {
        QFETCH(int, elapsedSeconds);
        QFETCH(int, phase);
        QFETCH(QString, display);
        QDateTime now(QDate(2010, 4, 19), QTime(10, 0), Qt::UTC);
        CountdownController countdown;
        countdown.setClock([&now] { return now; });
        countdown.setAgreedMinutes(45);
        QCOMPARE(countdown.phase(), CountdownController::NotStarted);
        QCOMPARE(countdown.displayText(), QStringLiteral("45:00"));
        QSignalSpy running(&countdown, &CountdownController::runningChanged);
        QVERIFY(running.isValid());
        countdown.start();
        QCOMPARE(running.count(), 1);
        now = now.addSecs(elapsedSeconds);
        QCOMPARE(int(countdown.phase()), phase);
        QCOMPARE(countdown.displayText(), display);
        QCOMPARE(countdown.remainingSeconds(), 45 * 60 - elapsedSeconds);
    }

    void startingTwiceKeepsTheFirstStartAndResetStops()
    {
        QDateTime now(QDate(2010, 4, 19), QTime(10, 0), Qt::UTC);
        CountdownController countdown;
        countdown.setClock([&now] { return now; });
        countdown.setAgreedMinutes(10);
        countdown.start();
        now = now.addSecs(120);
        countdown.start();
        QCOMPARE(countdown.remainingSeconds(), 8 * 60);
        countdown.reset();
        QCOMPARE(countdown.phase(), CountdownController::NotStarted);
        QVERIFY(!countdown.isRunning());
    }

    void anEngagementsClockIsWallTimeFromItsRealStartThroughALock()
    {
        QDateTime now(QDate(2010, 4, 19), QTime(10, 0), Qt::UTC);
        const Clock clock = [&now] { return now; };
        QTemporaryDir directory;
        const QString passphrase = QStringLiteral("long enough passphrase");
        VaultSession session(directory.filePath(QStringLiteral("vault")), test::fastOptions(clock), true);
        QVERIFY(session.createVault(passphrase, passphrase));
        const QString engagementId = session.vault()->store().engagements(session.reviewId())->first().id;
        {
            CountdownController countdown;
            countdown.setClock(clock);
            countdown.setSession(&session);
            countdown.setEngagementId(engagementId);
            countdown.setAgreedMinutes(45);
            QCOMPARE(countdown.phase(), CountdownController::NotStarted);
            countdown.start();
            QCOMPARE(countdown.startedAt(), now);
        } // the page is left
        now = now.addSecs(20 * 60);
        session.lock();
        QVERIFY(session.unlock(passphrase));
        CountdownController again;
        again.setClock(clock);
        again.setAgreedMinutes(45);
        again.setSession(&session);
        again.setEngagementId(engagementId);
        QVERIFY(again.isRunning());
        QCOMPARE(again.remainingSeconds(), 25 * 60); // not the full 45 again
        again.start();
        QCOMPARE(again.startedAt(), now.addSecs(-20 * 60));

        now = now.addSecs(10 * 60);
        again.finish();
        QCOMPARE(again.phase(), CountdownController::Finished);
        QCOMPARE(again.minutesUsed(), 30);
        now = now.addSecs(60 * 60);
        QCOMPARE(again.remainingSeconds(), 15 * 60); // stopped: it does not count on
        QCOMPARE(session.vault()->store().engagementProgress(engagementId)->finishedAt, now.addSecs(-60 * 60));
        again.reopen();
        QCOMPARE(again.phase(), CountdownController::Overrun); // from its real start
        QCOMPARE(again.displayText(), QStringLiteral("+45:00"));
        again.reset(); // an engagement's start is kept
        QVERIFY(again.isRunning());
    }

    void itTicksOnItsOwn()
    {
        CountdownController countdown;
        countdown.setAgreedMinutes(1);
        QSignalSpy ticks(&countdown, &CountdownController::tick);
        QVERIFY(ticks.isValid());
        countdown.start();
        QVERIFY(ticks.wait(2500));
    }
};

QTEST_GUILESS_MAIN(TestCountdownController)
#include "tst_countdowncontroller.moc"
