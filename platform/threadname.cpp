#include "threadname.h"

#include <pthread.h>

namespace fieldnotes::platform {

void nameThisThread(const char *name)
{
    pthread_setname_np(pthread_self(), name); // a name too long is refused, and nothing else changes
}

} // namespace fieldnotes::platform
