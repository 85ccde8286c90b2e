// The sync formats with real libsodium: roster chains, sealed envelopes, request signatures,
// receipts and enrolment codes, and what each refuses.
#include "enrolmentcode.h"
#include "envelope.h"
#include "notestore.h"
#include "requestsignature.h"
#include "roster.h"
#include "signedenvelopelist.h"
#include "syncencoding.h"
#include "testkeys.h"
#include "testvault.h"

#include <QTest>

#include <sodium.h>

using namespace fieldnotes;
using namespace fieldnotes::sync;
using namespace fieldnotes::test;

namespace {
RosterEntry genesisFor(const KeyPair &leader, const KeyPair &box)
{
    RosterEntry genesis;
    genesis.reviewId = QStringLiteral("review-1");
    genesis.at = QDateTime::currentDateTimeUtc();
    genesis.leaderKey = leader.publicKey;
    genesis.leaderBoxKey = box.publicKey;
    genesis.archiveKey = signingKeys().publicKey;
    genesis.archiveUrl = QStringLiteral("https://127.0.0.1:8443");
    return signRosterEntry(genesis, leader.secretKey);
}

RosterEntry next(const Roster &roster, RosterEntry::Type type, const QByteArray &device, const KeyPair &leader)
{
    RosterEntry entry;
    entry.reviewId = roster.genesis().reviewId;
    entry.sequence = roster.lastSequence() + 1;
    entry.previousHash = roster.lastHash();
    entry.type = type;
    entry.at = QDateTime::currentDateTimeUtc();
    entry.deviceKey = device;
    entry.role = QStringLiteral("reviewer");
    return signRosterEntry(entry, leader.secretKey);
}
} // namespace

class TestSyncFormats : public QObject
{
    Q_OBJECT

private slots:
    void rosterVerifiesAndTracksMembership()
    {
        const KeyPair leader = signingKeys();
        const KeyPair box = boxKeys();
        auto roster = Roster::fromEntries({genesisFor(leader, box)}, leader.publicKey);
        QVERIFY(roster.ok());
        const QByteArray device = signingKeys().publicKey;
        QVERIFY(roster->append(next(*roster, RosterEntry::Type::Member, device, leader)).ok());
        QVERIFY(roster->isActiveMember(device));
        QCOMPARE(roster->role(device), QStringLiteral("reviewer"));
        QVERIFY(roster->append(next(*roster, RosterEntry::Type::Revocation, device, leader)).ok());
        QVERIFY(roster->isMember(device));
        QVERIFY(roster->revokedAt(device).has_value());
        QVERIFY(!roster->isActiveMember(device));

        // What went over the wire reads back into the same verified roster.
        QList<RosterEntry> copies;
        for (const RosterEntry &entry : roster->entries())
            copies << *RosterEntry::fromJson(entry.toJson());
        QVERIFY(Roster::fromEntries(copies, leader.publicKey).ok());
    }

    void rosterRefusesWhatTheLeaderDidNotSign()
    {
        const KeyPair leader = signingKeys();
        const KeyPair box = boxKeys();
        const RosterEntry genesis = genesisFor(leader, box);
        // Another leader key than the one from the enrolment code.
        QVERIFY(!Roster::fromEntries({genesis}, signingKeys().publicKey).ok());

        auto roster = Roster::fromEntries({genesis}, leader.publicKey);
        const QByteArray device = signingKeys().publicKey;
        RosterEntry forged = next(*roster, RosterEntry::Type::Member, device, leader);
        forged.role = QStringLiteral("team-leader"); // changed after signing
        QVERIFY(!roster->append(forged).ok());

        const KeyPair intruder = signingKeys();
        QVERIFY(!roster->append(next(*roster, RosterEntry::Type::Member, device, intruder)).ok());

        RosterEntry unchained = next(*roster, RosterEntry::Type::Member, device, leader);
        unchained.previousHash = QByteArray(32, 'x');
        QVERIFY(!roster->append(signRosterEntry(unchained, leader.secretKey)).ok());

        RosterEntry skipped = next(*roster, RosterEntry::Type::Member, device, leader);
        skipped.sequence += 1;
        QVERIFY(!roster->append(signRosterEntry(skipped, leader.secretKey)).ok());

        QVERIFY(!roster->append(next(*roster, RosterEntry::Type::Revocation, device, leader)).ok()); // not a member
        QCOMPARE(roster->lastSequence(), 1);
    }

