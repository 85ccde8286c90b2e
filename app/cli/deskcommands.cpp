// fieldnotes-cli's evidence desk: the team leader's findings, recommendations, triangulation,
// desk-top reviews, concern follow-ups and the desk's history (leader ...).
#include "clicommands.h"

#include "collectednotes.h"
#include "concernfollowups.h"
#include "deskengagements.h"
#include "deskreview.h"
#include "evidencebundle.h"
#include "findings.h"
#include "leaderdesk.h"
#include "notescsv.h"
#include "notestore.h"
#include "refiqda.h"
#include "reportversions.h"
#include "reviewreport.h"
#include "signednote.h"
#include "syncencoding.h"

#include <QSaveFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace fieldnotes::cli {

namespace {
QString whoFrom(const CommandArguments &args)
{
    return args.has(QStringLiteral("by")) ? args.value(QStringLiteral("by")) : QStringLiteral("team leader");
}

QJsonObject supportJson(const sync::Support &support)
{
    return QJsonObject{{QStringLiteral("note"), sync::toHex(support.excerpt.noteHash)},
                       {QStringLiteral("from"), support.excerpt.start},
                       {QStringLiteral("to"), support.excerpt.end},
                       {QStringLiteral("words"), support.words},
                       {QStringLiteral("kind"), noteKindName(support.kind)},
                       {QStringLiteral("engagement"), support.engagementId},
                       {QStringLiteral("source"), support.source},
                       {QStringLiteral("verified"), support.verified},
                       {QStringLiteral("evidence_given"), support.evidenceGiven},
                       {QStringLiteral("linked_at"), support.linkedAt}};
}

QJsonObject findingJson(const sync::Finding &finding)
{
    QJsonArray support;
    for (const sync::Support &each : finding.support)
        support << supportJson(each);
    return QJsonObject{{QStringLiteral("id"), finding.id},
                       {QStringLiteral("priority"), finding.priorityId},
                       {QStringLiteral("kind"), sync::findingKindName(finding.kind)},
                       {QStringLiteral("statement"), finding.statement},
                       {QStringLiteral("created_at"), finding.createdAt},
                       {QStringLiteral("support"), support},
                       {QStringLiteral("sources"), QJsonArray::fromStringList(finding.sources)},
                       {QStringLiteral("unverified_support"), finding.unverifiedSupport},
                       {QStringLiteral("hearsay_only"), finding.hearsayOnly},
                       {QStringLiteral("substantiated"), finding.substantiated},
                       {QStringLiteral("shortfalls"), QJsonArray::fromStringList(finding.shortfalls)}};
}

QString findingLine(const sync::Finding &finding)
{
    return QStringLiteral("%1  %2  %3%4")
        .arg(finding.id, sync::findingKindName(finding.kind), finding.statement.simplified(),
             finding.substantiated ? QString() : QStringLiteral("  [NOT YET SUBSTANTIATED]"));
}

/// --from N --to M, both or neither; neither is the whole note (end -1).
std::optional<std::pair<qint64, qint64>> rangeFrom(const CommandArguments &args, QString *error)
{
    const bool from = args.has(QStringLiteral("from"));
    const bool to = args.has(QStringLiteral("to"));
    if (!from && !to)
        return std::pair<qint64, qint64>(0, -1);
    bool fromOk = false;
    bool toOk = false;
    const qint64 start = args.value(QStringLiteral("from")).toLongLong(&fromOk);
    const qint64 end = args.value(QStringLiteral("to")).toLongLong(&toOk);
    if (!from || !to || !fromOk || !toOk) {
        *error = QStringLiteral("give --from and --to together, as numbers of characters (Unicode code points) into the note's signed text");
        return std::nullopt;
    }
    return std::pair(start, end);
}
} // namespace

