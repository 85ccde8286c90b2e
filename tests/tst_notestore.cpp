#include "notestore.h"
#include "noteverifier.h"
#include "sqlitedatabase.h"
#include "testvault.h"
#include "vaultkeyfile.h"

#include <QTest>

using namespace fieldnotes;
using namespace fieldnotes::test;

class TestNoteStore : public QObject
{
    Q_OBJECT

private slots:
    void reviewsPrioritiesAndEngagementsRoundTrip()
    {
        ScratchVault scratch;
        NoteStore &store = scratch.vault->store();
        const Review review{QString(), QStringLiteral("Week of 19 April — Trust review"), QDate(2010, 4, 19), QDate(2010, 4, 23)};
        auto added = store.addReview(review);
        QVERIFY(added.ok());
        QVERIFY(!added->id.isEmpty());
        auto reviews = store.reviews();
        QVERIFY(reviews.ok());
        QVERIFY(reviews->contains(*added));

        const Priority priority{QString(), added->id, QStringLiteral("Emotional wellbeing"),
                                {QStringLiteral("Waiting times"), QStringLiteral("Joint working")},
                                {QStringLiteral("What would you do differently?"), QStringLiteral("Who else should be involved?")}};
        auto addedPriority = store.addPriority(priority);
        QVERIFY(addedPriority.ok());
        auto priorities = store.priorities(added->id);
        QVERIFY(priorities.ok());
        QCOMPARE(priorities->size(), 1);
        QVERIFY(priorities->first() == *addedPriority);

        Engagement engagement;
        engagement.priorityId = addedPriority->id;
        engagement.kind = EngagementKind::FocusGroup;
        engagement.title = QStringLiteral("Young people's focus group");
        engagement.scheduledStart = QDateTime(QDate(2010, 4, 20), QTime(9, 30), Qt::UTC);
        engagement.agreedMinutes = 90;
        engagement.introducer = QStringLiteral("Reviewer A");
        engagement.noteTaker = QStringLiteral("Reviewer B");
        engagement.participants = {{QStringLiteral("young person"), 8}, {QStringLiteral("youth worker"), 1}};
        auto addedEngagement = store.addEngagement(engagement);
        QVERIFY(addedEngagement.ok());
        QCOMPARE(addedEngagement->reviewId, added->id);
        auto loaded = store.engagement(addedEngagement->id);
        QVERIFY(loaded.ok());
        QVERIFY(*loaded == *addedEngagement);

        Engagement followUp = *loaded;
        followUp.id.clear();
        followUp.followUpOf = loaded->id;
        followUp.scheduledStart = followUp.scheduledStart.addDays(1);
        auto addedFollowUp = store.addEngagement(followUp);
        QVERIFY(addedFollowUp.ok());
        QCOMPARE(store.engagement(addedFollowUp->id)->followUpOf, loaded->id);

        loaded->agreedMinutes = 60;
        loaded->participants = {{QStringLiteral("parent or carer"), 3}};
        QVERIFY(store.updateEngagement(*loaded).ok());
        QVERIFY(*store.engagement(loaded->id) == *loaded);
        QCOMPARE(store.engagements(added->id)->size(), 2);
    }

