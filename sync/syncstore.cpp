#include "syncstore.h"

#include <algorithm>

#include "joinrequest.h"
#include "notestore.h"
#include "noteverifier.h"
#include "signednotejson.h"
#include "sqlitedatabase.h"
#include "syncencoding.h"
#include "vaultschema.h"
#include "vault.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <sodium.h>

namespace fieldnotes::sync {

namespace {
QString nowText()
{
    return canonicalTimestamp(QDateTime::currentDateTimeUtc());
}

template <typename Prepared>
Result<void> runOne(SqliteDatabase &database, const QByteArray &sql, Prepared bind)
{
    auto statement = database.prepare(sql);
    if (!statement)
        return statement.error();
    bind(*statement);
    return statement->run();
}
} // namespace

SyncStore::SyncStore(Vault &vault) : m_vault(vault), m_database(vault.database()) {}

Result<std::optional<Enrolment>> SyncStore::enrolment()
{
    auto rows = queryList<Enrolment>(
        m_database, "SELECT review_id, archive_url, fingerprint, leader_key, leader_box_key, role, state, retention_days FROM enrolment LIMIT 1",
        [](SqlStatement &) {},
        [](const SqlStatement &row) {
            return Enrolment{row.text(0), row.text(1), row.text(2), row.blob(3), row.blob(4), row.text(5), row.text(6),
                             static_cast<int>(row.integer(7))};
        });
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Enrolment>();
    return std::optional<Enrolment>(rows->front());
}

Result<void> SyncStore::saveEnrolment(const Enrolment &enrolment)
{
    auto transaction = SqlTransaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    if (auto cleared = m_database.exec("DELETE FROM enrolment"); !cleared)
        return cleared;
    if (auto saved = runOne(m_database,
                            "INSERT INTO enrolment (review_id, archive_url, fingerprint, leader_key, leader_box_key, role, state) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            [&](SqlStatement &s) {
                                s.bind(1, enrolment.reviewId).bind(2, enrolment.archiveUrl).bind(3, enrolment.fingerprint)
                                    .bindBlob(4, enrolment.leaderKey).bindBlob(5, enrolment.leaderBoxKey).bind(6, enrolment.role)
                                    .bind(7, enrolment.state);
                            });
        !saved)
        return saved;
    return transaction->commit();
}

Result<void> SyncStore::setEnrolmentState(const QString &state)
{
    return runOne(m_database, "UPDATE enrolment SET state = ?1", [&](SqlStatement &s) { s.bind(1, state); });
}

Result<void> SyncStore::setRetentionDays(int days)
{
    return runOne(m_database, "UPDATE enrolment SET retention_days = ?1", [&](SqlStatement &s) { s.bind(1, days); });
}

Result<QList<RosterEntry>> SyncStore::rosterEntries(const QString &reviewId)
{
    return sync::rosterEntries(m_database, reviewId);
}

Result<QList<RosterEntry>> rosterEntries(SqliteDatabase &database, const QString &reviewId)
{
    auto texts = queryList<QByteArray>(
        database, "SELECT entry FROM roster_entries WHERE review_id = ?1 ORDER BY sequence",
        [&](SqlStatement &s) { s.bind(1, reviewId); }, [](const SqlStatement &row) { return row.blob(0); });
    if (!texts)
        return texts.error();
    QList<RosterEntry> entries;
    for (const QByteArray &text : *texts) {
        auto entry = RosterEntry::fromJsonText(text);
        if (!entry)
            return entry.error();
        entries << *entry;
    }
    return entries;
}

Result<void> SyncStore::saveRoster(const QString &reviewId, const QList<RosterEntry> &entries)
{
    auto transaction = SqlTransaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    for (const RosterEntry &entry : entries) {
        if (auto saved = runOne(m_database, "INSERT OR IGNORE INTO roster_entries (review_id, sequence, entry) VALUES (?1, ?2, ?3)",
                                [&](SqlStatement &s) {
                                    s.bind(1, reviewId).bind(2, entry.sequence).bind(3, QString::fromUtf8(canonicalJson(entry.toJson())));
                                });
            !saved)
            return saved;
    }
    return transaction->commit();
}

