#pragma once

#include "vaultsession.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace fieldnotes::ui {


/// One of an engagement's checklists as a list: the methodology's opening points, its closing
/// points, or the questions to cover (the priority's own and the standard ones). Each point is
/// ticked, or skipped with a reason; both are recorded in the vault. `complete` gates what
/// comes next (notes start only once the opening checklist is complete).
class ChecklistController : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fieldnotes::ui::VaultSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString engagementId READ engagementId WRITE setEngagementId NOTIFY engagementIdChanged)
    Q_PROPERTY(Kind kind READ kind WRITE setKind NOTIFY kindChanged)
    Q_PROPERTY(bool complete READ isComplete NOTIFY progressChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY progressChanged)

public:
    enum Kind { Opening, Questions, Closing };
    Q_ENUM(Kind)
    enum Role { KeyRole = Qt::UserRole + 1, TextRole, StateRole, ReasonRole };

    explicit ChecklistController(QObject *parent = nullptr);

    VaultSession *session() const { return m_session; }
    void setSession(VaultSession *session);
    QString engagementId() const { return m_engagementId; }
    void setEngagementId(const QString &id);
    Kind kind() const { return m_kind; }
    void setKind(Kind kind);
    bool isComplete() const { return pendingCount() == 0 && !m_items.isEmpty(); }
    int pendingCount() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE bool tick(int row);
    /// Refused (false, with a message) without a reason.
    Q_INVOKABLE bool skip(int row, const QString &reason);
    Q_INVOKABLE bool undo(int row);

    static QString checklistName(Kind kind);

signals:
    void sessionChanged();
    void engagementIdChanged();
    void kindChanged();
    void progressChanged();

private:
    struct Item {
        QString key;
        QString text;
        QString state; // "pending", "ticked" or "skipped"
        QString reason;
    };
    void reload();
    QList<Item> pointsFor(Kind kind) const;

    QPointer<VaultSession> m_session;
    QString m_engagementId;
    Kind m_kind = Opening;
    QList<Item> m_items;
};

} // namespace fieldnotes::ui
