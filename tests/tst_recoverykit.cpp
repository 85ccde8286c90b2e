// The leader's recovery kit (issue 14): sealed under its own passphrase, refused in words when
// the passphrase is wrong or the kit damaged; and the leader's tablet lost after collection, with
// the tablets already rid of the text, restored from the kit into a new vault that collects
// every note again from the real archive on 127.0.0.1, verifies it, and carries on.
#include "archiveprocess.h"
#include "devicesync.h"
#include "leaderdesk.h"
#include "notestore.h"
#include "recoverykit.h"
#include "roster.h"
#include "syncstore.h"
#include "testvault.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sodium.h>

using namespace fieldnotes;
using namespace fieldnotes::sync;
using namespace fieldnotes::test;

namespace {
const char *const recoveryPassphrase = "correct horse battery staple";

RecoveryKit sampleKit()
{
    RecoveryKit kit;
    kit.keys.reviewId = QStringLiteral("2b0c1f9e-6b35-4c53-9d0e-1f7c0c3a4d21");
    kit.keys.signingPublic.resize(crypto_sign_PUBLICKEYBYTES);
    kit.keys.signingSecret = SecureBytes(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(kit.keys.signingPublic.data()), kit.keys.signingSecret.data());
    kit.keys.boxPublic.resize(crypto_box_PUBLICKEYBYTES);
    kit.keys.boxSecret = SecureBytes(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(reinterpret_cast<unsigned char *>(kit.keys.boxPublic.data()), kit.keys.boxSecret.data());
    kit.keys.archiveUrl = QStringLiteral("https://127.0.0.1:8443");
    kit.keys.fingerprint = QString(64, QLatin1Char('a'));
    kit.keys.archiveKey = QByteArray(32, '\x05');
    kit.rosterSequence = 2;
    kit.rosterHash = QByteArray(32, '\x09');
    kit.madeAt = QDateTime(QDate(2026, 12, 6), QTime(10, 0), Qt::UTC);
    return kit;
}
} // namespace

class TestRecoveryKit : public QObject
{
    Q_OBJECT

    QTemporaryDir m_directory;
    RecoveryKit m_kit;
    QByteArray m_sealed; // m_kit, sealed once: Argon2id at MODERATE takes a while

private slots:
    void initTestCase()
    {
        QVERIFY(m_directory.isValid());
        QVERIFY(sodium_init() >= 0);
        m_kit = sampleKit();
        auto sealed = sealRecoveryKit(m_kit, secret(recoveryPassphrase));
        QVERIFY2(sealed.ok(), sealed.ok() ? "" : qPrintable(sealed.error().message));
        m_sealed = *sealed;
    }

