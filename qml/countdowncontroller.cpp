#include "countdowncontroller.h"

#include <cstdlib>

namespace fieldnotes::ui {

CountdownController::CountdownController(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &CountdownController::tick);
}

void CountdownController::setAgreedMinutes(int minutes)
{
    if (minutes == m_agreedMinutes)
        return;
    m_agreedMinutes = minutes;
    emit agreedMinutesChanged();
    emit tick();
}

void CountdownController::setClock(Clock clock)
{
    m_clock = std::move(clock);
    emit tick();
}

void CountdownController::start()
{
    if (isRunning())
        return;
    m_startedAt = m_clock();
    m_timer.start();
    emit runningChanged();
    emit tick();
}

void CountdownController::reset()
{
    m_timer.stop();
    m_startedAt = QDateTime();
    emit runningChanged();
    emit tick();
}

int CountdownController::remainingSeconds() const
{
    const qint64 elapsed = isRunning() ? m_startedAt.secsTo(m_clock()) : 0;
    return int(qint64(m_agreedMinutes) * 60 - elapsed);
}

CountdownController::Phase CountdownController::phase() const
{
    if (!isRunning())
        return NotStarted;
    const int remaining = remainingSeconds();
    if (remaining <= 0)
        return Overrun;
    return remaining <= warningSeconds ? Warning : Running;
}

QString CountdownController::displayText() const
{
    const int remaining = remainingSeconds();
    const int seconds = std::abs(remaining);
    const QString text = QStringLiteral("%1:%2").arg(seconds / 60, 2, 10, QLatin1Char('0')).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return remaining < 0 ? QStringLiteral("+") + text : text;
}

} // namespace fieldnotes::ui