ExitCode CliCommands::leaderFinding(const CommandArguments &args)
{
    const QStringList words = args.positionals();
    const QString action = words.value(0);
    const QString usageLine = QStringLiteral(
        "leader finding add --priority ID --kind good-practice|area-for-development --statement TEXT [--by WHO]\n"
        "  leader finding edit FINDING [--kind KIND] [--statement TEXT] [--by WHO]\n"
        "  leader finding link|unlink FINDING NOTE [--from N --to M] [--by WHO]\n"
        "  leader finding list [--priority ID] [--json]");
    const bool valid = (action == QLatin1String("add") && words.size() == 1) || (action == QLatin1String("edit") && words.size() == 2)
        || ((action == QLatin1String("link") || action == QLatin1String("unlink")) && words.size() == 3)
        || (action == QLatin1String("list") && words.size() == 1);
    if (!valid)
        return usage(usageLine);
    std::optional<sync::FindingKind> kind;
    if (args.has(QStringLiteral("kind"))) {
        kind = sync::findingKindFromName(args.value(QStringLiteral("kind")));
        if (!kind)
            return usage(QStringLiteral("--kind is good-practice or area-for-development"));
    }
    if (action == QLatin1String("add") && (!kind || !args.has(QStringLiteral("priority")) || !args.has(QStringLiteral("statement"))))
        return usage(usageLine);
    QString rangeError;
    const auto range = rangeFrom(args, &rangeError);
    if (!range)
        return usage(rangeError);
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        sync::EvidenceDesk desk(vault, reviewId);
        if (action == QLatin1String("add")) {
            auto id = desk.addFinding(args.value(QStringLiteral("priority")), *kind, args.value(QStringLiteral("statement")), whoFrom(args));
            if (!id)
                return fail(id.error());
            m_out << "finding " << *id << " added; link the notes it rests on with: leader finding link " << *id << " NOTE" << Qt::endl;
            return Success;
        }
        if (action == QLatin1String("edit")) {
            const std::optional<QString> statement = args.has(QStringLiteral("statement")) ? std::optional(args.value(QStringLiteral("statement")))
                                                                                           : std::nullopt;
            if (auto edited = desk.editFinding(words.at(1), kind, statement, whoFrom(args)); !edited)
                return fail(edited.error());
            m_out << "finding " << words.at(1) << " edited" << Qt::endl;
            return Success;
        }
        if (action == QLatin1String("link") || action == QLatin1String("unlink")) {
            auto note = desk.collectedNoteNamed(words.at(2));
            if (!note)
                return fail(note.error());
            const sync::Excerpt excerpt{*note, range->first, range->second};
            if (action == QLatin1String("link")) {
                auto linked = desk.link(words.at(1), excerpt, whoFrom(args));
                if (!linked)
                    return fail(linked.error());
                m_out << "finding " << words.at(1) << " rests on note " << note->toHex().left(16) << " characters " << linked->start << "-"
                      << linked->end << Qt::endl;
            } else {
                auto unlinked = desk.unlink(words.at(1), excerpt, whoFrom(args));
                if (!unlinked)
                    return fail(unlinked.error());
                m_out << "finding " << words.at(1) << ": " << *unlinked << " excerpt(s) of note " << note->toHex().left(16) << " unlinked" << Qt::endl;
            }
            auto findings = desk.findings();
            if (!findings)
                return fail(findings.error());
            for (const sync::Finding &finding : std::as_const(*findings))
                if (finding.id == words.at(1))
                    m_out << (finding.substantiated ? QStringLiteral("substantiated") : QStringLiteral("not yet substantiated: ") + finding.shortfalls.join(QStringLiteral("; ")))
                          << Qt::endl;
            return Success;
        }
        auto findings = desk.findings(args.value(QStringLiteral("priority")));
        if (!findings)
            return fail(findings.error());
        if (args.flag(QStringLiteral("json"))) {
            QJsonArray array;
            for (const sync::Finding &finding : std::as_const(*findings))
                array << findingJson(finding);
            m_out << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return Success;
        }
        for (const sync::Finding &finding : std::as_const(*findings)) {
            m_out << findingLine(finding) << Qt::endl << "  priority " << finding.priorityId << "; sources "
                  << (finding.sources.isEmpty() ? QStringLiteral("none") : finding.sources.join(QStringLiteral(", "))) << Qt::endl;
            for (const QString &shortfall : finding.shortfalls)
                m_out << "  - " << shortfall << Qt::endl;
            for (const sync::Support &support : finding.support)
                m_out << "  note " << support.excerpt.noteHash.toHex().left(16) << " [" << support.excerpt.start << "-" << support.excerpt.end << "] "
                      << (support.source.isEmpty() ? QStringLiteral("(no source)") : support.source) << ", " << noteKindName(support.kind)
                      << (support.verified ? QString() : QStringLiteral(", DID NOT VERIFY")) << ": \"" << support.words.simplified() << "\""
                      << Qt::endl;
        }
        m_out << findings->size() << " findings" << Qt::endl;
        return Success;
    });
}

