// The team leader reads what was collected: every collected note listed by engagement, kind,
// tablet (by its roster role and label) and verdict, in the order asked, and searched like the
// tablet's own notes. Real SQLCipher vaults, notes signed by two tablets' real keys.
#include "collectednotes.h"
#include "notestore.h"
#include "rosterentry.h"
#include "signednotejson.h"
#include "sqlitedatabase.h"
#include "syncstore.h"
#include "testvault.h"
#include "vaultschema.h"

#include <QJsonDocument>
#include <QTest>

#include <sodium.h>

using namespace fieldnotes;
using namespace fieldnotes::sync;

class TestCollectedNotes : public QObject
{
    Q_OBJECT

private:
    test::ScratchVault m_leader;
    test::ScratchVault m_reviewer;
    test::ScratchVault m_youngInspector;
    QByteArray m_reviewerKey;
    QByteArray m_youngInspectorKey;

    static SignedNote signedNote(test::ScratchVault &tablet, const QString &id)
    {
        return *tablet.vault->store().signedNote(id);
    }

private slots:
    void initTestCase()
    {
        m_reviewerKey = m_reviewer.vault->devicePublicKey();
        m_youngInspectorKey = m_youngInspector.vault->devicePublicKey();
        // The roster as the leader keeps it (signed by a leader key made here).
        SecureBytes leaderSecret(crypto_sign_SECRETKEYBYTES);
        QByteArray leaderPublic(crypto_sign_PUBLICKEYBYTES, '\0');
        crypto_sign_keypair(reinterpret_cast<unsigned char *>(leaderPublic.data()), leaderSecret.data());
        QList<RosterEntry> entries;
        const auto member = [&](const QByteArray &key, const QString &role, const QString &label) {
            RosterEntry entry;
            entry.reviewId = m_leader.reviewId;
            entry.sequence = entries.size() + 1;
            entry.previousHash = entries.isEmpty() ? QByteArray() : entries.last().hash();
            entry.type = RosterEntry::Type::Member;
            entry.at = QDateTime::currentDateTimeUtc();
            entry.deviceKey = key;
            entry.role = role;
            entry.label = label;
            entries << signRosterEntry(entry, leaderSecret);
        };
        member(m_reviewerKey, QStringLiteral("reviewer"), QStringLiteral("Tablet 3"));
        member(m_youngInspectorKey, QStringLiteral("young-inspector"), QStringLiteral("YI tablet"));
        SyncStore leaderStore(*m_leader.vault);
        QVERIFY(leaderStore.saveRoster(m_leader.reviewId, entries).ok());

        QList<std::pair<SignedNote, QString>> collected;
        const auto sign = [&](test::ScratchVault &tablet, const QString &text, NoteKind kind, const QString &verdict) {
            QTest::qWait(5); // distinct signing times, so that "newest" has one answer
            collected.append({signedNote(tablet, tablet.addSignedNote(text, kind)), verdict});
        };
        sign(m_reviewer, QStringLiteral("A head teacher said attendance rose after the breakfast club began"), NoteKind::Statement, QStringLiteral("valid"));
        sign(m_reviewer, QStringLiteral("Pupils run the rota for the breakfast club"), NoteKind::Observation, QStringLiteral("valid"));
        sign(m_youngInspector, QStringLiteral("The club was fun and attendance was good"), NoteKind::Observation, QStringLiteral("valid"));
        sign(m_youngInspector, QStringLiteral("Nobody asked us about the rota"), NoteKind::Statement,
             QStringLiteral("signed by a key that is not on the roster"));
        QCOMPARE(*leaderStore.storeCollected(m_leader.reviewId, collected), 4);
        QCOMPARE(*leaderStore.storeCollected(m_leader.reviewId, collected), 0); // each once
    }

