#pragma once

#include "clock.h"
#include "vaultsession.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace fieldnotes::ui {



/// The clock of an engagement: counts down the agreed minutes, warns five minutes before the end
/// and shows how far it has overrun, as the methodology asks interviews to keep to time. With a
/// session and an engagement, its start and stop are the engagement's, kept in the vault: the
/// clock is wall time since the real start, through locks, restarts and pages left and reopened.
class CountdownController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fieldnotes::ui::VaultSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString engagementId READ engagementId WRITE setEngagementId NOTIFY engagementIdChanged)
    Q_PROPERTY(int agreedMinutes READ agreedMinutes WRITE setAgreedMinutes NOTIFY agreedMinutesChanged)
    Q_PROPERTY(Phase phase READ phase NOTIFY tick)
    Q_PROPERTY(int remainingSeconds READ remainingSeconds NOTIFY tick)
    Q_PROPERTY(QString displayText READ displayText NOTIFY tick)
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)
    Q_PROPERTY(QDateTime startedAt READ startedAt NOTIFY runningChanged)
    Q_PROPERTY(QDateTime finishedAt READ finishedAt NOTIFY runningChanged)
    /// Whole minutes from the start to the stop (or to now while running).
    Q_PROPERTY(int minutesUsed READ minutesUsed NOTIFY tick)

public:
    enum Phase { NotStarted, Running, Warning, Overrun, Finished };
    Q_ENUM(Phase)
    static constexpr int warningSeconds = 5 * 60;

    explicit CountdownController(QObject *parent = nullptr);

    VaultSession *session() const { return m_session; }
    void setSession(VaultSession *session);
    QString engagementId() const { return m_engagementId; }
    void setEngagementId(const QString &id);
    int agreedMinutes() const { return m_agreedMinutes; }
    void setAgreedMinutes(int minutes);
    Phase phase() const;
    /// Negative once overrun; frozen once finished.
    int remainingSeconds() const;
    /// "12:05" while running, "+03:10" when overrun.
    QString displayText() const;
    /// Started and not yet finished.
    bool isRunning() const { return m_startedAt.isValid() && !m_finishedAt.isValid(); }
    QDateTime startedAt() const { return m_startedAt; }
    QDateTime finishedAt() const { return m_finishedAt; }
    int minutesUsed() const;

    /// Starts the clock unless it has started (the first start is kept).
    Q_INVOKABLE void start();
    /// Stops the clock: the engagement is done.
    Q_INVOKABLE void finish();
    /// Runs a finished clock again from where it was started (a closing point unticked).
    Q_INVOKABLE void reopen();
    /// Forgets the start (only without an engagement: an engagement's start is kept).
    Q_INVOKABLE void reset();
    /// For tests: where "now" comes from.
    void setClock(Clock clock);

signals:
    void sessionChanged();
    void engagementIdChanged();
    void agreedMinutesChanged();
    void runningChanged();
    void tick();

private:
    bool persisted() const;
    void load();
    void setTimes(const QDateTime &startedAt, const QDateTime &finishedAt);

    QPointer<VaultSession> m_session;
    QString m_engagementId;
    Clock m_clock = systemClock();
    int m_agreedMinutes = 0;
    QDateTime m_startedAt;
    QDateTime m_finishedAt;
    QTimer m_timer;
};

} // namespace fieldnotes::ui
