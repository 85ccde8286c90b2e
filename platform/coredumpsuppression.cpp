#include "coredumpsuppression.h"

#include <QMutex>

#include <sys/prctl.h>
#include <sys/resource.h>

namespace fieldnotes::platform {

namespace {
// Core-dump settings belong to the whole process, so the bookkeeping is process-wide too.
QMutex guardMutex;
int liveGuards = 0;
rlimit savedLimit{};
int savedDumpable = 1;
} // namespace

CoreDumpSuppression::CoreDumpSuppression()
{
    QMutexLocker lock(&guardMutex);
    if (liveGuards++ > 0)
        return;
    getrlimit(RLIMIT_CORE, &savedLimit);
    savedDumpable = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
    const rlimit none{0, 0};
    // The soft limit alone can be lowered and raised again by an unprivileged process.
    rlimit lowered{none.rlim_cur, savedLimit.rlim_max};
    setrlimit(RLIMIT_CORE, &lowered);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

CoreDumpSuppression::~CoreDumpSuppression()
{
    QMutexLocker lock(&guardMutex);
    if (--liveGuards > 0)
        return;
    setrlimit(RLIMIT_CORE, &savedLimit);
    prctl(PR_SET_DUMPABLE, savedDumpable, 0, 0, 0);
}

bool CoreDumpSuppression::isActive()
{
    rlimit limit{};
    getrlimit(RLIMIT_CORE, &limit);
    return limit.rlim_cur == 0 && prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0;
}

} // namespace fieldnotes::platform
