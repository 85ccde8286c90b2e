#include "reviewreport.h"

#include "collectednotes.h"
#include "deskengagements.h"
#include "deskreview.h"
#include "notestore.h"
#include "rosterentry.h"
#include "sources.h"
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

template <typename T>
Result<void> failed(const Result<T> &result, const char *what)
{
    return Error{result.error().code, QStringLiteral("%1: %2").arg(QLatin1String(what), result.error().message)};
}

} // namespace

Result<ReviewReport> buildReviewReport(Vault &vault, const QString &reviewId, ReportStage stage)
{
    NoteStore &store = vault.store();
    ReviewReport report;
    report.stage = stage;
    report.reviewId = reviewId;
    report.madeAt = QDateTime::currentDateTimeUtc();

    auto reviews = store.reviews();
    if (!reviews)
        return failed(reviews, "the review").error();
    const auto review = std::find_if(reviews->cbegin(), reviews->cend(), [&](const Review &r) { return r.id == reviewId; });
    if (review == reviews->cend())
        return Error{ErrorCode::NotFound, QStringLiteral("there is no review %1").arg(reviewId)};
    report.title = review->title;
    report.firstDay = review->startDate;
    report.lastDay = review->endDate;

    // The team, by role, as the signed roster enrols it (revoked tablets left out).
    auto roster = SyncStore(vault).rosterEntries(reviewId);
    if (!roster)
        return failed(roster, "the roster").error();
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
    auto engagements = deskEngagements(vault, reviewId);
    if (!engagements)
        return failed(engagements, "the engagements").error();
    for (const DeskEngagement &placed : *engagements) {
        if (placed.engagement.outsideProgramme)
            continue;
        count(report.engagementsByKind, engagementKindWords(placed.engagement.kind), 1);
        for (const ParticipantGroup &group : placed.engagement.participants)
            count(report.participantsByRole, group.role, group.count);
    }

    auto sources = reviewSources(vault, reviewId);
    if (!sources)
        return failed(sources, "the sources").error();
    QHash<QString, QString> sourceLabel;
    for (const Source &source : *sources)
        sourceLabel.insert(source.id, source.label);
    const auto labelOf = [&](const QString &id) { return sourceLabel.value(id, id); };

    auto collected = CollectedNotes(vault, reviewId).list();
    if (!collected)
        return failed(collected, "the collected notes").error();
    QHash<QByteArray, QDate> signedOn;
    for (const CollectedNoteView &view : *collected)
        signedOn.insert(view.note.hash, view.note.content.signedAt.date());

    auto priorities = store.priorities(reviewId);
    if (!priorities)
        return failed(priorities, "the priorities").error();
    auto desk = deskReviews(vault, reviewId);
    if (!desk)
        return failed(desk, "the desk-top reviews").error();
    QHash<QString, QString> rag;
    for (const DeskReview &deskReview : *desk)
        rag.insert(deskReview.priorityId, deskReview.rag);

    EvidenceDesk evidence(vault, reviewId);
    auto findings = evidence.findings();
    if (!findings)
        return failed(findings, "the findings").error();
    auto recommendations = evidence.recommendations();
    if (!recommendations)
        return failed(recommendations, "the recommendations").error();

    QStringList unsubstantiated;
    QStringList resting;
    for (const Priority &priority : *priorities) {
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
                line.sources << labelOf(source);
            QSet<QByteArray> cited;
            for (const Support &support : finding.support) {
                if (!support.verified || cited.contains(support.excerpt.noteHash))
                    continue; // a note that did not verify is never evidence
                cited.insert(support.excerpt.noteHash);
                line.notes.append({toHex(support.excerpt.noteHash).left(12), labelOf(support.source), signedOn.value(support.excerpt.noteHash)});
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
