// Backups of the two stores (issue 14): a vault's and the archive's, each one file, encrypted as
// the store is, restored only with its passphrase; damage named; and the archive backed up while
// five tablets upload through the real fieldnotes-cli, restored into a new data directory and
// served again, the tablets sending what it lacks and the leader ending with every note once.
#include "archiveprocess.h"
#include "archivestore.h"
#include "devicesync.h"
#include "envelope.h"
#include "leaderdesk.h"
#include "notestore.h"
#include "noteverifier.h"
#include "roster.h"
#include "sqlitedatabase.h"
#include "storebackup.h"
#include "syncstore.h"
#include "leaderkit.h"
#include "testvault.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace fieldnotes;
using namespace fieldnotes::sync;
using namespace fieldnotes::test;

namespace {
const char *const marker = "the head keeps the attendance log in a locked drawer";

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runProcess(const QString &program, const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 120000)
{
    QProcess process;
    process.start(program, arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs))
        process.kill();
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, QString::fromUtf8(process.readAllStandardOutput()),
               QString::fromUtf8(process.readAllStandardError())};
}

Run cli(const QString &vault, const QStringList &arguments, const QByteArray &passphrase = "scratch passphrase\n")
{
    return runProcess(QStringLiteral(FIELDNOTES_CLI), QStringList{QStringLiteral("--vault"), vault, QStringLiteral("--passphrase-fd"), QStringLiteral("0")} + arguments,
                      passphrase);
}

/// Notes in the leader's engagement, which reached the tablet with the signed set-up.
void signNotes(ScratchVault &tablet, const QString &engagementId, int count, const QString &prefix)
{
    QList<Note> notes;
    for (int i = 0; i < count; ++i) {
        Note note;
        note.engagementId = engagementId;
        note.text = QStringLiteral("%1 %2: pupils said the rota is fair").arg(prefix).arg(i);
        notes << note;
    }
    QVERIFY(tablet.vault->store().createAndSign(notes).ok());
}

QByteArray flipByteAt(const QByteArray &bytes, qsizetype at)
{
    QByteArray damaged = bytes;
    damaged[at] = char(damaged[at] ^ 0x5a);
    return damaged;
}

/// Sequences of a tablet's notes the archive had receipted before `before` (canonical UTC text).
QSet<qint64> receiptedBefore(Vault &vault, const QString &before)
{
    QSet<qint64> sequences;
    auto rows = queryList<qint64>(
        vault.database(), "SELECT sequence FROM outbox WHERE delivered_at <> '' AND delivered_at < ?1",
        [&](SqlStatement &statement) { statement.bind(1, before); }, [](const SqlStatement &row) { return row.integer(0); });
    for (qint64 sequence : *rows)
        sequences.insert(sequence);
    return sequences;
}
} // namespace

class TestStoreBackup : public QObject
{
    Q_OBJECT

    QTemporaryDir m_directory;

private slots:
    void initTestCase() { QVERIFY(m_directory.isValid()); }

