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

    // A keystroke in one answer announces that answer alone; the button, the name check and the
    // fields hear only of what changed for them.
    void aKeystrokeAnnouncesOnlyWhatItChanged()
    {
        QTemporaryDir directory;
        VaultSession session(directory.filePath(QStringLiteral("vault")), test::fastOptions(), true);
        QVERIFY(session.createVault(QStringLiteral("long enough passphrase"), QStringLiteral("long enough passphrase")));
        session.setRole(QStringLiteral("young-inspector"));
        ObservationController observation;
        observation.setSession(&session);
        observation.setEngagementId(session.vault()->store().engagements(session.reviewId())->first().id);

        QSignalSpy saw(&observation, &ObservationController::sawChanged);
        QSignalSpy good(&observation, &ObservationController::goodChanged);
        QSignalSpy canSign(&observation, &ObservationController::canSignChanged);
        QSignalSpy names(&observation, &ObservationController::suspectedNamesChanged);
        QSignalSpy replaced(&observation, &ObservationController::answersReplaced);
        QSignalSpy rating(&observation, &ObservationController::ratingChanged);

        const QString typed = QStringLiteral("The helper called Kevin was kind");
        for (qsizetype length = 1; length <= typed.size(); ++length)
            observation.takeTypedAnswer(ObservationController::Saw, typed.left(length));
        QCOMPARE(saw.count(), typed.size());
        QCOMPARE(good.count(), 0);
        QCOMPARE(canSign.count(), 1); // at the first letter
        QVERIFY(observation.canSign());
        QCOMPARE(observation.suspectedNames(), QStringList{QStringLiteral("Kevin")});
        int namesTransitions = 0; // as the guard sees the answers, word by word
        QStringList seen;
        for (qsizetype length = 1; length <= typed.size(); ++length) {
            const QStringList now = session.suspectedNames(typed.left(length) + QStringLiteral("\n\n"));
            namesTransitions += now != seen;
            seen = now;
        }
        QCOMPARE(names.count(), namesTransitions);
        QVERIFY(names.count() < 5);
        QCOMPARE(replaced.count(), 0);
        QCOMPARE(rating.count(), 0);

        observation.takeTypedAnswer(ObservationController::Good, QStringLiteral("Snacks"));
        QCOMPARE(good.count(), 1);
        QCOMPARE(canSign.count(), 1);

        observation.setBetter(QStringLiteral("More time")); // from anywhere but its field
        QCOMPARE(replaced.count(), 1);

        QTRY_VERIFY(observation.isSaved());
        QVERIFY(observation.lockIn());
        QCOMPARE(replaced.count(), 2); // the fields are emptied
        QVERIFY(!observation.canSign());
        QCOMPARE(canSign.count(), 2);
        QVERIFY(observation.suspectedNames().isEmpty());
    }
};

QTEST_MAIN(TestObservationController)
#include "tst_observationcontroller.moc"
