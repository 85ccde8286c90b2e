// RELIABILITY row 25: the locked-memory limit and allocation failures. The real fieldnotes-cli
// unlocks a tablet's vault and syncs with a real archive with `ulimit -l` at 64 KiB (Android's
// default) and at a single page, and with `ulimit -v` too small for Argon2id's 256 MiB: it either
// works or stops with a sentence, it warns when a secret may be swapped (never printing one), and
// nothing signed is lost. As root the test drops CAP_IPC_LOCK first, or the limit would not apply.
#include "archiveprocess.h"
#include "devicesync.h"
#include "leaderdesk.h"
#include "notestore.h"
#include "syncstore.h"
#include "leaderkit.h"
#include "testvault.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace fieldnotes;
using namespace fieldnotes::sync;
using namespace fieldnotes::test;

namespace {
const char *const tabletPassphrase = "tablet passphrase under limits";

struct Run {
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;
};

/// Whether the limit on locked memory applies to a child: root holds CAP_IPC_LOCK unless setpriv
/// can drop it (a container may not allow that).
bool lockLimitApplies()
{
    if (::geteuid() != 0)
        return true;
    return QProcess::execute(QStringLiteral("setpriv"), {QStringLiteral("--bounding-set=-ipc_lock"), QStringLiteral("--inh-caps=-ipc_lock"),
                                                        QStringLiteral("true")})
           == 0;
}

/// fieldnotes-cli under `ulimit LIMIT` in a shell, without CAP_IPC_LOCK.
Run cliUnder(const QString &limit, const QString &vault, const QStringList &arguments)
{
    QStringList command;
    static const bool dropCapability = ::geteuid() == 0 && lockLimitApplies();
    if (dropCapability)
        command << QStringLiteral("setpriv") << QStringLiteral("--bounding-set=-ipc_lock") << QStringLiteral("--inh-caps=-ipc_lock");
    command << QStringLiteral("bash") << QStringLiteral("-c") << QStringLiteral("ulimit %1 && exec \"$0\" \"$@\"").arg(limit)
            << QStringLiteral(FIELDNOTES_CLI) << QStringLiteral("--vault") << vault << QStringLiteral("--passphrase-fd") << QStringLiteral("0");
    command << arguments;
    QProcess process;
    process.start(command.takeFirst(), command);
    process.write(QByteArray(tabletPassphrase) + '\n');
    process.closeWriteChannel();
    process.waitForFinished(120000);
    return Run{process.exitCode(), process.exitStatus() != QProcess::NormalExit, QString::fromUtf8(process.readAllStandardOutput()),
               QString::fromUtf8(process.readAllStandardError())};
}
} // namespace

class TestMemoryLimits : public QObject
{
    Q_OBJECT

    QTemporaryDir m_directory;
    std::unique_ptr<ArchiveProcess> m_archive;
    std::unique_ptr<ScratchVault> m_leader;
    QString m_tablet;

