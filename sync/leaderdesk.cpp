#include "leaderdesk.h"

#include "archiveclient.h"
#include "deskengagements.h"
#include "deskreview.h"
#include "joinrequest.h"
#include "noteverifier.h"
#include "reviewsetup.h"
#include "signedenvelopelist.h"
#include "sqlitedatabase.h"
#include "signednote.h"
#include "syncencoding.h"
#include "vault.h"

#include <QJsonArray>
#include <QMap>
#include <QUrl>

#include <sodium.h>

namespace fieldnotes::sync {

namespace {
// The archive's roster is a beginning of the one the leader holds, entry for entry.
bool restoresRoster(const Roster &archive, const QList<RosterEntry> &held)
{
    const QList<RosterEntry> &entries = archive.entries();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries[i].hash() != held[i].hash())
            return false;
    }
    return true;
}

Result<ReviewKeys> requireKeys(SyncStore &store, const QString &reviewId)
{
    auto keys = store.reviewKeys(reviewId);
    if (!keys)
        return keys.error();
    if (!*keys)
        return Error{ErrorCode::NotFound, QStringLiteral("this vault does not lead review %1 (run `leader create-review` first)").arg(reviewId)};
    return std::move(**keys);
}

// The leader's settings per review, in the vault's settings table.
QString setupVersionKey(const QString &reviewId)
{
    return QStringLiteral("setup-version:") + reviewId;
}

QString retentionKey(const QString &reviewId)
{
    return QStringLiteral("retention-days:") + reviewId;
}

QString archiveRetentionKey(const QString &reviewId)
{
    return QStringLiteral("archive-retention-days:") + reviewId;
}

QString recoveryKitKey(const QString &reviewId)
{
    return QStringLiteral("recovery-kit-made:") + reviewId;
}
} // namespace

std::unique_ptr<ArchiveClient> LeaderDesk::clientFor(const ReviewKeys &keys)
{
    DeviceIdentity leader{keys.signingPublic, SecureBytes::copyOf(keys.signingSecret.data(), keys.signingSecret.size())};
    return std::make_unique<ArchiveClient>(QUrl(keys.archiveUrl), keys.fingerprint, std::move(leader));
}

LeaderDesk::LeaderDesk(Vault &vault) : m_vault(vault), m_store(vault) {}

Result<void> LeaderDesk::createReview(const QString &reviewId, const QString &archiveUrl, const QString &fingerprint,
                                      const QString &creationCode)
{
    auto existing = m_store.reviewKeys(reviewId);
    if (!existing)
        return existing.error();
    ReviewKeys keys;
    if (*existing) {
        // An earlier attempt made the keys and then failed: carry on with the same keys.
        keys = std::move(**existing);
        if (keys.archiveUrl != archiveUrl || keys.fingerprint != fingerprint.toLower())
            return Error{ErrorCode::VaultExists, QStringLiteral("this vault already leads review %1 on %2").arg(reviewId, keys.archiveUrl)};
    } else {
        keys.reviewId = reviewId;
        keys.archiveUrl = archiveUrl;
        keys.fingerprint = fingerprint.toLower();
        keys.signingPublic.resize(crypto_sign_PUBLICKEYBYTES);
        keys.signingSecret = SecureBytes(crypto_sign_SECRETKEYBYTES);
        crypto_sign_keypair(reinterpret_cast<unsigned char *>(keys.signingPublic.data()), keys.signingSecret.data());
        keys.boxPublic.resize(crypto_box_PUBLICKEYBYTES);
        keys.boxSecret = SecureBytes(crypto_box_SECRETKEYBYTES);
        crypto_box_keypair(reinterpret_cast<unsigned char *>(keys.boxPublic.data()), keys.boxSecret.data());
        const ArchiveReply info = clientFor(keys)->get(QStringLiteral("/v1/archive"), false);
        if (!info.ok())
            return info.toError();
        const auto archiveKey = fromHex(info.body.value(QStringLiteral("archive_key")).toString(), crypto_sign_PUBLICKEYBYTES);
        if (!archiveKey)
            return invalid(QStringLiteral("the archive did not say its key"));
        keys.archiveKey = *archiveKey;
        // The keys are kept before the archive hears of them: a failure from here on is retried
        // with the same keys.
        if (auto saved = m_store.saveReviewKeys(keys); !saved)
            return saved;
    }

    RosterEntry genesis;
    genesis.reviewId = reviewId;
    genesis.at = QDateTime::currentDateTimeUtc();
    genesis.leaderKey = keys.signingPublic;
    genesis.leaderBoxKey = keys.boxPublic;
    genesis.archiveKey = keys.archiveKey;
    genesis.archiveUrl = archiveUrl;
    genesis.fingerprint = keys.fingerprint;
    genesis = signRosterEntry(genesis, keys.signingSecret);
    const ArchiveReply created = clientFor(keys)->send(
        "POST", QStringLiteral("/v1/reviews"),
        QJsonObject{{QStringLiteral("genesis"), genesis.toJson()}, {QStringLiteral("creation_code"), creationCode.trimmed()}});
    if (!created.ok() && created.status != 409)
        return created.toError();
    auto roster = verifiedRoster(keys); // on 409 this also proves the review there is ours
    if (!roster)
        return roster.error();

    if (!roster->isMember(m_vault.devicePublicKey())) {
        RosterEntry self;
        self.type = RosterEntry::Type::Member;
        self.deviceKey = m_vault.devicePublicKey();
        self.role = QStringLiteral("team-leader");
        self.label = QStringLiteral("team leader's device");
        if (auto appended = appendEntry(keys, self); !appended)
            return appended;
    }
    if (auto enrolled = m_store.saveEnrolment(Enrolment{reviewId, archiveUrl, keys.fingerprint, keys.signingPublic, keys.boxPublic,
                                                        QStringLiteral("team-leader"), QStringLiteral("enrolled")});
        !enrolled)
        return enrolled;
    return publishSetup(reviewId);
}

