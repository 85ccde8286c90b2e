#pragma once

#include "clock.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace fieldnotes::sync {

class ArchiveStore;
class Roster;
struct RequestSignature;

/// One HTTP request as the archive sees it, whatever carried it.
struct ArchiveRequest {
    QByteArray method;
    QByteArray path;  // e.g. /v1/reviews/r1/envelopes
    QByteArray query; // without '?'
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

struct ArchiveResponse {
    int status = 200;
    QJsonObject body;
};

/// The archive's protocol (docs/sync-protocol.md): authenticates each request by its device-key
/// signature, refuses replays, checks roster membership and answers in JSON. Knows nothing of
/// sockets, so it is tested directly and served by ArchiveHttpServer.
class ArchiveService
{
public:
    static constexpr int maxEnvelopesPerBatch = 200;
    static constexpr int maxPageSize = 500;

    ArchiveService(ArchiveStore &store, Clock clock = systemClock());
    ArchiveResponse handle(const ArchiveRequest &request);

private:
    ArchiveResponse route(const ArchiveRequest &request, const QList<QByteArray> &parts);
    /// The verified signer of the request and its nonce, or the refusal to send back. Writes nothing.
    std::optional<ArchiveResponse> authenticate(const ArchiveRequest &request, QByteArray *signer, QByteArray *nonce);
    /// Remembers the nonce (durably), once the signer is known to be allowed; a replay is refused.
    std::optional<ArchiveResponse> consumeNonce(const QByteArray &signer, const QByteArray &nonce);
    ArchiveResponse createReview(const QJsonObject &body, const QByteArray &signer, const QByteArray &nonce);
    ArchiveResponse appendRoster(const QString &reviewId, const QJsonObject &body);
    ArchiveResponse addInvite(const QString &reviewId, const QJsonObject &body);
    ArchiveResponse join(const QString &reviewId, const QJsonObject &body, const QByteArray &signer);
    ArchiveResponse pendingJoins(const QString &reviewId);
    ArchiveResponse putSetup(const QString &reviewId, const Roster &roster, const QJsonObject &body);
    ArchiveResponse getSetup(const QString &reviewId);
    ArchiveResponse storeEnvelopes(const QString &reviewId, const QJsonObject &body, const QByteArray &signer);
    ArchiveResponse envelopesAfter(const QString &reviewId, const ArchiveRequest &request);
    ArchiveResponse markCollected(const QString &reviewId, const QJsonObject &body, const Roster &roster);
    ArchiveResponse collected(const QString &reviewId, const QByteArray &signer, const ArchiveRequest &request);
    ArchiveResponse markArchived(const QString &reviewId, const QJsonObject &body, const Roster &roster);
    ArchiveResponse conflicts(const QString &reviewId);
    /// Which of the signer's own envelopes this archive holds: a tablet sends again what a
    /// restored archive lacks.
    ArchiveResponse held(const QString &reviewId, const QByteArray &signer);

    ArchiveStore &m_store;
    Clock m_clock;
};

} // namespace fieldnotes::sync
