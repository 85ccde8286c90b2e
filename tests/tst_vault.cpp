#include "coredumpsuppression.h"
#include "notestore.h"
#include "noteverifier.h"
#include "sqlitedatabase.h"
#include "testvault.h"
#include "vaultkeyfile.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <csignal>
#include <unistd.h>

using namespace fieldnotes;
using namespace fieldnotes::test;

namespace {
const char *const passphrase = "scratch passphrase";

void flipByte(const QString &path, qint64 offset)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(offset));
    char byte = 0;
    QVERIFY(file.getChar(&byte));
    QVERIFY(file.seek(offset));
    QVERIFY(file.putChar(char(byte ^ 0x5a)));
}

// A vault with a few signed notes, closed (so the WAL is checkpointed into notes.db).
QString closedVaultWithNotes(ScratchVault &scratch, int notes)
{
    for (int i = 0; i < notes; ++i)
        scratch.addSignedNote(QStringLiteral("Note %1 with some words to fill a page or two of the database file").arg(i).repeated(4));
    scratch.vault.reset();
    return scratch.path();
}
} // namespace

class TestVault : public QObject
{
    Q_OBJECT

private slots:
    void createThenReopen()
    {
        ScratchVault scratch;
        const QByteArray deviceKey = scratch.vault->devicePublicKey();
        const QString id = scratch.addSignedNote(QStringLiteral("Persisted"));
        scratch.vault.reset();
        auto reopened = Vault::open(scratch.path(), secret(passphrase), fastOptions());
        QVERIFY2(reopened.ok(), reopened.ok() ? "" : qPrintable(reopened.error().message));
        QCOMPARE((*reopened)->devicePublicKey(), deviceKey);
        QCOMPARE((*reopened)->store().note(id)->text, QStringLiteral("Persisted"));
        QVERIFY((*reopened)->integrityProblems()->isEmpty());
        for (const QString &name : {QStringLiteral(""), QStringLiteral("/vault.key"), QStringLiteral("/notes.db"), QStringLiteral("/notes.db-wal")})
            QCOMPARE(QFileInfo(scratch.path() + name).permissions() & (QFile::ReadOther | QFile::ReadGroup | QFile::WriteOther | QFile::WriteGroup),
                     QFile::Permissions());
    }

    void createRefusesAnExistingVaultAndAnEmptyPassphrase()
    {
        ScratchVault scratch;
        QCOMPARE(Vault::create(scratch.path(), secret("other"), fastOptions()).error().code, ErrorCode::VaultExists);
        QTemporaryDir empty;
        QCOMPARE(Vault::create(empty.path() + QStringLiteral("/v"), SecureBytes(), fastOptions()).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(Vault::open(empty.path(), secret(passphrase), fastOptions()).error().code, ErrorCode::VaultNotFound);
    }

    void kdfSettingsAreStoredAndReadBack()
    {
        ScratchVault scratch;
        auto keyFile = VaultKeyFile::read(Vault::keyFilePath(scratch.path()));
        QVERIFY(keyFile.ok());
        QCOMPARE(keyFile->kdf.algorithm, QStringLiteral("argon2id13"));
        QCOMPARE(keyFile->kdf.opsLimit, fastKdf().opsLimit);
        QCOMPARE(keyFile->kdf.memLimitBytes, fastKdf().memLimitBytes);
        QCOMPARE(keyFile->kdf.salt.size(), 16);
        QCOMPARE(keyFile->devicePublicKey, scratch.vault->devicePublicKey());
        QVERIFY(KdfParameters::standard().memLimitBytes >= 256u * 1024 * 1024);
        QVERIFY(KdfParameters::standard().opsLimit >= KdfParameters::moderate().opsLimit);
    }

    // Rows 3 and 27 of RELIABILITY.md: wrong passphrase leaves every file but unlock-failures unchanged.
    void wrongPassphraseChangesNothingAndSlowsDown()
    {
        QDateTime now(QDate(2026, 4, 19), QTime(8, 0), Qt::UTC);
        const Clock clock = [&now] { return now; };
        ScratchVault scratch(fastOptions(clock));
        scratch.vault.reset();
        const auto before = fileDigests(scratch.path());

        qint64 previousDelay = 0;
        for (int attempt = 1; attempt <= 4; ++attempt) {
            auto refused = Vault::open(scratch.path(), secret("wrong passphrase"), fastOptions(clock));
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, ErrorCode::WrongPassphrase);
            QVERIFY(refused.error().message.contains(QStringLiteral("wrong passphrase")));
            QVERIFY(refused.error().retryAfterSeconds > previousDelay);
            previousDelay = refused.error().retryAfterSeconds;

            // Too soon: refused without even trying, whatever the passphrase.
            QCOMPARE(Vault::secondsUntilUnlockAllowed(scratch.path(), clock), previousDelay);
            auto tooSoon = Vault::open(scratch.path(), secret(passphrase), fastOptions(clock));
            QCOMPARE(tooSoon.error().code, ErrorCode::RetryLater);
            QCOMPARE(tooSoon.error().retryAfterSeconds, previousDelay);
            now = now.addSecs(previousDelay);
        }
        auto after = fileDigests(scratch.path());
        QVERIFY(after.contains(QStringLiteral("unlock-failures")));
        after.remove(QStringLiteral("unlock-failures"));
        QCOMPARE(after, before);

        // A success clears the count.
        auto opened = Vault::open(scratch.path(), secret(passphrase), fastOptions(clock));
        QVERIFY(opened.ok());
        QVERIFY(!QFile::exists(Vault::unlockFailuresPath(scratch.path())));
        QCOMPARE(Vault::secondsUntilUnlockAllowed(scratch.path(), clock), 0);
    }

