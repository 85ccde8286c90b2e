// The review report from a real desk: two tablets' signed notes collected through a real
// archive server on 127.0.0.1, two priorities, findings from three sources. Checked with tools
// no one here wrote: pdftotext and pdfinfo (poppler) for the PDF.
#include "deskfixture.h"
#include "devicesync.h"
#include "findings.h"
#include "leaderdesk.h"
#include "notestore.h"
#include "notescsv.h"
#include "refiqda.h"
#include "reportversions.h"
#include "reviewreport.h"
#include "sqlitedatabase.h"
#include "vault.h"
#include "syncencoding.h"
#include "leaderkit.h"
#include "testvault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace fieldnotes;
using namespace fieldnotes::sync;
using namespace fieldnotes::test;

class TestReviewReport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_directory;
    std::unique_ptr<InProcessArchive> m_archive;
    std::unique_ptr<ScratchVault> m_leader;
    std::unique_ptr<ScratchVault> m_reviewer;
    std::unique_ptr<ScratchVault> m_youngInspector;
    QString m_secondPriority;
    QHash<QString, QByteArray> m_notes;
    QStringList m_findings; // F1 substantiated, F2 good practice of the second priority, F3 not yet substantiated

    Vault &leader() { return *m_leader->vault; }
    EvidenceDesk desk() { return EvidenceDesk(leader(), m_leader->reviewId); }

    QString addEngagement(const QString &title, EngagementKind kind, const QString &priorityId, QList<ParticipantGroup> participants)
    {
        return test::addEngagement(leader().store(), m_leader->reviewId, priorityId, title, kind, std::move(participants));
    }

    static QByteArray sign(ScratchVault &tablet, const QString &engagementId, NoteKind kind, const QString &text, bool evidenceGiven = false)
    {
        auto hash = signNote(*tablet.vault, engagementId, kind, text, evidenceGiven, evidenceGiven);
        if (!hash)
            qFatal("could not sign a note: %s", qPrintable(hash.error().message));
        return *hash;
    }

    void enrol(ScratchVault &tablet, const QString &role, const QString &label)
    {
        auto enrolled = enrolTablet(leader(), m_leader->reviewId, *tablet.vault, role, label);
        QVERIFY2(enrolled.ok(), qPrintable(enrolled.ok() ? QString() : enrolled.error().message));
    }

    QString shortHash(const char *note) const { return toHex(m_notes.value(QString::fromLatin1(note))).left(12); }

    static QString pdfText(const QString &pdf)
    {
        QProcess tool;
        tool.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        if (!tool.waitForFinished(30000) || tool.exitCode() != 0)
            qFatal("pdftotext failed: %s", tool.readAllStandardError().constData());
        return QString::fromUtf8(tool.readAllStandardOutput());
    }

    static bool opensslVerifies(const QString &directory, const QString &file)
    {
        QProcess openssl;
        openssl.setWorkingDirectory(directory);
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"), QStringLiteral("-inkey"),
                                                  QStringLiteral("review-key.pem"), QStringLiteral("-rawin"), QStringLiteral("-in"), file,
                                                  QStringLiteral("-sigfile"), file + QStringLiteral(".sig")});
        openssl.waitForFinished(30000);
        return openssl.exitCode() == 0 && openssl.readAllStandardOutput().contains("Signature Verified Successfully");
    }

