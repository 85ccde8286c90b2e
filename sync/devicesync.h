#pragma once

#include "deviceidentity.h"
#include "enrolmentcode.h"
#include "error.h"
#include "syncstore.h"

#include <QString>

#include <functional>

namespace fieldnotes {
class Vault;
}

namespace fieldnotes::sync {

/// What one sync run did, for the status line.
struct SyncOutcome {
    int enqueued = 0;
    int delivered = 0;
    int refused = 0;    // refused or in conflict: kept queued, reasons in the outbox
    int resent = 0;     // delivered once, but the archive no longer held them (restored from a backup)
    int collected = 0;  // newly marked collected, on the team leader's signed statement
    int contentRemoved = 0;      // collected notes whose content this run removed (retention)
    int untrustedStatements = 0; // collected statements that did not verify: ignored
    QString enrolmentState;
};

/// A device's side of sync on its unlocked vault: joins a review with an enrolment code, follows
/// the signed roster, imports the review set-up, and sends the outbox in batches, marking a note
/// delivered only on a receipt signed by the archive key the roster names.
class DeviceSync
{
public:
    /// timeoutMs bounds each request: a silent archive leaves the outbox as it was.
    explicit DeviceSync(Vault &vault, int timeoutMs = 30'000);

    Result<void> join(const EnrolmentCode &code, const QString &role, const QString &label);
    /// One full pass: roster and set-up while waiting for approval, then the outbox, then which
    /// notes the leader has collected. Stops at the first transport error (the outbox is intact).
    /// progress, when given, hears (answered, queued) after each batch.
    Result<SyncOutcome> syncOnce(int batchSize = 100, const std::function<void(int, int)> &progress = {});

private:
    DeviceIdentity deviceIdentity() const;

    Vault &m_vault;
    SyncStore m_store;
    int m_timeoutMs;
};

} // namespace fieldnotes::sync
