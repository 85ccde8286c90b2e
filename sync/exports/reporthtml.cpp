#include "reviewreport.h"

#include <QLocale>

namespace fieldnotes::sync {

namespace {

QString escaped(const QString &text) { return text.toHtmlEscaped(); }

QString day(const QDate &date) { return date.isValid() ? QLocale(QLocale::English, QLocale::UnitedKingdom).toString(date, QStringLiteral("d MMMM yyyy")) : QStringLiteral("—"); }

QString stageWords(ReportStage stage)
{
    return stage == ReportStage::Final ? QStringLiteral("Final report") : QStringLiteral("Draft: not for circulation");
}

QString ragWords(const QString &rag)
{
    if (rag == QLatin1String("red"))
        return QStringLiteral("Red: not progressing well");
    if (rag == QLatin1String("amber"))
        return QStringLiteral("Amber: some progress, not yet enough");
    if (rag == QLatin1String("green"))
        return QStringLiteral("Green: progressing well");
    return QStringLiteral("not rated");
}

void tallyTable(QString &html, const QString &caption, const QString &what, const QList<Tally> &tallies)
{
    html += QStringLiteral("<table>\n<caption>%1</caption>\n<thead><tr><th scope=\"col\">%2</th><th scope=\"col\">Number</th></tr></thead>\n<tbody>\n")
                .arg(escaped(caption), escaped(what));
    for (const Tally &tally : tallies)
        html += QStringLiteral("<tr><th scope=\"row\">%1</th><td>%2</td></tr>\n").arg(escaped(tally.label)).arg(tally.count);
    if (tallies.isEmpty())
        html += QStringLiteral("<tr><td colspan=\"2\">None recorded</td></tr>\n");
    html += QStringLiteral("</tbody>\n</table>\n");
}

void findingList(QString &html, const QString &heading, const QList<ReportFinding> &findings)
{
    html += QStringLiteral("<h3>%1</h3>\n").arg(escaped(heading));
    if (findings.isEmpty()) {
        html += QStringLiteral("<p>None.</p>\n");
        return;
    }
    for (const ReportFinding &finding : findings) {
        html += QStringLiteral("<article id=\"%1\">\n<h4>%1. %2</h4>\n").arg(escaped(finding.id), escaped(finding.statement));
        if (!finding.substantiated)
            html += QStringLiteral("<p class=\"unsubstantiated\"><strong>Not yet substantiated</strong>: %1. It cannot go into the final report.</p>\n")
                        .arg(escaped(finding.shortfalls.join(QStringLiteral("; "))));
        html += QStringLiteral("<p>Sources: %1.</p>\n")
                    .arg(finding.sources.isEmpty() ? QStringLiteral("none yet") : escaped(finding.sources.join(QStringLiteral(", "))));
        html += QStringLiteral("<table>\n<caption>Signed notes supporting %1</caption>\n"
                               "<thead><tr><th scope=\"col\">Note</th><th scope=\"col\">Source</th><th scope=\"col\">Signed</th></tr></thead>\n<tbody>\n")
                    .arg(escaped(finding.id));
        for (const NoteReference &note : finding.notes)
            html += QStringLiteral("<tr><td><code>%1</code></td><td>%2</td><td>%3</td></tr>\n")
                        .arg(escaped(note.shortHash), escaped(note.source), escaped(day(note.signedOn)));
        if (finding.notes.isEmpty())
            html += QStringLiteral("<tr><td colspan=\"3\">No verified note yet</td></tr>\n");
        html += QStringLiteral("</tbody>\n</table>\n</article>\n");
    }
}

} // namespace

QByteArray reportHtml(const ReviewReport &report)
{
    QString html;
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>%1: review report</title>\n"
                           "<style>\nbody { font-family: sans-serif; line-height: 1.45; max-width: 46em; margin: 2em auto; padding: 0 1em; }\n"
                           "table { border-collapse: collapse; margin: 0.5em 0 1em; }\n"
                           "th, td { border: 1px solid #767676; padding: 0.25em 0.6em; text-align: left; }\n"
                           "caption { text-align: left; font-weight: bold; }\n"
                           ".unsubstantiated { color: #8a1c00; }\n</style>\n</head>\n<body>\n")
                .arg(escaped(report.title));
    html += QStringLiteral("<header>\n<h1>%1</h1>\n<p><strong>%2</strong></p>\n<p>Review week: %3 to %4. Report made %5 (UTC).</p>\n</header>\n<main>\n")
                .arg(escaped(report.title), escaped(report.versionLabel.isEmpty() ? stageWords(report.stage) : report.versionLabel),
                     escaped(day(report.firstDay)), escaped(day(report.lastDay)),
                     escaped(report.madeAt.toString(QStringLiteral("d MMMM yyyy, HH:mm"))));
    if (report.stage == ReportStage::Draft && report.unsubstantiatedFindings > 0)
        html += QStringLiteral("<p class=\"unsubstantiated\"><strong>%1 of the findings below %2 not yet substantiated</strong> and marked so.</p>\n")
                    .arg(report.unsubstantiatedFindings)
                    .arg(report.unsubstantiatedFindings == 1 ? QStringLiteral("is") : QStringLiteral("are"));

