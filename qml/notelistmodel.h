#pragma once

#include "vaultsession.h"

#include "note.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace fieldnotes::ui {


/// An engagement's notes, oldest first, each with its state (draft or signed, and when), and
/// for an amendment the text of the note it corrects. Signing happens here: all drafts at
/// once, after the passphrase is confirmed.
class NoteListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fieldnotes::ui::VaultSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString engagementId READ engagementId WRITE setEngagementId NOTIFY engagementIdChanged)
    Q_PROPERTY(int draftCount READ draftCount NOTIFY countsChanged)
    Q_PROPERTY(int flaggedDraftCount READ flaggedDraftCount NOTIFY countsChanged)

public:
    enum Role { NoteIdRole = Qt::UserRole + 1, KindRole, TextRole, StateRole, SignedAtRole, SequenceRole, AmendsTextRole, SuspectedNamesRole, EvidenceRole, KindLabelRole, SignedByRole, SyncStateRole, ContentRemovedAtRole };

    explicit NoteListModel(QObject *parent = nullptr);

    VaultSession *session() const { return m_session; }
    void setSession(VaultSession *session);
    QString engagementId() const { return m_engagementId; }
    void setEngagementId(const QString &id);
    int draftCount() const;
    /// Drafts in which the name guard sees what may be a person's name.
    int flaggedDraftCount() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Signs every draft of the engagement once the passphrase checks out; returns how many.
    Q_INVOKABLE int signDrafts(const QString &passphrase);
    /// Signs a correction to a signed note; both stay.
    Q_INVOKABLE bool amend(const QString &noteId, const QString &correction);
    Q_INVOKABLE bool deleteDraft(const QString &noteId);
    Q_INVOKABLE void reload();

    static QString kindLabel(NoteKind kind);

signals:
    void sessionChanged();
    void engagementIdChanged();
    void countsChanged();

private:
    struct Row {
        Note note;
        QString amendsText;
        QStringList suspectedNames;
        QString syncState; // queued, delivered, collected; empty until a signed note enters the outbox
    };
    QPointer<VaultSession> m_session;
    QString m_engagementId;
    QList<Row> m_rows;
};

} // namespace fieldnotes::ui
