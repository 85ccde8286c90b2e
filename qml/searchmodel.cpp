#include "searchmodel.h"

#include "notelistmodel.h"
#include "notestore.h"

namespace fieldnotes::ui {

namespace {
// Marks that cannot occur in typed text; swapped for tags after escaping.
const QString openMark = QStringLiteral("\x01");
const QString closeMark = QStringLiteral("\x02");
} // namespace

SearchModel::SearchModel(QObject *parent) : QAbstractListModel(parent) {}

void SearchModel::setSession(VaultSession *session)
{
    if (session == m_session)
        return;
    followSession(m_session, session, this, &SearchModel::search);
    emit sessionChanged();
    search();
}

void SearchModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    emit queryChanged();
    search();
}

void SearchModel::setPriorityId(const QString &id)
{
    if (id == m_priorityId)
        return;
    m_priorityId = id;
    emit filtersChanged();
    search();
}

void SearchModel::setKind(const QString &kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    emit filtersChanged();
    search();
}

void SearchModel::setEngagementId(const QString &id)
{
    if (id == m_engagementId)
        return;
    m_engagementId = id;
    emit filtersChanged();
    search();
}

void SearchModel::search()
{
    beginResetModel();
    m_hits.clear();
    if (m_session && m_session->vault() && !m_query.trimmed().isEmpty()) {
        NoteFilter filter;
        filter.priorityId = m_priorityId;
        filter.engagementId = m_engagementId;
        filter.kind = noteKindFromName(m_kind);
        auto hits = m_session->vault()->store().search(m_query, filter, openMark, closeMark);
        if (hits) {
            for (const SearchHit &hit : *hits) {
                QString snippet = hit.snippet.toHtmlEscaped();
                snippet.replace(openMark, QLatin1String("<b>")).replace(closeMark, QLatin1String("</b>"));
                m_hits << Hit{hit.note.id, snippet, NoteListModel::kindLabel(hit.note.kind), hit.note.isSigned(), hit.note.engagementId};
            }
        } else {
            m_session->reportError(hits.error());
        }
    }
    endResetModel();
    emit countChanged();
}

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Hit &hit = m_hits.at(index.row());
    switch (role) {
    case NoteIdRole:
        return hit.noteId;
    case Qt::DisplayRole:
    case SnippetRole:
        return hit.snippet;
    case KindRole:
        return hit.kind;
    case StateRole:
        return hit.isSigned ? QStringLiteral("signed") : QStringLiteral("draft");
    case EngagementIdRole:
        return hit.engagementId;
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NoteIdRole, "noteId");
    names.insert(SnippetRole, "snippet");
    names.insert(KindRole, "kindLabel");
    names.insert(StateRole, "noteState");
    names.insert(EngagementIdRole, "engagementId");
    return names;
}

} // namespace fieldnotes::ui
