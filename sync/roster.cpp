#include "roster.h"

#include "syncencoding.h"

namespace fieldnotes::sync {

Result<Roster> Roster::fromEntries(const QList<RosterEntry> &entries, const QByteArray &expectedLeaderKey)
{
    if (entries.isEmpty())
        return invalid(QStringLiteral("the roster is empty"));
    const RosterEntry &genesis = entries.front();
    if (genesis.type != RosterEntry::Type::Genesis || genesis.sequence != 1 || !genesis.previousHash.isEmpty())
        return invalid(QStringLiteral("the roster does not start with a genesis entry"));
    if (!expectedLeaderKey.isEmpty() && genesis.leaderKey != expectedLeaderKey)
        return invalid(QStringLiteral("the roster is signed by a different team leader key"));
    if (!verifyDetached(genesis.signature, genesis.signedBytes(), genesis.leaderKey))
        return invalid(QStringLiteral("roster entry 1: the leader's signature does not hold"));
    Roster roster;
    roster.m_entries << genesis;
    for (qsizetype i = 1; i < entries.size(); ++i) {
        if (auto appended = roster.append(entries[i]); !appended)
            return appended.error();
    }
    return roster;
}

Result<void> Roster::append(const RosterEntry &entry)
{
    const QString where = QStringLiteral("roster entry %1: ").arg(entry.sequence);
    if (entry.type == RosterEntry::Type::Genesis)
        return invalid(where + QStringLiteral("a second genesis entry"));
    if (entry.reviewId != genesis().reviewId)
        return invalid(where + QStringLiteral("names another review"));
    if (entry.sequence != lastSequence() + 1)
        return invalid(where + QStringLiteral("expected sequence %1").arg(lastSequence() + 1));
    if (entry.previousHash != lastHash())
        return invalid(where + QStringLiteral("does not chain to the entry before it"));
    if (entry.signer.isEmpty()) {
        if (!verifyDetached(entry.signature, entry.signedBytes(), genesis().leaderKey))
            return invalid(where + QStringLiteral("the leader's signature does not hold"));
    } else {
        if (!isActiveDeputy(entry.signer))
            return invalid(where + QStringLiteral("signed by a key that is not an active deputy leader"));
        if (!verifyDetached(entry.signature, entry.signedBytes(), entry.signer))
            return invalid(where + QStringLiteral("the deputy leader's signature does not hold"));
        const bool touchesDeputy = entry.type == RosterEntry::Type::Member ? entry.role == RosterEntry::deputyRole
                                                                           : role(entry.deviceKey) == RosterEntry::deputyRole;
        if (touchesDeputy)
            return invalid(where + QStringLiteral("only the review key enrols or revokes a deputy leader"));
    }
    if (entry.type == RosterEntry::Type::Member && (entry.role == RosterEntry::deputyRole) != !entry.boxKey.isEmpty())
        return invalid(where + QStringLiteral("a deputy leader, and only a deputy leader, is entered with a box key"));
    if (entry.type == RosterEntry::Type::Member && isMember(entry.deviceKey))
        return invalid(where + QStringLiteral("the device is already on the roster"));
    if (entry.type == RosterEntry::Type::Revocation && (!isMember(entry.deviceKey) || revokedAt(entry.deviceKey)))
        return invalid(where + QStringLiteral("revokes a device that is not an active member"));
    m_entries << entry;
    return {};
}

Result<void> Roster::extends(const QList<RosterEntry> &seen) const
{
    if (seen.size() > m_entries.size())
        return invalid(QStringLiteral("the archive sent an older roster (%1 entries) than the one already seen here (%2 entries); "
                                      "refused: it may be hiding a revocation or a new member")
                           .arg(m_entries.size())
                           .arg(seen.size()));
    for (qsizetype i = 0; i < seen.size(); ++i) {
        if (seen[i].hash() != m_entries[i].hash())
            return invalid(QStringLiteral("the archive's roster differs from the one already seen here at entry %1; refused").arg(i + 1));
    }
    return {};
}

const RosterEntry *Roster::memberEntry(const QByteArray &deviceKey) const
{
    const auto found = std::find_if(m_entries.begin(), m_entries.end(), [&](const RosterEntry &entry) {
        return entry.type == RosterEntry::Type::Member && entry.deviceKey == deviceKey;
    });
    return found == m_entries.end() ? nullptr : &*found;
}

bool Roster::isMember(const QByteArray &deviceKey) const
{
    return memberEntry(deviceKey) != nullptr;
}

std::optional<QDateTime> Roster::revokedAt(const QByteArray &deviceKey) const
{
    for (const RosterEntry &entry : m_entries) {
        if (entry.type == RosterEntry::Type::Revocation && entry.deviceKey == deviceKey)
            return entry.at;
    }
    return std::nullopt;
}

QString Roster::role(const QByteArray &deviceKey) const
{
    const RosterEntry *entry = memberEntry(deviceKey);
    return entry ? entry->role : QString();
}

QString Roster::label(const QByteArray &deviceKey) const
{
    const RosterEntry *entry = memberEntry(deviceKey);
    return entry ? entry->label : QString();
}

QList<QByteArray> Roster::memberKeys() const
{
    QList<QByteArray> keys;
    for (const RosterEntry &entry : m_entries) {
        if (entry.type == RosterEntry::Type::Member)
            keys << entry.deviceKey;
    }
    return keys;
}

bool Roster::isActiveDeputy(const QByteArray &key) const
{
    return role(key) == RosterEntry::deputyRole && !revokedAt(key);
}

QList<QByteArray> Roster::deputyKeysEver() const
{
    QList<QByteArray> keys;
    for (const RosterEntry &entry : m_entries) {
        if (entry.type == RosterEntry::Type::Member && entry.role == RosterEntry::deputyRole)
            keys << entry.deviceKey;
    }
    return keys;
}

QByteArray Roster::boxKey(const QByteArray &key) const
{
    const RosterEntry *entry = memberEntry(key);
    return entry ? entry->boxKey : QByteArray();
}

QList<QByteArray> Roster::leaderKeys() const
{
    QList<QByteArray> keys{genesis().leaderKey};
    for (const QByteArray &deputy : deputyKeysEver()) {
        if (!revokedAt(deputy))
            keys << deputy;
    }
    return keys;
}

QList<QByteArray> Roster::leaderBoxKeys() const
{
    QList<QByteArray> keys{genesis().leaderBoxKey};
    for (const QByteArray &deputy : deputyKeysEver()) {
        if (!revokedAt(deputy))
            keys << boxKey(deputy);
    }
    return keys;
}

bool Roster::signedByALeader(const QByteArray &signature, const QByteArray &bytes) const
{
    const QList<QByteArray> keys = leaderKeys();
    return std::any_of(keys.begin(), keys.end(), [&](const QByteArray &key) { return verifyDetached(signature, bytes, key); });
}

} // namespace fieldnotes::sync