private slots:
    void initTestCase()
    {
        m_archive = std::make_unique<InProcessArchive>(m_directory.filePath(QStringLiteral("archive")));

        m_leader = std::make_unique<ScratchVault>();
        m_secondPriority = leader().store().addPriority(Priority{{}, m_leader->reviewId, QStringLiteral("Early help"), {}, {}})->id;
        const QString children = addEngagement(QStringLiteral("Pupils' focus group"), EngagementKind::FocusGroup, m_leader->priorityId,
                                               {{QStringLiteral("young person"), 6}, {QStringLiteral("teacher"), 1}});
        const QString managers = addEngagement(QStringLiteral("Head of service"), EngagementKind::Interview, m_leader->priorityId,
                                               {{QStringLiteral("head of service"), 1}});
        const QString earlyHelp = addEngagement(QStringLiteral("Early help workers"), EngagementKind::Interview, m_secondPriority,
                                                {{QStringLiteral("early help practitioner"), 3}});
        auto created = LeaderDesk(leader()).createReview(m_leader->reviewId, m_archive->url, {}, m_archive->store->issueReviewCode(1));
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QVERIFY(keepRecoveryKit(leader(), m_leader->reviewId));
        m_reviewer = std::make_unique<ScratchVault>();
        m_youngInspector = std::make_unique<ScratchVault>();
        enrol(*m_reviewer, QStringLiteral("reviewer"), QStringLiteral("Tablet 3"));
        enrol(*m_youngInspector, QStringLiteral("young-inspector"), QStringLiteral("YI tablet"));

        // A name in a note's text (a slip the guard flagged) must never reach the report.
        m_notes.insert(QStringLiteral("pupils"), sign(*m_reviewer, children, NoteKind::Statement,
                                                      QStringLiteral("Jamie said the breakfast club gets them in on time, and showed the sign-in sheet"), true));
        m_notes.insert(QStringLiteral("observed"), sign(*m_youngInspector, children, NoteKind::Observation,
                                                        QStringLiteral("The club was full by 8:15 and pupils signed themselves in")));
        m_notes.insert(QStringLiteral("manager"), sign(*m_reviewer, managers, NoteKind::Evidence,
                                                       QStringLiteral("The attendance dashboard shows a four percent rise since September")));
        m_notes.insert(QStringLiteral("early-help"), sign(*m_reviewer, earlyHelp, NoteKind::Statement,
                                                          QStringLiteral("Workers said referrals wait three weeks"), true));
        m_notes.insert(QStringLiteral("early-help-seen"), sign(*m_youngInspector, earlyHelp, NoteKind::Observation,
                                                               QStringLiteral("The waiting list on the office wall had 40 names")));
        for (ScratchVault *tablet : {m_reviewer.get(), m_youngInspector.get()})
            QVERIFY(DeviceSync(*tablet->vault).syncOnce().ok());
        QCOMPARE(LeaderDesk(leader()).collect(m_leader->reviewId)->newNotes, 5);

        const QString by = QStringLiteral("Team leader");
        const auto finding = [&](const QString &priority, FindingKind kind, const QString &statement, QList<const char *> notes) {
            const QString id = *desk().addFinding(priority, kind, statement, by);
            for (const char *note : notes)
                if (!desk().link(id, Excerpt{m_notes.value(QString::fromLatin1(note)), 0, -1}, by).ok())
                    qFatal("link failed");
            m_findings << id;
        };
        // Three sources in all: children, leaders and managers, direct observation.
        finding(m_leader->priorityId, FindingKind::GoodPractice, QStringLiteral("The breakfast club has raised attendance"),
                {"pupils", "observed", "manager"});
        finding(m_secondPriority, FindingKind::AreaForDevelopment, QStringLiteral("Families wait too long for early help"),
                {"early-help", "early-help-seen"});
        finding(m_leader->priorityId, FindingKind::AreaForDevelopment, QStringLiteral("Persistent absence is not yet tracked by school"),
                {"manager"});
        QVERIFY(desk().addRecommendation(m_leader->priorityId, QStringLiteral("Extend the breakfast club to every primary school"),
                                         {m_findings.at(0)}, by).ok());
        QVERIFY(desk().addRecommendation(m_secondPriority, QStringLiteral("Set a two-week target for early help referrals"),
                                         {m_findings.at(1)}, by).ok());
    }

    void aDraftReportInHtml()
    {
        auto report = buildReviewReport(leader(), m_leader->reviewId, ReportStage::Draft);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
        QCOMPARE(report->priorities.size(), 2);
        QCOMPARE(report->unsubstantiatedFindings, 1);
        const QString html = QString::fromUtf8(reportHtml(*report));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>\n<html lang=\"en-GB\">")));
        for (const char *words : {"The breakfast club has raised attendance", "Families wait too long for early help",
                                  "Persistent absence is not yet tracked by school", "Extend the breakfast club to every primary school",
                                  "Set a two-week target for early help referrals", "Not yet substantiated", "Priority: Early help",
                                  "<th scope=\"col\">Note</th>", "<caption>Participants by role</caption>"})
            QVERIFY2(html.contains(QString::fromUtf8(words)), words);
        for (const char *note : {"pupils", "observed", "manager", "early-help", "early-help-seen"})
            QVERIFY2(html.contains(QStringLiteral("<code>%1</code>").arg(shortHash(note))), note);
        // Participants by role and number; the team by role; never a note's text or a name.
        QVERIFY(html.contains(QStringLiteral("<tr><th scope=\"row\">young person</th><td>6</td></tr>")));
        QVERIFY(html.contains(QStringLiteral("<tr><th scope=\"row\">Young Inspector</th><td>1</td></tr>")));
        QVERIFY(!html.contains(QStringLiteral("Jamie")));
        QVERIFY(!html.contains(QStringLiteral("sign-in sheet")));
        QVERIFY(!html.contains(QStringLiteral("Tablet 3")));
        // Every element the report opens, it closes (a check any HTML reader relies on).
        for (const char *element : {"section", "article", "table", "thead", "tbody", "ol", "main", "header"})
            QCOMPARE(html.count(QStringLiteral("<%1>").arg(QLatin1String(element))) + html.count(QStringLiteral("<%1 ").arg(QLatin1String(element))),
                     html.count(QStringLiteral("</%1>").arg(QLatin1String(element))));
    }

    void aDraftReportInPdf()
    {
        auto report = buildReviewReport(leader(), m_leader->reviewId, ReportStage::Draft);
        QVERIFY(report.ok());
        const QString pdf = m_directory.filePath(QStringLiteral("draft.pdf"));
        QVERIFY(writeReportPdf(*report, pdf).ok());
        // FIELDNOTES_REPORT_COPY=DIR keeps the PDF and HTML, to look at every page (pdftoppm).
        if (const QString keep = qEnvironmentVariable("FIELDNOTES_REPORT_COPY"); !keep.isEmpty()) {
            QFile::remove(keep + QStringLiteral("/draft-report.pdf"));
            QFile::copy(pdf, keep + QStringLiteral("/draft-report.pdf"));
            QFile html(keep + QStringLiteral("/draft-report.html"));
            QVERIFY(html.open(QIODevice::WriteOnly) && html.write(reportHtml(*report)) > 0);
        }
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), {pdf});
        QVERIFY(info.waitForFinished(30000));
        QCOMPARE(info.exitCode(), 0);
        const QString details = QString::fromUtf8(info.readAllStandardOutput());
        QVERIFY2(details.contains(QRegularExpression(QStringLiteral("Page size:\\s+595(\\.\\d+)? x 842(\\.\\d+)? pts \\(A4\\)"))), qPrintable(details));
        const int pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(details).captured(1).toInt();
        QVERIFY(pages >= 2);

        // Lines may wrap in the PDF: compare the words with their spacing flattened.
        const QString text = pdfText(pdf).simplified();
        for (const char *words : {"The breakfast club has raised attendance", "Families wait too long for early help",
                                  "Persistent absence is not yet tracked by school", "Extend the breakfast club to every primary school",
                                  "Set a two-week target for early help referrals", "Not yet substantiated"})
            QVERIFY2(text.contains(QString::fromUtf8(words)), words);
        for (const char *note : {"pupils", "observed", "manager", "early-help", "early-help-seen"})
            QVERIFY2(text.contains(shortHash(note)), note);
        QVERIFY(!text.contains(QStringLiteral("Jamie")));
        for (int page = 1; page <= pages; ++page)
            QVERIFY2(text.contains(QStringLiteral("page %1 of %2").arg(page).arg(pages)), qPrintable(QString::number(page)));
    }

    void aFinalReportIsRefusedWhileAFindingIsUnsubstantiated()
    {
        auto refused = buildReviewReport(leader(), m_leader->reviewId, ReportStage::Final);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(refused.error().message.contains(m_findings.at(2)), qPrintable(refused.error().message));
        QVERIFY(!refused.error().message.contains(m_findings.at(0) + QLatin1Char(' ')));
        // Nothing is written where the final report was to go.
        const QString pdf = m_directory.filePath(QStringLiteral("final.pdf"));
        QVERIFY(!QFile::exists(pdf));

        // A second, independent source: the finding is substantiated, and the final report is made.
        QVERIFY(desk().link(m_findings.at(2), Excerpt{m_notes.value(QStringLiteral("observed")), 0, -1}, QStringLiteral("Team leader")).ok());
        auto final = buildReviewReport(leader(), m_leader->reviewId, ReportStage::Final);
        QVERIFY2(final.ok(), qPrintable(final.ok() ? QString() : final.error().message));
        QVERIFY(writeReportPdf(*final, pdf).ok());
        const QString text = pdfText(pdf).simplified();
        QVERIFY(text.contains(QStringLiteral("Final report")));
        QVERIFY(!text.contains(QStringLiteral("Not yet substantiated")));
    }

    // Each issued version is frozen and signed by the review key over its exact bytes; OpenSSL
    // checks both files, and one changed byte fails.
    void issuedVersionsAreSignedAndFrozen()
    {
        ReportVersions versions(leader(), m_leader->reviewId);
        const QString by = QStringLiteral("Team leader");
        auto tooEarly = versions.issue(ReportVersionStage::Final, by);
        QVERIFY(!tooEarly.ok());
        QVERIFY(tooEarly.error().message.contains(QStringLiteral("draft for consultation first")));
        QVERIFY(!versions.recordResponse(m_findings.at(0), QStringLiteral("head of service"), QStringLiteral("Agreed"), QStringLiteral("accepted"), {}, by).ok());

        auto preview = versions.issue(ReportVersionStage::Preview, by);
        QVERIFY2(preview.ok(), qPrintable(preview.ok() ? QString() : preview.error().message));
        QCOMPARE(preview->version, 1);
        auto draft = versions.issue(ReportVersionStage::Consultation, by);
        QVERIFY(draft.ok());
        QCOMPARE(draft->version, 2);
        QCOMPARE(draft->label(), QStringLiteral("Draft for consultation, version 2"));

        const QString folder = m_directory.filePath(QStringLiteral("v2"));
        auto files = versions.exportVersion(2, folder);
        QVERIFY2(files.ok(), qPrintable(files.ok() ? QString() : files.error().message));
        QCOMPARE(files->size(), 5);
        QVERIFY(opensslVerifies(folder, QStringLiteral("report-v2-consultation.html")));
        QVERIFY(opensslVerifies(folder, QStringLiteral("report-v2-consultation.pdf")));
        QVERIFY(pdfText(folder + QStringLiteral("/report-v2-consultation.pdf")).simplified().contains(QStringLiteral("Draft for consultation, version 2")));

        QFile pdf(folder + QStringLiteral("/report-v2-consultation.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadWrite));
        QByteArray bytes = pdf.readAll();
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
        QVERIFY(pdf.seek(0) && pdf.write(bytes) == bytes.size());
        pdf.close();
        QVERIFY(!opensslVerifies(folder, QStringLiteral("report-v2-consultation.pdf")));

        // As issued, for good: the vault refuses to change or remove an issued version.
        QVERIFY(!leader().database().exec("UPDATE report_versions SET html = x'00' WHERE version = 2").ok());
        QVERIFY(!leader().database().exec("DELETE FROM report_versions").ok());
        QCOMPARE(versions.version(2)->html, draft->html);
        QCOMPARE(versions.version(9).error().code, ErrorCode::NotFound);
    }

    // Responses to the draft are recorded per finding; the final report lists them and what
    // changed since the draft.
    void consultationResponsesAreListedInTheFinalReport()
    {
        ReportVersions versions(leader(), m_leader->reviewId);
        const QString by = QStringLiteral("Team leader");
        auto noReason = versions.recordResponse(m_findings.at(0), QStringLiteral("head of service"), QStringLiteral("The rise is three percent"),
                                                QStringLiteral("changed"), {}, by);
        QVERIFY(!noReason.ok());
        QVERIFY(noReason.error().message.contains(QStringLiteral("why")));
        QCOMPARE(versions.recordResponse(QStringLiteral("F9"), QStringLiteral("head of service"), QStringLiteral("?"), QStringLiteral("accepted"), {}, by)
                     .error()
                     .code,
                 ErrorCode::NotFound);
        QVERIFY(versions.recordResponse(m_findings.at(0), QStringLiteral("head of service"), QStringLiteral("The rise is three percent, not four"),
                                        QStringLiteral("changed"), QStringLiteral("the Trust's termly data shows three percent"), by)
                    .ok());
        QVERIFY(versions.recordResponse(m_findings.at(1), QStringLiteral("early help manager"), QStringLiteral("Waits are shorter in the north"),
                                        QStringLiteral("not-accepted"), QStringLiteral("the waiting list seen covers the whole area"), by)
                    .ok());
        QCOMPARE(versions.responses()->size(), 2);
        QVERIFY(desk().editFinding(m_findings.at(0), std::nullopt, QStringLiteral("The breakfast club has raised attendance by three percent"), by).ok());

        auto final = versions.issue(ReportVersionStage::Final, by);
        QVERIFY2(final.ok(), qPrintable(final.ok() ? QString() : final.error().message));
        QCOMPARE(final->version, 3);
        const QString html = QString::fromUtf8(final->html);
        for (const QString &words : {QStringLiteral("Final report, version 3"), QStringLiteral("Since the draft for consultation"),
                                     QStringLiteral("%1 changed: from “The breakfast club has raised attendance” to “The breakfast club has raised attendance by three percent”").arg(m_findings.at(0)),
                                     QStringLiteral("Changed: the Trust&#x27;s termly data shows three percent"),
                                     QStringLiteral("Not accepted: the waiting list seen covers the whole area"), QStringLiteral("early help manager")})
            QVERIFY2(html.contains(words) || html.contains(QString(words).replace(QStringLiteral("&#x27;"), QStringLiteral("'"))), qPrintable(words));
        const QString folder = m_directory.filePath(QStringLiteral("v3"));
        QVERIFY(versions.exportVersion(3, folder).ok());
        QVERIFY(opensslVerifies(folder, QStringLiteral("report-v3-final.pdf")));
        const QString text = pdfText(folder + QStringLiteral("/report-v3-final.pdf")).simplified();
        QVERIFY(text.contains(QStringLiteral("Since the draft for consultation")));
        // Table cells wrap side by side in the PDF's text: words that sit on one line of a cell.
        for (const QString &words : {QStringLiteral("Responses to the consultation"), QStringLiteral("Not accepted: the"),
                                     QStringLiteral("%1 changed: from “The breakfast club has raised attendance” to").arg(m_findings.at(0))})
            QVERIFY2(text.contains(words), qPrintable(words));
        QCOMPARE(versions.versions()->size(), 3);
    }

    // One row per collected note, read back with Python's csv module (not ours).
    void theNotesAsCsvOpenWithPythonsCsvModule()
    {
        // An engagement titled like a formula must reach a spreadsheet as text.
        const QString formula = addEngagement(QStringLiteral("=HYPERLINK(\"http://x\", \"y\")"), EngagementKind::Meeting, m_leader->priorityId,
                                              {{QStringLiteral("governor"), 2}});
        QVERIFY(LeaderDesk(leader()).publishSetup(m_leader->reviewId).ok());
        QVERIFY(DeviceSync(*m_reviewer->vault).syncOnce().ok()); // the tablet learns of the engagement
        m_notes.insert(QStringLiteral("formula"), sign(*m_reviewer, formula, NoteKind::Evidence, QStringLiteral("Minutes of the governors' meeting")));
        QVERIFY(DeviceSync(*m_reviewer->vault).syncOnce().ok());
        QCOMPARE(LeaderDesk(leader()).collect(m_leader->reviewId)->newNotes, 1);
        auto csv = collectedNotesCsv(leader(), m_leader->reviewId);
        QVERIFY(csv.ok());
        QVERIFY(!csv->contains("Jamie")); // never a note's text
        const QString file = m_directory.filePath(QStringLiteral("notes.csv"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(*csv) == csv->size());
        out.close();
        QProcess python;
        python.start(QStringLiteral("python3"),
                     {QStringLiteral("-c"), QStringLiteral("import csv, json, sys\n"
                                                           "rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))\n"
                                                           "print(json.dumps(rows))"),
                      file});
        QVERIFY(python.waitForFinished(30000));
        QCOMPARE(python.exitCode(), 0);
        const QJsonArray rows = QJsonDocument::fromJson(python.readAllStandardOutput()).array();
        QCOMPARE(rows.size(), m_notes.size());
        QHash<QString, QJsonObject> byHash;
        for (const QJsonValue &row : rows)
            byHash.insert(row.toObject().value(QStringLiteral("hash")).toString(), row.toObject());
        const QJsonObject pupils = byHash.value(toHex(m_notes.value(QStringLiteral("pupils"))));
        QCOMPARE(pupils.value(QStringLiteral("priority")).toString(), leader().store().priorities(m_leader->reviewId)->front().title);
        QCOMPARE(pupils.value(QStringLiteral("engagement")).toString(), QStringLiteral("Pupils' focus group"));
        QCOMPARE(pupils.value(QStringLiteral("source")).toString(), QStringLiteral("Children and young people"));
        QCOMPARE(pupils.value(QStringLiteral("kind")).toString(), QStringLiteral("statement"));
        QCOMPARE(pupils.value(QStringLiteral("tablet_role")).toString(), QStringLiteral("reviewer"));
        QCOMPARE(pupils.value(QStringLiteral("evidence_given")).toString(), QStringLiteral("yes"));
        QCOMPARE(pupils.value(QStringLiteral("verified")).toString(), QStringLiteral("yes"));
        QCOMPARE(pupils.value(QStringLiteral("findings")).toString(), m_findings.at(0));
        QCOMPARE(byHash.value(toHex(m_notes.value(QStringLiteral("manager")))).value(QStringLiteral("findings")).toString(),
                 m_findings.at(0) + QLatin1Char(' ') + m_findings.at(2));
        QVERIFY(!byHash.value(toHex(m_notes.value(QStringLiteral("observed")))).value(QStringLiteral("signed_at")).toString().isEmpty());
        QCOMPARE(byHash.value(toHex(m_notes.value(QStringLiteral("formula")))).value(QStringLiteral("engagement")).toString(),
                 QStringLiteral("'=HYPERLINK(\"http://x\", \"y\")"));
    }

    // The REFI-QDA project: valid against the published schema (xmllint), opened with Python's
    // zipfile and ElementTree (not ours): a source per note with its text, cases, variables, and
    // the findings' excerpts coded at their code-point positions.
    void theRefiQdaProjectValidatesAgainstTheSchema()
    {
        const QString qdpx = m_directory.filePath(QStringLiteral("review.qdpx"));
        auto written = writeRefiQdaProject(leader(), m_leader->reviewId, qdpx);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        const QString unpacked = m_directory.filePath(QStringLiteral("qdpx"));
        QProcess python;
        python.start(QStringLiteral("python3"),
                     {QStringLiteral("-c"),
                      QStringLiteral("import json, sys, zipfile, xml.etree.ElementTree as ET\n"
                                     "z = zipfile.ZipFile(sys.argv[1]); z.extractall(sys.argv[2])\n"
                                     "ns = {'q': 'urn:QDA-XML:project:1.0'}\n"
                                     "root = ET.fromstring(z.read('project.qde'))\n"
                                     "out = {'files': sorted(z.namelist()), 'cases': len(root.findall('q:Cases/q:Case', ns)), 'sources': []}\n"
                                     "for s in root.findall('q:Sources/q:TextSource', ns):\n"
                                     "    text = z.read('sources/' + s.get('plainTextPath')[len('internal://'):]).decode('utf-8')\n"
                                     "    out['sources'].append({'description': s.find('q:Description', ns).text, 'length': len(text), 'text': text,\n"
                                     "        'selections': [[int(p.get('startPosition')), int(p.get('endPosition'))] for p in s.findall('q:PlainTextSelection', ns)]})\n"
                                     "print(json.dumps(out))"),
                      qdpx, unpacked});
        QVERIFY(python.waitForFinished(30000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const QJsonObject project = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
        QByteArray lint;
        QProcess xmllint;
        xmllint.setProcessChannelMode(QProcess::MergedChannels);
        xmllint.start(QStringLiteral("xmllint"), {QStringLiteral("--noout"), QStringLiteral("--schema"),
                                                  QStringLiteral(FIELDNOTES_TEST_DATA "/refi-qda/Project.xsd"), unpacked + QStringLiteral("/project.qde")});
        QVERIFY(xmllint.waitForFinished(30000));
        QVERIFY2(xmllint.exitCode() == 0, xmllint.readAll().constData());

        const QJsonArray sources = project.value(QStringLiteral("sources")).toArray();
        QCOMPARE(sources.size(), m_notes.size());
        QCOMPARE(project.value(QStringLiteral("files")).toArray().size(), m_notes.size() + 1); // the sources and project.qde
        QVERIFY(project.value(QStringLiteral("cases")).toInt() >= 3);
        bool pupilsSeen = false;
        for (const QJsonValue &value : sources) {
            const QJsonObject source = value.toObject();
            QVERIFY(source.value(QStringLiteral("description")).toString().contains(QStringLiteral("BLAKE2b-256 ")));
            if (!source.value(QStringLiteral("description")).toString().contains(toHex(m_notes.value(QStringLiteral("pupils")))))
                continue;
            pupilsSeen = true;
            QVERIFY(source.value(QStringLiteral("text")).toString().startsWith(QStringLiteral("Jamie said the breakfast club")));
            // The whole note is linked to F1: the selection runs over all its code points.
            const QJsonArray selections = source.value(QStringLiteral("selections")).toArray();
            QCOMPARE(selections.size(), 1);
            QCOMPARE(selections.at(0).toArray().at(0).toInt(), 0);
            QCOMPARE(selections.at(0).toArray().at(1).toInt(), source.value(QStringLiteral("length")).toInt());
        }
        QVERIFY(pupilsSeen);
    }

    void aPdfThatCannotBeWrittenSaysSoAndLeavesNothing()
    {
        auto report = buildReviewReport(leader(), m_leader->reviewId, ReportStage::Draft);
        QVERIFY(report.ok());
        const QString path = m_directory.filePath(QStringLiteral("no-such-folder/report.pdf"));
        auto written = writeReportPdf(*report, path);
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code, ErrorCode::Io);
        QVERIFY(written.error().message.contains(path));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestReviewReport)
#include "tst_reviewreport.moc"