    html += QStringLiteral("<section>\n<h2>The review team</h2>\n");
    tallyTable(html, QStringLiteral("The team by role"), QStringLiteral("Role"), report.team);
    html += QStringLiteral("</section>\n");

    html += QStringLiteral(
        "<section>\n<h2>How the review was carried out</h2>\n"
        "<p>The review began with a desk-top review of each priority: progress against targets, comparison with statistical "
        "neighbours and national averages, the three-year trend, quartile position, geographical comparison, local measures and "
        "monitoring commentary, giving each priority a red, amber or green rating and the key lines of enquiry for the review week.</p>\n"
        "<p>In the review week the team held interviews, focus groups, meetings and visits, with Young Inspectors observing. Two "
        "team members attended each interview, one introducing and one taking notes; everything heard is non-attributable, and "
        "no one is named. Notes were signed on the tablet they were taken on, dated, and collected by the team leader.</p>\n"
        "<p>The team then triangulated what it heard: a finding is substantiated only when independent sources support it and it "
        "rests on more than hearsay (an example, a document or something seen). Every recommendation rests on substantiated "
        "findings.</p>\n</section>\n");

    html += QStringLiteral("<section>\n<h2>Participation</h2>\n");
    tallyTable(html, QStringLiteral("Engagements by kind"), QStringLiteral("Kind"), report.engagementsByKind);
    tallyTable(html, QStringLiteral("Participants by role"), QStringLiteral("Role"), report.participantsByRole);
    html += QStringLiteral("</section>\n");

    for (const ReportPriority &priority : report.priorities) {
        // Each priority starts a page in print (the PDF): its heading never ends a page alone.
        html += QStringLiteral("<section>\n<h2 style=\"page-break-before: always\">Priority: %1</h2>\n<p>Desk-top rating: <strong>%2</strong>.</p>\n")
                    .arg(escaped(priority.title), escaped(ragWords(priority.rag)));
        findingList(html, QStringLiteral("Areas of good practice"), priority.goodPractice);
        findingList(html, QStringLiteral("Areas for development"), priority.development);
        html += QStringLiteral("<h3>Recommendations</h3>\n");
        if (priority.recommendations.isEmpty())
            html += QStringLiteral("<p>None.</p>\n");
        else
            html += QStringLiteral("<ol>\n");
        for (const ReportRecommendation &recommendation : priority.recommendations)
            html += QStringLiteral("<li id=\"%1\"><strong>%1.</strong> %2 (based on findings %3)</li>\n")
                        .arg(escaped(recommendation.id), escaped(recommendation.text), escaped(recommendation.findingIds.join(QStringLiteral(", "))));
        if (!priority.recommendations.isEmpty())
            html += QStringLiteral("</ol>\n");
        html += QStringLiteral("</section>\n");
    }

    if (report.sinceConsultation) {
        html += QStringLiteral("<section>\n<h2 style=\"page-break-before: always\">Since the draft for consultation</h2>\n");
        if (report.changesSinceDraft.isEmpty()) {
            html += QStringLiteral("<p>No finding or recommendation changed.</p>\n");
        } else {
            html += QStringLiteral("<ul>\n");
            for (const QString &change : report.changesSinceDraft)
                html += QStringLiteral("<li>%1</li>\n").arg(escaped(change));
            html += QStringLiteral("</ul>\n");
        }
        html += QStringLiteral("<table>\n<caption>Responses to the consultation</caption>\n<thead><tr><th scope=\"col\">Finding</th>"
                               "<th scope=\"col\">From</th><th scope=\"col\">What they said</th><th scope=\"col\">Decision</th></tr></thead>\n<tbody>\n");
        for (const ConsultationLine &line : report.consultation) {
            const QString decision = line.decision == QLatin1String("accepted") ? QStringLiteral("Accepted")
                                   : line.decision == QLatin1String("changed") ? QStringLiteral("Changed")
                                                                              : QStringLiteral("Not accepted");
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>\n")
                        .arg(escaped(line.findingId), escaped(line.role), escaped(line.said),
                             escaped(line.reason.isEmpty() ? decision : decision + QStringLiteral(": ") + line.reason));
        }
        if (report.consultation.isEmpty())
            html += QStringLiteral("<tr><td colspan=\"4\">No responses were recorded</td></tr>\n");
        html += QStringLiteral("</tbody>\n</table>\n</section>\n");
    }

    html += QStringLiteral(
        "<section>\n<h2>Checking the evidence</h2>\n"
        "<p>Each note is referred to by the first 12 hexadecimal digits of its hash: BLAKE2b-256 over the note's signed bytes "
        "followed by its Ed25519 signature. The review's evidence bundle holds every signed note with its signature; anyone can "
        "find a note there by that reference, check its signature with OpenSSL and read its text and date in any CBOR reader "
        "(Fieldnotes' docs/signed-note-format.md says how).</p>\n"
        "</section>\n</main>\n</body>\n</html>\n");
    return html.toUtf8();
}

} // namespace fieldnotes::sync