Result<Roster> LeaderDesk::verifiedRoster(const ReviewKeys &keys)
{
    const auto client = clientFor(keys);
    auto seen = m_store.rosterEntries(keys.reviewId);
    if (!seen)
        return seen.error();
    for (bool gaveBack = false;; gaveBack = true) {
        const ArchiveReply reply = client->get(reviewPath(keys.reviewId, "roster"), false);
        if (!reply.ok())
            return reply.toError();
        auto entries = RosterEntry::listFromJson(reply.body.value(QStringLiteral("entries")).toArray());
        if (!entries)
            return entries.error();
        auto roster = Roster::fromEntries(*entries, keys.rootKey());
        if (!roster)
            return roster.error();
        if (!gaveBack && seen->size() > roster->entries().size() && restoresRoster(*roster, *seen)) {
            // An archive restored from a backup lacks the entries signed after it was taken:
            // the leader holds each one signed, and gives them back in order (once).
            for (qsizetype i = roster->entries().size(); i < seen->size(); ++i) {
                const ArchiveReply given = client->send("POST", reviewPath(keys.reviewId, "roster"), seen->at(i).toJson());
                if (!given.ok())
                    return invalid(QStringLiteral("the archive sent an older roster (%1 entries) than this desk holds (%2), and would not "
                                                  "take the missing entries back (%3); refused: it may be hiding a revocation or a new member")
                                       .arg(roster->entries().size())
                                       .arg(seen->size())
                                       .arg(given.error));
            }
            continue;
        }
        if (auto extends = roster->extends(*seen); !extends)
            return extends.error();
        if (keys.isDeputy() && !roster->isActiveDeputy(keys.signingPublic)) {
            const auto revoked = roster->revokedAt(keys.signingPublic);
            return Error{ErrorCode::InvalidArgument,
                         revoked ? QStringLiteral("this deputy leader was revoked by the team leader on %1: it leads review %2 no more")
                                       .arg(canonicalTimestamp(*revoked), keys.reviewId)
                                 : QStringLiteral("the roster does not name this tablet deputy leader of review %1").arg(keys.reviewId)};
        }
        return roster;
    }
}

Result<void> LeaderDesk::appendEntry(const ReviewKeys &keys, RosterEntry entry)
{
    auto roster = verifiedRoster(keys);
    if (!roster)
        return roster.error();
    entry.reviewId = keys.reviewId;
    entry.sequence = roster->lastSequence() + 1;
    entry.previousHash = roster->lastHash();
    entry.at = QDateTime::currentDateTimeUtc();
    entry = signRosterEntry(entry, keys.signingSecret, keys.isDeputy() ? keys.signingPublic : QByteArray());
    const auto client = clientFor(keys);
    const ArchiveReply reply = client->send("POST", reviewPath(keys.reviewId, "roster"), entry.toJson());
    if (!reply.ok())
        return reply.toError();
    QList<RosterEntry> all = roster->entries();
    all << entry;
    return m_store.saveRoster(keys.reviewId, all);
}

Result<EnrolmentCode> LeaderDesk::invite(const QString &reviewId, int validHours, bool forDeputy)
{
    auto keys = requireKeys(m_store, reviewId);
    if (!keys)
        return keys.error();
    if (forDeputy && keys->isDeputy())
        return invalid(QStringLiteral("only the team leader invites a deputy leader"));
    // Before the first tablet sends a note sealed to the review's key, that key must exist
    // somewhere besides this tablet (a deputy's invitations come after the leader's kit).
    auto kitMade = recoveryKitMadeAt(reviewId);
    if (!kitMade)
        return kitMade.error();
    if (!*kitMade && !keys->isDeputy())
        return invalid(QStringLiteral("make the review's recovery kit first (leader recovery-kit, or Team leader → Recovery kit): "
                                      "without it, losing this tablet would lose every note sealed to the review"));
    auto roster = m_store.rosterEntries(reviewId);
    if (!roster)
        return roster.error();
    const QByteArray reviewBoxKey = roster->isEmpty() ? keys->boxPublic : roster->front().leaderBoxKey;
    EnrolmentCode code{keys->archiveUrl, keys->fingerprint, reviewId, keys->rootKey(), reviewBoxKey, QByteArray(32, '\0'), forDeputy};
    randombytes_buf(code.token.data(), 32);
    const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(qint64(validHours) * 3600);
    // Kept first: a join is approved only if it proves it holds a token this vault made.
    if (auto saved = m_store.saveInvite(reviewId, code.token, expires, forDeputy); !saved)
        return saved.error();
    const auto client = clientFor(*keys);
    const ArchiveReply reply = client->send("POST", reviewPath(reviewId, "invites"),
                                            QJsonObject{{QStringLiteral("token_hash"), toHex(JoinRequest::tokenIdOf(code.token))},
                                                        {QStringLiteral("expires_at"), canonicalTimestamp(expires)}});
    if (!reply.ok())
        return reply.toError();
    return code;
}