Result<QList<QByteArray>> SyncStore::leaderBoxKeys(const Enrolment &enrolment)
{
    auto entries = rosterEntries(enrolment.reviewId);
    if (!entries)
        return entries.error();
    if (entries->isEmpty())
        return QList<QByteArray>{enrolment.leaderBoxKey};
    auto roster = Roster::fromEntries(*entries, enrolment.leaderKey);
    if (!roster)
        return roster.error();
    return roster->leaderBoxKeys();
}

Result<int> SyncStore::enqueueSignedNotes(const Enrolment &enrolment)
{
    // Only what is new since the last call is read: this runs after every signing.
    auto newIds = queryList<QString>(
        m_database,
        "SELECT n.id FROM notes n JOIN engagements e ON e.id = n.engagement_id "
        "WHERE n.hash IS NOT NULL AND n.author_key = ?1 AND e.review_id = ?2 "
        "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.note_id = n.id) ORDER BY n.sequence",
        [&](SqlStatement &s) { s.bindBlob(1, m_vault.devicePublicKey()).bind(2, enrolment.reviewId); },
        [](const SqlStatement &row) { return row.text(0); });
    if (!newIds)
        return newIds.error();
    if (newIds->isEmpty())
        return 0;
    auto recipients = leaderBoxKeys(enrolment);
    if (!recipients)
        return recipients.error();
    auto transaction = SqlTransaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    for (const QString &id : *newIds) {
        auto note = m_vault.store().signedNote(id);
        if (!note)
            return note.error();
        // The engagement travels with the first note sealed after it was made or changed, so the
        // leader knows an engagement made or corrected on this tablet without every note
        // carrying it again (on a poor link, every byte of a batch is a chance to lose it).
        auto engagement = m_vault.store().engagement(note->content.engagementId);
        if (!engagement)
            return engagement.error();
        const QString sealedKey = QStringLiteral("sealed-engagement:") + engagement->id;
        const QString fields = toHex(blake2b256(canonicalJson(engagementToJson(*engagement))));
        auto lastSealed = setting(sealedKey);
        if (!lastSealed)
            return lastSealed.error();
        std::optional<EngagementRecord> record;
        if (*lastSealed != fields) {
            record = signEngagementRecord(*engagement, m_vault.identity(), m_vault.clock()());
            if (auto saved = saveSetting(sealedKey, fields); !saved)
                return saved.error();
        }
        // Sealed once and kept: a retry must send the very same bytes, or the archive would see
        // a second, different envelope for the same sequence number.
        auto envelope = sealNote(*note, *recipients, m_vault.identity(), record);
        if (!envelope)
            return envelope.error();
        if (auto queued = runOne(m_database,
                                 "INSERT INTO outbox (note_id, review_id, sequence, urgent, envelope, state, queued_at) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, 'queued', ?6)",
                                 [&](SqlStatement &s) {
                                     s.bind(1, id).bind(2, enrolment.reviewId).bind(3, note->content.sequence)
                                         .bind(4, note->content.kind == NoteKind::Concern)
                                         .bind(5, QString::fromUtf8(canonicalJson(envelope->toJson()))).bind(6, nowText());
                                 });
            !queued)
            return queued.error();
    }
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return static_cast<int>(newIds->size());
}

Result<Envelope> OutboxItem::envelope() const
{
    auto object = parseJsonObject(envelopeJson);
    if (!object)
        return object.error();
    return Envelope::fromJson(*object);
}

Result<QList<OutboxItem>> SyncStore::queued(int limit, const QSet<QString> &except)
{
    QJsonArray skipped;
    for (const QString &id : except)
        skipped << id;
    return queryList<OutboxItem>(
        m_database,
        "SELECT note_id, sequence, urgent, json_extract(envelope, '$.hash'), envelope, state FROM outbox WHERE state = 'queued' "
        "AND note_id NOT IN (SELECT value FROM json_each(?2)) ORDER BY urgent DESC, sequence LIMIT ?1",
        [&](SqlStatement &s) { s.bind(1, limit).bind(2, QString::fromUtf8(QJsonDocument(skipped).toJson(QJsonDocument::Compact))); },
        [](const SqlStatement &row) {
            OutboxItem item;
            item.noteId = row.text(0);
            item.sequence = row.integer(1);
            item.urgent = row.integer(2) != 0;
            item.envelopeHash = QByteArray::fromHex(row.text(3).toLatin1());
            item.envelopeJson = row.text(4).toUtf8();
            item.state = row.text(5);
            return item;
        });
}

