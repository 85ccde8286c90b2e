#pragma once

#include "vaultsession.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace fieldnotes::ui {


/// The note being written in an engagement: every change goes to the vault's draft writer as it
/// is typed (encrypted, written off the GUI thread; `saved` turns true only once the text now on
/// screen is durable), the statement/evidence question, and the names the non-attribution guard
/// sees. Across a lock the text leaves memory and comes back from the draft after unlocking.
class NoteEditorController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fieldnotes::ui::VaultSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString engagementId READ engagementId WRITE setEngagementId NOTIFY engagementIdChanged)
    Q_PROPERTY(QString draftId READ draftId NOTIFY draftChanged)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    /// Nothing but white space (or nothing) in the editor: changes far less often than the text,
    /// so bindings that only care whether there is any text stay still while typing.
    Q_PROPERTY(bool blank READ isBlank NOTIFY blankChanged)
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY kindChanged)
    Q_PROPERTY(bool saved READ isSaved NOTIFY savedChanged)
    Q_PROPERTY(bool evidenceAsked READ evidenceAsked NOTIFY evidenceChanged)
    Q_PROPERTY(bool evidenceGiven READ evidenceGiven NOTIFY evidenceChanged)
    Q_PROPERTY(bool needsEvidenceAnswer READ needsEvidenceAnswer NOTIFY evidenceChanged)
    Q_PROPERTY(QStringList suspectedNames READ suspectedNames NOTIFY suspectedNamesChanged)

public:
    explicit NoteEditorController(QObject *parent = nullptr);

    VaultSession *session() const { return m_session; }
    void setSession(VaultSession *session);
    QString engagementId() const { return m_engagementId; }
    void setEngagementId(const QString &id);
    QString draftId() const { return m_draftId; }
    QString text() const { return m_text; }
    /// Replaces the text (the note field is told: textReplaced).
    void setText(const QString &text);
    /// The text as the note field holds it after a keystroke; as setText, but the field that sent
    /// it is not told again (a binding back to it would copy the whole text on every keystroke).
    Q_INVOKABLE void takeTypedText(const QString &text);
    bool isBlank() const { return m_blank; }
    QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    bool isSaved() const { return m_saved; }
    bool evidenceAsked() const { return m_evidenceAsked; }
    bool evidenceGiven() const { return m_evidenceGiven; }
    /// A statement must say whether an example or evidence was asked for before it is done.
    bool needsEvidenceAnswer() const;
    QStringList suspectedNames() const;

    Q_INVOKABLE bool answerEvidence(bool asked, bool given);
    /// Asks the evidence question again.
    Q_INVOKABLE bool clearEvidenceAnswer();
    /// Leaves the current draft in the list and starts a fresh one.
    Q_INVOKABLE void startNew();
    /// Brings a draft of this engagement back into the editor to fix it (the one there stays a draft).
    Q_INVOKABLE bool edit(const QString &draftId);
    /// Whether the evidence question of the note in the editor was answered ("not asked" is an answer).
    Q_PROPERTY(bool evidenceAnswered READ evidenceAnswered NOTIFY evidenceChanged)
    bool evidenceAnswered() const { return m_evidenceAnswered; }

signals:
    void sessionChanged();
    void engagementIdChanged();
    void draftChanged();
    void textChanged();
    /// The text changed other than by typing into the note field: a draft brought back, a new
    /// note, a lock, or setText.
    void textReplaced();
    void blankChanged();
    void kindChanged();
    void savedChanged();
    void evidenceChanged();
    void suspectedNamesChanged();

private:
    /// After m_text changed: says so, and updates the words that may name someone, which are
    /// announced only when they change (not on every keystroke: bindings over them stay still).
    enum class TextSource { Typed, Replaced };
    void textWasSet(TextSource source = TextSource::Replaced);
    void changeText(const QString &text, TextSource source);
    bool save();
    void onDraftWritten(const QString &draftId, quint64 revision);
    void setSaved(bool saved);
    void forgetText();
    void restoreText();
    /// The draft in the editor is remembered in the vault per engagement, so that leaving the page,
    /// a lock or a restart brings it back into the editor.
    void rememberDraft();
    QString rememberedDraft() const;
    void clearFields();

    QPointer<VaultSession> m_session;
    QString m_engagementId;
    QString m_draftId;
    QString m_text;
    QStringList m_suspectedNames;
    bool m_blank = true;
    QString m_kind = QStringLiteral("observation");
    bool m_saved = true;
    quint64 m_submitted = 0; // the revision of the text on screen, once submitted
    bool m_evidenceAsked = false;
    bool m_evidenceGiven = false;
    bool m_evidenceAnswered = false;
};

} // namespace fieldnotes::ui
