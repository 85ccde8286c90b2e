#include "reviewreport.h"

#include "collectednotes.h"
#include "desknames.h"
#include "deskreview.h"
#include "rosterentry.h"
#include "syncencoding.h"
#include "syncstore.h"
#include "vault.h"

#include <QHash>
#include <QMap>
#include <QSet>

namespace fieldnotes::sync {

namespace {

QString roleWords(const QString &role)
{
    if (role == QLatin1String("team-leader"))
        return QStringLiteral("team leader");
    if (role == QLatin1String("young-inspector"))
        return QStringLiteral("Young Inspector");
    return role;
}

QString engagementKindWords(EngagementKind kind)
{
    switch (kind) {
    case EngagementKind::Interview: return QStringLiteral("interview");
    case EngagementKind::FocusGroup: return QStringLiteral("focus group");
    case EngagementKind::Meeting: return QStringLiteral("meeting");
    case EngagementKind::Visit: return QStringLiteral("visit");
    case EngagementKind::Observation: return QStringLiteral("observation");
    }
    return {};
}

/// Tallies in first-seen order.
void count(QList<Tally> &tallies, const QString &label, int by)
{
    for (Tally &tally : tallies) {
        if (tally.label == label) {
            tally.count += by;
            return;
        }
    }
    tallies.append({label, by});
}

} // namespace

Result<ReviewReport> buildReviewReport(Vault &vault, const QString &reviewId, ReportStage stage)
{
    ReviewReport report;
    report.stage = stage;
    report.reviewId = reviewId;
    report.madeAt = vault.clock()().toUTC();

    auto names = deskNames(vault, reviewId);
    if (!names)
        return names.error();
    report.title = names->review.title;
    report.firstDay = names->review.startDate;
    report.lastDay = names->review.endDate;

    // The team, by role, as the signed roster enrols it (revoked tablets left out).
    auto roster = SyncStore(vault).rosterEntries(reviewId);
    if (!roster)
        return whileReading("the roster", roster.error());
    QSet<QByteArray> revoked;
    for (const RosterEntry &entry : *roster)
        if (entry.type == RosterEntry::Type::Revocation)
            revoked.insert(entry.deviceKey);
    bool leaderCounted = false;
    for (const RosterEntry &entry : *roster) {
        if (entry.type != RosterEntry::Type::Member || revoked.contains(entry.deviceKey))
            continue;
        leaderCounted = leaderCounted || entry.role == QLatin1String("team-leader");
        count(report.team, roleWords(entry.role), 1);
    }
    if (!leaderCounted)
        report.team.prepend({roleWords(QStringLiteral("team-leader")), 1});

    // Participation, from the engagements as the desk places them.
    for (const DeskEngagement &placed : std::as_const(names->engagements)) {
        if (placed.engagement.outsideProgramme)
            continue;
        count(report.engagementsByKind, engagementKindWords(placed.engagement.kind), 1);
        for (const ParticipantGroup &group : placed.engagement.participants)
            count(report.participantsByRole, group.role, group.count);
    }

    auto collected = CollectedNotes(vault, reviewId).list();
    if (!collected)
        return whileReading("the collected notes", collected.error());
    QHash<QByteArray, QDate> signedOn;
    for (const CollectedNoteView &view : *collected)
        signedOn.insert(view.note.hash, view.note.content.signedAt.date());

    auto desk = deskReviews(vault, reviewId);
    if (!desk)
        return whileReading("the desk-top reviews", desk.error());
    QHash<QString, QString> rag;
    for (const DeskReview &deskReview : *desk)
        rag.insert(deskReview.priorityId, deskReview.rag);

    EvidenceDesk evidence(vault, reviewId);
    auto findings = evidence.findings();
    if (!findings)
        return whileReading("the findings", findings.error());
    auto recommendations = evidence.recommendations();
    if (!recommendations)
        return whileReading("the recommendations", recommendations.error());

    QStringList unsubstantiated;
    QStringList resting;
    for (const Priority &priority : std::as_const(names->priorities)) {
        ReportPriority section;
        section.title = priority.title;
        section.rag = rag.value(priority.id);
        for (const Finding &finding : *findings) {
            if (finding.priorityId != priority.id)
                continue;
            ReportFinding line;
            line.id = finding.id;
            line.statement = finding.statement;
            line.substantiated = finding.substantiated;
            line.shortfalls = finding.shortfalls;
            for (const QString &source : finding.sources)
                line.sources << names->sourceLabel(source);
            QSet<QByteArray> cited;
            for (const Support &support : finding.support) {
                if (!support.verified || cited.contains(support.excerpt.noteHash))
                    continue; // a note that did not verify is never evidence
                cited.insert(support.excerpt.noteHash);
                line.notes.append({toHex(support.excerpt.noteHash).left(12), names->sourceLabel(support.source), signedOn.value(support.excerpt.noteHash)});
            }
            if (!finding.substantiated) {
                ++report.unsubstantiatedFindings;
                unsubstantiated << QStringLiteral("%1 (%2)").arg(finding.id, finding.shortfalls.join(QStringLiteral("; ")));
            }
            (finding.kind == FindingKind::GoodPractice ? section.goodPractice : section.development).append(line);
        }
        for (const Recommendation &recommendation : *recommendations) {
            if (recommendation.priorityId != priority.id)
                continue;
            section.recommendations.append({recommendation.id, recommendation.text, recommendation.findingIds});
            if (recommendation.flagged())
                resting << QStringLiteral("%1 rests on %2").arg(recommendation.id, recommendation.unsubstantiatedFindings.join(QStringLiteral(", ")));
        }
        report.priorities.append(section);
    }

    if (stage == ReportStage::Final && (!unsubstantiated.isEmpty() || !resting.isEmpty())) {
        QStringList problems;
        if (!unsubstantiated.isEmpty())
            problems << QStringLiteral("not yet substantiated: ") + unsubstantiated.join(QStringLiteral(", "));
        if (!resting.isEmpty())
            problems << QStringLiteral("recommendation ") + resting.join(QStringLiteral(", "));
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("a final report rests only on substantiated findings; %1 (keep them in a draft, or substantiate them)")
                         .arg(problems.join(QStringLiteral("; ")))};
    }
    return report;
}

} // namespace fieldnotes::sync
