/* A power cut and a failing disk, simulated under SQLCipher (RELIABILITY rows 16 and 24).
 * LD_PRELOAD this; it watches the files whose path contains FIELDNOTES_CUT_FILES (e.g.
 * "notes.db": the database and its WAL). Writes reach the file as usual, but every write since
 * the file's last fsync/fdatasync is remembered with the bytes it replaced and the size before.
 *
 *   FIELDNOTES_CUT_AT=N     at the N-th write to a watched file, before it happens, everything
 *                           not yet synced is put back as it was and the process is killed (SIGKILL):
 *                           what the disk holds after a power cut.
 *   FIELDNOTES_CUT_TEAR=S   with the cut: then keeps a random choice (seed S) of the unsynced
 *                           writes' 512-byte sectors, as a disk that wrote some of its cache out of
 *                           order does (SQLite's crash VFS, test6.c, does the same).
 *   FIELDNOTES_EIO_FSYNC_AT=N  the N-th fsync/fdatasync of a watched file fails with EIO, unsynced.
 *   FIELDNOTES_EIO_READ_AT=N   the N-th read of a watched file fails with EIO.
 *
 * The -shm file is never watched: SQLite rebuilds it when the first connection opens after a crash. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define MAX_FDS 4096
#define SECTOR 512

struct pending {
    int fd;
    off_t offset;
    size_t length;
    off_t size_before;
    char *old_bytes; /* the bytes that were there (up to size_before) */
    char *new_bytes;
    struct pending *next;
};

static char watched[MAX_FDS];
static struct pending *head, *tail;
static long writes, fsyncs, reads;

static void *real(const char *name)
{
    return dlsym(RTLD_NEXT, name);
}

static long setting(const char *name)
{
    const char *value = getenv(name);
    return value ? atol(value) : 0;
}

static int is_watched_path(const char *path)
{
    const char *pattern = getenv("FIELDNOTES_CUT_FILES");
    if (!pattern || !*pattern || !path)
        return 0;
    const char *found = strstr(path, pattern);
    return found && !strstr(found, "-shm");
}

static void watch(int fd, const char *path)
{
    if (fd >= 0 && fd < MAX_FDS)
        watched[fd] = (char)is_watched_path(path);
}

static int is_watched(int fd)
{
    return fd >= 0 && fd < MAX_FDS && watched[fd];
}

static ssize_t raw_pread(int fd, void *buffer, size_t length, off_t offset)
{
    static ssize_t (*call)(int, void *, size_t, off_t);
    if (!call)
        call = (ssize_t(*)(int, void *, size_t, off_t))real("pread64");
    return call(fd, buffer, length, offset);
}

static ssize_t raw_pwrite(int fd, const void *buffer, size_t length, off_t offset)
{
    static ssize_t (*call)(int, const void *, size_t, off_t);
    if (!call)
        call = (ssize_t(*)(int, const void *, size_t, off_t))real("pwrite64");
    return call(fd, buffer, length, offset);
}

static int raw_ftruncate(int fd, off_t length)
{
    static int (*call)(int, off_t);
    if (!call)
        call = (int (*)(int, off_t))real("ftruncate64");
    return call(fd, length);
}

static void forget(int fd)
{
    struct pending **link = &head;
    tail = NULL;
    while (*link) {
        struct pending *item = *link;
        if (fd < 0 || item->fd == fd) {
            *link = item->next;
            free(item->old_bytes);
            free(item->new_bytes);
            free(item);
        } else {
            tail = item;
            link = &item->next;
        }
    }
}

static void remember(int fd, const void *buffer, size_t length, off_t offset)
{
    struct stat status;
    if (fstat(fd, &status) != 0)
        return;
    struct pending *item = calloc(1, sizeof *item);
    item->fd = fd;
    item->offset = offset;
    item->length = length;
    item->size_before = status.st_size;
    item->old_bytes = calloc(1, length ? length : 1);
    item->new_bytes = malloc(length ? length : 1);
    memcpy(item->new_bytes, buffer, length);
    if (offset < status.st_size)
        raw_pread(fd, item->old_bytes, length, offset);
    if (tail)
        tail->next = item;
    else
        head = item;
    tail = item;
}

/* Puts back, newest first, everything written since each file's last sync; keeps a random
 * choice of sectors when tearing; then dies as a cut machine does. */
static void cut(void)
{
    int count = 0;
    for (struct pending *item = head; item; item = item->next)
        ++count;
    struct pending **items = malloc(sizeof *items * (size_t)(count ? count : 1));
    count = 0;
    for (struct pending *item = head; item; item = item->next)
        items[count++] = item;
    for (int i = count - 1; i >= 0; --i) {
        struct pending *item = items[i];
        if (item->offset < item->size_before) {
            off_t existing = item->size_before - item->offset;
            raw_pwrite(item->fd, item->old_bytes, (size_t)existing < item->length ? (size_t)existing : item->length, item->offset);
        }
        raw_ftruncate(item->fd, item->size_before);
    }
    const long tear = setting("FIELDNOTES_CUT_TEAR");
    if (tear) {
        srandom((unsigned)tear);
        for (int i = 0; i < count; ++i) {
            struct pending *item = items[i];
            if (!item->new_bytes) /* a truncation: either it happened or it did not */
                continue;
            for (size_t at = 0; at < item->length; at += SECTOR) {
                if (random() % 2)
                    raw_pwrite(item->fd, item->new_bytes + at, item->length - at < SECTOR ? item->length - at : SECTOR, item->offset + (off_t)at);
            }
        }
    }
    kill(getpid(), SIGKILL);
}

