#include "concernfollowups.h"

#include "deskengagements.h"
#include "signednote.h"
#include "signednotejson.h"
#include "sqlitedatabase.h"
#include "syncencoding.h"
#include "syncstore.h"
#include "vault.h"

#include <sodium.h>

namespace fieldnotes::sync {


QJsonObject ConcernFollowUp::record() const
{
    return QJsonObject{{QStringLiteral("v"), 1},
                       {QStringLiteral("review"), reviewId},
                       {QStringLiteral("concern"), toHex(noteHash)},
                       {QStringLiteral("seen_at"), canonicalTimestamp(seenAt)},
                       {QStringLiteral("raised_with"), raisedWith},
                       {QStringLiteral("decision"), decision},
                       {QStringLiteral("by"), by},
                       {QStringLiteral("signed_at"), canonicalTimestamp(signedAt)},
                       {QStringLiteral("leader_key"), toHex(leaderKey)}};
}

QByteArray ConcernFollowUp::signedBytes() const
{
    return "fieldnotes-concern-followup-v1\n" + canonicalJson(record());
}

QByteArray ConcernFollowUp::hash() const
{
    return blake2b256(signedBytes() + signature);
}

QJsonObject ConcernFollowUp::toJson() const
{
    return QJsonObject{{QStringLiteral("record"), record()}, {QStringLiteral("signature"), toHex(signature)}};
}

Result<ConcernFollowUp> ConcernFollowUp::fromJson(const QJsonObject &object, const QByteArray &leaderKey)
{
    const QJsonObject record = object.value(QStringLiteral("record")).toObject();
    if (record.value(QStringLiteral("v")).toInt() != 1)
        return invalid(QStringLiteral("concern follow-up: unknown version"));
    ConcernFollowUp parsed;
    parsed.reviewId = record.value(QStringLiteral("review")).toString();
    parsed.noteHash = fromHex(record.value(QStringLiteral("concern")).toString(), crypto_generichash_BYTES).value_or(QByteArray());
    parsed.seenAt = parseCanonicalTimestamp(record.value(QStringLiteral("seen_at")).toString());
    parsed.raisedWith = record.value(QStringLiteral("raised_with")).toString();
    parsed.decision = record.value(QStringLiteral("decision")).toString();
    parsed.by = record.value(QStringLiteral("by")).toString();
    parsed.signedAt = parseCanonicalTimestamp(record.value(QStringLiteral("signed_at")).toString());
    parsed.leaderKey = fromHex(record.value(QStringLiteral("leader_key")).toString(), crypto_sign_PUBLICKEYBYTES).value_or(QByteArray());
    parsed.signature = fromHex(object.value(QStringLiteral("signature")).toString(), crypto_sign_BYTES).value_or(QByteArray());
    if (parsed.reviewId.isEmpty() || parsed.noteHash.isEmpty() || !parsed.seenAt.isValid() || !parsed.signedAt.isValid()
        || parsed.leaderKey.isEmpty() || parsed.signature.isEmpty() || parsed.by.isEmpty())
        return invalid(QStringLiteral("concern follow-up: a field is missing or malformed"));
    if (canonicalJson(parsed.record()) != canonicalJson(record))
        return invalid(QStringLiteral("concern follow-up: fields that are not part of the format, or not in their canonical form"));
    if (parsed.leaderKey != leaderKey)
        return invalid(QStringLiteral("concern follow-up: signed by a key that is not this review's team leader's"));
    if (!verifyDetached(parsed.signature, parsed.signedBytes(), leaderKey))
        return invalid(QStringLiteral("concern follow-up: the team leader's signature does not hold"));
    return parsed;
}

Result<ConcernFollowUp> recordConcernFollowUp(Vault &vault, const QString &reviewId, const QByteArray &noteHash, const QDateTime &seenAt,
                                              const QString &raisedWith, const QString &decision, const QString &by)
{
    if (by.trimmed().isEmpty())
        return invalid(QStringLiteral("say who records the follow-up"));
    auto keys = SyncStore(vault).reviewKeys(reviewId);
    if (!keys)
        return keys.error();
    if (!*keys)
        return Error{ErrorCode::NotFound, QStringLiteral("this vault does not lead review %1, so it holds no key to sign with").arg(reviewId)};
    auto notes = queryList<QString>(
        vault.database(), "SELECT note FROM collected_notes WHERE review_id = ?1 AND hash = ?2",
        [&](SqlStatement &s) { s.bind(1, reviewId).bindBlob(2, noteHash); }, [](const SqlStatement &row) { return row.text(0); });
    if (!notes)
        return notes.error();
    if (notes->isEmpty())
        return Error{ErrorCode::NotFound, QStringLiteral("the leader collected no note %1 in this review").arg(toHex(noteHash))};
    auto object = parseJsonObject(notes->front().toUtf8());
    if (!object)
        return object.error();
    auto note = signedNoteFromJson(*object);
    if (!note)
        return note.error();
    if (note->content.kind != NoteKind::Concern)
        return invalid(QStringLiteral("note %1 is not a safeguarding concern").arg(toHex(noteHash).left(16)));

    const QDateTime now = vault.clock()().toUTC();
    ConcernFollowUp followUp{reviewId, noteHash, seenAt.isValid() ? seenAt.toUTC() : now, raisedWith.trimmed(), decision.trimmed(),
                             by.trimmed(), now, (*keys)->signingPublic, {}};
    if (followUp.seenAt > now)
        return invalid(QStringLiteral("a concern cannot have been seen in the future"));
    followUp.signature = signDetached(followUp.signedBytes(), (*keys)->signingSecret);

    auto transaction = SqlTransaction::begin(vault.database());
    if (!transaction)
        return transaction.error();
    auto insert = vault.database().prepare("INSERT INTO concern_followups (hash, review_id, note_hash, signed_at, record) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert)
        return insert.error();
    insert->bindBlob(1, followUp.hash()).bind(2, reviewId).bindBlob(3, noteHash).bind(4, canonicalTimestamp(followUp.signedAt))
        .bind(5, QString::fromUtf8(canonicalJson(followUp.toJson())));
    if (auto done = insert->run(); !done)
        return done.error();
    if (auto recorded = recordDeskChange(vault, reviewId, followUp.by, QStringLiteral("concern:") + toHex(noteHash), QStringLiteral("followed up"),
                                         QJsonObject{{QStringLiteral("follow_up"), toHex(followUp.hash())},
                                                     {QStringLiteral("raised_with"), followUp.raisedWith},
                                                     {QStringLiteral("decision"), followUp.decision}});
        !recorded)
        return recorded.error();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return followUp;
}

Result<QList<ConcernFollowUp>> concernFollowUps(Vault &vault, const QString &reviewId, const QByteArray &noteHash)
{
    auto keys = SyncStore(vault).reviewKeys(reviewId);
    if (!keys)
        return keys.error();
    if (!*keys)
        return Error{ErrorCode::NotFound, QStringLiteral("this vault does not lead review %1").arg(reviewId)};
    auto records = queryList<QString>(
        vault.database(),
        "SELECT record FROM concern_followups WHERE review_id = ?1 AND (length(?2) = 0 OR note_hash = ?2) ORDER BY signed_at, rowid",
        [&](SqlStatement &s) { s.bind(1, reviewId).bindBlob(2, noteHash.isNull() ? QByteArray("") : noteHash); },
        [](const SqlStatement &row) { return row.text(0); });
    if (!records)
        return records.error();
    QList<ConcernFollowUp> followUps;
    for (const QString &json : std::as_const(*records)) {
        auto object = parseJsonObject(json.toUtf8());
        if (!object)
            return Error{ErrorCode::VaultDamaged, QStringLiteral("a concern follow-up in the vault is not readable: ") + object.error().message};
        auto followUp = ConcernFollowUp::fromJson(*object, (*keys)->signingPublic);
        if (!followUp)
            return Error{ErrorCode::VaultDamaged, QStringLiteral("a concern follow-up in the vault no longer verifies: ") + followUp.error().message};
        followUps << *followUp;
    }
    return followUps;
}

} // namespace fieldnotes::sync
