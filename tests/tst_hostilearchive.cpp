// A hostile archive: the real archive's store and service on 127.0.0.1, behind an HTTP front that
// its operator has twisted (answers rewritten, requests taken without the real checks, old signed
// bytes replayed). Each attack from the security review is tried here and must fail: the leader
// and the tablets decide on what is signed, never on the archive's word.
#include "archiveclient.h"
#include "archivehttpserver.h"
#include "archiveservice.h"
#include "archivestore.h"
#include "devicesync.h"
#include "enrolmentcode.h"
#include "envelope.h"
#include "guardedtcpserver.h"
#include "joinrequest.h"
#include "leaderdesk.h"
#include "notestore.h"
#include "noteverifier.h"
#include "syncencoding.h"
#include "syncstore.h"
#include "leaderkit.h"
#include "testvault.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <sodium.h>

#include <functional>

using namespace fieldnotes;
using namespace fieldnotes::sync;
using namespace fieldnotes::test;

namespace {
/// The real service, with the operator's twists: `instead` may answer a request itself (or take
/// it without the real checks); `after` may rewrite the real answer.
class HostileArchive : public QAbstractHttpServer
{
public:
    explicit HostileArchive(ArchiveService &service) : m_service(service) {}

    std::function<std::optional<ArchiveResponse>(const ArchiveRequest &)> instead;
    std::function<void(const ArchiveRequest &, ArchiveResponse &)> after;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        const ArchiveRequest archiveRequest = ArchiveHttpServer::toArchiveRequest(request);
        std::optional<ArchiveResponse> response = instead ? instead(archiveRequest) : std::nullopt;
        if (!response) {
            response = m_service.handle(archiveRequest);
            if (after)
                after(archiveRequest, *response);
        }
        makeResponder(request, socket).write(QJsonDocument(response->body), static_cast<QHttpServerResponder::StatusCode>(response->status));
        return true;
    }
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
    }

private:
    ArchiveService &m_service;
};

/// Answers every request with headers and then one body byte every 200 ms, for minutes.
class TricklingServer : public QTcpServer
{
public:
    TricklingServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    socket->readAll();
                    if (socket->property("answering").toBool())
                        return;
                    socket->setProperty("answering", true);
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n");
                    auto *drip = new QTimer(socket);
                    connect(drip, &QTimer::timeout, socket, [socket] { socket->write(" "); });
                    drip->start(200);
                });
            }
        });
        listen(QHostAddress::LocalHost);
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }
};

bool isRequest(const ArchiveRequest &request, const char *method, const char *resource)
{
    return request.method == method && request.path.endsWith(QByteArray(QByteArray("/") + resource));
}
} // namespace

class TestHostileArchive : public QObject
{
    Q_OBJECT

    QTemporaryDir m_directory;
    std::unique_ptr<ArchiveStore> m_store;
    std::unique_ptr<ArchiveService> m_service;
    std::unique_ptr<HostileArchive> m_http;
    QString m_url;
    std::unique_ptr<ScratchVault> m_leader;
    std::unique_ptr<ScratchVault> m_device;
    int m_deviceDaysAhead = 0;