    void aVaultBackupIsEncryptedAndRestoresWithItsPassphraseOnly()
    {
        ScratchVault scratch;
        scratch.addSignedNote(QString::fromLatin1(marker));
        scratch.addSignedNote(QStringLiteral("a second note"));
        const QString backup = m_directory.filePath(QStringLiteral("vault.fnbackup"));
        auto written = writeStoreBackup(backup, vaultStoreFiles(), Vault::keyFilePath(scratch.path()), scratch.vault->database());
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));
        QCOMPARE(written->kind, QStringLiteral("vault"));
        QCOMPARE(QFile::permissions(backup) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());

        QFile file(backup);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.contains(marker));
        QVERIFY(!bytes.contains("SQLite format 3")); // the database copy is encrypted from its first page

        // Anyone can check it with standard tools: unzip (Python's zipfile) and sha256sum -c.
        const QString unzipped = m_directory.filePath(QStringLiteral("unzipped"));
        const Run unzip = runProcess(QStringLiteral("python3"), {QStringLiteral("-m"), QStringLiteral("zipfile"), QStringLiteral("-e"), backup, unzipped});
        QVERIFY2(unzip.exitCode == 0, qPrintable(unzip.err));
        QProcess sums;
        sums.setWorkingDirectory(unzipped);
        sums.start(QStringLiteral("sha256sum"), {QStringLiteral("-c"), QStringLiteral("SHA256SUMS")});
        QVERIFY(sums.waitForFinished());
        QCOMPARE(sums.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(sums.readAllStandardOutput()), QStringLiteral("vault.key: OK\nnotes.db: OK\n"));

        const QString restored = m_directory.filePath(QStringLiteral("restored-vault"));
        auto unpacked = unpackStoreBackup(backup, vaultStoreFiles(), restored);
        QVERIFY2(unpacked.ok(), unpacked.ok() ? "" : qPrintable(unpacked.error().message));
        auto wrong = Vault::open(restored, secret("not the passphrase"), fastOptions());
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, ErrorCode::WrongPassphrase);
        QTest::qWait(int(Vault::secondsUntilUnlockAllowed(restored)) * 1000 + 100);
        auto vault = Vault::open(restored, secret("scratch passphrase"), fastOptions());
        QVERIFY2(vault.ok(), vault.ok() ? "" : qPrintable(vault.error().message));
        const QList<SignedNote> notes = *(*vault)->store().signedNotes();
        QCOMPARE(notes.size(), 2);
        QCOMPARE(notes.first().content.text, QString::fromLatin1(marker));
        QVERIFY(verifyNotes(notes, {(*vault)->devicePublicKey()}).allValid());
        QVERIFY((*vault)->integrityProblems()->isEmpty());
    }

    void damageAndMistakesAreNamedAndLeaveNothing_data()
    {
        QTest::addColumn<QString>("kind"); // what the case does to the backup
        QTest::addColumn<QString>("expected");
        QTest::newRow("a byte of the database changed") << QStringLiteral("flip-database") << QStringLiteral("is damaged");
        QTest::newRow("cut short") << QStringLiteral("truncate") << QStringLiteral("not a readable ZIP");
        QTest::newRow("not a backup at all") << QStringLiteral("other-file") << QStringLiteral("not a readable ZIP");
        QTest::newRow("a vault's backup restored as an archive") << QStringLiteral("wrong-kind") << QStringLiteral("not of an archive");
        QTest::newRow("into a directory that exists") << QStringLiteral("target-exists") << QStringLiteral("already exists");
        QTest::newRow("no such file") << QStringLiteral("missing") << QStringLiteral("there is no backup file");
    }

    void damageAndMistakesAreNamedAndLeaveNothing()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        ScratchVault scratch;
        scratch.addSignedNote(QString::fromLatin1(marker));
        QTemporaryDir work;
        const QString backup = work.filePath(QStringLiteral("vault.fnbackup"));
        QVERIFY(writeStoreBackup(backup, vaultStoreFiles(), Vault::keyFilePath(scratch.path()), scratch.vault->database()).ok());
        QFile file(backup);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        const QString target = work.filePath(QStringLiteral("restored"));
        StoreFiles files = vaultStoreFiles();
        if (kind == QLatin1String("flip-database")) {
            // In the middle of the database entry, whose bytes are stored as they are.
            const qsizetype start = bytes.indexOf("notes.db", bytes.indexOf("notes.db") + 1);
            bytes = flipByteAt(bytes, start + 4096);
        } else if (kind == QLatin1String("truncate")) {
            bytes.truncate(bytes.size() / 2);
        } else if (kind == QLatin1String("other-file")) {
            bytes = "fieldnotes export\n";
        } else if (kind == QLatin1String("wrong-kind")) {
            files = archiveStoreFiles();
        } else if (kind == QLatin1String("target-exists")) {
            QVERIFY(QDir().mkpath(target));
        }
        if (kind == QLatin1String("missing")) {
            QVERIFY(QFile::remove(backup));
        } else {
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(bytes);
            file.close();
        }
        auto unpacked = unpackStoreBackup(backup, files, target);
        QVERIFY(!unpacked.ok());
        QVERIFY2(unpacked.error().message.contains(expected), qPrintable(unpacked.error().message));
        if (kind != QLatin1String("target-exists"))
            QVERIFY(!QFileInfo::exists(target));
        else
            QVERIFY(QDir(target).isEmpty());
    }

    void theCommandLineBacksUpAndRestoresAVault()
    {
        ScratchVault scratch;
        scratch.addSignedNote(QString::fromLatin1(marker));
        scratch.vault.reset();
        const QString backup = m_directory.filePath(QStringLiteral("cli.fnbackup"));
        const Run made = cli(scratch.path(), {QStringLiteral("backup"), QStringLiteral("--output"), backup});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        const Run again = cli(scratch.path(), {QStringLiteral("backup"), QStringLiteral("--output"), backup});
        QVERIFY(again.exitCode != 0);
        QVERIFY2(again.err.contains(QStringLiteral("already exists")), qPrintable(again.err));

        const QString restored = m_directory.filePath(QStringLiteral("cli-restored"));
        const Run wrong = cli(restored, {QStringLiteral("restore"), QStringLiteral("--backup"), backup}, "not the passphrase\n");
        QVERIFY(wrong.exitCode != 0);
        QVERIFY2(wrong.err.contains(QStringLiteral("wrong passphrase")), qPrintable(wrong.err));
        QVERIFY(!QFileInfo::exists(restored));
        QVERIFY(!QFileInfo::exists(restored + QStringLiteral(".restoring")));

        const Run right = cli(restored, {QStringLiteral("restore"), QStringLiteral("--backup"), backup});
        QVERIFY2(right.exitCode == 0, qPrintable(right.err));
        QVERIFY2(right.out.contains(QStringLiteral("1 signed notes, integrity ok")), qPrintable(right.out));
        const Run verified = cli(restored, {QStringLiteral("verify")});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
        const Run listed = cli(restored, {QStringLiteral("note"), QStringLiteral("list")});
        QVERIFY(listed.out.contains(QString::fromLatin1(marker)));
    }

    void theArchiveIsBackedUpWhileFiveTabletsUploadAndRestored()
    {
        constexpr int tabletCount = 5;
        constexpr int notesEach = 1500;
        constexpr int laterEach = 40;
        const QString passphraseFile = writeArchivePassphrase(m_directory.path());
        const QString data = m_directory.filePath(QStringLiteral("archive"));
        const QStringList common{QStringLiteral("--passphrase-file"), passphraseFile, QStringLiteral("--kdf"), QStringLiteral("interactive")};
        auto archive = std::make_unique<ArchiveProcess>(QStringLiteral(FIELDNOTES_ARCHIVE), QStringList{QStringLiteral("--data"), data} + common);
        QVERIFY2(archive->start(), qPrintable(archive->output()));
        QVERIFY(!archive->fingerprint().isEmpty()); // TLS: the restored archive must show the same certificate

        ScratchVault leader;
        const QString reviewId = leader.reviewId;
        QVERIFY(LeaderDesk(*leader.vault).createReview(reviewId, archive->url(), archive->fingerprint(),
                                                       issueReviewCode(QStringLiteral(FIELDNOTES_ARCHIVE), data, passphraseFile))
                    .ok());
        QVERIFY(keepRecoveryKit(*leader.vault, reviewId));
        std::vector<std::unique_ptr<ScratchVault>> tablets;
        for (int i = 0; i < tabletCount; ++i) {
            auto tablet = std::make_unique<ScratchVault>();
            auto code = LeaderDesk(*leader.vault).invite(reviewId, 1);
            QVERIFY(code.ok());
            QVERIFY(DeviceSync(*tablet->vault).join(*code, QStringLiteral("reviewer"), QStringLiteral("tablet %1").arg(i)).ok());
            tablets.push_back(std::move(tablet));
        }
        QCOMPARE(LeaderDesk(*leader.vault).approve(reviewId)->size(), tabletCount);
        for (auto &tablet : tablets) {
            QCOMPARE(DeviceSync(*tablet->vault).syncOnce()->enrolmentState, QStringLiteral("enrolled"));
            signNotes(*tablet, leader.engagementId, notesEach, QStringLiteral("first visit"));
            tablet->vault.reset(); // the real fieldnotes-cli opens it
        }

        // Five tablets upload at once, each its own fieldnotes-cli process.
        std::vector<std::unique_ptr<QProcess>> uploads;
        for (auto &tablet : tablets) {
            auto process = std::make_unique<QProcess>();
            process->start(QStringLiteral(FIELDNOTES_CLI), {QStringLiteral("--vault"), tablet->path(), QStringLiteral("--passphrase-fd"),
                                                            QStringLiteral("0"), QStringLiteral("sync")});
            process->write("scratch passphrase\n");
            process->closeWriteChannel();
            uploads.push_back(std::move(process));
        }
        // The backup starts once the archive holds some of it, while the rest is still coming.
        {
            auto watcher = ArchiveStore::open(data, secret("archive passphrase"), fastKdf());
            QVERIFY2(watcher.ok(), watcher.ok() ? "" : qPrintable(watcher.error().message));
            QElapsedTimer waited;
            waited.start();
            while (*(*watcher)->envelopeCount() < tabletCount * notesEach / 5 && waited.elapsed() < 120000) {
                QTest::qWait(20);
                for (auto &process : uploads)
                    QVERIFY2(process->state() != QProcess::NotRunning || process->exitCode() == 0, process->readAllStandardError().constData());
            }
        }
        const QString backup = m_directory.filePath(QStringLiteral("archive.fnbackup"));
        const QString backupStarted = canonicalTimestamp(QDateTime::currentDateTimeUtc());
        const Run backedUp = runProcess(QStringLiteral(FIELDNOTES_ARCHIVE), QStringList{QStringLiteral("backup"), QStringLiteral("--data"), data,
                                                                                         QStringLiteral("--output"), backup}
                                                                                 + common);
        QVERIFY2(backedUp.exitCode == 0, qPrintable(backedUp.err));
        QVERIFY2(backedUp.out.contains(QStringLiteral("with its TLS certificate and key")), qPrintable(backedUp.out));
        for (auto &process : uploads) {
            QVERIFY(process->state() == QProcess::NotRunning || process->waitForFinished(300000));
            QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
        }

        // What each tablet had a receipt for before the backup began.
        QList<QSet<qint64>> receipted;
        int receiptedCount = 0;
        for (auto &tablet : tablets) {
            auto vault = Vault::open(tablet->path(), secret("scratch passphrase"), fastOptions());
            QVERIFY(vault.ok());
            receipted << receiptedBefore(**vault, backupStarted);
            receiptedCount += int(receipted.last().size());
            tablet->vault = std::move(*vault);
        }
        qInfo("receipted before the backup began: %d of %d notes", receiptedCount, tabletCount * notesEach);
        QVERIFY(receiptedCount > 0);
        QVERIFY2(receiptedCount < tabletCount * notesEach, "the uploads ended before the backup began: nothing was taken mid-upload");

        // The leader collects everything; then each tablet sends more the leader has not yet
        // collected when the archive's disk dies.
        // A sixth tablet joins after the backup: its approval is a roster entry the backup lacks.
        QCOMPARE(LeaderDesk(*leader.vault).collect(reviewId)->newNotes, tabletCount * notesEach);
        {
            auto sixth = std::make_unique<ScratchVault>();
            auto code = LeaderDesk(*leader.vault).invite(reviewId, 1);
            QVERIFY(code.ok());
            QVERIFY(DeviceSync(*sixth->vault).join(*code, QStringLiteral("reviewer"), QStringLiteral("tablet 6")).ok());
            QCOMPARE(LeaderDesk(*leader.vault).approve(reviewId)->size(), 1);
            QCOMPARE(DeviceSync(*sixth->vault).syncOnce()->enrolmentState, QStringLiteral("enrolled"));
            tablets.push_back(std::move(sixth));
        }
        for (std::size_t i = 0; i < tablets.size(); ++i) {
            signNotes(*tablets[i], leader.engagementId, laterEach, QStringLiteral("second visit"));
            auto outcome = DeviceSync(*tablets[i]->vault).syncOnce();
            QVERIFY(outcome.ok());
            QCOMPARE(outcome->delivered, laterEach);
            QCOMPARE(outcome->collected, i < tabletCount ? notesEach : 0);
        }
        const QString fingerprint = archive->fingerprint();
        const quint16 port = archive->port();
        archive->kill();
        archive.reset();
        QVERIFY(QDir(data).removeRecursively());

        // Restored into a new data directory: a wrong passphrase first, then the right one.
        const QString restored = m_directory.filePath(QStringLiteral("archive-restored"));
        QFile wrongFile(m_directory.filePath(QStringLiteral("wrong-passphrase")));
        QVERIFY(wrongFile.open(QIODevice::WriteOnly));
        wrongFile.write("not the archive passphrase\n");
        wrongFile.close();
        const Run wrong = runProcess(QStringLiteral(FIELDNOTES_ARCHIVE), {QStringLiteral("restore"), QStringLiteral("--backup"), backup,
                                                                           QStringLiteral("--data"), restored, QStringLiteral("--passphrase-file"),
                                                                           wrongFile.fileName()});
        QCOMPARE(wrong.exitCode, 3);
        QVERIFY2(wrong.err.contains(QStringLiteral("wrong passphrase")), qPrintable(wrong.err));
        QVERIFY(!QFileInfo::exists(restored));
        const Run restoredRun = runProcess(QStringLiteral(FIELDNOTES_ARCHIVE), QStringList{QStringLiteral("restore"), QStringLiteral("--backup"), backup,
                                                                                           QStringLiteral("--data"), restored}
                                                                                   + common);
        QVERIFY2(restoredRun.exitCode == 0, qPrintable(restoredRun.err));

        // Every note receipted before the backup began is there, and its envelope opens and verifies.
        {
            auto store = ArchiveStore::open(restored, secret("archive passphrase"), fastKdf());
            QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
            auto keys = SyncStore(*leader.vault).reviewKeys(reviewId);
            QVERIFY(keys.ok() && keys->has_value());
            QHash<QByteArray, QSet<qint64>> held;
            QList<SignedNote> notes;
            for (qint64 cursor = 0;;) {
                auto page = (*store)->envelopesAfter(reviewId, cursor, 500);
                QVERIFY(page.ok());
                if (page->isEmpty())
                    break;
                for (const StoredEnvelope &stored : *page) {
                    auto opened = openEnvelope(stored.envelope, (*keys)->boxPublic, (*keys)->boxSecret);
                    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
                    held[stored.envelope.deviceKey].insert(stored.envelope.sequence);
                    notes << opened->note;
                    cursor = stored.cursor;
                }
            }
            QList<QByteArray> tabletKeys;
            for (int i = 0; i < tabletCount; ++i) {
                tabletKeys << tablets[std::size_t(i)]->vault->devicePublicKey();
                const QSet<qint64> &mine = held.value(tabletKeys.last());
                QVERIFY2(mine.contains(receipted[i]), qPrintable(QStringLiteral("tablet %1: a receipted note is missing").arg(i)));
            }
            const VerificationReport verdicts = verifyNotes(notes, tabletKeys);
            for (const NoteVerification &verdict : verdicts.notes)
                QVERIFY((verdict.problems & (NoteProblem::BadSignature | NoteProblem::AlteredContent | NoteProblem::DuplicateSequence)) == 0);
            qInfo("the backup holds %lld envelopes", static_cast<long long>(notes.size()));
        }

        // Served again on the same address, with the same certificate the tablets pinned.
        archive = std::make_unique<ArchiveProcess>(QStringLiteral(FIELDNOTES_ARCHIVE), QStringList{QStringLiteral("--data"), restored} + common, port);
        QVERIFY2(archive->start(), qPrintable(archive->output()));
        QCOMPARE(archive->fingerprint(), fingerprint);

        // The leader collects first and gives the roster back the approval it lacked (until
        // then the tablets refuse the shorter roster, as they would from a hostile archive).
        {
            auto refused = DeviceSync(*tablets.back()->vault).syncOnce();
            QVERIFY(!refused.ok());
            QVERIFY2(refused.error().message.contains(QStringLiteral("older roster")), qPrintable(refused.error().message));
            auto first = LeaderDesk(*leader.vault).collect(reviewId);
            QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message));
            QCOMPARE(first->newNotes, 0);
        }
        // The tablets send again what it lacks and the leader has not collected; the leader,
        // whose cursor is far past the backup's, still sees each of them.
        int resent = 0;
        for (auto &tablet : tablets) {
            auto outcome = DeviceSync(*tablet->vault).syncOnce();
            QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
            QCOMPARE(outcome->resent, laterEach);
            QCOMPARE(outcome->delivered, laterEach);
            resent += outcome->resent;
        }
        auto report = LeaderDesk(*leader.vault).collect(reviewId);
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        QCOMPARE(report->newNotes, int(tablets.size()) * laterEach);
        QCOMPARE(report->conflicts, 0);
        for (const DeviceCollection &device : report->devices) {
            QVERIFY2(device.problems.isEmpty(), qPrintable(device.problems.join(QStringLiteral("; "))));
            QVERIFY(device.missing.isEmpty());
        }
        const QList<SignedNote> collected = *SyncStore(*leader.vault).collectedNotes(reviewId);
        QCOMPARE(collected.size(), tabletCount * notesEach + int(tablets.size()) * laterEach); // each note once
        QSet<QByteArray> distinct;
        for (const SignedNote &note : collected)
            distinct.insert(note.hash);
        QCOMPARE(distinct.size(), collected.size());
        for (std::size_t i = 0; i < tablets.size(); ++i) {
            auto outcome = DeviceSync(*tablets[i]->vault).syncOnce();
            QVERIFY(outcome.ok());
            QCOMPARE(outcome->resent, 0); // nothing more to send: the archive holds one copy of each
            QCOMPARE(outcome->collected, laterEach);
            QCOMPARE(SyncStore(*tablets[i]->vault).outboxCounts()->collected, (i < tabletCount ? notesEach : 0) + laterEach);
        }
        qInfo("sent again after the restore: %d notes; the leader holds %lld, each once", resent, static_cast<long long>(collected.size()));
    }
};

QTEST_GUILESS_MAIN(TestStoreBackup)
#include "tst_storebackup.moc"