Result<void> SyncStore::recordBatch(const Receipt *receipt, const QStringList &delivered, const QList<std::pair<QString, QString>> &failed)
{
    auto transaction = SqlTransaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    qint64 receiptId = 0;
    if (receipt && !delivered.isEmpty()) {
        if (auto kept = runOne(m_database, "INSERT INTO receipts (body) VALUES (?1)",
                               [&](SqlStatement &s) { s.bind(1, QString::fromUtf8(canonicalJson(receipt->toJson()))); });
            !kept)
            return kept;
        receiptId = m_database.lastInsertRowId();
    }
    const QString now = nowText();
    auto deliver = m_database.prepare("UPDATE outbox SET state = 'delivered', receipt_id = ?2, delivered_at = ?3, last_error = '' "
                                      "WHERE note_id = ?1 AND state = 'queued'");
    if (!deliver)
        return deliver.error();
    for (const QString &id : delivered) {
        if (auto done = deliver->bind(1, id).bind(2, receiptId).bind(3, now).run(); !done)
            return done;
        deliver->reset();
    }
    // (No structured bindings below: clang 14, which builds the fuzz targets, cannot capture them.)
    for (const auto &item : failed) {
        if (auto done = runOne(m_database, "UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE note_id = ?1",
                               [&](SqlStatement &s) { s.bind(1, item.first).bind(2, item.second); });
            !done)
            return done;
    }
    return transaction->commit();
}

Result<int> SyncStore::requeueNotHeld(const QString &reviewId, const QList<std::pair<qint64, qint64>> &held)
{
    auto delivered = queryList<std::pair<QString, qint64>>(
        m_database, "SELECT note_id, sequence FROM outbox WHERE review_id = ?1 AND state = 'delivered'",
        [&](SqlStatement &statement) { statement.bind(1, reviewId); },
        [](const SqlStatement &row) { return std::pair{row.text(0), row.integer(1)}; });
    if (!delivered)
        return delivered.error();
    const auto isHeld = [&held](qint64 sequence) {
        const auto range = std::lower_bound(held.cbegin(), held.cend(), sequence,
                                            [](const std::pair<qint64, qint64> &r, qint64 s) { return r.second < s; });
        return range != held.cend() && range->first <= sequence;
    };
    auto transaction = SqlTransaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    int requeued = 0;
    for (const auto &item : std::as_const(*delivered)) {
        if (isHeld(item.second))
            continue;
        if (auto done = runOne(m_database,
                               "UPDATE outbox SET state = 'queued', last_error = 'the archive no longer holds it (restored from a backup?): "
                               "sent again' WHERE note_id = ?1 AND state = 'delivered'",
                               [&](SqlStatement &s) { s.bind(1, item.first); });
            !done)
            return done.error();
        ++requeued;
    }
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return requeued;
}

Result<int> SyncStore::markCollected(const QList<CollectedStatement> &statements, qint64 cursor)
{
    auto transaction = SqlTransaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    const QString now = canonicalTimestamp(m_vault.clock()());
    auto mark = m_database.prepare(
        "UPDATE outbox SET state = 'collected', collected_at = ?3 WHERE sequence = ?1 "
        "AND state IN ('queued', 'delivered') "
        // A cleared note's envelope is '', which json_extract refuses: never ask it.
        "AND CASE WHEN json_valid(envelope) THEN json_extract(envelope, '$.hash') END = ?2 "
        // The leader names the note it found inside: it must be the very note this device signed.
        "AND note_id IN (SELECT id FROM notes WHERE hash = ?4)");
    if (!mark)
        return mark.error();
    int changed = 0;
    for (const CollectedStatement &statement : statements) {
        // Kept as signed: the proof, for as long as the device keeps a removed note's place.
        if (auto kept = runOne(m_database, "INSERT INTO collected_statements (body) VALUES (?1)",
                               [&](SqlStatement &s) { s.bind(1, QString::fromUtf8(canonicalJson(statement.toJson()))); });
            !kept)
            return kept.error();
        for (const EnvelopeRef &envelope : statement.envelopes) {
            // A note still queued counts too: its receipt was lost, but the leader holds it.
            if (auto done = mark->bind(1, envelope.sequence).bind(2, toHex(envelope.hash)).bind(3, now).bindBlob(4, envelope.noteHash).run();
                !done)
                return done.error();
            mark->reset();
            changed += static_cast<int>(m_database.changes());
        }
    }
    if (auto saved = saveSetting(QStringLiteral("collected-cursor"), QString::number(cursor)); !saved)
        return saved.error();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return changed;
}

