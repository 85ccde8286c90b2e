#include "notestore.h"
#include "testvault.h"
#include "vaultkeyfile.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
    QString lastLine() const { return out.trimmed().split(QLatin1Char('\n')).last(); }
};
} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;
    QString vaultPath() const { return m_directory.filePath(QStringLiteral("vault")); }

    CliRun run(const QStringList &arguments, const QByteArray &input = "cli passphrase\n", const QString &vault = QString())
    {
        QProcess process;
        process.start(QStringLiteral(FIELDNOTES_CLI),
                      QStringList{QStringLiteral("--vault"), vault.isEmpty() ? vaultPath() : vault, QStringLiteral("--passphrase-fd"),
                                  QStringLiteral("0")}
                          + arguments);
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(60000);
        return CliRun{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                      QString::fromUtf8(process.readAllStandardError())};
    }

    QString m_engagementId;
    QString m_signedId;

private slots:
    void initTestCase()
    {
        QVERIFY(m_directory.isValid());
        const CliRun init = run({QStringLiteral("init"), QStringLiteral("--kdf"), QStringLiteral("interactive")});
        QCOMPARE(init.exitCode, 0);
        QVERIFY(init.out.contains(QStringLiteral("device key")));
        QVERIFY(QFile::exists(vaultPath() + QStringLiteral("/vault.key")));
    }

    void helpListsEveryCommandTheReadmeDocuments()
    {
        QFile readme(QStringLiteral(FIELDNOTES_TEST_DATA "/../../README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(readme.readAll());
        const qsizetype start = text.indexOf(QStringLiteral("fieldnotes-cli [--vault DIR] [--passphrase-fd N] COMMAND ..."));
        QVERIFY(start > 0);
        const QString block = text.mid(start, text.indexOf(QStringLiteral("```"), start) - start);
        const CliRun help = run({QStringLiteral("--help")}, {}, QString());
        QStringList documented;
        static const QRegularExpression command(QStringLiteral("^  ([a-z-]+)(?: (add|list|sign|amend))?\\b"));
        for (const QString &line : block.split(QLatin1Char('\n'))) {
            const QRegularExpressionMatch match = command.match(line);
            if (!match.hasMatch())
                continue;
            const QString name = match.captured(2).isEmpty() ? match.captured(1) : match.captured(1) + QLatin1Char(' ') + match.captured(2);
            documented << name;
            QVERIFY2(help.out.contains(QStringLiteral("  ") + name), qPrintable(name + QStringLiteral(" is not in --help")));
        }
        QVERIFY2(documented.size() >= 20, qPrintable(documented.join(QStringLiteral(", "))));
        QVERIFY(documented.contains(QStringLiteral("engagement list")) && documented.contains(QStringLiteral("sync")));
    }

    void aWholeReviewFromTheCommandLine()
    {
        const CliRun review = run({QStringLiteral("review"), QStringLiteral("add"), QStringLiteral("--title"), QStringLiteral("CYPP review 2010"),
                                   QStringLiteral("--start"), QStringLiteral("2010-04-19"), QStringLiteral("--end"), QStringLiteral("2010-04-23")});
        QCOMPARE(review.exitCode, 0);
        const CliRun priority = run({QStringLiteral("priority"), QStringLiteral("add"), QStringLiteral("--title"), QStringLiteral("Attendance"),
                                     QStringLiteral("--question"), QStringLiteral("What would you do differently?"),
                                     QStringLiteral("--question"), QStringLiteral("Who else should be involved?")});
        QCOMPARE(priority.exitCode, 0);
        const CliRun engagement = run({QStringLiteral("engagement"), QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("focus-group"),
                                       QStringLiteral("--priority"), priority.lastLine(), QStringLiteral("--start"),
                                       QStringLiteral("2010-04-20T10:00:00Z"), QStringLiteral("--minutes"), QStringLiteral("60"),
                                       QStringLiteral("--participants"), QStringLiteral("young person=6")});
        QCOMPARE(engagement.exitCode, 0);
        m_engagementId = engagement.lastLine();

        const CliRun first = run({QStringLiteral("note"), QStringLiteral("add"), QStringLiteral("--engagement"), m_engagementId,
                                  QStringLiteral("--kind"), QStringLiteral("statement"), QStringLiteral("--text"),
                                  QStringLiteral("Attendance improved after the breakfast club opened"), QStringLiteral("--evidence-given")});
        QCOMPARE(first.exitCode, 0);
        const CliRun second = run({QStringLiteral("note"), QStringLiteral("add"), QStringLiteral("--engagement"), m_engagementId,
                                   QStringLiteral("--kind"), QStringLiteral("good-practice"), QStringLiteral("--text"),
                                   QStringLiteral("Young people run the breakfast club rota")});
        QCOMPARE(second.exitCode, 0);
        // A statement is signed only once its evidence question is answered ("not asked" is an answer).
        const CliRun unanswered = run({QStringLiteral("note"), QStringLiteral("add"), QStringLiteral("--engagement"), m_engagementId,
                                       QStringLiteral("--kind"), QStringLiteral("statement"), QStringLiteral("--text"), QStringLiteral("Unanswered")});
        QCOMPARE(unanswered.exitCode, 0);
        const CliRun refused = run({QStringLiteral("note"), QStringLiteral("sign"), unanswered.lastLine()});
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains(QStringLiteral("evidence")), qPrintable(refused.err));
        QVERIFY(run({QStringLiteral("note"), QStringLiteral("add"), QStringLiteral("--engagement"), m_engagementId, QStringLiteral("--kind"),
                     QStringLiteral("statement"), QStringLiteral("--text"), QStringLiteral("Contradiction"), QStringLiteral("--evidence-given"),
                     QStringLiteral("--evidence-not-asked")}).exitCode != 0);
        const CliRun sign = run({QStringLiteral("note"), QStringLiteral("sign"), first.lastLine()});
        QCOMPARE(sign.exitCode, 0);
        QVERIFY(sign.out.contains(QStringLiteral("sequence 1")));
        m_signedId = first.lastLine();

        // A script finds the ids it needs.
        const CliRun reviews = run({QStringLiteral("review"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(reviews.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(reviews.out.toUtf8()).array().at(0)[QLatin1String("title")].toString(), QStringLiteral("CYPP review 2010"));
        const CliRun priorities = run({QStringLiteral("priority"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(priorities.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(priorities.out.toUtf8()).array().at(0)[QLatin1String("id")].toString(), priority.lastLine());
        const CliRun programme = run({QStringLiteral("engagement"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(programme.exitCode, 0);
        const QJsonArray engagements = QJsonDocument::fromJson(programme.out.toUtf8()).array();
        QCOMPARE(engagements.size(), 1);
        QCOMPARE(engagements.at(0)[QLatin1String("id")].toString(), m_engagementId);
        QCOMPARE(engagements.at(0)[QLatin1String("kind")].toString(), QStringLiteral("focus-group"));
        const CliRun plainProgramme = run({QStringLiteral("engagement"), QStringLiteral("list")});
        QVERIFY(plainProgramme.out.startsWith(m_engagementId));
        QCOMPARE(run({QStringLiteral("engagement"), QStringLiteral("list"), QStringLiteral("--review"), QStringLiteral("none")}).out, QString());

        const CliRun list = run({QStringLiteral("note"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray notes = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(notes.size(), 3); // the unanswered statement stays a draft
        QCOMPARE(notes[0][QLatin1String("state")].toString(), QStringLiteral("signed"));
        QCOMPARE(notes[0][QLatin1String("evidence_given")].toBool(), true);
        QCOMPARE(notes[1][QLatin1String("state")].toString(), QStringLiteral("draft"));
        QCOMPARE(notes[1][QLatin1String("kind")].toString(), QStringLiteral("good-practice"));

        const CliRun search = run({QStringLiteral("search"), QStringLiteral("breakfast"), QStringLiteral("--json")});
        QCOMPARE(search.exitCode, 0);
        const QJsonArray hits = QJsonDocument::fromJson(search.out.toUtf8()).array();
        QCOMPARE(hits.size(), 2);
        QVERIFY(hits[0][QLatin1String("snippet")].toString().contains(QStringLiteral("[breakfast]")));

        const CliRun exported = run({QStringLiteral("export")});
        QCOMPARE(exported.exitCode, 0);
        const QJsonObject line = QJsonDocument::fromJson(exported.out.trimmed().toUtf8()).object();
        for (const char *field : {"id", "sequence", "previous_hash", "hash", "public_key", "signature", "canonical", "kind", "text", "created_at", "engagement"})
            QVERIFY2(line.contains(QLatin1String(field)), field);
        QCOMPARE(QByteArray::fromBase64(line[QLatin1String("public_key")].toString().toLatin1()).size(), 32);
        QCOMPARE(QByteArray::fromBase64(line[QLatin1String("signature")].toString().toLatin1()).size(), 64);

        const CliRun verify = run({QStringLiteral("verify")});
        QCOMPARE(verify.exitCode, 0);
        QVERIFY(verify.out.contains(QStringLiteral("1 signed note verified")));
    }

    void verifyingAnExportFindsEachProblem()
    {
        for (int i = 0; i < 3; ++i) {
            const CliRun added = run({QStringLiteral("note"), QStringLiteral("add"), QStringLiteral("--engagement"), m_engagementId,
                                      QStringLiteral("--kind"), QStringLiteral("observation"), QStringLiteral("--text"),
                                      QStringLiteral("Observation %1").arg(i)});
            QCOMPARE(run({QStringLiteral("note"), QStringLiteral("sign"), added.lastLine()}).exitCode, 0);
        }
        const QStringList lines = run({QStringLiteral("export")}).out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);
        const auto writeFile = [this](const QString &name, const QStringList &content) {
            QFile file(m_directory.filePath(name));
            file.open(QIODevice::WriteOnly);
            file.write(content.join(QLatin1Char('\n')).toUtf8() + '\n');
            return file.fileName();
        };
        const CliRun good = run({QStringLiteral("verify"), writeFile(QStringLiteral("good.jsonl"), lines)}, "");
        QCOMPARE(good.exitCode, 0);
        QVERIFY(good.out.contains(QStringLiteral("4 signed notes verified")));

        QStringList altered = lines;
        QJsonObject second = QJsonDocument::fromJson(altered[1].toUtf8()).object();
        second.insert(QStringLiteral("text"), QStringLiteral("Something else entirely"));
        altered[1] = QString::fromUtf8(QJsonDocument(second).toJson(QJsonDocument::Compact));
        const CliRun alteredRun = run({QStringLiteral("verify"), writeFile(QStringLiteral("altered.jsonl"), altered)}, "");
        QCOMPARE(alteredRun.exitCode, 1);
        QVERIFY2(alteredRun.out.contains(QStringLiteral("altered content: text")), qPrintable(alteredRun.out));

        QStringList gap = lines;
        gap.removeAt(2);
        const CliRun gapRun = run({QStringLiteral("verify"), writeFile(QStringLiteral("gap.jsonl"), gap)}, "");
        QCOMPARE(gapRun.exitCode, 1);
        QVERIFY2(gapRun.out.contains(QStringLiteral("missing sequence numbers before it: 3")), qPrintable(gapRun.out));

        const CliRun duplicate = run({QStringLiteral("verify"), writeFile(QStringLiteral("dup.jsonl"), lines + QStringList{lines[1]})}, "");
        QCOMPARE(duplicate.exitCode, 1);
        QVERIFY(duplicate.out.contains(QStringLiteral("duplicate sequence number")));

        const CliRun garbage = run({QStringLiteral("verify"), writeFile(QStringLiteral("garbage.jsonl"), {lines[0], QStringLiteral("{\"id\": 3")})}, "");
        QCOMPARE(garbage.exitCode, 1);
        QVERIFY(garbage.out.contains(QStringLiteral("line 2")));

        const CliRun stranger = run({QStringLiteral("verify"), m_directory.filePath(QStringLiteral("good.jsonl")), QStringLiteral("--key"),
                                     QString::fromLatin1(QByteArray(32, 'k').toBase64())}, "");
        QCOMPARE(stranger.exitCode, 1);
        QVERIFY(stranger.out.contains(QStringLiteral("not trusted")));
    }

    void errorsAreOneClearLineWithADocumentedCode()
    {
        const CliRun wrong = run({QStringLiteral("note"), QStringLiteral("list")}, "not the passphrase\n");
        QCOMPARE(wrong.exitCode, 3);
        QVERIFY(wrong.err.startsWith(QStringLiteral("fieldnotes-cli: wrong passphrase")));
        QCOMPARE(wrong.err.trimmed().count(QLatin1Char('\n')), 0);

        const CliRun noInput = run({QStringLiteral("note"), QStringLiteral("list")}, "");
        QCOMPARE(noInput.exitCode, 3);
        QVERIFY(noInput.err.contains(QStringLiteral("no passphrase")));

        // Past the delay the right passphrase works again (and clears the count).
        QTest::qWait(1100);
        QCOMPARE(run({QStringLiteral("note"), QStringLiteral("list")}).exitCode, 0);

        QCOMPARE(run({QStringLiteral("init")}).exitCode, 4);
        QCOMPARE(run({QStringLiteral("note"), QStringLiteral("list")}, "x\n", m_directory.filePath(QStringLiteral("nowhere"))).exitCode, 4);
        QCOMPARE(run({QStringLiteral("note"), QStringLiteral("sign"), m_signedId}).exitCode, 7);
        QCOMPARE(run({QStringLiteral("note"), QStringLiteral("sign"), QStringLiteral("no-such-note")}).exitCode, 6);
        QCOMPARE(run({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("note"), QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("rumour")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("note"), QStringLiteral("list"), QStringLiteral("--colour"), QStringLiteral("red")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("verify"), m_directory.filePath(QStringLiteral("absent.jsonl"))}, "").exitCode, 6);
    }

    // The report, export and bundle commands: a wrong word is a usage error, a vault that leads
    // no review says so in one line, and verify-bundle on no bag fails naming it.
    void reportAndBundleCommandsRefuseBadInput()
    {
        QCOMPARE(run({QStringLiteral("leader"), QStringLiteral("report"), QStringLiteral("issue"), QStringLiteral("soon")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("leader"), QStringLiteral("report"), QStringLiteral("export"), QStringLiteral("two"), QStringLiteral("--output"),
                      m_directory.filePath(QStringLiteral("out"))})
                     .exitCode,
                 2);
        QCOMPARE(run({QStringLiteral("leader"), QStringLiteral("report")}).exitCode, 2); // no --output
        QCOMPARE(run({QStringLiteral("leader"), QStringLiteral("export"), QStringLiteral("xml"), QStringLiteral("--output"),
                      m_directory.filePath(QStringLiteral("out.xml"))})
                     .exitCode,
                 2);
        QCOMPARE(run({QStringLiteral("leader"), QStringLiteral("consultation"), QStringLiteral("add"), QStringLiteral("--finding"), QStringLiteral("F1")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("verify-bundle"), m_directory.path(), QStringLiteral("--key"), QStringLiteral("not-hex")}, "").exitCode, 2);

        const CliRun notLeading = run({QStringLiteral("leader"), QStringLiteral("bundle"), QStringLiteral("--output"), m_directory.filePath(QStringLiteral("bag"))});
        QVERIFY(notLeading.exitCode != 0);
        QCOMPARE(notLeading.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY(!QFile::exists(m_directory.filePath(QStringLiteral("bag"))));

        const QString nowhere = m_directory.filePath(QStringLiteral("no-bag"));
        const CliRun noBag = run({QStringLiteral("verify-bundle"), nowhere}, "");
        QCOMPARE(noBag.exitCode, 1);
        QVERIFY(noBag.out.contains(nowhere + QStringLiteral(" is not a folder")));
    }

    void amendingAndChangingThePassphrase()
    {
        const CliRun amend = run({QStringLiteral("note"), QStringLiteral("amend"), m_signedId, QStringLiteral("--text"),
                                  QStringLiteral("Correction: it was the homework club")});
        QCOMPARE(amend.exitCode, 0);
        QCOMPARE(run({QStringLiteral("verify")}).exitCode, 0);

        QCOMPARE(run({QStringLiteral("passwd"), QStringLiteral("--kdf"), QStringLiteral("interactive")}, "cli passphrase\nnew cli passphrase\n").exitCode, 0);
        QCOMPARE(run({QStringLiteral("verify")}, "new cli passphrase\n").exitCode, 0);
        QCOMPARE(run({QStringLiteral("check")}, "new cli passphrase\n").exitCode, 0);

        // Security review, finding 9: without --kdf the file keeps its own Argon2id settings
        // (here INTERACTIVE, so a silent switch to the default would show), with a fresh salt.
        const QString keyFile = vaultPath() + QStringLiteral("/vault.key");
        const fieldnotes::KdfParameters before = fieldnotes::VaultKeyFile::read(keyFile)->kdf;
        QCOMPARE(before.memLimitBytes, fieldnotes::KdfParameters::interactive().memLimitBytes);
        QCOMPARE(run({QStringLiteral("passwd")}, "new cli passphrase\nthird cli passphrase\n").exitCode, 0);
        const fieldnotes::KdfParameters after = fieldnotes::VaultKeyFile::read(keyFile)->kdf;
        QCOMPARE(after.opsLimit, before.opsLimit);
        QCOMPARE(after.memLimitBytes, before.memLimitBytes);
        QVERIFY(after.salt != before.salt);
        QCOMPARE(run({QStringLiteral("passwd")}, "third cli passphrase\nnew cli passphrase\n").exitCode, 0);
    }

    // Security review, finding 11: a passphrase longer than the reader takes is refused in
    // words, never cut to its first 1,024 bytes.
    void anOverlongPassphraseIsRefusedNotCut()
    {
        const QString vault = m_directory.filePath(QStringLiteral("long"));
        const CliRun tooLong = run({QStringLiteral("init"), QStringLiteral("--kdf"), QStringLiteral("interactive")},
                                   QByteArray(2000, 'p') + '\n', vault);
        QVERIFY(tooLong.exitCode != 0);
        QVERIFY2(tooLong.err.contains(QStringLiteral("longer than 1024 bytes")), qPrintable(tooLong.err));
        QVERIFY(!QFile::exists(vault + QStringLiteral("/vault.key")));
        QCOMPARE(run({QStringLiteral("init"), QStringLiteral("--kdf"), QStringLiteral("interactive")}, QByteArray(1024, 'p') + '\n', vault).exitCode, 0);
        QCOMPARE(run({QStringLiteral("check")}, QByteArray(1024, 'p') + '\n', vault).exitCode, 0);
    }

    // Security review, finding 10: wrong passphrases tried in parallel queue behind one another,
    // so the growing delay holds: one is checked, the others are told to wait.
    void parallelWrongPassphrasesMeetTheDelay()
    {
        const QString vault = m_directory.filePath(QStringLiteral("parallel"));
        QCOMPARE(run({QStringLiteral("init"), QStringLiteral("--kdf"), QStringLiteral("interactive")}, "right passphrase\n", vault).exitCode, 0);
        std::vector<std::unique_ptr<QProcess>> attempts;
        for (int i = 0; i < 8; ++i) {
            auto process = std::make_unique<QProcess>();
            process->start(QStringLiteral(FIELDNOTES_CLI), {QStringLiteral("--vault"), vault, QStringLiteral("--passphrase-fd"),
                                                            QStringLiteral("0"), QStringLiteral("check")});
            QVERIFY(process->waitForStarted());
            process->write("wrong passphrase\n");
            process->closeWriteChannel();
            QVERIFY(process->waitForBytesWritten());
            attempts.push_back(std::move(process));
        }
        int checked = 0;
        int toldToWait = 0;
        for (auto &process : attempts) {
            QVERIFY(process->waitForFinished(60000));
            const QString error = QString::fromUtf8(process->readAllStandardError());
            QVERIFY(process->exitCode() != 0);
            checked += error.contains(QStringLiteral("failed attempt")) ? 1 : 0;
            toldToWait += error.contains(QStringLiteral("try again in")) ? 1 : 0;
        }
        // Usually one is checked; an attempt that starts after a delay has run out (the CLI waits
        // it out) is checked too, after it. Never all eight at once.
        QVERIFY2(checked >= 1 && checked < 8, qPrintable(QString::number(checked)));
        QCOMPARE(checked + toldToWait, 8);
        // And every attempt that was checked is counted: none lost to a parallel update.
        QFile failures(vault + QStringLiteral("/unlock-failures"));
        QVERIFY(failures.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(failures.readAll()).object().value(QStringLiteral("failures")).toInt(), checked);
    }

    // Row 18 of RELIABILITY.md: an export killed at any moment leaves no partial file behind.
    void aKilledExportLeavesNoPartialFile()
    {
        const QString bigVault = m_directory.filePath(QStringLiteral("big"));
        auto created = fieldnotes::Vault::create(bigVault, fieldnotes::test::secret("cli passphrase"), fieldnotes::test::fastOptions());
        QVERIFY(created.ok());
        fieldnotes::NoteStore &store = (*created)->store();
        const QString reviewId = store.addReview(fieldnotes::Review{{}, QStringLiteral("Big"), QDate(2026, 1, 5), QDate(2026, 1, 9)})->id;
        fieldnotes::Engagement engagement;
        engagement.priorityId = store.addPriority(fieldnotes::Priority{{}, reviewId, QStringLiteral("P"), {}, {}})->id;
        engagement.scheduledStart = QDateTime::currentDateTimeUtc();
        engagement.agreedMinutes = 30;
        const QString engagementId = store.addEngagement(engagement)->id;
        QList<fieldnotes::Note> batch;
        for (int i = 0; i < 4000; ++i) {
            fieldnotes::Note note;
            note.engagementId = engagementId;
            note.text = QStringLiteral("Note %1 ").arg(i) + QString(200, QLatin1Char('z'));
            batch << note;
        }
        QVERIFY(store.createAndSign(batch).ok());
        created->reset();

        const QString target = m_directory.filePath(QStringLiteral("export.jsonl"));
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--output"), target}, "cli passphrase\n", bigVault).exitCode, 0);
        const int fullRunMs = int(timer.elapsed());
        QVERIFY(QFile::remove(target));

        int complete = 0;
        for (int round = 0; round < 12; ++round) {
            QProcess process;
            process.start(QStringLiteral(FIELDNOTES_CLI), {QStringLiteral("--vault"), bigVault, QStringLiteral("--passphrase-fd"),
                                                           QStringLiteral("0"), QStringLiteral("export"), QStringLiteral("--output"), target});
            process.write("cli passphrase\n");
            process.closeWriteChannel();
            QTest::qWait(QRandomGenerator::global()->bounded(fullRunMs + 1));
            process.kill();
            process.waitForFinished(10000);
            if (!QFile::exists(target))
                continue;
            QFile file(target);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll().count('\n'), 4000);
            QCOMPARE(run({QStringLiteral("verify"), target}, "").exitCode, 0);
            QVERIFY(QFile::remove(target));
            ++complete;
        }
        qInfo("12 exports killed at random moments: %d had completed, none left a partial file", complete);
    }

    void theDemoCreatesAndVerifiesASignedNote()
    {
        const QString demoVault = m_directory.filePath(QStringLiteral("demo"));
        const CliRun demo = run({QStringLiteral("demo")}, "demo passphrase\n", demoVault);
        QCOMPARE(demo.exitCode, 0);
        QVERIFY(demo.out.contains(QStringLiteral("Verified: 1 signed note in")));
        QVERIFY(demo.out.contains(QStringLiteral("\"signature\"")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
