#pragma once

#include "error.h"

#include <QByteArray>
#include <QString>

namespace fieldnotes::sync {

/// What a device needs to join a review, handed over as text or a QR code: where the archive is,
/// its certificate fingerprint, the leader's public keys, the review and a one-time token.
struct EnrolmentCode {
    QString archiveUrl;
    QString fingerprint;
    QString reviewId;
    QByteArray leaderKey;
    QByteArray leaderBoxKey;
    QByteArray token; // 32 random bytes; the archive only keeps its hash
    bool forDeputy = false; // made for a deputy leader: the tablet joins as one (the leader checks it did)

    /// "FN1:" followed by base64url of compact JSON.
    QString toText() const;
    static Result<EnrolmentCode> fromText(const QString &text);
};

} // namespace fieldnotes::sync
