#pragma once

namespace fieldnotes::platform {

/// Names the calling thread for the OS (at most 15 characters on Linux), so that `top -H`,
/// `perf` and the UI benchmark's per-thread figures tell our threads apart.
void nameThisThread(const char *name);

} // namespace fieldnotes::platform
