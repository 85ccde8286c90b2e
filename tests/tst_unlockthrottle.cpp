#include "unlockthrottle.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldnotes;

class TestUnlockThrottle : public QObject
{
    Q_OBJECT

private slots:
    void scheduleDoublesAndIsCapped()
    {
        QCOMPARE(UnlockThrottle::delayAfterFailures(0), 0);
        QCOMPARE(UnlockThrottle::delayAfterFailures(1), 1);
        QCOMPARE(UnlockThrottle::delayAfterFailures(2), 2);
        QCOMPARE(UnlockThrottle::delayAfterFailures(5), 16);
        QCOMPARE(UnlockThrottle::delayAfterFailures(11), 900);
        QCOMPARE(UnlockThrottle::delayAfterFailures(1000), 900);
    }

    void countSurvivesARestartAndResetsOnSuccess()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("unlock-failures"));
        QDateTime now(QDate(2026, 4, 19), QTime(9, 0), Qt::UTC);
        const Clock clock = [&now] { return now; };
        {
            UnlockThrottle throttle(path, clock);
            QVERIFY(throttle.recordFailure().ok());
            QVERIFY(throttle.recordFailure().ok());
            QVERIFY(throttle.recordFailure().ok());
        }
        UnlockThrottle restarted(path, clock);
        QCOMPARE(restarted.failures(), 3);
        QCOMPARE(restarted.secondsUntilNextAttempt(), 4);
        now = now.addSecs(3);
        QCOMPARE(restarted.secondsUntilNextAttempt(), 1);
        now = now.addSecs(1);
        QCOMPARE(restarted.secondsUntilNextAttempt(), 0);
        QVERIFY(restarted.recordSuccess().ok());
        QVERIFY(!QFile::exists(path));
        QCOMPARE(UnlockThrottle(path, clock).failures(), 0);
    }

    void aClockSetBackDoesNotLengthenTheWait()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("unlock-failures"));
        QDateTime now(QDate(2026, 4, 19), QTime(9, 0), Qt::UTC);
        const Clock clock = [&now] { return now; };
        UnlockThrottle throttle(path, clock);
        QVERIFY(throttle.recordFailure().ok());
        now = now.addYears(-3);
        QCOMPARE(throttle.secondsUntilNextAttempt(), 1);
    }

    void aDamagedFileStillThrottles()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("unlock-failures"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"failures\": 6, \"last_failure\": \"garbage\"}");
        file.close();
        const QDateTime now(QDate(2026, 4, 19), QTime(9, 0), Qt::UTC);
        UnlockThrottle throttle(path, [now] { return now; });
        QCOMPARE(throttle.failures(), 6);
        QCOMPARE(throttle.secondsUntilNextAttempt(), 32);
    }
};

QTEST_GUILESS_MAIN(TestUnlockThrottle)
#include "tst_unlockthrottle.moc"
