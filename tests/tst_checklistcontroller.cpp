#include "checklistcontroller.h"
#include "checkliststore.h"
#include "notestore.h"
#include "testvault.h"
#include "vaultsession.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldnotes;
using namespace fieldnotes::ui;

class TestChecklistController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;
    std::unique_ptr<VaultSession> m_session;
    QString m_engagementId;

private slots:
    void init()
    {
        m_session = std::make_unique<VaultSession>(m_directory.filePath(QUuid::createUuid().toString(QUuid::WithoutBraces)), test::fastOptions(), true);
        QVERIFY(m_session->createVault(QStringLiteral("long enough passphrase"), QStringLiteral("long enough passphrase")));
        m_engagementId = m_session->vault()->store().engagements(m_session->reviewId())->first().id;
    }

    void openingGatesUntilEveryPointIsTickedOrSkipped()
    {
        ChecklistController opening;
        QAbstractItemModelTester tester(&opening, QAbstractItemModelTester::FailureReportingMode::QtTest);
        opening.setSession(m_session.get());
        opening.setEngagementId(m_engagementId);
        QCOMPARE(opening.rowCount(), 6);
        QVERIFY(!opening.isComplete());
        QSignalSpy progress(&opening, &ChecklistController::progressChanged);
        QVERIFY(progress.isValid());
        for (int row = 0; row < 5; ++row)
            QVERIFY(opening.tick(row));
        QVERIFY(!opening.isComplete());
        QCOMPARE(opening.pendingCount(), 1);
        QVERIFY(!opening.skip(5, QStringLiteral("  "))); // a skip needs a reason
        QVERIFY(!opening.isComplete());
        QVERIFY(opening.skip(5, QStringLiteral("said in the invitation letter")));
        QVERIFY(opening.isComplete());
        QCOMPARE(progress.count(), 6);
        QCOMPARE(opening.data(opening.index(5), ChecklistController::StateRole).toString(), QStringLiteral("skipped"));
        QCOMPARE(opening.data(opening.index(5), ChecklistController::ReasonRole).toString(), QStringLiteral("said in the invitation letter"));

        // Recorded in the vault: a fresh controller (and a reopened vault) sees the same.
        m_session->lock();
        QVERIFY(!opening.isComplete()); // locked: nothing is shown as done
        QVERIFY(m_session->unlock(QStringLiteral("long enough passphrase")));
        ChecklistController again;
        again.setSession(m_session.get());
        again.setEngagementId(m_engagementId);
        QVERIFY(again.isComplete());
        QVERIFY(again.undo(0));
        QVERIFY(!again.isComplete());
    }

    void questionsIncludeThePrioritysOwnAndTheStandardOnes()
    {
        ChecklistController questions;
        QAbstractItemModelTester tester(&questions, QAbstractItemModelTester::FailureReportingMode::QtTest);
        questions.setKind(ChecklistController::Questions);
        questions.setSession(m_session.get());
        questions.setEngagementId(m_engagementId);
        QCOMPARE(questions.rowCount(), 2 + 6); // the demo priority has two suggested questions
        QCOMPARE(questions.data(questions.index(0), ChecklistController::KeyRole).toString(), QStringLiteral("suggested-1"));
        QVERIFY(questions.data(questions.index(7), ChecklistController::TextRole).toString().contains(QStringLiteral("year 2")));
        QVERIFY(questions.roleNames().contains(ChecklistController::StateRole));
    }

    void closingHasTheTwoClosingPoints()
    {
        ChecklistController closing;
        closing.setKind(ChecklistController::Closing);
        closing.setSession(m_session.get());
        closing.setEngagementId(m_engagementId);
        QCOMPARE(closing.rowCount(), 2);
        QVERIFY(closing.tick(0) && closing.tick(1));
        QVERIFY(closing.isComplete());
        QCOMPARE(m_session->vault()->checklists().marks(m_engagementId, QStringLiteral("closing"))->size(), 2);
    }
};

QTEST_MAIN(TestChecklistController)
#include "tst_checklistcontroller.moc"
