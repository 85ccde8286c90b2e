#include "noteeditorcontroller.h"
#include "notelistmodel.h"
#include "notestore.h"
#include "noteverifier.h"
#include "settingsstore.h"
#include "testvault.h"
#include "vaultsession.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldnotes;
using namespace fieldnotes::ui;

namespace {
QStringList draftIds(NoteListModel &notes)
{
    QStringList ids;
    for (const QVariant &draft : notes.drafts())
        ids << draft.toMap().value(QStringLiteral("noteId")).toString();
    return ids;
}
} // namespace

class TestNoteListModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;
    std::unique_ptr<VaultSession> m_session;
    QString m_engagementId;
    const QString m_passphrase = QStringLiteral("long enough passphrase");

    void writeNote(const QString &kind, const QString &text, bool answerEvidence = false)
    {
        NoteEditorController editor;
        editor.setSession(m_session.get());
        editor.setEngagementId(m_engagementId);
        editor.setKind(kind);
        editor.setText(text);
        if (answerEvidence) {
            QVERIFY(editor.needsEvidenceAnswer());
            QVERIFY(editor.answerEvidence(true, true));
            QVERIFY(!editor.needsEvidenceAnswer());
        }
        QTRY_VERIFY(editor.isSaved()); // the draft writer has it on disk, and the list has its row
        editor.startNew(); // "Next note": this one stays a draft in the list, and a new editor starts afresh
    }

