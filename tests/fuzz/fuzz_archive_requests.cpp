// libFuzzer target over the archive's request handling: a real ArchiveStore (SQLCipher) with one
// review, and fuzzed requests (method, route, query, body) signed by a key that is not on the
// roster, or not signed at all. Whatever arrives, the archive answers and stores nothing: no
// envelope, no roster entry, no join request (RELIABILITY row 1, "DB unchanged").
#include "archiveservice.h"
#include "archivestore.h"
#include "requestsignature.h"
#include "rosterentry.h"
#include "syncencoding.h"
#include "testvault.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <sodium.h>

#include <cstdint>
#include <cstdlib>

using namespace fieldnotes;
using namespace fieldnotes::sync;

namespace {
struct Archive {
    QTemporaryDir directory;
    std::unique_ptr<ArchiveStore> store;
    std::unique_ptr<ArchiveService> service;
    DeviceIdentity stranger;
    QString reviewId = QStringLiteral("fuzz-review");
};

DeviceIdentity newIdentity()
{
    DeviceIdentity identity{QByteArray(crypto_sign_PUBLICKEYBYTES, '\0'), SecureBytes(crypto_sign_SECRETKEYBYTES)};
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(identity.publicKey.data()), identity.secretKey.data());
    return identity;
}

Archive *archive = nullptr;

void require(bool condition)
{
    if (!condition)
        std::abort();
}

void setUp()
{
    archive = new Archive;
    auto store = ArchiveStore::open(archive->directory.filePath(QStringLiteral("archive")), test::secret("fuzz"), test::fastKdf());
    require(store.ok());
    archive->store = std::move(*store);
    archive->service = std::make_unique<ArchiveService>(*archive->store);
    archive->stranger = newIdentity();
    const DeviceIdentity leader = newIdentity();
    QByteArray box(crypto_box_PUBLICKEYBYTES, '\0');
    SecureBytes boxSecret(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(reinterpret_cast<unsigned char *>(box.data()), boxSecret.data());
    RosterEntry genesis;
    genesis.reviewId = archive->reviewId;
    genesis.at = QDateTime::currentDateTimeUtc();
    genesis.leaderKey = leader.publicKey;
    genesis.leaderBoxKey = box;
    genesis.archiveKey = archive->store->archiveKey();
    genesis.archiveUrl = QStringLiteral("http://127.0.0.1:1");
    genesis = signRosterEntry(genesis, leader.secretKey);
    const QByteArray body = canonicalJson(QJsonObject{{QStringLiteral("genesis"), genesis.toJson()},
                                                      {QStringLiteral("creation_code"), archive->store->issueReviewCode(1)}});
    const auto signature = RequestSignature::sign("POST", "/v1/reviews", body, leader.publicKey, leader.secretKey, QDateTime::currentDateTimeUtc());
    require(archive->service->handle(ArchiveRequest{"POST", "/v1/reviews", {}, signature.headers(), body}).status == 201);
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication application(*argc, *argv);
    require(sodium_init() >= 0);
    setUp();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    static const QList<QByteArray> methods{"GET", "POST", "PUT", "DELETE"};
    static const QList<QByteArray> resources{"roster", "invites", "join", "joins", "setup", "envelopes", "collected", "conflicts", ""};
    const QByteArray method = methods[data[0] % methods.size()];
    const QByteArray resource = resources[(data[0] >> 2) % resources.size()];
    const bool sign = data[1] & 1;
    // The rest: an optional query up to the first newline, then the body.
    QByteArray rest(reinterpret_cast<const char *>(data) + 2, qsizetype(size - 2));
    const qsizetype newline = rest.indexOf('\n');
    const QByteArray query = newline >= 0 && newline < 64 ? rest.left(newline) : QByteArray();
    const QByteArray body = newline >= 0 && newline < 64 ? rest.mid(newline + 1) : rest;
    const QByteArray path = resource.isEmpty() ? QByteArray("/v1/reviews")
                                               : "/v1/reviews/" + archive->reviewId.toUtf8() + '/' + resource;
    ArchiveRequest request{method, path, query, {}, body};
    if (sign) {
        const QByteArray target = query.isEmpty() ? path : path + '?' + query;
        request.headers = RequestSignature::sign(method, target, body, archive->stranger.publicKey, archive->stranger.secretKey,
                                                 QDateTime::currentDateTimeUtc())
                              .headers();
    }
    const ArchiveResponse response = archive->service->handle(request);
    require(response.status >= 200 && response.status < 600);
    require(*archive->store->envelopeCount() == 0);
    require(archive->store->roster(archive->reviewId)->lastSequence() == 1);
    require(archive->store->pendingJoins(archive->reviewId)->isEmpty());
    return 0;
}
