#pragma once

#include <QDateTime>

#include <functional>

namespace fieldnotes {

/// Where "now" comes from, so that tests can move time.
using Clock = std::function<QDateTime()>;

inline Clock systemClock()
{
    return [] { return QDateTime::currentDateTimeUtc(); };
}

} // namespace fieldnotes
