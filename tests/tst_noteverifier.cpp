#include "noteverifier.h"

#include <QTest>

#include <sodium.h>

using namespace fieldnotes;

namespace {
struct Author {
    QByteArray publicKey;
    SecureBytes secretKey;

    Author() : secretKey(crypto_sign_SECRETKEYBYTES)
    {
        publicKey.resize(crypto_sign_PUBLICKEYBYTES);
        crypto_sign_keypair(reinterpret_cast<unsigned char *>(publicKey.data()), secretKey.data());
    }

    /// A chain of n signed notes, as a device would produce it.
    QList<SignedNote> chain(int n) const
    {
        QList<SignedNote> notes;
        QByteArray previous("");
        for (int i = 1; i <= n; ++i) {
            SignedNoteContent content;
            content.id = QStringLiteral("note-%1").arg(i);
            content.reviewId = QStringLiteral("review");
            content.engagementId = QStringLiteral("engagement");
            content.kind = NoteKind::Statement;
            content.text = QStringLiteral("Statement number %1").arg(i);
            content.amendsHash = QByteArray("");
            content.createdAt = QDateTime(QDate(2026, 4, 19), QTime(10, i), Qt::UTC);
            content.signedAt = content.createdAt.addSecs(30);
            content.authorKey = publicKey;
            content.sequence = i;
            content.previousHash = previous;
            notes << signNoteContent(content, secretKey);
            previous = notes.last().hash;
        }
        return notes;
    }
};
} // namespace

class TestNoteVerifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(sodium_init() >= 0); }

    void anUntouchedChainIsValid()
    {
        Author author;
        const VerificationReport report = verifyNotes(author.chain(5), {author.publicKey});
        QVERIFY(report.allValid());
        QCOMPARE(report.notes.size(), 5);
        QVERIFY(report.missingSequences.isEmpty());
    }

    void eachAlteredFieldIsCaughtAndNamed_data()
    {
        QTest::addColumn<QString>("field");
        for (const char *field : {"id", "review", "engagement", "kind", "text", "evidence_asked", "evidence_given", "amends",
                                  "created_at", "signed_at", "sequence", "previous_hash", "hash"})
            QTest::newRow(field) << QString::fromLatin1(field);
    }

    void eachAlteredFieldIsCaughtAndNamed()
    {
        QFETCH(QString, field);
        Author author;
        QList<SignedNote> notes = author.chain(3);
        SignedNote &note = notes[1];
        SignedNoteContent &c = note.content;
        if (field == QLatin1String("id")) c.id = QStringLiteral("note-99");
        else if (field == QLatin1String("review")) c.reviewId = QStringLiteral("other review");
        else if (field == QLatin1String("engagement")) c.engagementId = QStringLiteral("other engagement");
        else if (field == QLatin1String("kind")) c.kind = NoteKind::GoodPractice;
        else if (field == QLatin1String("text")) c.text = QStringLiteral("Something nobody said");
        else if (field == QLatin1String("evidence_asked")) c.evidenceAsked = true;
        else if (field == QLatin1String("evidence_given")) c.evidenceGiven = true;
        else if (field == QLatin1String("amends")) c.amendsHash = QByteArray(32, 'x');
        else if (field == QLatin1String("created_at")) c.createdAt = c.createdAt.addDays(-1);
        else if (field == QLatin1String("signed_at")) c.signedAt = c.signedAt.addSecs(3600);
        else if (field == QLatin1String("sequence")) c.sequence = 7;
        else if (field == QLatin1String("previous_hash")) c.previousHash = QByteArray(32, 'p');
        else if (field == QLatin1String("hash")) note.hash[0] = char(note.hash[0] ^ 0x40);

        const VerificationReport report = verifyNotes(notes, {author.publicKey});
        const NoteVerification &verdict = report.notes[1];
        QVERIFY(verdict.problems & NoteProblem::AlteredContent);
        QVERIFY2(verdict.alteredFields.contains(field), qPrintable(verdict.alteredFields.join(QLatin1Char(','))));
        QVERIFY(!(verdict.problems & NoteProblem::BadSignature));
        QVERIFY(report.notes[0].isValid());
        QVERIFY(verdict.describe().join(QLatin1Char('\n')).contains(field));
    }

    // Row 7 of RELIABILITY.md: every byte of the signed bytes and of the signature flipped in turn.
    void everyFlippedByteIsRejected()
    {
        Author author;
        const QList<SignedNote> original = author.chain(1);
        const SignedNote &note = original.first();
        for (int part = 0; part < 2; ++part) {
            const QByteArray &bytes = part == 0 ? note.canonical : note.signature;
            for (qsizetype i = 0; i < bytes.size(); ++i) {
                SignedNote tampered = note;
                QByteArray &target = part == 0 ? tampered.canonical : tampered.signature;
                target[i] = char(target[i] ^ 0x01);
                const VerificationReport report = verifyNotes({tampered}, {author.publicKey});
                QVERIFY2(report.notes.first().problems & NoteProblem::BadSignature,
                         qPrintable(QStringLiteral("%1 byte %2").arg(part == 0 ? QStringLiteral("canonical") : QStringLiteral("signature")).arg(i)));
            }
        }
    }

    void aForeignKeyIsUnknownAndAKeySwapBreaksTheSignature()
    {
        Author author;
        Author stranger;
        QList<SignedNote> notes = author.chain(2);
        QVERIFY(verifyNotes(notes, {stranger.publicKey}).notes[0].problems & NoteProblem::UnknownAuthor);

        notes[1].content.authorKey = stranger.publicKey;
        const NoteVerification verdict = verifyNotes(notes, {author.publicKey, stranger.publicKey}).notes[1];
        QVERIFY(verdict.problems & NoteProblem::BadSignature);
        QVERIFY(verdict.alteredFields.contains(QStringLiteral("public_key")));
    }

    void gapsAreReportedWithTheirNumbers()
    {
        Author author;
        QList<SignedNote> notes = author.chain(7);
        notes.removeAt(5); // sequence 6
        notes.removeAt(2); // sequence 3
        notes.removeAt(1); // sequence 2
        const VerificationReport report = verifyNotes(notes, {author.publicKey});
        QCOMPARE(report.missingSequences.value(author.publicKey), (QList<qint64>{2, 3, 6}));
        QCOMPARE(report.notes[1].sequence, 4);
        QVERIFY(report.notes[1].problems & NoteProblem::MissingSequence);
        QCOMPARE(report.notes[1].missingBefore, (QList<qint64>{2, 3}));
        QVERIFY(report.notes[0].isValid());
        QVERIFY(!report.allValid());
    }

    void duplicateSequenceNumbersAreFlaggedOnBoth()
    {
        Author author;
        QList<SignedNote> notes = author.chain(2);
        // A second, different note signed with sequence number 2 (a forked or rolled-back device).
        SignedNoteContent fork = notes[1].content;
        fork.id = QStringLiteral("note-fork");
        fork.text = QStringLiteral("Another note claiming sequence 2");
        notes << signNoteContent(fork, author.secretKey);
        const VerificationReport report = verifyNotes(notes, {author.publicKey});
        QVERIFY(report.notes[0].isValid());
        QVERIFY(report.notes[1].problems & NoteProblem::DuplicateSequence);
        QVERIFY(report.notes[2].problems & NoteProblem::DuplicateSequence);
    }

    void aBrokenChainIsDetected()
    {
        Author author;
        QList<SignedNote> notes = author.chain(3);
        // Re-signed by the same key with a wrong previous hash: signature fine, chain broken.
        SignedNoteContent rewritten = notes[2].content;
        rewritten.previousHash = notes[0].hash;
        notes[2] = signNoteContent(rewritten, author.secretKey);
        const VerificationReport report = verifyNotes(notes, {author.publicKey});
        QVERIFY(report.notes[2].problems & NoteProblem::BrokenChain);
        QVERIFY(!(report.notes[2].problems & NoteProblem::BadSignature));

        QList<SignedNote> firstWithPrevious = author.chain(1);
        SignedNoteContent first = firstWithPrevious[0].content;
        first.previousHash = QByteArray(32, 'z');
        QVERIFY(verifyNotes({signNoteContent(first, author.secretKey)}, {author.publicKey}).notes[0].problems & NoteProblem::BrokenChain);
    }

    void chainsAreCheckedPerAuthor()
    {
        Author a;
        Author b;
        QList<SignedNote> notes = a.chain(3) + b.chain(2);
        std::reverse(notes.begin(), notes.end()); // order of arrival must not matter
        const VerificationReport report = verifyNotes(notes, {a.publicKey, b.publicKey});
        QVERIFY(report.allValid());
    }
};

QTEST_GUILESS_MAIN(TestNoteVerifier)
#include "tst_noteverifier.moc"
