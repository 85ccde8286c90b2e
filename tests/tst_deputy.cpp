// A deputy leader (issue 14, item 2): the team leader enters a deputy's key in the signed roster,
// and the archive and the tablets take the deputy's collection and roster changes as the roster
// says, until the leader revokes it as it would a tablet. Against the real fieldnotes-archive
// process on 127.0.0.1, with the roster's rules checked entry by entry and the sealed format
// checked with two recipients.
#include "archiveclient.h"
#include "archiveprocess.h"
#include "devicesync.h"
#include "envelope.h"
#include "joinrequest.h"
#include "leaderdesk.h"
#include "leaderkit.h"
#include "notestore.h"
#include "roster.h"
#include "signednotejson.h"
#include "sqlitedatabase.h"
#include "syncencoding.h"
#include "syncstore.h"
#include "testkeys.h"
#include "testvault.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <sodium.h>

using namespace fieldnotes;
using namespace fieldnotes::sync;
using namespace fieldnotes::test;

namespace {
// The next entry of a roster, signed by the review key (signer empty) or a deputy's.
RosterEntry next(const Roster &roster, RosterEntry entry, const SecureBytes &secret, const QByteArray &signer = {})
{
    entry.reviewId = roster.genesis().reviewId;
    entry.sequence = roster.lastSequence() + 1;
    entry.previousHash = roster.lastHash();
    entry.at = QDateTime::currentDateTimeUtc();
    return signRosterEntry(entry, secret, signer);
}

RosterEntry member(const QByteArray &device, const QString &role, const QByteArray &boxKey = {})
{
    RosterEntry entry;
    entry.type = RosterEntry::Type::Member;
    entry.deviceKey = device;
    entry.role = role;
    entry.label = role;
    entry.boxKey = boxKey;
    return entry;
}

RosterEntry revocation(const QByteArray &device)
{
    RosterEntry entry;
    entry.type = RosterEntry::Type::Revocation;
    entry.deviceKey = device;
    entry.reason = QStringLiteral("lost");
    return entry;
}

QString message(const Result<void> &result)
{
    return result.ok() ? QString() : result.error().message;
}

Result<void> writeNotes(ScratchVault &tablet, const QString &engagementId, const QString &prefix, int count, QStringList *texts)
{
    for (int n = 0; n < count; ++n) {
        Note note;
        note.engagementId = engagementId;
        note.text = QStringLiteral("%1, note %2: pupils run the lunchtime rota").arg(prefix).arg(n);
        auto draft = tablet.vault->store().createDraft(note);
        if (!draft)
            return draft.error();
        if (auto signedNote = tablet.vault->store().signDraft(draft->id); !signedNote)
            return signedNote.error();
        *texts << note.text;
    }
    return {};
}

QStringList collectedTexts(Vault &vault, const QString &reviewId)
{
    QStringList texts;
    const QList<SignedNote> notes = *SyncStore(vault).collectedNotes(reviewId);
    for (const SignedNote &note : notes)
        texts << note.content.text;
    texts.sort();
    return texts;
}
} // namespace

class TestDeputy : public QObject
{
    Q_OBJECT

    QTemporaryDir m_directory;

private slots:
    void initTestCase()
    {
        QVERIFY(m_directory.isValid());
        QVERIFY(sodium_init() >= 0);
    }