    void everyCollectedNoteIsListedNewestFirstWithItsTablet()
    {
        CollectedNotes notes(*m_leader.vault, m_leader.reviewId);
        auto all = notes.list();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 4);
        QCOMPARE(all->first().note.content.text, QStringLiteral("Nobody asked us about the rota"));
        QCOMPARE(all->last().note.content.text, QStringLiteral("A head teacher said attendance rose after the breakfast club began"));
        for (qsizetype i = 1; i < all->size(); ++i)
            QVERIFY(all->at(i - 1).note.content.signedAt >= all->at(i).note.content.signedAt);
        QCOMPARE(all->last().tabletRole, QStringLiteral("reviewer"));
        QCOMPARE(all->last().tabletLabel, QStringLiteral("Tablet 3"));
        QCOMPARE(all->first().tabletLabel, QStringLiteral("YI tablet"));
        QVERIFY(!all->first().verified());
        QVERIFY(all->last().verified());
        // What is listed is the signed note itself: its bytes still check.
        QCOMPARE(noteHash(all->last().note.canonical, all->last().note.signature), all->last().note.hash);
    }

    void filtersNarrowByKindTabletAndVerdict()
    {
        CollectedNotes notes(*m_leader.vault, m_leader.reviewId);
        CollectedFilter statements;
        statements.kind = NoteKind::Statement;
        QCOMPARE(notes.list(statements)->size(), 2);
        CollectedFilter youngInspector;
        youngInspector.authorKey = m_youngInspectorKey;
        const auto fromYoungInspector = *notes.list(youngInspector);
        QCOMPARE(fromYoungInspector.size(), 2);
        for (const CollectedNoteView &view : fromYoungInspector)
            QCOMPARE(view.note.content.authorKey, m_youngInspectorKey);
        CollectedFilter problems;
        problems.verified = false;
        QCOMPARE(notes.list(problems)->size(), 1);
        problems.verified = true;
        QCOMPARE(notes.list(problems)->size(), 3);
        CollectedFilter both = statements;
        both.authorKey = m_reviewerKey;
        QCOMPARE(notes.list(both)->size(), 1);
        CollectedFilter elsewhere;
        elsewhere.engagementId = QStringLiteral("no-such-engagement");
        QCOMPARE(notes.list(elsewhere)->size(), 0);

        QCOMPARE(*notes.tabletsNamed(QStringLiteral("yi TABLET")), QList<QByteArray>{m_youngInspectorKey});
        QCOMPARE(*notes.tabletsNamed(QString::fromLatin1(m_reviewerKey.toHex().left(8))), QList<QByteArray>{m_reviewerKey});
        QVERIFY(notes.tabletsNamed(QStringLiteral("Tablet 9"))->isEmpty());
    }

    void ordersByTabletAndKind()
    {
        CollectedNotes notes(*m_leader.vault, m_leader.reviewId);
        const auto byTablet = *notes.list({}, CollectedOrder::Tablet);
        QCOMPARE(byTablet.size(), 4);
        QCOMPARE(byTablet.at(0).note.content.authorKey, byTablet.at(1).note.content.authorKey);
        QVERIFY(byTablet.at(0).note.content.sequence < byTablet.at(1).note.content.sequence);
        const auto byKind = *notes.list({}, CollectedOrder::Kind);
        QCOMPARE(byKind.at(0).note.content.kind, byKind.at(1).note.content.kind);
        QCOMPARE(collectedOrderFromName(QStringLiteral("engagement")), std::optional(CollectedOrder::Engagement));
        QVERIFY(!collectedOrderFromName(QStringLiteral("random")));
        QCOMPARE(notes.list({}, CollectedOrder::Engagement)->size(), 4);

        // A page: the first two in the order asked, and how many there are in all.
        const auto newest = *notes.list();
        const auto firstTwo = *notes.list({}, CollectedOrder::Newest, 2);
        QCOMPARE(firstTwo.size(), 2);
        QCOMPARE(firstTwo.at(0).note.hash, newest.at(0).note.hash);
        QCOMPARE(firstTwo.at(1).note.hash, newest.at(1).note.hash);
        QCOMPARE(notes.list({}, CollectedOrder::Tablet, 3)->size(), 3);
        QCOMPARE(*notes.count(), 4);
        CollectedFilter oneTablet;
        oneTablet.authorKey = byTablet.at(0).note.content.authorKey;
        QCOMPARE(*notes.count(oneTablet), int(notes.list(oneTablet)->size()));
        CollectedFilter problems;
        problems.verified = false;
        QCOMPARE(*notes.count(problems), int(notes.list(problems)->size()));
    }

    void searchIsRankedWithMarkedSnippets()
    {
        CollectedNotes notes(*m_leader.vault, m_leader.reviewId);
        const auto hits = *notes.search(QStringLiteral("attendance"));
        QCOMPARE(hits.size(), 2);
        for (const CollectedNoteView &hit : hits)
            QVERIFY2(hit.snippet.contains(QStringLiteral("[attendance]")), qPrintable(hit.snippet));
        QVERIFY(hits.at(0).rank <= hits.at(1).rank);
        QCOMPARE(notes.search(QStringLiteral("breakfast club"))->size(), 2);
        CollectedFilter youngInspector;
        youngInspector.authorKey = m_youngInspectorKey;
        const auto rota = *notes.search(QStringLiteral("rota"), youngInspector);
        QCOMPARE(rota.size(), 1);
        QCOMPARE(rota.first().tabletLabel, QStringLiteral("YI tablet"));
        // FTS5 syntax typed into the box is plain text, not a query error.
        QVERIFY(notes.search(QStringLiteral("rota\" OR NEAR(")).ok());
        QVERIFY(notes.search(QStringLiteral("   "))->isEmpty());
    }

    // A leader's vault from before version 6 gets its collected notes indexed on upgrade.
    void notesCollectedBeforeTheIndexAreIndexedOnUpgrade()
    {
        QTemporaryDir directory;
        SecureBytes key(32);
        randombytes_buf(key.data(), key.size());
        auto database = SqliteDatabase::openEncrypted(directory.filePath(QStringLiteral("notes.db")), key, SqliteDatabase::OpenMode::CreateNew);
        QVERIFY(database.ok());
        QVERIFY(migrateSchema(**database, 5).ok());
        const SignedNote note = signedNote(m_reviewer, m_reviewer.addSignedNote(QStringLiteral("Collected by an older version")));
        auto insert = (*database)->prepare("INSERT INTO collected_notes (hash, review_id, author_key, sequence, note, verdict, collected_at) "
                                           "VALUES (?1, 'r', ?2, ?3, ?4, 'valid', '2026-11-30T10:00:00.000Z')");
        QVERIFY(insert.ok());
        insert->bindBlob(1, note.hash).bindBlob(2, note.content.authorKey).bind(3, note.content.sequence)
            .bind(4, QString::fromUtf8(QJsonDocument(signedNoteToJson(note)).toJson(QJsonDocument::Compact)));
        QVERIFY(insert->run().ok());
        QVERIFY(migrateSchema(**database).ok());
        QCOMPARE(*(*database)->queryInteger("SELECT count(*) FROM collected_index WHERE review_id = 'r'"), 1);
        QCOMPARE(*(*database)->queryInteger("SELECT count(*) FROM collected_fts WHERE collected_fts MATCH 'older'"), 1);
        // The index follows signed notes: it does not change.
        QVERIFY(!(*database)->exec("UPDATE collected_index SET text = 'rewritten'").ok());
    }
};

QTEST_GUILESS_MAIN(TestCollectedNotes)
#include "tst_collectednotes.moc"
