// The evidence bundle: a BagIt bag of everything the review's findings rest on, written from a
// real desk (two tablets' notes collected through a real archive on 127.0.0.1), then checked by
// verify-bundle and by tools no one here wrote (sha256sum -c, sha512sum -c, openssl), before and
// after each kind of damage.
#include "deskfixture.h"
#include "devicesync.h"
#include "evidencebundle.h"
#include "findings.h"
#include "leaderdesk.h"
#include "notestore.h"
#include "reportversions.h"
#include "syncencoding.h"
#include "sqlitedatabase.h"
#include "syncstore.h"
#include "vault.h"
#include "leaderkit.h"
#include "testvault.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sodium.h>

using namespace fieldnotes;
using namespace fieldnotes::sync;
using namespace fieldnotes::test;

class TestEvidenceBundle : public QObject
{
    Q_OBJECT

    QTemporaryDir m_directory;
    std::unique_ptr<InProcessArchive> m_archive;
    std::unique_ptr<ScratchVault> m_leader;
    std::unique_ptr<ScratchVault> m_reviewer;
    std::unique_ptr<ScratchVault> m_youngInspector;
    QList<QByteArray> m_reviewerNotes; // in the order signed: sequence 1, 2, 3
    QString m_bag;
    int m_archiveDaysAhead = 0; // how far the archive's clock runs ahead of the leader's

    Vault &leader() { return *m_leader->vault; }

    static int run(const QString &program, const QStringList &arguments, const QString &directory = {}, QByteArray *output = nullptr)
    {
        QProcess process;
        process.setWorkingDirectory(directory);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(program, arguments);
        if (!process.waitForFinished(60000))
            return -1;
        if (output)
            *output = process.readAll();
        return process.exitCode();
    }

    /// A fresh copy of the good bag to damage.
    QString copyOfBag(const char *name)
    {
        const QString copy = m_directory.filePath(QString::fromLatin1(name));
        if (run(QStringLiteral("cp"), {QStringLiteral("-r"), m_bag, copy}) != 0)
            qFatal("cp failed");
        return copy;
    }

    static void rewrite(const QString &path, const std::function<void(QByteArray &)> &change)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(path));
        QByteArray bytes = file.readAll();
        file.close();
        change(bytes);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
    }

    static bool mentions(const BundleCheck &check, const QString &words)
    {
        for (const QString &problem : check.problems)
            if (problem.contains(words))
                return true;
        return false;
    }

