#include "findingsmodel.h"

#include "deskengagements.h"
#include "notelistmodel.h"

namespace fieldnotes::ui {

namespace {
bool sameSupport(const QList<sync::Support> &a, const QList<sync::Support> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(), [](const sync::Support &x, const sync::Support &y) {
        return x.excerpt == y.excerpt && x.source == y.source && x.verified == y.verified && x.words == y.words;
    });
}
} // namespace

FindingsModel::FindingsModel(QObject *parent) : KeyedListModel(parent) {}

QString FindingsModel::kindLabel(sync::FindingKind kind)
{
    return kind == sync::FindingKind::GoodPractice ? tr("Good practice") : tr("Area for development");
}

void FindingsModel::setSession(VaultSession *session)
{
    if (session == m_session)
        return;
    followSession(m_session, session, this, &FindingsModel::reset);
    if (m_session) {
        connect(m_session, &VaultSession::deskChanged, this, &FindingsModel::reload);
        connect(m_session, &VaultSession::syncChanged, this, &FindingsModel::reload); // verdicts renewed
    }
    emit sessionChanged();
    reset();
}

void FindingsModel::setPriorityId(const QString &id)
{
    if (id == m_priorityId)
        return;
    m_priorityId = id;
    emit priorityIdChanged();
    reset();
}

QList<sync::Finding> FindingsModel::read()
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault || m_session->reviewId().isEmpty())
        return {};
    m_sourceLabels.clear();
    if (auto sources = sync::reviewSources(*vault, m_session->reviewId()))
        for (const sync::Source &source : std::as_const(*sources))
            m_sourceLabels.insert(source.id, source.label);
    auto findings = sync::EvidenceDesk(*vault, m_session->reviewId()).findings(m_priorityId);
    if (!findings) {
        m_session->reportError(findings.error());
        return {};
    }
    return *findings;
}

void FindingsModel::reset()
{
    resetRows(m_rows, read());
    emit countChanged();
}

void FindingsModel::reload()
{
    updateRows(m_rows, read(), keyOf, changedRoles);
    emit countChanged();
}

QList<int> FindingsModel::changedRoles(const sync::Finding &before, const sync::Finding &after)
{
    QList<int> roles;
    if (before.kind != after.kind)
        roles << KindRole << KindLabelRole;
    if (before.statement != after.statement)
        roles << StatementRole;
    if (before.substantiated != after.substantiated)
        roles << SubstantiatedRole;
    if (before.shortfalls != after.shortfalls)
        roles << ShortfallsRole;
    if (before.sources != after.sources)
        roles << SourcesRole;
    if (!sameSupport(before.support, after.support))
        roles << SupportCountRole << SupportRole;
    return roles;
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const sync::Finding &finding = m_rows.at(index.row());
    switch (role) {
    case FindingIdRole:
        return finding.id;
    case KindRole:
        return sync::findingKindName(finding.kind);
    case KindLabelRole:
        return kindLabel(finding.kind);
    case Qt::DisplayRole:
    case StatementRole:
        return finding.statement;
    case SubstantiatedRole:
        return finding.substantiated;
    case ShortfallsRole:
        return finding.shortfalls.join(QStringLiteral("; "));
    case SourcesRole: {
        QStringList labels;
        for (const QString &source : finding.sources)
            labels << m_sourceLabels.value(source, source);
        return labels.join(QStringLiteral(", "));
    }
    case SupportCountRole:
        return int(finding.support.size());
    case SupportRole: {
        QVariantList support;
        for (const sync::Support &note : finding.support) {
            const QString hash = QString::fromLatin1(note.excerpt.noteHash.toHex());
            support << QVariantMap{{QStringLiteral("hash"), hash},
                                   {QStringLiteral("shortHash"), hash.left(12)},
                                   {QStringLiteral("words"), note.words},
                                   {QStringLiteral("sourceLabel"), m_sourceLabels.value(note.source, note.source)},
                                   {QStringLiteral("kindLabel"), NoteListModel::kindLabel(note.kind)},
                                   {QStringLiteral("start"), note.excerpt.start},
                                   {QStringLiteral("end"), note.excerpt.end},
                                   {QStringLiteral("verified"), note.verified}};
        }
        return support;
    }
    case PriorityIdRole:
        return finding.priorityId;
    default:
        return {};
    }
}

QHash<int, QByteArray> FindingsModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},
            {FindingIdRole, "findingId"},
            {KindRole, "kind"},
            {KindLabelRole, "kindLabel"},
            {StatementRole, "statement"},
            {SubstantiatedRole, "substantiated"},
            {ShortfallsRole, "shortfalls"},
            {SourcesRole, "sources"},
            {SupportCountRole, "supportCount"},
            {SupportRole, "support"},
            {PriorityIdRole, "priorityId"}};
}

RecommendationsModel::RecommendationsModel(QObject *parent) : KeyedListModel(parent) {}

void RecommendationsModel::setSession(VaultSession *session)
{
    if (session == m_session)
        return;
    followSession(m_session, session, this, &RecommendationsModel::reset);
    if (m_session) {
        connect(m_session, &VaultSession::deskChanged, this, &RecommendationsModel::reload);
        connect(m_session, &VaultSession::syncChanged, this, &RecommendationsModel::reload);
    }
    emit sessionChanged();
    reset();
}

void RecommendationsModel::setPriorityId(const QString &id)
{
    if (id == m_priorityId)
        return;
    m_priorityId = id;
    emit priorityIdChanged();
    reset();
}

QList<sync::Recommendation> RecommendationsModel::read()
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault || m_session->reviewId().isEmpty())
        return {};
    auto recommendations = sync::EvidenceDesk(*vault, m_session->reviewId()).recommendations(m_priorityId);
    if (!recommendations) {
        m_session->reportError(recommendations.error());
        return {};
    }
    return *recommendations;
}

void RecommendationsModel::reset()
{
    resetRows(m_rows, read());
    emit countChanged();
}

void RecommendationsModel::reload()
{
    updateRows(m_rows, read(), keyOf, changedRoles);
    emit countChanged();
}

QList<int> RecommendationsModel::changedRoles(const sync::Recommendation &before, const sync::Recommendation &after)
{
    QList<int> roles;
    if (before.text != after.text)
        roles << TextRole;
    if (before.findingIds != after.findingIds)
        roles << FindingIdsRole;
    if (before.unsubstantiatedFindings != after.unsubstantiatedFindings)
        roles << FlaggedRole << UnsubstantiatedRole;
    return roles;
}

int RecommendationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant RecommendationsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const sync::Recommendation &recommendation = m_rows.at(index.row());
    switch (role) {
    case RecommendationIdRole:
        return recommendation.id;
    case Qt::DisplayRole:
    case TextRole:
        return recommendation.text;
    case FindingIdsRole:
        return recommendation.findingIds.join(QStringLiteral(", "));
    case FlaggedRole:
        return recommendation.flagged();
    case UnsubstantiatedRole:
        return recommendation.unsubstantiatedFindings.join(QStringLiteral(", "));
    default:
        return {};
    }
}

QHash<int, QByteArray> RecommendationsModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},
            {RecommendationIdRole, "recommendationId"},
            {TextRole, "recommendationText"},
            {FindingIdsRole, "findingIds"},
            {FlaggedRole, "flagged"},
            {UnsubstantiatedRole, "unsubstantiated"}};
}

} // namespace fieldnotes::ui
