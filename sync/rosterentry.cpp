#include "rosterentry.h"

#include "signednote.h"
#include "syncencoding.h"

#include <sodium.h>

namespace fieldnotes::sync {

namespace {
const QString kReview = QStringLiteral("review");
const QString kSequence = QStringLiteral("seq");
const QString kPrevious = QStringLiteral("prev");
const QString kType = QStringLiteral("type");
const QString kAt = QStringLiteral("at");
const QString kLeaderKey = QStringLiteral("leader_key");
const QString kLeaderBoxKey = QStringLiteral("leader_box_key");
const QString kArchiveKey = QStringLiteral("archive_key");
const QString kArchiveUrl = QStringLiteral("archive_url");
const QString kFingerprint = QStringLiteral("fingerprint");
const QString kDeviceKey = QStringLiteral("device_key");
const QString kRole = QStringLiteral("role");
const QString kLabel = QStringLiteral("label");
const QString kReason = QStringLiteral("reason");
const QString kSignature = QStringLiteral("signature");
const QString kBoxKey = QStringLiteral("box_key");
const QString kSigner = QStringLiteral("signer");

QJsonObject unsignedJson(const RosterEntry &entry)
{
    QJsonObject object{
        {kReview, entry.reviewId},
        {kSequence, entry.sequence},
        {kPrevious, toHex(entry.previousHash)},
        {kType, RosterEntry::typeName(entry.type)},
        {kAt, canonicalTimestamp(entry.at)},
    };
    switch (entry.type) {
    case RosterEntry::Type::Genesis:
        object.insert(kLeaderKey, toHex(entry.leaderKey));
        object.insert(kLeaderBoxKey, toHex(entry.leaderBoxKey));
        object.insert(kArchiveKey, toHex(entry.archiveKey));
        object.insert(kArchiveUrl, entry.archiveUrl);
        object.insert(kFingerprint, entry.fingerprint);
        break;
    case RosterEntry::Type::Member:
        object.insert(kDeviceKey, toHex(entry.deviceKey));
        object.insert(kRole, entry.role);
        object.insert(kLabel, entry.label);
        if (!entry.boxKey.isEmpty())
            object.insert(kBoxKey, toHex(entry.boxKey));
        break;
    case RosterEntry::Type::Revocation:
        object.insert(kDeviceKey, toHex(entry.deviceKey));
        object.insert(kReason, entry.reason);
        break;
    }
    if (!entry.signer.isEmpty())
        object.insert(kSigner, toHex(entry.signer));
    return object;
}

bool readKey(const QJsonObject &object, const QString &name, int size, QByteArray *out)
{
    const auto bytes = fromHex(object.value(name).toString(), size);
    if (!bytes)
        return false;
    *out = *bytes;
    return true;
}
} // namespace

QString RosterEntry::typeName(Type type)
{
    switch (type) {
    case Type::Genesis:
        return QStringLiteral("genesis");
    case Type::Member:
        return QStringLiteral("member");
    case Type::Revocation:
        return QStringLiteral("revocation");
    }
    return {};
}

QByteArray RosterEntry::signedBytes() const
{
    return "fieldnotes-roster-v1\n" + canonicalJson(unsignedJson(*this));
}

QByteArray RosterEntry::hash() const
{
    return blake2b256(signedBytes() + signature);
}

QJsonObject RosterEntry::toJson() const
{
    QJsonObject object = unsignedJson(*this);
    object.insert(kSignature, toHex(signature));
    return object;
}

Result<RosterEntry> RosterEntry::fromJson(const QJsonObject &object)
{
    RosterEntry entry;
    entry.reviewId = object.value(kReview).toString();
    entry.sequence = object.value(kSequence).toInteger(-1);
    const QString type = object.value(kType).toString();
    if (type == typeName(Type::Genesis))
        entry.type = Type::Genesis;
    else if (type == typeName(Type::Member))
        entry.type = Type::Member;
    else if (type == typeName(Type::Revocation))
        entry.type = Type::Revocation;
    else
        return invalid(QStringLiteral("roster entry: unknown type '%1'").arg(type));
    entry.at = parseCanonicalTimestamp(object.value(kAt).toString());
    const auto previous = fromHex(object.value(kPrevious).toString());
    if (entry.reviewId.isEmpty() || entry.sequence < 1 || !entry.at.isValid() || !previous)
        return invalid(QStringLiteral("roster entry: review, seq, prev or at missing or malformed"));
    entry.previousHash = *previous;
    bool keysOk = readKey(object, kSignature, crypto_sign_BYTES, &entry.signature);
    switch (entry.type) {
    case Type::Genesis:
        keysOk = keysOk && readKey(object, kLeaderKey, crypto_sign_PUBLICKEYBYTES, &entry.leaderKey)
                 && readKey(object, kLeaderBoxKey, crypto_box_PUBLICKEYBYTES, &entry.leaderBoxKey)
                 && readKey(object, kArchiveKey, crypto_sign_PUBLICKEYBYTES, &entry.archiveKey);
        entry.archiveUrl = object.value(kArchiveUrl).toString();
        entry.fingerprint = object.value(kFingerprint).toString();
        break;
    case Type::Member:
        keysOk = keysOk && readKey(object, kDeviceKey, crypto_sign_PUBLICKEYBYTES, &entry.deviceKey);
        entry.role = object.value(kRole).toString();
        entry.label = object.value(kLabel).toString();
        if (object.contains(kBoxKey) || entry.role == deputyRole)
            keysOk = keysOk && readKey(object, kBoxKey, crypto_box_PUBLICKEYBYTES, &entry.boxKey);
        break;
    case Type::Revocation:
        keysOk = keysOk && readKey(object, kDeviceKey, crypto_sign_PUBLICKEYBYTES, &entry.deviceKey);
        entry.reason = object.value(kReason).toString();
        break;
    }
    if (object.contains(kSigner))
        keysOk = keysOk && entry.type != Type::Genesis && readKey(object, kSigner, crypto_sign_PUBLICKEYBYTES, &entry.signer);
    if (!keysOk)
        return invalid(QStringLiteral("roster entry %1: a key or the signature is missing or malformed").arg(entry.sequence));
    return entry;
}

Result<RosterEntry> RosterEntry::fromJsonText(const QByteArray &text)
{
    auto object = parseJsonObject(text);
    if (!object)
        return object.error();
    return fromJson(*object);
}

Result<QList<RosterEntry>> RosterEntry::listFromJson(const QJsonArray &array)
{
    QList<RosterEntry> entries;
    for (const QJsonValue &value : array) {
        auto entry = fromJson(value.toObject());
        if (!entry)
            return entry.error();
        entries << *entry;
    }
    return entries;
}

RosterEntry signRosterEntry(RosterEntry entry, const SecureBytes &signingSecretKey, const QByteArray &signer)
{
    entry.signer = signer;
    entry.signature = signDetached(entry.signedBytes(), signingSecretKey);
    return entry;
}

} // namespace fieldnotes::sync
