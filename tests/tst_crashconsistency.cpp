#include "notestore.h"
#include "noteverifier.h"
#include "testvault.h"
#include "vaultkeyfile.h"

#include <QElapsedTimer>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <functional>
#include <tuple>

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
// A child under the power-cut shim (tests/support/powercut.c), watching notes.db and its WAL.
QProcessEnvironment powerCutEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral(FIELDNOTES_POWERCUT));
    environment.insert(QStringLiteral("ASAN_OPTIONS"), QStringLiteral("verify_asan_link_order=0:detect_leaks=0"));
    environment.insert(QStringLiteral("FIELDNOTES_CUT_FILES"), QStringLiteral("notes.db"));
    return environment;
}
// Cut points drawn from a seed said in the log, so that a failing run can be replayed.
QRandomGenerator cutPointsFromLoggedSeed()
{
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("cut points drawn with seed %u", seed);
    return QRandomGenerator(seed);
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

    // Row 16: power loss with WAL and synchronous=FULL. The power-cut shim (tests/support/powercut.c)
    // puts back every write to notes.db and its WAL since their last fsync at a random write, tears
    // what it keeps in every other round, and kills the writer: hundreds of cut points.
    void aPowerCutAtAnyWriteLosesNothingAcknowledged()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("vault"));
        QVERIFY(Vault::create(path, secret("crash passphrase"), fastOptions()).ok());
        QRandomGenerator random = cutPointsFromLoggedSeed();
        QStringList acknowledged;
        QStringList drafts;
        const int cuts = 300;
        int torn = 0;
        for (int round = 0; round < cuts; ++round) {
            QProcessEnvironment environment = powerCutEnvironment();
            environment.insert(QStringLiteral("FIELDNOTES_CUT_AT"), QString::number(random.bounded(1, 200)));
            if (round % 2) {
                environment.insert(QStringLiteral("FIELDNOTES_CUT_TEAR"), QString::number(random.bounded(1, 1 << 30)));
                ++torn;
            }
            QProcess child;
            child.setProcessEnvironment(environment);
            child.start(QStringLiteral(FIELDNOTES_CRASH_CHILD), {QStringLiteral("write"), path});
            QVERIFY(child.waitForFinished(60000));
            QVERIFY2(child.exitStatus() == QProcess::CrashExit, child.readAllStandardError().constData()); // cut, never finished
            for (const QString &line : QString::fromUtf8(child.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                if (line.startsWith(QLatin1String("signed ")))
                    acknowledged << line.mid(7);
                else if (line.startsWith(QLatin1String("draft ")))
                    drafts << line.mid(6);
            }
            // After every cut: it opens, its pages and structure are whole, and what was acknowledged is there.
            auto vault = Vault::open(path, secret("crash passphrase"), fastOptions());
            QVERIFY2(vault.ok(), vault.ok() ? "" : qPrintable(vault.error().message));
            const QStringList problems = *(*vault)->integrityProblems();
            QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("round %1: ").arg(round) + problems.join(QStringLiteral("; "))));
            NoteStore &store = (*vault)->store();
            for (const QString &id : std::as_const(drafts))
                QVERIFY2(store.note(id).ok(), qPrintable(QStringLiteral("round %1: draft %2 lost").arg(round).arg(id)));
            for (const QString &id : std::as_const(acknowledged)) {
                auto note = store.note(id);
                QVERIFY2(note.ok() && note->isSigned(), qPrintable(QStringLiteral("round %1: signed note %2 lost").arg(round).arg(id)));
            }
            // Nothing half there: every signed note verifies and the chain is gapless.
            const QList<SignedNote> signedNotes = *store.signedNotes();
            const VerificationReport report = verifyNotes(signedNotes, {(*vault)->devicePublicKey()});
            for (const NoteVerification &verdict : report.notes)
                QVERIFY2(verdict.isValid(), qPrintable(verdict.describe().join(QLatin1Char('\n'))));
            for (int i = 0; i < signedNotes.size(); ++i)
                QCOMPARE(signedNotes[i].content.sequence, i + 1);
        }
        qInfo("%d power cuts (%d torn): %lld notes acknowledged as signed, all there", cuts, torn, qlonglong(acknowledged.size()));
        QVERIFY(acknowledged.size() > cuts / 4);
    }

    // Row 16 for drafts: the draft writer commits without an fsync while the hand moves and syncs the
    // log when it pauses (or after a while without a pause), and reports a revision written only
    // then. A power cut at any write keeps every length it reported; the rest may go, never half.
    void aPowerCutWhileTypingKeepsEveryDraftReportedWritten()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("vault"));
        QVERIFY(Vault::create(path, secret("crash passphrase"), fastOptions()).ok());
        QRandomGenerator random = cutPointsFromLoggedSeed();
        const int cuts = 40;
        int roundsWithSaves = 0;
        int roundsKeepingMore = 0;
        for (int round = 0; round < cuts; ++round) {
            QProcessEnvironment environment = powerCutEnvironment();
            environment.insert(QStringLiteral("FIELDNOTES_CUT_AT"), QString::number(random.bounded(3, 150)));
            if (round % 2)
                environment.insert(QStringLiteral("FIELDNOTES_CUT_TEAR"), QString::number(random.bounded(1, 1 << 30)));
            QProcess child;
            child.setProcessEnvironment(environment);
            child.start(QStringLiteral(FIELDNOTES_CRASH_CHILD), {QStringLiteral("type"), path});
            QVERIFY(child.waitForFinished(60000));
            QVERIFY2(child.exitStatus() == QProcess::CrashExit, child.readAllStandardError().constData());
            QCOMPARE(child.exitCode(), SIGKILL); // the cut, not a crash of its own
            QString draftId;
            qsizetype durable = 0;
            for (const QString &line : QString::fromUtf8(child.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                if (line.startsWith(QLatin1String("draft ")))
                    draftId = line.mid(6);
                else if (line.startsWith(QLatin1String("durable ")))
                    durable = std::max(durable, qsizetype(line.mid(8).toLongLong()));
                else if (line.startsWith(QLatin1String("failed ")))
                    QFAIL(qPrintable(QStringLiteral("round %1: %2").arg(round).arg(line)));
            }
            auto vault = Vault::open(path, secret("crash passphrase"), fastOptions());
            QVERIFY2(vault.ok(), vault.ok() ? "" : qPrintable(vault.error().message));
            const QStringList problems = *(*vault)->integrityProblems();
            QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("round %1: ").arg(round) + problems.join(QStringLiteral("; "))));
            if (durable == 0)
                continue; // cut before the first sync: the draft may or may not be there
            ++roundsWithSaves;
            auto draft = (*vault)->store().note(draftId);
            QVERIFY2(draft.ok(), qPrintable(QStringLiteral("round %1: a draft reported written at %2 characters is gone").arg(round).arg(durable)));
            QVERIFY2(draft->text.size() >= durable,
                     qPrintable(QStringLiteral("round %1: %2 characters reported written, %3 kept").arg(round).arg(durable).arg(draft->text.size())));
            for (qsizetype i = 0; i < draft->text.size(); ++i) // what the child typed, and nothing else
                QVERIFY2(draft->text.at(i) == QLatin1Char('a' + i % 26), qPrintable(QStringLiteral("round %1: character %2").arg(round).arg(i)));
            if (draft->text.size() > durable)
                ++roundsKeepingMore;
        }
        qInfo("%d power cuts while typing: %d after a draft was reported written, every reported length kept; "
              "%d kept more than was reported",
              cuts, roundsWithSaves, roundsKeepingMore);
        QVERIFY(roundsWithSaves > cuts / 4);
    }

    // Row 24 for drafts: a failed fsync of the log is said, no revision it covered is reported
    // written, and the writer carries on: the next sync that works reports the latest text.
    void aFailedSyncWhileTypingIsSaidAndTheNextOneReports()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("vault"));
        QVERIFY(Vault::create(path, secret("crash passphrase"), fastOptions()).ok());
        const auto typeUntil = [&path](const QProcessEnvironment &environment, const std::function<bool(const QStringList &)> &enough) {
            QProcess child;
            child.setProcessEnvironment(environment);
            child.start(QStringLiteral(FIELDNOTES_CRASH_CHILD), {QStringLiteral("type"), path});
            child.waitForStarted(10000);
            QStringList lines;
            QElapsedTimer waiting;
            waiting.start();
            while (!enough(lines) && waiting.elapsed() < 30000 && child.state() == QProcess::Running) {
                child.waitForReadyRead(200);
                while (child.canReadLine())
                    lines << QString::fromUtf8(child.readLine()).trimmed();
            }
            if (const qint64 pid = child.processId(); pid > 0)
                ::kill(pid_t(pid), SIGKILL);
            child.waitForFinished(10000);
            return lines;
        };
        // A first run makes the review and its engagement (commits of their own), so that the
        // first fsync of the next run is the draft writer's.
        const QStringList first = typeUntil(QProcessEnvironment::systemEnvironment(), [](const QStringList &lines) {
            return lines.filter(QStringLiteral("durable ")).size() >= 1;
        });
        QVERIFY2(!first.filter(QStringLiteral("durable ")).isEmpty(), qPrintable(first.join(QLatin1Char('\n'))));

        const auto firstStartingWith = [](const QStringList &lines, QLatin1String start) {
            const auto found = std::find_if(lines.cbegin(), lines.cend(), [start](const QString &line) { return line.startsWith(start); });
            return found == lines.cend() ? -1 : found - lines.cbegin();
        };
        QProcessEnvironment environment = powerCutEnvironment();
        environment.insert(QStringLiteral("FIELDNOTES_EIO_FSYNC_AT"), QStringLiteral("1"));
        const QStringList lines = typeUntil(environment, [&](const QStringList &lines) {
            return firstStartingWith(lines, QLatin1String("failed ")) >= 0 && firstStartingWith(lines, QLatin1String("durable ")) >= 0;
        });
        const qsizetype failedAt = firstStartingWith(lines, QLatin1String("failed "));
        QVERIFY2(failedAt >= 0, qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY2(lines.at(failedAt).contains(QLatin1String("I/O error")), qPrintable(lines.at(failedAt)));
        QVERIFY2(firstStartingWith(lines, QLatin1String("durable ")) > failedAt, // nothing reported before it, then it carries on
                 qPrintable(lines.join(QLatin1Char('\n'))));
        auto vault = Vault::open(path, secret("crash passphrase"), fastOptions());
        QVERIFY2(vault.ok(), vault.ok() ? "" : qPrintable(vault.error().message));
        QVERIFY((*vault)->integrityProblems()->isEmpty());
    }

    // Row 24: an I/O error on fsync or on read, injected by the same shim under the real
    // fieldnotes-cli: said in words (exit 8), nothing acknowledged lost, the next start clean.
    void anIoErrorOnFsyncOrReadIsSaidAndLosesNothing()
    {
        ScratchVault scratch;
        const QString engagementId = scratch.engagementId;
        for (int i = 0; i < 3; ++i)
            scratch.addSignedNote(QStringLiteral("kept note %1").arg(i));
        const QString path = scratch.path();
        scratch.vault.reset();
        const auto cli = [&](const QStringList &arguments, const QMap<QString, QString> &fault) {
            QProcessEnvironment environment = fault.isEmpty() ? QProcessEnvironment::systemEnvironment() : powerCutEnvironment();
            for (auto it = fault.cbegin(); it != fault.cend(); ++it)
                environment.insert(it.key(), it.value());
            QProcess process;
            process.setProcessEnvironment(environment);
            process.start(QStringLiteral(FIELDNOTES_CLI),
                          QStringList{QStringLiteral("--vault"), path, QStringLiteral("--passphrase-fd"), QStringLiteral("0")} + arguments);
            process.write("scratch passphrase\n");
            process.closeWriteChannel();
            process.waitForFinished(60000);
            return std::tuple{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                              QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
        };
        const auto checkedClean = [&] {
            const auto [checkCode, checkOut, checkErr] = cli({QStringLiteral("check")}, {});
            QCOMPARE(checkCode, 0);
            const auto [verifyCode, verifyOut, verifyErr] = cli({QStringLiteral("verify")}, {});
            QVERIFY2(verifyCode == 0, qPrintable(verifyOut + verifyErr));
            const auto [listCode, listOut, listErr] = cli({QStringLiteral("note"), QStringLiteral("list")}, {});
            QCOMPARE(listCode, 0);
            for (int i = 0; i < 3; ++i)
                QVERIFY2(listOut.contains(QStringLiteral("kept note %1").arg(i)), qPrintable(listOut));
        };

        // The commit's fsync fails: the note is not acknowledged, and the CLI says why.
        const auto [code, out, err] = cli({QStringLiteral("note"), QStringLiteral("add"), QStringLiteral("--engagement"), engagementId,
                                           QStringLiteral("--kind"), QStringLiteral("statement"), QStringLiteral("--text"), QStringLiteral("written as the disk failed")},
                                          {{QStringLiteral("FIELDNOTES_EIO_FSYNC_AT"), QStringLiteral("1")}});
        QCOMPARE(code, 8);
        QVERIFY2(err.contains(QStringLiteral("I/O error")), qPrintable(err));
        QVERIFY(!out.contains(QStringLiteral("created"))); // nothing claimed
        checkedClean();

        // Reads fail at different points of opening and listing: either it works or it says so.
        int failed = 0;
        for (int readAt : {1, 2, 3, 5, 8, 13, 21}) {
            const auto [readCode, readOut, readErr] = cli({QStringLiteral("note"), QStringLiteral("list")},
                                                          {{QStringLiteral("FIELDNOTES_EIO_READ_AT"), QString::number(readAt)}});
            QVERIFY2(readCode == 0 || readCode == 8 || readCode == 5, qPrintable(QStringLiteral("read %1: exit %2 %3").arg(readAt).arg(readCode).arg(readErr)));
            if (readCode != 0) {
                ++failed;
                QVERIFY2(readErr.startsWith(QStringLiteral("fieldnotes-cli: ")) && readErr.count(QLatin1Char('\n')) == 1, qPrintable(readErr));
                QVERIFY(readOut.isEmpty());
            }
            checkedClean();
        }
        qInfo("an EIO at 7 read points: %d stopped with a message, the others read around it; the vault opened cleanly after each", failed);
        QVERIFY(failed > 0);
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
