#pragma once

namespace fieldnotes {

/// Initialises libsodium once per process (safe to call from anywhere, any number of times).
/// Aborts if libsodium cannot initialise: nothing here may run without a working CSPRNG.
void ensureSodiumInitialised();

} // namespace fieldnotes
