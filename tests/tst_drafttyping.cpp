// Drafts written behind the typing: "saved" only once durable, typing coalesced, signing and
// locking write what is on screen first, and a SIGKILL while typing loses at most the bound
// the README gives. Real SQLCipher vaults, the real app's QML in a child process.
#include "checklistcontroller.h"
#include "draftwriter.h"
#include "noteeditorcontroller.h"
#include "notelistmodel.h"
#include "notesearcher.h"
#include "notestore.h"
#include "sqlitedatabase.h"
#include "testvault.h"
#include "vaultsession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <ctime>
#include <fcntl.h>
#include <unistd.h>

using namespace fieldnotes;
using namespace fieldnotes::ui;

namespace {
const QString passphrase = QStringLiteral("long enough passphrase");
// What the README promises a SIGKILL can lose: DraftWriter::defaultInterval plus a write, with room
// for a loaded machine.
constexpr long long killLossBoundMs = 300;

long long monotonicMs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec * 1000LL + now.tv_nsec / 1000000;
}

// The draft as another connection reads it from the file: what is durable, not what is cached.
QString textOnDisk(Vault &vault, const QString &draftId)
{
    auto connection = vault.openConnection();
    if (!connection)
        return QStringLiteral("<%1>").arg(connection.error().message);
    NoteStore store(**connection, vault.identity(), vault.clock());
    auto note = store.note(draftId);
    return note ? note->text : QString();
}
} // namespace

class TestDraftTyping : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;

    std::unique_ptr<VaultSession> newSession()
    {
        auto session = std::make_unique<VaultSession>(m_directory.filePath(QUuid::createUuid().toString(QUuid::WithoutBraces)), test::fastOptions(), true);
        if (!session->createVault(passphrase, passphrase))
            return nullptr;
        return session;
    }
    static QString firstEngagement(VaultSession &session)
    {
        return session.vault()->store().engagements(session.reviewId())->first().id;
    }