    Result<SyncOutcome> sync(ScratchVault &vault) { return DeviceSync(*vault.vault, 10'000).syncOnce(); }
    LeaderDesk desk() { return LeaderDesk(*m_leader->vault); }
    DeviceIdentity identityOf(Vault &vault)
    {
        return DeviceIdentity{vault.identity().publicKey, SecureBytes::copyOf(vault.identity().secretKey.data(), vault.identity().secretKey.size())};
    }
    QStringList problemsOf(const CollectionReport &report, const QByteArray &device)
    {
        for (const DeviceCollection &collection : report.devices)
            if (collection.deviceKey == device)
                return collection.problems;
        return {};
    }
    /// A second tablet, joined and approved the honest way.
    std::unique_ptr<ScratchVault> enrolAnother(const QString &label)
    {
        auto tablet = std::make_unique<ScratchVault>();
        auto code = desk().invite(m_leader->reviewId, 1);
        if (!code || !DeviceSync(*tablet->vault).join(*code, QStringLiteral("reviewer"), label).ok())
            return nullptr;
        auto approved = desk().approve(m_leader->reviewId, {tablet->vault->devicePublicKey()});
        if (!approved || approved->size() != 1)
            return nullptr;
        return tablet;
    }

private slots:
    void init()
    {
        static int archives = 0;
        auto store = ArchiveStore::open(m_directory.filePath(QStringLiteral("archive-%1").arg(++archives)), secret("archive"), fastKdf());
        QVERIFY(store.ok());
        m_store = std::move(*store);
        m_service = std::make_unique<ArchiveService>(*m_store);
        m_http = std::make_unique<HostileArchive>(*m_service);
        auto *listener = new GuardedTcpServer(ConnectionGuard::Limits{}, std::nullopt, m_http.get());
        QVERIFY(listener->listen(QHostAddress::LocalHost));
        m_http->bind(listener);
        m_url = QStringLiteral("http://127.0.0.1:%1").arg(listener->serverPort());

        m_leader = std::make_unique<ScratchVault>();
        m_deviceDaysAhead = 0;
        m_device = std::make_unique<ScratchVault>(
            fastOptions([this] { return QDateTime::currentDateTimeUtc().addDays(m_deviceDaysAhead); }));
        QVERIFY(desk().createReview(m_leader->reviewId, m_url, {}, m_store->issueReviewCode(1)).ok());
        QVERIFY(keepRecoveryKit(*m_leader->vault, m_leader->reviewId));
        auto code = desk().invite(m_leader->reviewId, 1);
        QVERIFY(code.ok());
        QVERIFY(DeviceSync(*m_device->vault).join(*code, QStringLiteral("reviewer"), QStringLiteral("tablet 1")).ok());
        QCOMPARE(desk().approve(m_leader->reviewId)->size(), 1);
        auto enrolled = sync(*m_device);
        QVERIFY(enrolled.ok());
        QCOMPARE(enrolled->enrolmentState, QStringLiteral("enrolled"));
        m_device->engagementId = m_leader->engagementId;
    }

    // Finding 1: a tablet (or anyone who can make it sign) uploads an empty, unsigned "concern"
    // stub claiming its content was removed. The leader names it and keeps nothing of it.
    void anUnsignedStubIsAProblemAtTheLeaderNotANote()
    {
        m_device->addSignedNote(QStringLiteral("a statement"));
        m_device->addSignedNote(QStringLiteral("another statement"));
        const QString third = m_device->addSignedNote(QStringLiteral("a third"));
        QCOMPARE(sync(*m_device)->delivered, 3);

        SignedNote stub = *m_device->vault->store().signedNote(third);
        stub.content.sequence = 4;
        stub.content.kind = NoteKind::Concern;
        stub.content.text.clear();
        stub.content.previousHash = stub.hash;
        stub.hash = QByteArray(32, 'f');
        stub.canonical.clear();
        stub.signature.clear();
        stub.contentRemovedAt = QDateTime::currentDateTimeUtc();
        auto envelope = sealNote(stub, {m_leader->vault ? (*SyncStore(*m_leader->vault).reviewKeys(m_leader->reviewId))->boxPublic : QByteArray()},
                                 identityOf(*m_device->vault));
        QVERIFY(envelope.ok());
        ArchiveClient client(QUrl(m_url), {}, identityOf(*m_device->vault));
        const ArchiveReply stored =
            client.send("POST", reviewPath(m_leader->reviewId, "envelopes"), QJsonObject{{QStringLiteral("envelopes"), QJsonArray{envelope->toJson()}}});
        QCOMPARE(stored.status, 200); // the archive cannot see inside; the leader must

        auto report = desk().collect(m_leader->reviewId);
        QVERIFY(report.ok());
        QCOMPARE(report->newNotes, 3);
        const QStringList problems = problemsOf(*report, m_device->vault->devicePublicKey());
        QVERIFY2(problems.join(u'\n').contains(QStringLiteral("without its signed content")), qPrintable(problems.join(u'\n')));
        const auto held = *SyncStore(*m_leader->vault).collectedNotes(m_leader->reviewId);
        QCOMPARE(held.size(), 3);
        QVERIFY(std::none_of(held.cbegin(), held.cend(), [](const SignedNote &note) { return note.contentRemoved(); }));

        // And wherever a stub turns up without the leader's signed statement, it is a named problem.
        QList<SignedNote> withStub = *m_device->vault->store().signedNotes();
        withStub << stub;
        const VerificationReport verdict = verifyNotes(withStub, {m_device->vault->devicePublicKey()});
        QVERIFY(!verdict.allValid());
        QVERIFY(verdict.notes.last().problems & NoteProblem::UnvouchedRemoval);
        QVERIFY(verdict.notes.last().describe().join(u' ').contains(QStringLiteral("no team leader's signed statement")));
    }

    // Finding 2: the archive makes joins of its own. It never saw a token, so it cannot make a
    // MAC that holds; replaying a real tablet's MAC for another key fails too.
    void joinsMadeByTheArchiveAreNeverApproved()
    {
        QList<QJsonObject> forged;
        m_http->after = [&](const ArchiveRequest &request, ArchiveResponse &response) {
            if (!isRequest(request, "GET", "joins"))
                return;
            QJsonArray joins = response.body.value(QStringLiteral("joins")).toArray();
            for (const QJsonObject &join : std::as_const(forged))
                joins << join;
            response.body.insert(QStringLiteral("joins"), joins);
        };
        // The rest of an FN1: code is public in the roster; the operator fills in its own token.
        ScratchVault attacker;
        EnrolmentCode rebuilt = *desk().invite(m_leader->reviewId, 1);
        randombytes_buf(rebuilt.token.data(), 32);
        const QByteArray attackerKey = attacker.vault->devicePublicKey();
        const auto forgedJoin = [&](const QString &role, const QByteArray &tokenId, const QByteArray &mac) {
            return QJsonObject{{QStringLiteral("device_key"), toHex(attackerKey)}, {QStringLiteral("role"), role},
                               {QStringLiteral("label"), QStringLiteral("tablet 1")}, {QStringLiteral("requested_at"), QStringLiteral("now")},
                               {QStringLiteral("token_id"), toHex(tokenId)}, {QStringLiteral("mac"), toHex(mac)}};
        };
        // A join naming an invitation the archive knows (it holds the token's hash), with a MAC
        // keyed by that hash; one asking for the team leader's role; one with a token never made.
        auto real = desk().invite(m_leader->reviewId, 1);
        const QByteArray realId = JoinRequest::tokenIdOf(real->token);
        forged << forgedJoin(QStringLiteral("reviewer"), realId,
                             JoinRequest::macOf(realId, m_leader->reviewId, attackerKey, QStringLiteral("reviewer"), QStringLiteral("tablet 1")));
        forged << forgedJoin(QStringLiteral("team-leader"), realId, QByteArray(32, 'm'));
        forged << forgedJoin(QStringLiteral("reviewer"), JoinRequest::tokenIdOf(rebuilt.token),
                             JoinRequest::macOf(rebuilt.token, m_leader->reviewId, attackerKey, QStringLiteral("reviewer"), QStringLiteral("tablet 1")));
        // A real tablet joins with the real code; the archive copies its MAC onto its own key.
        ScratchVault honest;
        QVERIFY(DeviceSync(*honest.vault).join(*real, QStringLiteral("young-inspector"), QStringLiteral("tablet 2")).ok());
        const JoinRequest honestJoin = m_store->pendingJoins(m_leader->reviewId)->front();
        forged << forgedJoin(QStringLiteral("young-inspector"), honestJoin.tokenId, honestJoin.mac);

        auto pending = desk().pendingJoins(m_leader->reviewId);
        QVERIFY(pending.ok());
        QCOMPARE(pending->size(), 5);
        int refused = 0;
        for (const JoinRequest &join : *pending) {
            if (join.deviceKey == attackerKey) {
                QVERIFY2(!join.problem.isEmpty(), qPrintable(join.role));
                ++refused;
            } else {
                QVERIFY2(join.problem.isEmpty(), qPrintable(join.problem));
            }
        }
        QCOMPARE(refused, 4);
        auto approved = desk().approve(m_leader->reviewId);
        QVERIFY(approved.ok());
        QCOMPARE(approved->size(), 1);
        QCOMPARE(approved->front().deviceKey, honest.vault->devicePublicKey());
        QCOMPARE(approved->front().role, QStringLiteral("young-inspector"));
        auto roster = m_store->roster(m_leader->reviewId);
        QVERIFY(!roster->isMember(attackerKey));
        QVERIFY(roster->isMember(honest.vault->devicePublicKey()));
        // The same code never admits a second tablet, even one the archive lets redeem it again.
        ScratchVault second;
        JoinRequest again{second.vault->devicePublicKey(), QStringLiteral("reviewer"), QStringLiteral("tablet 3"), {}, realId,
                          JoinRequest::macOf(real->token, m_leader->reviewId, second.vault->devicePublicKey(), QStringLiteral("reviewer"),
                                             QStringLiteral("tablet 3")),
                          {}, {}};
        forged = {QJsonObject{{QStringLiteral("device_key"), toHex(again.deviceKey)}, {QStringLiteral("role"), again.role},
                              {QStringLiteral("label"), again.label}, {QStringLiteral("requested_at"), QStringLiteral("now")},
                              {QStringLiteral("token_id"), toHex(again.tokenId)}, {QStringLiteral("mac"), toHex(again.mac)}}};
        pending = desk().pendingJoins(m_leader->reviewId);
        QCOMPARE(pending->size(), 1);
        QVERIFY(pending->front().problem.contains(QStringLiteral("already admitted")));
        QVERIFY(desk().approve(m_leader->reviewId)->isEmpty());
    }

    // Finding 3: an older roster (hiding a newer entry, a revocation say) is refused by the
    // tablet and by the leader once they have seen the newer one.
    void anOlderRosterIsRefused()
    {
        auto other = enrolAnother(QStringLiteral("tablet 2"));
        QVERIFY(other);
        QVERIFY(sync(*m_device).ok());
        const qint64 seen = (*SyncStore(*m_device->vault).rosterEntries(m_leader->reviewId)).size();
        QCOMPARE(seen, 4); // genesis, the leader's device, tablet 1, tablet 2
        m_http->after = [&](const ArchiveRequest &request, ArchiveResponse &response) {
            if (!isRequest(request, "GET", "roster"))
                return;
            QJsonArray entries = response.body.value(QStringLiteral("entries")).toArray();
            entries.removeLast();
            response.body.insert(QStringLiteral("entries"), entries);
        };
        auto refused = sync(*m_device);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("older roster")), qPrintable(refused.error().message));
        auto collected = desk().collect(m_leader->reviewId);
        QVERIFY(!collected.ok());
        QVERIFY(collected.error().message.contains(QStringLiteral("older roster")));
        m_http->after = nullptr;
        QVERIFY(sync(*m_device).ok());
    }

