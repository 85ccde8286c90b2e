#pragma once

#include "error.h"
#include "securebytes.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace fieldnotes::sync {

/// One envelope a device sent, named by its sequence number and envelope hash; in a team
/// leader's collected statement also by the hash of the signed note the leader found inside.
struct EnvelopeRef {
    qint64 sequence = 0;
    QByteArray hash;
    QByteArray noteHash = {}; // collected statements only

    friend bool operator==(const EnvelopeRef &, const EnvelopeRef &) = default;
};

/// A signed list of one device's envelopes. Two kinds, told apart by what is signed: the
/// archive's receipt for a batch it stored (Receipt, archive key), and the team leader's statement
/// of what they collected (CollectedStatement, the review's signing key).
template <typename Kind>
struct SignedEnvelopeList {
    QString reviewId;
    QByteArray deviceKey;
    QDateTime at; // stored at, or collected at
    QList<EnvelopeRef> envelopes;
    QByteArray signature;

    QByteArray signedBytes() const;
    QJsonObject toJson() const;
    static Result<SignedEnvelopeList> fromJson(const QJsonObject &object);
    bool verify(const QByteArray &publicKey) const;
    bool names(const EnvelopeRef &envelope) const { return envelopes.contains(envelope); }
};

struct ReceiptKind {
    static constexpr const char *domain = "fieldnotes-receipt-v2";
    static constexpr const char *timeKey = "stored_at";
    static constexpr bool namesNotes = false; // the archive cannot see inside an envelope
};
struct CollectedKind {
    // v2 names each note's hash too: a device may keep a removed note's place in its chain only
    // on the leader's word for exactly that note, and can show that word later.
    static constexpr const char *domain = "fieldnotes-collected-v2";
    static constexpr const char *timeKey = "collected_at";
    static constexpr bool namesNotes = true;
};

struct ArchivedKind {
    // The time signed is the moment from which the archive may remove the envelopes named.
    static constexpr const char *domain = "fieldnotes-archived-v1";
    static constexpr const char *timeKey = "remove_after";
    static constexpr bool namesNotes = true;
};

/// The archive's signed word that it holds a batch's envelopes. A device marks a note delivered
/// only on a receipt that verifies against the archive key named in the roster and names it.
using Receipt = SignedEnvelopeList<ReceiptKind>;
/// The team leader's signed word that they hold a device's notes. The archive relays it, but only
/// the leader's signature lets a device treat a note as collected and, after the retention period,
/// remove its content: an archive that lies about collection cannot make a tablet lose a note.
using CollectedStatement = SignedEnvelopeList<CollectedKind>;
/// The team leader's signed word that a device's notes are in an evidence bundle, so that the
/// archive may remove the envelopes that carried them once `at` has passed. The archive removes
/// only envelopes it stored and the leader collected, exactly as named (sequence and hash).
using ArchivedStatement = SignedEnvelopeList<ArchivedKind>;

template <typename Kind>
SignedEnvelopeList<Kind> signEnvelopeList(SignedEnvelopeList<Kind> list, const SecureBytes &secretKey);

extern template struct SignedEnvelopeList<ReceiptKind>;
extern template struct SignedEnvelopeList<CollectedKind>;
extern template Receipt signEnvelopeList(Receipt, const SecureBytes &);
extern template CollectedStatement signEnvelopeList(CollectedStatement, const SecureBytes &);
extern template struct SignedEnvelopeList<ArchivedKind>;
extern template ArchivedStatement signEnvelopeList(ArchivedStatement, const SecureBytes &);

} // namespace fieldnotes::sync
