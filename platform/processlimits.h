#pragma once

namespace fieldnotes::platform {

/// Raises this process's open-file limit to the hard limit it is allowed, and returns the limit
/// now in force (the server sizes its connection cap under it, keeping descriptors in reserve).
long raiseOpenFileLimit();

/// Hands memory freed by the allocator back to the system (glibc keeps it otherwise), so a
/// burst of large requests does not leave the server's resident size at its peak.
void releaseFreedMemory();

} // namespace fieldnotes::platform