    void envelopeOpensOnlyForTheLeaderAndBindsEverything()
    {
        ScratchVault scratch;
        const QString id = scratch.addSignedNote(QStringLiteral("the breakfast club doubled attendance"));
        const SignedNote note = *scratch.vault->store().signedNote(id);
        const KeyPair box = boxKeys();
        auto envelope = sealNote(note, {box.publicKey}, scratch.vault->identity());
        QVERIFY(envelope.ok());
        QVERIFY(!envelope->sealed.contains("breakfast"));
        QVERIFY(verifyEnvelopeMetadata(*envelope).ok());

        auto wire = Envelope::fromJson(envelope->toJson());
        QVERIFY(wire.ok());
        auto opened = openEnvelope(*wire, box.publicKey, box.secretKey);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        QCOMPARE(opened->note.hash, note.hash);
        QCOMPARE(opened->note.content.text, note.content.text);
        QVERIFY(!opened->engagement); // sealed without a record: the v1 form, as before records travelled

        const KeyPair otherBox = boxKeys();
        QVERIFY(!openEnvelope(*envelope, otherBox.publicKey, otherBox.secretKey).ok());
    }

    void engagementRecordTravelsSignedInsideTheSeal()
    {
        ScratchVault tablet;
        Engagement engagement = *tablet.vault->store().engagement(tablet.engagementId);
        engagement.participants = {{QStringLiteral("young person"), 7}, {QStringLiteral("youth worker"), 1}};
        engagement.introducer = QStringLiteral("Reviewer A");
        QVERIFY(tablet.vault->store().updateEngagement(engagement).ok());
        const SignedNote note = *tablet.vault->store().signedNote(tablet.addSignedNote(QStringLiteral("the youth club stays open late")));
        const KeyPair box = boxKeys();
        const QDateTime recordedAt = QDateTime::currentDateTimeUtc();
        const EngagementRecord record = signEngagementRecord(engagement, tablet.vault->identity(), recordedAt);
        auto envelope = sealNote(note, {box.publicKey}, tablet.vault->identity(), record);
        QVERIFY(envelope.ok());
        QVERIFY(!envelope->sealed.contains("young person"));

        auto opened = openEnvelope(*envelope, box.publicKey, box.secretKey);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        QVERIFY(opened->engagement);
        QCOMPARE(opened->engagement->engagement, engagement);
        QCOMPARE(opened->engagement->deviceKey, tablet.vault->devicePublicKey());
        QCOMPARE(opened->engagement->hash(), record.hash());
        QVERIFY(EngagementRecord::fromJson(record.toJson()).ok());

        // Only this device's record of the note's own engagement is sealed with it.
        Engagement another = engagement;
        another.id = QStringLiteral("another-engagement");
        QVERIFY(!sealNote(note, {box.publicKey}, tablet.vault->identity(), signEngagementRecord(another, tablet.vault->identity(), recordedAt)).ok());
        ScratchVault other;
        QVERIFY(!sealNote(note, {box.publicKey}, tablet.vault->identity(), signEngagementRecord(engagement, other.vault->identity(), recordedAt)).ok());

        // A record whose fields were changed after signing, or with a field the format does not
        // have, does not verify.
        QJsonObject changed = record.toJson();
        QJsonObject inner = changed.value(QStringLiteral("record")).toObject();
        QJsonObject fields = inner.value(QStringLiteral("engagement")).toObject();
        fields.insert(QStringLiteral("minutes"), fields.value(QStringLiteral("minutes")).toInt() + 30);
        inner.insert(QStringLiteral("engagement"), fields);
        changed.insert(QStringLiteral("record"), inner);
        auto refused = EngagementRecord::fromJson(changed);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("signature does not hold")), qPrintable(refused.error().message));
        QJsonObject extra = record.toJson();
        QJsonObject extraInner = extra.value(QStringLiteral("record")).toObject();
        extraInner.insert(QStringLiteral("names"), QStringLiteral("Jo Bloggs"));
        extra.insert(QStringLiteral("record"), extraInner);
        QVERIFY(!EngagementRecord::fromJson(extra).ok());
    }

    // Swapping the sealed record for another the same device signed (an older one) breaks the
    // author's seal signature, which binds the record's hash.
    void recordSwappedInsideTheSealIsDetected()
    {
        ScratchVault tablet;
        Engagement engagement = *tablet.vault->store().engagement(tablet.engagementId);
        const SignedNote note = *tablet.vault->store().signedNote(tablet.addSignedNote(QStringLiteral("a statement")));
        const KeyPair box = boxKeys();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const Envelope honest = *sealNote(note, {box.publicKey}, tablet.vault->identity(), signEngagementRecord(engagement, tablet.vault->identity(), now));
        engagement.agreedMinutes += 15;
        const EngagementRecord older = signEngagementRecord(engagement, tablet.vault->identity(), now.addSecs(-3600));

        auto plain = openSealedContent(honest, box.publicKey, box.secretKey);
        QVERIFY(plain.ok());
        QJsonObject inner = *parseJsonObject(QByteArray(reinterpret_cast<const char *>(plain->data()), static_cast<qsizetype>(plain->size())));
        inner.insert(QStringLiteral("engagement"), older.toJson());
        Envelope resealed = honest;
        resealed.sealed = *sealForRecipients(canonicalJson(inner), {box.publicKey});
        resealed.hash = blake2b256(resealed.sealed);
        resealed.signature = signDetached(resealed.metadataBytes(), tablet.vault->identity().secretKey);
        auto opened = openEnvelope(resealed, box.publicKey, box.secretKey);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(QStringLiteral("seal signature")), qPrintable(opened.error().message));
    }

    void tamperedEnvelopeOrMetadataIsRefused()
    {
        ScratchVault scratch;
        const SignedNote note = *scratch.vault->store().signedNote(scratch.addSignedNote(QStringLiteral("a statement")));
        const KeyPair box = boxKeys();
        const Envelope envelope = *sealNote(note, {box.publicKey}, scratch.vault->identity());

        Envelope flipped = envelope;
        flipped.sealed[10] = static_cast<char>(flipped.sealed[10] ^ 1);
        QVERIFY(!verifyEnvelopeMetadata(flipped).ok());
        QVERIFY(!openEnvelope(flipped, box.publicKey, box.secretKey).ok());

        Envelope renumbered = envelope;
        renumbered.sequence += 1;
        QVERIFY(!verifyEnvelopeMetadata(renumbered).ok());

        Envelope otherReview = envelope;
        otherReview.reviewId = QStringLiteral("another review");
        QVERIFY(!verifyEnvelopeMetadata(otherReview).ok());
    }

    void noteResealedBySomeoneElseIsDetected()
    {
        ScratchVault author;
        const SignedNote note = *author.vault->store().signedNote(author.addSignedNote(QStringLiteral("said by the author")));
        const KeyPair box = boxKeys();
        const Envelope honest = *sealNote(note, {box.publicKey}, author.vault->identity());

        // Someone holding the leader's public box key puts the author's note in a new box under
        // their own device key: the outer metadata checks out, the seal inside does not.
        ScratchVault other;
        QVERIFY(!sealNote(note, {box.publicKey}, other.vault->identity()).ok()); // the honest API refuses
        auto plain = openSealedContent(honest, box.publicKey, box.secretKey);
        QVERIFY(plain.ok());
        const QByteArray inner(reinterpret_cast<const char *>(plain->data()), static_cast<qsizetype>(plain->size()));
        Envelope resealed = honest;
        resealed.deviceKey = other.vault->devicePublicKey();
        resealed.sealed = *sealForRecipients(inner, {box.publicKey});
        resealed.hash = blake2b256(resealed.sealed);
        resealed.signature = signDetached(resealed.metadataBytes(), other.vault->identity().secretKey);
        QVERIFY(verifyEnvelopeMetadata(resealed).ok());
        auto opened = openEnvelope(resealed, box.publicKey, box.secretKey);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(QStringLiteral("re-sealed")), qPrintable(opened.error().message));
    }

    void requestSignatureCoversMethodPathBodyAndTime()
    {
        const KeyPair device = signingKeys();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const RequestSignature signature =
            RequestSignature::sign("POST", "/v1/reviews/r/envelopes", "{\"a\":1}", device.publicKey, device.secretKey, now);
        auto read = RequestSignature::fromHeaders(signature.headers());
        QVERIFY(read.ok());
        QVERIFY(read->verify("POST", "/v1/reviews/r/envelopes", "{\"a\":1}", now).ok());
        QVERIFY(!read->verify("POST", "/v1/reviews/r/envelopes", "{\"a\":2}", now).ok());
        QVERIFY(!read->verify("PUT", "/v1/reviews/r/envelopes", "{\"a\":1}", now).ok());
        QVERIFY(!read->verify("POST", "/v1/reviews/other/envelopes", "{\"a\":1}", now).ok());
        QVERIFY(!read->verify("POST", "/v1/reviews/r/envelopes", "{\"a\":1}", now.addSecs(301)).ok());
        QVERIFY(!RequestSignature::fromHeaders({{"fieldnotes-key", "zz"}}).ok());
    }

    void receiptVerifiesOnlyAgainstTheArchiveKey()
    {
        const KeyPair archive = signingKeys();
        const Receipt receipt = signEnvelopeList(Receipt{QStringLiteral("r"), signingKeys().publicKey, QDateTime::currentDateTimeUtc(),
                                                         {{3, QByteArray(32, 'h')}, {4, QByteArray(32, 'i')}}, {}},
                                                 archive.secretKey);
        auto wire = Receipt::fromJson(receipt.toJson());
        QVERIFY(wire.ok());
        QVERIFY(wire->verify(archive.publicKey));
        QVERIFY(!wire->verify(signingKeys().publicKey));
        QVERIFY(wire->names({4, QByteArray(32, 'i')}));
        QVERIFY(!wire->names({4, QByteArray(32, 'h')}));
        Receipt moved = *wire;
        moved.envelopes[0].sequence = 5;
        QVERIFY(!moved.verify(archive.publicKey));
        Receipt added = *wire;
        added.envelopes << EnvelopeRef{6, QByteArray(32, 'j')};
        QVERIFY(!added.verify(archive.publicKey));
        // The same list signed as a collected statement is not a receipt, and the other way round.
        const CollectedStatement statement{receipt.reviewId, receipt.deviceKey, receipt.at, receipt.envelopes, receipt.signature};
        QVERIFY(!statement.verify(archive.publicKey));
    }

    void enrolmentCodeRoundTripsAndDamageIsNamed()
    {
        const EnrolmentCode code{QStringLiteral("https://10.0.0.2:8443"), QStringLiteral("ab12"), QStringLiteral("review-1"),
                                 signingKeys().publicKey, boxKeys().publicKey, QByteArray(32, 't')};
        const QString text = code.toText();
        QVERIFY(text.startsWith(QStringLiteral("FN1:")));
        auto read = EnrolmentCode::fromText(QStringLiteral("  ") + text + QStringLiteral("\n"));
        QVERIFY(read.ok());
        QCOMPARE(read->token, code.token);
        QCOMPARE(read->leaderBoxKey, code.leaderBoxKey);
        QCOMPARE(read->archiveUrl, code.archiveUrl);
        QVERIFY(!EnrolmentCode::fromText(QStringLiteral("hello")).ok());
        QVERIFY(!EnrolmentCode::fromText(text.left(text.size() - 10)).ok());
        QVERIFY(!EnrolmentCode::fromText(QStringLiteral("FN1:!!!")).ok());
    }

    void hexAndJsonParsingRefuseBadInput()
    {
        QVERIFY(!fromHex(QStringLiteral("abc")).has_value());
        QVERIFY(!fromHex(QStringLiteral("zz")).has_value());
        QVERIFY(!fromHex(QString::fromUtf8("\xc3\xa9\xc3\xa9")).has_value());
        QCOMPARE(*fromHex(QStringLiteral("00ff")), QByteArray::fromHex("00ff"));
        QVERIFY(!fromHex(QStringLiteral("00ff"), 3).has_value());
        QVERIFY(!parseJsonObject(QByteArray("{\"a\":\"\xff\xfe\"}")).ok());
        QVERIFY(!parseJsonObject("[1,2]").ok());
        QVERIFY(!parseJsonObject("{\"a\":").ok());
        QVERIFY(parseJsonObject("{\"a\":1}").ok());
    }
};

QTEST_GUILESS_MAIN(TestSyncFormats)
#include "tst_syncformats.moc"
