#pragma once

#include "envelope.h"
#include "error.h"
#include "roster.h"
#include "signedenvelopelist.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QList>
#include <QString>

namespace fieldnotes {
class SqliteDatabase;
class Vault;
}

namespace fieldnotes::sync {

/// This device's enrolment in a review: where the archive is and whose keys to trust.
struct Enrolment {
    QString reviewId;
    QString archiveUrl;
    QString fingerprint;
    QByteArray leaderKey;
    QByteArray leaderBoxKey;
    QString role;
    QString state; // requested, enrolled, revoked
    int retentionDays = keepCollected; // from the leader's signed set-up
    static constexpr int keepCollected = -1;
};

/// One note waiting in the outbox (or already through it).
struct OutboxItem {
    QString noteId;
    qint64 sequence = 0;
    bool urgent = false;
    QByteArray envelopeHash;
    QByteArray envelopeJson; // canonical JSON, built once at sealing: the very bytes sent
    QString state;           // queued, delivered, collected

    Result<Envelope> envelope() const;
};

struct OutboxCounts {
    int notQueued = 0; // signed here but not yet in the outbox (before the tablet is enrolled, say)
    int queued = 0;
    int delivered = 0;
    int collected = 0;
};

/// The keys a team leader, or a deputy leader, leads a review with, kept inside their vault. The
/// team leader signs with the review's own key; a deputy with its tablet's key, which the roster
/// names as a deputy, and opens notes with its own box key.
struct ReviewKeys {
    QString reviewId;
    QByteArray reviewKey; // the review's key, the roster's root: signingPublic itself for the team leader
    QByteArray signingPublic;
    SecureBytes signingSecret;
    QByteArray boxPublic;
    SecureBytes boxSecret;
    QString archiveUrl;
    QString fingerprint;
    QByteArray archiveKey;

    bool isDeputy() const { return !reviewKey.isEmpty() && reviewKey != signingPublic; }
    /// The key the roster's genesis entry names: what every copy of the roster is checked against.
    QByteArray rootKey() const { return reviewKey.isEmpty() ? signingPublic : reviewKey; }
};

/// A note collected by the leader, with the verdict on it.
struct CollectedNote {
    QByteArray hash;
    QByteArray authorKey;
    qint64 sequence = 0;
    QString verdict; // "valid", or the problems found
};

/// A review's copy of the signed roster, in order, read through any connection to the vault.
Result<QList<RosterEntry>> rosterEntries(SqliteDatabase &database, const QString &reviewId);

/// The sync tables inside an unlocked vault (schema version 3, retention in 4): enrolment, roster copy, outbox,
/// and for a team leader the review keys and collected notes. Every write is one durable
/// transaction.
class SyncStore
{
public:
    explicit SyncStore(Vault &vault);

    Result<std::optional<Enrolment>> enrolment();
    Result<void> saveEnrolment(const Enrolment &enrolment);
    Result<void> setEnrolmentState(const QString &state);
    Result<void> setRetentionDays(int days);

    Result<QList<RosterEntry>> rosterEntries(const QString &reviewId);
    Result<void> saveRoster(const QString &reviewId, const QList<RosterEntry> &entries);

    /// Seals every signed note of this device not yet in the outbox and queues it, concerns
    /// marked urgent, to every leader box key the roster held here names. Returns how many were added.
    Result<int> enqueueSignedNotes(const Enrolment &enrolment);
    /// Queued items, concerns first, then by sequence number, leaving out the notes named.
    Result<QList<OutboxItem>> queued(int limit, const QSet<QString> &except = {});
    /// What the archive answered for one batch, in one transaction: the batch's receipt (kept
    /// once), the notes it names as delivered, and notes that stay queued with the reason in words.
    Result<void> recordBatch(const Receipt *receipt, const QStringList &delivered, const QList<std::pair<QString, QString>> &failed);
    /// Queues again the delivered (not yet collected) notes of a review whose sequence numbers
    /// the archive no longer holds (held: ranges [first, last]), as after it was restored from a
    /// backup. Returns how many.
    Result<int> requeueNotHeld(const QString &reviewId, const QList<std::pair<qint64, qint64>> &held);
    /// Marks this device's envelopes the leader's verified statements name as collected (at the
    /// vault clock's now), where the note hash the leader names is this device's note, keeps the
    /// statements and saves the statement cursor, in one transaction. Returns how many notes
    /// changed state.
    Result<int> markCollected(const QList<CollectedStatement> &statements, qint64 cursor);
    /// The removalVouchKey of every note a kept statement names, counting only statements that
    /// verify now against the enrolment's leader key and name this device.
    Result<QSet<QByteArray>> vouchedRemovals();
    Result<qint64> collectedCursor();
    /// Removes the text and signed bytes of notes collected at least retentionDays ago (nothing
    /// when the leader keeps them, retentionDays < 0), with their sealed envelopes. The hash,
    /// signature and chain position stay. Returns how many notes were cleared.
    Result<int> removeCollectedContent(int retentionDays);
    Result<OutboxCounts> outboxCounts();
    /// Per note: queued, delivered or collected (notes not in the outbox are absent).
    Result<QHash<QString, QString>> noteSyncStates();

    /// The enrolment codes this leader made, by token hash: the token (to check a join's MAC)
    /// and which device, if any, it already admitted.
    struct Invite {
        QByteArray token;
        QDateTime expiresAt;
        QByteArray usedBy;
        bool forDeputy = false; // admits a deputy leader, and nothing else
    };
    Result<void> saveInvite(const QString &reviewId, const QByteArray &token, const QDateTime &expiresAt, bool forDeputy = false);
    Result<std::optional<Invite>> invite(const QString &reviewId, const QByteArray &tokenId);
    Result<void> markInviteUsed(const QByteArray &tokenId, const QByteArray &deviceKey);

    Result<void> saveReviewKeys(const ReviewKeys &keys);
    /// The box key this tablet asks to be a review's deputy leader with: made and kept on the first
    /// call, the same after.
    Result<QByteArray> deputyBoxKey(const QString &reviewId);
    /// Once the roster enters this tablet as deputy with boxKey: its desk's review keys (the
    /// tablet's own signing key, that box key, the review's key from the enrolment).
    Result<void> saveDeputyKeys(const Enrolment &enrolment, const QByteArray &archiveKey, const QByteArray &boxKey);
    Result<std::optional<ReviewKeys>> reviewKeys(const QString &reviewId);

    /// Stores collected notes (each with its verdict) in one transaction, each once; returns how
    /// many were new.
    Result<int> storeCollected(const QString &reviewId, const QList<std::pair<SignedNote, QString>> &notes);
    /// Keeps the engagement records tablets sealed with their notes, each once; returns how many
    /// were new.
    Result<int> storeEngagementRecords(const QString &reviewId, const QList<EngagementRecord> &records);
    /// Renews each collected note's verdict: what collection flagged, then the verifier's
    /// problems given by note hash; "valid" when neither found anything.
    Result<void> saveVerdicts(const QString &reviewId, const QHash<QByteArray, QStringList> &problemsByHash);
    Result<QList<SignedNote>> collectedNotes(const QString &reviewId);
    Result<QList<CollectedNote>> collectedVerdicts(const QString &reviewId);

    Result<QString> setting(const QString &key);
    Result<void> saveSetting(const QString &key, const QString &value);

private:
    Result<QList<QByteArray>> leaderBoxKeys(const Enrolment &enrolment);

    Vault &m_vault;
    SqliteDatabase &m_database;
};

} // namespace fieldnotes::sync
