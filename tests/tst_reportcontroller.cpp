// The report page of the leader's desk in the app, over notes a reviewer's and a Young
// Inspector's tablets delivered through a real archive on 127.0.0.1: versions issued in order and
// signed (openssl checks the saved files), a final report refused while a finding is not
// substantiated, consultation responses, the evidence bundle written on a worker thread and checked
// by sha256sum, the exports; a bad folder and a lock in the middle of a bundle lose nothing.
#include "collectednotes.h"
#include "deskcontroller.h"
#include "deskfixture.h"
#include "evidencebundle.h"
#include "leadercontroller.h"
#include "notestore.h"
#include "reportcontroller.h"
#include "leaderkit.h"
#include "testvault.h"
#include "vaultsession.h"
#include "devicesync.h"
#include "enrolmentcode.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldnotes;
using namespace fieldnotes::sync;
using namespace fieldnotes::ui;

namespace {
const QString passphrase = QStringLiteral("a long enough passphrase");
}

class TestReportController : public QObject
{
    Q_OBJECT

    QTemporaryDir m_directory;
    std::unique_ptr<test::InProcessArchive> m_archive;
    std::unique_ptr<VaultSession> m_session;
    std::unique_ptr<test::ScratchVault> m_reviewer;
    std::unique_ptr<test::ScratchVault> m_youngInspector;
    LeaderController m_leader;
    DeskController m_desk;
    QString m_priorityId;
    QString m_evidenced;  // a manager's statement with its evidence given
    QString m_hearsay;    // pupils' statement, evidence asked and not given
    QString m_observed;   // the Young Inspector's observation

    void enrol(test::ScratchVault &tablet, const QString &role, const QString &label)
    {
        QVERIFY(m_leader.invite(1));
        auto code = EnrolmentCode::fromText(m_leader.inviteCode());
        QVERIFY(code.ok());
        QVERIFY(DeviceSync(*tablet.vault).join(*code, role, label).ok());
        QVERIFY(m_leader.refreshPending());
        QVERIFY(m_leader.approveAll());
        QCOMPARE(DeviceSync(*tablet.vault).syncOnce()->enrolmentState, QStringLiteral("enrolled"));
    }

    static void settle(ReportController &report)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!report.isBusy(), 60000);
    }

    static QString run(const QString &program, const QStringList &arguments, const QString &directory, int *exitCode = nullptr)
    {
        QProcess tool;
        tool.setWorkingDirectory(directory);
        tool.setProcessChannelMode(QProcess::MergedChannels);
        tool.start(program, arguments);
        tool.waitForFinished(60000);
        if (exitCode)
            *exitCode = tool.exitStatus() == QProcess::NormalExit ? tool.exitCode() : -1;
        return QString::fromUtf8(tool.readAll());
    }

    QString folder(const QString &name) const { return m_directory.filePath(name); }

