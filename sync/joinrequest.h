#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace fieldnotes::sync {

/// A device waiting for the leader's approval after redeeming an enrolment code. The archive
/// never sees the code's token: it looks the invitation up by tokenId (a hash of the token) and
/// relays the mac, keyed by a second value derived from the token, over what the device asks for.
/// Only someone holding the code can make a mac that the leader's check accepts.
struct JoinRequest {
    QByteArray deviceKey;
    QString role;
    QString label;
    QString requestedAt;
    QByteArray tokenId;
    QByteArray mac;
    QByteArray boxKey; // a deputy leader's X25519 key; empty for a tablet
    QString problem; // set by the leader's check: why this request must not be approved

    /// Roles a device may ask for. The team leader's own device is enrolled by the leader, never
    /// through a join; a deputy leader only with a code the leader made for a deputy.
    static const QStringList &joinableRoles();
    static QByteArray tokenIdOf(const QByteArray &token);
    static QByteArray macOf(const QByteArray &token, const QString &reviewId, const QByteArray &deviceKey, const QString &role,
                            const QString &label, const QByteArray &boxKey = {});
    bool macHolds(const QByteArray &token, const QString &reviewId) const;
};

} // namespace fieldnotes::sync
