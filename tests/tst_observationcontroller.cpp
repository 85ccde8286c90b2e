#include "notestore.h"
#include "observationcontroller.h"
#include "testvault.h"
#include "vaultsession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldnotes;
using namespace fieldnotes::ui;

class TestObservationController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;

private slots:
    void theTemplateBecomesOneSignedObservation()
    {
        VaultSession session(m_directory.filePath(QStringLiteral("vault")), test::fastOptions(), true);
        QVERIFY(session.createVault(QStringLiteral("long enough passphrase"), QStringLiteral("long enough passphrase")));
        session.setRole(QStringLiteral("young-inspector"));
        const QString engagementId = session.vault()->store().engagements(session.reviewId())->first().id;

        ObservationController observation;
        observation.setSession(&session);
        observation.setEngagementId(engagementId);
        QVERIFY(!observation.canSign());
        observation.setSaw(QStringLiteral("Pupils ran the tuck shop"));
        QVERIFY(!observation.isSaved()); // written behind the typing
        QTRY_VERIFY(observation.isSaved());
        observation.setGood(QStringLiteral("Everyone got a turn"));
        observation.setRating(3);
        QCOMPARE(observation.composedText(), QStringLiteral("What did I see?\nPupils ran the tuck shop\n\nWhat was good?\nEveryone got a turn\n\nHow it felt: ☺ good"));

        // Kept as an encrypted draft while being written.
        QTRY_VERIFY(observation.isSaved());
        NoteFilter drafts;
        drafts.state = NoteState::Draft;
        QCOMPARE(session.vault()->store().notes(drafts)->size(), 1);

        QSignalSpy signedSpy(&observation, &ObservationController::signedObservation);
        QVERIFY(signedSpy.isValid());
        // Locked in with the key unlocked for the session, after the child confirmed: no passphrase.
        QVERIFY(observation.lockIn());
        QCOMPARE(signedSpy.count(), 1);
        QVERIFY(observation.saw().isEmpty());
        QCOMPARE(observation.rating(), 0);

        const QList<SignedNote> signedNotes = *session.vault()->store().signedNotes();
        QCOMPARE(signedNotes.size(), 1);
        QCOMPARE(signedNotes.first().content.kind, NoteKind::Observation);
        QVERIFY(signedNotes.first().content.text.contains(QStringLiteral("tuck shop")));
        QVERIFY(session.vault()->store().notes(drafts)->isEmpty());
    }
};

QTEST_MAIN(TestObservationController)
#include "tst_observationcontroller.moc"
