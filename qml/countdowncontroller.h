#pragma once

#include "clock.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace fieldnotes::ui {

/// The clock of an engagement: counts down the agreed minutes, warns five minutes before the end
/// and shows how far it has overrun, as the methodology asks interviews to keep to time.
class CountdownController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int agreedMinutes READ agreedMinutes WRITE setAgreedMinutes NOTIFY agreedMinutesChanged)
    Q_PROPERTY(Phase phase READ phase NOTIFY tick)
    Q_PROPERTY(int remainingSeconds READ remainingSeconds NOTIFY tick)
    Q_PROPERTY(QString displayText READ displayText NOTIFY tick)
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)

public:
    enum Phase { NotStarted, Running, Warning, Overrun };
    Q_ENUM(Phase)
    static constexpr int warningSeconds = 5 * 60;

    explicit CountdownController(QObject *parent = nullptr);

    int agreedMinutes() const { return m_agreedMinutes; }
    void setAgreedMinutes(int minutes);
    Phase phase() const;
    /// Negative once overrun.
    int remainingSeconds() const;
    /// "12:05" while running, "+03:10" when overrun.
    QString displayText() const;
    bool isRunning() const { return m_startedAt.isValid(); }

    Q_INVOKABLE void start();
    Q_INVOKABLE void reset();
    /// For tests: where "now" comes from.
    void setClock(Clock clock);

signals:
    void agreedMinutesChanged();
    void runningChanged();
    void tick();

private:
    Clock m_clock = systemClock();
    int m_agreedMinutes = 0;
    QDateTime m_startedAt;
    QTimer m_timer;
};

} // namespace fieldnotes::ui