private slots:
    void savedIsNeverShownBeforeTheTextIsDurable()
    {
        auto session = newSession();
        QVERIFY(session);
        NoteEditorController editor;
        editor.setSession(session.get());
        editor.setEngagementId(firstEngagement(*session));
        int checked = 0;
        QString mismatch;
        connect(&editor, &NoteEditorController::savedChanged, this, [&] {
            if (!editor.isSaved())
                return;
            ++checked;
            const QString durable = textOnDisk(*session->vault(), editor.draftId());
            if (durable != editor.text())
                mismatch = QStringLiteral("shown saved with \"%1\" on screen but \"%2\" on disk").arg(editor.text(), durable);
        });
        const QString sentence = QStringLiteral("The youth worker said the club meets twice a week");
        for (qsizetype typed = 1; typed <= sentence.size(); ++typed) {
            editor.setText(sentence.left(typed));
            QVERIFY(!editor.isSaved()); // a keystroke is never durable at once
            QTest::qWait(typed % 7 == 0 ? 450 : 15); // pauses long enough for a write and its sync, and bursts
        }
        QTRY_VERIFY(editor.isSaved());
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QVERIFY(checked >= 2);
        QCOMPARE(textOnDisk(*session->vault(), editor.draftId()), sentence);
    }

    void typingIsCoalescedIntoFewWrites()
    {
        auto session = newSession();
        QVERIFY(session);
        QSignalSpy written(&session->vault()->drafts(), &DraftWriter::written);
        QVERIFY(written.isValid());
        NoteEditorController editor;
        editor.setSession(session.get());
        editor.setEngagementId(firstEngagement(*session));
        QString text;
        for (int key = 0; key < 200; ++key) {
            text += QLatin1Char(key % 6 == 5 ? ' ' : 'a' + key % 26);
            editor.setText(text); // 200 keystrokes in a burst
        }
        QTRY_VERIFY(editor.isSaved());
        QVERIFY2(written.count() <= 3, qPrintable(QString::number(written.count())));
        QCOMPARE(textOnDisk(*session->vault(), editor.draftId()), text);
    }

    // While the hand moves, drafts are committed without an fsync and nothing is reported saved;
    // a pause, or typing on past the limit, puts them on the disk with one fsync of the log, and
    // only then is the latest revision reported. (What a power cut keeps: tst_crashconsistency.)
    void writesAreSyncedWhenTheHandPausesAndOnlyThenReported()
    {
        auto session = newSession();
        QVERIFY(session);
        Vault &vault = *session->vault();
        auto connection = vault.openConnection();
        QVERIFY(connection);
        // Wider than the app's 150 ms and 1 s, so that a loaded machine cannot pause the typing by accident.
        const std::chrono::milliseconds interval(300), syncWithin(2000);
        DraftWriter writer(std::move(*connection), vault.identity(), vault.clock(), interval, syncWithin);
        QSignalSpy written(&writer, &DraftWriter::written);
        QVERIFY(written.isValid());
        Note draft;
        draft.id = DraftWriter::newDraftId();
        draft.engagementId = firstEngagement(*session);
        draft.kind = NoteKind::Observation;
        const auto typeFor = [&](int ms) {
            quint64 revision = 0;
            QElapsedTimer typing;
            typing.start();
            while (typing.elapsed() < ms) {
                draft.text += QLatin1Char('a' + draft.text.size() % 26);
                revision = writer.submit(draft);
                QTest::qWait(20);
            }
            return revision;
        };

        quint64 last = typeFor(1000);
        QCOMPARE(written.count(), 0); // committed as it went, never synced, so never reported
        QVERIFY(textOnDisk(vault, draft.id).size() > 10); // another connection already reads it
        QTRY_COMPARE(written.count(), 1); // the pause: one sync, the latest revision only
        QCOMPARE(written.first().at(1).value<quint64>(), last);
        QCOMPARE(textOnDisk(vault, draft.id), draft.text);

        written.clear();
        last = typeFor(5000); // no pause: synced every syncWithin all the same
        const qsizetype duringTyping = written.count();
        QVERIFY2(duringTyping >= 1 && duringTyping <= 3, qPrintable(QString::number(duringTyping)));
        QTRY_COMPARE(written.last().at(1).value<quint64>(), last);
        QVERIFY(writer.flush());
    }

    // The writer's thread carries its name, which the UI benchmark's per-thread figures use.
    void theWriterThreadIsNamed()
    {
        const auto writerThreads = [] {
            int count = 0;
            for (const QString &task : QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(task));
                if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "draft writer")
                    ++count;
            }
            return count;
        };
        const int before = writerThreads();
        auto session = newSession();
        QVERIFY(session);
        QTRY_COMPARE(writerThreads(), before + 1);
    }

    void signingAndLockingWriteWhatIsOnScreenFirst()
    {
        auto session = newSession();
        QVERIFY(session);
        const QString engagementId = firstEngagement(*session);
        NoteListModel notes;
        notes.setSession(session.get());
        notes.setEngagementId(engagementId);
        NoteEditorController editor;
        editor.setSession(session.get());
        editor.setEngagementId(engagementId);
        editor.setText(QStringLiteral("Six families came"));
        QTRY_VERIFY(editor.isSaved());
        editor.setText(QStringLiteral("Six families came to the first session"));
        QCOMPARE(notes.signDrafts(passphrase, {editor.draftId()}), 1); // at once: the last words are not on disk yet
        const QList<SignedNote> signedNotes = *session->vault()->store().signedNotes();
        QCOMPARE(signedNotes.size(), 1);
        QCOMPARE(signedNotes.first().content.text, QStringLiteral("Six families came to the first session"));

        editor.startNew();
        editor.setText(QStringLiteral("A second note, locked at once"));
        const QString draftId = editor.draftId();
        session->lock();
        QVERIFY(session->unlock(passphrase));
        QCOMPARE(session->vault()->store().note(draftId)->text, QStringLiteral("A second note, locked at once"));
    }

    void aDraftThatCannotBeWrittenIsNeverShownSaved()
    {
        auto session = newSession();
        QVERIFY(session);
        QSignalSpy errors(session.get(), &VaultSession::errorOccurred);
        QVERIFY(errors.isValid());
        NoteEditorController editor;
        editor.setSession(session.get());
        editor.setEngagementId(QStringLiteral("no-such-engagement"));
        editor.setText(QStringLiteral("Typed into an engagement that is not in the vault"));
        QTRY_VERIFY(errors.count() > 0);
        QVERIFY(errors.first().first().toString().startsWith(QStringLiteral("A draft could not be saved")));
        QTest::qWait(300);
        QVERIFY(!editor.isSaved());
    }

    // The writer and the searcher each open a connection of their own; when that open failed,
    // every draft and every search says why instead of vanishing, and flush() reports it too.
    void workersWithoutTheirConnectionSayWhy()
    {
        auto session = newSession();
        QVERIFY(session);
        Vault &vault = *session->vault();
        DraftWriter writer(nullptr, vault.identity(), vault.clock(), std::chrono::milliseconds(10));
        QSignalSpy written(&writer, &DraftWriter::written);
        QSignalSpy failed(&writer, &DraftWriter::failed);
        QVERIFY(written.isValid() && failed.isValid());
        Note draft;
        draft.id = DraftWriter::newDraftId();
        draft.engagementId = firstEngagement(*session);
        draft.text = QStringLiteral("Typed while the writer had no connection");
        writer.submit(draft);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(0).toString(), draft.id);
        QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("could not be opened")));
        QVERIFY(!writer.flush());
        QCOMPARE(written.count(), 0);

        NoteSearcher searcher(nullptr, vault.identity(), vault.clock());
        QSignalSpy found(&searcher, &NoteSearcher::found);
        QSignalSpy searchFailed(&searcher, &NoteSearcher::failed);
        QVERIFY(found.isValid() && searchFailed.isValid());
        const quint64 request = searcher.search(this, QStringLiteral("connection"), NoteFilter{}, QStringLiteral("["), QStringLiteral("]"));
        QTRY_COMPARE(searchFailed.count(), 1);
        QCOMPARE(searchFailed.first().at(1).value<quint64>(), request);
        QVERIFY(searchFailed.first().at(2).toString().contains(QStringLiteral("could not be opened")));
        QCOMPARE(found.count(), 0);
    }

    // RELIABILITY.md rows 15 and 17: SIGKILL while typing, in the real app's UI.
    void aKillWhileTypingLosesAtMostTheBound()
    {
        const QString directory = m_directory.filePath(QStringLiteral("killed"));
        QString engagementId;
        {
            VaultSession session(directory, test::fastOptions(), true);
            QVERIFY(session.createVault(passphrase, passphrase));
            engagementId = firstEngagement(session);
            ChecklistController opening;
            opening.setSession(&session);
            opening.setEngagementId(engagementId);
            for (int row = 0; row < opening.rowCount(); ++row)
                QVERIFY(opening.tick(row));
            QVERIFY(opening.isComplete());
        }
        const QString typedText = QStringLiteral("a parent said the club keeps her son in school on most days of the week ");
        QRandomGenerator random(20261202);
        QString previousDraft;
        qsizetype previousDurable = 0;
        for (int round = 0; round < 6; ++round) {
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            child.start(QStringLiteral(FIELDNOTES_DRAFT_KILL_CHILD), {directory, engagementId});
            QVERIFY(child.waitForStarted());
            child.write((passphrase + QLatin1Char('\n')).toUtf8());
            child.closeWriteChannel();
            QByteArray output;
            QElapsedTimer waited;
            waited.start();
            while (!output.contains("ready\n") && waited.elapsed() < 60000 && child.state() == QProcess::Running) {
                child.waitForReadyRead(100);
                output += child.readAll();
            }
            QVERIFY2(output.contains("ready\n"), output.constData());
            const int typingMs = 200 + int(random.bounded(1300));
            waited.restart();
            while (waited.elapsed() < typingMs) {
                child.waitForReadyRead(10);
                output += child.readAll();
            }
            QVERIFY2(child.processId() > 0, "the app exited before it was killed"); // kill(0) would take this process group
            ::kill(pid_t(child.processId()), SIGKILL);
            const long long killedAt = monotonicMs();
            QVERIFY(child.waitForFinished(10000));
            output += child.readAll();

            QString draftId;
            qsizetype mustHave = 0;
            qsizetype lastTyped = 0;
            QList<std::pair<qsizetype, long long>> keystrokes; // length after each key, and when
            for (const QByteArray &line : output.split('\n')) {
                const QList<QByteArray> fields = line.split(' ');
                if (fields.value(0) == "draft")
                    draftId = QString::fromLatin1(fields.value(1));
                if (fields.value(0) == "resumed") { // the last round's note, back in the editor as it was durable
                    QCOMPARE(QString::fromLatin1(fields.value(1)), previousDraft);
                    QCOMPARE(fields.value(2).toLongLong(), qlonglong(previousDurable));
                }
                if (fields.value(0) == "typed" && fields.size() == 3) {
                    lastTyped = fields[1].toLongLong();
                    keystrokes.append({lastTyped, fields[2].toLongLong()});
                    if (fields[2].toLongLong() <= killedAt - killLossBoundMs)
                        mustHave = lastTyped;
                }
            }
            QVERIFY2(!draftId.isEmpty() && lastTyped > 10, output.constData());
            QCOMPARE(output.contains("resumed "), round > 0);
            auto vault = Vault::open(directory, test::secret("long enough passphrase"));
            QVERIFY2(vault, qPrintable(vault ? QString() : vault.error().message));
            QVERIFY((*vault)->integrityProblems()->isEmpty());
            auto draft = (*vault)->store().note(draftId);
            QVERIFY2(draft, qPrintable(QStringLiteral("round %1: no draft after %2 ms of typing").arg(round).arg(typingMs)));
            const QString expected = typedText.repeated(3).left(lastTyped);
            QVERIFY2(expected.startsWith(draft->text), qPrintable(draft->text));
            QVERIFY2(draft->text.size() >= mustHave,
                     qPrintable(QStringLiteral("round %1: %2 characters durable, but %3 were typed %4 ms or more before the kill")
                                    .arg(round).arg(draft->text.size()).arg(mustHave).arg(killLossBoundMs)));
            previousDraft = draftId;
            previousDurable = draft->text.size();
            long long lostMs = 0; // how long before the kill the first character lost was typed
            for (const auto &[length, at] : std::as_const(keystrokes))
                if (length > draft->text.size()) {
                    lostMs = killedAt - at;
                    break;
                }
            qInfo("round %d: killed after %d ms; %lld typed, %lld durable, %lld required; lost the last %lld ms of typing",
                  round, typingMs, qlonglong(lastTyped), qlonglong(draft->text.size()), qlonglong(mustHave), lostMs);
        }
    }

    // Run with the slow-flash shim (tst_drafttyping_slowflash): shows that the shim is in effect.
    void slowFlashIsInEffectWhenAsked()
    {
        if (qEnvironmentVariableIsEmpty("FIELDNOTES_EXPECT_SLOW_FSYNC"))
            QSKIP("runs under the slow-flash shim only");
        const QByteArray path = QFile::encodeName(m_directory.filePath(QStringLiteral("probe")));
        const int fd = ::open(path.constData(), O_CREAT | O_WRONLY, 0600);
        QVERIFY(fd >= 0);
        QCOMPARE(::write(fd, "x", 1), ssize_t(1));
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(::fsync(fd), 0);
        QVERIFY2(timer.elapsed() >= 10, qPrintable(QString::number(timer.elapsed())));
        ::close(fd);
    }
};

QTEST_MAIN(TestDraftTyping)
#include "tst_drafttyping.moc"
