#include "deskcontroller.h"

#include "concernfollowups.h"
#include "deskengagements.h"
#include "deskreview.h"
#include "leaderdesk.h"
#include "desknotesmodel.h"
#include "findings.h"
#include "findingsmodel.h"
#include "notelistmodel.h"
#include "notestore.h"
#include "rosterentry.h"
#include "syncstore.h"

namespace fieldnotes::ui {

DeskController::DeskController(QObject *parent) : QObject(parent) {}

void DeskController::setSession(VaultSession *session)
{
    if (session == m_session)
        return;
    followSession(m_session, session, this, &DeskController::reload);
    if (m_session) {
        connect(m_session, &VaultSession::deskChanged, this, &DeskController::reload);
        connect(m_session, &VaultSession::syncChanged, this, &DeskController::reload); // tablets and engagements arrive
    }
    emit sessionChanged();
    reload();
}

void DeskController::reload()
{
    m_priorities.clear();
    m_sources.clear();
    m_tablets.clear();
    m_engagements.clear();
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (vault && !m_session->reviewId().isEmpty()) {
        const QString reviewId = m_session->reviewId();
        if (auto priorities = vault->store().priorities(reviewId))
            for (const Priority &priority : std::as_const(*priorities))
                m_priorities << QVariantMap{{QStringLiteral("id"), priority.id}, {QStringLiteral("title"), priority.title}};
        QHash<QString, QString> labels;
        if (auto sources = sync::reviewSources(*vault, reviewId)) {
            for (const sync::Source &source : std::as_const(*sources)) {
                labels.insert(source.id, source.label);
                m_sources << QVariantMap{{QStringLiteral("id"), source.id}, {QStringLiteral("label"), source.label}};
            }
        }
        if (auto entries = sync::SyncStore(*vault).rosterEntries(reviewId)) {
            for (const sync::RosterEntry &entry : std::as_const(*entries))
                if (entry.type == sync::RosterEntry::Type::Member)
                    m_tablets << QVariantMap{{QStringLiteral("key"), QString::fromLatin1(entry.deviceKey.toHex())},
                                             {QStringLiteral("label"), entry.label.isEmpty() ? DeskNotesModel::roleLabel(entry.role)
                                                                                        : tr("%1, %2").arg(DeskNotesModel::roleLabel(entry.role), entry.label)}};
        }
        if (auto engagements = sync::deskEngagements(*vault, reviewId)) {
            for (const sync::DeskEngagement &placed : std::as_const(*engagements))
                m_engagements << QVariantMap{{QStringLiteral("id"), placed.engagement.id},
                                             {QStringLiteral("title"), placed.engagement.title},
                                             {QStringLiteral("source"), placed.source()},
                                             {QStringLiteral("sourceLabel"), labels.value(placed.source(), placed.source())},
                                             {QStringLiteral("derivedSource"), placed.derivedSource},
                                             {QStringLiteral("corrected"), !placed.correctedSource.isEmpty()}};
        }
        auto required = sync::EvidenceDesk(*vault, reviewId).requiredSources();
        m_requiredSources = required ? *required : sync::EvidenceDesk::defaultRequiredSources;
    }
    emit choicesChanged();
}

bool DeskController::fail(const QString &message)
{
    if (m_session)
        emit m_session->errorOccurred(message);
    return false;
}

QString DeskController::by() const
{
    const QString name = m_session->memberName().trimmed();
    return name.isEmpty() ? tr("team leader") : name;
}

bool DeskController::changed()
{
    m_session->markDeskChanged();
    return true;
}

QString DeskController::addFinding(const QString &priorityId, const QString &kind, const QString &statement)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    const auto findingKind = sync::findingKindFromName(kind);
    if (!vault || !findingKind)
        return {};
    if (statement.trimmed().isEmpty()) {
        fail(tr("Write the finding first."));
        return {};
    }
    auto id = sync::EvidenceDesk(*vault, m_session->reviewId()).addFinding(priorityId, *findingKind, statement.trimmed(), by());
    if (!id) {
        fail(id.error().message);
        return {};
    }
    changed();
    return *id;
}