    void invalidInputIsRefusedClearly()
    {
        ScratchVault scratch;
        NoteStore &store = scratch.vault->store();
        QCOMPARE(store.addReview(Review{{}, QStringLiteral("Backwards"), QDate(2010, 4, 23), QDate(2010, 4, 19)}).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(store.addPriority(Priority{{}, QStringLiteral("no-such-review"), QStringLiteral("P"), {}, {}}).error().code,
                 ErrorCode::NotFound);
        Engagement engagement;
        engagement.priorityId = scratch.priorityId;
        engagement.scheduledStart = QDateTime::currentDateTimeUtc();
        engagement.agreedMinutes = 0;
        QCOMPARE(store.addEngagement(engagement).error().code, ErrorCode::InvalidArgument);
        Note orphan;
        orphan.engagementId = QStringLiteral("no-such-engagement");
        QCOMPARE(store.createDraft(orphan).error().code, ErrorCode::NotFound);
        QCOMPARE(store.note(QStringLiteral("nothing")).error().code, ErrorCode::NotFound);
    }

    void draftsCanBeEditedAndDeleted()
    {
        ScratchVault scratch;
        NoteStore &store = scratch.vault->store();
        Note draft;
        draft.engagementId = scratch.engagementId;
        draft.kind = NoteKind::Statement;
        draft.text = QStringLiteral("First words");
        auto created = store.createDraft(draft);
        QVERIFY(created.ok());
        QCOMPARE(created->state, NoteState::Draft);

        Note edited = *created;
        edited.text = QStringLiteral("First words, and then an example");
        edited.kind = NoteKind::Evidence;
        edited.evidenceAsked = true;
        edited.evidenceGiven = true;
        QVERIFY(store.updateDraft(edited).ok());
        auto loaded = store.note(created->id);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->text, edited.text);
        QCOMPARE(loaded->kind, NoteKind::Evidence);
        QVERIFY(loaded->evidenceAsked && loaded->evidenceGiven);
        QCOMPARE(loaded->createdAt, created->createdAt);

        QVERIFY(store.deleteDraft(created->id).ok());
        QCOMPARE(store.note(created->id).error().code, ErrorCode::NotFound);
        QVERIFY(store.search(QStringLiteral("example"))->isEmpty());
    }

    void aStatementIsSignedOnlyOnceItsEvidenceQuestionIsAnswered()
    {
        ScratchVault scratch;
        NoteStore &store = scratch.vault->store();
        Note draft;
        draft.engagementId = scratch.engagementId;
        draft.kind = NoteKind::Statement;
        draft.text = QStringLiteral("Referrals wait three weeks");
        auto created = store.createDraft(draft);
        QVERIFY(created.ok());
        QVERIFY(!created->evidenceAnswered);
        auto refused = store.signDraft(created->id);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QVERIFY(refused.error().message.contains(QStringLiteral("evidence")));
        QCOMPARE(store.note(created->id)->state, NoteState::Draft);
        Note answered = *created;
        answered.evidenceAnswered = true; // "not asked"
        QVERIFY(store.updateDraft(answered).ok());
        QVERIFY(store.note(created->id)->evidenceAnswered);
        QVERIFY(store.signDraft(created->id).ok());
        Note observation = draft; // other kinds have no evidence question
        observation.kind = NoteKind::Observation;
        QVERIFY(store.signDraft(store.createDraft(observation)->id).ok());
    }

    void anEngagementKeepsItsRealStartAndStop()
    {
        QDateTime now(QDate(2010, 4, 19), QTime(10, 0), Qt::UTC);
        ScratchVault scratch(fastOptions([&now] { return now; }));
        NoteStore &store = scratch.vault->store();
        QVERIFY(!store.engagementProgress(scratch.engagementId)->startedAt.isValid());
        QVERIFY(store.programmeProgress(scratch.reviewId)->isEmpty());
        QCOMPARE(*store.startEngagement(scratch.engagementId), now);
        now = now.addSecs(600);
        QCOMPARE(*store.startEngagement(scratch.engagementId), now.addSecs(-600)); // the first start is kept
        QCOMPARE(store.setEngagementFinished(QStringLiteral("never started"), true).error().code, ErrorCode::InvalidArgument);
        QVERIFY(store.setEngagementFinished(scratch.engagementId, true).ok());
        EngagementProgress progress = *store.engagementProgress(scratch.engagementId);
        QCOMPARE(progress.finishedAt, now);
        QVERIFY(store.setEngagementFinished(scratch.engagementId, false).ok());
        QVERIFY(!store.engagementProgress(scratch.engagementId)->finishedAt.isValid());
        Note draft;
        draft.engagementId = scratch.engagementId;
        draft.text = QStringLiteral("An observation");
        QVERIFY(store.createDraft(draft).ok());
        const QString signedId = store.createDraft(draft)->id;
        QVERIFY(store.signDraft(signedId).ok());
        progress = store.programmeProgress(scratch.reviewId)->value(scratch.engagementId);
        QCOMPARE(progress.drafts, 1);
        QCOMPARE(progress.signedNotes, 1);
        QCOMPARE(progress.startedAt, now.addSecs(-600));
        // Kept through a reopening of the vault: the clock is the vault's, not the page's.
        scratch.vault.reset();
        scratch.vault = std::move(*Vault::open(scratch.path(), secret("scratch passphrase"), fastOptions([&now] { return now; })));
        QCOMPARE(scratch.vault->store().engagementProgress(scratch.engagementId)->startedAt, now.addSecs(-600));
    }

