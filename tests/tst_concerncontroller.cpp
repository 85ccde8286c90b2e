#include "concerncontroller.h"
#include "notestore.h"
#include "testvault.h"
#include "vaultsession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldnotes;
using namespace fieldnotes::ui;

class TestConcernController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;

private slots:
    void aConcernIsSignedAtOnceInOrOutsideAnEngagement()
    {
        VaultSession session(m_directory.filePath(QStringLiteral("vault")), test::fastOptions(), true);
        QVERIFY(session.createVault(QStringLiteral("long enough passphrase"), QStringLiteral("long enough passphrase")));
        ConcernController concerns;
        concerns.setSession(&session);
        QVERIFY(concerns.guidance().contains(QStringLiteral("before acting on it")));
        QSignalSpy recorded(&concerns, &ConcernController::recorded);
        QVERIFY(recorded.isValid());

        QVERIFY(!concerns.record(QStringLiteral("   "), QString()));
        QCOMPARE(recorded.count(), 0);

        const QString engagementId = session.vault()->store().engagements(session.reviewId())->first().id;
        QVERIFY(concerns.record(QStringLiteral("A pupil said they are afraid to go home"), engagementId));
        QVERIFY(concerns.record(QStringLiteral("Seen in the corridor: an unlocked medicine cabinet"), QString()));
        QCOMPARE(recorded.count(), 2);
        QVERIFY(!concerns.lastSignedAt().isEmpty());

        NoteFilter filter;
        filter.kind = NoteKind::Concern;
        const QList<Note> stored = *session.vault()->store().notes(filter);
        QCOMPARE(stored.size(), 2);
        QVERIFY(stored[0].isSigned() && stored[1].isSigned());
        QCOMPARE(stored[0].engagementId, engagementId);
        QCOMPARE(session.vault()->store().engagement(stored[1].engagementId)->title, QStringLiteral("Concerns raised outside a session"));
        // A second concern outside a session goes to the same entry.
        QVERIFY(concerns.record(QStringLiteral("Another worry"), QString()));
        QCOMPARE(session.vault()->store().notes(filter)->last().engagementId, stored[1].engagementId);
    }
};

QTEST_MAIN(TestConcernController)
#include "tst_concerncontroller.moc"
