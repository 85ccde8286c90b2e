#pragma once

namespace fieldnotes::platform {

/// Keeps the process from writing a core dump (which could hold keys) while at least one
/// instance is alive; restores the previous settings when the last one goes.
class CoreDumpSuppression
{
public:
    CoreDumpSuppression();
    ~CoreDumpSuppression();
    CoreDumpSuppression(const CoreDumpSuppression &) = delete;
    CoreDumpSuppression &operator=(const CoreDumpSuppression &) = delete;

    /// True when the process currently cannot dump core.
    static bool isActive();
};

} // namespace fieldnotes::platform
