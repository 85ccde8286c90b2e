#pragma once

#include "clock.h"
#include "deviceidentity.h"
#include "envelope.h"
#include "error.h"
#include "joinrequest.h"
#include "passphrasekdf.h"
#include "roster.h"
#include "signedenvelopelist.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>

namespace fieldnotes {
class SqliteDatabase;
}

namespace fieldnotes::sync {

/// One stored envelope and its place in the archive's order (the leader's collection cursor).
struct StoredEnvelope {
    qint64 cursor = 0;
    Envelope envelope;
    QDateTime storedAt;
};

/// What became of an envelope sent to the archive.
enum class StoreOutcome { Stored, AlreadyStored, Conflict };

struct StoreResult {
    StoreOutcome outcome;
    QDateTime storedAt; // of the envelope the archive holds for that sequence number
};

/// The archive's data directory: `archive.key` (its SQLCipher key and Ed25519 receipt key, wrapped
/// under the operator's passphrase exactly as a vault's are) and `archive.db`. It holds sealed
/// envelopes, rosters and receipts, and never a key that opens a note. Every write is durable
/// before the call returns.
class ArchiveStore
{
public:
    static Result<std::unique_ptr<ArchiveStore>> open(const QString &directory, const SecureBytes &passphrase,
                                                      const KdfParameters &kdfForNewArchive, Clock clock = systemClock());
    ~ArchiveStore();

    QByteArray archiveKey() const { return m_identity.publicKey; }
    const DeviceIdentity &identity() const { return m_identity; }

    /// A one-time code that lets one review be created here, valid for the hours given; the
    /// archive keeps only its hash. Empty if it could not be stored.
    QString issueReviewCode(int validHours);
    Result<bool> reviewCodeOpen(const QString &code);
    /// Creates the review and uses up its creation code, in one transaction.
    Result<void> createReview(const RosterEntry &genesis, const QString &creationCode);
    /// The most sealed bytes one review may store (default 2 GiB).
    void setReviewQuotaBytes(qint64 bytes) { m_reviewQuotaBytes = bytes; }
    /// The review's verified roster; NotFound for an unknown review.
    Result<Roster> roster(const QString &reviewId);
    Result<void> appendRoster(const QString &reviewId, const RosterEntry &entry);

    Result<void> addInvite(const QString &reviewId, const QByteArray &tokenHash, const QDateTime &expiresAt);
    /// Uses up the invitation named by request.tokenId: it works once, before it expires.
    Result<bool> inviteOpen(const QString &reviewId, const QByteArray &tokenId);
    Result<void> redeemInvite(const QString &reviewId, const JoinRequest &request);
    Result<QList<JoinRequest>> pendingJoins(const QString &reviewId);

    Result<void> putSetup(const QString &reviewId, const QByteArray &signedSetup);
    Result<QByteArray> setup(const QString &reviewId);

    /// Stores a batch in one durable transaction, one result per envelope. Idempotent: the same
    /// envelope again is AlreadyStored; a different one for a sequence number already taken is a
    /// Conflict, recorded for the leader.
    Result<QList<StoreResult>> storeEnvelopes(const QList<Envelope> &envelopes);
    Result<QList<StoredEnvelope>> envelopesAfter(const QString &reviewId, qint64 cursor, int limit);
    /// Keeps the leader's collected statements and marks their envelopes collected, in one transaction.
    Result<void> storeCollected(const QString &reviewId, const QList<CollectedStatement> &statements);
    /// A device's collected statements after a cursor: (cursor, statement as canonical JSON).
    /// Keeps the leader's archived statements (each verified by the caller), to apply when due.
    Result<void> storeArchived(const QString &reviewId, const QList<ArchivedStatement> &statements);
    /// Removes the sealed bytes of every envelope an archived statement names once its time has
    /// passed, if this archive stored it and the leader collected it; returns how many went. The
    /// row stays (device, sequence, hash), so the envelope is never taken again as new.
    Result<int> removeArchivedEnvelopes();
    Result<qint64> removedEnvelopeCount(const QString &reviewId);
    Result<QList<std::pair<qint64, QByteArray>>> collectedStatements(const QString &reviewId, const QByteArray &deviceKey,
                                                                     qint64 after, int limit);
    Result<QList<Envelope>> conflicts(const QString &reviewId);
    Result<qint64> envelopeCount();

    /// The sequence numbers this archive holds for one device, as ranges [first, last] (rows
    /// whose sealed bytes retention removed count: the envelope was received).
    Result<QList<std::pair<qint64, qint64>>> heldSequences(const QString &reviewId, const QByteArray &deviceKey);

    /// A backup of the store to output, taken while it serves (storebackup.h), with the files
    /// named kept inside its encrypted copy (the archive's TLS identity, which tablets pin).
    Result<void> backUp(const QString &output, const QString &directory, const QMap<QString, QByteArray> &keptFiles);
    /// Makes a store just unpacked from a backup ready to serve: takes out the files kept inside
    /// it, moves both cursors on past anything the lost archive could have handed out (so what
    /// tablets send again comes after what the leader and the tablets had already read), and
    /// checks its integrity.
    Result<QMap<QString, QByteArray>> completeRestore();

    /// How many request nonces are remembered (for the operator's figures and the tests).
    Result<qint64> nonceCount();
    /// False when this key has used the nonce within the allowed clock skew (a replay).
    Result<bool> acceptNonce(const QByteArray &key, const QByteArray &nonce);

    static QString keyFilePath(const QString &directory);
    static QString databasePath(const QString &directory);

private:
    ArchiveStore(Clock clock);
    Result<void> migrate();
    Result<StoreResult> storeInsideTransaction(const Envelope &envelope);

    Clock m_clock;
    qint64 m_reviewQuotaBytes = qint64(2) << 30;
    DeviceIdentity m_identity;
    std::unique_ptr<SqliteDatabase> m_database;
    QHash<QString, Roster> m_rosters;
};

} // namespace fieldnotes::sync
