#include "archivestore.h"

#include "requestsignature.h"
#include "storebackup.h"
#include "signednote.h"
#include "sqlitedatabase.h"
#include "syncencoding.h"
#include "vaultkeyfile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <sodium.h>

namespace fieldnotes::sync {

namespace {
const char *const archiveSchema = R"sql(
CREATE TABLE IF NOT EXISTS reviews (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS roster_entries (
    review_id TEXT NOT NULL REFERENCES reviews(id),
    sequence INTEGER NOT NULL,
    entry TEXT NOT NULL,
    PRIMARY KEY (review_id, sequence)
);
CREATE TABLE IF NOT EXISTS invites (
    review_id TEXT NOT NULL REFERENCES reviews(id),
    token_hash BLOB PRIMARY KEY,
    expires_at TEXT NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS joins (
    review_id TEXT NOT NULL REFERENCES reviews(id),
    device_key BLOB NOT NULL,
    role TEXT NOT NULL,
    label TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    PRIMARY KEY (review_id, device_key)
);
CREATE TABLE IF NOT EXISTS setups (
    review_id TEXT PRIMARY KEY REFERENCES reviews(id),
    body BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS envelopes (
    cursor INTEGER PRIMARY KEY AUTOINCREMENT,
    review_id TEXT NOT NULL REFERENCES reviews(id),
    device_key BLOB NOT NULL,
    sequence INTEGER NOT NULL,
    hash BLOB NOT NULL,
    sealed BLOB NOT NULL,
    signature BLOB NOT NULL,
    stored_at TEXT NOT NULL,
    collected INTEGER NOT NULL DEFAULT 0,
    UNIQUE (review_id, device_key, sequence)
);
CREATE INDEX IF NOT EXISTS envelopes_by_hash ON envelopes(review_id, hash);
CREATE TABLE IF NOT EXISTS conflicts (
    id INTEGER PRIMARY KEY,
    review_id TEXT NOT NULL,
    device_key BLOB NOT NULL,
    sequence INTEGER NOT NULL,
    hash BLOB NOT NULL,
    sealed BLOB NOT NULL,
    signature BLOB NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (review_id, hash)
);
CREATE TABLE IF NOT EXISTS nonces (
    key BLOB NOT NULL,
    nonce BLOB NOT NULL,
    seen_at INTEGER NOT NULL,
    PRIMARY KEY (key, nonce)
);
CREATE INDEX IF NOT EXISTS nonces_by_age ON nonces(seen_at);
CREATE TABLE IF NOT EXISTS collected_statements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    review_id TEXT NOT NULL REFERENCES reviews(id),
    device_key BLOB NOT NULL,
    body BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS statements_by_device ON collected_statements(review_id, device_key, id);
PRAGMA user_version = 1;
)sql";

// Version 2 (protocol v2): a join names its invitation by a hash of the token and carries the
// device's MAC for the leader to check; the archive never sees the token itself.
const char *const archiveSchemaVersion2 = R"sql(
DELETE FROM joins;
ALTER TABLE joins ADD COLUMN token_hash BLOB NOT NULL DEFAULT X'';
ALTER TABLE joins ADD COLUMN mac BLOB NOT NULL DEFAULT X'';
PRAGMA user_version = 2;
)sql";

// Version 3: reviews are created only with a one-time code the archive's operator issued, and
// each review's sealed envelopes stay under a storage quota.
const char *const archiveSchemaVersion3 = R"sql(
CREATE TABLE review_codes (
    code_hash BLOB PRIMARY KEY,
    expires_at TEXT NOT NULL,
    used_by TEXT
);
ALTER TABLE reviews ADD COLUMN stored_bytes INTEGER NOT NULL DEFAULT 0;
UPDATE reviews SET stored_bytes = (SELECT coalesce(sum(length(sealed)), 0) FROM envelopes WHERE envelopes.review_id = reviews.id);
PRAGMA user_version = 3;
)sql";

// Version 4: archive retention. The team leader's signed statements that notes are in an
// evidence bundle, and from when the envelopes that carried them may go; an envelope removed
// keeps its row (device, sequence, hash) with its sealed bytes gone, so the same envelope sent
// again is still AlreadyStored and a different one still a Conflict.
const char *const archiveSchemaVersion4 = R"sql(
CREATE TABLE archived_statements (
    id INTEGER PRIMARY KEY,
    review_id TEXT NOT NULL REFERENCES reviews(id),
    device_key BLOB NOT NULL,
    body BLOB NOT NULL,
    remove_after TEXT NOT NULL,
    applied_at TEXT
);
CREATE INDEX archived_by_time ON archived_statements(applied_at, remove_after);
ALTER TABLE envelopes ADD COLUMN removed_at TEXT;
PRAGMA user_version = 4;
)sql";

// Version 5: a deputy leader's join carries the box key notes will be sealed to, for the leader
// to enter in the roster.
const char *const archiveSchemaVersion5 = R"sql(
ALTER TABLE joins ADD COLUMN box_key BLOB NOT NULL DEFAULT X'';
PRAGMA user_version = 5;
)sql";