    // Finding 3: a revoked tablet with its clock set back, and an archive that takes its uploads
    // and hides the revocation from it. Its backdated notes are flagged by when the archive took
    // them, not by the tablet's own word.
    void revocationIsJudgedByTheArchiveNotByTheRevokedTabletsClock()
    {
        QVERIFY(desk().revoke(m_leader->reviewId, m_device->vault->devicePublicKey(), QStringLiteral("stolen")).ok());
        m_deviceDaysAhead = -2;
        const int rosterWithoutRevocation = 3;
        m_http->instead = [&](const ArchiveRequest &request) -> std::optional<ArchiveResponse> {
            const bool fromDevice = request.headers.contains({"Fieldnotes-Key", toHex(m_device->vault->devicePublicKey()).toLatin1()});
            if (isRequest(request, "GET", "roster") && m_deviceDaysAhead < 0) {
                QJsonArray entries;
                for (const RosterEntry &entry : m_store->roster(m_leader->reviewId)->entries().mid(0, rosterWithoutRevocation))
                    entries << entry.toJson();
                return ArchiveResponse{200, {{QStringLiteral("entries"), entries}}};
            }
            if (fromDevice && isRequest(request, "GET", "setup"))
                return ArchiveResponse{200, *parseJsonObject(*m_store->setup(m_leader->reviewId))};
            if (fromDevice && isRequest(request, "POST", "envelopes")) {
                // Taken without the real archive's roster check, and receipted.
                QList<Envelope> envelopes;
                for (const QJsonValue &value : parseJsonObject(request.body)->value(QStringLiteral("envelopes")).toArray())
                    envelopes << *Envelope::fromJson(value.toObject());
                auto stored = m_store->storeEnvelopes(envelopes);
                Receipt receipt{m_leader->reviewId, m_device->vault->devicePublicKey(), stored->front().storedAt, {}, {}};
                QJsonArray results;
                for (const Envelope &envelope : envelopes) {
                    receipt.envelopes << EnvelopeRef{envelope.sequence, envelope.hash};
                    results << QJsonObject{{QStringLiteral("seq"), envelope.sequence}, {QStringLiteral("status"), QStringLiteral("stored")}};
                }
                return ArchiveResponse{200, {{QStringLiteral("results"), results},
                                             {QStringLiteral("receipt"), signEnvelopeList(receipt, m_store->identity().secretKey).toJson()}}};
            }
            if (fromDevice && isRequest(request, "GET", "collected"))
                return ArchiveResponse{200, {{QStringLiteral("statements"), QJsonArray{}}, {QStringLiteral("next"), 0}}};
            return std::nullopt;
        };
        m_device->addSignedNote(QStringLiteral("an invented concern, dated two days ago"), NoteKind::Concern);
        auto sent = sync(*m_device);
        QVERIFY2(sent.ok(), qPrintable(sent.ok() ? QString() : sent.error().message));
        QCOMPARE(sent->delivered, 1);
        m_deviceDaysAhead = 0;
        auto report = desk().collect(m_leader->reviewId);
        QVERIFY(report.ok());
        const QStringList problems = problemsOf(*report, m_device->vault->devicePublicKey());
        QVERIFY2(problems.join(u'\n').contains(QStringLiteral("stored by the archive after the device was revoked")), qPrintable(problems.join(u'\n')));
    }