    void onlyAnEngagementWithoutNotesIsDeleted()
    {
        ScratchVault scratch;
        NoteStore &store = scratch.vault->store();
        Engagement empty = *store.engagement(scratch.engagementId);
        empty.id.clear();
        empty.title = QStringLiteral("Cancelled visit");
        const QString emptyId = store.addEngagement(empty)->id;
        QVERIFY(store.startEngagement(emptyId).ok());
        Engagement followUp = empty;
        followUp.followUpOf = emptyId;
        const QString followUpId = store.addEngagement(followUp)->id;
        QCOMPARE(store.deleteEngagement(emptyId).error().code, ErrorCode::InvalidArgument); // a follow-up continues it
        QVERIFY(store.deleteEngagement(followUpId).ok());
        QVERIFY(store.deleteEngagement(emptyId).ok());
        QCOMPARE(store.engagement(emptyId).error().code, ErrorCode::NotFound);
        QCOMPARE(store.deleteEngagement(emptyId).error().code, ErrorCode::NotFound);
        Note draft;
        draft.engagementId = scratch.engagementId;
        draft.text = QStringLiteral("A draft is a note too");
        QVERIFY(store.createDraft(draft).ok());
        QCOMPARE(store.deleteEngagement(scratch.engagementId).error().code, ErrorCode::Immutable);
        QVERIFY(store.engagement(scratch.engagementId).ok());
    }

    void signingAssignsSequenceAndChain()
    {
        ScratchVault scratch;
        NoteStore &store = scratch.vault->store();
        QList<SignedNote> signedNotes;
        for (int i = 0; i < 4; ++i) {
            const QString id = scratch.addSignedNote(QStringLiteral("Note %1").arg(i));
            signedNotes << *store.signedNote(id);
        }
        for (int i = 0; i < signedNotes.size(); ++i) {
            QCOMPARE(signedNotes[i].content.sequence, i + 1);
            QCOMPARE(signedNotes[i].content.previousHash, i == 0 ? QByteArray("") : signedNotes[i - 1].hash);
            QCOMPARE(signedNotes[i].content.authorKey, scratch.vault->devicePublicKey());
            QCOMPARE(signedNotes[i].content.reviewId, scratch.reviewId);
        }
        auto loaded = store.note(signedNotes[2].content.id);
        QVERIFY(loaded->isSigned());
        QCOMPARE(loaded->sequence, 3);
        QCOMPARE(loaded->hash, signedNotes[2].hash);
        QVERIFY(verifyNotes(*store.signedNotes(), {scratch.vault->devicePublicKey()}).allValid());

        // A draft in between takes no number: numbers stay gapless.
        Note draft;
        draft.engagementId = scratch.engagementId;
        draft.text = QStringLiteral("still a draft");
        QVERIFY(store.createDraft(draft).ok());
        const QString fifth = scratch.addSignedNote(QStringLiteral("Note 5"));
        QCOMPARE(store.note(fifth)->sequence, 5);
    }

