#include "engagementrecord.h"

#include "signednote.h"
#include "syncencoding.h"

#include <QJsonArray>

#include <sodium.h>

namespace fieldnotes::sync {

QJsonObject engagementToJson(const Engagement &engagement)
{
    QJsonArray participants;
    for (const ParticipantGroup &group : engagement.participants)
        participants << QJsonObject{{QStringLiteral("role"), group.role}, {QStringLiteral("count"), group.count}};
    QJsonObject object{{QStringLiteral("id"), engagement.id},
                       {QStringLiteral("priority"), engagement.priorityId},
                       {QStringLiteral("kind"), engagementKindName(engagement.kind)},
                       {QStringLiteral("title"), engagement.title},
                       {QStringLiteral("start"), canonicalTimestamp(engagement.scheduledStart)},
                       {QStringLiteral("minutes"), engagement.agreedMinutes},
                       {QStringLiteral("introducer"), engagement.introducer},
                       {QStringLiteral("note_taker"), engagement.noteTaker},
                       {QStringLiteral("participants"), participants}};
    if (!engagement.followUpOf.isEmpty())
        object.insert(QStringLiteral("follow_up_of"), engagement.followUpOf);
    return object;
}

Result<Engagement> engagementFromJson(const QJsonObject &object, const QString &reviewId)
{
    Engagement engagement;
    engagement.id = object.value(QStringLiteral("id")).toString();
    engagement.reviewId = reviewId;
    engagement.priorityId = object.value(QStringLiteral("priority")).toString();
    const auto kind = engagementKindFromName(object.value(QStringLiteral("kind")).toString());
    engagement.title = object.value(QStringLiteral("title")).toString();
    engagement.scheduledStart = parseCanonicalTimestamp(object.value(QStringLiteral("start")).toString());
    engagement.agreedMinutes = object.value(QStringLiteral("minutes")).toInt();
    engagement.introducer = object.value(QStringLiteral("introducer")).toString();
    engagement.noteTaker = object.value(QStringLiteral("note_taker")).toString();
    engagement.followUpOf = object.value(QStringLiteral("follow_up_of")).toString();
    if (engagement.id.isEmpty())
        return invalid(QStringLiteral("an engagement without an id"));
    const QString where = QStringLiteral("engagement %1: ").arg(engagement.id);
    if (!kind)
        return invalid(where + QStringLiteral("unknown kind \"%1\"").arg(object.value(QStringLiteral("kind")).toString()));
    engagement.kind = *kind;
    if (!engagement.scheduledStart.isValid())
        return invalid(where + QStringLiteral("the start is not a timestamp"));
    if (engagement.agreedMinutes <= 0)
        return invalid(where + QStringLiteral("the agreed minutes must be positive"));
    for (const QJsonValue &value : object.value(QStringLiteral("participants")).toArray()) {
        const ParticipantGroup group{value[QStringLiteral("role")].toString(), value[QStringLiteral("count")].toInt()};
        if (group.role.isEmpty() || group.count <= 0)
            return invalid(where + QStringLiteral("a participant group needs a role and a positive count"));
        engagement.participants << group;
    }
    return engagement;
}

QJsonObject EngagementRecord::recordJson() const
{
    return QJsonObject{{QStringLiteral("v"), 1},
                       {QStringLiteral("review"), engagement.reviewId},
                       {QStringLiteral("device"), toHex(deviceKey)},
                       {QStringLiteral("recorded_at"), canonicalTimestamp(recordedAt)},
                       {QStringLiteral("engagement"), engagementToJson(engagement)}};
}

QByteArray EngagementRecord::signedBytes() const
{
    return "fieldnotes-engagement-v1\n" + canonicalJson(recordJson());
}

QByteArray EngagementRecord::hash() const
{
    return blake2b256(signedBytes() + signature);
}

QJsonObject EngagementRecord::toJson() const
{
    return QJsonObject{{QStringLiteral("record"), recordJson()}, {QStringLiteral("signature"), toHex(signature)}};
}

Result<EngagementRecord> EngagementRecord::fromJson(const QJsonObject &object)
{
    const QJsonObject record = object.value(QStringLiteral("record")).toObject();
    if (record.value(QStringLiteral("v")).toInt() != 1)
        return invalid(QStringLiteral("engagement record: unknown version"));
    const QString reviewId = record.value(QStringLiteral("review")).toString();
    if (reviewId.isEmpty())
        return invalid(QStringLiteral("engagement record: no review"));
    auto engagement = engagementFromJson(record.value(QStringLiteral("engagement")).toObject(), reviewId);
    if (!engagement)
        return Error{engagement.error().code, QStringLiteral("engagement record: ") + engagement.error().message};
    const auto device = fromHex(record.value(QStringLiteral("device")).toString(), crypto_sign_PUBLICKEYBYTES);
    const auto signature = fromHex(object.value(QStringLiteral("signature")).toString(), crypto_sign_BYTES);
    EngagementRecord parsed{*engagement, device.value_or(QByteArray()),
                            parseCanonicalTimestamp(record.value(QStringLiteral("recorded_at")).toString()), signature.value_or(QByteArray())};
    if (!device || !signature || !parsed.recordedAt.isValid())
        return invalid(QStringLiteral("engagement record %1: device, recorded_at or signature missing or malformed").arg(parsed.engagement.id));
    // What is verified must be the bytes received: re-encoding catches any field this parser
    // would silently drop or normalise.
    if (canonicalJson(parsed.recordJson()) != canonicalJson(record))
        return invalid(QStringLiteral("engagement record %1: fields that are not part of the format, or not in their canonical form").arg(parsed.engagement.id));
    if (!verifyDetached(parsed.signature, parsed.signedBytes(), parsed.deviceKey))
        return invalid(QStringLiteral("engagement record %1: the device's signature does not hold").arg(parsed.engagement.id));
    return parsed;
}

EngagementRecord signEngagementRecord(const Engagement &engagement, const DeviceIdentity &device, const QDateTime &recordedAt)
{
    EngagementRecord record{engagement, device.publicKey, recordedAt.toUTC(), {}};
    record.signature = signDetached(record.signedBytes(), device.secretKey);
    return record;
}

} // namespace fieldnotes::sync
