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
    Q_PROPERTY(QString saw READ saw WRITE setSaw NOTIFY changed)
    Q_PROPERTY(QString good READ good WRITE setGood NOTIFY changed)
    Q_PROPERTY(QString better READ better WRITE setBetter NOTIFY changed)
    Q_PROPERTY(int rating READ rating WRITE setRating NOTIFY changed)
    Q_PROPERTY(bool canSign READ canSign NOTIFY changed)
    Q_PROPERTY(bool saved READ isSaved NOTIFY changed)

public:
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
    bool canSign() const { return !m_saw.trimmed().isEmpty(); }
    bool isSaved() const { return m_saved; }

    /// The note's text: each answer under its question, then the smiley if chosen.
    QString composedText() const;
    /// Locks the observation in: signed with this tablet's key, already unlocked for the session
    /// (the child confirms in the form; no passphrase to type), then starts a fresh one.
    Q_INVOKABLE bool lockIn();

signals:
    void sessionChanged();
    void engagementIdChanged();
    void changed();
    void signedObservation();

private:
    void save();
    void onDraftWritten(const QString &draftId, quint64 revision);

    QPointer<VaultSession> m_session;
    QString m_engagementId;
    QString m_draftId;
    QString m_saw;
    QString m_good;
    QString m_better;
    int m_rating = 0;
    bool m_saved = true;
    quint64 m_submitted = 0;
};

} // namespace fieldnotes::ui