Result<QSet<QByteArray>> SyncStore::vouchedRemovals()
{
    auto joined = enrolment();
    if (!joined)
        return joined.error();
    QSet<QByteArray> vouched;
    if (!*joined)
        return vouched;
    // The leaders whose word counts are the ones the roster names now: a deputy since revoked
    // vouches for nothing.
    auto entries = rosterEntries((*joined)->reviewId);
    if (!entries)
        return entries.error();
    if (entries->isEmpty())
        return vouched;
    auto roster = Roster::fromEntries(*entries, (*joined)->leaderKey);
    if (!roster)
        return roster.error();
    auto bodies = queryList<QByteArray>(
        m_database, "SELECT body FROM collected_statements ORDER BY id", [](SqlStatement &) {},
        [](const SqlStatement &row) { return row.blob(0); });
    if (!bodies)
        return bodies.error();
    const QByteArray self = m_vault.devicePublicKey();
    for (const QByteArray &body : *bodies) {
        // Checked again each time: a row put here by hand proves nothing without the leader's signature.
        auto object = parseJsonObject(body);
        auto statement = object ? CollectedStatement::fromJson(*object) : Result<CollectedStatement>(object.error());
        if (!statement || statement->reviewId != (*joined)->reviewId || statement->deviceKey != self
            || !roster->signedByALeader(statement->signature, statement->signedBytes()))
            continue;
        for (const EnvelopeRef &envelope : statement->envelopes)
            vouched.insert(removalVouchKey(self, envelope.sequence, envelope.noteHash));
    }
    return vouched;
}

Result<qint64> SyncStore::collectedCursor()
{
    auto text = setting(QStringLiteral("collected-cursor"));
    if (!text)
        return text.error();
    return text->toLongLong();
}

Result<int> SyncStore::removeCollectedContent(int retentionDays)
{
    if (retentionDays < 0)
        return 0;
    const QDateTime now = m_vault.clock()();
    auto transaction = SqlTransaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    const QString cutoff = canonicalTimestamp(now.addDays(-retentionDays));
    if (auto cleared = runOne(m_database,
                              "UPDATE notes SET text = '', canonical = X'', content_removed_at = ?2 WHERE content_removed_at IS NULL "
                              "AND id IN (SELECT note_id FROM outbox WHERE state = 'collected' AND collected_at <= ?1)",
                              [&](SqlStatement &s) { s.bind(1, cutoff).bind(2, canonicalTimestamp(now)); });
        !cleared)
        return cleared.error();
    const int removed = static_cast<int>(m_database.changes());
    if (auto emptied = runOne(m_database,
                              "UPDATE outbox SET envelope = '' WHERE state = 'collected' AND collected_at <= ?1 AND envelope != ''",
                              [&](SqlStatement &s) { s.bind(1, cutoff); });
        !emptied)
        return emptied.error();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return removed;
}

Result<OutboxCounts> SyncStore::outboxCounts()
{
    auto rows = queryList<std::pair<QString, int>>(
        m_database, "SELECT state, count(*) FROM outbox GROUP BY state", [](SqlStatement &) {},
        [](const SqlStatement &row) { return std::pair{row.text(0), static_cast<int>(row.integer(1))}; });
    if (!rows)
        return rows.error();
    OutboxCounts counts;
    for (const auto &[state, count] : *rows) {
        if (state == QLatin1String("queued"))
            counts.queued = count;
        else if (state == QLatin1String("delivered"))
            counts.delivered = count;
        else
            counts.collected = count;
    }
    auto notQueued = m_database.queryInteger(
        "SELECT count(*) FROM notes n WHERE n.signature IS NOT NULL AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.note_id = n.id)");
    if (!notQueued)
        return notQueued.error();
    counts.notQueued = int(*notQueued);
    return counts;
}

Result<QHash<QString, QString>> SyncStore::noteSyncStates()
{
    auto rows = queryList<std::pair<QString, QString>>(
        m_database, "SELECT note_id, state FROM outbox", [](SqlStatement &) {},
        [](const SqlStatement &row) { return std::pair{row.text(0), row.text(1)}; });
    if (!rows)
        return rows.error();
    QHash<QString, QString> states;
    for (const auto &[id, state] : *rows)
        states.insert(id, state);
    return states;
}

