#pragma once

#include "keyedlistmodel.h"
#include "vaultsession.h"

#include "note.h"

#include <QPointer>
#include <optional>
#include <QtQml/qqmlregistration.h>

namespace fieldnotes::ui {


struct NoteRow {
    Note note;
    QString amendsText;
    QStringList correctedBy;    // the texts of the corrections signed to this note
    QStringList suspectedNames; // drafts only; a signed note's are found when it is shown
    QString syncState; // queued, delivered, collected; empty until a signed note enters the outbox
};

/// An engagement's notes, oldest first, each with its state (draft or signed, and when), and
/// for an amendment the text of the note it corrects. Signing happens here: all drafts at
/// once, after the passphrase is confirmed. A note written, signed or synced changes its row.
/// The note open in the editor is held out of the rows: it is on screen there already, and its
/// writes while it is typed change nothing in the list (the counts still include it).
class NoteListModel : public fieldnotes::ui::KeyedListModel // qualified: Qt 6.4's qmltyperegistrar resolves bases by the name written
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fieldnotes::ui::VaultSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString engagementId READ engagementId WRITE setEngagementId NOTIFY engagementIdChanged)
    Q_PROPERTY(QString heldNoteId READ heldNoteId WRITE setHeldNoteId NOTIFY heldNoteIdChanged)
    Q_PROPERTY(int draftCount READ draftCount NOTIFY countsChanged)
    /// Only the signed observations (what a Young Inspector sees of what they wrote before).
    Q_PROPERTY(bool signedObservationsOnly READ signedObservationsOnly WRITE setSignedObservationsOnly NOTIFY engagementIdChanged)
    Q_PROPERTY(int flaggedDraftCount READ flaggedDraftCount NOTIFY countsChanged)

public:
    enum Role { NoteIdRole = Qt::UserRole + 1, KindRole, TextRole, StateRole, SignedAtRole, SequenceRole, AmendsTextRole, SuspectedNamesRole, EvidenceRole, KindLabelRole, SignedByRole, SyncStateRole, ContentRemovedAtRole, CorrectedByRole };

    explicit NoteListModel(QObject *parent = nullptr);

    VaultSession *session() const { return m_session; }
    void setSession(VaultSession *session);
    QString engagementId() const { return m_engagementId; }
    void setEngagementId(const QString &id);
    QString heldNoteId() const { return m_heldNoteId; }
    bool signedObservationsOnly() const { return m_signedObservationsOnly; }
    void setSignedObservationsOnly(bool only);
    void setHeldNoteId(const QString &id);
    int draftCount() const;
    /// Drafts in which the name guard sees what may be a person's name.
    int flaggedDraftCount() const;

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The engagement's drafts as they are on disk (what is being typed written first), oldest
    /// first, as {noteId, kind, kindLabel, text, evidence, signable, problem, suspectedNames} maps:
    /// what "Review and sign" lists. `problem` says why one cannot be signed yet.
    Q_INVOKABLE QVariantList drafts();
    /// Signs these drafts of the engagement once the passphrase checks out; returns how many.
    Q_INVOKABLE int signDrafts(const QString &passphrase, const QStringList &noteIds);
    /// Signs a correction to a signed note; both stay.
    Q_INVOKABLE bool amend(const QString &noteId, const QString &correction);
    Q_INVOKABLE bool deleteDraft(const QString &noteId);
    Q_INVOKABLE void reload();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    static QString kindLabel(NoteKind kind);
    /// "given", "asked", "not-asked", or "" where a statement's question is unanswered (or not a statement's).
    static QString evidenceName(const Note &note);

signals:
    void sessionChanged();
    void engagementIdChanged();
    void heldNoteIdChanged();
    void countsChanged();

private:
    static QString keyOf(const NoteRow &row) { return row.note.id; }
    static QList<int> changedRoles(const NoteRow &before, const NoteRow &after);
    /// Every row as the vault has it now (empty while locked).
    QList<NoteRow> readRows();
    NoteRow rowFor(const Note &note, const QStringList &watched) const;
    void updateNotes(const QStringList &noteIds);
    void refreshRows();
    void emitForAllRows(const QList<int> &roles);
    /// Takes the held note out of `rows` into m_held.
    void holdFrom(QList<NoteRow> &rows);
    void insertInOrder(NoteRow row);
    void emitCountsIfChanged();

    QPointer<VaultSession> m_session;
    QString m_engagementId;
    QList<NoteRow> m_rows;
    QString m_heldNoteId;
    bool m_signedObservationsOnly = false;
    bool shown(const Note &note) const;
    std::optional<NoteRow> m_held;
    std::pair<int, int> m_countsShown{-1, -1};
};

} // namespace fieldnotes::ui
