#include "terminalinput.h"

#include <termios.h>
#include <unistd.h>

namespace fieldnotes::platform {

bool isTerminal(int fd)
{
    return ::isatty(fd) == 1;
}

long readLine(int fd, char *buffer, std::size_t capacity, bool hideEcho)
{
    if (capacity == 0)
        return -1;
    termios saved{};
    const bool restoreEcho = hideEcho && isTerminal(fd) && tcgetattr(fd, &saved) == 0;
    if (restoreEcho) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    // One byte at a time: reading ahead would swallow the next line (passwd reads two).
    std::size_t length = 0;
    bool sawAnything = false;
    bool tooLong = false;
    for (;;) {
        char c = 0;
        const ssize_t got = ::read(fd, &c, 1);
        if (got <= 0)
            break;
        sawAnything = true;
        if (c == '\n')
            break;
        if (length + 1 < capacity)
            buffer[length++] = c;
        else
            tooLong = true; // the rest of the line is read and dropped, never used
    }
    if (restoreEcho)
        tcsetattr(fd, TCSAFLUSH, &saved);
    if (length > 0 && buffer[length - 1] == '\r')
        --length;
    buffer[length] = '\0';
    if (tooLong)
        return -2;
    return sawAnything ? static_cast<long>(length) : -1;
}

} // namespace fieldnotes::platform
