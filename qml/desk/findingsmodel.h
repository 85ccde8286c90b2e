#pragma once

#include "keyedlistmodel.h"
#include "vaultsession.h"

#include "findings.h"

#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace fieldnotes::ui {

/// The leader's findings for one priority (or all), each with the notes it rests on and whether
/// it is substantiated yet; changes reach views as the rows they touch.
class FindingsModel : public fieldnotes::ui::KeyedListModel // qualified: Qt 6.4's qmltyperegistrar resolves bases by the name written
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fieldnotes::ui::VaultSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString priorityId READ priorityId WRITE setPriorityId NOTIFY priorityIdChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        FindingIdRole = Qt::UserRole + 1,
        KindRole,
        KindLabelRole,
        StatementRole,
        SubstantiatedRole,
        ShortfallsRole,
        SourcesRole,      // the sources' labels, joined
        SupportCountRole,
        SupportRole,      // [{hash, shortHash, words, sourceLabel, kindLabel, start, end, verified}]
        PriorityIdRole,
    };
    Q_ENUM(Role)

    explicit FindingsModel(QObject *parent = nullptr);

    VaultSession *session() const { return m_session; }
    void setSession(VaultSession *session);
    QString priorityId() const { return m_priorityId; }
    void setPriorityId(const QString &id);
    int count() const { return int(m_rows.size()); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString kindLabel(sync::FindingKind kind);

signals:
    void sessionChanged();
    void priorityIdChanged();
    void countChanged();

private:
    static QString keyOf(const sync::Finding &row) { return row.id; }
    static QList<int> changedRoles(const sync::Finding &before, const sync::Finding &after);
    void reset();
    void reload();
    QList<sync::Finding> read();

    QPointer<VaultSession> m_session;
    QString m_priorityId;
    QList<sync::Finding> m_rows;
    QHash<QString, QString> m_sourceLabels;
};

/// The leader's recommendations, each flagged while a finding it cites is not yet substantiated.
class RecommendationsModel : public fieldnotes::ui::KeyedListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fieldnotes::ui::VaultSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString priorityId READ priorityId WRITE setPriorityId NOTIFY priorityIdChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { RecommendationIdRole = Qt::UserRole + 1, TextRole, FindingIdsRole, FlaggedRole, UnsubstantiatedRole };
    Q_ENUM(Role)

    explicit RecommendationsModel(QObject *parent = nullptr);

    VaultSession *session() const { return m_session; }
    void setSession(VaultSession *session);
    QString priorityId() const { return m_priorityId; }
    void setPriorityId(const QString &id);
    int count() const { return int(m_rows.size()); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void sessionChanged();
    void priorityIdChanged();
    void countChanged();

private:
    static QString keyOf(const sync::Recommendation &row) { return row.id; }
    static QList<int> changedRoles(const sync::Recommendation &before, const sync::Recommendation &after);
    void reset();
    void reload();
    QList<sync::Recommendation> read();

    QPointer<VaultSession> m_session;
    QString m_priorityId;
    QList<sync::Recommendation> m_rows;
};

} // namespace fieldnotes::ui