    void createAndSignIsAllOrNothing()
    {
        ScratchVault scratch;
        NoteStore &store = scratch.vault->store();
        Note concern;
        concern.engagementId = scratch.engagementId;
        concern.kind = NoteKind::Concern;
        concern.text = QStringLiteral("A worry to share with the team leader before acting");
        Note empty = concern;
        empty.text = QStringLiteral("   ");
        auto refused = store.createAndSign({concern, empty});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QVERIFY(store.notes()->isEmpty());

        auto signedNotes = store.createAndSign({concern, concern});
        QVERIFY(signedNotes.ok());
        QCOMPARE(signedNotes->size(), 2);
        QCOMPARE(signedNotes->at(1).content.sequence, 2);
        QCOMPARE(signedNotes->at(1).content.previousHash, signedNotes->at(0).hash);
        QVERIFY(store.note(signedNotes->at(0).content.id)->isSigned());
    }

    void signedNotesAreImmutableInCode()
    {
        ScratchVault scratch;
        NoteStore &store = scratch.vault->store();
        const QString id = scratch.addSignedNote(QStringLiteral("What was said"));
        Note changed = *store.note(id);
        changed.text = QStringLiteral("What I wish had been said");
        QCOMPARE(store.updateDraft(changed).error().code, ErrorCode::Immutable);
        QCOMPARE(store.deleteDraft(id).error().code, ErrorCode::Immutable);
        QCOMPARE(store.signDraft(id).error().code, ErrorCode::Immutable);
        QCOMPARE(store.note(id)->text, QStringLiteral("What was said"));
    }

