#pragma once

#include "error.h"
#include "securebytes.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace fieldnotes::sync {

/// One line of a review's roster, signed by the team leader's review key or by a deputy leader's
/// key the roster holds. The genesis entry names the leader's keys and the archive; later entries
/// enrol or revoke one device.
struct RosterEntry {
    enum class Type { Genesis, Member, Revocation };

    QString reviewId;
    qint64 sequence = 1;
    QByteArray previousHash; // empty for the genesis entry
    Type type = Type::Genesis;
    QDateTime at;            // UTC
    // Genesis:
    QByteArray leaderKey;    // Ed25519, signs this roster and the review set-up
    QByteArray leaderBoxKey; // X25519, what every note is sealed to
    QByteArray archiveKey;   // Ed25519, signs the archive's receipts
    QString archiveUrl;
    QString fingerprint;     // SHA-256 of the archive's TLS certificate, hex; empty over plain HTTP
    // Member and Revocation:
    QByteArray deviceKey;
    QString role;            // reviewer, team-leader, young-inspector (Member)
    QString label;           // what the leader calls the tablet, never a person's name (Member)
    QString reason;          // (Revocation)
    QByteArray boxKey;       // X25519 a deputy leader opens notes with (Member, role deputy-leader only)
    QByteArray signer;       // Ed25519 of the deputy leader who signed; empty: the review key signed

    QByteArray signature;

    /// What the leader signs: the entry's canonical JSON without its signature.
    QByteArray signedBytes() const;
    /// BLAKE2b-256 over signedBytes() followed by the signature; the next entry's previousHash.
    QByteArray hash() const;
    QJsonObject toJson() const;
    static Result<RosterEntry> fromJson(const QJsonObject &object);
    /// An entry from its JSON text, as stored.
    static Result<RosterEntry> fromJsonText(const QByteArray &text);
    /// Entries from a JSON array, as the archive serves them.
    static Result<QList<RosterEntry>> listFromJson(const QJsonArray &array);

    static QString typeName(Type type);
    static inline const QString deputyRole = QStringLiteral("deputy-leader");
};

/// Signs with the review key (signer empty) or, for a deputy, with its own key (signer its public key).
RosterEntry signRosterEntry(RosterEntry entry, const SecureBytes &signingSecretKey, const QByteArray &signer = {});

} // namespace fieldnotes::sync
