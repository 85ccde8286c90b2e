#pragma once

#include "keyedlistmodel.h"
#include "vaultsession.h"

#include "notestore.h"

#include <QHash>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace fieldnotes::ui {

/// Marks for a search's snippets that cannot occur in typed text, and the snippet as HTML: the
/// text escaped first, then the marked words in bold, so a note can never inject markup.
inline const QString snippetOpenMark = QStringLiteral("\x01");
inline const QString snippetCloseMark = QStringLiteral("\x02");
QString snippetHtml(const QString &marked);

struct SearchRow {
    QString noteId;
    QString snippet;
    QString kind;
    bool isSigned = false;
    QString engagementId;
    QString engagementTitle; // where it was said or seen, for the reader to place it
};

/// Full-text search over the vault's notes, best first, with the matching words in bold
/// (snippets are HTML-escaped before marking, so note text can never inject markup). Queries
/// run off the GUI thread as the words are typed; only the answer to the latest one is shown.
class SearchModel : public fieldnotes::ui::KeyedListModel // qualified: Qt 6.4's qmltyperegistrar resolves bases by the name written
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fieldnotes::ui::VaultSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(QString priorityId READ priorityId WRITE setPriorityId NOTIFY filtersChanged)
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY filtersChanged)
    Q_PROPERTY(QString engagementId READ engagementId WRITE setEngagementId NOTIFY filtersChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// A search is under way for what is now typed.
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)

public:
    enum Role { NoteIdRole = Qt::UserRole + 1, SnippetRole, KindRole, StateRole, EngagementIdRole, EngagementTitleRole };

    explicit SearchModel(QObject *parent = nullptr);

    VaultSession *session() const { return m_session; }
    void setSession(VaultSession *session);
    QString query() const { return m_query; }
    void setQuery(const QString &query);
    QString priorityId() const { return m_priorityId; }
    void setPriorityId(const QString &id);
    QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    QString engagementId() const { return m_engagementId; }
    void setEngagementId(const QString &id);
    int count() const { return int(m_rows.size()); }
    bool isBusy() const { return m_request != 0; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void sessionChanged();
    void queryChanged();
    void filtersChanged();
    void countChanged();
    void busyChanged();

private:
    static QString keyOf(const SearchRow &row) { return row.noteId; }
    static QList<int> changedRoles(const SearchRow &before, const SearchRow &after);
    void search();
    void showHits(const QObject *requester, quint64 request, const QList<fieldnotes::SearchHit> &hits);
    void searchFailed(const QObject *requester, quint64 request, const QString &message);
    QString engagementTitle(const QString &engagementId);
    void setRequest(quint64 request);
    void connectSearcher();

    QPointer<VaultSession> m_session;
    QString m_query;
    QString m_priorityId;
    QString m_kind;
    QString m_engagementId;
    QList<SearchRow> m_rows;
    QHash<QString, QString> m_engagementTitles; // by engagement id
    quint64 m_request = 0; // the search whose answer is awaited; 0 when none is
    QPointer<QObject> m_searcher;
};

} // namespace fieldnotes::ui