Result<QList<JoinRequest>> LeaderDesk::pendingJoins(const QString &reviewId)
{
    auto keys = requireKeys(m_store, reviewId);
    if (!keys)
        return keys.error();
    auto roster = verifiedRoster(*keys);
    if (!roster)
        return roster.error();
    const ArchiveReply joins = clientFor(*keys)->get(reviewPath(reviewId, "joins"));
    if (!joins.ok())
        return joins.toError();
    QList<JoinRequest> pending;
    for (const QJsonValue &value : joins.body.value(QStringLiteral("joins")).toArray()) {
        const auto device = fromHex(value[QStringLiteral("device_key")].toString(), crypto_sign_PUBLICKEYBYTES);
        if (!device)
            return invalid(QStringLiteral("the archive listed a malformed device key"));
        JoinRequest join{*device,
                         value[QStringLiteral("role")].toString().left(40),
                         value[QStringLiteral("label")].toString().left(80),
                         value[QStringLiteral("requested_at")].toString().left(40),
                         fromHex(value[QStringLiteral("token_id")].toString()).value_or(QByteArray()),
                         fromHex(value[QStringLiteral("mac")].toString()).value_or(QByteArray()),
                         fromHex(value[QStringLiteral("box_key")].toString()).value_or(QByteArray()),
                         {}};
        if (roster->isMember(join.deviceKey))
            continue; // approved (or turned away) already; the archive has not caught up
        // The archive only relays: whether to trust a join is decided here, by what it proves.
        auto invite = m_store.invite(reviewId, join.tokenId);
        if (!invite)
            return invite.error();
        if (!*invite)
            join.problem = QStringLiteral("it names no enrolment code this team leader made");
        else if (!(*invite)->usedBy.isEmpty() && (*invite)->usedBy != join.deviceKey)
            join.problem = QStringLiteral("its enrolment code already admitted another tablet");
        else if (!join.macHolds((*invite)->token, reviewId))
            join.problem = QStringLiteral("it does not prove it holds the enrolment code (or its role, label or key was changed on the way)");
        else if (!JoinRequest::joinableRoles().contains(join.role))
            join.problem = QStringLiteral("a tablet cannot join as %1").arg(join.role);
        else if ((join.role == RosterEntry::deputyRole) != (*invite)->forDeputy)
            join.problem = (*invite)->forDeputy ? QStringLiteral("its enrolment code was made for a deputy leader, and it asks to join as %1").arg(join.role)
                                                : QStringLiteral("it asks to be a deputy leader with an enrolment code made for a tablet");
        else if ((join.role == RosterEntry::deputyRole) != (join.boxKey.size() == crypto_box_PUBLICKEYBYTES))
            join.problem = QStringLiteral("a deputy leader, and only a deputy leader, brings a box key");
        pending << join;
    }
    return pending;
}

Result<QList<JoinRequest>> LeaderDesk::approve(const QString &reviewId, const QList<QByteArray> &devices)
{
    auto keys = requireKeys(m_store, reviewId);
    if (!keys)
        return keys.error();
    auto pending = pendingJoins(reviewId);
    if (!pending)
        return pending.error();
    QList<JoinRequest> approved;
    for (const JoinRequest &join : *pending) {
        if (!join.problem.isEmpty() || (!devices.isEmpty() && !devices.contains(join.deviceKey)))
            continue;
        RosterEntry member;
        member.type = RosterEntry::Type::Member;
        member.deviceKey = join.deviceKey;
        member.role = join.role;
        member.label = join.label;
        member.boxKey = join.boxKey;
        // Used up before the entry goes out: a second tablet with the same code is never admitted.
        if (auto used = m_store.markInviteUsed(join.tokenId, join.deviceKey); !used)
            return used.error();
        if (auto appended = appendEntry(*keys, member); !appended)
            return appended.error();
        approved << join;
    }
    return approved;
}

