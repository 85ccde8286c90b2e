// The archive's protocol on a real SQLCipher store: who may do what, idempotent storing,
// conflicts, replays, and bad input refused with nothing stored.
#include "archiveservice.h"
#include "archivestore.h"
#include "joinrequest.h"
#include "notestore.h"
#include "requestsignature.h"
#include "signedenvelopelist.h"
#include "syncencoding.h"
#include "testvault.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sodium.h>

using namespace fieldnotes;
using namespace fieldnotes::sync;
using namespace fieldnotes::test;

namespace {
DeviceIdentity newIdentity()
{
    DeviceIdentity identity{QByteArray(crypto_sign_PUBLICKEYBYTES, '\0'), SecureBytes(crypto_sign_SECRETKEYBYTES)};
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(identity.publicKey.data()), identity.secretKey.data());
    return identity;
}

ArchiveRequest signedRequest(const QByteArray &method, const QByteArray &path, const QByteArray &body,
                             const DeviceIdentity &identity, const QByteArray &query = {})
{
    const QByteArray target = query.isEmpty() ? path : path + '?' + query;
    const auto signature = RequestSignature::sign(method, target, body, identity.publicKey, identity.secretKey,
                                                  QDateTime::currentDateTimeUtc());
    return ArchiveRequest{method, path, query, signature.headers(), body};
}

QByteArray json(const QJsonObject &object)
{
    return canonicalJson(object);
}
} // namespace

class TestArchiveService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_directory;
    QString m_data;
    int m_archives = 0;
    std::unique_ptr<ArchiveStore> m_store;
    std::unique_ptr<ArchiveService> m_service;
    std::unique_ptr<ScratchVault> m_device; // an enrolled tablet, its review is the archive's review
    DeviceIdentity m_leader;
    QByteArray m_boxPublic;
    SecureBytes m_boxSecret;
    QByteArray m_lastHash;
    qint64 m_rosterSequence = 0;

    QString reviewId() const { return m_device->reviewId; }
    QByteArray path(const char *resource) const { return "/v1/reviews/" + reviewId().toUtf8() + '/' + resource; }

    ArchiveResponse appendRoster(RosterEntry::Type type, const QByteArray &device)
    {
        RosterEntry entry;
        entry.reviewId = reviewId();
        entry.sequence = ++m_rosterSequence;
        entry.previousHash = m_lastHash;
        entry.type = type;
        entry.at = QDateTime::currentDateTimeUtc();
        entry.deviceKey = device;
        entry.role = QStringLiteral("reviewer");
        entry = signRosterEntry(entry, m_leader.secretKey);
        m_lastHash = entry.hash();
        return m_service->handle(signedRequest("POST", path("roster"), json(entry.toJson()), m_leader));
    }

    Envelope envelopeFor(const QString &text)
    {
        const SignedNote note = *m_device->vault->store().signedNote(m_device->addSignedNote(text));
        return *sealNote(note, {m_boxPublic}, m_device->vault->identity());
    }

    ArchiveResponse upload(const QList<Envelope> &envelopes, const DeviceIdentity &identity)
    {
        QJsonArray list;
        for (const Envelope &envelope : envelopes)
            list << envelope.toJson();
        return m_service->handle(signedRequest("POST", path("envelopes"), json({{QStringLiteral("envelopes"), list}}), identity));
    }

    qint64 stored() { return *m_store->envelopeCount(); }

