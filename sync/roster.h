#pragma once

#include "error.h"
#include "rosterentry.h"

#include <QList>

#include <optional>

namespace fieldnotes::sync {

/// A review's roster, verified: every entry signed by the leader key named in the genesis entry
/// (which must be the key the device was given at enrolment), numbered 1, 2, 3 ... and chained by
/// hash. Devices and the archive read membership from it; nothing unverified gets in.
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

private:
    QList<RosterEntry> m_entries;
};

} // namespace fieldnotes::sync