Result<void> LeaderDesk::revoke(const QString &reviewId, const QByteArray &deviceKey, const QString &reason)
{
    auto keys = requireKeys(m_store, reviewId);
    if (!keys)
        return keys.error();
    auto roster = verifiedRoster(*keys);
    if (!roster)
        return roster.error();
    const bool deputy = roster->isActiveDeputy(deviceKey);
    RosterEntry revocation;
    revocation.type = RosterEntry::Type::Revocation;
    revocation.deviceKey = deviceKey;
    revocation.reason = reason;
    if (auto appended = appendEntry(*keys, revocation); !appended)
        return appended;
    // Tablets trust only a set-up an active leader signed: one the deputy signed is signed again.
    return deputy ? publishSetup(reviewId) : Result<void>{};
}

Result<void> LeaderDesk::reject(const QString &reviewId, const QByteArray &deviceKey)
{
    // The roster revokes only members, so the tablet is entered and revoked at once: it learns at
    // its next sync that it was turned away, its code is used up, and the archive takes nothing from it.
    auto approved = approve(reviewId, {deviceKey});
    if (!approved)
        return approved.error();
    if (approved->isEmpty())
        return Error{ErrorCode::NotFound, QStringLiteral("that tablet is not waiting to join")};
    return revoke(reviewId, deviceKey, QStringLiteral("not admitted by the team leader"));
}

Result<RecoveryKit> LeaderDesk::recoveryKit(const QString &reviewId)
{
    auto keys = requireKeys(m_store, reviewId);
    if (!keys)
        return keys.error();
    if (keys->isDeputy())
        return invalid(QStringLiteral("a deputy leader's keys are its tablet's own; the review's recovery kit is the team leader's to make"));
    auto entries = m_store.rosterEntries(reviewId);
    if (!entries)
        return entries.error();
    if (entries->isEmpty())
        return Error{ErrorCode::NotFound, QStringLiteral("the review has no roster yet: create it on the archive first")};
    RecoveryKit kit;
    kit.rosterSequence = entries->size();
    kit.rosterHash = entries->last().hash();
    kit.madeAt = m_vault.clock()();
    kit.keys = std::move(*keys);
    return kit;
}

Result<QByteArray> LeaderDesk::makeRecoveryKit(const QString &reviewId, const SecureBytes &recoveryPassphrase)
{
    auto kit = recoveryKit(reviewId);
    if (!kit)
        return kit.error();
    return sealRecoveryKit(*kit, recoveryPassphrase);
}

Result<void> LeaderDesk::recordRecoveryKitKept(const QString &reviewId, const QByteArray &sealedKit)
{
    auto label = readRecoveryKitLabel(sealedKit);
    if (!label)
        return label.error();
    if (label->reviewId != reviewId)
        return invalid(QStringLiteral("that recovery kit is for another review (%1)").arg(label->reviewId));
    return m_store.saveSetting(recoveryKitKey(reviewId), canonicalTimestamp(label->madeAt));
}

Result<std::optional<QDateTime>> LeaderDesk::recoveryKitMadeAt(const QString &reviewId)
{
    auto made = m_store.setting(recoveryKitKey(reviewId));
    if (!made)
        return made.error();
    if (made->isEmpty())
        return std::optional<QDateTime>();
    return std::optional(QDateTime::fromString(*made, Qt::ISODate));
}

Result<QList<QByteArray>> LeaderDesk::restoreFromKit(const RecoveryKit &kit)
{
    const QString &reviewId = kit.keys.reviewId;
    auto existing = m_store.reviewKeys(reviewId);
    if (!existing)
        return existing.error();
    if (*existing)
        return Error{ErrorCode::VaultExists, QStringLiteral("this vault already leads review %1; restore into a new vault").arg(reviewId)};
    auto roster = verifiedRoster(kit.keys);
    if (!roster)
        return roster.error();
    if (roster->entries().size() < kit.rosterSequence || roster->entries().at(kit.rosterSequence - 1).hash() != kit.rosterHash)
        return invalid(QStringLiteral("the archive's roster does not continue the one this kit was made with (entry %1); "
                                      "refused, nothing changed")
                           .arg(kit.rosterSequence));
    auto content = archiveSetup(kit.keys, *roster);
    if (!content)
        return content.error();
    if (!*content)
        return invalid(QStringLiteral("the archive holds no set-up for review %1; refused, nothing changed").arg(reviewId));
    // The set-up first: the programme's ids are the ones the notes name.
    if (auto adopted = adoptSetup(reviewId, **content); !adopted)
        return adopted.error();
    if (auto saved = m_store.saveReviewKeys(kit.keys); !saved)
        return saved.error();
    // The kit this vault came from still holds the review's keys: it counts as kept.
    if (auto saved = m_store.saveSetting(recoveryKitKey(reviewId), canonicalTimestamp(kit.madeAt)); !saved)
        return saved.error();

    QList<QByteArray> revoked;
    const QByteArray self = m_vault.devicePublicKey();
    for (const RosterEntry &entry : roster->entries()) {
        if (entry.type == RosterEntry::Type::Member && entry.role == QLatin1String("team-leader") && entry.deviceKey != self &&
            !roster->revokedAt(entry.deviceKey))
            revoked << entry.deviceKey;
    }
    RosterEntry entered;
    entered.type = RosterEntry::Type::Member;
    entered.deviceKey = self;
    entered.role = QStringLiteral("team-leader");
    entered.label = QStringLiteral("team leader's device (restored from the recovery kit)");
    if (auto appended = appendEntry(kit.keys, entered); !appended)
        return appended.error();
    for (const QByteArray &device : std::as_const(revoked)) {
        if (auto done = revoke(reviewId, device, QStringLiteral("the team leader's device, replaced by one restored from the recovery kit")); !done)
            return done.error();
    }
    if (auto enrolled = m_store.saveEnrolment(Enrolment{reviewId, kit.keys.archiveUrl, kit.keys.fingerprint, kit.keys.signingPublic,
                                                        kit.keys.boxPublic, QStringLiteral("team-leader"), QStringLiteral("enrolled")});
        !enrolled)
        return enrolled.error();
    return revoked;
}