static void before_write(int fd)
{
    const long cut_at = setting("FIELDNOTES_CUT_AT");
    if (cut_at && ++writes >= cut_at)
        cut();
}

static int open_mode(int flags, va_list arguments)
{
    return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? va_arg(arguments, int) : 0;
}

int open(const char *path, int flags, ...)
{
    va_list arguments;
    va_start(arguments, flags);
    const int mode = open_mode(flags, arguments);
    va_end(arguments);
    const int fd = ((int (*)(const char *, int, ...))real("open"))(path, flags, mode);
    watch(fd, path);
    return fd;
}

int open64(const char *path, int flags, ...)
{
    va_list arguments;
    va_start(arguments, flags);
    const int mode = open_mode(flags, arguments);
    va_end(arguments);
    const int fd = ((int (*)(const char *, int, ...))real("open64"))(path, flags, mode);
    watch(fd, path);
    return fd;
}

int openat(int directory, const char *path, int flags, ...)
{
    va_list arguments;
    va_start(arguments, flags);
    const int mode = open_mode(flags, arguments);
    va_end(arguments);
    const int fd = ((int (*)(int, const char *, int, ...))real("openat"))(directory, path, flags, mode);
    watch(fd, path);
    return fd;
}

int openat64(int directory, const char *path, int flags, ...)
{
    va_list arguments;
    va_start(arguments, flags);
    const int mode = open_mode(flags, arguments);
    va_end(arguments);
    const int fd = ((int (*)(int, const char *, int, ...))real("openat64"))(directory, path, flags, mode);
    watch(fd, path);
    return fd;
}

int close(int fd)
{
    if (is_watched(fd)) {
        /* Its pending writes are taken as written: the descriptor's number may be reused. */
        forget(fd);
        watched[fd] = 0;
    }
    return ((int (*)(int))real("close"))(fd);
}

ssize_t pwrite(int fd, const void *buffer, size_t length, off_t offset)
{
    if (is_watched(fd)) {
        before_write(fd);
        remember(fd, buffer, length, offset);
    }
    return raw_pwrite(fd, buffer, length, offset);
}

ssize_t pwrite64(int fd, const void *buffer, size_t length, off_t offset)
{
    return pwrite(fd, buffer, length, offset);
}

ssize_t write(int fd, const void *buffer, size_t length)
{
    if (is_watched(fd)) {
        before_write(fd);
        remember(fd, buffer, length, lseek(fd, 0, SEEK_CUR));
    }
    return ((ssize_t(*)(int, const void *, size_t))real("write"))(fd, buffer, length);
}

static int failing_read(int fd)
{
    const long fail_at = setting("FIELDNOTES_EIO_READ_AT");
    if (is_watched(fd) && fail_at && ++reads == fail_at) {
        errno = EIO;
        return 1;
    }
    return 0;
}

ssize_t pread(int fd, void *buffer, size_t length, off_t offset)
{
    if (failing_read(fd))
        return -1;
    return raw_pread(fd, buffer, length, offset);
}

ssize_t pread64(int fd, void *buffer, size_t length, off_t offset)
{
    return pread(fd, buffer, length, offset);
}

ssize_t read(int fd, void *buffer, size_t length)
{
    if (failing_read(fd))
        return -1;
    return ((ssize_t(*)(int, void *, size_t))real("read"))(fd, buffer, length);
}

static int sync_call(const char *name, int fd)
{
    if (is_watched(fd)) {
        const long fail_at = setting("FIELDNOTES_EIO_FSYNC_AT");
        if (fail_at && ++fsyncs == fail_at) {
            errno = EIO;
            return -1;
        }
    }
    const int result = ((int (*)(int))real(name))(fd);
    if (result == 0 && is_watched(fd))
        forget(fd);
    return result;
}

int fsync(int fd)
{
    return sync_call("fsync", fd);
}

int fdatasync(int fd)
{
    return sync_call("fdatasync", fd);
}

int ftruncate(int fd, off_t length)
{
    if (is_watched(fd)) {
        /* Remembered as a write of nothing at the new end, so a cut restores the old size and tail. */
        struct stat status;
        if (fstat(fd, &status) == 0 && length < status.st_size) {
            const size_t tail_length = (size_t)(status.st_size - length);
            char *bytes = malloc(tail_length);
            raw_pread(fd, bytes, tail_length, length);
            remember(fd, bytes, 0, length);
            tail->size_before = status.st_size;
            free(tail->old_bytes);
            tail->old_bytes = bytes;
            tail->length = tail_length;
            free(tail->new_bytes);
            tail->new_bytes = NULL;
        }
    }
    return raw_ftruncate(fd, length);
}

int ftruncate64(int fd, off_t length)
{
    return ftruncate(fd, length);
}