    void aWrongRawKeyIsRefusedAndTheFileUntouched()
    {
        ScratchVault scratch;
        const QString path = closedVaultWithNotes(scratch, 2);
        const auto before = fileDigests(path);
        SecureBytes wrongKey(32);
        wrongKey.data()[0] = 1;
        auto refused = SqliteDatabase::openEncrypted(Vault::databasePath(path), wrongKey, SqliteDatabase::OpenMode::OpenExisting);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::VaultDamaged);
        QCOMPARE(fileDigests(path), before);

        // Another vault's key file over this database: the keys unwrap, the database does not open.
        ScratchVault other;
        other.vault.reset();
        QVERIFY(QFile::remove(Vault::keyFilePath(path)));
        QVERIFY(QFile::copy(Vault::keyFilePath(other.path()), Vault::keyFilePath(path)));
        const auto swapped = fileDigests(path);
        auto mismatch = Vault::open(path, secret(passphrase), fastOptions());
        QCOMPARE(mismatch.error().code, ErrorCode::VaultDamaged);
        QVERIFY(mismatch.error().message.contains(QStringLiteral("does not belong")));
        QCOMPARE(fileDigests(path), swapped);
    }

    void aTamperedKeyFileIsRefused_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<int>("expected");
        QTest::newRow("ops limit lowered") << QByteArray("\"opslimit\": \"1\"") << QByteArray("\"opslimit\": \"2\"") << int(ErrorCode::WrongPassphrase);
        QTest::newRow("not JSON") << QByteArray("{") << QByteArray("[") << int(ErrorCode::VaultDamaged);
        QTest::newRow("newer format") << QByteArray("\"version\": 1") << QByteArray("\"version\": 9") << int(ErrorCode::VaultTooNew);
        QTest::newRow("nonce too short") << QByteArray("\"nonce\": \"") << QByteArray("\"nonce\": \"AAAA\", \"was\": \"") << int(ErrorCode::VaultDamaged);
        QTest::newRow("wrapped key altered") << QByteArray("\"wrapped_secrets\": \"") << QByteArray("\"wrapped_secrets\": \"AAAA") << int(ErrorCode::VaultDamaged);
    }

    void aTamperedKeyFileIsRefused()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(int, expected);
        ScratchVault scratch;
        scratch.vault.reset();
        QFile keyFile(Vault::keyFilePath(scratch.path()));
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        QByteArray json = keyFile.readAll();
        keyFile.close();
        QVERIFY2(json.contains(from), json.constData());
        json.replace(from, to);
        QVERIFY(keyFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
        keyFile.write(json);
        keyFile.close();
        const auto before = fileDigests(scratch.path());
        auto refused = Vault::open(scratch.path(), secret(passphrase), fastOptions());
        QVERIFY(!refused.ok());
        QCOMPARE(int(refused.error().code), expected);
        auto after = fileDigests(scratch.path());
        after.remove(QStringLiteral("unlock-failures"));
        QCOMPARE(after, before);
    }

    void changingThePassphrase()
    {
        ScratchVault scratch;
        const QString id = scratch.addSignedNote(QStringLiteral("Kept across a passphrase change"));
        QCOMPARE(scratch.vault->changePassphrase(secret("not it"), secret("new passphrase")).error().code, ErrorCode::WrongPassphrase);
        QVERIFY(scratch.vault->changePassphrase(secret(passphrase), secret("new passphrase")).ok());
        scratch.vault.reset();
        QCOMPARE(Vault::open(scratch.path(), secret(passphrase), fastOptions()).error().code, ErrorCode::WrongPassphrase);
        QFile::remove(Vault::unlockFailuresPath(scratch.path()));
        auto reopened = Vault::open(scratch.path(), secret("new passphrase"), fastOptions());
        QVERIFY(reopened.ok());
        QCOMPARE((*reopened)->store().note(id)->text, QStringLiteral("Kept across a passphrase change"));
    }

    void aNewerDatabaseIsRefusedAndLeftUntouched()
    {
        ScratchVault scratch;
        const QString path = closedVaultWithNotes(scratch, 1);
        {
            auto secrets = VaultKeyFile::read(Vault::keyFilePath(path))->unwrap(secret(passphrase));
            auto raw = SqliteDatabase::openEncrypted(Vault::databasePath(path), secrets->databaseKey, SqliteDatabase::OpenMode::OpenExisting);
            QVERIFY(raw.ok());
            QVERIFY((*raw)->exec("PRAGMA user_version = 99").ok());
        }
        const auto before = fileDigests(path);
        auto refused = Vault::open(path, secret(passphrase), fastOptions());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::VaultTooNew);
        QVERIFY(refused.error().message.contains(QStringLiteral("newer")));
        QCOMPARE(fileDigests(path), before);
    }

    // Row 4: truncation at and inside a page boundary.
    void aTruncatedDatabaseIsRefusedAndLeftAsFound_data()
    {
        QTest::addColumn<qint64>("cut");
        QTest::newRow("last page dropped") << qint64(-4096);
        QTest::newRow("inside the last page") << qint64(-1000);
        QTest::newRow("one byte short") << qint64(-1);
        QTest::newRow("inside the first page") << qint64(0); // cut to 2000 bytes
    }

    void aTruncatedDatabaseIsRefusedAndLeftAsFound()
    {
        QFETCH(qint64, cut);
        ScratchVault scratch;
        const QString path = closedVaultWithNotes(scratch, 40);
        QFile database(Vault::databasePath(path));
        const qint64 size = database.size();
        QVERIFY(size > 8 * 4096);
        const qint64 newSize = cut == 0 ? 2000 : size + cut;
        QVERIFY(database.resize(newSize));
        const auto before = fileDigests(path);
        auto refused = Vault::open(path, secret(passphrase), fastOptions());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::VaultDamaged);
        QVERIFY2(refused.error().message.contains(QStringLiteral("damaged")), qPrintable(refused.error().message));
        QCOMPARE(fileDigests(path), before);
        QCOMPARE(QFile(Vault::databasePath(path)).size(), newSize);
    }

    // Row 5: bit flips in page data, IV and HMAC are caught and the page named.
    void bitFlipsAreDetectedAndThePageNamed_data()
    {
        QTest::addColumn<int>("offsetInPage");
        QTest::newRow("page data") << 200;
        QTest::newRow("IV") << 4096 - 80 + 3;
        QTest::newRow("HMAC") << 4096 - 20;
    }

    void bitFlipsAreDetectedAndThePageNamed()
    {
        QFETCH(int, offsetInPage);
        ScratchVault scratch;
        const QString path = closedVaultWithNotes(scratch, 40);
        const int page = 5;
        flipByte(Vault::databasePath(path), qint64(page - 1) * 4096 + offsetInPage);
        const auto before = fileDigests(path);
        auto refused = Vault::open(path, secret(passphrase), fastOptions());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::VaultDamaged);
        QVERIFY2(refused.error().message.contains(QStringLiteral("page %1").arg(page)), qPrintable(refused.error().message));
        QCOMPARE(fileDigests(path), before);
    }

    // Row 27: no core dump while a vault is open.
    void noCoreDumpWhileUnlocked()
    {
        ScratchVault scratch;
        QVERIFY(platform::CoreDumpSuppression::isActive());
        scratch.vault.reset();
        const QString path = scratch.path();

        const auto crashChild = [&path](bool openVault) {
            const pid_t child = fork();
            if (child == 0) {
                rlimit unlimited{RLIM_INFINITY, RLIM_INFINITY};
                setrlimit(RLIMIT_CORE, &unlimited);
                if (chdir(QFile::encodeName(path).constData()) != 0)
                    _exit(90);
                std::unique_ptr<Vault> vault;
                if (openVault) {
                    auto opened = Vault::open(path, secret(passphrase), fastOptions());
                    if (!opened)
                        _exit(91);
                    vault = std::move(*opened);
                }
                std::signal(SIGSEGV, SIG_DFL);
                std::raise(SIGSEGV);
                _exit(92);
            }
            int status = 0;
            waitpid(child, &status, 0);
            return status;
        };
        const int withVault = crashChild(true);
        QVERIFY2(WIFSIGNALED(withVault), qPrintable(QString::number(WEXITSTATUS(withVault))));
        QVERIFY(!WCOREDUMP(withVault));
        const int control = crashChild(false);
        QVERIFY(WIFSIGNALED(control));
        if (!WCOREDUMP(control))
            qInfo("this machine writes no core dumps at all; the control crash could not show the difference");
        for (const QString &name : QDir(path).entryList({QStringLiteral("core*")}, QDir::Files))
            QFile::remove(path + QLatin1Char('/') + name);
    }

    // Row 23: a full disk gives StorageFull and loses nothing already saved.
    void aFullDiskIsReportedAndNothingIsLost()
    {
        QTemporaryDir mountPoint;
        if (mount("fieldnotes-test", QFile::encodeName(mountPoint.path()).constData(), "tmpfs", 0, "size=2400k") != 0)
            QSKIP("cannot mount a small tmpfs here (needs root); the full-disk case is not exercised");
        const auto unmount = qScopeGuard([&mountPoint] { umount2(QFile::encodeName(mountPoint.path()).constData(), MNT_DETACH); });
        const QString path = mountPoint.path() + QStringLiteral("/vault");
        QStringList acknowledged;
        ErrorCode failure = ErrorCode::Io;
        {
            auto created = Vault::create(path, secret(passphrase), fastOptions());
            QVERIFY(created.ok());
            NoteStore &store = (*created)->store();
            const QString reviewId = store.addReview(Review{{}, QStringLiteral("R"), QDate(2026, 1, 5), QDate(2026, 1, 9)})->id;
            const QString priorityId = store.addPriority(Priority{{}, reviewId, QStringLiteral("P"), {}, {}})->id;
            Engagement engagement;
            engagement.priorityId = priorityId;
            engagement.scheduledStart = QDateTime::currentDateTimeUtc();
            engagement.agreedMinutes = 30;
            const QString engagementId = store.addEngagement(engagement)->id;
            for (int i = 0; i < 5000; ++i) {
                Note draft;
                draft.engagementId = engagementId;
                draft.text = QStringLiteral("Note %1: ").arg(i) + QString(600, QLatin1Char('x'));
                auto created = store.createDraft(draft);
                if (!created) {
                    failure = created.error().code;
                    QVERIFY2(created.error().message.contains(QStringLiteral("full")), qPrintable(created.error().message));
                    break;
                }
                auto signedNote = store.signDraft(created->id);
                if (!signedNote) {
                    failure = signedNote.error().code;
                    break;
                }
                acknowledged << created->id;
            }
        }
        QCOMPARE(failure, ErrorCode::StorageFull);
        qInfo("%lld notes acknowledged before the disk was full", qlonglong(acknowledged.size()));
        QVERIFY(acknowledged.size() > 10);
        auto reopened = Vault::open(path, secret(passphrase), fastOptions());
        QVERIFY2(reopened.ok(), reopened.ok() ? "" : qPrintable(reopened.error().message));
        for (const QString &id : std::as_const(acknowledged))
            QVERIFY((*reopened)->store().note(id)->isSigned());
        QVERIFY(verifyNotes(*(*reopened)->store().signedNotes(), {(*reopened)->devicePublicKey()}).allValid());
    }
};

QTEST_GUILESS_MAIN(TestVault)
#include "tst_vault.moc"