    void aKitOpensWithItsPassphraseAndHoldsTheKeys()
    {
        const RecoveryKit &expected = m_kit;
        QVERIFY(!m_sealed.contains(QByteArray(reinterpret_cast<const char *>(expected.keys.signingSecret.data()), 64).toHex()));
        const QJsonObject file = QJsonDocument::fromJson(m_sealed).object();
        QCOMPARE(file.value(QStringLiteral("kdf")).toObject().value(QStringLiteral("algorithm")).toString(), QStringLiteral("argon2id13"));
        QVERIFY(file.value(QStringLiteral("kdf")).toObject().value(QStringLiteral("opslimit")).toInteger() >= crypto_pwhash_OPSLIMIT_MODERATE);
        QVERIFY(file.value(QStringLiteral("kdf")).toObject().value(QStringLiteral("memlimit")).toInteger() >= qint64(crypto_pwhash_MEMLIMIT_MODERATE));
        QVERIFY(!m_sealed.contains("127.0.0.1")); // where the archive is stays sealed too

        auto label = readRecoveryKitLabel(m_sealed);
        QVERIFY(label.ok());
        QCOMPARE(label->reviewId, expected.keys.reviewId);
        QCOMPARE(label->madeAt, expected.madeAt);

        auto opened = openRecoveryKit(m_sealed, secret(recoveryPassphrase));
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        QVERIFY(opened->keys.signingSecret == expected.keys.signingSecret);
        QVERIFY(opened->keys.boxSecret == expected.keys.boxSecret);
        QCOMPARE(opened->keys.signingPublic, expected.keys.signingPublic);
        QCOMPARE(opened->keys.boxPublic, expected.keys.boxPublic);
        QCOMPARE(opened->keys.reviewId, expected.keys.reviewId);
        QCOMPARE(opened->keys.archiveUrl, expected.keys.archiveUrl);
        QCOMPARE(opened->keys.fingerprint, expected.keys.fingerprint);
        QCOMPARE(opened->keys.archiveKey, expected.keys.archiveKey);
        QCOMPARE(opened->rosterSequence, expected.rosterSequence);
        QCOMPARE(opened->rosterHash, expected.rosterHash);
        QCOMPARE(opened->madeAt, expected.madeAt);
        // The public keys are worked out from the secrets: a box sealed to the one opens with the other.
        const QByteArray message = "sealed to the review";
        QByteArray box(message.size() + crypto_box_SEALBYTES, Qt::Uninitialized);
        crypto_box_seal(reinterpret_cast<unsigned char *>(box.data()), reinterpret_cast<const unsigned char *>(message.constData()),
                        quint64(message.size()), reinterpret_cast<const unsigned char *>(opened->keys.boxPublic.constData()));
        QByteArray back(message.size(), Qt::Uninitialized);
        QCOMPARE(crypto_box_seal_open(reinterpret_cast<unsigned char *>(back.data()), reinterpret_cast<const unsigned char *>(box.constData()),
                                      quint64(box.size()), reinterpret_cast<const unsigned char *>(opened->keys.boxPublic.constData()),
                                      opened->keys.boxSecret.data()),
                 0);
        QCOMPARE(back, message);
    }

    void aWrongPassphraseIsSaidInWords()
    {
        auto opened = openRecoveryKit(m_sealed, secret("correct horse battery stapler"));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::WrongPassphrase);
        QVERIFY(opened.error().message.contains(QStringLiteral("wrong recovery passphrase")));
    }

    void aShortRecoveryPassphraseIsRefused()
    {
        auto sealed = sealRecoveryKit(sampleKit(), secret("short one"));
        QVERIFY(!sealed.ok());
        QCOMPARE(sealed.error().code, ErrorCode::InvalidArgument);
        QVERIFY(sealed.error().message.contains(QStringLiteral("at least 12 characters")));
    }

    void aDamagedKitIsNamedAsSuch_data()
    {
        QTest::addColumn<QByteArray>("kit");
        QJsonObject file = QJsonDocument::fromJson(m_sealed).object();
        QString sealed = file.value(QStringLiteral("sealed")).toString();
        sealed[10] = sealed[10] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QJsonObject flipped = file;
        flipped.insert(QStringLiteral("sealed"), sealed);
        QTest::newRow("a sealed byte changed") << QJsonDocument(flipped).toJson(QJsonDocument::Compact);
        QJsonObject otherDate = file;
        otherDate.insert(QStringLiteral("made_at"), QStringLiteral("2026-12-07T10:00:00Z"));
        QTest::newRow("its date changed") << QJsonDocument(otherDate).toJson(QJsonDocument::Compact);
        QJsonObject weaker = file;
        QJsonObject kdf = weaker.value(QStringLiteral("kdf")).toObject();
        kdf.insert(QStringLiteral("opslimit"), 1);
        weaker.insert(QStringLiteral("kdf"), kdf);
        QTest::newRow("a weaker key derivation") << QJsonDocument(weaker).toJson(QJsonDocument::Compact);
        QJsonObject noNonce = file;
        noNonce.remove(QStringLiteral("nonce"));
        QTest::newRow("its nonce missing") << QJsonDocument(noNonce).toJson(QJsonDocument::Compact);
        QTest::newRow("cut short") << m_sealed.left(m_sealed.size() / 2);
        QTest::newRow("not a kit") << QByteArray("{\"format\":\"something else\"}");
        QTest::newRow("empty") << QByteArray();
    }