private slots:
    void initTestCase()
    {
        m_archive = std::make_unique<test::InProcessArchive>(m_directory.filePath(QStringLiteral("archive")));
        m_session = std::make_unique<VaultSession>(m_directory.filePath(QStringLiteral("leader")), test::fastOptions(), false);
        QVERIFY(m_session->createVault(passphrase, passphrase));
        QVERIFY(m_session->createReview(QStringLiteral("Spring review"), QDate(2026, 3, 2), QDate(2026, 3, 6)));
        QVERIFY(m_session->addPriority(QStringLiteral("Attendance"), QString(), QStringLiteral("What changed?")));
        m_priorityId = m_session->vault()->store().priorities(m_session->reviewId())->front().id;
        const QString focusGroup = test::addEngagement(m_session->vault()->store(), m_session->reviewId(), m_priorityId,
                                                       QStringLiteral("Pupils' focus group"), EngagementKind::FocusGroup,
                                                       {{QStringLiteral("young person"), 6}});
        const QString headOfService = test::addEngagement(m_session->vault()->store(), m_session->reviewId(), m_priorityId,
                                                          QStringLiteral("Head of service"), EngagementKind::Interview,
                                                          {{QStringLiteral("head of service"), 1}});
        m_leader.setSession(m_session.get());
        m_desk.setSession(m_session.get());
        QVERIFY(m_leader.connectArchive(m_archive->url, {}, m_archive->store->issueReviewCode(1)));
        QVERIFY(test::keepRecoveryKit(*m_session->vault(), m_session->reviewId()));
        m_reviewer = std::make_unique<test::ScratchVault>();
        m_youngInspector = std::make_unique<test::ScratchVault>();
        enrol(*m_reviewer, QStringLiteral("reviewer"), QStringLiteral("Tablet 3"));
        enrol(*m_youngInspector, QStringLiteral("young-inspector"), QStringLiteral("YI tablet"));
        auto evidenced = test::signNote(*m_reviewer->vault, headOfService, NoteKind::Statement,
                                        QStringLiteral("Attendance rose by four percent, shown in the termly data"), true, true);
        auto hearsay = test::signNote(*m_reviewer->vault, focusGroup, NoteKind::Statement,
                                      QStringLiteral("The pupils said the breakfast club helps them come in"), true, false);
        auto observed = test::signNote(*m_youngInspector->vault, focusGroup, NoteKind::Observation,
                                       QStringLiteral("We saw pupils running the breakfast rota"));
        QVERIFY(evidenced.ok() && hearsay.ok() && observed.ok());
        m_evidenced = QString::fromLatin1(evidenced->toHex());
        m_hearsay = QString::fromLatin1(hearsay->toHex());
        m_observed = QString::fromLatin1(observed->toHex());
        QCOMPARE(DeviceSync(*m_reviewer->vault).syncOnce()->delivered, 2);
        QCOMPARE(DeviceSync(*m_youngInspector->vault).syncOnce()->delivered, 1);
        QVERIFY(m_leader.collect());

        QCOMPARE(m_desk.addFinding(m_priorityId, QStringLiteral("good-practice"), QStringLiteral("Pupils run the breakfast club")), QStringLiteral("F1"));
        QVERIFY(m_desk.link(QStringLiteral("F1"), m_observed, 0, -1));
        QVERIFY(m_desk.link(QStringLiteral("F1"), m_evidenced, 0, -1));
        QCOMPARE(m_desk.addFinding(m_priorityId, QStringLiteral("area-for-development"), QStringLiteral("Pupils want a later club")),
                 QStringLiteral("F2"));
        QVERIFY(m_desk.link(QStringLiteral("F2"), m_hearsay, 0, -1));
    }

    void aFinalReportIsRefusedWhileAFindingIsUnsubstantiated()
    {
        ReportController report;
        report.setSession(m_session.get());
        QSignalSpy errors(m_session.get(), &VaultSession::errorOccurred);
        QVERIFY(report.issue(QStringLiteral("final")));
        QVERIFY(report.isBusy());
        settle(report);
        QVERIFY(report.lastTaskFailed());
        QVERIFY2(report.status().contains(QStringLiteral("F2")), qPrintable(report.status()));
        QCOMPARE(errors.count(), 1);
        QVERIFY(report.versions().isEmpty());
        QVERIFY(!report.issue(QStringLiteral("draft")));
    }

    void versionsAreIssuedInOrderAndTheConsultationRecorded()
    {
        ReportController report;
        report.setSession(m_session.get());
        QSignalSpy desk(m_session.get(), &VaultSession::deskChanged);
        QVERIFY(report.issue(QStringLiteral("preview")));
        // One task at a time: a second is refused, in words, while the first runs.
        QSignalSpy errors(m_session.get(), &VaultSession::errorOccurred);
        QVERIFY(!report.issue(QStringLiteral("consultation")));
        QCOMPARE(errors.count(), 1);
        QVERIFY(errors.front().front().toString().contains(QStringLiteral("Wait")));
        settle(report);
        QVERIFY2(!report.lastTaskFailed(), qPrintable(report.status()));
        QCOMPARE(report.versions().size(), 1);
        QCOMPARE(report.versions().front().toMap().value(QStringLiteral("stage")).toString(), QStringLiteral("preview"));
        QVERIFY(report.consultationFindings().isEmpty());
        QVERIFY(desk.count() >= 1);

        QVERIFY(report.issue(QStringLiteral("consultation")));
        settle(report);
        QCOMPARE(report.versions().size(), 2);
        const QVariantList findings = report.consultationFindings();
        QCOMPARE(findings.size(), 2);
        QCOMPARE(findings.front().toMap().value(QStringLiteral("id")).toString(), QStringLiteral("F1"));
        QCOMPARE(findings.back().toMap().value(QStringLiteral("statement")).toString(), QStringLiteral("Pupils want a later club"));

        // A changed finding needs the reason; an unknown finding is refused.
        QVERIFY(!report.recordResponse(QStringLiteral("F2"), QStringLiteral("head of service"), QStringLiteral("Only some pupils"),
                                       QStringLiteral("changed"), QString()));
        QVERIFY(report.lastTaskFailed());
        QVERIFY(!report.recordResponse(QStringLiteral("F9"), QStringLiteral("head of service"), QStringLiteral("?"), QStringLiteral("accepted"), QString()));
        QVERIFY(report.recordResponse(QStringLiteral("F2"), QStringLiteral("head of service"), QStringLiteral("Only some pupils said so"),
                                      QStringLiteral("changed"), QStringLiteral("Backed by the attendance data now")));
        QCOMPARE(report.responses().size(), 1);
        QCOMPARE(report.responses().front().toMap().value(QStringLiteral("decisionLabel")).toString(), QStringLiteral("changed"));

        // Substantiated by a second, evidenced source, the final report goes out.
        QVERIFY(m_desk.link(QStringLiteral("F2"), m_evidenced, 0, -1));
        QVERIFY(m_desk.link(QStringLiteral("F2"), m_observed, 0, -1));
        QVERIFY(report.issue(QStringLiteral("final")));
        settle(report);
        QVERIFY2(!report.lastTaskFailed(), qPrintable(report.status()));
        QCOMPARE(report.versions().size(), 3);
        QCOMPARE(report.versions().back().toMap().value(QStringLiteral("stage")).toString(), QStringLiteral("final"));
    }

    void issuedVersionsAreSavedSignedAndCheckWithOpenssl()
    {
        ReportController report;
        report.setSession(m_session.get());
        report.setOutputFolder(folder(QStringLiteral("out")));
        QVERIFY(report.exportVersion(3));
        settle(report);
        QVERIFY2(!report.lastTaskFailed(), qPrintable(report.status()));
        for (const QString &file : {QStringLiteral("report-v3-final.html"), QStringLiteral("report-v3-final.pdf")}) {
            int exitCode = 0;
            const QString said = run(QStringLiteral("openssl"),
                                     {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"), QStringLiteral("-inkey"),
                                      QStringLiteral("review-key.pem"), QStringLiteral("-rawin"), QStringLiteral("-in"), file,
                                      QStringLiteral("-sigfile"), file + QStringLiteral(".sig")},
                                     folder(QStringLiteral("out")), &exitCode);
            QVERIFY2(exitCode == 0 && said.contains(QStringLiteral("Signature Verified Successfully")), qPrintable(file + said));
        }
        QFile html(folder(QStringLiteral("out/report-v3-final.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        QVERIFY(html.readAll().contains("Only some pupils said so"));
    }

    void theBundleIsWrittenOffTheGuiThreadAndChecks()
    {
        ReportController report;
        report.setSession(m_session.get());
        report.setOutputFolder(folder(QStringLiteral("bundles")));
        QVERIFY(report.makeBundle());
        settle(report);
        QVERIFY2(!report.lastTaskFailed(), qPrintable(report.status()));
        QVERIFY(report.status().contains(QStringLiteral("3 signed notes")));
        const QStringList bags = QDir(folder(QStringLiteral("bundles"))).entryList({QStringLiteral("evidence-bundle-*")}, QDir::Dirs);
        QCOMPARE(bags.size(), 1);
        const QString bag = folder(QStringLiteral("bundles/") + bags.front());
        int exitCode = 0;
        const QString said = run(QStringLiteral("sha256sum"), {QStringLiteral("-c"), QStringLiteral("manifest-sha256.txt")}, bag, &exitCode);
        QVERIFY2(exitCode == 0, qPrintable(said));
        QVERIFY(verifyEvidenceBundle(bag).ok());

        // Locking in the middle waits for the bundle; nothing half-written is left, and it checks.
        QVERIFY(report.makeBundle());
        m_session->lock();
        settle(report);
        QVERIFY(QDir(folder(QStringLiteral("bundles"))).entryList({QStringLiteral("evidence-bundle-*")}, QDir::Dirs).size() == 2);
        for (const QString &each : QDir(folder(QStringLiteral("bundles"))).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            QVERIFY2(verifyEvidenceBundle(folder(QStringLiteral("bundles/") + each)).ok(), qPrintable(each));
        QVERIFY(m_session->unlock(passphrase));
    }

    void exportsForAnalysisAreWritten()
    {
        ReportController report;
        report.setSession(m_session.get());
        report.setOutputFolder(folder(QStringLiteral("analysis")));
        QVERIFY(report.exportForAnalysis());
        settle(report);
        QVERIFY2(!report.lastTaskFailed(), qPrintable(report.status()));
        QFile csv(folder(QStringLiteral("analysis/collected-notes.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count("\r\n"), 4); // the header and three notes
        QVERIFY(QFileInfo(folder(QStringLiteral("analysis/review.qdpx"))).size() > 0);
    }

    void aFolderThatCannotBeMadeIsSaidAndLosesNothing()
    {
        QFile blocker(folder(QStringLiteral("a-file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        ReportController report;
        report.setSession(m_session.get());
        report.setOutputFolder(folder(QStringLiteral("a-file/inside")));
        QSignalSpy errors(m_session.get(), &VaultSession::errorOccurred);
        QVERIFY(report.makeBundle());
        settle(report);
        QVERIFY(report.lastTaskFailed());
        QVERIFY2(report.status().contains(QStringLiteral("Cannot make the folder")), qPrintable(report.status()));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(report.versions().size(), 3);
    }

    // Chosen on the page, the archive's retention goes into the next bundle, signed, and the
    // archive is told: with 0 days it removes the envelopes at once.
    void theArchiveIsToldWhatABundleHolds()
    {
        ReportController report;
        report.setSession(m_session.get());
        QCOMPARE(report.archiveRetentionDays(), -1);
        QCOMPARE(report.archiveRetentionChoices().size(), 4);
        QSignalSpy errors(m_session.get(), &VaultSession::errorOccurred);
        QVERIFY(!report.setArchiveRetentionDays(40000));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(report.archiveRetentionDays(), -1);
        QVERIFY(report.setArchiveRetentionDays(0));
        QCOMPARE(report.archiveRetentionDays(), 0);
        report.setOutputFolder(folder(QStringLiteral("retained")));
        QVERIFY(report.makeBundle());
        settle(report);
        QVERIFY2(!report.lastTaskFailed(), qPrintable(report.status()));
        QVERIFY2(report.status().contains(QStringLiteral("The archive was told it may remove the envelopes of these 3 notes")), qPrintable(report.status()));
        QCOMPARE(*m_archive->store->removedEnvelopeCount(m_session->reviewId()), 3);
    }
};

QTEST_MAIN(TestReportController)
#include "tst_reportcontroller.moc"
