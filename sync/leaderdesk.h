#pragma once

#include "enrolmentcode.h"
#include "error.h"
#include "joinrequest.h"
#include "recoverykit.h"
#include "syncstore.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>

namespace fieldnotes {
class Vault;
}

namespace fieldnotes::sync {

class ArchiveClient;

/// Per device, what the leader's collection found.
struct DeviceCollection {
    QByteArray deviceKey;
    QString role;
    QString label;              // from the signed roster; empty when the tablet has none
    int received = 0;           // notes held, valid or not
    QList<qint64> missing;      // sequence numbers not (yet) received
    QStringList problems;       // failures and flags, for people
};

struct CollectionReport {
    int newNotes = 0;
    int conflicts = 0;
    int sealedForOthers = 0; // a deputy's collection: notes sealed before it was entered

    QList<DeviceCollection> devices;
};

/// The team leader's side of sync, on the leader's unlocked vault: creates the review's keys and
/// roster on the archive, invites, approves and revokes devices, publishes the set-up, and
/// collects, opens and verifies what devices uploaded. On a deputy leader's vault the same, with
/// the deputy's keys, as far as the roster allows a deputy (roster.h).
class LeaderDesk
{
public:
    explicit LeaderDesk(Vault &vault);

    /// Creates the keys, registers the review with the archive (whose key it fetches over the
    /// pinned connection) with the review-creation code its operator issued, enrols this device
    /// as team leader and publishes the set-up.
    Result<void> createReview(const QString &reviewId, const QString &archiveUrl, const QString &fingerprint,
                              const QString &creationCode);
    /// An enrolment code for one tablet, or (the team leader only) for a deputy leader: a deputy
    /// joins only with a code made for one, and a tablet never with such a code.
    Result<EnrolmentCode> invite(const QString &reviewId, int validHours, bool forDeputy = false);
    /// Devices that redeemed an enrolment code and wait for approval, each checked here: a join
    /// whose MAC does not prove it holds a code this vault made, or whose code already admitted
    /// another tablet, carries the problem and is never approved.
    Result<QList<JoinRequest>> pendingJoins(const QString &reviewId);
    /// Approves the pending joins that passed the check, only the devices named if any are
    /// (what the leader was shown); returns what was approved, with role and label.
    Result<QList<JoinRequest>> approve(const QString &reviewId, const QList<QByteArray> &devices = {});
    Result<void> revoke(const QString &reviewId, const QByteArray &deviceKey, const QString &reason);
    /// Turns a waiting tablet that passed the join check away: entered and revoked at once in
    /// the roster, so it can send nothing and learns so at its next sync.
    Result<void> reject(const QString &reviewId, const QByteArray &deviceKey);
    /// Publishes the review set-up with the retention period, signed.
    Result<void> publishSetup(const QString &reviewId);
    /// How long tablets keep a note's content after the leader collected it (days; negative:
    /// keep, the default). Setting it publishes the set-up again.
    Result<int> retentionDays(const QString &reviewId);
    Result<void> setRetentionDays(const QString &reviewId, int days);
    Result<CollectionReport> collect(const QString &reviewId, int pageSize = 200);

    /// How long the archive keeps the envelopes of notes once they are in an evidence bundle
    /// (days; negative: keep them, the default).
    Result<int> archiveRetentionDays(const QString &reviewId);
    Result<void> setArchiveRetentionDays(const QString &reviewId, int days);
    /// The signed statements, one per device, naming the envelopes that carried these notes and
    /// the time from which the archive may remove them; none while the archive keeps everything.
    Result<QList<ArchivedStatement>> signArchivedStatements(const QString &reviewId, const QSet<QByteArray> &noteHashes);
    /// Keeps statements (in a bundle now written) until the archive has taken them.
    Result<void> keepArchivedStatements(const QString &reviewId, const QList<ArchivedStatement> &statements);
    /// Sends the statements the archive has not taken yet; returns how many envelopes it removed
    /// at once (those whose time had come).
    Result<int> sendArchivedStatements(const QString &reviewId);

    /// What the review's recovery kit holds (recoverykit.h): its keys and the roster's head as this
    /// vault holds it, made now. Quick; sealing it (Argon2id) is not.
    Result<RecoveryKit> recoveryKit(const QString &reviewId);
    /// The kit, sealed under the recovery passphrase. Write it somewhere safe, then record it.
    Result<QByteArray> makeRecoveryKit(const QString &reviewId, const SecureBytes &recoveryPassphrase);
    /// Records that the sealed kit was written out: only then are tablets invited.
    Result<void> recordRecoveryKitKept(const QString &reviewId, const QByteArray &sealedKit);
    /// When a recovery kit was last made for the review; nullopt when none was.
    Result<std::optional<QDateTime>> recoveryKitMadeAt(const QString &reviewId);
    /// Makes this (new, empty) vault the review's leader from a recovery kit: the archive's roster
    /// verified against the review key and the kit's roster, the set-up taken back from the
    /// archive, this device entered as team leader and the leader's earlier devices revoked.
    /// Collecting afterwards brings every note back. Returns the devices revoked.
    Result<QList<QByteArray>> restoreFromKit(const RecoveryKit &kit);

private:
    static std::unique_ptr<ArchiveClient> clientFor(const ReviewKeys &keys);
    Result<Roster> verifiedRoster(const ReviewKeys &keys);
    Result<void> appendEntry(const ReviewKeys &keys, RosterEntry entry);
    /// The set-up the archive holds, signed by an active leader (or, if asked, a deputy since
    /// revoked); nullopt if none was published.
    Result<std::optional<QJsonObject>> archiveSetup(const ReviewKeys &keys, const Roster &roster, bool alsoRevokedDeputies = false);
    /// Takes a published set-up in: programme, desk, version and retention period.
    Result<void> adoptSetup(const QString &reviewId, const QJsonObject &content);

    Vault &m_vault;
    SyncStore m_store;
};

} // namespace fieldnotes::sync