    void theRosterSaysWhatADeputyMaySign()
    {
        const KeyPair review = signingKeys();
        const KeyPair deputy = signingKeys();
        const KeyPair deputyBox = boxKeys();
        const KeyPair tablet = signingKeys();
        RosterEntry genesis;
        genesis.reviewId = QStringLiteral("review-1");
        genesis.at = QDateTime::currentDateTimeUtc();
        genesis.leaderKey = review.publicKey;
        genesis.leaderBoxKey = boxKeys().publicKey;
        genesis.archiveKey = signingKeys().publicKey;
        genesis.archiveUrl = QStringLiteral("http://127.0.0.1:1");
        genesis = signRosterEntry(genesis, review.secretKey);
        auto roster = Roster::fromEntries({genesis}, review.publicKey);
        QVERIFY(roster.ok());

        // A deputy comes with its box key, and only a deputy does.
        QVERIFY(message(roster->append(next(*roster, member(deputy.publicKey, RosterEntry::deputyRole), review.secretKey)))
                    .contains(QStringLiteral("only a deputy leader, is entered with a box key")));
        QVERIFY(!roster->append(next(*roster, member(tablet.publicKey, QStringLiteral("reviewer"), deputyBox.publicKey), review.secretKey)).ok());
        // Signed by anyone but the review key, a deputy is not entered.
        QVERIFY(!roster->append(next(*roster, member(deputy.publicKey, RosterEntry::deputyRole, deputyBox.publicKey), deputy.secretKey,
                                     deputy.publicKey))
                     .ok());
        QVERIFY(roster->append(next(*roster, member(deputy.publicKey, RosterEntry::deputyRole, deputyBox.publicKey), review.secretKey)).ok());
        QCOMPARE(roster->leaderKeys(), (QList<QByteArray>{review.publicKey, deputy.publicKey}));
        QCOMPARE(roster->leaderBoxKeys(), (QList<QByteArray>{genesis.leaderBoxKey, deputyBox.publicKey}));

        // The deputy enrols a tablet under its own name; the entry says who signed it.
        RosterEntry byDeputy = next(*roster, member(tablet.publicKey, QStringLiteral("reviewer")), deputy.secretKey, deputy.publicKey);
        RosterEntry claimedByReview = byDeputy;
        claimedByReview.signer.clear();
        QVERIFY(message(roster->append(claimedByReview)).contains(QStringLiteral("leader's signature does not hold")));
        QVERIFY(roster->append(byDeputy).ok());
        const RosterEntry parsed = *RosterEntry::fromJsonText(canonicalJson(roster->entries().last().toJson()));
        QCOMPARE(parsed.signer, deputy.publicKey);
        QCOMPARE(parsed.hash(), byDeputy.hash());

        // A tablet is no deputy: what it signs is refused.
        const KeyPair other = signingKeys();
        QVERIFY(message(roster->append(next(*roster, member(other.publicKey, QStringLiteral("reviewer")), tablet.secretKey, tablet.publicKey)))
                    .contains(QStringLiteral("not an active deputy leader")));
        // A deputy neither enrols another deputy nor revokes one (itself included).
        const KeyPair second = signingKeys();
        QVERIFY(message(roster->append(next(*roster, member(second.publicKey, RosterEntry::deputyRole, boxKeys().publicKey), deputy.secretKey,
                                            deputy.publicKey)))
                    .contains(QStringLiteral("only the review key")));
        QVERIFY(!roster->append(next(*roster, revocation(deputy.publicKey), deputy.secretKey, deputy.publicKey)).ok());

        // Revoked, like a tablet: it signs nothing more, and notes are no longer sealed to it.
        QVERIFY(roster->append(next(*roster, revocation(deputy.publicKey), review.secretKey)).ok());
        QCOMPARE(roster->leaderKeys(), QList<QByteArray>{review.publicKey});
        QCOMPARE(roster->leaderBoxKeys(), QList<QByteArray>{genesis.leaderBoxKey});
        QVERIFY(message(roster->append(next(*roster, revocation(tablet.publicKey), deputy.secretKey, deputy.publicKey)))
                    .contains(QStringLiteral("not an active deputy leader")));
        // The entries it signed while active still verify, in order, from the genesis entry.
        QVERIFY(Roster::fromEntries(roster->entries(), review.publicKey).ok());
    }

    void aNoteSealedToTwoLeadersOpensForEachAndNoOneElse()
    {
        ScratchVault author;
        const SignedNote note = *author.vault->store().signedNote(author.addSignedNote(QStringLiteral("said to both leaders")));
        const KeyPair leader = boxKeys();
        const KeyPair deputy = boxKeys();
        const KeyPair stranger = boxKeys();
        auto envelope = sealNote(note, {leader.publicKey, deputy.publicKey}, author.vault->identity());
        QVERIFY(envelope.ok());
        QVERIFY(!envelope->sealed.contains(note.content.text.toUtf8()));
        for (const KeyPair *keys : {&leader, &deputy}) {
            auto opened = openEnvelope(*envelope, keys->publicKey, keys->secretKey);
            QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
            QCOMPARE(opened->note.hash, note.hash);
        }
        auto refused = openEnvelope(*envelope, stranger.publicKey, stranger.secretKey);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::NotFound);