ExitCode CliCommands::leaderRecommendation(const CommandArguments &args)
{
    const QStringList words = args.positionals();
    const QString usageLine = QStringLiteral("leader recommendation add --priority ID --text TEXT --finding F1 [--finding F2]... [--by WHO]\n"
                                             "  leader recommendation list [--priority ID] [--json]");
    const bool adding = words == QStringList{QStringLiteral("add")};
    if (!adding && words != QStringList{QStringLiteral("list")})
        return usage(usageLine);
    if (adding && (!args.has(QStringLiteral("priority")) || !args.has(QStringLiteral("text"))))
        return usage(usageLine);
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        sync::EvidenceDesk desk(vault, reviewId);
        if (adding) {
            auto id = desk.addRecommendation(args.value(QStringLiteral("priority")), args.value(QStringLiteral("text")),
                                             args.values(QStringLiteral("finding")), whoFrom(args));
            if (!id)
                return fail(id.error());
            m_out << "recommendation " << *id << " added" << Qt::endl;
        }
        auto recommendations = desk.recommendations(adding ? QString() : args.value(QStringLiteral("priority")));
        if (!recommendations)
            return fail(recommendations.error());
        if (!adding && args.flag(QStringLiteral("json"))) {
            QJsonArray array;
            for (const sync::Recommendation &r : std::as_const(*recommendations))
                array << QJsonObject{{QStringLiteral("id"), r.id},
                                     {QStringLiteral("priority"), r.priorityId},
                                     {QStringLiteral("text"), r.text},
                                     {QStringLiteral("created_at"), r.createdAt},
                                     {QStringLiteral("findings"), QJsonArray::fromStringList(r.findingIds)},
                                     {QStringLiteral("unsubstantiated_findings"), QJsonArray::fromStringList(r.unsubstantiatedFindings)},
                                     {QStringLiteral("flagged"), r.flagged()}};
            m_out << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return Success;
        }
        for (const sync::Recommendation &r : std::as_const(*recommendations)) {
            if (adding && r.id != recommendations->last().id)
                continue;
            m_out << r.id << "  priority " << r.priorityId << "  " << r.text.simplified() << Qt::endl
                  << "  rests on " << r.findingIds.join(QStringLiteral(", ")) << Qt::endl;
            if (r.flagged())
                m_out << "  FLAGGED: rests on " << r.unsubstantiatedFindings.join(QStringLiteral(", ")) << ", not yet substantiated" << Qt::endl;
        }
        if (!adding)
            m_out << recommendations->size() << " recommendations" << Qt::endl;
        return Success;
    });
}

ExitCode CliCommands::leaderTriangulation(const CommandArguments &args)
{
    if (!args.positionals().isEmpty())
        return usage(QStringLiteral("leader triangulation [--priority ID] [--json]"));
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        sync::EvidenceDesk desk(vault, reviewId);
        auto views = desk.triangulation(args.value(QStringLiteral("priority")));
        if (!views)
            return fail(views.error());
        auto required = desk.requiredSources();
        if (!required)
            return fail(required.error());
        if (args.flag(QStringLiteral("json"))) {
            QJsonArray array;
            for (const sync::Triangulation &view : std::as_const(*views)) {
                QJsonArray rows;
                for (const sync::Finding &finding : view.findings) {
                    QJsonObject cells;
                    for (const sync::Source &source : view.sources) {
                        QJsonArray notes;
                        for (const QByteArray &note : view.notesIn(finding, source.id))
                            notes << sync::toHex(note);
                        cells.insert(source.id, notes);
                    }
                    QJsonObject row = findingJson(finding);
                    row.insert(QStringLiteral("cells"), cells);
                    rows << row;
                }
                array << QJsonObject{{QStringLiteral("priority"), view.priorityId},
                                     {QStringLiteral("title"), view.priorityTitle},
                                     {QStringLiteral("required_sources"), *required},
                                     {QStringLiteral("sources"), sync::sourcesToJson(view.sources)},
                                     {QStringLiteral("findings"), rows}};
            }
            m_out << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return Success;
        }
        for (const sync::Triangulation &view : std::as_const(*views)) {
            m_out << "priority " << view.priorityId << ": " << view.priorityTitle << " (a finding needs " << *required << " sources)" << Qt::endl;
            if (view.findings.isEmpty()) {
                m_out << "  no findings yet" << Qt::endl;
                continue;
            }
            QStringList header{QStringLiteral("%1").arg(QString(), -6)};
            for (const sync::Source &source : view.sources)
                header << source.id.left(12).leftJustified(12);
            m_out << "  " << header.join(QLatin1Char(' ')) << Qt::endl;
            for (const sync::Finding &finding : view.findings) {
                QStringList cells{finding.id.leftJustified(6)};
                for (const sync::Source &source : view.sources) {
                    const qsizetype notes = view.notesIn(finding, source.id).size();
                    cells << (notes == 0 ? QStringLiteral("-") : QString::number(notes)).leftJustified(12);
                }
                m_out << "  " << cells.join(QLatin1Char(' ')) << (finding.substantiated ? "" : "  NOT YET SUBSTANTIATED") << Qt::endl;
            }
        }
        return Success;
    });
}

