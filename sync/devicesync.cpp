#include "devicesync.h"

#include "deskreview.h"

#include "archiveclient.h"
#include "joinrequest.h"
#include "reviewsetup.h"
#include "syncencoding.h"
#include "vault.h"

#include <QJsonArray>
#include <QSet>
#include <QUrl>

#include <deque>

namespace fieldnotes::sync {

namespace {
qint64 setupVersionOf(const QJsonObject &setup)
{
    return std::max<qint64>(0, setup.value(QStringLiteral("version")).toInteger(0));
}

int retentionDaysOf(const QJsonObject &setup)
{
    const QJsonValue days = setup.value(QStringLiteral("retention_days"));
    return days.isDouble() && days.toInteger(-1) >= 0 ? static_cast<int>(days.toInteger()) : Enrolment::keepCollected;
}
} // namespace

DeviceSync::DeviceSync(Vault &vault, int timeoutMs) : m_vault(vault), m_store(vault), m_timeoutMs(timeoutMs) {}

DeviceIdentity DeviceSync::deviceIdentity() const
{
    const DeviceIdentity &own = m_vault.identity();
    return DeviceIdentity{own.publicKey, SecureBytes::copyOf(own.secretKey.data(), own.secretKey.size())};
}

Result<void> DeviceSync::join(const EnrolmentCode &code, const QString &role, const QString &label)
{
    if (!JoinRequest::joinableRoles().contains(role))
        return invalid(QStringLiteral("a tablet joins as reviewer, young-inspector or (with a code made for one) deputy-leader; the team "
                                      "leader's own device is enrolled when the review is created"));
    QByteArray boxKey;
    if (role == RosterEntry::deputyRole) {
        // A deputy opens notes with a box key of its own, made (and kept) before the archive hears
        // of it: a second attempt to join brings the same key.
        auto keys = m_store.reviewKeys(code.reviewId);
        if (!keys)
            return keys.error();
        if (*keys)
            return invalid(QStringLiteral("this vault leads review %1 already").arg(code.reviewId));
        auto made = m_store.deputyBoxKey(code.reviewId);
        if (!made)
            return made.error();
        boxKey = *made;
    }
    ArchiveClient client(QUrl(code.archiveUrl), code.fingerprint, deviceIdentity());
    // The token itself never leaves the tablet: the archive gets its hash, and the leader a MAC
    // keyed from it over exactly what this tablet asks for.
    const QByteArray mac = JoinRequest::macOf(code.token, code.reviewId, m_vault.devicePublicKey(), role, label, boxKey);
    QJsonObject request{{QStringLiteral("token_id"), toHex(JoinRequest::tokenIdOf(code.token))},
                        {QStringLiteral("mac"), toHex(mac)},
                        {QStringLiteral("role"), role},
                        {QStringLiteral("label"), label}};
    if (!boxKey.isEmpty())
        request.insert(QStringLiteral("box_key"), toHex(boxKey));
    const ArchiveReply reply = client.send("POST", reviewPath(code.reviewId, "join"), request);
    if (!reply.ok())
        return reply.toError();
    return m_store.saveEnrolment(
        Enrolment{code.reviewId, code.archiveUrl, code.fingerprint, code.leaderKey, code.leaderBoxKey, role, QStringLiteral("requested")});
}

Result<SyncOutcome> DeviceSync::syncOnce(int batchSize, const std::function<void(int, int)> &progress)
{
    auto enrolment = m_store.enrolment();
    if (!enrolment)
        return enrolment.error();
    if (!*enrolment)
        return Error{ErrorCode::NotFound, QStringLiteral("this vault has not joined a review (run `join CODE`)")};
    Enrolment &joined = **enrolment;
    ArchiveClient client(QUrl(joined.archiveUrl), joined.fingerprint, deviceIdentity(), m_timeoutMs);
    SyncOutcome outcome;

    const ArchiveReply rosterReply = client.get(reviewPath(joined.reviewId, "roster"), false);
    if (!rosterReply.ok())
        return rosterReply.toError();
    auto entries = RosterEntry::listFromJson(rosterReply.body.value(QStringLiteral("entries")).toArray());
    if (!entries)
        return entries.error();
    auto roster = Roster::fromEntries(*entries, joined.leaderKey);
    if (!roster)
        return roster.error();
    if (roster->genesis().leaderBoxKey != joined.leaderBoxKey)
        return invalid(QStringLiteral("the roster names a different box key than the enrolment code"));
    if (roster->genesis().reviewId != joined.reviewId)
        return invalid(QStringLiteral("the roster is for another review"));
    auto seenRoster = m_store.rosterEntries(joined.reviewId);
    if (!seenRoster)
        return seenRoster.error();
    if (auto extends = roster->extends(*seenRoster); !extends)
        return extends.error();
    if (auto saved = m_store.saveRoster(joined.reviewId, roster->entries()); !saved)
        return saved.error();
    const QByteArray self = m_vault.devicePublicKey();
    QString state = roster->revokedAt(self) ? QStringLiteral("revoked")
                    : roster->isMember(self) ? QStringLiteral("enrolled")
                                             : QStringLiteral("requested");
    if (state == QLatin1String("enrolled")) {
        // Fetched on every sync: the leader may change the retention period at any time.
        const ArchiveReply setup = client.get(reviewPath(joined.reviewId, "setup"));
        if (!setup.ok())
            return setup.toError();
        const QJsonObject content = setup.body.value(QStringLiteral("setup")).toObject();
        const auto signature = fromHex(setup.body.value(QStringLiteral("signature")).toString(), 64);
        if (!signature || !roster->signedByALeader(*signature, setupSignedBytes(content)))
            return invalid(QStringLiteral("the review set-up is not signed by the team leader or an active deputy leader"));
        if (content.value(QStringLiteral("review")).toObject().value(QStringLiteral("id")).toString() != joined.reviewId)
            return invalid(QStringLiteral("the archive sent the set-up of another review; refused"));
        // A signed set-up stays signed forever: only its version tells an old one (say, with a
        // shorter retention period) from the one in force.
        const qint64 version = setupVersionOf(content);
        auto seenVersion = m_store.setting(QStringLiteral("setup-version"));
        if (!seenVersion)
            return seenVersion.error();
        if (version < seenVersion->toLongLong())
            return invalid(QStringLiteral("the archive sent an older review set-up (version %1) than this tablet already has "
                                          "(version %2); refused, nothing changed")
                               .arg(version)
                               .arg(seenVersion->toLongLong()));
        // A newer set-up brings what the leader added (priorities, engagements, desk-top reviews,
        // sources); it is imported before its version is kept, so a failed import is tried again.
        const bool newer = version > seenVersion->toLongLong();
        if (state != joined.state || newer) {
            if (auto imported = importReviewSetup(m_vault.store(), content); !imported)
                return imported.error();
            if (auto imported = importDeskSetup(m_vault, joined.reviewId, content); !imported)
                return imported.error();
        }
        if (newer) {
            if (auto saved = m_store.saveSetting(QStringLiteral("setup-version"), QString::number(version)); !saved)
                return saved.error();
        }
        const int retention = retentionDaysOf(content);
        if (retention != joined.retentionDays) {
            if (auto saved = m_store.setRetentionDays(retention); !saved)
                return saved.error();
            joined.retentionDays = retention;
        }
    }
    if (state != joined.state) {
        if (auto saved = m_store.setEnrolmentState(state); !saved)
            return saved.error();
        joined.state = state;
    }
    outcome.enrolmentState = state;
    if (state != QLatin1String("enrolled"))
        return outcome;
    if (roster->isActiveDeputy(self)) {
        // Entered as a deputy (the review's set-up is in by now): its desk's keys, with the box
        // key the roster names.
        auto keys = m_store.reviewKeys(joined.reviewId);
        if (!keys)
            return keys.error();
        if (!*keys) {
            if (auto saved = m_store.saveDeputyKeys(joined, roster->genesis().archiveKey, roster->boxKey(self)); !saved)
                return saved.error();
        }
    }

    auto enqueued = m_store.enqueueSignedNotes(joined);
    if (!enqueued)
        return enqueued.error();
    outcome.enqueued = *enqueued;
    const QByteArray archiveKey = roster->genesis().archiveKey;
    auto waiting = m_store.outboxCounts();
    if (!waiting)
        return waiting.error();
    // Delivered notes stay in the outbox until the leader has collected them: an archive
    // restored from a backup taken before they came gets them again.
    if (waiting->delivered > 0) {
        const ArchiveReply held = client.get(reviewPath(joined.reviewId, "held"));
        if (!held.ok())
            return held.toError();
        QList<std::pair<qint64, qint64>> ranges;
        for (const QJsonValue &range : held.body.value(QStringLiteral("ranges")).toArray())
            ranges.append({range[0].toInteger(), range[1].toInteger()});
        auto requeued = m_store.requeueNotHeld(joined.reviewId, ranges);
        if (!requeued)
            return requeued.error();
        outcome.resent = *requeued;
        if (*requeued > 0) {
            waiting = m_store.outboxCounts();
            if (!waiting)
                return waiting.error();
        }
    }
    // Two batches on their way at once: while the archive stores one, the next is already
    // travelling, and the answer to the first is checked and recorded meanwhile. Each batch is
    // still answered and recorded on its own, so an interruption loses nothing either way.
    struct Batch {
        QList<OutboxItem> items;
        std::unique_ptr<PendingReply> reply;
    };
    std::deque<Batch> inFlight;
    QSet<QString> refusedIds;
    QSet<QString> sendingIds;
    const auto nextBatch = [&] { return m_store.queued(batchSize, refusedIds | sendingIds); };
    const auto record = [&](const Batch &batch, const ArchiveReply &reply) -> Result<void> {
        for (const OutboxItem &item : batch.items)
            sendingIds.remove(item.noteId);
        QStringList delivered;
        QList<std::pair<QString, QString>> failed;
        if (!reply.ok()) {
            for (const OutboxItem &item : batch.items)
                failed.append({item.noteId, reply.error});
            return m_store.recordBatch(nullptr, {}, failed);
        }
        const QJsonArray results = reply.body.value(QStringLiteral("results")).toArray();
        auto receipt = Receipt::fromJson(reply.body.value(QStringLiteral("receipt")).toObject());
        const bool receiptHolds = receipt && receipt->reviewId == joined.reviewId && receipt->deviceKey == self && receipt->verify(archiveKey);
        for (qsizetype i = 0; i < batch.items.size(); ++i) {
            const OutboxItem &item = batch.items[i];
            const QJsonObject result = i < results.size() ? results[i].toObject() : QJsonObject();
            const QString status = result.value(QStringLiteral("status")).toString();
            const bool valid = (status == QLatin1String("stored") || status == QLatin1String("already-stored")) && receiptHolds
                               && receipt->names(EnvelopeRef{item.sequence, item.envelopeHash, {}});
            if (valid) {
                delivered << item.noteId;
            } else {
                failed.append({item.noteId, result.value(QStringLiteral("reason")).toString(
                                                status.isEmpty() ? QStringLiteral("no valid receipt from the archive") : status)});
                refusedIds.insert(item.noteId);
            }
        }
        if (auto recorded = m_store.recordBatch(receiptHolds ? &*receipt : nullptr, delivered, failed); !recorded)
            return recorded;
        outcome.delivered += int(delivered.size());
        outcome.refused += int(failed.size());
        if (progress)
            progress(outcome.delivered + outcome.refused, waiting->queued);
        return {};
    };
    for (;;) {
        while (inFlight.size() < 2) {
            auto batch = nextBatch();
            if (!batch)
                return batch.error();
            if (batch->isEmpty())
                break;
            // The envelopes' stored bytes as they are: sealed and serialised once, at signing.
            QByteArrayList envelopes;
            for (const OutboxItem &item : *batch) {
                envelopes << item.envelopeJson;
                sendingIds.insert(item.noteId);
            }
            const QByteArray body = "{\"envelopes\":[" + envelopes.join(',') + "]}";
            const QString path = reviewPath(joined.reviewId, "envelopes");
            inFlight.push_back(Batch{*batch, client.startRaw("POST", path, body, client.signedHeaders("POST", path, body))});
        }
        if (inFlight.empty())
            break;
        Batch batch = std::move(inFlight.front());
        inFlight.pop_front();
        const ArchiveReply reply = client.finish(*batch.reply);
        if (auto recorded = record(batch, reply); !recorded)
            return recorded.error();
        if (!reply.ok()) {
            // Whatever else was on its way is answered and recorded too before giving up.
            for (Batch &other : inFlight)
                if (auto recorded = record(other, client.finish(*other.reply)); !recorded)
                    return recorded.error();
            return reply.toError();
        }
    }

    // Collected only on the team leader's own signed word, never on the archive's.
    auto cursor = m_store.collectedCursor();
    if (!cursor)
        return cursor.error();
    for (;;) {
        const ArchiveReply page = client.get(reviewPath(joined.reviewId, "collected") + QStringLiteral("?after=%1").arg(*cursor));
        if (!page.ok())
            return page.toError();
        const QJsonArray statements = page.body.value(QStringLiteral("statements")).toArray();
        if (statements.isEmpty())
            break;
        QList<CollectedStatement> trusted;
        for (const QJsonValue &value : statements) {
            auto statement = CollectedStatement::fromJson(value.toObject());
            if (statement && statement->reviewId == joined.reviewId && statement->deviceKey == self
                && roster->signedByALeader(statement->signature, statement->signedBytes()))
                trusted << *statement;
            else
                ++outcome.untrustedStatements;
        }
        const qint64 next = page.body.value(QStringLiteral("next")).toInteger(*cursor);
        if (next <= *cursor)
            return invalid(QStringLiteral("the archive's collected cursor does not move forward"));
        auto marked = m_store.markCollected(trusted, next);
        if (!marked)
            return marked.error();
        outcome.collected += *marked;
        *cursor = next;
    }
    auto removed = m_store.removeCollectedContent(joined.retentionDays);
    if (!removed)
        return removed.error();
    outcome.contentRemoved = *removed;
    if (auto saved = m_store.saveSetting(QStringLiteral("sync-last-success"), canonicalTimestamp(QDateTime::currentDateTimeUtc())); !saved)
        return saved.error();
    return outcome;
}

} // namespace fieldnotes::sync