bool DeskController::editFinding(const QString &findingId, const QString &kind, const QString &statement)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return false;
    if (statement.trimmed().isEmpty())
        return fail(tr("A finding cannot be empty."));
    auto edited = sync::EvidenceDesk(*vault, m_session->reviewId()).editFinding(findingId, sync::findingKindFromName(kind), statement.trimmed(), by());
    return edited ? changed() : fail(edited.error().message);
}

bool DeskController::link(const QString &findingId, const QString &noteHash, int start, int end)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return false;
    const sync::Excerpt excerpt{QByteArray::fromHex(noteHash.toLatin1()), start, end};
    auto linked = sync::EvidenceDesk(*vault, m_session->reviewId()).link(findingId, excerpt, by());
    return linked ? changed() : fail(linked.error().message);
}

bool DeskController::unlink(const QString &findingId, const QString &noteHash, int start, int end)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return false;
    const sync::Excerpt excerpt{QByteArray::fromHex(noteHash.toLatin1()), start, end};
    auto removed = sync::EvidenceDesk(*vault, m_session->reviewId()).unlink(findingId, excerpt, by());
    return removed ? changed() : fail(removed.error().message);
}

QString DeskController::addRecommendation(const QString &priorityId, const QString &text, const QStringList &findingIds)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return {};
    if (text.trimmed().isEmpty()) {
        fail(tr("Write the recommendation first."));
        return {};
    }
    auto id = sync::EvidenceDesk(*vault, m_session->reviewId()).addRecommendation(priorityId, text.trimmed(), findingIds, by());
    if (!id) {
        fail(id.error().message);
        return {};
    }
    changed();
    return *id;
}

bool DeskController::recordFollowUp(const QString &noteHash, const QString &raisedWith, const QString &decision)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return false;
    auto recorded = sync::recordConcernFollowUp(*vault, m_session->reviewId(), QByteArray::fromHex(noteHash.toLatin1()), vault->clock()(),
                                                raisedWith.trimmed(), decision.trimmed(), by());
    return recorded ? changed() : fail(recorded.error().message);
}

QVariantList DeskController::followUpsOf(const QString &noteHash)
{
    QVariantList list;
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return list;
    auto followUps = sync::concernFollowUps(*vault, m_session->reviewId(), QByteArray::fromHex(noteHash.toLatin1()));
    if (!followUps) {
        fail(followUps.error().message);
        return list;
    }
    for (const sync::ConcernFollowUp &followUp : std::as_const(*followUps))
        list << QVariantMap{{QStringLiteral("seenAt"), followUp.seenAt.toLocalTime().toString(QStringLiteral("ddd d MMM HH:mm"))},
                            {QStringLiteral("by"), followUp.by},
                            {QStringLiteral("raisedWith"), followUp.raisedWith},
                            {QStringLiteral("decision"), followUp.decision},
                            {QStringLiteral("signedAt"), followUp.signedAt.toLocalTime().toString(QStringLiteral("ddd d MMM HH:mm"))},
                            {QStringLiteral("hash"), QString::fromLatin1(followUp.hash().toHex().left(12))}};
    return list;
}

bool DeskController::correctSource(const QString &engagementId, const QString &sourceId)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return false;
    auto corrected = sync::correctEngagementSource(*vault, m_session->reviewId(), engagementId, sourceId, by());
    return corrected ? changed() : fail(corrected.error().message);
}

bool DeskController::setRequiredSources(int sources)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return false;
    auto set = sync::EvidenceDesk(*vault, m_session->reviewId()).setRequiredSources(sources, by());
    return set ? changed() : fail(set.error().message);
}

