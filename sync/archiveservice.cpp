#include "archiveservice.h"

#include "archivestore.h"
#include "requestsignature.h"
#include "reviewsetup.h"
#include "signedenvelopelist.h"
#include "signednote.h"
#include "syncencoding.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QUrlQuery>

#include <sodium.h>

Q_LOGGING_CATEGORY(lcArchive, "fieldnotes.archive")

namespace fieldnotes::sync {

namespace {
ArchiveResponse reply(int status, const QString &message)
{
    return ArchiveResponse{status, QJsonObject{{status < 400 ? QStringLiteral("status") : QStringLiteral("error"), message}}};
}

ArchiveResponse fromError(const Error &error)
{
    switch (error.code) {
    case ErrorCode::NotFound:
        return reply(404, error.message);
    case ErrorCode::VaultExists:
        return reply(409, error.message);
    case ErrorCode::InvalidArgument:
    case ErrorCode::Crypto:
        return reply(400, error.message);
    case ErrorCode::StorageFull:
        return reply(507, error.message.contains(QLatin1String("quota")) ? error.message : QStringLiteral("the archive's disk is full"));
    default:
        qCWarning(lcArchive) << "storage error:" << error.message;
        return reply(500, QStringLiteral("the archive could not store this; try again"));
    }
}

enum class Access { Public, Signed, Leader, Member };
} // namespace

ArchiveService::ArchiveService(ArchiveStore &store, Clock clock) : m_store(store), m_clock(std::move(clock)) {}

ArchiveResponse ArchiveService::handle(const ArchiveRequest &request)
{
    QList<QByteArray> parts = request.path.split('/');
    parts.removeAll(QByteArray());
    if (parts.size() < 2 || parts[0] != "v1")
        return reply(404, QStringLiteral("no such endpoint"));
    return route(request, parts);
}

std::optional<ArchiveResponse> ArchiveService::authenticate(const ArchiveRequest &request, QByteArray *signer, QByteArray *nonce)
{
    auto signature = RequestSignature::fromHeaders(request.headers);
    if (!signature)
        return reply(401, signature.error().message);
    const QByteArray target = request.query.isEmpty() ? request.path : request.path + '?' + request.query;
    if (auto verified = signature->verify(request.method, target, request.body, m_clock()); !verified)
        return reply(401, verified.error().message);
    *signer = signature->key;
    *nonce = signature->nonce;
    return std::nullopt;
}

std::optional<ArchiveResponse> ArchiveService::consumeNonce(const QByteArray &signer, const QByteArray &nonce)
{
    // Only once the caller is known to be allowed: nobody else gets a durable write out of us.
    auto fresh = m_store.acceptNonce(signer, nonce);
    if (!fresh)
        return fromError(fresh.error());
    if (!*fresh)
        return reply(401, QStringLiteral("replayed request: this nonce was already used"));
    return std::nullopt;
}

ArchiveResponse ArchiveService::route(const ArchiveRequest &request, const QList<QByteArray> &parts)
{
    const QByteArray &method = request.method;
    if (parts.size() == 2 && parts[1] == "health" && method == "GET")
        return ArchiveResponse{200, {{QStringLiteral("status"), QStringLiteral("ok")}}};
    if (parts.size() == 2 && parts[1] == "archive" && method == "GET")
        return ArchiveResponse{200, {{QStringLiteral("archive_key"), toHex(m_store.archiveKey())}}};
    if (parts[1] != "reviews")
        return reply(404, QStringLiteral("no such endpoint"));

    QByteArray signer;
    QByteArray nonce;
    if (parts.size() == 2) {
        if (method != "POST")
            return reply(405, QStringLiteral("use POST to create a review"));
        if (auto refused = authenticate(request, &signer, &nonce))
            return *refused;
        auto body = parseJsonObject(request.body);
        if (!body)
            return fromError(body.error());
        return createReview(*body, signer, nonce);
    }
    if (parts.size() != 4)
        return reply(404, QStringLiteral("no such endpoint"));
    const QString reviewId = QString::fromUtf8(QByteArray::fromPercentEncoding(parts[2]));
    const QByteArray &resource = parts[3];

    struct Endpoint {
        const char *method;
        const char *resource;
        Access access;
    };
    static constexpr Endpoint endpoints[] = {
        {"GET", "roster", Access::Public},      {"POST", "roster", Access::Leader},     {"POST", "invites", Access::Leader},
        {"POST", "join", Access::Signed},       {"GET", "joins", Access::Leader},       {"PUT", "setup", Access::Leader},
        {"GET", "setup", Access::Member},       {"POST", "envelopes", Access::Member},  {"GET", "envelopes", Access::Leader},
        {"POST", "collected", Access::Leader},  {"GET", "collected", Access::Member},   {"GET", "conflicts", Access::Leader},
        {"POST", "archived", Access::Leader},   {"GET", "held", Access::Member},
    };
    const Endpoint *endpoint = nullptr;
    bool resourceKnown = false;
    for (const Endpoint &candidate : endpoints) {
        if (resource == candidate.resource) {
            resourceKnown = true;
            if (method == candidate.method)
                endpoint = &candidate;
        }
    }
    if (!endpoint)
        return resourceKnown ? reply(405, QStringLiteral("method not allowed here")) : reply(404, QStringLiteral("no such endpoint"));

    auto roster = m_store.roster(reviewId);
    if (!roster)
        return fromError(roster.error());
    if (endpoint->access != Access::Public) {
        if (auto refused = authenticate(request, &signer, &nonce))
            return *refused;
        if (endpoint->access == Access::Leader && !roster->leaderKeys().contains(signer))
            return reply(403, roster->role(signer) == RosterEntry::deputyRole
                                  ? QStringLiteral("this deputy leader was revoked by the team leader")
                                  : QStringLiteral("only the team leader or a deputy leader may do this"));
        if (endpoint->access == Access::Member && signer != roster->genesis().leaderKey) {
            if (!roster->isMember(signer))
                return reply(403, QStringLiteral("this device is not enrolled in the review"));
            if (roster->revokedAt(signer))
                return reply(403, QStringLiteral("this device was revoked by the team leader"));
        }
    }

    QJsonObject body;
    if (method == "POST" || method == "PUT") {
        auto parsed = parseJsonObject(request.body);
        if (!parsed)
            return fromError(parsed.error());
        body = *parsed;
    }
    // Anyone may sign a join: it must name an open invitation before anything is written.
    if (endpoint->access == Access::Signed) {
        const auto tokenId = fromHex(body.value(QStringLiteral("token_id")).toString(), crypto_generichash_BYTES);
        if (!tokenId)
            return reply(400, QStringLiteral("token_id missing or malformed"));
        auto open = m_store.inviteOpen(reviewId, *tokenId);
        if (!open)
            return fromError(open.error());
        if (!*open)
            return reply(403, QStringLiteral("the enrolment code is unknown, used or expired"));
    }
    if (endpoint->access != Access::Public) {
        if (auto replayed = consumeNonce(signer, nonce))
            return *replayed;
    }
    if (resource == "roster" && method == "GET") {
        QJsonArray entries;
        for (const RosterEntry &entry : roster->entries())
            entries << entry.toJson();
        return ArchiveResponse{200, {{QStringLiteral("entries"), entries}}};
    }
    if (resource == "roster")
        return appendRoster(reviewId, body);
    if (resource == "invites")
        return addInvite(reviewId, body);
    if (resource == "join")
        return join(reviewId, body, signer);
    if (resource == "joins")
        return pendingJoins(reviewId);
    if (resource == "setup")
        return method == "PUT" ? putSetup(reviewId, *roster, body) : getSetup(reviewId);
    if (resource == "envelopes")
        return method == "POST" ? storeEnvelopes(reviewId, body, signer) : envelopesAfter(reviewId, request);
    if (resource == "collected")
        return method == "POST" ? markCollected(reviewId, body, *roster) : collected(reviewId, signer, request);
    if (resource == "archived")
        return markArchived(reviewId, body, *roster);
    if (resource == "held")
        return held(reviewId, signer);
    return conflicts(reviewId);
}

ArchiveResponse ArchiveService::held(const QString &reviewId, const QByteArray &signer)
{
    auto ranges = m_store.heldSequences(reviewId, signer);
    if (!ranges)
        return fromError(ranges.error());
    QJsonArray list;
    for (const auto &range : *ranges)
        list << QJsonArray{range.first, range.second};
    return ArchiveResponse{200, {{QStringLiteral("ranges"), list}}};
}

ArchiveResponse ArchiveService::createReview(const QJsonObject &body, const QByteArray &signer, const QByteArray &nonce)
{
    auto genesis = RosterEntry::fromJson(body.value(QStringLiteral("genesis")).toObject());
    if (!genesis)
        return fromError(genesis.error());
    // Only with a code the archive's operator issued: strangers cannot make reviews to store data in.
    const QString code = body.value(QStringLiteral("creation_code")).toString();
    auto open = m_store.reviewCodeOpen(code);
    if (!open)
        return fromError(open.error());
    if (!*open) {
        auto existing = m_store.roster(genesis->reviewId);
        if (existing && existing->genesis().leaderKey == signer)
            return reply(409, QStringLiteral("review %1 already exists on this archive").arg(genesis->reviewId));
        return reply(403, QStringLiteral("creating a review needs a review-creation code from the archive's operator "
                                         "(fieldnotes-archive review-code); this one is unknown, used or expired"));
    }
    if (genesis->leaderKey != signer)
        return reply(403, QStringLiteral("the review must be created by its own leader key"));
    if (genesis->archiveKey != m_store.archiveKey())
        return reply(400, QStringLiteral("the genesis entry names another archive's key"));
    if (auto replayed = consumeNonce(signer, nonce))
        return *replayed;
    if (auto created = m_store.createReview(*genesis, code); !created)
        return fromError(created.error());
    qCInfo(lcArchive) << "review created";
    return reply(201, QStringLiteral("created"));
}

ArchiveResponse ArchiveService::appendRoster(const QString &reviewId, const QJsonObject &body)
{
    auto entry = RosterEntry::fromJson(body);
    if (!entry)
        return fromError(entry.error());
    if (auto appended = m_store.appendRoster(reviewId, *entry); !appended)
        return fromError(appended.error());
    return reply(201, QStringLiteral("appended"));
}

ArchiveResponse ArchiveService::addInvite(const QString &reviewId, const QJsonObject &body)
{
    const auto tokenHash = fromHex(body.value(QStringLiteral("token_hash")).toString(), crypto_generichash_BYTES);
    const QDateTime expires = parseCanonicalTimestamp(body.value(QStringLiteral("expires_at")).toString());
    if (!tokenHash || !expires.isValid())
        return reply(400, QStringLiteral("token_hash or expires_at missing or malformed"));
    if (auto added = m_store.addInvite(reviewId, *tokenHash, expires); !added)
        return fromError(added.error());
    return reply(201, QStringLiteral("invited"));
}

ArchiveResponse ArchiveService::join(const QString &reviewId, const QJsonObject &body, const QByteArray &signer)
{
    const auto tokenId = fromHex(body.value(QStringLiteral("token_id")).toString(), crypto_generichash_BYTES);
    const auto mac = fromHex(body.value(QStringLiteral("mac")).toString(), crypto_auth_BYTES);
    const QString role = body.value(QStringLiteral("role")).toString();
    const QString label = body.value(QStringLiteral("label")).toString();
    const bool deputy = role == RosterEntry::deputyRole;
    const auto boxKey = deputy ? fromHex(body.value(QStringLiteral("box_key")).toString(), crypto_box_PUBLICKEYBYTES) : QByteArray();
    if (!tokenId || !mac || !JoinRequest::joinableRoles().contains(role) || label.size() > 80 || !boxKey
        || (!deputy && body.contains(QStringLiteral("box_key"))))
        return reply(400, QStringLiteral("token_id, mac, role (reviewer, young-inspector or deputy-leader with its box_key) or label malformed"));
    if (auto redeemed = m_store.redeemInvite(reviewId, JoinRequest{signer, role, label, {}, *tokenId, *mac, *boxKey, {}}); !redeemed)
        return redeemed.error().code == ErrorCode::NotFound ? reply(403, redeemed.error().message) : fromError(redeemed.error());
    return reply(202, QStringLiteral("waiting for the team leader's approval"));
}

ArchiveResponse ArchiveService::pendingJoins(const QString &reviewId)
{
    auto joins = m_store.pendingJoins(reviewId);
    if (!joins)
        return fromError(joins.error());
    QJsonArray list;
    for (const JoinRequest &join : *joins) {
        QJsonObject object{{QStringLiteral("device_key"), toHex(join.deviceKey)},
                           {QStringLiteral("role"), join.role},
                           {QStringLiteral("label"), join.label},
                           {QStringLiteral("requested_at"), join.requestedAt},
                           {QStringLiteral("token_id"), toHex(join.tokenId)},
                           {QStringLiteral("mac"), toHex(join.mac)}};
        if (!join.boxKey.isEmpty())
            object.insert(QStringLiteral("box_key"), toHex(join.boxKey));
        list << object;
    }
    return ArchiveResponse{200, {{QStringLiteral("joins"), list}}};
}

ArchiveResponse ArchiveService::putSetup(const QString &reviewId, const Roster &roster, const QJsonObject &body)
{
    const auto signature = fromHex(body.value(QStringLiteral("signature")).toString(), crypto_sign_BYTES);
    if (!signature || !roster.signedByALeader(*signature, setupSignedBytes(body.value(QStringLiteral("setup")).toObject())))
        return reply(400, QStringLiteral("the set-up is not signed by the team leader"));
    if (auto stored = m_store.putSetup(reviewId, canonicalJson(body)); !stored)
        return fromError(stored.error());
    return reply(201, QStringLiteral("published"));
}

ArchiveResponse ArchiveService::getSetup(const QString &reviewId)
{
    auto setup = m_store.setup(reviewId);
    if (!setup)
        return fromError(setup.error());
    auto object = parseJsonObject(*setup);
    if (!object)
        return fromError(object.error());
    return ArchiveResponse{200, *object};
}

ArchiveResponse ArchiveService::storeEnvelopes(const QString &reviewId, const QJsonObject &body, const QByteArray &signer)
{
    const QJsonArray values = body.value(QStringLiteral("envelopes")).toArray();
    if (values.isEmpty() || values.size() > maxEnvelopesPerBatch)
        return reply(400, QStringLiteral("send between 1 and %1 envelopes").arg(maxEnvelopesPerBatch));
    QList<QJsonObject> results;
    QList<Envelope> accepted;
    QList<qsizetype> acceptedAt; // index in results of each accepted envelope
    for (const QJsonValue &value : values) {
        QJsonObject result;
        auto envelope = Envelope::fromJson(value.toObject());
        QString refusal;
        if (!envelope) {
            refusal = envelope.error().message;
        } else {
            result.insert(QStringLiteral("seq"), envelope->sequence);
            result.insert(QStringLiteral("hash"), toHex(envelope->hash));
            if (envelope->reviewId != reviewId)
                refusal = QStringLiteral("the envelope names another review");
            else if (envelope->deviceKey != signer)
                refusal = QStringLiteral("a device may only send its own envelopes");
            else if (auto verified = verifyEnvelopeMetadata(*envelope); !verified)
                refusal = verified.error().message;
        }
        if (refusal.isEmpty()) {
            accepted << *envelope;
            acceptedAt << results.size();
        } else {
            result.insert(QStringLiteral("status"), QStringLiteral("refused"));
            result.insert(QStringLiteral("reason"), refusal);
        }
        results << result;
    }
    auto stored = m_store.storeEnvelopes(accepted);
    if (!stored)
        return fromError(stored.error()); // none of the batch was stored; the device retries
    // One receipt for the batch: every envelope the archive now holds, signed once.
    Receipt receipt{reviewId, signer, {}, {}, {}};
    for (qsizetype i = 0; i < accepted.size(); ++i) {
        const Envelope &envelope = accepted[i];
        const StoreResult &outcome = (*stored)[i];
        QJsonObject &result = results[acceptedAt[i]];
        if (outcome.outcome == StoreOutcome::Conflict) {
            result.insert(QStringLiteral("status"), QStringLiteral("conflict"));
            result.insert(QStringLiteral("reason"),
                          QStringLiteral("another envelope already holds sequence %1; recorded for the team leader").arg(envelope.sequence));
            continue;
        }
        result.insert(QStringLiteral("status"),
                      outcome.outcome == StoreOutcome::Stored ? QStringLiteral("stored") : QStringLiteral("already-stored"));
        receipt.envelopes << EnvelopeRef{envelope.sequence, envelope.hash, {}};
        receipt.at = std::max(receipt.at, outcome.storedAt);
    }
    QJsonArray list;
    for (const QJsonObject &result : results)
        list << result;
    QJsonObject answer{{QStringLiteral("results"), list}};
    if (!receipt.envelopes.isEmpty())
        answer.insert(QStringLiteral("receipt"), signEnvelopeList(receipt, m_store.identity().secretKey).toJson());
    return ArchiveResponse{200, answer};
}

ArchiveResponse ArchiveService::envelopesAfter(const QString &reviewId, const ArchiveRequest &request)
{
    const QUrlQuery query(QString::fromUtf8(request.query));
    bool cursorOk = true;
    bool limitOk = true;
    const qint64 after = query.hasQueryItem(QStringLiteral("after")) ? query.queryItemValue(QStringLiteral("after")).toLongLong(&cursorOk) : 0;
    const int limit = query.hasQueryItem(QStringLiteral("limit")) ? query.queryItemValue(QStringLiteral("limit")).toInt(&limitOk) : 100;
    if (!cursorOk || !limitOk || after < 0 || limit < 1 || limit > maxPageSize)
        return reply(400, QStringLiteral("after must be a cursor >= 0 and limit between 1 and %1").arg(maxPageSize));
    auto page = m_store.envelopesAfter(reviewId, after, limit);
    if (!page)
        return fromError(page.error());
    QJsonArray list;
    qint64 next = after;
    for (const StoredEnvelope &stored : *page) {
        QJsonObject object = stored.envelope.toJson();
        object.insert(QStringLiteral("cursor"), stored.cursor);
        object.insert(QStringLiteral("stored_at"), canonicalTimestamp(stored.storedAt));
        list << object;
        next = stored.cursor;
    }
    return ArchiveResponse{200, {{QStringLiteral("envelopes"), list}, {QStringLiteral("next"), next}}};
}

ArchiveResponse ArchiveService::markCollected(const QString &reviewId, const QJsonObject &body, const Roster &roster)
{
    const QJsonArray values = body.value(QStringLiteral("statements")).toArray();
    if (values.isEmpty() || values.size() > maxPageSize)
        return reply(400, QStringLiteral("send between 1 and %1 collected statements").arg(maxPageSize));
    QList<CollectedStatement> statements;
    for (const QJsonValue &value : values) {
        auto statement = CollectedStatement::fromJson(value.toObject());
        if (!statement)
            return fromError(statement.error());
        if (statement->reviewId != reviewId || !roster.signedByALeader(statement->signature, statement->signedBytes()))
            return reply(400, QStringLiteral("a collected statement is not signed by this review's team leader"));
        statements << *statement;
    }
    if (auto stored = m_store.storeCollected(reviewId, statements); !stored)
        return fromError(stored.error());
    return reply(200, QStringLiteral("marked"));
}

ArchiveResponse ArchiveService::markArchived(const QString &reviewId, const QJsonObject &body, const Roster &roster)
{
    const QJsonArray values = body.value(QStringLiteral("statements")).toArray();
    if (values.isEmpty() || values.size() > maxPageSize)
        return reply(400, QStringLiteral("send between 1 and %1 archived statements").arg(maxPageSize));
    QList<ArchivedStatement> statements;
    for (const QJsonValue &value : values) {
        auto statement = ArchivedStatement::fromJson(value.toObject());
        if (!statement)
            return fromError(statement.error());
        // The review key only, never a deputy's: what the archive removes on this word is gone.
        if (statement->reviewId != reviewId || !statement->verify(roster.genesis().leaderKey))
            return reply(400, QStringLiteral("an archived statement is not signed by this review's team leader"));
        statements << *statement;
    }
    if (auto stored = m_store.storeArchived(reviewId, statements); !stored)
        return fromError(stored.error());
    // Those already due go now; the rest when the archive next sweeps after their time.
    auto removed = m_store.removeArchivedEnvelopes();
    if (!removed)
        return fromError(removed.error());
    return ArchiveResponse{200, {{QStringLiteral("removed"), *removed}}};
}

ArchiveResponse ArchiveService::collected(const QString &reviewId, const QByteArray &signer, const ArchiveRequest &request)
{
    const QUrlQuery query(QString::fromUtf8(request.query));
    bool cursorOk = true;
    const qint64 after = query.hasQueryItem(QStringLiteral("after")) ? query.queryItemValue(QStringLiteral("after")).toLongLong(&cursorOk) : 0;
    if (!cursorOk || after < 0)
        return reply(400, QStringLiteral("after must be a cursor >= 0"));
    auto page = m_store.collectedStatements(reviewId, signer, after, maxPageSize);
    if (!page)
        return fromError(page.error());
    QJsonArray list;
    qint64 next = after;
    for (const auto &[cursor, body] : *page) {
        auto statement = parseJsonObject(body);
        if (!statement)
            return fromError(statement.error());
        list << *statement;
        next = cursor;
    }
    return ArchiveResponse{200, {{QStringLiteral("statements"), list}, {QStringLiteral("next"), next}}};
}

ArchiveResponse ArchiveService::conflicts(const QString &reviewId)
{
    auto conflicts = m_store.conflicts(reviewId);
    if (!conflicts)
        return fromError(conflicts.error());
    QJsonArray list;
    for (const Envelope &envelope : *conflicts)
        list << envelope.toJson();
    return ArchiveResponse{200, {{QStringLiteral("conflicts"), list}}};
}

} // namespace fieldnotes::sync