private slots:
    void initTestCase()
    {
        m_archive = std::make_unique<InProcessArchive>(m_directory.filePath(QStringLiteral("archive")),
                                                       [this] { return QDateTime::currentDateTimeUtc().addDays(m_archiveDaysAhead); });
        m_leader = std::make_unique<ScratchVault>();
        const QString children = addEngagement(leader().store(), m_leader->reviewId, m_leader->priorityId, QStringLiteral("Pupils' focus group"),
                                               EngagementKind::FocusGroup, {{QStringLiteral("young person"), 6}});
        auto created = LeaderDesk(leader()).createReview(m_leader->reviewId, m_archive->url, {}, m_archive->store->issueReviewCode(1));
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QVERIFY(keepRecoveryKit(leader(), m_leader->reviewId));
        m_reviewer = std::make_unique<ScratchVault>();
        m_youngInspector = std::make_unique<ScratchVault>();
        QVERIFY(enrolTablet(leader(), m_leader->reviewId, *m_reviewer->vault, QStringLiteral("reviewer"), QStringLiteral("Tablet 3")).ok());
        QVERIFY(enrolTablet(leader(), m_leader->reviewId, *m_youngInspector->vault, QStringLiteral("young-inspector"), QStringLiteral("YI tablet")).ok());
        for (const char *text : {"Pupils said the breakfast club gets them in on time, and showed the sign-in sheet",
                                 "Pupils said the library is closed at lunch", "Pupils said the buses are late"})
            m_reviewerNotes << *signNote(*m_reviewer->vault, children, NoteKind::Statement, QString::fromUtf8(text), true, true);
        const QByteArray observed = *signNote(*m_youngInspector->vault, children, NoteKind::Observation,
                                              QStringLiteral("The club was full by 8:15 and pupils signed themselves in"));
        for (ScratchVault *tablet : {m_reviewer.get(), m_youngInspector.get()})
            QVERIFY(DeviceSync(*tablet->vault).syncOnce().ok());
        QCOMPARE(LeaderDesk(leader()).collect(m_leader->reviewId)->newNotes, 4);

        EvidenceDesk desk(leader(), m_leader->reviewId);
        const QString by = QStringLiteral("Team leader");
        const QString finding = *desk.addFinding(m_leader->priorityId, FindingKind::GoodPractice, QStringLiteral("The breakfast club works"), by);
        QVERIFY(desk.link(finding, Excerpt{m_reviewerNotes.at(0), 0, 27}, by).ok());
        QVERIFY(desk.link(finding, Excerpt{observed, 0, -1}, by).ok());
        ReportVersions reports(leader(), m_leader->reviewId);
        QVERIFY(reports.issue(ReportVersionStage::Consultation, by).ok());
        QVERIFY(reports.recordResponse(finding, QStringLiteral("headteacher"), QStringLiteral("Agreed"), QStringLiteral("accepted"), {}, by).ok());
        QVERIFY(reports.issue(ReportVersionStage::Final, by).ok());

        m_bag = m_directory.filePath(QStringLiteral("bag"));
        auto written = writeEvidenceBundle(leader(), m_leader->reviewId, m_bag);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        QCOMPARE(written->notes, 4);
    }

    void aWholeBundleVerifies()
    {
        auto keys = SyncStore(leader()).reviewKeys(m_leader->reviewId);
        const BundleCheck check = verifyEvidenceBundle(m_bag, (*keys)->signingPublic);
        QVERIFY2(check.ok(), qPrintable(check.problems.join(QLatin1Char('\n'))));
        QCOMPARE(check.notes, 4);
        // Three files a note; the review, its key, roster, engagement records, concern follow-ups,
        // findings, consultation and archive retention; two report versions of four files each.
        QCOMPARE(check.files, 4 * 3 + 8 + 2 * 4);
        // Nothing left half-written beside it.
        QCOMPARE(QDir(m_directory.path()).entryList({QStringLiteral(".bag.incomplete-*")}, QDir::Dirs | QDir::Hidden).size(), 0);
        const QString bagit = QString::fromUtf8(*[&] { QFile f(m_bag + QStringLiteral("/bagit.txt")); f.open(QIODevice::ReadOnly); return std::optional(f.readAll()); }());
        QCOMPARE(bagit, QStringLiteral("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"));
    }

    // The documented recipe, with standard tools only (docs/evidence-bundle.md).
    void standardToolsAgree()
    {
        QByteArray output;
        QCOMPARE(run(QStringLiteral("sha256sum"), {QStringLiteral("-c"), QStringLiteral("--quiet"), QStringLiteral("manifest-sha256.txt")}, m_bag, &output), 0);
        QCOMPARE(run(QStringLiteral("sha512sum"), {QStringLiteral("-c"), QStringLiteral("--quiet"), QStringLiteral("manifest-sha512.txt")}, m_bag, &output), 0);
        QCOMPARE(run(QStringLiteral("sha256sum"), {QStringLiteral("-c"), QStringLiteral("--quiet"), QStringLiteral("tagmanifest-sha256.txt")}, m_bag, &output), 0);
        QCOMPARE(run(QStringLiteral("openssl"), {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"), QStringLiteral("-inkey"),
                                                 QStringLiteral("data/review-key.pem"), QStringLiteral("-rawin"), QStringLiteral("-in"),
                                                 QStringLiteral("tagmanifest-sha256.txt"), QStringLiteral("-sigfile"), QStringLiteral("tagmanifest-sha256.txt.sig")},
                     m_bag, &output),
                 0);
        // A note's name is BLAKE2b-256 over its signed bytes and signature.
        const QString hex = toHex(m_reviewerNotes.at(0));
        QCOMPARE(run(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("cat data/notes/%1.cbor data/notes/%1.sig | b2sum -l 256").arg(hex)}, m_bag, &output), 0);
        QCOMPARE(output.left(64), hex.toLatin1());
        // A note's signature, with its author's key from the signed bytes' readable copy.
        const QString note = QStringLiteral("data/notes/") + toHex(m_reviewerNotes.at(0));
        const QString pem = m_directory.filePath(QStringLiteral("author.pem"));
        QFile key(pem);
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(ed25519PublicKeyPem(m_reviewer->vault->identity().publicKey));
        key.close();
        QCOMPARE(run(QStringLiteral("openssl"), {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"), QStringLiteral("-inkey"), pem,
                                                 QStringLiteral("-rawin"), QStringLiteral("-in"), note + QStringLiteral(".cbor"), QStringLiteral("-sigfile"),
                                                 note + QStringLiteral(".sig")},
                     m_bag, &output),
                 0);
    }

    void aChangedNoteFileIsNamed()
    {
        const QString bag = copyOfBag("changed-note");
        const QString path = QStringLiteral("data/notes/%1.cbor").arg(toHex(m_reviewerNotes.at(1)));
        rewrite(bag + QLatin1Char('/') + path, [](QByteArray &bytes) { bytes[bytes.size() - 3] = char(bytes[bytes.size() - 3] ^ 0x20); });
        const BundleCheck check = verifyEvidenceBundle(bag);
        QVERIFY(mentions(check, path + QStringLiteral(" has changed")));
        QVERIFY(mentions(check, QStringLiteral("note %1").arg(toHex(m_reviewerNotes.at(1)).left(12))));
        QVERIFY(run(QStringLiteral("sha256sum"), {QStringLiteral("-c"), QStringLiteral("--quiet"), QStringLiteral("manifest-sha256.txt")}, bag) != 0);
    }

    void aRemovedNoteFileIsNamed()
    {
        const QString bag = copyOfBag("removed-note");
        const QString path = QStringLiteral("data/notes/%1.sig").arg(toHex(m_reviewerNotes.at(2)));
        QVERIFY(QFile::remove(bag + QLatin1Char('/') + path));
        const BundleCheck check = verifyEvidenceBundle(bag);
        QVERIFY(mentions(check, path + QStringLiteral(" is listed in manifest-sha256.txt but missing")));
        QVERIFY(run(QStringLiteral("sha256sum"), {QStringLiteral("-c"), QStringLiteral("--quiet"), QStringLiteral("manifest-sha256.txt")}, bag) != 0);
    }

    void aChangedManifestLineIsNamed()
    {
        const QString bag = copyOfBag("changed-manifest");
        rewrite(bag + QStringLiteral("/manifest-sha256.txt"), [](QByteArray &bytes) { bytes[0] = bytes[0] == 'a' ? 'b' : 'a'; });
        const BundleCheck check = verifyEvidenceBundle(bag);
        QVERIFY(mentions(check, QStringLiteral("manifest-sha256.txt has changed")));
        QVERIFY(mentions(check, QStringLiteral("is not the one in manifest-sha256.txt")));
        QVERIFY(run(QStringLiteral("sha256sum"), {QStringLiteral("-c"), QStringLiteral("--quiet"), QStringLiteral("tagmanifest-sha256.txt")}, bag) != 0);
    }

    void aChangedReportByteIsNamed()
    {
        const QString bag = copyOfBag("changed-report");
        const QString path = QStringLiteral("data/reports/report-v2-final.pdf");
        rewrite(bag + QLatin1Char('/') + path, [](QByteArray &bytes) { bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01); });
        const BundleCheck check = verifyEvidenceBundle(bag);
        QVERIFY2(mentions(check, path + QStringLiteral(" has changed")), qPrintable(check.problems.join(QLatin1Char('\n'))));
        QVERIFY(mentions(check, path + QStringLiteral(": the review key's signature over it does not hold")));
    }

    // Someone removes a note and writes the manifests again: the digests now agree, but the
    // tablet's chain has a gap, and the leader's signature over the tag manifest no longer holds.
    void aNoteMissingFromATabletsChainIsNamed()
    {
        const QString bag = copyOfBag("missing-from-chain");
        const QString hex = toHex(m_reviewerNotes.at(1));
        for (const char *ending : {".cbor", ".sig", ".json"})
            QVERIFY(QFile::remove(QStringLiteral("%1/data/notes/%2%3").arg(bag, hex, QLatin1String(ending))));
        for (const char *manifest : {"manifest-sha256.txt", "manifest-sha512.txt"})
            rewrite(QStringLiteral("%1/%2").arg(bag, QLatin1String(manifest)), [&](QByteArray &bytes) {
                QByteArrayList kept;
                for (const QByteArray &line : bytes.split('\n'))
                    if (!line.contains(hex.toLatin1()))
                        kept << line;
                bytes = kept.join('\n');
            });
        QByteArray tags;
        QCOMPARE(run(QStringLiteral("sha256sum"), {QStringLiteral("bag-info.txt"), QStringLiteral("bagit.txt"), QStringLiteral("manifest-sha256.txt"),
                                                   QStringLiteral("manifest-sha512.txt")},
                     bag, &tags),
                 0);
        rewrite(bag + QStringLiteral("/tagmanifest-sha256.txt"), [&](QByteArray &bytes) { bytes = tags; });
        const BundleCheck check = verifyEvidenceBundle(bag);
        QVERIFY2(mentions(check, QStringLiteral("note %1 (number 3 of Tablet 3 (reviewer))").arg(toHex(m_reviewerNotes.at(2)).left(12))),
                 qPrintable(check.problems.join(QLatin1Char('\n'))));
        QVERIFY(mentions(check, QStringLiteral("the review key's signature over the tag manifest does not hold")));
        QVERIFY(run(QStringLiteral("sha256sum"), {QStringLiteral("-c"), QStringLiteral("--quiet"), QStringLiteral("manifest-sha256.txt")}, bag) == 0);
    }

    void anotherKeyIsNotTheReviewsKey()
    {
        const BundleCheck check = verifyEvidenceBundle(m_bag, QByteArray(32, '\x07'));
        QVERIFY(mentions(check, QStringLiteral("not the one expected")));
    }

    void aFolderThatIsNotThereIsSaidOnce()
    {
        const BundleCheck check = verifyEvidenceBundle(m_directory.filePath(QStringLiteral("nowhere")));
        QCOMPARE(check.problems, QStringList{m_directory.filePath(QStringLiteral("nowhere")) + QStringLiteral(" is not a folder")});
    }

    void aBundleIsNeverWrittenOverAnother()
    {
        auto again = writeEvidenceBundle(leader(), m_leader->reviewId, m_bag);
        QVERIFY(!again.ok());
        QVERIFY(again.error().message.contains(QStringLiteral("already exists")));
        QVERIFY(verifyEvidenceBundle(m_bag).ok());
    }

    // fieldnotes-cli killed (SIGKILL) at twenty points from its start to well past its end: at the final
    // path there is either nothing or a whole bag that verifies, never part of one.
    void aKilledWriteLeavesNoPartialBundle()
    {
        const auto bundle = [&](const QString &output, int killAfterMs) {
            QProcess cli;
            cli.start(QStringLiteral(FIELDNOTES_CLI), {QStringLiteral("--vault"), m_leader->path(), QStringLiteral("--passphrase-fd"), QStringLiteral("0"),
                                                       QStringLiteral("leader"), QStringLiteral("bundle"), QStringLiteral("--output"), output});
            cli.write("scratch passphrase\n");
            cli.closeWriteChannel();
            if (killAfterMs >= 0 && !cli.waitForFinished(killAfterMs) && cli.processId() > 0)
                ::kill(pid_t(cli.processId()), SIGKILL);
            cli.waitForFinished(60000);
            return cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0;
        };
        QElapsedTimer whole;
        whole.start();
        QVERIFY(bundle(m_directory.filePath(QStringLiteral("timed")), -1));
        const qint64 duration = whole.elapsed();
        QVERIFY(verifyEvidenceBundle(m_directory.filePath(QStringLiteral("timed"))).ok());
        int nothing = 0;
        int whole_ = 0;
        for (int i = 0; i < 20; ++i) {
            const QString output = m_directory.filePath(QStringLiteral("killed-%1").arg(i));
            // From the start to well past a whole write: nearly four times the one timed, since
            // a loaded machine (CI runs two tests at once) made a later write twice as slow.
            bundle(output, int(duration * i / 5));
            if (!QFileInfo::exists(output)) {
                ++nothing;
                continue;
            }
            const BundleCheck check = verifyEvidenceBundle(output);
            QVERIFY2(check.ok(), qPrintable(check.problems.join(QLatin1Char('\n'))));
            ++whole_;
        }
        qInfo("a whole write took %lld ms; of 20 killed writes, %d left nothing and %d had finished", duration, nothing, whole_);
        QVERIFY(nothing > 0);
        QVERIFY(whole_ > 0);
    }

    // By default the archive keeps every envelope, and the bundle says so.
    void theArchiveKeepsEveryEnvelopeByDefault()
    {
        QFile bagInfo(m_bag + QStringLiteral("/bag-info.txt"));
        QVERIFY(bagInfo.open(QIODevice::ReadOnly));
        QVERIFY(bagInfo.readAll().contains("Archive-Retention: the archive keeps every envelope\n"));
        QCOMPARE(*LeaderDesk(leader()).sendArchivedStatements(m_leader->reviewId), 0);
        QCOMPARE(*m_archive->store->removedEnvelopeCount(m_leader->reviewId), 0);
    }

    // Archive retention: the leader's signed statement in the bundle names the envelopes of the
    // notes it holds; the archive removes them once the time set has passed, and nothing else.
    void theArchiveRemovesWhatABundleHoldsOnceItsTimeHasPassed()
    {
        LeaderDesk desk(leader());
        QVERIFY(!desk.setArchiveRetentionDays(m_leader->reviewId, 40000).ok());
        QVERIFY(desk.setArchiveRetentionDays(m_leader->reviewId, 30).ok());
        QCOMPARE(*desk.archiveRetentionDays(m_leader->reviewId), 30);
        const QString bag = m_directory.filePath(QStringLiteral("retained"));
        auto written = writeEvidenceBundle(leader(), m_leader->reviewId, bag);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        QCOMPARE(written->archivedNotes, 4);
        QVERIFY(qAbs(written->removeAfter.secsTo(QDateTime::currentDateTimeUtc().addDays(30))) < 60);
        const BundleCheck check = verifyEvidenceBundle(bag);
        QVERIFY2(check.ok(), qPrintable(check.problems.join(QLatin1Char('\n'))));
        QFile bagInfo(bag + QStringLiteral("/bag-info.txt"));
        QVERIFY(bagInfo.open(QIODevice::ReadOnly));
        QVERIFY(bagInfo.readAll().contains("Archive-Retention: the archive may remove the envelopes of 4 notes after "));
        QCOMPARE(run(QStringLiteral("sha256sum"), {QStringLiteral("-c"), QStringLiteral("--quiet"), QStringLiteral("manifest-sha256.txt")}, bag), 0);

        // Told now, it removes nothing before the time; told once, it is not told again.
        QCOMPARE(*desk.sendArchivedStatements(m_leader->reviewId), 0);
        QCOMPARE(*desk.sendArchivedStatements(m_leader->reviewId), 0);
        m_archiveDaysAhead = 29;
        QCOMPARE(*m_archive->store->removeArchivedEnvelopes(), 0);
        const qint64 before = *m_archive->store->envelopeCount();
        m_archiveDaysAhead = 31;
        QCOMPARE(*m_archive->store->removeArchivedEnvelopes(), 4);
        QCOMPARE(*m_archive->store->removedEnvelopeCount(m_leader->reviewId), 4);
        QCOMPARE(*m_archive->store->removeArchivedEnvelopes(), 0);
        QCOMPARE(*m_archive->store->envelopeCount(), before); // the rows stay, their sealed bytes gone
        auto sealed = m_archive->store->envelopesAfter(m_leader->reviewId, 0, 100);
        QVERIFY(sealed.ok());
        QVERIFY(sealed->isEmpty());

        // The tablets sync and the leader collects as before: nothing sent again, nothing lost,
        // and a note signed afterwards arrives as usual.
        for (ScratchVault *tablet : {m_reviewer.get(), m_youngInspector.get()}) {
            auto synced = DeviceSync(*tablet->vault).syncOnce();
            QVERIFY2(synced.ok(), qPrintable(synced.ok() ? QString() : synced.error().message));
        }
        const QString engagement = leader().store().engagements(m_leader->reviewId)->front().id;
        QVERIFY(signNote(*m_reviewer->vault, engagement, NoteKind::Statement, QStringLiteral("Pupils said the new rota started"), true, true).ok());
        QVERIFY(DeviceSync(*m_reviewer->vault).syncOnce().ok());
        auto collected = desk.collect(m_leader->reviewId);
        QVERIFY2(collected.ok(), qPrintable(collected.ok() ? QString() : collected.error().message));
        QCOMPARE(collected->newNotes, 1);
        QCOMPARE(collected->conflicts, 0);
        QCOMPARE(*m_archive->store->removedEnvelopeCount(m_leader->reviewId), 4);
        QCOMPARE(SyncStore(leader()).collectedNotes(m_leader->reviewId)->size(), 5);
    }

    // A statement the review key did not sign is refused by the archive, which removes nothing;
    // in a bundle, verify-bundle names it.
    void aStatementNotSignedByTheLeaderIsRefused()
    {
        unsigned char publicKey[crypto_sign_PUBLICKEYBYTES];
        SecureBytes secretKey(crypto_sign_SECRETKEYBYTES);
        crypto_sign_keypair(publicKey, secretKey.data());
        ArchivedStatement forged = signEnvelopeList(
            ArchivedStatement{m_leader->reviewId, m_reviewer->vault->identity().publicKey, QDateTime::currentDateTimeUtc().addDays(-1),
                              {EnvelopeRef{5, QByteArray(32, 'x'), QByteArray(32, 'y')}}, {}},
            secretKey);
        QVERIFY(LeaderDesk(leader()).keepArchivedStatements(m_leader->reviewId, {forged}).ok());
        auto sent = LeaderDesk(leader()).sendArchivedStatements(m_leader->reviewId);
        QVERIFY(!sent.ok());
        QVERIFY2(sent.error().message.contains(QStringLiteral("not signed by this review's team leader")), qPrintable(sent.error().message));
        QCOMPARE(*m_archive->store->removedEnvelopeCount(m_leader->reviewId), 4);
        QVERIFY(leader().database().exec("DELETE FROM archive_retention_statements WHERE sent_at IS NULL").ok());

        const QString copy = m_directory.filePath(QStringLiteral("forged-retention"));
        QCOMPARE(run(QStringLiteral("cp"), {QStringLiteral("-r"), m_directory.filePath(QStringLiteral("retained")), copy}), 0);
        rewrite(copy + QStringLiteral("/data/archive-retention.json"), [](QByteArray &bytes) {
            const qsizetype at = bytes.indexOf("\"signature\": \"") + 15;
            bytes[at] = bytes.at(at) == 'a' ? 'b' : 'a';
        });
        const BundleCheck check = verifyEvidenceBundle(copy);
        QVERIFY(mentions(check, QStringLiteral("data/archive-retention.json: a statement for the archive is not signed by the review key")));
    }
};

QTEST_MAIN(TestEvidenceBundle)
#include "tst_evidencebundle.moc"
