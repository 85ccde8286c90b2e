#pragma once

#include "error.h"
#include "securebytes.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace fieldnotes::sync {

/// The archive's signed word that it holds an envelope. A device marks a note delivered only on a
/// receipt that verifies against the archive key named in the roster.
struct Receipt {
    QString reviewId;
    QByteArray deviceKey;
    qint64 sequence = 0;
    QByteArray envelopeHash;
    QDateTime storedAt;
    QByteArray signature;

    QByteArray signedBytes() const;
    QJsonObject toJson() const;
    static Result<Receipt> fromJson(const QJsonObject &object);
    bool verify(const QByteArray &archiveKey) const;
};

Receipt signReceipt(Receipt receipt, const SecureBytes &archiveSecretKey);

} // namespace fieldnotes::sync
