#include "sodiumruntime.h"

#include <sodium.h>

#include <cstdlib>
#include <mutex>

namespace fieldnotes {

void ensureSodiumInitialised()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0)
            std::abort();
    });
}

} // namespace fieldnotes