ExitCode CliCommands::leaderSetting(const CommandArguments &args)
{
    const QStringList words = args.positionals();
    if (words.size() != 2 || (words.at(0) != QLatin1String("required-sources") && words.at(0) != QLatin1String("archive-retention")))
        return usage(QStringLiteral("leader setting required-sources N [--by WHO]   (how many independent sources a finding needs)\n"
                                    "leader setting archive-retention keep|DAYS   (how long the archive keeps envelopes after a bundle)"));
    if (words.at(0) == QLatin1String("archive-retention")) {
        bool numbered = false;
        const int days = words.at(1) == QLatin1String("keep") ? -1 : words.at(1).toInt(&numbered);
        if (words.at(1) != QLatin1String("keep") && (!numbered || days < 0))
            return usage(QStringLiteral("archive-retention takes keep or a number of days"));
        return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
            if (auto set = sync::LeaderDesk(vault).setArchiveRetentionDays(reviewId, days); !set)
                return fail(set.error());
            if (days < 0)
                m_out << "the archive keeps every envelope" << Qt::endl;
            else
                m_out << "once a bundle holds the notes, the archive may remove their envelopes " << days << " days later" << Qt::endl;
            return Success;
        });
    }
    bool ok = false;
    const int sources = words.at(1).toInt(&ok);
    if (!ok)
        return usage(QStringLiteral("required-sources takes a number"));
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        if (auto set = sync::EvidenceDesk(vault, reviewId).setRequiredSources(sources, whoFrom(args)); !set)
            return fail(set.error());
        m_out << "a finding now needs " << sources << " independent sources" << Qt::endl;
        return Success;
    });
}

ExitCode CliCommands::leaderHistory(const CommandArguments &args)
{
    if (!args.positionals().isEmpty())
        return usage(QStringLiteral("leader history [--subject finding:F1|recommendation:R1|engagement:ID|...] [--json]"));
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        auto changes = sync::deskHistory(vault, reviewId, args.value(QStringLiteral("subject")));
        if (!changes)
            return fail(changes.error());
        if (args.flag(QStringLiteral("json"))) {
            QJsonArray array;
            for (const sync::DeskChange &change : std::as_const(*changes))
                array << QJsonObject{{QStringLiteral("at"), change.at},
                                     {QStringLiteral("by"), change.by},
                                     {QStringLiteral("subject"), change.subject},
                                     {QStringLiteral("action"), change.action},
                                     {QStringLiteral("detail"), QJsonDocument::fromJson(change.detail.toUtf8()).object()}};
            m_out << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return Success;
        }
        for (const sync::DeskChange &change : std::as_const(*changes))
            m_out << change.at << "  " << change.by << "  " << change.subject << "  " << change.action << "  " << change.detail << Qt::endl;
        return Success;
    });
}