    void signOne(const QString &text)
    {
        auto vault = Vault::open(m_tablet, secret(tabletPassphrase), fastOptions());
        QVERIFY(vault.ok());
        Note note;
        note.engagementId = m_leader->engagementId;
        note.text = text;
        QVERIFY((*vault)->store().createAndSign({note}).ok());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_directory.isValid());
        const QString passphraseFile = writeArchivePassphrase(m_directory.path());
        const QString data = m_directory.filePath(QStringLiteral("archive"));
        m_archive = std::make_unique<ArchiveProcess>(QStringLiteral(FIELDNOTES_ARCHIVE),
                                                     QStringList{QStringLiteral("--data"), data, QStringLiteral("--passphrase-file"), passphraseFile,
                                                                 QStringLiteral("--plain-http"), QStringLiteral("--kdf"), QStringLiteral("interactive")});
        QVERIFY2(m_archive->start(), qPrintable(m_archive->output()));
        m_leader = std::make_unique<ScratchVault>();
        QVERIFY(LeaderDesk(*m_leader->vault).createReview(m_leader->reviewId, m_archive->url(), {},
                                                          issueReviewCode(QStringLiteral(FIELDNOTES_ARCHIVE), data, passphraseFile))
                    .ok());
        QVERIFY(keepRecoveryKit(*m_leader->vault, m_leader->reviewId));
        // The tablet's keys are wrapped as a real tablet's are: Argon2id at MODERATE, 256 MiB.
        m_tablet = m_directory.filePath(QStringLiteral("tablet"));
        {
            auto tablet = Vault::create(m_tablet, secret(tabletPassphrase), VaultOptions{systemClock(), KdfParameters::moderate()});
            QVERIFY(tablet.ok());
            auto code = LeaderDesk(*m_leader->vault).invite(m_leader->reviewId, 1);
            QVERIFY(code.ok());
            QVERIFY(DeviceSync(**tablet).join(*code, QStringLiteral("reviewer"), QStringLiteral("tablet")).ok());
            QCOMPARE(LeaderDesk(*m_leader->vault).approve(m_leader->reviewId)->size(), 1);
            QCOMPARE(DeviceSync(**tablet).syncOnce()->enrolmentState, QStringLiteral("enrolled"));
        }
    }

    void syncWorksWithTheAndroidLockedMemoryLimit()
    {
        signOne(QStringLiteral("signed before a sync under 64 KiB of locked memory"));
        const Run run = cliUnder(QStringLiteral("-l 64"), m_tablet, {QStringLiteral("sync")});
        QVERIFY2(!run.crashed && run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("delivered 1")), qPrintable(run.out));
        // SQLCipher's own locked buffers and ours need more than 64 KiB: it works, and says so.
        qInfo("under 64 KiB: %s", run.err.contains(QStringLiteral("locked-memory limit")) ? "worked, with the warning" : "worked, everything locked");
        QVERIFY(!run.err.contains(QString::fromLatin1(tabletPassphrase)));
    }

    void aGenerousLimitLocksEverySecretWithoutAWarning()
    {
        signOne(QStringLiteral("signed before a sync under 1 MiB of locked memory"));
        const Run run = cliUnder(QStringLiteral("-l 1024"), m_tablet, {QStringLiteral("sync")});
        QVERIFY2(!run.crashed && run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("delivered 1")), qPrintable(run.out));
        QVERIFY2(!run.err.contains(QStringLiteral("locked-memory limit")), qPrintable(run.err));
    }

    void aLimitTooSmallForTheSecretsIsWarnedOfAndStillWorks()
    {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("AddressSanitizer intercepts mlock and makes it a no-op that succeeds: no lock limit is ever reached");
#endif
        if (!lockLimitApplies())
            QSKIP("running as root, and setpriv cannot drop CAP_IPC_LOCK here: no limit on locked memory applies");
        signOne(QStringLiteral("signed before a sync under one page of locked memory"));
        const Run run = cliUnder(QStringLiteral("-l 4"), m_tablet, {QStringLiteral("sync")});
        QVERIFY2(!run.crashed && run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("delivered 1")), qPrintable(run.out));
        QVERIFY2(run.err.contains(QStringLiteral("the locked-memory limit (ulimit -l) is reached")), qPrintable(run.err));
        QCOMPARE(run.err.count(QStringLiteral("locked-memory limit")), 1); // once, not per secret
        QVERIFY(!run.err.contains(QString::fromLatin1(tabletPassphrase)));
    }

    void tooLittleMemoryForTheKeyIsSaidAndLosesNothing()
    {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("AddressSanitizer reserves terabytes of address space: ulimit -v cannot apply");
#endif
        signOne(QStringLiteral("signed before a sync without memory for Argon2id"));
        // Enough for the process (Qt, SQLCipher, OpenSSL), not for 256 MiB more.
        const Run run = cliUnder(QStringLiteral("-v 220000"), m_tablet, {QStringLiteral("sync")});
        QVERIFY2(!run.crashed, qPrintable(run.err));
        QCOMPARE(run.exitCode, 8);
        QVERIFY2(run.err.contains(QStringLiteral("not enough memory to derive the key")), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        // Nothing signed was lost: the next sync, with memory, sends it.
        const Run again = cliUnder(QStringLiteral("-l 64"), m_tablet, {QStringLiteral("sync")});
        QVERIFY2(again.exitCode == 0 && again.out.contains(QStringLiteral("delivered 1")), qPrintable(again.out + again.err));
        auto report = LeaderDesk(*m_leader->vault).collect(m_leader->reviewId);
        QVERIFY(report.ok());
        QCOMPARE(report->newNotes, 4);
    }
};

QTEST_GUILESS_MAIN(TestMemoryLimits)
#include "tst_memorylimits.moc"