        // A recipient dropped by re-sealing the same inner bytes to the leader alone: the author's
        // seal signature named both, so the leader sees the change.
        auto plain = openSealedContent(*envelope, leader.publicKey, leader.secretKey);
        QVERIFY(plain.ok());
        Envelope narrowed = *envelope;
        narrowed.sealed = *sealForRecipients(QByteArray(reinterpret_cast<const char *>(plain->data()), qsizetype(plain->size())), {leader.publicKey});
        narrowed.hash = blake2b256(narrowed.sealed);
        narrowed.signature = signDetached(narrowed.metadataBytes(), author.vault->identity().secretKey);
        auto opened = openEnvelope(narrowed, leader.publicKey, leader.secretKey);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(QStringLiteral("another recipient")), qPrintable(opened.error().message));

        // A recipient's slot swapped for another key's fails the header's authentication.
        Envelope swapped = *envelope;
        swapped.sealed.replace(5, crypto_box_PUBLICKEYBYTES, stranger.publicKey);
        QVERIFY(!openSealedContent(swapped, leader.publicKey, leader.secretKey).ok());

        // An envelope of the first format (one crypto_box_seal to the review's key) still opens.
        const QByteArray seal = "fieldnotes-seal-v1\n" + note.content.reviewId.toUtf8() + '\n' + leader.publicKey.toHex() + '\n' + note.hash.toHex();
        const QByteArray inner = canonicalJson(QJsonObject{
            {QStringLiteral("v"), 1},
            {QStringLiteral("review"), note.content.reviewId},
            {QStringLiteral("recipient"), toHex(leader.publicKey)},
            {QStringLiteral("note"), signedNoteToJson(note)},
            {QStringLiteral("seal_signature"), toHex(signDetached(seal, author.vault->identity().secretKey))}});
        Envelope first = *envelope;
        first.sealed.resize(inner.size() + crypto_box_SEALBYTES);
        crypto_box_seal(reinterpret_cast<unsigned char *>(first.sealed.data()), reinterpret_cast<const unsigned char *>(inner.constData()),
                        quint64(inner.size()), reinterpret_cast<const unsigned char *>(leader.publicKey.constData()));
        first.hash = blake2b256(first.sealed);
        first.signature = signDetached(first.metadataBytes(), author.vault->identity().secretKey);
        auto old = openEnvelope(first, leader.publicKey, leader.secretKey);
        QVERIFY2(old.ok(), old.ok() ? "" : qPrintable(old.error().message));
        QCOMPARE(old->note.hash, note.hash);
    }

    void aDeputyCollectsAndKeepsTheRosterUntilRevoked()
    {
        const QString passphraseFile = writeArchivePassphrase(m_directory.path());
        const QString data = m_directory.filePath(QStringLiteral("archive"));
        ArchiveProcess archive(QStringLiteral(FIELDNOTES_ARCHIVE),
                               {QStringLiteral("--data"), data, QStringLiteral("--passphrase-file"), passphraseFile,
                                QStringLiteral("--plain-http"), QStringLiteral("--kdf"), QStringLiteral("interactive")});
        QVERIFY2(archive.start(), qPrintable(archive.output()));

        ScratchVault leader;
        const QString reviewId = leader.reviewId;
        QVERIFY(LeaderDesk(*leader.vault).createReview(reviewId, archive.url(), {},
                                                       issueReviewCode(QStringLiteral(FIELDNOTES_ARCHIVE), data, passphraseFile))
                    .ok());
        QVERIFY(keepRecoveryKit(*leader.vault, reviewId));

        // The deputy joins with a code the leader made for a deputy; a tablet cannot use such a
        // code, nor become a deputy with a tablet's code.
        ScratchVault deputy;
        auto deputyCode = LeaderDesk(*leader.vault).invite(reviewId, 1, true);
        QVERIFY(deputyCode.ok());
        auto joined = DeviceSync(*deputy.vault).join(*deputyCode, RosterEntry::deputyRole, QStringLiteral("deputy's tablet"));
        QVERIFY2(joined.ok(), qPrintable(message(joined)));
        ScratchVault pretender;
        auto tabletCode = LeaderDesk(*leader.vault).invite(reviewId, 1);
        {
            // A deputy's join without its box key is refused in words, and uses up nothing.
            ArchiveClient client(QUrl(archive.url()), {}, DeviceIdentity{pretender.vault->devicePublicKey(),
                                                                          SecureBytes::copyOf(pretender.vault->identity().secretKey.data(),
                                                                                              pretender.vault->identity().secretKey.size())});
            const ArchiveReply refused = client.send(
                "POST", reviewPath(reviewId, "join"),
                QJsonObject{{QStringLiteral("token_id"), toHex(JoinRequest::tokenIdOf(tabletCode->token))},
                            {QStringLiteral("mac"), toHex(JoinRequest::macOf(tabletCode->token, reviewId, pretender.vault->devicePublicKey(),
                                                                             RosterEntry::deputyRole, QStringLiteral("not a deputy")))},
                            {QStringLiteral("role"), RosterEntry::deputyRole},
                            {QStringLiteral("label"), QStringLiteral("not a deputy")}});
            QCOMPARE(refused.status, 400);
            QVERIFY2(refused.error.contains(QStringLiteral("box_key")), qPrintable(refused.error));
        }
        QVERIFY(DeviceSync(*pretender.vault).join(*tabletCode, RosterEntry::deputyRole, QStringLiteral("not a deputy")).ok());
        auto pending = LeaderDesk(*leader.vault).pendingJoins(reviewId);
        QVERIFY(pending.ok());
        QCOMPARE(pending->size(), 2);
        for (const JoinRequest &join : *pending) {
            if (join.deviceKey == pretender.vault->devicePublicKey())
                QVERIFY2(join.problem.contains(QStringLiteral("code made for a tablet")), qPrintable(join.problem));
            else
                QVERIFY2(join.problem.isEmpty(), qPrintable(join.problem));
        }
        auto approved = LeaderDesk(*leader.vault).approve(reviewId);
        QVERIFY(approved.ok());
        QCOMPARE(approved->size(), 1);
        const QByteArray deputyKey = deputy.vault->devicePublicKey();
        const QByteArray deputyBox = *SyncStore(*deputy.vault).deputyBoxKey(reviewId); // made when it joined
        QVERIFY(!SyncStore(*deputy.vault).reviewKeys(reviewId)->has_value());             // no desk until the roster says so
        {
            auto roster = Roster::fromEntries(*SyncStore(*leader.vault).rosterEntries(reviewId),
                                              (*SyncStore(*leader.vault).reviewKeys(reviewId))->signingPublic);
            QVERIFY(roster.ok());
            QVERIFY(roster->isActiveDeputy(deputyKey));
            QCOMPARE(roster->leaderBoxKeys().last(), deputyBox);
        }
        QCOMPARE(DeviceSync(*deputy.vault).syncOnce()->enrolmentState, QStringLiteral("enrolled"));
        QVERIFY((*SyncStore(*deputy.vault).reviewKeys(reviewId))->isDeputy());
        QCOMPARE((*SyncStore(*deputy.vault).reviewKeys(reviewId))->boxPublic, deputyBox);

        // A tablet the leader approved sends notes: sealed to both leaders.
        ScratchVault tablet;
        QVERIFY(DeviceSync(*tablet.vault).join(*LeaderDesk(*leader.vault).invite(reviewId, 1), QStringLiteral("reviewer"),
                                               QStringLiteral("tablet A"))
                    .ok());
        QCOMPARE(LeaderDesk(*leader.vault).approve(reviewId)->size(), 1);
        QVERIFY(LeaderDesk(*leader.vault).setRetentionDays(reviewId, 0).ok());
        QVERIFY(DeviceSync(*tablet.vault).syncOnce().ok());
        QStringList texts;
        QVERIFY(writeNotes(tablet, leader.engagementId, QStringLiteral("tablet A"), 4, &texts).ok());
        QCOMPARE(DeviceSync(*tablet.vault).syncOnce()->delivered, 4);

        // The deputy invites and approves a second tablet: its entry, signed by the deputy, is
        // taken by the archive and by the tablets.
        LeaderDesk deputyDesk(*deputy.vault);
        ScratchVault second;
        auto secondCode = deputyDesk.invite(reviewId, 1);
        QVERIFY2(secondCode.ok(), secondCode.ok() ? "" : qPrintable(secondCode.error().message));
        QCOMPARE(secondCode->leaderKey, (*SyncStore(*leader.vault).reviewKeys(reviewId))->signingPublic);
        QVERIFY(DeviceSync(*second.vault).join(*secondCode, QStringLiteral("young-inspector"), QStringLiteral("tablet B")).ok());
        auto approvedByDeputy = deputyDesk.approve(reviewId);
        QVERIFY2(approvedByDeputy.ok(), approvedByDeputy.ok() ? "" : qPrintable(approvedByDeputy.error().message));
        QCOMPARE(approvedByDeputy->size(), 1);
        QCOMPARE(DeviceSync(*second.vault).syncOnce()->enrolmentState, QStringLiteral("enrolled"));
        QVERIFY(writeNotes(second, leader.engagementId, QStringLiteral("tablet B"), 2, &texts).ok());
        QCOMPARE(DeviceSync(*second.vault).syncOnce()->delivered, 2);
        {
            const QList<RosterEntry> entries = *SyncStore(*second.vault).rosterEntries(reviewId);
            QCOMPARE(entries.last().signer, deputyKey);
        }
        // Only the team leader makes a deputy.
        auto noDeputy = deputyDesk.invite(reviewId, 1, true);
        QVERIFY(!noDeputy.ok());
        QVERIFY(noDeputy.error().message.contains(QStringLiteral("only the team leader")));
        QVERIFY(!deputyDesk.makeRecoveryKit(reviewId, secret("a recovery passphrase")).ok());

        // The deputy collects: every note opens and verifies, and its signed word that it holds
        // them is what the tablets act on (retention 0: the text goes from the tablets).
        auto collected = deputyDesk.collect(reviewId);
        QVERIFY2(collected.ok(), collected.ok() ? "" : qPrintable(collected.error().message));
        QCOMPARE(collected->newNotes, 6);
        QCOMPARE(collected->sealedForOthers, 0);
        for (const DeviceCollection &device : collected->devices) {
            QVERIFY2(device.problems.isEmpty(), qPrintable(device.problems.join(QStringLiteral("; "))));
            QVERIFY(device.missing.isEmpty());
        }
        texts.sort();
        QCOMPARE(collectedTexts(*deputy.vault, reviewId), texts);
        QCOMPARE(*deputyDesk.retentionDays(reviewId), 0); // the leader's set-up, taken in
        auto afterDeputy = DeviceSync(*tablet.vault).syncOnce();
        QVERIFY(afterDeputy.ok());
        QCOMPARE(afterDeputy->collected, 4);
        QCOMPARE(afterDeputy->untrustedStatements, 0);
        QCOMPARE(afterDeputy->contentRemoved, 4);

        // The deputy publishes the set-up (a longer retention period): the tablets take it, and
        // the leader's own next set-up counts on from it.
        QVERIFY(deputyDesk.setRetentionDays(reviewId, 30).ok());
        QVERIFY(DeviceSync(*second.vault).syncOnce().ok());
        QCOMPARE((*SyncStore(*second.vault).enrolment())->retentionDays, 30);

        // The team leader collects the same notes, each once.
        auto leaderReport = LeaderDesk(*leader.vault).collect(reviewId);
        QVERIFY2(leaderReport.ok(), leaderReport.ok() ? "" : qPrintable(leaderReport.error().message));
        QCOMPARE(leaderReport->newNotes, 6);
        QCOMPARE(collectedTexts(*leader.vault, reviewId), texts);
        QCOMPARE(*LeaderDesk(*leader.vault).retentionDays(reviewId), 30);

        // Never on a deputy's word does the archive remove an envelope.
        {
            DeviceIdentity identity{deputyKey, SecureBytes::copyOf(deputy.vault->identity().secretKey.data(), deputy.vault->identity().secretKey.size())};
            ArchiveClient client(QUrl(archive.url()), {}, std::move(identity));
            const ArchivedStatement archived = signEnvelopeList(
                ArchivedStatement{reviewId, tablet.vault->devicePublicKey(), QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC),
                                  {}, {}},
                deputy.vault->identity().secretKey);
            const ArchiveReply posted = client.send("POST", reviewPath(reviewId, "archived"),
                                                    QJsonObject{{QStringLiteral("statements"), QJsonArray{archived.toJson()}}});
            QCOMPARE(posted.status, 400);
            QVERIFY(deputyDesk.setArchiveRetentionDays(reviewId, 0).ok());
            auto signedByDeputy = deputyDesk.signArchivedStatements(reviewId, {});
            QVERIFY(!signedByDeputy.ok());
            QVERIFY(signedByDeputy.error().message.contains(QStringLiteral("only the review's key")));
        }

        // The deputy revokes tablet B like the leader would.
        QVERIFY(deputyDesk.revoke(reviewId, second.vault->devicePublicKey(), QStringLiteral("lost on the bus")).ok());
        QCOMPARE(DeviceSync(*second.vault).syncOnce()->enrolmentState, QStringLiteral("revoked"));

        // The leader revokes the deputy: the archive stops taking its word, its entries and
        // statements; tablets carry on with a set-up the leader signed again, and seal new notes
        // to the review's key alone.
        QVERIFY(LeaderDesk(*leader.vault).revoke(reviewId, deputyKey, QStringLiteral("left the team")).ok());
        auto refused = deputyDesk.collect(reviewId);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("deputy leader was revoked")), qPrintable(refused.error().message));
        QVERIFY(!deputyDesk.invite(reviewId, 1).ok());
        {
            // Even signed well and sent straight to the archive, its roster entry is refused.
            auto entries = *SyncStore(*leader.vault).rosterEntries(reviewId);
            auto roster = Roster::fromEntries(entries, (*SyncStore(*leader.vault).reviewKeys(reviewId))->signingPublic);
            QVERIFY(roster.ok());
            const KeyPair stranger = signingKeys();
            const RosterEntry late = next(*roster, member(stranger.publicKey, QStringLiteral("reviewer")), deputy.vault->identity().secretKey, deputyKey);
            DeviceIdentity identity{deputyKey, SecureBytes::copyOf(deputy.vault->identity().secretKey.data(), deputy.vault->identity().secretKey.size())};
            ArchiveClient client(QUrl(archive.url()), {}, std::move(identity));
            const ArchiveReply posted = client.send("POST", reviewPath(reviewId, "roster"), late.toJson());
            QCOMPARE(posted.status, 403);
        }
        auto afterRevocation = DeviceSync(*tablet.vault).syncOnce();
        QVERIFY2(afterRevocation.ok(), afterRevocation.ok() ? "" : qPrintable(afterRevocation.error().message));
        QVERIFY(writeNotes(tablet, leader.engagementId, QStringLiteral("tablet A, later"), 1, &texts).ok());
        QCOMPARE(DeviceSync(*tablet.vault).syncOnce()->delivered, 1);
        auto last = LeaderDesk(*leader.vault).collect(reviewId);
        QVERIFY(last.ok());
        QCOMPARE(last->newNotes, 1);
        // The newest envelope the tablet sent opens for the review's key, not for the deputy's.
        auto outbox = tablet.vault->database().prepare("SELECT envelope FROM outbox ORDER BY sequence DESC LIMIT 1");
        QVERIFY(outbox.ok());
        QVERIFY(*outbox->next());
        auto envelope = Envelope::fromJson(*parseJsonObject(outbox->text(0).toUtf8()));
        QVERIFY(envelope.ok());
        const ReviewKeys deputyKeys = std::move(**SyncStore(*deputy.vault).reviewKeys(reviewId));
        auto notForDeputy = openEnvelope(*envelope, deputyKeys.boxPublic, deputyKeys.boxSecret);
        QVERIFY(!notForDeputy.ok());
        QCOMPARE(notForDeputy.error().code, ErrorCode::NotFound);
        const ReviewKeys leaderKeys = std::move(**SyncStore(*leader.vault).reviewKeys(reviewId));
        QVERIFY(openEnvelope(*envelope, leaderKeys.boxPublic, leaderKeys.boxSecret).ok());
    }
};

QTEST_GUILESS_MAIN(TestDeputy)
#include "tst_deputy.moc"