    void aDamagedKitIsNamedAsSuch()
    {
        QFETCH(QByteArray, kit);
        auto opened = openRecoveryKit(kit, secret(recoveryPassphrase));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::VaultDamaged);
        QVERIFY2(opened.error().message.contains(QStringLiteral("recovery kit is damaged")), qPrintable(opened.error().message));
    }

    void theLeadersTabletIsLostAndTheKitCarriesTheReviewOn()
    {
        const QString passphraseFile = writeArchivePassphrase(m_directory.path());
        const QString data = m_directory.filePath(QStringLiteral("archive"));
        ArchiveProcess archive(QStringLiteral(FIELDNOTES_ARCHIVE),
                               {QStringLiteral("--data"), data, QStringLiteral("--passphrase-file"), passphraseFile,
                                QStringLiteral("--plain-http"), QStringLiteral("--kdf"), QStringLiteral("interactive")});
        QVERIFY2(archive.start(), qPrintable(archive.output()));

        auto leader = std::make_unique<ScratchVault>();
        const QString reviewId = leader->reviewId;
        const QString engagementId = leader->engagementId;
        {
            LeaderDesk desk(*leader->vault);
            QVERIFY(desk.createReview(reviewId, archive.url(), {}, issueReviewCode(QStringLiteral(FIELDNOTES_ARCHIVE), data, passphraseFile)).ok());
        }
        // Nobody is invited before the kit is made and kept.
        auto refused = LeaderDesk(*leader->vault).invite(reviewId, 1);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("recovery kit first")), qPrintable(refused.error().message));
        auto kitBytes = LeaderDesk(*leader->vault).makeRecoveryKit(reviewId, secret(recoveryPassphrase));
        QVERIFY2(kitBytes.ok(), kitBytes.ok() ? "" : qPrintable(kitBytes.error().message));
        QVERIFY(!LeaderDesk(*leader->vault).recoveryKitMadeAt(reviewId)->has_value()); // made, not yet written out
        QVERIFY(LeaderDesk(*leader->vault).recordRecoveryKitKept(reviewId, *kitBytes).ok());
        QVERIFY(LeaderDesk(*leader->vault).recoveryKitMadeAt(reviewId)->has_value());
        const QByteArray oldLeaderDevice = leader->vault->devicePublicKey();

        // Two tablets join after the kit was made, send notes, and remove the text once collected.
        std::vector<std::unique_ptr<ScratchVault>> tablets;
        for (int i = 0; i < 2; ++i) {
            auto tablet = std::make_unique<ScratchVault>();
            auto code = LeaderDesk(*leader->vault).invite(reviewId, 1);
            QVERIFY(code.ok());
            QVERIFY(DeviceSync(*tablet->vault).join(*code, QStringLiteral("reviewer"), QStringLiteral("tablet %1").arg(i)).ok());
            tablets.push_back(std::move(tablet));
        }
        QCOMPARE(LeaderDesk(*leader->vault).approve(reviewId)->size(), 2);
        QVERIFY(LeaderDesk(*leader->vault).setRetentionDays(reviewId, 0).ok());
        QStringList texts;
        for (std::size_t i = 0; i < tablets.size(); ++i) {
            QVERIFY(DeviceSync(*tablets[i]->vault).syncOnce().ok());
            for (int n = 0; n < 3; ++n) {
                Note note;
                note.engagementId = engagementId;
                note.text = QStringLiteral("tablet %1, note %2: the rota is run by pupils").arg(i).arg(n);
                texts << note.text;
                auto draft = tablets[i]->vault->store().createDraft(note);
                QVERIFY(draft.ok());
                QVERIFY(tablets[i]->vault->store().signDraft(draft->id).ok());
            }
            QCOMPARE(DeviceSync(*tablets[i]->vault).syncOnce()->delivered, 3);
        }
        QCOMPARE(LeaderDesk(*leader->vault).collect(reviewId)->newNotes, 6);
        for (auto &tablet : tablets) {
            auto outcome = DeviceSync(*tablet->vault).syncOnce();
            QVERIFY(outcome.ok());
            QCOMPARE(outcome->contentRemoved, 3); // the text is now only in the leader's vault
        }

        // The leader's tablet is lost: its vault is gone.
        const QString lostPath = leader->directory.path();
        leader.reset();
        QVERIFY(!QDir(lostPath).exists());

        // A kit whose roster the archive's does not continue is refused, and the vault keeps nothing.
        {
            QTemporaryDir elsewhere;
            auto empty = Vault::create(elsewhere.filePath(QStringLiteral("vault")), secret("new leader passphrase"), fastOptions());
            QVERIFY(empty.ok());
            auto stale = openRecoveryKit(*kitBytes, secret(recoveryPassphrase));
            QVERIFY(stale.ok());
            stale->rosterHash = QByteArray(32, '\x01');
            auto refused = LeaderDesk(**empty).restoreFromKit(*stale);
            QVERIFY(!refused.ok());
            QVERIFY2(refused.error().message.contains(QStringLiteral("does not continue")), qPrintable(refused.error().message));
            QVERIFY(!SyncStore(**empty).reviewKeys(reviewId)->has_value());
            QVERIFY((*empty)->store().reviews()->isEmpty());
        }

        // A new tablet, a new vault, the kit and its passphrase.
        QTemporaryDir fresh;
        auto created = Vault::create(fresh.filePath(QStringLiteral("vault")), secret("new leader passphrase"), fastOptions());
        QVERIFY(created.ok());
        Vault &restored = **created;
        auto kit = openRecoveryKit(*kitBytes, secret(recoveryPassphrase));
        QVERIFY(kit.ok());
        LeaderDesk desk(restored);
        auto revoked = desk.restoreFromKit(*kit);
        QVERIFY2(revoked.ok(), revoked.ok() ? "" : qPrintable(revoked.error().message));
        QCOMPARE(*revoked, QList<QByteArray>{oldLeaderDevice});
        QCOMPARE(restored.store().engagements(reviewId)->size(), 1); // the programme, back from the signed set-up
        QCOMPARE(*desk.retentionDays(reviewId), 0);

        auto report = desk.collect(reviewId);
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        QCOMPARE(report->newNotes, 6);
        QCOMPARE(report->conflicts, 0);
        for (const DeviceCollection &device : report->devices) {
            QVERIFY2(device.problems.isEmpty(), qPrintable(device.problems.join(QStringLiteral("; "))));
            QVERIFY(device.missing.isEmpty());
        }
        SyncStore store(restored);
        const QList<SignedNote> notes = *store.collectedNotes(reviewId);
        QCOMPARE(notes.size(), 6);
        QStringList back;
        for (const SignedNote &note : notes)
            back << note.content.text;
        back.sort();
        texts.sort();
        QCOMPARE(back, texts);
        auto roster = Roster::fromEntries(*store.rosterEntries(reviewId), kit->keys.signingPublic);
        QVERIFY(roster.ok());
        QVERIFY(roster->revokedAt(oldLeaderDevice).has_value());
        QVERIFY(roster->isActiveMember(restored.devicePublicKey()));

        // It carries on: a third tablet is invited and approved, the set-up published again (its
        // version goes on from the archive's, so tablets take it), and the tablets sync as before.
        auto third = std::make_unique<ScratchVault>();
        auto code = desk.invite(reviewId, 1);
        QVERIFY(code.ok());
        QVERIFY(DeviceSync(*third->vault).join(*code, QStringLiteral("reviewer"), QStringLiteral("tablet 3")).ok());
        QCOMPARE(desk.approve(reviewId)->size(), 1);
        QVERIFY(desk.setRetentionDays(reviewId, 7).ok());
        for (auto &tablet : tablets) {
            auto outcome = DeviceSync(*tablet->vault).syncOnce();
            QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
            QCOMPARE((*SyncStore(*tablet->vault).enrolment())->retentionDays, 7);
        }
        QCOMPARE(DeviceSync(*third->vault).syncOnce()->enrolmentState, QStringLiteral("enrolled"));

        // The kit restores into a new vault only.
        auto again = desk.restoreFromKit(*kit);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::VaultExists);
    }
};

QTEST_GUILESS_MAIN(TestRecoveryKit)
#include "tst_recoverykit.moc"