    // Finding 3: an old signed set-up (retention 0) replayed, to make tablets delete early.
    void anOldSetupReplayedIsRefusedAndRemovesNothing()
    {
        QVERIFY(desk().setRetentionDays(m_leader->reviewId, 0).ok());
        const QByteArray oldSetup = *m_store->setup(m_leader->reviewId);
        QVERIFY(sync(*m_device).ok());
        QVERIFY(desk().setRetentionDays(m_leader->reviewId, -1).ok());
        QVERIFY(sync(*m_device).ok());
        QCOMPARE((*SyncStore(*m_device->vault).enrolment())->retentionDays, -1);

        const QString note = m_device->addSignedNote(QStringLiteral("kept until the leader says otherwise"));
        QCOMPARE(sync(*m_device)->delivered, 1);
        QCOMPARE(desk().collect(m_leader->reviewId)->newNotes, 1);
        m_http->instead = [&](const ArchiveRequest &request) -> std::optional<ArchiveResponse> {
            if (isRequest(request, "GET", "setup"))
                return ArchiveResponse{200, *parseJsonObject(oldSetup)};
            return std::nullopt;
        };
        auto replayed = sync(*m_device);
        QVERIFY(!replayed.ok());
        QVERIFY2(replayed.error().message.contains(QStringLiteral("older review set-up")), qPrintable(replayed.error().message));
        QCOMPARE(m_device->vault->store().note(note)->text, QStringLiteral("kept until the leader says otherwise"));
        QCOMPARE((*SyncStore(*m_device->vault).enrolment())->retentionDays, -1);
    }