Result<void> SyncStore::saveInvite(const QString &reviewId, const QByteArray &token, const QDateTime &expiresAt, bool forDeputy)
{
    return runOne(m_database,
                  "INSERT INTO invites (token_hash, review_id, token, created_at, expires_at, role) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                  [&](SqlStatement &s) {
                      s.bindBlob(1, JoinRequest::tokenIdOf(token)).bind(2, reviewId).bindBlob(3, token).bind(4, nowText())
                          .bind(5, canonicalTimestamp(expiresAt)).bind(6, forDeputy ? RosterEntry::deputyRole : QString());
                  });
}

Result<std::optional<SyncStore::Invite>> SyncStore::invite(const QString &reviewId, const QByteArray &tokenId)
{
    auto rows = queryList<Invite>(
        m_database, "SELECT token, expires_at, used_by, role FROM invites WHERE review_id = ?1 AND token_hash = ?2",
        [&](SqlStatement &s) { s.bind(1, reviewId).bindBlob(2, tokenId); },
        [](const SqlStatement &row) {
            return Invite{row.blob(0), parseCanonicalTimestamp(row.text(1)), row.blob(2), row.text(3) == RosterEntry::deputyRole};
        });
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Invite>();
    return std::optional<Invite>(rows->front());
}

Result<void> SyncStore::markInviteUsed(const QByteArray &tokenId, const QByteArray &deviceKey)
{
    return runOne(m_database, "UPDATE invites SET used_by = ?2 WHERE token_hash = ?1",
                  [&](SqlStatement &s) { s.bindBlob(1, tokenId).bindBlob(2, deviceKey); });
}

Result<void> SyncStore::saveReviewKeys(const ReviewKeys &keys)
{
    return runOne(m_database,
                  "INSERT OR REPLACE INTO review_keys (review_id, signing_public, signing_secret, box_public, box_secret, "
                  "archive_url, fingerprint, archive_key, review_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                  [&](SqlStatement &s) {
                      // A deputy's row keeps no signing secret: its tablet's own key is in the vault already.
                      s.bind(1, keys.reviewId).bindBlob(2, keys.signingPublic)
                          .bindBlob(3, keys.isDeputy() ? QByteArray("")
                                                       : QByteArray::fromRawData(reinterpret_cast<const char *>(keys.signingSecret.data()),
                                                                                 static_cast<qsizetype>(keys.signingSecret.size())))
                          .bindBlob(4, keys.boxPublic)
                          .bindBlob(5, QByteArray::fromRawData(reinterpret_cast<const char *>(keys.boxSecret.data()),
                                                               static_cast<qsizetype>(keys.boxSecret.size())))
                          .bind(6, keys.archiveUrl).bind(7, keys.fingerprint).bindBlob(8, keys.archiveKey.isNull() ? QByteArray("") : keys.archiveKey)
                          .bindBlob(9, keys.isDeputy() ? keys.reviewKey : QByteArray());
                  });
}