// The review report: a working copy from the desk as it stands (HTML, the accessible form, or
// PDF), or its issued versions, each frozen and signed with the review key.
ExitCode CliCommands::leaderReport(const CommandArguments &args)
{
    const QStringList words = args.positionals();
    const QString action = words.value(0);
    if (action == QLatin1String("issue"))
        return leaderReportIssue(args);
    if (action == QLatin1String("versions") || action == QLatin1String("export"))
        return leaderReportVersions(args);
    const QString output = args.value(QStringLiteral("output"));
    const QString format = args.has(QStringLiteral("format")) ? args.value(QStringLiteral("format"))
                           : output.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) ? QStringLiteral("pdf")
                                                                                           : QStringLiteral("html");
    if (!words.isEmpty() || output.isEmpty() || (format != QLatin1String("html") && format != QLatin1String("pdf")))
        return usage(QStringLiteral("leader report --output FILE [--format html|pdf] [--final] | issue preview|consultation|final [--by WHO] "
                                    "| versions [--json] | export N --output DIR"));
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        const auto stage = args.flag(QStringLiteral("final")) ? sync::ReportStage::Final : sync::ReportStage::Draft;
        auto report = sync::buildReviewReport(vault, reviewId, stage);
        if (!report)
            return fail(report.error());
        if (format == QLatin1String("pdf")) {
            if (auto written = sync::writeReportPdf(*report, output); !written)
                return fail(written.error());
        } else {
            QSaveFile file(output);
            if (!file.open(QIODevice::WriteOnly) || file.write(sync::reportHtml(*report)) < 0 || !file.commit())
                return fail(Error{ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(output, file.errorString())});
        }
        int findings = 0;
        int recommendations = 0;
        for (const sync::ReportPriority &priority : std::as_const(report->priorities)) {
            findings += int(priority.goodPractice.size() + priority.development.size());
            recommendations += int(priority.recommendations.size());
        }
        m_out << (stage == sync::ReportStage::Final ? "Final" : "Draft") << " report written to " << output << ": "
              << report->priorities.size() << (report->priorities.size() == 1 ? " priority, " : " priorities, ") << findings
              << (findings == 1 ? " finding" : " findings");
        if (report->unsubstantiatedFindings > 0)
            m_out << " (" << report->unsubstantiatedFindings << " not yet substantiated)";
        m_out << ", " << recommendations << (recommendations == 1 ? " recommendation" : " recommendations") << Qt::endl;
        return Success;
    });
}

ExitCode CliCommands::leaderReportIssue(const CommandArguments &args)
{
    const QStringList words = args.positionals();
    const auto stage = sync::reportVersionStageFromName(words.value(1));
    if (words.size() != 2 || !stage)
        return usage(QStringLiteral("leader report issue preview|consultation|final [--by WHO]"));
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        auto issued = sync::ReportVersions(vault, reviewId).issue(*stage, whoFrom(args));
        if (!issued)
            return fail(issued.error());
        m_out << issued->label() << " issued and signed with the review key (" << issued->html.size() << " bytes of HTML, "
              << issued->pdf.size() << " of PDF); export it with: leader report export " << issued->version << " --output DIR" << Qt::endl;
        return Success;
    });
}

ExitCode CliCommands::leaderReportVersions(const CommandArguments &args)
{
    const QStringList words = args.positionals();
    const bool exporting = words.value(0) == QLatin1String("export");
    bool numbered = false;
    const int number = words.value(1).toInt(&numbered);
    if (exporting ? (words.size() != 2 || !numbered || !args.has(QStringLiteral("output"))) : words.size() != 1)
        return usage(QStringLiteral("leader report versions [--json] | leader report export N --output DIR"));
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        sync::ReportVersions versions(vault, reviewId);
        if (exporting) {
            auto files = versions.exportVersion(number, args.value(QStringLiteral("output")));
            if (!files)
                return fail(files.error());
            for (const QString &file : std::as_const(*files))
                m_out << file << Qt::endl;
            return Success;
        }
        auto issued = versions.versions();
        if (!issued)
            return fail(issued.error());
        QJsonArray array;
        for (const sync::IssuedReport &version : std::as_const(*issued)) {
            if (args.flag(QStringLiteral("json")))
                array.append(QJsonObject{{QStringLiteral("version"), version.version},
                                         {QStringLiteral("stage"), sync::reportVersionStageName(version.stage)},
                                         {QStringLiteral("issued_at"), canonicalTimestamp(version.issuedAt)},
                                         {QStringLiteral("issued_by"), version.issuedBy},
                                         {QStringLiteral("html_signature"), sync::toHex(version.htmlSignature)},
                                         {QStringLiteral("pdf_signature"), sync::toHex(version.pdfSignature)}});
            else
                m_out << version.version << "  " << sync::reportVersionStageName(version.stage) << "  " << canonicalTimestamp(version.issuedAt)
                      << "  by " << version.issuedBy << Qt::endl;
        }
        if (args.flag(QStringLiteral("json")))
            m_out << QJsonDocument(array).toJson();
        else if (issued->isEmpty())
            m_out << "No version of the report has been issued." << Qt::endl;
        return Success;
    });
}