Envelope envelopeFrom(const SqlStatement &row, int first)
{
    Envelope envelope;
    envelope.reviewId = row.text(first);
    envelope.deviceKey = row.blob(first + 1);
    envelope.sequence = row.integer(first + 2);
    envelope.hash = row.blob(first + 3);
    envelope.sealed = row.blob(first + 4);
    envelope.signature = row.blob(first + 5);
    return envelope;
}

Error notFound(const QString &reviewId)
{
    return Error{ErrorCode::NotFound, QStringLiteral("no review %1 on this archive").arg(reviewId)};
}
} // namespace

ArchiveStore::ArchiveStore(Clock clock) : m_clock(std::move(clock)) {}
ArchiveStore::~ArchiveStore() = default;

QString ArchiveStore::keyFilePath(const QString &directory)
{
    return directory + QStringLiteral("/archive.key");
}

QString ArchiveStore::databasePath(const QString &directory)
{
    return directory + QStringLiteral("/archive.db");
}

Result<std::unique_ptr<ArchiveStore>> ArchiveStore::open(const QString &directory, const SecureBytes &passphrase,
                                                         const KdfParameters &kdfForNewArchive, Clock clock)
{
    if (passphrase.isEmpty())
        return invalid(QStringLiteral("the archive passphrase must not be empty"));
    std::unique_ptr<ArchiveStore> store(new ArchiveStore(std::move(clock)));
    SecureBytes databaseKey;
    auto mode = SqliteDatabase::OpenMode::OpenExisting;
    if (!QFile::exists(keyFilePath(directory))) {
        if (QFile::exists(databasePath(directory)))
            return Error{ErrorCode::VaultDamaged,
                         QStringLiteral("%1 holds archive.db without archive.key; refusing to start").arg(directory)};
        if (!QDir().mkpath(directory) || !QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            return Error{ErrorCode::Io, QStringLiteral("cannot create the archive directory %1").arg(directory)};
        auto secrets = VaultSecrets::generate(&store->m_identity.publicKey);
        if (!secrets)
            return secrets.error();
        auto keyFile = VaultKeyFile::wrap(*secrets, store->m_identity.publicKey, passphrase, kdfForNewArchive);
        if (!keyFile)
            return keyFile.error();
        if (auto written = keyFile->writeDurably(keyFilePath(directory)); !written)
            return written.error();
        databaseKey = std::move(secrets->databaseKey);
        store->m_identity.secretKey = std::move(secrets->signingSecretKey);
        mode = SqliteDatabase::OpenMode::CreateNew;
    } else {
        auto keyFile = VaultKeyFile::read(keyFilePath(directory));
        if (!keyFile)
            return keyFile.error();
        auto secrets = keyFile->unwrap(passphrase);
        if (!secrets)
            return secrets.error();
        store->m_identity.publicKey = keyFile->devicePublicKey;
        databaseKey = std::move(secrets->databaseKey);
        store->m_identity.secretKey = std::move(secrets->signingSecretKey);
        if (!QFile::exists(databasePath(directory)))
            mode = SqliteDatabase::OpenMode::CreateNew;
    }
    auto database = SqliteDatabase::openEncrypted(databasePath(directory), databaseKey, mode);
    if (!database)
        return database.error();
    store->m_database = std::move(*database);
    if (auto migrated = store->migrate(); !migrated)
        return migrated.error();
    return store;
}

Result<void> ArchiveStore::migrate()
{
    auto version = m_database->queryInteger("PRAGMA user_version");
    if (!version)
        return version.error();
    if (*version > 5)
        return Error{ErrorCode::VaultTooNew, QStringLiteral("archive.db was written by a newer fieldnotes-archive")};
    // Each step in its own transaction; joins waiting under version 1 carry no MAC a leader could
    // check, so their devices join again.
    const char *const steps[] = {archiveSchema, archiveSchemaVersion2, archiveSchemaVersion3, archiveSchemaVersion4, archiveSchemaVersion5};
    for (qint64 target = 1; target <= 5; ++target) {
        const char *step = steps[target - 1];
        auto current = m_database->queryInteger("PRAGMA user_version");
        if (!current)
            return current.error();
        if (*current >= target)
            continue;
        auto transaction = SqlTransaction::begin(*m_database);
        if (!transaction)
            return transaction.error();
        if (auto applied = m_database->exec(step); !applied)
            return applied.error();
        if (auto committed = transaction->commit(); !committed)
            return committed;
    }
    return {};
}

QString ArchiveStore::issueReviewCode(int validHours)
{
    QByteArray code(16, '\0');
    randombytes_buf(code.data(), std::size_t(code.size()));
    const QString text = QStringLiteral("fnr1-") + QString::fromLatin1(code.toHex());
    auto insert = m_database->prepare("INSERT INTO review_codes (code_hash, expires_at) VALUES (?1, ?2)");
    if (!insert || !insert->bindBlob(1, blake2b256(text.toUtf8())).bind(2, canonicalTimestamp(m_clock().addSecs(qint64(validHours) * 3600))).run())
        return {};
    return text;
}

Result<bool> ArchiveStore::reviewCodeOpen(const QString &code)
{
    auto rows = queryList<qint64>(
        *m_database, "SELECT 1 FROM review_codes WHERE code_hash = ?1 AND used_by IS NULL AND expires_at > ?2",
        [&](SqlStatement &statement) { statement.bindBlob(1, blake2b256(code.toUtf8())).bind(2, canonicalTimestamp(m_clock())); },
        [](const SqlStatement &row) { return row.integer(0); });
    if (!rows)
        return rows.error();
    return !rows->isEmpty();
}

Result<void> ArchiveStore::createReview(const RosterEntry &genesis, const QString &creationCode)
{
    auto roster = Roster::fromEntries({genesis}, {});
    if (!roster)
        return roster.error();
    auto transaction = SqlTransaction::begin(*m_database);
    if (!transaction)
        return transaction.error();
    auto exists = m_database->prepare("SELECT 1 FROM reviews WHERE id = ?1");
    if (!exists)
        return exists.error();
    exists->bind(1, genesis.reviewId);
    auto found = exists->next();
    if (!found)
        return found.error();
    if (*found)
        return Error{ErrorCode::VaultExists, QStringLiteral("review %1 already exists on this archive").arg(genesis.reviewId)};
    auto useCode = m_database->prepare(
        "UPDATE review_codes SET used_by = ?3 WHERE code_hash = ?1 AND used_by IS NULL AND expires_at > ?2");
    if (!useCode)
        return useCode.error();
    if (auto done = useCode->bindBlob(1, blake2b256(creationCode.toUtf8())).bind(2, canonicalTimestamp(m_clock())).bind(3, genesis.reviewId).run();
        !done)
        return done;
    if (m_database->changes() != 1)
        return Error{ErrorCode::NotFound, QStringLiteral("the review-creation code is unknown, used or expired")};
    auto insertReview = m_database->prepare("INSERT INTO reviews (id, created_at) VALUES (?1, ?2)");
    if (!insertReview)
        return insertReview.error();
    if (auto done = insertReview->bind(1, genesis.reviewId).bind(2, canonicalTimestamp(m_clock())).run(); !done)
        return done.error();
    auto insertEntry = m_database->prepare("INSERT INTO roster_entries (review_id, sequence, entry) VALUES (?1, 1, ?2)");
    if (!insertEntry)
        return insertEntry.error();
    if (auto done = insertEntry->bind(1, genesis.reviewId).bind(2, QString::fromUtf8(canonicalJson(genesis.toJson()))).run(); !done)
        return done.error();
    if (auto committed = transaction->commit(); !committed)
        return committed;
    m_rosters.insert(genesis.reviewId, *roster);
    return {};
}

Result<Roster> ArchiveStore::roster(const QString &reviewId)
{
    if (auto cached = m_rosters.constFind(reviewId); cached != m_rosters.constEnd())
        return *cached;
    auto texts = queryList<QByteArray>(
        *m_database, "SELECT entry FROM roster_entries WHERE review_id = ?1 ORDER BY sequence",
        [&](SqlStatement &statement) { statement.bind(1, reviewId); }, [](const SqlStatement &row) { return row.blob(0); });
    if (!texts)
        return texts.error();
    if (texts->isEmpty())
        return notFound(reviewId);
    QList<RosterEntry> parsed;
    for (const QByteArray &text : *texts) {
        auto entry = RosterEntry::fromJsonText(text);
        if (!entry)
            return entry.error();
        parsed << *entry;
    }
    auto roster = Roster::fromEntries(parsed, {});
    if (!roster)
        return roster.error();
    m_rosters.insert(reviewId, *roster);
    return roster;
}

Result<void> ArchiveStore::appendRoster(const QString &reviewId, const RosterEntry &entry)
{
    auto current = roster(reviewId);
    if (!current)
        return current.error();
    Roster next = *current;
    if (auto appended = next.append(entry); !appended)
        return appended;
    auto transaction = SqlTransaction::begin(*m_database);
    if (!transaction)
        return transaction.error();
    auto insert = m_database->prepare("INSERT INTO roster_entries (review_id, sequence, entry) VALUES (?1, ?2, ?3)");
    if (!insert)
        return insert.error();
    if (auto done = insert->bind(1, reviewId).bind(2, entry.sequence).bind(3, QString::fromUtf8(canonicalJson(entry.toJson()))).run(); !done)
        return done;
    if (entry.type == RosterEntry::Type::Member) {
        auto approved = m_database->prepare("DELETE FROM joins WHERE review_id = ?1 AND device_key = ?2");
        if (!approved)
            return approved.error();
        if (auto done = approved->bind(1, reviewId).bindBlob(2, entry.deviceKey).run(); !done)
            return done;
    }
    if (auto committed = transaction->commit(); !committed)
        return committed;
    m_rosters.insert(reviewId, next);
    return {};
}

Result<void> ArchiveStore::addInvite(const QString &reviewId, const QByteArray &tokenHash, const QDateTime &expiresAt)
{
    if (auto known = roster(reviewId); !known)
        return known.error();
    auto insert = m_database->prepare("INSERT INTO invites (review_id, token_hash, expires_at) VALUES (?1, ?2, ?3)");
    if (!insert)
        return insert.error();
    return insert->bind(1, reviewId).bindBlob(2, tokenHash).bind(3, canonicalTimestamp(expiresAt)).run();
}

Result<bool> ArchiveStore::inviteOpen(const QString &reviewId, const QByteArray &tokenId)
{
    auto rows = queryList<qint64>(
        *m_database, "SELECT 1 FROM invites WHERE review_id = ?1 AND token_hash = ?2 AND used = 0 AND expires_at > ?3",
        [&](SqlStatement &statement) { statement.bind(1, reviewId).bindBlob(2, tokenId).bind(3, canonicalTimestamp(m_clock())); },
        [](const SqlStatement &row) { return row.integer(0); });
    if (!rows)
        return rows.error();
    return !rows->isEmpty();
}

Result<void> ArchiveStore::redeemInvite(const QString &reviewId, const JoinRequest &request)
{
    auto transaction = SqlTransaction::begin(*m_database);
    if (!transaction)
        return transaction.error();
    auto use = m_database->prepare(
        "UPDATE invites SET used = 1 WHERE review_id = ?1 AND token_hash = ?2 AND used = 0 AND expires_at > ?3");
    if (!use)
        return use.error();
    if (auto done = use->bind(1, reviewId).bindBlob(2, request.tokenId).bind(3, canonicalTimestamp(m_clock())).run(); !done)
        return done;
    if (m_database->changes() != 1)
        return Error{ErrorCode::NotFound, QStringLiteral("the enrolment code is unknown, used or expired")};
    auto insert = m_database->prepare(
        "INSERT OR REPLACE INTO joins (review_id, device_key, role, label, requested_at, token_hash, mac, box_key) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!insert)
        return insert.error();
    if (auto done = insert->bind(1, reviewId).bindBlob(2, request.deviceKey).bind(3, request.role).bind(4, request.label)
                        .bind(5, canonicalTimestamp(m_clock())).bindBlob(6, request.tokenId).bindBlob(7, request.mac)
                        .bindBlob(8, request.boxKey).run();
        !done)
        return done;
    return transaction->commit();
}

Result<QList<JoinRequest>> ArchiveStore::pendingJoins(const QString &reviewId)
{
    return queryList<JoinRequest>(
        *m_database, "SELECT device_key, role, label, requested_at, token_hash, mac, box_key FROM joins WHERE review_id = ?1 ORDER BY requested_at",
        [&](SqlStatement &statement) { statement.bind(1, reviewId); },
        [](const SqlStatement &row) { return JoinRequest{row.blob(0), row.text(1), row.text(2), row.text(3), row.blob(4), row.blob(5), row.blob(6), {}}; });
}

Result<void> ArchiveStore::putSetup(const QString &reviewId, const QByteArray &signedSetup)
{
    auto insert = m_database->prepare("INSERT OR REPLACE INTO setups (review_id, body) VALUES (?1, ?2)");
    if (!insert)
        return insert.error();
    return insert->bind(1, reviewId).bindBlob(2, signedSetup).run();
}

Result<QByteArray> ArchiveStore::setup(const QString &reviewId)
{
    auto rows = queryList<QByteArray>(
        *m_database, "SELECT body FROM setups WHERE review_id = ?1", [&](SqlStatement &statement) { statement.bind(1, reviewId); },
        [](const SqlStatement &row) { return row.blob(0); });
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error{ErrorCode::NotFound, QStringLiteral("the team leader has not published the review set-up yet")};
    return rows->front();
}

Result<QList<StoreResult>> ArchiveStore::storeEnvelopes(const QList<Envelope> &envelopes)
{
    // One durable commit for the whole batch: the answer (and every receipt in it) goes out only
    // after it, and a crash before it leaves none of the batch stored.
    auto transaction = SqlTransaction::begin(*m_database);
    if (!transaction)
        return transaction.error();
    QList<StoreResult> results;
    QHash<QString, qint64> added;
    for (const Envelope &envelope : envelopes) {
        auto result = storeInsideTransaction(envelope);
        if (!result)
            return result.error();
        if (result->outcome != StoreOutcome::AlreadyStored)
            added[envelope.reviewId] += envelope.sealed.size();
        results << *result;
    }
    for (auto review = added.cbegin(); review != added.cend(); ++review) {
        auto grow = m_database->prepare("UPDATE reviews SET stored_bytes = stored_bytes + ?2 WHERE id = ?1 AND stored_bytes + ?2 <= ?3");
        if (!grow)
            return grow.error();
        if (auto done = grow->bind(1, review.key()).bind(2, review.value()).bind(3, m_reviewQuotaBytes).run(); !done)
            return done.error();
        if (m_database->changes() != 1) // the whole batch is rolled back
            return Error{ErrorCode::StorageFull, QStringLiteral("this review has reached its storage quota on the archive (%1 MiB); "
                                                                "ask the archive's operator")
                                                     .arg(m_reviewQuotaBytes >> 20)};
    }
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return results;
}

Result<StoreResult> ArchiveStore::storeInsideTransaction(const Envelope &envelope)
{
    auto existing = m_database->prepare(
        "SELECT hash, stored_at FROM envelopes WHERE review_id = ?1 AND device_key = ?2 AND sequence = ?3");
    if (!existing)
        return existing.error();
    existing->bind(1, envelope.reviewId).bindBlob(2, envelope.deviceKey).bind(3, envelope.sequence);
    auto found = existing->next();
    if (!found)
        return found.error();
    if (*found) {
        const QByteArray hash = existing->blob(0);
        const QDateTime storedAt = parseCanonicalTimestamp(existing->text(1));
        existing->reset();
        if (hash == envelope.hash)
            return StoreResult{StoreOutcome::AlreadyStored, storedAt};
        auto conflict = m_database->prepare(
            "INSERT OR IGNORE INTO conflicts (review_id, device_key, sequence, hash, sealed, signature, received_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        if (!conflict)
            return conflict.error();
        if (auto done = conflict->bind(1, envelope.reviewId).bindBlob(2, envelope.deviceKey).bind(3, envelope.sequence)
                            .bindBlob(4, envelope.hash).bindBlob(5, envelope.sealed).bindBlob(6, envelope.signature)
                            .bind(7, canonicalTimestamp(m_clock())).run();
            !done)
            return done.error();
        return StoreResult{StoreOutcome::Conflict, storedAt};
    }
    existing->reset();
    const QDateTime storedAt = m_clock();
    auto insert = m_database->prepare(
        "INSERT INTO envelopes (review_id, device_key, sequence, hash, sealed, signature, stored_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!insert)
        return insert.error();
    if (auto done = insert->bind(1, envelope.reviewId).bindBlob(2, envelope.deviceKey).bind(3, envelope.sequence)
                        .bindBlob(4, envelope.hash).bindBlob(5, envelope.sealed).bindBlob(6, envelope.signature)
                        .bind(7, canonicalTimestamp(storedAt)).run();
        !done)
        return done.error();
    return StoreResult{StoreOutcome::Stored, storedAt};
}

Result<QList<StoredEnvelope>> ArchiveStore::envelopesAfter(const QString &reviewId, qint64 cursor, int limit)
{
    return queryList<StoredEnvelope>(
        *m_database,
        "SELECT cursor, review_id, device_key, sequence, hash, sealed, signature, stored_at FROM envelopes "
        "WHERE review_id = ?1 AND cursor > ?2 AND removed_at IS NULL ORDER BY cursor LIMIT ?3",
        [&](SqlStatement &statement) { statement.bind(1, reviewId).bind(2, cursor).bind(3, limit); },
        [](const SqlStatement &row) {
            return StoredEnvelope{row.integer(0), envelopeFrom(row, 1), parseCanonicalTimestamp(row.text(7))};
        });
}

Result<void> ArchiveStore::storeCollected(const QString &reviewId, const QList<CollectedStatement> &statements)
{
    auto transaction = SqlTransaction::begin(*m_database);
    if (!transaction)
        return transaction.error();
    auto keep = m_database->prepare("INSERT INTO collected_statements (review_id, device_key, body) VALUES (?1, ?2, ?3)");
    auto mark = m_database->prepare(
        "UPDATE envelopes SET collected = 1 WHERE review_id = ?1 AND device_key = ?2 AND sequence = ?3 AND hash = ?4");
    if (!keep)
        return keep.error();
    if (!mark)
        return mark.error();
    for (const CollectedStatement &statement : statements) {
        if (auto done = keep->bind(1, reviewId).bindBlob(2, statement.deviceKey).bindBlob(3, canonicalJson(statement.toJson())).run(); !done)
            return done;
        keep->reset();
        for (const EnvelopeRef &envelope : statement.envelopes) {
            if (auto done = mark->bind(1, reviewId).bindBlob(2, statement.deviceKey).bind(3, envelope.sequence).bindBlob(4, envelope.hash).run();
                !done)
                return done;
            mark->reset();
        }
    }
    return transaction->commit();
}

Result<void> ArchiveStore::storeArchived(const QString &reviewId, const QList<ArchivedStatement> &statements)
{
    auto transaction = SqlTransaction::begin(*m_database);
    if (!transaction)
        return transaction.error();
    auto keep = m_database->prepare("INSERT INTO archived_statements (review_id, device_key, body, remove_after) VALUES (?1, ?2, ?3, ?4)");
    if (!keep)
        return keep.error();
    for (const ArchivedStatement &statement : statements) {
        keep->reset();
        if (auto done = keep->bind(1, reviewId).bindBlob(2, statement.deviceKey).bindBlob(3, canonicalJson(statement.toJson()))
                            .bind(4, canonicalTimestamp(statement.at))
                            .run();
            !done)
            return done;
    }
    return transaction->commit();
}

Result<int> ArchiveStore::removeArchivedEnvelopes()
{
    const QString now = canonicalTimestamp(m_clock().toUTC());
    auto due = queryList<std::pair<qint64, QByteArray>>(
        *m_database, "SELECT id, body FROM archived_statements WHERE applied_at IS NULL AND remove_after <= ?1 ORDER BY id",
        [&](SqlStatement &statement) { statement.bind(1, now); },
        [](const SqlStatement &row) { return std::pair{row.integer(0), row.blob(1)}; });
    if (!due)
        return due.error();
    int removed = 0;
    for (const auto &[id, body] : std::as_const(*due)) {
        auto object = parseJsonObject(body);
        if (!object)
            return object.error();
        auto statement = ArchivedStatement::fromJson(*object);
        if (!statement)
            return statement.error();
        auto transaction = SqlTransaction::begin(*m_database);
        if (!transaction)
            return transaction.error();
        // Only what this archive stored and the leader collected, exactly as named.
        auto remove = m_database->prepare(
            "UPDATE envelopes SET sealed = X'', removed_at = ?5 "
            "WHERE review_id = ?1 AND device_key = ?2 AND sequence = ?3 AND hash = ?4 AND collected = 1 AND removed_at IS NULL");
        auto bytes = m_database->prepare("SELECT length(sealed) FROM envelopes WHERE review_id = ?1 AND device_key = ?2 AND sequence = ?3 "
                                         "AND hash = ?4 AND collected = 1 AND removed_at IS NULL");
        auto quota = m_database->prepare("UPDATE reviews SET stored_bytes = max(0, stored_bytes - ?2) WHERE id = ?1");
        if (!remove)
            return remove.error();
        if (!bytes)
            return bytes.error();
        if (!quota)
            return quota.error();
        for (const EnvelopeRef &envelope : statement->envelopes) {
            bytes->reset();
            bytes->bind(1, statement->reviewId).bindBlob(2, statement->deviceKey).bind(3, envelope.sequence).bindBlob(4, envelope.hash);
            auto found = bytes->next();
            if (!found)
                return found.error();
            if (!*found)
                continue;
            const qint64 size = bytes->integer(0);
            bytes->reset();
            remove->reset();
            if (auto done = remove->bind(1, statement->reviewId).bindBlob(2, statement->deviceKey).bind(3, envelope.sequence)
                                .bindBlob(4, envelope.hash).bind(5, now).run();
                !done)
                return done.error();
            quota->reset();
            if (auto done = quota->bind(1, statement->reviewId).bind(2, size).run(); !done)
                return done.error();
            ++removed;
        }
        auto applied = m_database->prepare("UPDATE archived_statements SET applied_at = ?2 WHERE id = ?1");
        if (!applied)
            return applied.error();
        if (auto done = applied->bind(1, id).bind(2, now).run(); !done)
            return done.error();
        if (auto committed = transaction->commit(); !committed)
            return committed.error();
    }
    return removed;
}

Result<qint64> ArchiveStore::removedEnvelopeCount(const QString &reviewId)
{
    auto count = m_database->prepare("SELECT count(*) FROM envelopes WHERE review_id = ?1 AND removed_at IS NOT NULL");
    if (!count)
        return count.error();
    count->bind(1, reviewId);
    auto row = count->next();
    if (!row)
        return row.error();
    return count->integer(0);
}

Result<QList<std::pair<qint64, QByteArray>>> ArchiveStore::collectedStatements(const QString &reviewId, const QByteArray &deviceKey,
                                                                               qint64 after, int limit)
{
    return queryList<std::pair<qint64, QByteArray>>(
        *m_database,
        "SELECT id, body FROM collected_statements WHERE review_id = ?1 AND device_key = ?2 AND id > ?3 ORDER BY id LIMIT ?4",
        [&](SqlStatement &statement) { statement.bind(1, reviewId).bindBlob(2, deviceKey).bind(3, after).bind(4, limit); },
        [](const SqlStatement &row) { return std::pair{row.integer(0), row.blob(1)}; });
}

Result<QList<Envelope>> ArchiveStore::conflicts(const QString &reviewId)
{
    return queryList<Envelope>(
        *m_database,
        "SELECT review_id, device_key, sequence, hash, sealed, signature FROM conflicts WHERE review_id = ?1 ORDER BY id",
        [&](SqlStatement &statement) { statement.bind(1, reviewId); },
        [](const SqlStatement &row) { return envelopeFrom(row, 0); });
}

Result<qint64> ArchiveStore::envelopeCount()
{
    return m_database->queryInteger("SELECT count(*) FROM envelopes");
}

Result<qint64> ArchiveStore::nonceCount()
{
    return m_database->queryInteger("SELECT count(*) FROM nonces");
}

Result<bool> ArchiveStore::acceptNonce(const QByteArray &key, const QByteArray &nonce)
{
    const qint64 now = m_clock().toSecsSinceEpoch();
    auto prune = m_database->prepare("DELETE FROM nonces WHERE seen_at < ?1");
    if (!prune)
        return prune.error();
    if (auto done = prune->bind(1, now - 2 * RequestSignature::allowedClockSkewSeconds).run(); !done)
        return done.error();
    auto insert = m_database->prepare("INSERT OR IGNORE INTO nonces (key, nonce, seen_at) VALUES (?1, ?2, ?3)");
    if (!insert)
        return insert.error();
    if (auto done = insert->bindBlob(1, key).bindBlob(2, nonce).bind(3, now).run(); !done)
        return done.error();
    return m_database->changes() == 1;
}

Result<QList<std::pair<qint64, qint64>>> ArchiveStore::heldSequences(const QString &reviewId, const QByteArray &deviceKey)
{
    // Consecutive sequence numbers share (sequence - row number): one group per unbroken run.
    return queryList<std::pair<qint64, qint64>>(
        *m_database,
        "SELECT min(sequence), max(sequence) FROM (SELECT sequence, sequence - row_number() OVER (ORDER BY sequence) AS run "
        "FROM envelopes WHERE review_id = ?1 AND device_key = ?2) GROUP BY run ORDER BY 1",
        [&](SqlStatement &statement) { statement.bind(1, reviewId).bindBlob(2, deviceKey); },
        [](const SqlStatement &row) { return std::pair{row.integer(0), row.integer(1)}; });
}

Result<void> ArchiveStore::backUp(const QString &output, const QString &directory, const QMap<QString, QByteArray> &keptFiles)
{
    auto written = writeStoreBackup(output, archiveStoreFiles(), keyFilePath(directory), *m_database, keptFiles);
    if (!written)
        return written.error();
    return {};
}

Result<QMap<QString, QByteArray>> ArchiveStore::completeRestore()
{
    auto kept = m_database->takeKeptFiles();
    if (!kept)
        return kept.error();
    // 2^32 more than the copy's last cursor: more envelopes than the lost archive could have
    // taken after the backup (its quota alone allows far fewer).
    auto transaction = SqlTransaction::begin(*m_database);
    if (!transaction)
        return transaction.error();
    for (const char *table : {"envelopes", "collected_statements"}) {
        auto moved = m_database->prepare("INSERT INTO sqlite_sequence (name, seq) SELECT ?1, 0 WHERE NOT EXISTS "
                                         "(SELECT 1 FROM sqlite_sequence WHERE name = ?1)");
        if (!moved || !moved->bind(1, QString::fromLatin1(table)).run())
            return Error{ErrorCode::Io, QStringLiteral("cannot move the restored archive's cursors on")};
        auto bumped = m_database->prepare("UPDATE sqlite_sequence SET seq = seq + 4294967296 WHERE name = ?1");
        if (!bumped || !bumped->bind(1, QString::fromLatin1(table)).run())
            return Error{ErrorCode::Io, QStringLiteral("cannot move the restored archive's cursors on")};
    }
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    if (auto wal = m_database->exec("PRAGMA journal_mode = WAL"); !wal)
        return wal.error();
    auto problems = m_database->integrityProblems();
    if (!problems)
        return problems.error();
    if (!problems->isEmpty())
        return Error{ErrorCode::VaultDamaged, QStringLiteral("the restored archive fails its integrity check: %1").arg(problems->join(QStringLiteral("; ")))};
    return *kept;
}

} // namespace fieldnotes::sync
