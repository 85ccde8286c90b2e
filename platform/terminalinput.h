#pragma once

#include <cstddef>
#include <string>

namespace fieldnotes::platform {

/// Reads one line from a file descriptor into buffer (at most capacity-1 bytes, NUL-terminated,
/// newline removed) without any intermediate copies, so secrets can be read into locked memory.
/// When the descriptor is a terminal and hideEcho is set, echo is off while reading.
/// Returns the line length, -1 on end of input or error, or -2 when the line did not fit (it is
/// read to its end and dropped: a secret is never cut short).
long readLine(int fd, char *buffer, std::size_t capacity, bool hideEcho);

/// True if fd is a terminal.
bool isTerminal(int fd);

} // namespace fieldnotes::platform