Result<QByteArray> SyncStore::deputyBoxKey(const QString &reviewId)
{
    auto existing = queryList<QByteArray>(
        m_database, "SELECT box_public FROM deputy_box_keys WHERE review_id = ?1", [&](SqlStatement &s) { s.bind(1, reviewId); },
        [](const SqlStatement &row) { return row.blob(0); });
    if (!existing)
        return existing.error();
    if (!existing->isEmpty())
        return existing->front();
    QByteArray publicKey(crypto_box_PUBLICKEYBYTES, '\0');
    SecureBytes secretKey(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(reinterpret_cast<unsigned char *>(publicKey.data()), secretKey.data());
    if (auto saved = runOne(m_database, "INSERT INTO deputy_box_keys (review_id, box_public, box_secret) VALUES (?1, ?2, ?3)",
                            [&](SqlStatement &s) {
                                s.bind(1, reviewId).bindBlob(2, publicKey).bindBlob(
                                    3, QByteArray::fromRawData(reinterpret_cast<const char *>(secretKey.data()), qsizetype(secretKey.size())));
                            });
        !saved)
        return saved.error();
    return publicKey;
}

Result<void> SyncStore::saveDeputyKeys(const Enrolment &enrolment, const QByteArray &archiveKey, const QByteArray &boxKey)
{
    auto statement = m_database.prepare("SELECT box_public, box_secret FROM deputy_box_keys WHERE review_id = ?1");
    if (!statement)
        return statement.error();
    statement->bind(1, enrolment.reviewId);
    auto row = statement->next();
    if (!row)
        return row.error();
    if (!*row || statement->blob(0) != boxKey)
        return Error{ErrorCode::NotFound, QStringLiteral("the roster enters this tablet as deputy leader with a box key it does not hold")};
    ReviewKeys keys;
    keys.reviewId = enrolment.reviewId;
    keys.reviewKey = enrolment.leaderKey;
    keys.signingPublic = m_vault.devicePublicKey();
    keys.boxPublic = boxKey;
    QByteArray secret = statement->blob(1);
    keys.boxSecret = SecureBytes::copyOf(secret.constData(), std::size_t(secret.size()));
    sodium_memzero(secret.data(), std::size_t(secret.size()));
    statement->reset();
    keys.archiveUrl = enrolment.archiveUrl;
    keys.fingerprint = enrolment.fingerprint;
    keys.archiveKey = archiveKey;
    // One copy of the box secret: it moves from waiting to the desk's keys.
    auto transaction = SqlTransaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    if (auto saved = saveReviewKeys(keys); !saved)
        return saved;
    if (auto removed = runOne(m_database, "DELETE FROM deputy_box_keys WHERE review_id = ?1", [&](SqlStatement &s) { s.bind(1, keys.reviewId); });
        !removed)
        return removed;
    return transaction->commit();
}

Result<std::optional<ReviewKeys>> SyncStore::reviewKeys(const QString &reviewId)
{
    auto statement = m_database.prepare("SELECT signing_public, signing_secret, box_public, box_secret, archive_url, fingerprint, "
                                        "archive_key, review_key FROM review_keys WHERE review_id = ?1");
    if (!statement)
        return statement.error();
    statement->bind(1, reviewId);
    auto row = statement->next();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<ReviewKeys>();
    ReviewKeys keys;
    keys.reviewId = reviewId;
    keys.signingPublic = statement->blob(0);
    {
        QByteArray secret = statement->blob(1);
        keys.signingSecret = SecureBytes::copyOf(secret.constData(), static_cast<std::size_t>(secret.size()));
        sodium_memzero(secret.data(), static_cast<size_t>(secret.size()));
        QByteArray boxSecret = statement->blob(3);
        keys.boxSecret = SecureBytes::copyOf(boxSecret.constData(), static_cast<std::size_t>(boxSecret.size()));
        sodium_memzero(boxSecret.data(), static_cast<size_t>(boxSecret.size()));
    }
    keys.boxPublic = statement->blob(2);
    keys.archiveUrl = statement->text(4);
    keys.fingerprint = statement->text(5);
    keys.archiveKey = statement->blob(6);
    keys.reviewKey = statement->blob(7);
    statement->reset();
    if (keys.reviewKey.isEmpty()) {
        keys.reviewKey = keys.signingPublic;
    } else {
        // A deputy signs with its tablet's own key, which the vault already keeps: not a second copy.
        const DeviceIdentity &own = m_vault.identity();
        if (own.publicKey != keys.signingPublic)
            return Error{ErrorCode::VaultDamaged, QStringLiteral("the deputy leader keys here belong to another tablet")};
        keys.signingSecret = SecureBytes::copyOf(own.secretKey.data(), own.secretKey.size());
    }
    return std::optional<ReviewKeys>(std::move(keys));
}

Result<int> SyncStore::storeCollected(const QString &reviewId, const QList<std::pair<SignedNote, QString>> &notes)
{
    auto transaction = SqlTransaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    int added = 0;
    for (const auto &item : notes) {
        const SignedNote &note = item.first;
        const QString &verdict = item.second;
        auto done = runOne(m_database,
                           "INSERT OR IGNORE INTO collected_notes (hash, review_id, author_key, sequence, note, verdict, collected_at, "
                           "collection_flags) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CASE ?6 WHEN 'valid' THEN '' ELSE ?6 END)",
                           [&](SqlStatement &s) {
                               s.bindBlob(1, note.hash).bind(2, reviewId).bindBlob(3, note.content.authorKey).bind(4, note.content.sequence)
                                   .bind(5, QString::fromUtf8(canonicalJson(signedNoteToJson(note)))).bind(6, verdict).bind(7, nowText());
                           });
        if (!done)
            return done.error();
        if (m_database.changes() == 0)
            continue;
        ++added;
        if (auto indexed = indexCollectedNote(m_database, reviewId, note); !indexed)
            return indexed.error();
    }
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return added;
}

Result<int> SyncStore::storeEngagementRecords(const QString &reviewId, const QList<EngagementRecord> &records)
{
    auto transaction = SqlTransaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    int added = 0;
    for (const EngagementRecord &record : records) {
        if (record.engagement.reviewId != reviewId)
            return invalid(QStringLiteral("engagement record %1 belongs to another review").arg(record.engagement.id));
        auto done = runOne(m_database,
                           "INSERT OR IGNORE INTO collected_engagements (hash, review_id, engagement_id, device_key, recorded_at, record, "
                           "collected_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                           [&](SqlStatement &s) {
                               s.bindBlob(1, record.hash()).bind(2, reviewId).bind(3, record.engagement.id).bindBlob(4, record.deviceKey)
                                   .bind(5, canonicalTimestamp(record.recordedAt))
                                   .bind(6, QString::fromUtf8(canonicalJson(record.toJson()))).bind(7, nowText());
                           });
        if (!done)
            return done.error();
        added += m_database.changes() > 0 ? 1 : 0;
    }
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return added;
}