QVariantMap DeskController::triangulation(const QString &priorityId)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault || priorityId.isEmpty())
        return {};
    auto views = sync::EvidenceDesk(*vault, m_session->reviewId()).triangulation(priorityId);
    if (!views) {
        fail(views.error().message);
        return {};
    }
    if (views->isEmpty())
        return {};
    const sync::Triangulation &view = views->constFirst();
    QVariantList sources;
    for (const sync::Source &source : view.sources)
        sources << QVariantMap{{QStringLiteral("id"), source.id}, {QStringLiteral("label"), source.label}};
    QVariantList rows;
    for (const sync::Finding &finding : view.findings) {
        QVariantList cells;
        for (const sync::Source &source : view.sources)
            cells << QVariantMap{{QStringLiteral("sourceId"), source.id}, {QStringLiteral("count"), int(view.notesIn(finding, source.id).size())}};
        rows << QVariantMap{{QStringLiteral("findingId"), finding.id},
                            {QStringLiteral("kindLabel"), FindingsModel::kindLabel(finding.kind)},
                            {QStringLiteral("statement"), finding.statement},
                            {QStringLiteral("substantiated"), finding.substantiated},
                            {QStringLiteral("cells"), cells}};
    }
    return {{QStringLiteral("priority"), view.priorityTitle}, {QStringLiteral("sources"), sources}, {QStringLiteral("rows"), rows}};
}

QVariantList DeskController::notesIn(const QString &priorityId, const QString &findingId, const QString &sourceId)
{
    QVariantList notes;
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return notes;
    auto views = sync::EvidenceDesk(*vault, m_session->reviewId()).triangulation(priorityId);
    if (!views || views->isEmpty())
        return notes;
    for (const sync::Finding &finding : views->constFirst().findings) {
        if (finding.id != findingId)
            continue;
        for (const sync::Support &support : finding.support)
            if (support.verified && support.source == sourceId)
                notes << QVariantMap{{QStringLiteral("hash"), QString::fromLatin1(support.excerpt.noteHash.toHex())},
                                     {QStringLiteral("shortHash"), QString::fromLatin1(support.excerpt.noteHash.toHex().left(12))},
                                     {QStringLiteral("words"), support.words},
                                     {QStringLiteral("kindLabel"), NoteListModel::kindLabel(support.kind)}};
    }
    return notes;
}

QVariantMap DeskController::deskReviewOf(const QString &priorityId)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return {};
    sync::DeskReview review;
    if (auto reviews = sync::deskReviews(*vault, m_session->reviewId())) {
        for (const sync::DeskReview &existing : std::as_const(*reviews))
            if (existing.priorityId == priorityId)
                review = existing;
    } else {
        fail(reviews.error().message);
    }
    QVariantList criteria;
    for (const sync::DeskCriterion &criterion : sync::deskCriteria())
        criteria << QVariantMap{{QStringLiteral("id"), criterion.id},
                                {QStringLiteral("label"), criterion.label},
                                {QStringLiteral("text"), review.evidence.value(criterion.id)}};
    return {{QStringLiteral("rag"), review.rag},
            {QStringLiteral("criteria"), criteria},
            {QStringLiteral("lines"), review.linesOfEnquiry.join(QLatin1Char('\n'))}};
}

bool DeskController::saveDeskReview(const QString &priorityId, const QString &rag, const QVariantMap &evidence, const QString &lines)
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault)
        return false;
    sync::DeskReview review;
    review.priorityId = priorityId;
    review.rag = rag;
    for (auto text = evidence.cbegin(); text != evidence.cend(); ++text)
        if (!text.value().toString().trimmed().isEmpty())
            review.evidence.insert(text.key(), text.value().toString().trimmed());
    for (const QString &line : lines.split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            review.linesOfEnquiry << line.trimmed();
    if (auto saved = sync::saveDeskReview(*vault, m_session->reviewId(), review, by()); !saved)
        return fail(saved.error().message);
    changed();
    m_session->holdOpen();
    auto published = sync::LeaderDesk(*vault).publishSetup(m_session->reviewId());
    m_session->releaseHold();
    if (!published)
        fail(tr("Saved. Tablets get it at the next publish, once the archive can be reached: %1").arg(published.error().message));
    return true;
}

int DeskController::codePointIndex(const QString &text, int utf16Index)
{
    const int end = std::clamp(utf16Index, 0, int(text.size()));
    int points = 0;
    for (int i = 0; i < end; ++i)
        if (!text.at(i).isLowSurrogate())
            ++points;
    return points;
}

} // namespace fieldnotes::ui
