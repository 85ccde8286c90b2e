#pragma once

#include "leaderdesk.h"
#include "testvault.h"

namespace fieldnotes::test {

/// The review's recovery kit made and recorded as kept, as a leader must before inviting anyone
/// (Argon2id at MODERATE: about a second).
inline bool keepRecoveryKit(Vault &leader, const QString &reviewId)
{
    sync::LeaderDesk desk(leader);
    auto kit = desk.makeRecoveryKit(reviewId, secret("recovery passphrase kept by the tests"));
    return kit.ok() && desk.recordRecoveryKitKept(reviewId, *kit).ok();
}

} // namespace fieldnotes::test