Result<std::optional<QJsonObject>> LeaderDesk::archiveSetup(const ReviewKeys &keys, const Roster &roster, bool alsoRevokedDeputies)
{
    const ArchiveReply setup = clientFor(keys)->get(reviewPath(keys.reviewId, "setup"));
    if (setup.status == 404)
        return std::optional<QJsonObject>();
    if (!setup.ok())
        return setup.toError();
    const QJsonObject content = setup.body.value(QStringLiteral("setup")).toObject();
    const auto signature = fromHex(setup.body.value(QStringLiteral("signature")).toString(), crypto_sign_BYTES);
    const auto signedByRevokedDeputy = [&] {
        const QList<QByteArray> deputies = roster.deputyKeysEver();
        return std::any_of(deputies.begin(), deputies.end(),
                           [&](const QByteArray &key) { return verifyDetached(*signature, setupSignedBytes(content), key); });
    };
    if (!signature || !(roster.signedByALeader(*signature, setupSignedBytes(content)) || (alsoRevokedDeputies && signedByRevokedDeputy()))
        || content.value(QStringLiteral("review")).toObject().value(QStringLiteral("id")).toString() != keys.reviewId)
        return invalid(QStringLiteral("the archive's review set-up is not this review's, signed by its team leader or an active deputy; "
                                      "refused, nothing changed"));
    return std::optional(content);
}

Result<void> LeaderDesk::adoptSetup(const QString &reviewId, const QJsonObject &content)
{
    if (auto imported = importReviewSetup(m_vault.store(), content); !imported)
        return imported.error();
    if (auto imported = importDeskSetup(m_vault, reviewId, content); !imported)
        return imported.error();
    if (auto saved = m_store.saveSetting(setupVersionKey(reviewId), QString::number(content.value(QStringLiteral("version")).toInteger(0)));
        !saved)
        return saved.error();
    const QJsonValue days = content.value(QStringLiteral("retention_days"));
    return m_store.saveSetting(retentionKey(reviewId), QString::number(days.isDouble() ? days.toInt() : Enrolment::keepCollected));
}

Result<void> LeaderDesk::publishSetup(const QString &reviewId)
{
    auto keys = requireKeys(m_store, reviewId);
    if (!keys)
        return keys.error();
    auto roster = verifiedRoster(*keys);
    if (!roster)
        return roster.error();
    // The team leader and a deputy both publish: each counts on from the newest either signed (a
    // deputy revoked since included, or tablets that took its set-up would refuse this one).
    auto current = archiveSetup(*keys, *roster, true);
    if (!current)
        return current.error();
    const qint64 archiveVersion = *current ? (**current).value(QStringLiteral("version")).toInteger(0) : 0;
    auto setup = exportReviewSetup(m_vault.store(), reviewId);
    if (!setup)
        return setup.error();
    auto retention = retentionDays(reviewId);
    if (!retention)
        return retention.error();
    if (*retention >= 0)
        setup->insert(QStringLiteral("retention_days"), *retention);
    auto sources = reviewSources(m_vault, reviewId);
    if (!sources)
        return sources.error();
    setup->insert(QStringLiteral("sources"), sourcesToJson(*sources));
    auto deskReviewList = deskReviews(m_vault, reviewId);
    if (!deskReviewList)
        return deskReviewList.error();
    if (!deskReviewList->isEmpty())
        setup->insert(QStringLiteral("desk_reviews"), deskReviewsToJson(*deskReviewList));
    // Counted up before it goes out, so no two set-ups ever share a version and tablets can
    // refuse an old one replayed.
    const QString versionKey = setupVersionKey(reviewId);
    auto version = m_store.setting(versionKey);
    if (!version)
        return version.error();
    const qint64 next = std::max(version->toLongLong(), archiveVersion) + 1;
    if (auto saved = m_store.saveSetting(versionKey, QString::number(next)); !saved)
        return saved;
    setup->insert(QStringLiteral("version"), next);
    const QByteArray signature = signDetached(setupSignedBytes(*setup), keys->signingSecret);
    const auto client = clientFor(*keys);
    const ArchiveReply reply = client->send("PUT", reviewPath(reviewId, "setup"),
                                           QJsonObject{{QStringLiteral("setup"), *setup}, {QStringLiteral("signature"), toHex(signature)}});
    if (!reply.ok())
        return reply.toError();
    return {};
}