    void signedNotesAreImmutableInRawSql_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::newRow("update text") << QByteArray("UPDATE notes SET text = 'forged' WHERE signature IS NOT NULL");
        QTest::newRow("update signature") << QByteArray("UPDATE notes SET signature = NULL, canonical = NULL, hash = NULL, sequence = NULL, author_key = NULL WHERE signature IS NOT NULL");
        QTest::newRow("update time") << QByteArray("UPDATE notes SET signed_at = '2000-01-01T00:00:00.000Z' WHERE signature IS NOT NULL");
        QTest::newRow("delete") << QByteArray("DELETE FROM notes WHERE signature IS NOT NULL");
        QTest::newRow("delete all") << QByteArray("DELETE FROM notes");
    }

    void signedNotesAreImmutableInRawSql()
    {
        QFETCH(QByteArray, sql);
        ScratchVault scratch;
        const QString id = scratch.addSignedNote(QStringLiteral("Evidence as given"));
        const SignedNote before = *scratch.vault->store().signedNote(id);

        // Straight to SQLCipher on a second connection keyed with the unwrapped database key,
        // past every check in NoteStore: only the schema's triggers stand in the way.
        scratch.vault.reset();
        auto keyFile = VaultKeyFile::read(Vault::keyFilePath(scratch.path()));
        QVERIFY(keyFile.ok());
        auto secrets = keyFile->unwrap(secret("scratch passphrase"));
        QVERIFY(secrets.ok());
        {
            auto raw = SqliteDatabase::openEncrypted(Vault::databasePath(scratch.path()), secrets->databaseKey,
                                                     SqliteDatabase::OpenMode::OpenExisting);
            QVERIFY(raw.ok());
            auto refused = (*raw)->exec(sql.constData());
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, ErrorCode::Immutable);
            QCOMPARE(*(*raw)->queryInteger("SELECT count(*) FROM notes WHERE signature IS NOT NULL"), 1);
        }
        auto reopened = Vault::open(scratch.path(), secret("scratch passphrase"), fastOptions());
        QVERIFY(reopened.ok());
        const SignedNote after = *(*reopened)->store().signedNote(id);
        QCOMPARE(after.canonical, before.canonical);
        QCOMPARE(after.content.text, before.content.text);
    }

    void amendmentsReferenceTheCorrectedNoteAndBothRemain()
    {
        ScratchVault scratch;
        NoteStore &store = scratch.vault->store();
        const QString original = scratch.addSignedNote(QStringLiteral("Six families were supported"));
        auto amendment = store.amend(original, QStringLiteral("Correction: sixteen families were supported"));
        QVERIFY(amendment.ok());
        QCOMPARE(amendment->content.kind, NoteKind::Amendment);
        QCOMPARE(amendment->content.amendsHash, store.note(original)->hash);
        QCOMPARE(amendment->content.sequence, 2);
        QVERIFY(store.note(original).ok());
        QCOMPARE(store.notes()->size(), 2);
        QVERIFY(verifyNotes(*store.signedNotes(), {scratch.vault->devicePublicKey()}).allValid());

        // Only signed notes can be amended, and only amendments may point at another note.
        Note draft;
        draft.engagementId = scratch.engagementId;
        draft.text = QStringLiteral("a draft");
        auto created = store.createDraft(draft);
        QCOMPARE(store.amend(created->id, QStringLiteral("x")).error().code, ErrorCode::InvalidArgument);
        Note pointing = draft;
        pointing.amendsHash = amendment->hash;
        QCOMPARE(store.createDraft(pointing).error().code, ErrorCode::InvalidArgument);
        Note dangling = draft;
        dangling.kind = NoteKind::Amendment;
        dangling.amendsHash = QByteArray(32, 'q');
        QCOMPARE(store.createDraft(dangling).error().code, ErrorCode::NotFound);
    }

    void searchRanksHighlightsAndFilters()
    {
        ScratchVault scratch;
        NoteStore &store = scratch.vault->store();
        Engagement other;
        other.priorityId = store.addPriority(Priority{{}, scratch.reviewId, QStringLiteral("Wellbeing"), {}, {}})->id;
        other.kind = EngagementKind::Visit;
        other.scheduledStart = QDateTime(QDate(2026, 4, 20), QTime(9, 0), Qt::UTC);
        other.agreedMinutes = 30;
        const QString otherId = store.addEngagement(other)->id;

        const QString strong = scratch.addSignedNote(QStringLiteral("Attendance attendance attendance improved in every school"));
        const QString weak = scratch.addSignedNote(QStringLiteral("The report mentions attendance once among many other long topics of discussion today"), NoteKind::Evidence);
        Note draft;
        draft.engagementId = otherId;
        draft.kind = NoteKind::Observation;
        draft.text = QStringLiteral("Pupils said attendance clubs are fun; the café was busy");
        const QString drafted = store.createDraft(draft)->id;

        auto hits = store.search(QStringLiteral("attendance"));
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 3);
        QCOMPARE(hits->first().note.id, strong);
        QVERIFY(hits->first().rank <= hits->last().rank);
        QVERIFY2(hits->first().snippet.contains(QStringLiteral("[Attendance]")), qPrintable(hits->first().snippet));

        auto marked = store.search(QStringLiteral("clubs"), {}, QStringLiteral("<b>"), QStringLiteral("</b>"));
        QCOMPARE(marked->size(), 1);
        QVERIFY(marked->first().snippet.contains(QStringLiteral("<b>clubs</b>")));
        QCOMPARE(marked->first().note.state, NoteState::Draft);

        NoteFilter byKind;
        byKind.kind = NoteKind::Evidence;
        QCOMPARE(store.search(QStringLiteral("attendance"), byKind)->first().note.id, weak);
        NoteFilter byEngagement;
        byEngagement.engagementId = otherId;
        QCOMPARE(store.search(QStringLiteral("attendance"), byEngagement)->first().note.id, drafted);
        NoteFilter byPriority;
        byPriority.priorityId = scratch.priorityId;
        QCOMPARE(store.search(QStringLiteral("attendance"), byPriority)->size(), 2);
        NoteFilter signedOnly;
        signedOnly.state = NoteState::Signed;
        QCOMPARE(store.search(QStringLiteral("attendance"), signedOnly)->size(), 2);
        QCOMPARE(store.notes(signedOnly)->size(), 2);

        // Diacritics folded, prefixes matched, FTS syntax in user input is just text.
        QCOMPARE(store.search(QStringLiteral("cafe"))->size(), 1);
        QCOMPARE(store.search(QStringLiteral("atten"))->size(), 3);
        auto odd = store.search(QStringLiteral("\"attendance AND (NEAR"));
        QVERIFY2(odd.ok(), odd.ok() ? "" : qPrintable(odd.error().message));
        QVERIFY(store.search(QStringLiteral("   "))->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNoteStore)
#include "tst_notestore.moc"