// The collected notes for analysis tools: one CSV row per note (no text, no tablet label), or
// a REFI-QDA project (.qdpx) with the notes' text, for QualCoder, NVivo, ATLAS.ti or MAXQDA.
ExitCode CliCommands::leaderExport(const CommandArguments &args)
{
    const QStringList words = args.positionals();
    const QString format = words.value(0);
    if (words.size() != 1 || (format != QLatin1String("csv") && format != QLatin1String("qdpx")) || !args.has(QStringLiteral("output")))
        return usage(QStringLiteral("leader export csv|qdpx --output FILE"));
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        const QString output = args.value(QStringLiteral("output"));
        if (format == QLatin1String("qdpx")) {
            if (auto written = sync::writeRefiQdaProject(vault, reviewId, output); !written)
                return fail(written.error());
            m_out << "The REFI-QDA project written to " << output << Qt::endl;
            return Success;
        }
        auto csv = sync::collectedNotesCsv(vault, reviewId);
        if (!csv)
            return fail(csv.error());
        QSaveFile file(output);
        if (!file.open(QIODevice::WriteOnly) || file.write(*csv) != csv->size() || !file.commit())
            return fail(Error{ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(output, file.errorString())});
        m_out << "The collected notes written to " << output << Qt::endl;
        return Success;
    });
}

// The evidence bundle: a BagIt bag of everything the findings rest on, signed by the review key.
ExitCode CliCommands::leaderBundle(const CommandArguments &args)
{
    if (!args.positionals().isEmpty() || !args.has(QStringLiteral("output")))
        return usage(QStringLiteral("leader bundle --output DIR"));
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        auto written = sync::writeEvidenceBundle(vault, reviewId, args.value(QStringLiteral("output")));
        if (!written)
            return fail(written.error());
        m_out << "Evidence bundle written to " << written->directory << ": " << written->notes << " signed notes, " << written->files
              << " files, signed by the review key. Check it with: fieldnotes-cli verify-bundle " << written->directory << Qt::endl;
        if (written->archivedNotes > 0) {
            m_out << "The archive may remove the envelopes of " << written->archivedNotes << " notes after " << canonicalTimestamp(written->removeAfter);
            auto sent = sync::LeaderDesk(vault).sendArchivedStatements(reviewId);
            if (!sent) {
                m_out << "; it could not be told yet (" << sent.error().message << "): it is told at the next collection" << Qt::endl;
                return Success;
            }
            m_out << "; the archive was told, and removed " << *sent << " now" << Qt::endl;
        }
        return Success;
    });
}

// Checks a bundle with nothing but what is in it; needs no vault.
ExitCode CliCommands::verifyBundle(const CommandArguments &args)
{
    const QStringList words = args.positionals();
    std::optional<QByteArray> key;
    if (args.has(QStringLiteral("key")))
        key = sync::fromHex(args.value(QStringLiteral("key")).toLower(), 32);
    if (words.size() != 1 || (args.has(QStringLiteral("key")) && !key))
        return usage(QStringLiteral("verify-bundle DIR [--key REVIEW_KEY_HEX]"));
    const sync::BundleCheck check = sync::verifyEvidenceBundle(words.first(), key.value_or(QByteArray()));
    for (const QString &problem : check.problems)
        m_out << "PROBLEM  " << problem << Qt::endl;
    m_out << check.files << " files, " << check.notes << " signed notes; review key " << sync::toHex(check.reviewKey) << Qt::endl;
    if (!check.ok()) {
        m_out << check.problems.size() << (check.problems.size() == 1 ? " problem" : " problems") << ": the bundle does not verify" << Qt::endl;
        return VerificationFailed;
    }
    m_out << "The bundle verifies: every file unchanged, every signature holds, every chain complete, every finding's notes present."
          << (key ? "" : " Compare the review key above with the one the team leader published.") << Qt::endl;
    return Success;
}

// Responses to the draft for consultation, per finding, and what the team decided.
ExitCode CliCommands::leaderConsultation(const CommandArguments &args)
{
    const QStringList words = args.positionals();
    const QString action = words.value(0);
    if (words.size() != 1 || (action != QLatin1String("add") && action != QLatin1String("list"))
        || (action == QLatin1String("add")
            && (!args.has(QStringLiteral("finding")) || !args.has(QStringLiteral("role")) || !args.has(QStringLiteral("said"))
                || !args.has(QStringLiteral("decision")))))
        return usage(QStringLiteral("leader consultation add --finding F --role ROLE --said TEXT --decision accepted|changed|not-accepted "
                                    "[--reason TEXT] [--by WHO] | leader consultation list [--json]"));
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        sync::ReportVersions versions(vault, reviewId);
        if (action == QLatin1String("add")) {
            auto response = versions.recordResponse(args.value(QStringLiteral("finding")), args.value(QStringLiteral("role")),
                                                     args.value(QStringLiteral("said")), args.value(QStringLiteral("decision")),
                                                     args.value(QStringLiteral("reason")), whoFrom(args));
            if (!response)
                return fail(response.error());
            m_out << "Response to " << response->findingId << " on version " << response->version << " recorded: " << response->decision << Qt::endl;
            return Success;
        }
        auto responses = versions.responses();
        if (!responses)
            return fail(responses.error());
        QJsonArray array;
        for (const sync::ConsultationResponse &response : std::as_const(*responses)) {
            if (args.flag(QStringLiteral("json")))
                array.append(QJsonObject{{QStringLiteral("version"), response.version}, {QStringLiteral("finding"), response.findingId},
                                         {QStringLiteral("from"), response.responderRole}, {QStringLiteral("said"), response.said},
                                         {QStringLiteral("decision"), response.decision}, {QStringLiteral("reason"), response.reason},
                                         {QStringLiteral("recorded_at"), canonicalTimestamp(response.recordedAt)},
                                         {QStringLiteral("recorded_by"), response.recordedBy}});
            else
                m_out << response.findingId << "  " << response.responderRole << ": " << response.said << "  -> " << response.decision
                      << (response.reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(response.reason)) << Qt::endl;
        }
        if (args.flag(QStringLiteral("json")))
            m_out << QJsonDocument(array).toJson();
        return Success;
    });
}