namespace {
/// Which envelope carried each note collected: the archive can name envelopes only.
Result<void> keepCollectedEnvelopes(SqliteDatabase &database, const QString &reviewId, const QMap<QByteArray, QList<EnvelopeRef>> &byDevice)
{
    auto transaction = SqlTransaction::begin(database);
    if (!transaction)
        return transaction.error();
    auto insert = database.prepare("INSERT OR IGNORE INTO collected_envelopes (review_id, device_key, sequence, envelope_hash, note_hash) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert)
        return insert.error();
    for (auto device = byDevice.cbegin(); device != byDevice.cend(); ++device) {
        for (const EnvelopeRef &envelope : device.value()) {
            insert->reset();
            insert->bind(1, reviewId).bindBlob(2, device.key()).bind(3, envelope.sequence).bindBlob(4, envelope.hash).bindBlob(5, envelope.noteHash);
            if (auto done = insert->run(); !done)
                return done.error();
        }
    }
    return transaction->commit();
}
} // namespace

Result<int> LeaderDesk::archiveRetentionDays(const QString &reviewId)
{
    auto text = m_store.setting(archiveRetentionKey(reviewId));
    if (!text)
        return text.error();
    bool ok = false;
    const int days = text->toInt(&ok);
    return ok && days >= 0 ? days : -1;
}

Result<void> LeaderDesk::setArchiveRetentionDays(const QString &reviewId, int days)
{
    if (days > 36500)
        return invalid(QStringLiteral("an archive retention period is at most 36500 days"));
    return m_store.saveSetting(archiveRetentionKey(reviewId), QString::number(std::max(days, -1)));
}

Result<QList<ArchivedStatement>> LeaderDesk::signArchivedStatements(const QString &reviewId, const QSet<QByteArray> &noteHashes)
{
    auto days = archiveRetentionDays(reviewId);
    if (!days)
        return days.error();
    if (*days < 0)
        return QList<ArchivedStatement>{};
    auto keys = requireKeys(m_store, reviewId);
    if (!keys)
        return keys.error();
    if (keys->isDeputy())
        return invalid(QStringLiteral("only the review's key lets the archive remove envelopes: the team leader's, not a deputy's"));
    auto envelopes = queryList<std::pair<QByteArray, EnvelopeRef>>(
        m_vault.database(),
        "SELECT device_key, sequence, envelope_hash, note_hash FROM collected_envelopes WHERE review_id = ?1 ORDER BY device_key, sequence",
        [&](SqlStatement &s) { s.bind(1, reviewId); },
        [](SqlStatement &row) { return std::pair{row.blob(0), EnvelopeRef{row.integer(1), row.blob(2), row.blob(3)}}; });
    if (!envelopes)
        return envelopes.error();
    QMap<QByteArray, QList<EnvelopeRef>> byDevice;
    for (const auto &[device, envelope] : std::as_const(*envelopes))
        if (noteHashes.contains(envelope.noteHash))
            byDevice[device] << envelope;
    // Whole seconds, as canonical timestamps carry them.
    const QDateTime now = m_vault.clock()().toUTC();
    const QDateTime removeAfter = QDateTime::fromSecsSinceEpoch(now.addDays(*days).toSecsSinceEpoch(), Qt::UTC);
    QList<ArchivedStatement> statements;
    for (auto device = byDevice.cbegin(); device != byDevice.cend(); ++device)
        statements << signEnvelopeList(ArchivedStatement{reviewId, device.key(), removeAfter, device.value(), {}}, keys->signingSecret);
    return statements;
}

Result<void> LeaderDesk::keepArchivedStatements(const QString &reviewId, const QList<ArchivedStatement> &statements)
{
    auto transaction = SqlTransaction::begin(m_vault.database());
    if (!transaction)
        return transaction.error();
    auto insert = m_vault.database().prepare("INSERT INTO archive_retention_statements (review_id, body, made_at) VALUES (?1, ?2, ?3)");
    if (!insert)
        return insert.error();
    for (const ArchivedStatement &statement : statements) {
        insert->reset();
        insert->bind(1, reviewId).bind(2, QString::fromUtf8(canonicalJson(statement.toJson()))).bind(3, canonicalTimestamp(m_vault.clock()()));
        if (auto done = insert->run(); !done)
            return done.error();
    }
    return transaction->commit();
}

Result<int> LeaderDesk::sendArchivedStatements(const QString &reviewId)
{
    auto pending = queryList<std::pair<qint64, QJsonObject>>(
        m_vault.database(), "SELECT id, body FROM archive_retention_statements WHERE review_id = ?1 AND sent_at IS NULL ORDER BY id",
        [&](SqlStatement &s) { s.bind(1, reviewId); },
        [](SqlStatement &row) {
            auto body = parseJsonObject(row.text(1).toUtf8());
            return std::pair{row.integer(0), body ? *body : QJsonObject()};
        });
    if (!pending)
        return pending.error();
    if (pending->isEmpty())
        return 0;
    auto keys = requireKeys(m_store, reviewId);
    if (!keys)
        return keys.error();
    QJsonArray statements;
    for (const auto &[id, body] : std::as_const(*pending))
        statements << body;
    const ArchiveReply reply = clientFor(*keys)->send("POST", reviewPath(reviewId, "archived"), QJsonObject{{QStringLiteral("statements"), statements}});
    if (!reply.ok())
        return reply.toError();
    auto mark = m_vault.database().prepare("UPDATE archive_retention_statements SET sent_at = ?1 WHERE id = ?2");
    if (!mark)
        return mark.error();
    for (const auto &[id, body] : std::as_const(*pending)) {
        mark->reset();
        mark->bind(1, canonicalTimestamp(m_vault.clock()())).bind(2, id);
        if (auto done = mark->run(); !done)
            return done.error();
    }
    return int(reply.body.value(QStringLiteral("removed")).toInteger());
}

Result<int> LeaderDesk::retentionDays(const QString &reviewId)
{
    auto text = m_store.setting(retentionKey(reviewId));
    if (!text)
        return text.error();
    bool ok = false;
    const int days = text->toInt(&ok);
    return ok && days >= 0 ? days : Enrolment::keepCollected;
}

Result<void> LeaderDesk::setRetentionDays(const QString &reviewId, int days)
{
    if (days > 3650)
        return invalid(QStringLiteral("a retention period is at most 3650 days"));
    auto previous = m_store.setting(retentionKey(reviewId));
    if (!previous)
        return previous.error();
    if (auto saved = m_store.saveSetting(retentionKey(reviewId), QString::number(std::max(days, Enrolment::keepCollected))); !saved)
        return saved;
    if (auto published = publishSetup(reviewId); !published) {
        // Left as it was, so what the leader sees is what the tablets were told.
        (void)m_store.saveSetting(retentionKey(reviewId), *previous);
        return published;
    }
    return {};
}

Result<CollectionReport> LeaderDesk::collect(const QString &reviewId, int pageSize)
{
    auto keys = requireKeys(m_store, reviewId);
    if (!keys)
        return keys.error();
    auto roster = verifiedRoster(*keys);
    if (!roster)
        return roster.error();
    if (auto saved = m_store.saveRoster(reviewId, roster->entries()); !saved)
        return saved.error();
    // A set-up the other leader (the team leader, or a deputy) published since: taken in, so
    // what this desk publishes next carries it on. One no active leader signed (a deputy's, if
    // signing it again after the deputy was revoked failed) is not taken, and does not stop the
    // collection: tablets refuse it themselves until a leader publishes again.
    auto setup = archiveSetup(*keys, *roster);
    if (!setup && setup.error().code == ErrorCode::Io)
        return setup.error();
    auto ownVersion = m_store.setting(setupVersionKey(reviewId));
    if (!ownVersion)
        return ownVersion.error();
    if (setup && *setup && (**setup).value(QStringLiteral("version")).toInteger(0) > ownVersion->toLongLong()) {
        if (auto adopted = adoptSetup(reviewId, **setup); !adopted)
            return adopted.error();
    }
    const auto client = clientFor(*keys);
    const QString cursorKey = QStringLiteral("collection-cursor:") + reviewId;
    auto cursorText = m_store.setting(cursorKey);
    if (!cursorText)
        return cursorText.error();
    qint64 cursor = cursorText->toLongLong();

    CollectionReport report;
    QHash<QByteArray, QStringList> problems;
    for (;;) {
        const ArchiveReply page = client->get(reviewPath(reviewId, "envelopes") + QStringLiteral("?after=%1&limit=%2").arg(cursor).arg(pageSize));
        if (!page.ok())
            return page.toError();
        const QJsonArray envelopes = page.body.value(QStringLiteral("envelopes")).toArray();
        if (envelopes.isEmpty())
            break;
        QMap<QByteArray, QList<EnvelopeRef>> collectedByDevice;
        QList<std::pair<SignedNote, QString>> opened;
        QList<EngagementRecord> engagementRecords;
        for (const QJsonValue &value : envelopes) {
            auto envelope = Envelope::fromJson(value.toObject());
            if (!envelope) {
                problems[QByteArray()] << envelope.error().message;
                continue;
            }
            auto contents = openEnvelope(*envelope, keys->boxPublic, keys->boxSecret);
            if (!contents && contents.error().code == ErrorCode::NotFound) {
                ++report.sealedForOthers; // the team leader's key opens it
                continue;
            }
            if (!contents) {
                problems[envelope->deviceKey] << contents.error().message;
                continue;
            }
            if (contents->engagement)
                engagementRecords << *contents->engagement;
            const SignedNote *note = &contents->note;
            QStringList flags;
            const QDateTime storedAt = parseCanonicalTimestamp(value[QStringLiteral("stored_at")].toString());
            if (!roster->isMember(note->content.authorKey))
                flags << QStringLiteral("signed by a key that is not on the roster");
            else if (const auto revoked = roster->revokedAt(note->content.authorKey); revoked) {
                // The revoked device's own clock proves nothing (it may be in a thief's hands):
                // what counts is when the archive took the envelope, against the leader's
                // revocation time.
                if (!storedAt.isValid() || storedAt > *revoked)
                    flags << QStringLiteral("stored by the archive after the device was revoked");
                else if (note->content.signedAt > *revoked)
                    flags << QStringLiteral("signed after the device was revoked");
            }
            opened.append({*note, flags.isEmpty() ? QStringLiteral("valid") : flags.join(QStringLiteral("; "))});
            for (const QString &flag : flags)
                problems[envelope->deviceKey] << QStringLiteral("note %1: %2").arg(envelope->sequence).arg(flag);
            collectedByDevice[envelope->deviceKey] << EnvelopeRef{envelope->sequence, envelope->hash, note->hash};
        }
        if (auto records = m_store.storeEngagementRecords(reviewId, engagementRecords); !records)
            return records.error();
        auto stored = m_store.storeCollected(reviewId, opened);
        if (!stored)
            return stored.error();
        report.newNotes += *stored;
        if (auto kept = keepCollectedEnvelopes(m_vault.database(), reviewId, collectedByDevice); !kept)
            return kept.error();
        // The notes are in the vault before the archive is told, so an interruption here only
        // means they are collected again (and stored once).
        if (!collectedByDevice.isEmpty()) {
            QJsonArray statements;
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (auto device = collectedByDevice.cbegin(); device != collectedByDevice.cend(); ++device)
                statements << signEnvelopeList(CollectedStatement{reviewId, device.key(), now, device.value(), {}}, keys->signingSecret)
                                  .toJson();
            const ArchiveReply marked = client->send("POST", reviewPath(reviewId, "collected"), QJsonObject{{QStringLiteral("statements"), statements}});
            if (!marked.ok())
                return marked.toError();
        }
        const qint64 next = page.body.value(QStringLiteral("next")).toInteger(cursor);
        if (next <= cursor)
            return invalid(QStringLiteral("the archive's collection cursor does not move forward (%1 after %2); stopped").arg(next).arg(cursor));
        cursor = next;
        if (auto saved = m_store.saveSetting(cursorKey, QString::number(cursor)); !saved)
            return saved.error();
    }

    // Statements of what is archived, from a bundle made while the archive was out of reach.
    if (auto sent = sendArchivedStatements(reviewId); !sent)
        return sent.error();

    const ArchiveReply conflicts = client->get(reviewPath(reviewId, "conflicts"));
    if (!conflicts.ok())
        return conflicts.toError();
    report.conflicts = static_cast<int>(conflicts.body.value(QStringLiteral("conflicts")).toArray().size());
    for (const QJsonValue &value : conflicts.body.value(QStringLiteral("conflicts")).toArray()) {
        if (const auto device = fromHex(value[QStringLiteral("device")].toString(), crypto_sign_PUBLICKEYBYTES))
            problems[*device] << QStringLiteral("conflict: a second, different envelope for sequence %1").arg(value[QStringLiteral("seq")].toInteger());
    }

    auto notes = m_store.collectedNotes(reviewId);
    if (!notes)
        return notes.error();
    const VerificationReport verification = verifyNotes(*notes, roster->memberKeys());
    QHash<QByteArray, int> received;
    QHash<QByteArray, QStringList> problemsByNote;
    for (qsizetype i = 0; i < verification.notes.size(); ++i) {
        NoteVerification verdict = verification.notes.at(i);
        received[verdict.authorKey] += 1;
        // A gap before a note is the device's, reported once per device below, not the note's.
        verdict.problems &= ~NoteProblems(NoteProblem::MissingSequence);
        const QStringList described = verdict.describe();
        problems[verdict.authorKey] << described;
        if (!described.isEmpty())
            problemsByNote.insert(notes->at(i).hash, described);
    }
    if (auto saved = m_store.saveVerdicts(reviewId, problemsByNote); !saved)
        return saved.error();
    for (const QByteArray &key : roster->memberKeys()) {
        DeviceCollection device{key, roster->role(key), roster->label(key), received.value(key), verification.missingSequences.value(key), problems.value(key)};
        report.devices << device;
    }
    if (problems.contains(QByteArray()))
        report.devices << DeviceCollection{{}, QStringLiteral("unknown"), {}, 0, {}, problems.value(QByteArray())};
    for (auto it = problems.constBegin(); it != problems.constEnd(); ++it) {
        if (!it.key().isEmpty() && !roster->isMember(it.key()))
            report.devices << DeviceCollection{it.key(), QStringLiteral("not on the roster"), {}, 0, {}, it.value()};
    }
    return report;
}

} // namespace fieldnotes::sync