private slots:
    void init()
    {
        QVERIFY(m_directory.isValid());
        m_data = m_directory.path() + QStringLiteral("/archive-") + QString::number(++m_archives);
        auto store = ArchiveStore::open(m_data, secret("archive passphrase"), fastKdf());
        QVERIFY(store.ok());
        m_store = std::move(*store);
        m_service = std::make_unique<ArchiveService>(*m_store);
        m_device = std::make_unique<ScratchVault>();
        m_leader = newIdentity();
        m_boxPublic = QByteArray(crypto_box_PUBLICKEYBYTES, '\0');
        m_boxSecret = SecureBytes(crypto_box_SECRETKEYBYTES);
        crypto_box_keypair(reinterpret_cast<unsigned char *>(m_boxPublic.data()), m_boxSecret.data());

        RosterEntry genesis;
        genesis.reviewId = reviewId();
        genesis.at = QDateTime::currentDateTimeUtc();
        genesis.leaderKey = m_leader.publicKey;
        genesis.leaderBoxKey = m_boxPublic;
        genesis.archiveKey = m_store->archiveKey();
        genesis.archiveUrl = QStringLiteral("http://127.0.0.1:1");
        genesis = signRosterEntry(genesis, m_leader.secretKey);
        m_lastHash = genesis.hash();
        m_rosterSequence = 1;
        // A stranger's key without a code the operator issued creates nothing.
        QCOMPARE(m_service->handle(signedRequest("POST", "/v1/reviews", json({{QStringLiteral("genesis"), genesis.toJson()}}), m_leader)).status,
                 403);
        const QString code = m_store->issueReviewCode(1);
        const QByteArray create = json({{QStringLiteral("genesis"), genesis.toJson()}, {QStringLiteral("creation_code"), code}});
        QCOMPARE(m_service->handle(signedRequest("POST", "/v1/reviews", create, m_leader)).status, 201);
        // The code is used up: another review cannot be made with it.
        RosterEntry second = genesis;
        second.reviewId = QStringLiteral("another");
        second = signRosterEntry(second, m_leader.secretKey);
        QCOMPARE(m_service->handle(signedRequest("POST", "/v1/reviews", json({{QStringLiteral("genesis"), second.toJson()}, {QStringLiteral("creation_code"), code}}), m_leader)).status,
                 403);
        QCOMPARE(appendRoster(RosterEntry::Type::Member, m_device->vault->devicePublicKey()).status, 201);
    }

    void storesOnceAndAnswersWithASignedReceipt()
    {
        const Envelope envelope = envelopeFor(QStringLiteral("first"));
        const ArchiveResponse first = upload({envelope}, m_device->vault->identity());
        QCOMPARE(first.status, 200);
        const QJsonObject result = first.body[QStringLiteral("results")].toArray().at(0).toObject();
        QCOMPARE(result[QStringLiteral("status")].toString(), QStringLiteral("stored"));
        auto receipt = Receipt::fromJson(first.body[QStringLiteral("receipt")].toObject());
        QVERIFY(receipt.ok());
        QVERIFY(receipt->verify(m_store->archiveKey()));
        QCOMPARE(receipt->envelopes, (QList<EnvelopeRef>{{envelope.sequence, envelope.hash}}));
        QCOMPARE(receipt->deviceKey, m_device->vault->devicePublicKey());

        // A retry after a lost answer: same bytes, "already stored", still one copy.
        const ArchiveResponse again = upload({envelope}, m_device->vault->identity());
        QCOMPARE(again.body[QStringLiteral("results")].toArray().at(0)[QStringLiteral("status")].toString(),
                 QStringLiteral("already-stored"));
        QCOMPARE(stored(), 1);
    }

    void differentEnvelopeForATakenSequenceIsAConflict()
    {
        const QString id = m_device->addSignedNote(QStringLiteral("sealed twice"));
        const SignedNote note = *m_device->vault->store().signedNote(id);
        const Envelope first = *sealNote(note, {m_boxPublic}, m_device->vault->identity());
        const Envelope second = *sealNote(note, {m_boxPublic}, m_device->vault->identity()); // new random box
        QVERIFY(first.hash != second.hash);
        QCOMPARE(upload({first}, m_device->vault->identity()).status, 200);
        const ArchiveResponse conflict = upload({second}, m_device->vault->identity());
        const QJsonObject result = conflict.body[QStringLiteral("results")].toArray().at(0).toObject();
        QCOMPARE(result[QStringLiteral("status")].toString(), QStringLiteral("conflict"));
        QVERIFY(!conflict.body.contains(QStringLiteral("receipt")));
        QCOMPARE(stored(), 1);
        auto conflicts = m_store->conflicts(reviewId());
        QCOMPARE(conflicts->size(), 1);
        QCOMPARE(conflicts->front().hash, second.hash);
        // The first envelope is the one kept.
        QCOMPARE(m_store->envelopesAfter(reviewId(), 0, 10)->front().envelope.hash, first.hash);
    }

    void replayedRequestIsRefused()
    {
        const Envelope envelope = envelopeFor(QStringLiteral("replayed"));
        const QByteArray body = json({{QStringLiteral("envelopes"), QJsonArray{envelope.toJson()}}});
        const ArchiveRequest request = signedRequest("POST", path("envelopes"), body, m_device->vault->identity());
        QCOMPARE(m_service->handle(request).status, 200);
        const ArchiveResponse replay = m_service->handle(request);
        QCOMPARE(replay.status, 401);
        QVERIFY(replay.body[QStringLiteral("error")].toString().contains(QStringLiteral("replayed")));
        QCOMPARE(stored(), 1);
    }

    // Security review, finding 8: a caller who may not do something gets no durable write out of
    // the archive, not even a remembered nonce.
    void nothingIsWrittenBeforeTheCallerIsAllowed()
    {
        const qint64 before = *m_store->nonceCount();
        QElapsedTimer clock;
        clock.start();
        const int attempts = 5000;
        for (int i = 0; i < attempts; ++i) {
            QByteArray wrongToken(32, '\0');
            randombytes_buf(wrongToken.data(), 32);
            const DeviceIdentity stranger = newIdentity();
            const QByteArray join = json({{QStringLiteral("token_id"), toHex(JoinRequest::tokenIdOf(wrongToken))},
                                          {QStringLiteral("mac"), toHex(QByteArray(32, 'm'))},
                                          {QStringLiteral("role"), QStringLiteral("reviewer")},
                                          {QStringLiteral("label"), QStringLiteral("x")}});
            QCOMPARE(m_service->handle(signedRequest("POST", path("join"), join, stranger)).status, 403);
        }
        const qint64 elapsed = clock.elapsed();
        const DeviceIdentity stranger = newIdentity();
        QCOMPARE(upload({envelopeFor(QStringLiteral("not enrolled"))}, stranger).status, 403);
        QCOMPARE(m_service->handle(signedRequest("GET", path("joins"), {}, stranger)).status, 403);
        QCOMPARE(m_service->handle(signedRequest("GET", path("envelopes"), {}, stranger, "after=0")).status, 403);
        QCOMPARE(*m_store->nonceCount(), before);
        qInfo("%d refused joins in %lld ms (%.0f/s), no nonce stored", attempts, elapsed, attempts * 1000.0 / std::max<qint64>(1, elapsed));
        // An allowed caller's nonce is remembered, so a replay is still refused.
        QCOMPARE(upload({envelopeFor(QStringLiteral("enrolled"))}, m_device->vault->identity()).status, 200);
        QCOMPARE(*m_store->nonceCount(), before + 1);
    }

    void unsignedStaleOrForgedRequestsAreRefused()
    {
        const Envelope envelope = envelopeFor(QStringLiteral("forged"));
        const QByteArray body = json({{QStringLiteral("envelopes"), QJsonArray{envelope.toJson()}}});
        QCOMPARE(m_service->handle(ArchiveRequest{"POST", path("envelopes"), {}, {}, body}).status, 401);
        ArchiveRequest altered = signedRequest("POST", path("envelopes"), body, m_device->vault->identity());
        altered.body.replace("envelopes", "envelopez");
        QCOMPARE(m_service->handle(altered).status, 401);
        // A tablet whose clock is minutes or years off is told so, in words.
        for (const qint64 skew : {-600LL, 601LL, -3 * 365 * 86400LL, 3 * 365 * 86400LL}) {
            const auto skewed = RequestSignature::sign("POST", path("envelopes"), body, m_device->vault->devicePublicKey(),
                                                       m_device->vault->identity().secretKey, QDateTime::currentDateTimeUtc().addSecs(skew));
            const ArchiveResponse refused = m_service->handle(ArchiveRequest{"POST", path("envelopes"), {}, skewed.headers(), body});
            QCOMPARE(refused.status, 401);
            QVERIFY(refused.body[QStringLiteral("error")].toString().contains(QStringLiteral("clock")));
        }
        QCOMPARE(stored(), 0);
    }

    void unenrolledDeviceIsRefusedWithNothingStored()
    {
        ScratchVault stranger;
        const SignedNote note = *stranger.vault->store().signedNote(stranger.addSignedNote(QStringLiteral("not enrolled")));
        Envelope envelope = *sealNote(note, {m_boxPublic}, stranger.vault->identity());
        const ArchiveResponse response = upload({envelope}, stranger.vault->identity());
        QCOMPARE(response.status, 403);
        QCOMPARE(stored(), 0);
        // Nor may an enrolled device send it on the stranger's behalf.
        const ArchiveResponse relayed = upload({envelope}, m_device->vault->identity());
        QCOMPARE(relayed.body[QStringLiteral("results")].toArray().at(0)[QStringLiteral("status")].toString(), QStringLiteral("refused"));
        QCOMPARE(stored(), 0);
    }

    void revokedDeviceIsRefusedFromThenOn()
    {
        QCOMPARE(upload({envelopeFor(QStringLiteral("before"))}, m_device->vault->identity()).status, 200);
        QCOMPARE(appendRoster(RosterEntry::Type::Revocation, m_device->vault->devicePublicKey()).status, 201);
        const ArchiveResponse after = upload({envelopeFor(QStringLiteral("after"))}, m_device->vault->identity());
        QCOMPARE(after.status, 403);
        QVERIFY(after.body[QStringLiteral("error")].toString().contains(QStringLiteral("revoked")));
        QCOMPARE(stored(), 1);
    }

    void tamperedEnvelopeOrMetadataIsRefusedWithNothingStored()
    {
        Envelope flipped = envelopeFor(QStringLiteral("flipped"));
        flipped.sealed[5] = static_cast<char>(flipped.sealed[5] ^ 0x40);
        Envelope renumbered = envelopeFor(QStringLiteral("renumbered"));
        renumbered.sequence = 99;
        const ArchiveResponse response = upload({flipped, renumbered}, m_device->vault->identity());
        QCOMPARE(response.status, 200);
        for (const QJsonValue &result : response.body[QStringLiteral("results")].toArray())
            QCOMPARE(result[QStringLiteral("status")].toString(), QStringLiteral("refused"));
        QCOMPARE(stored(), 0);
    }

    void aSecondSpellingOfTheSameBytesIsRefused()
    {
        // Upper-case hex and base64 with set trailing bits decode to the genuine bytes; only the one form
        // the app writes is taken, so a changed request never passes as the same one.
        Envelope envelope = envelopeFor(QStringLiteral("spelled twice"));
        for (QString text = QStringLiteral("spelled twice"); envelope.sealed.size() % 3 == 0; text += QLatin1Char('!'))
            envelope = envelopeFor(text); // the trailing-bits case needs base64 padding
        QJsonObject upper = envelope.toJson();
        upper[QStringLiteral("hash")] = upper[QStringLiteral("hash")].toString().toUpper();
        QJsonObject looseBase64 = envelope.toJson();
        QString sealed = looseBase64[QStringLiteral("sealed")].toString();
        const qsizetype last = sealed.indexOf(QLatin1Char('=')) - 1;
        QVERIFY2(last > 0, "the sealed note's length leaves padding");
        const QString alphabet = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
        sealed[last] = alphabet[alphabet.indexOf(sealed[last]) ^ 1];
        looseBase64[QStringLiteral("sealed")] = sealed;
        QVERIFY(QByteArray::fromBase64(sealed.toLatin1()) == envelope.sealed);
        for (const QJsonObject &spelled : {upper, looseBase64}) {
            const ArchiveResponse response = m_service->handle(
                signedRequest("POST", path("envelopes"), json({{QStringLiteral("envelopes"), QJsonArray{spelled}}}),
                              m_device->vault->identity()));
            QVERIFY(response.status == 400
                    || response.body[QStringLiteral("results")].toArray().at(0)[QStringLiteral("status")] == QStringLiteral("refused"));
        }
        QCOMPARE(stored(), 0);
        QCOMPARE(upload({envelope}, m_device->vault->identity()).status, 200);
        QCOMPARE(stored(), 1);
    }

    void malformedBodiesGetAClearFourHundred()
    {
        const DeviceIdentity &device = m_device->vault->identity();
        for (const QByteArray &body : {QByteArray("{\"envelopes\": [\"\xff\xfe\"]}"), QByteArray("not json"),
                                       QByteArray("[]"), QByteArray("{\"envelopes\": []}"),
                                       QByteArray("{\"envelopes\": [{\"seq\": \"x\"}]}")}) {
            const ArchiveResponse response = m_service->handle(signedRequest("POST", path("envelopes"), body, device));
            QVERIFY2(response.status == 400 || response.body[QStringLiteral("results")].toArray().at(0)[QStringLiteral("status")] == QStringLiteral("refused"),
                     body.constData());
            QVERIFY(!response.body.isEmpty());
        }
        QJsonArray tooMany;
        const QJsonObject one = envelopeFor(QStringLiteral("many")).toJson();
        for (int i = 0; i <= ArchiveService::maxEnvelopesPerBatch; ++i)
            tooMany << one;
        QCOMPARE(upload({}, device).status, 400);
        QCOMPARE(m_service->handle(signedRequest("POST", path("envelopes"), json({{QStringLiteral("envelopes"), tooMany}}), device)).status, 400);
        QCOMPARE(m_service->handle(signedRequest("GET", path("envelopes"), {}, m_leader, "after=-1")).status, 400);
        QCOMPARE(m_service->handle(ArchiveRequest{"GET", "/v2/health", {}, {}, {}}).status, 404);
        QCOMPARE(m_service->handle(ArchiveRequest{"DELETE", path("roster"), {}, {}, {}}).status, 405);
        QCOMPARE(stored(), 0);
    }

    void mutatedRequestsNeverCrashOrStoreAnything()
    {
        // A seeded corpus-mutation run over the archive's parsers (JSON, envelopes, roster entries,
        // headers): every byte sequence gets an answer, and nothing is stored from a bad one.
        const Envelope envelope = envelopeFor(QStringLiteral("mutated"));
        const QByteArray valid = json({{QStringLiteral("envelopes"), QJsonArray{envelope.toJson()}}});
        QList<QByteArray> corpus{valid, json(envelope.toJson()), QByteArray("{\"a\":\"b\u0000c\"}"),
                                 QByteArray("{\"envelopes\":[") + QByteArray(1, '\0') + "]}", QByteArray(5000, '[') + QByteArray(5000, ']'),
                                 "{\"envelopes\":" + QByteArray(3000, '[') + QByteArray(3000, ']') + "}"};
        QRandomGenerator random(4242);
        for (int round = 0; round < 3000; ++round) {
            const QByteArray &original = corpus[random.bounded(int(corpus.size()))];
            QByteArray body = original;
            const int flips = random.bounded(1, 8);
            for (int flip = 0; flip < flips && !body.isEmpty(); ++flip)
                body[random.bounded(int(body.size()))] = char(random.bounded(256));
            if (random.bounded(4) == 0)
                body.truncate(random.bounded(int(body.size()) + 1));
            if (body == original && original == valid)
                continue; // a "mutation" that wrote back the same bytes is the genuine request
            const QByteArray resource = QList<QByteArray>{"envelopes", "roster", "join", "invites", "collected"}[random.bounded(5)];
            const DeviceIdentity &signer = random.bounded(2) ? m_leader : m_device->vault->identity();
            const ArchiveResponse response = m_service->handle(signedRequest("POST", path(resource.constData()), body, signer));
            QVERIFY(response.status >= 200 && response.status < 600);
        }
        QCOMPARE(stored(), 0);
        QCOMPARE(m_store->roster(reviewId())->lastSequence(), 2);
    }

    void onlyTheLeaderCollectsAndAppendsToTheRoster()
    {
        QCOMPARE(upload({envelopeFor(QStringLiteral("for the leader"))}, m_device->vault->identity()).status, 200);
        const DeviceIdentity &device = m_device->vault->identity();
        QCOMPARE(m_service->handle(signedRequest("GET", path("envelopes"), {}, device, "after=0")).status, 403);
        QCOMPARE(m_service->handle(signedRequest("GET", path("joins"), {}, device)).status, 403);
        const ArchiveResponse page = m_service->handle(signedRequest("GET", path("envelopes"), {}, m_leader, "after=0&limit=10"));
        QCOMPARE(page.status, 200);
        QCOMPARE(page.body[QStringLiteral("envelopes")].toArray().size(), 1);
        const qint64 next = page.body[QStringLiteral("next")].toInteger();
        const ArchiveResponse empty = m_service->handle(
            signedRequest("GET", path("envelopes"), {}, m_leader, "after=" + QByteArray::number(next)));
        QCOMPARE(empty.body[QStringLiteral("envelopes")].toArray().size(), 0);
    }

    void collectedStatementsMustBeTheLeadersOwn()
    {
        const Envelope envelope = envelopeFor(QStringLiteral("collected"));
        QCOMPARE(upload({envelope}, m_device->vault->identity()).status, 200);
        const DeviceIdentity &device = m_device->vault->identity();
        const CollectedStatement statement{reviewId(), device.publicKey, QDateTime::currentDateTimeUtc(),
                                           {{envelope.sequence, envelope.hash, QByteArray(32, 'n')}}, {}};
        const auto post = [&](const CollectedStatement &signedStatement, const DeviceIdentity &by) {
            return m_service->handle(signedRequest("POST", path("collected"),
                                                   json({{QStringLiteral("statements"), QJsonArray{signedStatement.toJson()}}}), by));
        };
        const auto statementsFor = [&](const DeviceIdentity &who) {
            return m_service->handle(signedRequest("GET", path("collected"), {}, who, "after=0")).body[QStringLiteral("statements")].toArray();
        };
        // A device may not post one, and the leader's request may not carry one signed by another key.
        QCOMPARE(post(signEnvelopeList(statement, device.secretKey), device).status, 403);
        QCOMPARE(post(signEnvelopeList(statement, device.secretKey), m_leader).status, 400);
        CollectedStatement otherReview = statement;
        otherReview.reviewId = QStringLiteral("another-review");
        QCOMPARE(post(signEnvelopeList(otherReview, m_leader.secretKey), m_leader).status, 400);
        QVERIFY(statementsFor(device).isEmpty());

        QCOMPARE(post(signEnvelopeList(statement, m_leader.secretKey), m_leader).status, 200);
        const QJsonArray held = statementsFor(device);
        QCOMPARE(held.size(), 1);
        auto relayed = CollectedStatement::fromJson(held.first().toObject());
        QVERIFY(relayed.ok());
        QVERIFY(relayed->verify(m_leader.publicKey));
        QCOMPARE(relayed->envelopes, statement.envelopes);
        // Only the device it names sees it.
        QVERIFY(statementsFor(newIdentity()).isEmpty());
    }

    void enrolmentTokensWorkOnceAndExpire()
    {
        QByteArray token(32, '\0');
        randombytes_buf(token.data(), 32);
        const QJsonObject invite{{QStringLiteral("token_hash"), toHex(JoinRequest::tokenIdOf(token))},
                                 {QStringLiteral("expires_at"), canonicalTimestamp(QDateTime::currentDateTimeUtc().addSecs(3600))}};
        QCOMPARE(m_service->handle(signedRequest("POST", path("invites"), json(invite), m_leader)).status, 201);
        const DeviceIdentity tablet = newIdentity();
        const auto joinBody = [&](const QByteArray &secret, const QByteArray &device, const QString &role) {
            return json({{QStringLiteral("token_id"), toHex(JoinRequest::tokenIdOf(secret))},
                         {QStringLiteral("mac"), toHex(JoinRequest::macOf(secret, reviewId(), device, role, QStringLiteral("tablet 7")))},
                         {QStringLiteral("role"), role},
                         {QStringLiteral("label"), QStringLiteral("tablet 7")}});
        };
        const QByteArray join = joinBody(token, tablet.publicKey, QStringLiteral("reviewer"));
        // The token itself never travels: only its hash and a MAC keyed from it.
        QVERIFY(!join.contains(toHex(token).toUtf8()));
        QCOMPARE(m_service->handle(signedRequest("POST", path("join"), join, tablet)).status, 202);
        QCOMPARE(m_service->handle(signedRequest("POST", path("join"), join, newIdentity())).status, 403); // used
        auto pending = m_store->pendingJoins(reviewId());
        QCOMPARE(pending->size(), 1);
        QVERIFY(pending->front().macHolds(token, reviewId()));
        // What the archive holds (the token's hash) does not make a MAC that holds.
        JoinRequest forged = pending->front();
        forged.mac = JoinRequest::macOf(JoinRequest::tokenIdOf(token), reviewId(), tablet.publicKey, QStringLiteral("reviewer"),
                                        QStringLiteral("tablet 7"));
        QVERIFY(!forged.macHolds(token, reviewId()));
        forged = pending->front();
        forged.role = QStringLiteral("young-inspector");
        QVERIFY(!forged.macHolds(token, reviewId()));

        QByteArray expiredToken(32, 'e');
        const QJsonObject expired{{QStringLiteral("token_hash"), toHex(JoinRequest::tokenIdOf(expiredToken))},
                                  {QStringLiteral("expires_at"), canonicalTimestamp(QDateTime::currentDateTimeUtc().addSecs(-1))}};
        QCOMPARE(m_service->handle(signedRequest("POST", path("invites"), json(expired), m_leader)).status, 201);
        const DeviceIdentity lateTablet = newIdentity();
        QCOMPARE(m_service->handle(signedRequest("POST", path("join"), joinBody(expiredToken, lateTablet.publicKey, QStringLiteral("reviewer")),
                                                 lateTablet)).status,
                 403);
        // Nobody joins as the team leader, nor as anything else not offered.
        QByteArray openToken(32, 'o');
        const QJsonObject open{{QStringLiteral("token_hash"), toHex(JoinRequest::tokenIdOf(openToken))},
                               {QStringLiteral("expires_at"), canonicalTimestamp(QDateTime::currentDateTimeUtc().addSecs(3600))}};
        QCOMPARE(m_service->handle(signedRequest("POST", path("invites"), json(open), m_leader)).status, 201);
        token = openToken;
        for (const QString &role : {QStringLiteral("team-leader"), QStringLiteral("admin")}) {
            const DeviceIdentity other = newIdentity();
            QCOMPARE(m_service->handle(signedRequest("POST", path("join"), joinBody(token, other.publicKey, role), other)).status, 400);
        }
    }

    // Security review, finding 7: each review stays under its storage quota, with a clear error.
    void aReviewStaysUnderItsStorageQuota()
    {
        const Envelope first = envelopeFor(QStringLiteral("fits"));
        m_store->setReviewQuotaBytes(first.sealed.size() + first.sealed.size() / 2);
        QCOMPARE(upload({first}, m_device->vault->identity()).status, 200);
        QCOMPARE(upload({first}, m_device->vault->identity()).status, 200); // the same again costs nothing
        const ArchiveResponse full = upload({envelopeFor(QStringLiteral("does not fit"))}, m_device->vault->identity());
        QCOMPARE(full.status, 507);
        QVERIFY2(full.body[QStringLiteral("error")].toString().contains(QStringLiteral("storage quota")), qPrintable(full.body[QStringLiteral("error")].toString()));
        QCOMPARE(stored(), 1);
    }

    void storeReopensWithItsPassphraseOnly()
    {
        QCOMPARE(upload({envelopeFor(QStringLiteral("kept"))}, m_device->vault->identity()).status, 200);
        const QByteArray archiveKey = m_store->archiveKey();
        const QString data = m_data;
        m_service.reset();
        m_store.reset();
        auto wrong = ArchiveStore::open(data, secret("not it"), fastKdf());
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, ErrorCode::WrongPassphrase);
        auto reopened = ArchiveStore::open(data, secret("archive passphrase"), fastKdf());
        QVERIFY(reopened.ok());
        QCOMPARE((*reopened)->archiveKey(), archiveKey);
        QCOMPARE(*(*reopened)->envelopeCount(), 1);
        QVERIFY((*reopened)->roster(reviewId())->isActiveMember(m_device->vault->devicePublicKey()));
        m_store = std::move(*reopened);
        m_service = std::make_unique<ArchiveService>(*m_store);
    }
};

QTEST_GUILESS_MAIN(TestArchiveService)
#include "tst_archiveservice.moc"