// Safeguarding concerns first: every collected concern with what was done about it, signed.
ExitCode CliCommands::leaderConcerns(const CommandArguments &args)
{
    if (!args.positionals().isEmpty())
        return usage(QStringLiteral("leader concerns [--json]"));
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        sync::CollectedFilter filter;
        filter.kind = NoteKind::Concern;
        auto concerns = sync::CollectedNotes(vault, reviewId).list(filter);
        if (!concerns)
            return fail(concerns.error());
        auto followUps = sync::concernFollowUps(vault, reviewId);
        if (!followUps)
            return fail(followUps.error());
        QJsonArray array;
        int waiting = 0;
        for (const sync::CollectedNoteView &concern : std::as_const(*concerns)) {
            QJsonArray records;
            QStringList lines;
            for (const sync::ConcernFollowUp &followUp : std::as_const(*followUps)) {
                if (followUp.noteHash != concern.note.hash)
                    continue;
                QJsonObject record = followUp.toJson();
                record.insert(QStringLiteral("hash"), sync::toHex(followUp.hash()));
                // The exact bytes signed, so that anyone can check them with openssl (docs/sync-protocol.md).
                record.insert(QStringLiteral("signed_bytes"), QString::fromLatin1(followUp.signedBytes().toBase64()));
                records << record;
                lines << QStringLiteral("  %1 %2: seen %3%4%5")
                             .arg(followUp.signedAt.toString(Qt::ISODate), followUp.by, followUp.seenAt.toString(Qt::ISODate),
                                  followUp.raisedWith.isEmpty() ? QString() : QStringLiteral("; raised with ") + followUp.raisedWith,
                                  followUp.decision.isEmpty() ? QString() : QStringLiteral("; decision: ") + followUp.decision);
            }
            if (records.isEmpty())
                ++waiting;
            if (args.flag(QStringLiteral("json"))) {
                array << QJsonObject{{QStringLiteral("note"), sync::toHex(concern.note.hash)},
                                     {QStringLiteral("text"), concern.note.content.text},
                                     {QStringLiteral("signed_at"), canonicalTimestamp(concern.note.content.signedAt)},
                                     {QStringLiteral("engagement"), concern.note.content.engagementId},
                                     {QStringLiteral("tablet"), QJsonObject{{QStringLiteral("role"), concern.tabletRole},
                                                                            {QStringLiteral("label"), concern.tabletLabel}}},
                                     {QStringLiteral("verdict"), concern.verdict},
                                     {QStringLiteral("follow_ups"), records}};
                continue;
            }
            m_out << "CONCERN " << concern.note.hash.toHex().left(16) << "  " << canonicalTimestamp(concern.note.content.signedAt) << "  "
                  << concern.tabletRole << " \"" << concern.tabletLabel << "\"" << (concern.verified() ? "" : "  NOT VERIFIED") << Qt::endl
                  << "  " << concern.note.content.text.simplified() << Qt::endl;
            if (lines.isEmpty())
                m_out << "  NO FOLLOW-UP RECORDED: leader concern follow-up " << concern.note.hash.toHex().left(16) << " ..." << Qt::endl;
            for (const QString &line : std::as_const(lines))
                m_out << line << Qt::endl;
        }
        if (args.flag(QStringLiteral("json"))) {
            m_out << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return Success;
        }
        m_out << concerns->size() << " concerns, " << waiting << " without a follow-up" << Qt::endl;
        return Success;
    });
}

