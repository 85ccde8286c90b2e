#pragma once

#include "vaultsession.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace fieldnotes::ui {

/// Full-text search over the vault's notes, best first, with the matching words in bold
/// (snippets are HTML-escaped before marking, so note text can never inject markup).
class SearchModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fieldnotes::ui::VaultSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(QString priorityId READ priorityId WRITE setPriorityId NOTIFY filtersChanged)
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY filtersChanged)
    Q_PROPERTY(QString engagementId READ engagementId WRITE setEngagementId NOTIFY filtersChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { NoteIdRole = Qt::UserRole + 1, SnippetRole, KindRole, StateRole, EngagementIdRole };

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
    int count() const { return int(m_hits.size()); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void sessionChanged();
    void queryChanged();
    void filtersChanged();
    void countChanged();

private:
    struct Hit {
        QString noteId;
        QString snippet;
        QString kind;
        bool isSigned;
        QString engagementId;
    };
    void search();

    QPointer<VaultSession> m_session;
    QString m_query;
    QString m_priorityId;
    QString m_kind;
    QString m_engagementId;
    QList<Hit> m_hits;
};

} // namespace fieldnotes::ui