private slots:
    void init()
    {
        m_session = std::make_unique<VaultSession>(m_directory.filePath(QUuid::createUuid().toString(QUuid::WithoutBraces)), test::fastOptions(), true);
        QVERIFY(m_session->createVault(m_passphrase, m_passphrase));
        m_engagementId = m_session->vault()->store().engagements(m_session->reviewId())->first().id;
    }

    void signingNeedsThePassphraseAndMakesNotesReadOnly()
    {
        NoteListModel notes;
        QAbstractItemModelTester tester(&notes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        notes.setSession(m_session.get());
        notes.setEngagementId(m_engagementId);
        writeNote(QStringLiteral("statement"), QStringLiteral("Waiting times fell to six weeks"), true);
        writeNote(QStringLiteral("good-practice"), QStringLiteral("A youth worker runs a weekly drop-in"));
        QCOMPARE(notes.rowCount(), 2);
        QCOMPARE(notes.draftCount(), 2);
        QCOMPARE(notes.data(notes.index(0), NoteListModel::EvidenceRole).toString(), QStringLiteral("given"));

        QSignalSpy errors(m_session.get(), &VaultSession::errorOccurred);
        QVERIFY(errors.isValid());
        QCOMPARE(notes.signDrafts(QStringLiteral("not the passphrase"), draftIds(notes)), 0);
        QCOMPARE(errors.count(), 1);
        QCOMPARE(notes.draftCount(), 2);

        QCOMPARE(notes.signDrafts(m_passphrase, draftIds(notes)), 2);
        QCOMPARE(notes.draftCount(), 0);
        QCOMPARE(notes.data(notes.index(0), NoteListModel::StateRole).toString(), QStringLiteral("signed"));
        QVERIFY(!notes.data(notes.index(0), NoteListModel::SignedAtRole).toString().isEmpty());
        // Who signed comes from what was signed: a name set afterwards claims nothing signed before it.
        QCOMPARE(notes.data(notes.index(0), NoteListModel::SignedByRole).toString(), QStringLiteral("a reviewer"));
        m_session->setMemberName(QStringLiteral("Reviewer B"));
        QCOMPARE(notes.data(notes.index(0), NoteListModel::SignedByRole).toString(), QStringLiteral("a reviewer"));
        writeNote(QStringLiteral("observation"), QStringLiteral("Signed once the name was set"));
        QCOMPARE(notes.signDrafts(m_passphrase, draftIds(notes)), 1);
        QCOMPARE(notes.data(notes.index(2), NoteListModel::SignedByRole).toString(), QStringLiteral("Reviewer B"));
        const SignedNote last = *m_session->vault()->store().signedNote(notes.data(notes.index(2), NoteListModel::NoteIdRole).toString());
        QCOMPARE(last.content.formatVersion, 2);
        QCOMPARE(decodeCanonicalNote(last.canonical)->signerLabel, QStringLiteral("Reviewer B"));
        QVERIFY(!notes.deleteDraft(notes.data(notes.index(0), NoteListModel::NoteIdRole).toString()));
        QVERIFY(verifyNotes(*m_session->vault()->store().signedNotes(), {m_session->vault()->devicePublicKey()}).allValid());
    }

    void amendmentsShowTheNoteTheyCorrect()
    {
        NoteListModel notes;
        QAbstractItemModelTester tester(&notes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        notes.setSession(m_session.get());
        notes.setEngagementId(m_engagementId);
        writeNote(QStringLiteral("observation"), QStringLiteral("Six families attended"));
        QCOMPARE(notes.signDrafts(m_passphrase, draftIds(notes)), 1);
        const QString original = notes.data(notes.index(0), NoteListModel::NoteIdRole).toString();
        QVERIFY(notes.amend(original, QStringLiteral("Sixteen families attended")));
        QCOMPARE(notes.rowCount(), 2);
        QCOMPARE(notes.data(notes.index(1), NoteListModel::KindRole).toString(), QStringLiteral("amendment"));
        QCOMPARE(notes.data(notes.index(1), NoteListModel::AmendsTextRole).toString(), QStringLiteral("Six families attended"));
        QCOMPARE(notes.data(notes.index(0), NoteListModel::TextRole).toString(), QStringLiteral("Six families attended"));
    }

    // A note added, written, signed or amended changes its own row; nothing resets the list.
    void oneNoteChangesOnlyItsRow()
    {
        NoteListModel notes;
        QAbstractItemModelTester tester(&notes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        notes.setSession(m_session.get());
        notes.setEngagementId(m_engagementId);
        writeNote(QStringLiteral("observation"), QStringLiteral("First note"));
        QSignalSpy reset(&notes, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&notes, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&notes, &QAbstractItemModel::dataChanged);
        QVERIFY(reset.isValid() && inserted.isValid() && changed.isValid());
        const auto rolesOf = [&changed](qsizetype signal) { return changed.at(signal).at(2).value<QList<int>>(); };

        NoteEditorController editor;
        editor.setSession(m_session.get());
        editor.setEngagementId(m_engagementId);
        editor.setText(QStringLiteral("Second"));
        QTRY_VERIFY(editor.isSaved());
        QCOMPARE(inserted.count(), 1); // added: one row, at the end
        QCOMPARE(inserted.first().at(1).toInt(), 1);
        QCOMPARE(notes.rowCount(), 2);

        editor.setText(QStringLiteral("Second note, typed on"));
        QTRY_VERIFY(editor.isSaved());
        QCOMPARE(changed.count(), 1); // written: that row's text and nothing else
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1);
        QVERIFY(rolesOf(0).contains(NoteListModel::TextRole));
        QVERIFY(!rolesOf(0).contains(NoteListModel::StateRole) && !rolesOf(0).contains(NoteListModel::KindRole));

        changed.clear();
        QCOMPARE(notes.signDrafts(m_passphrase, draftIds(notes)), 2);
        QCOMPARE(changed.count(), 2); // signed: each row's state
        for (qsizetype signal = 0; signal < changed.count(); ++signal)
            QVERIFY(rolesOf(signal).contains(NoteListModel::StateRole) && !rolesOf(signal).contains(NoteListModel::TextRole));

        QVERIFY(notes.amend(notes.data(notes.index(0), NoteListModel::NoteIdRole).toString(), QStringLiteral("First note, corrected")));
        QCOMPARE(inserted.count(), 2); // amended: the correction is a row of its own
        QCOMPARE(inserted.last().at(1).toInt(), 2);
        QCOMPARE(notes.data(notes.index(2), NoteListModel::AmendsTextRole).toString(), QStringLiteral("First note"));
        QCOMPARE(reset.count(), 0);
    }

    // The draft in the editor is on screen there: the list leaves it out, its writes while it is
    // typed change no row, and the counts still include it; it comes back in its place when the
    // editor moves on.
    void theDraftInTheEditorComesBackAfterLeavingTheEngagementOrLocking()
    {
        m_session->setOpenEngagementId(m_engagementId);
        {
            NoteEditorController editor;
            editor.setSession(m_session.get());
            editor.setEngagementId(m_engagementId);
            editor.setKind(QStringLiteral("statement"));
            editor.setText(QStringLiteral("Waiting times fell to six weeks"));
            QVERIFY(editor.answerEvidence(false, false)); // "not asked"
            QTRY_VERIFY(editor.isSaved());
        } // Back: the page and its editor are gone
        m_session->lock();
        QVERIFY(m_session->unlock(m_passphrase));
        QCOMPARE(m_session->openEngagementId(), m_engagementId); // the app reopens the engagement
        NoteEditorController editor;
        editor.setSession(m_session.get());
        editor.setEngagementId(m_engagementId);
        QCOMPARE(editor.text(), QStringLiteral("Waiting times fell to six weeks"));
        QCOMPARE(editor.kind(), QStringLiteral("statement"));
        QVERIFY(editor.evidenceAnswered());
        QVERIFY(!editor.evidenceAsked());
        QVERIFY(!editor.needsEvidenceAnswer());
        const QString first = editor.draftId();

        // "Next note", then the first one fixed from the list: it comes back into the editor.
        editor.startNew();
        editor.setText(QStringLiteral("A second note"));
        QTRY_VERIFY(editor.isSaved());
        const QString second = editor.draftId();
        QVERIFY(editor.edit(first));
        QCOMPARE(editor.text(), QStringLiteral("Waiting times fell to six weeks"));
        editor.setText(QStringLiteral("Waiting times fell to six weeks, the manager said"));
        QTRY_VERIFY(editor.isSaved());
        QCOMPARE(m_session->vault()->store().note(first)->text, QStringLiteral("Waiting times fell to six weeks, the manager said"));
        QCOMPARE(m_session->vault()->store().note(second)->text, QStringLiteral("A second note"));
        QVERIFY(!editor.edit(QStringLiteral("no such note")));

        // Only the ticked one is signed; the editor moves on from a note once it is signed.
        NoteListModel notes;
        notes.setSession(m_session.get());
        notes.setEngagementId(m_engagementId);
        QCOMPARE(notes.drafts().size(), 2);
        QCOMPARE(notes.signDrafts(m_passphrase, {first}), 1);
        QCOMPARE(notes.draftCount(), 1);
        QVERIFY(editor.draftId() != first);
        QVERIFY(editor.text().isEmpty());
        QVERIFY(m_session->vault()->store().note(second)->state == NoteState::Draft);

        // A deleted draft does not come back into the editor.
        QVERIFY(editor.edit(second));
        QVERIFY(notes.deleteDraft(second));
        NoteEditorController reopened;
        reopened.setSession(m_session.get());
        reopened.setEngagementId(m_engagementId);
        QVERIFY(reopened.text().isEmpty());
        QVERIFY(reopened.draftId().isEmpty());
    }

    void reviewAndSignListsEachDraftAndRefusesAnUnansweredStatement()
    {
        m_session->setWatchedNames({QStringLiteral("Laura")});
        writeNote(QStringLiteral("statement"), QStringLiteral("Attendance rose, Laura said"));
        writeNote(QStringLiteral("good-practice"), QStringLiteral("A youth worker runs a weekly drop-in"));
        NoteListModel notes;
        notes.setSession(m_session.get());
        notes.setEngagementId(m_engagementId);
        const QVariantList drafts = notes.drafts();
        QCOMPARE(drafts.size(), 2);
        const QVariantMap statement = drafts.at(0).toMap();
        QCOMPARE(statement.value(QStringLiteral("kindLabel")).toString(), QStringLiteral("Statement"));
        QVERIFY(!statement.value(QStringLiteral("signable")).toBool());
        QVERIFY(statement.value(QStringLiteral("problem")).toString().contains(QStringLiteral("evidence")));
        QCOMPARE(statement.value(QStringLiteral("suspectedNames")).toStringList(), QStringList{QStringLiteral("Laura")});
        QVERIFY(drafts.at(1).toMap().value(QStringLiteral("signable")).toBool());
        QSignalSpy errors(m_session.get(), &VaultSession::errorOccurred);
        const QString statementId = statement.value(QStringLiteral("noteId")).toString();
        QCOMPARE(notes.signDrafts(m_passphrase, {statementId}), 0);
        QCOMPARE(errors.count(), 1);
        QCOMPARE(m_session->vault()->store().note(statementId)->state, NoteState::Draft);
    }

    void theNoteInTheEditorIsHeldOutOfTheList()
    {
        m_session->setWatchedNames({QStringLiteral("Laura")});
        writeNote(QStringLiteral("observation"), QStringLiteral("First note"));
        NoteListModel notes;
        QAbstractItemModelTester tester(&notes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        notes.setSession(m_session.get());
        notes.setEngagementId(m_engagementId);
        NoteEditorController editor;
        editor.setSession(m_session.get());
        editor.setEngagementId(m_engagementId);
        connect(&editor, &NoteEditorController::draftChanged, &notes, [&] { notes.setHeldNoteId(editor.draftId()); });

        QSignalSpy inserted(&notes, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&notes, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&notes, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&notes, &QAbstractItemModel::modelReset);
        QSignalSpy counts(&notes, &NoteListModel::countsChanged);
        editor.setText(QStringLiteral("Second"));
        QTRY_VERIFY(editor.isSaved());
        QCOMPARE(notes.heldNoteId(), editor.draftId());
        QCOMPARE(notes.rowCount(), 1);
        QCOMPARE(notes.draftCount(), 2);
        QCOMPARE(counts.count(), 1);
        editor.setText(QStringLiteral("Second note, where Laura said"));
        QTRY_VERIFY(editor.isSaved());
        QCOMPARE(notes.flaggedDraftCount(), 1); // the held draft's name is counted
        editor.setText(QStringLiteral("Second note, where a teacher said"));
        QTRY_VERIFY(editor.isSaved());
        QCOMPARE(notes.flaggedDraftCount(), 0);
        QCOMPARE(counts.count(), 3); // only when a count moved, not with every write
        QCOMPARE(inserted.count() + removed.count() + changed.count() + reset.count(), 0);

        const QString held = editor.draftId();
        editor.startNew();
        QCOMPARE(notes.heldNoteId(), QString());
        QCOMPARE(inserted.count(), 1); // back in the list, after the first note
        QCOMPARE(inserted.first().at(1).toInt(), 1);
        QCOMPARE(notes.data(notes.index(1), NoteListModel::TextRole).toString(), QStringLiteral("Second note, where a teacher said"));
        QCOMPARE(notes.draftCount(), 2);

        notes.setHeldNoteId(held); // reopened in the editor: out of the list again
        QCOMPARE(removed.count(), 1);
        QCOMPARE(notes.rowCount(), 1);
        QCOMPARE(notes.signDrafts(m_passphrase, draftIds(notes)), 2); // signing covers the held draft too
        QCOMPARE(notes.draftCount(), 0);
        notes.setHeldNoteId(QString());
        QCOMPARE(notes.data(notes.index(1), NoteListModel::StateRole).toString(), QStringLiteral("signed"));
        QCOMPARE(reset.count(), 0);
    }

    void draftsThatMayNameSomeoneAreFlagged()
    {
        m_session->setWatchedNames({QStringLiteral("Laura")});
        NoteListModel notes;
        notes.setSession(m_session.get());
        notes.setEngagementId(m_engagementId);
        writeNote(QStringLiteral("observation"), QStringLiteral("The group said laura keeps it going"));
        writeNote(QStringLiteral("observation"), QStringLiteral("We met Mrs Patel at the centre"));
        writeNote(QStringLiteral("observation"), QStringLiteral("A parent said the club helps"));
        QCOMPARE(notes.flaggedDraftCount(), 2);
        QCOMPARE(notes.data(notes.index(0), NoteListModel::SuspectedNamesRole).toStringList(), QStringList{QStringLiteral("laura")});
        QCOMPARE(notes.data(notes.index(1), NoteListModel::SuspectedNamesRole).toStringList(), QStringList{QStringLiteral("Patel")});
        QVERIFY(notes.data(notes.index(2), NoteListModel::SuspectedNamesRole).toStringList().isEmpty());
    }
};

QTEST_MAIN(TestNoteListModel)
#include "tst_notelistmodel.moc"