ExitCode CliCommands::leaderConcern(const CommandArguments &args)
{
    const QStringList words = args.positionals();
    if (words.size() != 2 || words.at(0) != QLatin1String("follow-up"))
        return usage(QStringLiteral("leader concern follow-up NOTE [--seen-at ISO8601] [--raised-with WHOM] [--decision TEXT] [--by WHO]"));
    QDateTime seenAt;
    if (args.has(QStringLiteral("seen-at"))) {
        seenAt = QDateTime::fromString(args.value(QStringLiteral("seen-at")), Qt::ISODate);
        if (!seenAt.isValid())
            return usage(QStringLiteral("--seen-at is a date and time, e.g. 2026-11-24T10:30:00Z"));
    }
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        auto note = sync::EvidenceDesk(vault, reviewId).collectedNoteNamed(words.at(1));
        if (!note)
            return fail(note.error());
        auto followUp = sync::recordConcernFollowUp(vault, reviewId, *note, seenAt, args.value(QStringLiteral("raised-with")),
                                                    args.value(QStringLiteral("decision")), whoFrom(args));
        if (!followUp)
            return fail(followUp.error());
        m_out << "follow-up of concern " << note->toHex().left(16) << " signed by the team leader's key: " << followUp->hash().toHex() << Qt::endl;
        return Success;
    });
}

ExitCode CliCommands::leaderDeskReview(const CommandArguments &args)
{
    const QStringList words = args.positionals();
    const bool setting = words.size() == 2 && words.at(0) == QLatin1String("set");
    if (!setting && words != QStringList{QStringLiteral("list")}) {
        QStringList criteria;
        for (const sync::DeskCriterion &criterion : sync::deskCriteria())
            criteria << QStringLiteral("--%1 TEXT").arg(criterion.id);
        return usage(QStringLiteral("leader desk-review set PRIORITY [--rag red|amber|green] [%1] [--line LINE]... [--by WHO]\n"
                                    "  leader desk-review list [--json]")
                         .arg(criteria.join(QStringLiteral("] ["))));
    }
    return withLedReview(args, [&](Vault &vault, const QString &reviewId) {
        auto reviews = sync::deskReviews(vault, reviewId);
        if (!reviews)
            return fail(reviews.error());
        if (setting) {
            sync::DeskReview review{words.at(1), {}, {}, {}, {}};
            for (const sync::DeskReview &existing : std::as_const(*reviews))
                if (existing.priorityId == review.priorityId)
                    review = existing;
            if (args.has(QStringLiteral("rag")))
                review.rag = args.value(QStringLiteral("rag"));
            for (const sync::DeskCriterion &criterion : sync::deskCriteria())
                if (args.has(criterion.id))
                    review.evidence.insert(criterion.id, args.value(criterion.id));
            if (args.has(QStringLiteral("line")))
                review.linesOfEnquiry = args.values(QStringLiteral("line"));
            if (auto saved = sync::saveDeskReview(vault, reviewId, review, whoFrom(args)); !saved)
                return fail(saved.error());
            m_out << "desk-top review of priority " << review.priorityId << " saved" << Qt::endl;
            // It travels to tablets in the signed set-up: published now, or with the next publish.
            if (auto published = sync::LeaderDesk(vault).publishSetup(reviewId); !published) {
                m_err << "fieldnotes-cli: saved, but not yet published to tablets (" << published.error().message
                      << "); run leader publish when the archive can be reached" << Qt::endl;
                return Refused;
            }
            m_out << "published to tablets in the signed set-up" << Qt::endl;
            return Success;
        }
        if (args.flag(QStringLiteral("json"))) {
            m_out << QJsonDocument(sync::deskReviewsToJson(*reviews)).toJson(QJsonDocument::Indented);
            return Success;
        }
        for (const sync::DeskReview &review : std::as_const(*reviews)) {
            m_out << "priority " << review.priorityId << ": " << review.rag.toUpper() << Qt::endl;
            for (const sync::DeskCriterion &criterion : sync::deskCriteria())
                if (review.evidence.contains(criterion.id))
                    m_out << "  " << criterion.label << ": " << review.evidence.value(criterion.id) << Qt::endl;
            for (const QString &line : review.linesOfEnquiry)
                m_out << "  line of enquiry: " << line << Qt::endl;
        }
        m_out << reviews->size() << " desk-top reviews" << Qt::endl;
        return Success;
    });
}

} // namespace fieldnotes::cli
