#include "searchmodel.h"

#include "engagementlistmodel.h"
#include "notelistmodel.h"
#include "notesearcher.h"
#include "notestore.h"

namespace fieldnotes::ui {

QString snippetHtml(const QString &marked)
{
    QString html = marked.toHtmlEscaped();
    return html.replace(snippetOpenMark, QLatin1String("<b>")).replace(snippetCloseMark, QLatin1String("</b>"));
}

SearchModel::SearchModel(QObject *parent) : KeyedListModel(parent) {}

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

void SearchModel::setSession(VaultSession *session)
{
    if (session == m_session)
        return;
    followSession(m_session, session, this, &SearchModel::search);
    m_engagementTitles.clear();
    if (m_session) { // a note written or signed may now match, or match differently
        connect(m_session, &VaultSession::notesChanged, this, &SearchModel::search);
        connect(m_session, &VaultSession::programmeChanged, this, [this] {
            m_engagementTitles.clear();
            search();
        });
    }
    emit sessionChanged();
    search();
}

void SearchModel::connectSearcher()
{
    NoteSearcher *searcher = &m_session->vault()->searcher();
    if (m_searcher == searcher)
        return;
    m_searcher = searcher;
    connect(searcher, &NoteSearcher::found, this, &SearchModel::showHits);
    connect(searcher, &NoteSearcher::failed, this, &SearchModel::searchFailed);
}

void SearchModel::setRequest(quint64 request)
{
    const bool wasBusy = isBusy();
    m_request = request;
    if (wasBusy != isBusy())
        emit busyChanged();
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
    if (!m_session || !m_session->vault())
        m_engagementTitles.clear(); // locked: the next vault opened may hold another review
    if (!m_session || !m_session->vault() || m_query.trimmed().isEmpty()) {
        setRequest(0);
        resetRows(m_rows, {});
        emit countChanged();
        return;
    }
    connectSearcher();
    NoteFilter filter;
    filter.priorityId = m_priorityId;
    filter.engagementId = m_engagementId;
    filter.kind = noteKindFromName(m_kind);
    setRequest(m_session->vault()->searcher().search(this, m_query, filter, snippetOpenMark, snippetCloseMark));
}

void SearchModel::showHits(const QObject *requester, quint64 request, const QList<SearchHit> &hits)
{
    if (requester != this || request != m_request)
        return; // an answer to a query typed over since
    QList<SearchRow> rows;
    rows.reserve(hits.size());
    for (const SearchHit &hit : hits) {
        rows << SearchRow{hit.note.id, snippetHtml(hit.snippet), NoteListModel::kindLabel(hit.note.kind), hit.note.isSigned(),
                          hit.note.engagementId, engagementTitle(hit.note.engagementId)};
    }
    updateRows(m_rows, rows, keyOf, changedRoles);
    setRequest(0);
    emit countChanged();
}

// Read once per engagement until the programme changes: a page of hits is up to 200 notes from
// a handful of engagements, and it is shown on the GUI thread.
QString SearchModel::engagementTitle(const QString &engagementId)
{
    if (const auto known = m_engagementTitles.constFind(engagementId); known != m_engagementTitles.cend())
        return *known;
    if (!m_session || !m_session->vault())
        return {};
    Result<Engagement> engagement = m_session->vault()->store().engagement(engagementId);
    if (!engagement && engagement.error().code != ErrorCode::NotFound) {
        m_session->reportError(engagement.error()); // not kept: the next search reads it again
        return {};
    }
    const QString title = engagement ? EngagementListModel::shownTitle(*engagement) : QString();
    m_engagementTitles.insert(engagementId, title);
    return title;
}

void SearchModel::searchFailed(const QObject *requester, quint64 request, const QString &message)
{
    if (requester != this || request != m_request)
        return;
    setRequest(0);
    emit m_session->errorOccurred(message);
}

QList<int> SearchModel::changedRoles(const SearchRow &before, const SearchRow &after)
{
    QList<int> roles;
    if (before.snippet != after.snippet)
        roles << SnippetRole << Qt::DisplayRole;
    if (before.kind != after.kind)
        roles << KindRole;
    if (before.isSigned != after.isSigned)
        roles << StateRole;
    if (before.engagementId != after.engagementId)
        roles << EngagementIdRole;
    if (before.engagementTitle != after.engagementTitle)
        roles << EngagementTitleRole;
    return roles;
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchRow &hit = m_rows.at(index.row());
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
    case EngagementTitleRole:
        return hit.engagementTitle;
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
    names.insert(EngagementTitleRole, "engagementTitle");
    return names;
}

} // namespace fieldnotes::ui
