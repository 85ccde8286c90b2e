#pragma once

#include "clock.h"
#include "error.h"

#include <QDateTime>
#include <QString>

namespace fieldnotes {

/// Counts consecutive failed unlocks in the vault's `unlock-failures` file and says how long
/// the next attempt must wait; the count survives restarts and is cleared by a success.
class UnlockThrottle
{
public:
    UnlockThrottle(QString path, Clock clock);

    int failures() const { return m_failures; }
    /// Seconds to wait before another attempt may be checked (0: try now).
    qint64 secondsUntilNextAttempt() const;
    Result<void> recordFailure();
    Result<void> recordSuccess();

    /// The wait after n consecutive failures: 0, then 1 s doubling per failure, at most 15 minutes.
    static qint64 delayAfterFailures(int failures);

private:
    QString m_path;
    Clock m_clock;
    int m_failures = 0;
    QDateTime m_lastFailure;
};

} // namespace fieldnotes
