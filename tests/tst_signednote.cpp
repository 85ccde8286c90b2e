#include "signednote.h"
#include "signednotejson.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QCborMap>
#include <QCborValue>
#include <QTest>

#include <sodium.h>

using namespace fieldnotes;

class TestSignedNote : public QObject
{
    Q_OBJECT

private:
    QJsonObject m_vector;
    SecureBytes m_secretKey;
    SignedNoteContent m_content;

private slots:
    void initTestCase()
    {
        QFile file(QStringLiteral(FIELDNOTES_TEST_DATA "/signed-note-vector.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_vector = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(!m_vector.isEmpty());
        QVERIFY(sodium_init() >= 0);
        const QByteArray seed = QByteArray::fromHex(m_vector.value(QLatin1String("secret_seed_hex")).toString().toLatin1());
        unsigned char publicKey[crypto_sign_PUBLICKEYBYTES];
        m_secretKey = SecureBytes(crypto_sign_SECRETKEYBYTES);
        crypto_sign_seed_keypair(publicKey, m_secretKey.data(), reinterpret_cast<const unsigned char *>(seed.constData()));
        auto parsed = signedNoteFromJson(m_vector);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
        m_content = parsed->content;
        QCOMPARE(m_content.authorKey, QByteArray(reinterpret_cast<const char *>(publicKey), crypto_sign_PUBLICKEYBYTES));
    }

    // The worked example of docs/signed-note-format.md, byte for byte.
    void testVectorEncodesSignsAndHashesExactly()
    {
        const SignedNote note = signNoteContent(m_content, m_secretKey);
        QCOMPARE(note.canonical.toHex(), m_vector.value(QLatin1String("canonical_hex")).toString().toLatin1());
        QCOMPARE(note.signature.toHex(), m_vector.value(QLatin1String("signature_hex")).toString().toLatin1());
        QCOMPARE(note.hash.toHex(), m_vector.value(QLatin1String("hash")).toString().toLatin1());
        QCOMPARE(QJsonDocument(signedNoteToJson(note)).object().value(QLatin1String("canonical")), m_vector.value(QLatin1String("canonical")));
    }

    // Format 2 (who signed, inside the signed bytes): its vector was made with cbor2 and openssl
    // (tests/make_signed_note_vector.py); this encoder must agree byte for byte. Format 1 notes,
    // as above, still verify.
    void formatTwoVectorMadeWithStandardToolsIsReproducedExactly()
    {
        QFile file(QStringLiteral(FIELDNOTES_TEST_DATA "/signed-note-vector-v2.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject vector = QJsonDocument::fromJson(file.readAll()).object();
        auto parsed = signedNoteFromJson(vector);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
        QCOMPARE(parsed->content.formatVersion, 2);
        QCOMPARE(parsed->content.signerRole, QStringLiteral("reviewer"));
        QCOMPARE(parsed->content.signerLabel, QStringLiteral("Reviewer B"));
        const SignedNote note = signNoteContent(parsed->content, m_secretKey);
        QCOMPARE(note.canonical.toHex(), vector.value(QLatin1String("canonical_hex")).toString().toLatin1());
        QCOMPARE(note.signature.toHex(), vector.value(QLatin1String("signature_hex")).toString().toLatin1());
        QCOMPARE(note.hash.toHex(), vector.value(QLatin1String("hash")).toString().toLatin1());
        const auto decoded = decodeCanonicalNote(note.canonical);
        QVERIFY(decoded.has_value());
        QCOMPARE(decoded->signerLabel, QStringLiteral("Reviewer B"));
        QVERIFY(*decoded == parsed->content);
        QCOMPARE(decodeCanonicalNote(m_vector.value(QLatin1String("canonical_hex")).toString().toLatin1().isEmpty()
                                         ? QByteArray() : QByteArray::fromHex(m_vector.value(QLatin1String("canonical_hex")).toString().toLatin1()))
                     ->formatVersion, 1);
        // A signer changed after signing is a different note: the signature no longer covers it.
        SignedNoteContent forged = parsed->content;
        forged.signerLabel = QStringLiteral("Team leader");
        QVERIFY(encodeCanonicalNote(forged) != note.canonical);
        QCOMPARE(differingFields(forged, parsed->content), QStringList{QStringLiteral("signer_label")});
    }

    void canonicalEncodingRoundTrips()
    {
        const QByteArray canonical = encodeCanonicalNote(m_content);
        const auto decoded = decodeCanonicalNote(canonical);
        QVERIFY(decoded.has_value());
        QVERIFY(*decoded == m_content);
    }

    void mapKeysAreInDeterministicOrder()
    {
        // RFC 8949 core deterministic encoding: keys sorted by their encoded bytes (shorter first).
        const QByteArray canonical = encodeCanonicalNote(m_content);
        QCOMPARE(quint8(canonical.at(0)), quint8(0xa0 + 15)); // the vector is of format 1
        const QStringList expected{QStringLiteral("v"), QStringLiteral("id"), QStringLiteral("seq"), QStringLiteral("kind"),
                                   QStringLiteral("prev"), QStringLiteral("text"), QStringLiteral("type"), QStringLiteral("amends"),
                                   QStringLiteral("author"), QStringLiteral("review"), QStringLiteral("signed"),
                                   QStringLiteral("created"), QStringLiteral("engagement"), QStringLiteral("evidence_asked"),
                                   QStringLiteral("evidence_given")};
        qsizetype position = 0;
        for (const QString &key : expected) {
            const qsizetype found = canonical.indexOf(QCborValue(key).toCbor(), position);
            QVERIFY2(found > position - 1, qPrintable(key));
            position = found + 1;
        }
    }

    void nonCanonicalBytesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray canonical = encodeCanonicalNote(m_content);
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated") << canonical.left(canonical.size() - 1);
        QTest::newRow("trailing byte") << canonical + QByteArray(1, '\0');
        QTest::newRow("not a map") << QCborValue(42).toCbor();
        // A sequence number 2 written in two bytes (0x18 0x02) instead of one: same value, other bytes.
        QByteArray longInteger = canonical;
        const QByteArray seqKeyAndValue = QCborValue(QStringLiteral("seq")).toCbor() + char(0x02);
        longInteger.replace(seqKeyAndValue, QByteArray(QCborValue(QStringLiteral("seq")).toCbor() + char(0x18) + char(0x02)));
        QTest::newRow("non-minimal integer") << longInteger;
        const QCborMap parsed = QCborValue::fromCbor(canonical).toMap();
        QCborMap reordered;
        for (auto it = parsed.constEnd(); it != parsed.constBegin();) {
            --it;
            reordered.insert(it.key(), it.value());
        }
        QVERIFY(QCborValue(reordered).toCbor() != canonical);
        QTest::newRow("keys in another order") << QCborValue(reordered).toCbor();
        QByteArray extra = canonical;
        extra[0] = char(0xa0 + 16);
        extra += QCborValue(QStringLiteral("zz")).toCbor() + QCborValue(1).toCbor();
        QTest::newRow("extra key") << extra;
    }

    void nonCanonicalBytesAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QVERIFY(!decodeCanonicalNote(bytes).has_value());
    }

    void everyFieldChangesTheEncoding()
    {
        const QByteArray canonical = encodeCanonicalNote(m_content);
        QList<SignedNoteContent> variants(13, m_content);
        variants[0].id += QLatin1Char('x');
        variants[1].reviewId += QLatin1Char('x');
        variants[2].engagementId += QLatin1Char('x');
        variants[3].kind = NoteKind::Evidence;
        variants[4].text += QLatin1Char('.');
        variants[5].evidenceAsked = false;
        variants[6].evidenceGiven = false;
        variants[7].amendsHash = QByteArray(32, 'a');
        variants[8].createdAt = variants[8].createdAt.addMSecs(1);
        variants[9].signedAt = variants[9].signedAt.addMSecs(1);
        variants[10].authorKey[0] = char(variants[10].authorKey[0] ^ 1);
        variants[11].sequence = 3;
        variants[12].previousHash[0] = char(variants[12].previousHash[0] ^ 1);
        for (const SignedNoteContent &variant : variants) {
            QCOMPARE(differingFields(variant, m_content).size(), 1);
            QVERIFY2(encodeCanonicalNote(variant) != canonical, qPrintable(differingFields(variant, m_content).first()));
        }
    }

    void timestampsAreCanonical()
    {
        QCOMPARE(canonicalTimestamp(QDateTime(QDate(2026, 11, 26), QTime(15, 5, 23, 7), Qt::UTC)), QStringLiteral("2026-11-26T15:05:23.007Z"));
        QVERIFY(!parseCanonicalTimestamp(QStringLiteral("2026-11-26T15:05:23Z")).isValid());
        QVERIFY(!parseCanonicalTimestamp(QStringLiteral("2026-11-26T15:05:23.007+01:00")).isValid());
        QVERIFY(parseCanonicalTimestamp(QStringLiteral("2026-11-26T15:05:23.007Z")).isValid());
    }

    void jsonRoundTripsAndRefusesMalformedFields_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("missing id") << QStringLiteral("id") << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("bad kind") << QStringLiteral("kind") << QJsonValue(QStringLiteral("gossip"));
        QTest::newRow("bad base64 signature") << QStringLiteral("signature") << QJsonValue(QStringLiteral("***"));
        QTest::newRow("odd hex hash") << QStringLiteral("hash") << QJsonValue(QStringLiteral("abc"));
        QTest::newRow("fractional sequence") << QStringLiteral("sequence") << QJsonValue(1.5);
        QTest::newRow("sequence as text") << QStringLiteral("sequence") << QJsonValue(QStringLiteral("2"));
        QTest::newRow("bad time") << QStringLiteral("created_at") << QJsonValue(QStringLiteral("yesterday"));
        QTest::newRow("flag as number") << QStringLiteral("evidence_asked") << QJsonValue(1);
    }

    void jsonRoundTripsAndRefusesMalformedFields()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        const SignedNote note = signNoteContent(m_content, m_secretKey);
        auto roundTrip = signedNoteFromJson(signedNoteToJson(note));
        QVERIFY(roundTrip.ok());
        QVERIFY(roundTrip->content == note.content);
        QCOMPARE(roundTrip->canonical, note.canonical);

        QJsonObject broken = signedNoteToJson(note);
        if (value.isUndefined())
            broken.remove(field);
        else
            broken.insert(field, value);
        auto refused = signedNoteFromJson(broken);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(refused.error().message.contains(field), qPrintable(refused.error().message));
    }
};

QTEST_GUILESS_MAIN(TestSignedNote)
#include "tst_signednote.moc"