Result<void> SyncStore::saveVerdicts(const QString &reviewId, const QHash<QByteArray, QStringList> &problemsByHash)
{
    auto transaction = SqlTransaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    // Every note back to what collection alone found (rows already so are left unwritten), then
    // the verifier's problems added to the few that have any.
    if (auto reset = runOne(m_database,
                            "UPDATE collected_notes SET verdict = CASE collection_flags WHEN '' THEN 'valid' ELSE collection_flags END "
                            "WHERE review_id = ?1 AND verdict IS NOT CASE collection_flags WHEN '' THEN 'valid' ELSE collection_flags END",
                            [&](SqlStatement &s) { s.bind(1, reviewId); });
        !reset)
        return reset;
    for (auto problems = problemsByHash.cbegin(); problems != problemsByHash.cend(); ++problems) {
        auto done = runOne(m_database,
                           "UPDATE collected_notes SET verdict = CASE collection_flags WHEN '' THEN ?2 ELSE collection_flags || '; ' || ?2 END "
                           "WHERE review_id = ?1 AND hash = ?3",
                           [&](SqlStatement &s) { s.bind(1, reviewId).bind(2, problems.value().join(QStringLiteral("; "))).bindBlob(3, problems.key()); });
        if (!done)
            return done;
    }
    return transaction->commit();
}

Result<QList<SignedNote>> SyncStore::collectedNotes(const QString &reviewId)
{
    auto rows = queryList<QString>(
        m_database, "SELECT note FROM collected_notes WHERE review_id = ?1 ORDER BY author_key, sequence",
        [&](SqlStatement &s) { s.bind(1, reviewId); }, [](const SqlStatement &row) { return row.text(0); });
    if (!rows)
        return rows.error();
    QList<SignedNote> notes;
    for (const QString &text : *rows) {
        auto object = parseJsonObject(text.toUtf8());
        if (!object)
            return object.error();
        auto note = signedNoteFromJson(*object);
        if (!note)
            return note.error();
        notes << *note;
    }
    return notes;
}

Result<QList<CollectedNote>> SyncStore::collectedVerdicts(const QString &reviewId)
{
    return queryList<CollectedNote>(
        m_database, "SELECT hash, author_key, sequence, verdict FROM collected_notes WHERE review_id = ?1 ORDER BY author_key, sequence",
        [&](SqlStatement &s) { s.bind(1, reviewId); },
        [](const SqlStatement &row) { return CollectedNote{row.blob(0), row.blob(1), row.integer(2), row.text(3)}; });
}

Result<QString> SyncStore::setting(const QString &key)
{
    auto rows = queryList<QString>(
        m_database, "SELECT value FROM settings WHERE key = ?1", [&](SqlStatement &s) { s.bind(1, key); },
        [](const SqlStatement &row) { return row.text(0); });
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? QString() : rows->front();
}

Result<void> SyncStore::saveSetting(const QString &key, const QString &value)
{
    return runOne(m_database, "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
                  [&](SqlStatement &s) { s.bind(1, key).bind(2, value); });
}

} // namespace fieldnotes::sync
