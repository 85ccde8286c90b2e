#pragma once

#include "error.h"
#include "rosterentry.h"

#include <QList>

#include <optional>

namespace fieldnotes::sync {

/// A review's roster, verified: every entry signed by the leader key named in the genesis entry
/// (which must be the key the device was given at enrolment) or by a deputy leader that an earlier
/// entry enrolled and none has revoked, numbered 1, 2, 3 ... and chained by hash. Devices and the
/// archive read membership, and who may act as leader, from it; nothing unverified gets in.
///
/// A deputy may enrol and revoke tablets (the team leader's own devices included); only the review
/// key enrols or revokes a deputy.
class Roster
{
public:
    /// Verifies the entries in order; expectedLeaderKey empty means "trust the genesis entry"
    /// (the archive, which first learns the leader key from it).
    static Result<Roster> fromEntries(const QList<RosterEntry> &entries, const QByteArray &expectedLeaderKey);

    /// Whether this roster continues `seen` (the roster kept from before): the same entries, then
    /// perhaps more. An archive that serves fewer entries, or different ones, is hiding something,
    /// a revocation for instance; the caller refuses it.
    Result<void> extends(const QList<RosterEntry> &seen) const;

    /// Checks that entry is the valid next one, then adds it.
    Result<void> append(const RosterEntry &entry);

    const RosterEntry &genesis() const { return m_entries.front(); }
    const QList<RosterEntry> &entries() const { return m_entries; }
    qint64 lastSequence() const { return m_entries.size(); }
    QByteArray lastHash() const { return m_entries.back().hash(); }

    bool isMember(const QByteArray &deviceKey) const;
    /// When the device was revoked; nothing if it never was.
    std::optional<QDateTime> revokedAt(const QByteArray &deviceKey) const;
    bool isActiveMember(const QByteArray &deviceKey) const { return isMember(deviceKey) && !revokedAt(deviceKey); }
    QString role(const QByteArray &deviceKey) const;
    /// What the leader called the tablet when approving it; empty if nothing.
    QString label(const QByteArray &deviceKey) const;
    QList<QByteArray> memberKeys() const;

    bool isActiveDeputy(const QByteArray &key) const;
    /// Every key ever entered as deputy leader, revoked or not.
    QList<QByteArray> deputyKeysEver() const;
    /// The box key a deputy leader was entered with; empty for anyone else.
    QByteArray boxKey(const QByteArray &key) const;
    /// The keys whose signatures count as the team leader's now: the review key, then each active
    /// deputy's.
    QList<QByteArray> leaderKeys() const;
    /// What notes are sealed to now: the review's box key, then each active deputy's.
    QList<QByteArray> leaderBoxKeys() const;
    /// Whether one of leaderKeys() made this signature over these bytes.
    bool signedByALeader(const QByteArray &signature, const QByteArray &bytes) const;

private:
    /// The entry that entered this device; nullptr if none did.
    const RosterEntry *memberEntry(const QByteArray &deviceKey) const;

    QList<RosterEntry> m_entries;
};

} // namespace fieldnotes::sync
