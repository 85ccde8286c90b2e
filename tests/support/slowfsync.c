/* Slow tablet flash, simulated: LD_PRELOAD this and every fsync and fdatasync of the process
 * (SQLite's included) first sleeps FIELDNOTES_FSYNC_DELAY_MS milliseconds (10 by default), then
 * does the real call. Used by the keystroke benchmark and by tst_drafttyping_slowflash. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static void wait_like_slow_flash(void)
{
    const char *setting = getenv("FIELDNOTES_FSYNC_DELAY_MS");
    const long ms = setting ? atol(setting) : 10;
    struct timespec delay = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&delay, &delay) != 0) {
    }
}

int fsync(int fd)
{
    static int (*real)(int);
    if (!real)
        real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    wait_like_slow_flash();
    return real(fd);
}

int fdatasync(int fd)
{
    static int (*real)(int);
    if (!real)
        real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
    wait_like_slow_flash();
    return real(fd);
}
