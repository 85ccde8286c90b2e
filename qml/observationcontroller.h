#pragma once

#include "vaultsession.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace fieldnotes::ui {

/// A Young Inspector's observation: three plain questions and an optional smiley, kept as an
/// encrypted draft while being filled in (written behind the typing, as notes are) and signed as
/// one observation note.
class ObservationController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fieldnotes::ui::VaultSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString engagementId READ engagementId WRITE setEngagementId NOTIFY engagementIdChanged)
    // Each its own signal, announced only when it changes: a keystroke in one answer re-evaluates
    // no binding over the others, the smiley, the button or the name check.
    Q_PROPERTY(QString saw READ saw WRITE setSaw NOTIFY sawChanged)
    Q_PROPERTY(QString good READ good WRITE setGood NOTIFY goodChanged)
    Q_PROPERTY(QString better READ better WRITE setBetter NOTIFY betterChanged)
    Q_PROPERTY(int rating READ rating WRITE setRating NOTIFY ratingChanged)
    Q_PROPERTY(bool canSign READ canSign NOTIFY canSignChanged)
    Q_PROPERTY(bool saved READ isSaved NOTIFY savedChanged)
    /// The words of the three answers that may name someone (the non-attribution guard).
    Q_PROPERTY(QStringList suspectedNames READ suspectedNames NOTIFY suspectedNamesChanged)

public:
    enum Answer { Saw, Good, Better };
    Q_ENUM(Answer)

    explicit ObservationController(QObject *parent = nullptr);

    VaultSession *session() const { return m_session; }
    void setSession(VaultSession *session);
    QString engagementId() const { return m_engagementId; }
    void setEngagementId(const QString &id);
    QString saw() const { return m_saw; }
    void setSaw(const QString &text);
    QString good() const { return m_good; }
    void setGood(const QString &text);
    QString better() const { return m_better; }
    void setBetter(const QString &text);
    /// 0 none, 1 sad, 2 so-so, 3 happy.
    int rating() const { return m_rating; }
    void setRating(int rating);
    bool canSign() const { return m_canSign; }
    bool isSaved() const { return m_saved; }
    QStringList suspectedNames() const { return m_suspectedNames; }
    /// An answer as its field holds it after a keystroke: as its setter, but the field that sent
    /// it is not told again (answersReplaced is for changes made anywhere else).
    Q_INVOKABLE void takeTypedAnswer(fieldnotes::ui::ObservationController::Answer answer, const QString &text);

    /// The note's text: each answer under its question, then the smiley if chosen.
    QString composedText() const;
    /// Locks the observation in: signed with this tablet's key, already unlocked for the session
    /// (the child confirms in the form; no passphrase to type), then starts a fresh one.
    Q_INVOKABLE bool lockIn();

signals:
    void sessionChanged();
    void engagementIdChanged();
    void sawChanged();
    void goodChanged();
    void betterChanged();
    void ratingChanged();
    void canSignChanged();
    void savedChanged();
    void suspectedNamesChanged();
    /// The answers changed other than by typing into their fields (set, or cleared once signed).
    void answersReplaced();
    void signedObservation();

private:
    QString &answerText(Answer answer);
    void replaceAnswer(Answer answer, const QString &text);
    void answerChanged(Answer answer);
    void setSaved(bool saved);
    void save();
    void onDraftWritten(const QString &draftId, quint64 revision);

    QPointer<VaultSession> m_session;
    QString m_engagementId;
    QString m_draftId;
    QString m_saw;
    QString m_good;
    QString m_better;
    int m_rating = 0;
    bool m_canSign = false;
    bool m_saved = true;
    QStringList m_suspectedNames;
    quint64 m_submitted = 0;
};

} // namespace fieldnotes::ui
