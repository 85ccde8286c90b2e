#include "unlockthrottle.h"

#include "durablefile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace fieldnotes {

UnlockThrottle::UnlockThrottle(QString path, Clock clock) : m_path(std::move(path)), m_clock(std::move(clock))
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject object = QJsonDocument::fromJson(file.read(4096)).object();
    m_failures = std::max(0, object.value(QStringLiteral("failures")).toInt());
    m_lastFailure = QDateTime::fromString(object.value(QStringLiteral("last_failure")).toString(), Qt::ISODateWithMs);
    // A damaged file must not unlock the throttle: assume the worst we can read.
    if (m_failures > 0 && !m_lastFailure.isValid())
        m_lastFailure = m_clock();
}

qint64 UnlockThrottle::delayAfterFailures(int failures)
{
    if (failures <= 0)
        return 0;
    constexpr qint64 maximum = 15 * 60;
    return failures > 11 ? maximum : std::min<qint64>(maximum, qint64(1) << (failures - 1));
}

qint64 UnlockThrottle::secondsUntilNextAttempt() const
{
    if (m_failures == 0)
        return 0;
    const QDateTime allowedAt = m_lastFailure.addSecs(delayAfterFailures(m_failures));
    const qint64 remainingMs = m_clock().msecsTo(allowedAt);
    // A clock set back must not extend the wait beyond the schedule.
    return std::clamp<qint64>((remainingMs + 999) / 1000, 0, delayAfterFailures(m_failures));
}

Result<void> UnlockThrottle::recordFailure()
{
    ++m_failures;
    m_lastFailure = m_clock();
    const QJsonObject object{{QStringLiteral("failures"), m_failures},
                             {QStringLiteral("last_failure"), m_lastFailure.toUTC().toString(Qt::ISODateWithMs)}};
    QString message;
    if (!platform::writeFileDurably(m_path, QJsonDocument(object).toJson(QJsonDocument::Compact), &message))
        return Error{ErrorCode::Io, message};
    return {};
}

Result<void> UnlockThrottle::recordSuccess()
{
    if (m_failures == 0 && !QFile::exists(m_path))
        return {};
    m_failures = 0;
    QString message;
    if (!platform::removeFileDurably(m_path, &message))
        return Error{ErrorCode::Io, message};
    return {};
}

} // namespace fieldnotes
