#include "notestore.h"
#include "noteverifier.h"
#include "testvault.h"
#include "vaultkeyfile.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <csignal>

using namespace fieldnotes;
using namespace fieldnotes::test;

namespace {
// Runs the child until a random moment (after it has started writing), then SIGKILLs it.
QStringList runAndKill(const QStringList &arguments, int minMs, int maxMs)
{
    QProcess child;
    child.start(QStringLiteral(FIELDNOTES_CRASH_CHILD), arguments);
    if (!child.waitForStarted(10000))
        return {QStringLiteral("!failed to start")};
    child.waitForReadyRead(10000); // the vault is open and work has begun
    QTest::qWait(QRandomGenerator::global()->bounded(minMs, maxMs));
    // processId() is 0 once the child has gone, and kill(0) would kill this whole process group.
    if (const qint64 pid = child.processId(); pid > 0)
        ::kill(pid_t(pid), SIGKILL);
    child.waitForFinished(10000);
    const QString output = QString::fromUtf8(child.readAllStandardOutput());
    return output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}
} // namespace

class TestCrashConsistency : public QObject
{
    Q_OBJECT

private slots:
    // Row 15: SIGKILL during writes; every acknowledged id present, chain and integrity intact.
    void killedWhileSigningLosesNothingAcknowledged()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("vault"));
        QStringList acknowledged;
        QStringList started;
        const int rounds = 40;
        for (int round = 0; round < rounds; ++round) {
            const QStringList lines = runAndKill({QStringLiteral("write"), path}, 1, 120);
            for (const QString &line : lines) {
                if (line.startsWith(QLatin1String("signed ")))
                    acknowledged << line.mid(7);
                else if (line.startsWith(QLatin1String("draft ")))
                    started << line.mid(6);
            }
        }
        qInfo("%d kills, %lld notes acknowledged as signed", rounds, qlonglong(acknowledged.size()));
        QVERIFY(acknowledged.size() > rounds);

        auto vault = Vault::open(path, secret("crash passphrase"), fastOptions());
        QVERIFY2(vault.ok(), vault.ok() ? "" : qPrintable(vault.error().message));
        QVERIFY((*vault)->integrityProblems()->isEmpty());
        NoteStore &store = (*vault)->store();
        for (const QString &id : std::as_const(acknowledged)) {
            auto note = store.note(id);
            QVERIFY2(note.ok() && note->isSigned(), qPrintable(id));
        }
        const QList<SignedNote> signedNotes = *store.signedNotes();
        const VerificationReport report = verifyNotes(signedNotes, {(*vault)->devicePublicKey()});
        for (const NoteVerification &verdict : report.notes)
            QVERIFY2(verdict.isValid(), qPrintable(verdict.describe().join(QLatin1Char('\n'))));
        // Gapless 1..n: a kill never burns a sequence number.
        for (int i = 0; i < signedNotes.size(); ++i)
            QCOMPARE(signedNotes[i].content.sequence, i + 1);
        QVERIFY(signedNotes.size() >= acknowledged.size());
    }

    // Row 28: passphrase change killed midway opens with the old or the new one, never neither.
    void killedWhileChangingThePassphraseOpensWithOneOfThem()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("vault"));
        {
            auto created = Vault::create(path, secret("passphrase A"), fastOptions());
            QVERIFY(created.ok());
        }
        int changes = 0;
        for (int round = 0; round < 40; ++round) {
            const QStringList lines = runAndKill({QStringLiteral("passwd"), path}, 1, 60);
            changes += int(lines.size());
            auto keyFile = VaultKeyFile::read(Vault::keyFilePath(path));
            QVERIFY2(keyFile.ok(), keyFile.ok() ? "" : qPrintable(keyFile.error().message));
            const bool opensWithA = keyFile->unwrap(secret("passphrase A")).ok();
            const bool opensWithB = keyFile->unwrap(secret("passphrase B")).ok();
            QVERIFY2(opensWithA != opensWithB, qPrintable(QStringLiteral("round %1").arg(round)));
            auto vault = Vault::open(path, secret(opensWithA ? "passphrase A" : "passphrase B"), fastOptions());
            QVERIFY2(vault.ok(), vault.ok() ? "" : qPrintable(vault.error().message));
        }
        qInfo("40 kills across %d passphrase changes", changes);
        QVERIFY(changes > 40);
    }
};

QTEST_GUILESS_MAIN(TestCrashConsistency)
#include "tst_crashconsistency.moc"