    // Finding 4: an archive whose cursor does not move would keep the leader's collection going forever.
    void collectionStopsWhenTheCursorStandsStill()
    {
        m_device->addSignedNote(QStringLiteral("one note"));
        QCOMPARE(sync(*m_device)->delivered, 1);
        m_http->after = [&](const ArchiveRequest &request, ArchiveResponse &response) {
            if (isRequest(request, "GET", "envelopes"))
                response.body.insert(QStringLiteral("next"), 0);
        };
        auto report = desk().collect(m_leader->reviewId);
        QVERIFY(!report.ok());
        QVERIFY2(report.error().message.contains(QStringLiteral("does not move forward")), qPrintable(report.error().message));
    }

    // Finding 4: a server that trickles one byte at a time is cut off at the request's deadline.
    void aTricklingServerIsCutOffAtTheDeadline()
    {
        TricklingServer trickle;
        ArchiveClient client(QUrl(trickle.url()), {}, identityOf(*m_device->vault), 1'500);
        QElapsedTimer clock;
        clock.start();
        const ArchiveReply reply = client.get(QStringLiteral("/v1/health"), false);
        QCOMPARE(reply.status, 0);
        QVERIFY2(reply.error.contains(QStringLiteral("did not answer within")), qPrintable(reply.error));
        QVERIFY2(clock.elapsed() < 6'000, qPrintable(QString::number(clock.elapsed())));
    }

    // Finding 4: plain http:// carries no pin, so it is refused for anything but this machine.
    void plainHttpToAnotherMachineIsRefused()
    {
        ArchiveClient client(QUrl(QStringLiteral("http://192.0.2.7:8443")), {}, identityOf(*m_device->vault));
        QElapsedTimer clock;
        clock.start();
        const ArchiveReply reply = client.get(QStringLiteral("/v1/health"), false);
        QCOMPARE(reply.status, 0);
        QVERIFY2(reply.error.contains(QStringLiteral("https")), qPrintable(reply.error));
        QVERIFY(clock.elapsed() < 1'000); // refused before any connection is tried
        EnrolmentCode code = *desk().invite(m_leader->reviewId, 1);
        code.archiveUrl = QStringLiteral("http://192.0.2.7:8443");
        ScratchVault tablet;
        auto joined = DeviceSync(*tablet.vault).join(code, QStringLiteral("reviewer"), QStringLiteral("tablet 9"));
        QVERIFY(!joined.ok());
        QVERIFY(joined.error().message.contains(QStringLiteral("https")));
    }
};

QTEST_GUILESS_MAIN(TestHostileArchive)
#include "tst_hostilearchive.moc"
