#include "countdowncontroller.h"

#include "notestore.h"
#include "vaultsession.h"

#include <cstdlib>

namespace fieldnotes::ui {

CountdownController::CountdownController(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &CountdownController::tick);
}

void CountdownController::setSession(VaultSession *session)
{
    if (session == m_session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &VaultSession::stateChanged, this, &CountdownController::load);
    emit sessionChanged();
    load();
}

void CountdownController::setEngagementId(const QString &id)
{
    if (id == m_engagementId)
        return;
    m_engagementId = id;
    emit engagementIdChanged();
    load();
}

bool CountdownController::persisted() const
{
    return m_session && !m_engagementId.isEmpty();
}

void CountdownController::load()
{
    if (!persisted())
        return;
    if (!m_session->vault()) {
        setTimes({}, {});
        return;
    }
    auto progress = m_session->vault()->store().engagementProgress(m_engagementId);
    if (!progress) {
        m_session->reportError(progress.error());
        return;
    }
    setTimes(progress->startedAt, progress->finishedAt);
}

void CountdownController::setTimes(const QDateTime &startedAt, const QDateTime &finishedAt)
{
    const bool changed = startedAt != m_startedAt || finishedAt != m_finishedAt;
    m_startedAt = startedAt;
    m_finishedAt = finishedAt;
    if (isRunning())
        m_timer.start();
    else
        m_timer.stop();
    if (changed)
        emit runningChanged();
    emit tick();
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
    if (m_startedAt.isValid())
        return;
    if (!persisted()) {
        setTimes(m_clock(), {});
        return;
    }
    if (!m_session->vault())
        return;
    auto started = m_session->vault()->store().startEngagement(m_engagementId);
    if (!started) {
        m_session->reportError(started.error());
        return;
    }
    setTimes(*started, {});
    m_session->markProgrammeChanged();
}

void CountdownController::finish()
{
    if (!isRunning())
        return;
    if (!persisted()) {
        setTimes(m_startedAt, m_clock());
        return;
    }
    if (!m_session->vault())
        return;
    if (auto finished = m_session->vault()->store().setEngagementFinished(m_engagementId, true); !finished) {
        m_session->reportError(finished.error());
        return;
    }
    load();
    m_session->markProgrammeChanged();
}

void CountdownController::reopen()
{
    if (!m_finishedAt.isValid())
        return;
    if (!persisted()) {
        setTimes(m_startedAt, {});
        return;
    }
    if (!m_session->vault())
        return;
    if (auto reopened = m_session->vault()->store().setEngagementFinished(m_engagementId, false); !reopened) {
        m_session->reportError(reopened.error());
        return;
    }
    setTimes(m_startedAt, {});
    m_session->markProgrammeChanged();
}

void CountdownController::reset()
{
    if (!persisted())
        setTimes({}, {});
}

int CountdownController::remainingSeconds() const
{
    if (!m_startedAt.isValid())
        return m_agreedMinutes * 60;
    const QDateTime end = m_finishedAt.isValid() ? m_finishedAt : m_clock();
    return int(qint64(m_agreedMinutes) * 60 - m_startedAt.secsTo(end));
}

int CountdownController::minutesUsed() const
{
    if (!m_startedAt.isValid())
        return 0;
    const QDateTime end = m_finishedAt.isValid() ? m_finishedAt : m_clock();
    return int(m_startedAt.secsTo(end) / 60);
}

CountdownController::Phase CountdownController::phase() const
{
    if (!m_startedAt.isValid())
        return NotStarted;
    if (m_finishedAt.isValid())
        return Finished;
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
