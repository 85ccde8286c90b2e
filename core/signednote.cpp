#include "signednote.h"

#include "sodiumruntime.h"

#include <QCborMap>
#include <QCborValue>
#include <QTimeZone>

#include <sodium.h>

#include <algorithm>
#include <vector>

namespace fieldnotes {

namespace {
const QString typeName = QStringLiteral("fieldnotes/note");
constexpr qint64 formatVersion = 1;

struct Entry {
    QByteArray key;
    QByteArray value;
};
} // namespace

QString canonicalTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QDateTime parseCanonicalTimestamp(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    time.setTimeSpec(Qt::UTC);
    return time.isValid() && canonicalTimestamp(time) == text ? time : QDateTime();
}

QByteArray encodeCanonicalNote(const SignedNoteContent &content)
{
    std::vector<Entry> entries;
    const auto add = [&entries](const char *key, const QCborValue &value) {
        entries.push_back({QCborValue(QString::fromLatin1(key)).toCbor(), value.toCbor()});
    };
    add("v", formatVersion);
    add("id", content.id);
    add("seq", content.sequence);
    add("kind", noteKindName(content.kind));
    add("prev", QCborValue(content.previousHash.isNull() ? QByteArray("") : content.previousHash));
    add("text", content.text);
    add("type", typeName);
    add("amends", QCborValue(content.amendsHash.isNull() ? QByteArray("") : content.amendsHash));
    add("author", QCborValue(content.authorKey));
    add("review", content.reviewId);
    add("signed", canonicalTimestamp(content.signedAt));
    add("created", canonicalTimestamp(content.createdAt));
    add("engagement", content.engagementId);
    add("evidence_asked", content.evidenceAsked);
    add("evidence_given", content.evidenceGiven);
    // Core deterministic encoding: map keys in the bytewise order of their encodings.
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.key < b.key; });

    QByteArray out;
    out.append(char(0xa0 + entries.size())); // a map of fewer than 24 pairs
    for (const Entry &entry : entries)
        out.append(entry.key).append(entry.value);
    return out;
}

std::optional<SignedNoteContent> decodeCanonicalNote(const QByteArray &canonical)
{
    QCborParserError error{};
    const QCborValue value = QCborValue::fromCbor(canonical, &error);
    if (error.error != QCborError::NoError || !value.isMap())
        return std::nullopt;
    const QCborMap map = value.toMap();
    const auto field = [&map](const char *key) { return map.value(QString::fromLatin1(key)); };
    if (field("type").toString() != typeName || field("v").toInteger(-1) != formatVersion)
        return std::nullopt;
    const auto kind = noteKindFromName(field("kind").toString());
    if (!kind)
        return std::nullopt;

    SignedNoteContent content;
    content.id = field("id").toString();
    content.reviewId = field("review").toString();
    content.engagementId = field("engagement").toString();
    content.kind = *kind;
    content.text = field("text").toString();
    content.evidenceAsked = field("evidence_asked").toBool();
    content.evidenceGiven = field("evidence_given").toBool();
    content.amendsHash = field("amends").toByteArray();
    content.createdAt = parseCanonicalTimestamp(field("created").toString());
    content.signedAt = parseCanonicalTimestamp(field("signed").toString());
    content.authorKey = field("author").toByteArray();
    content.sequence = field("seq").toInteger(-1);
    content.previousHash = field("prev").toByteArray();
    // Re-encoding must give back the very same bytes: this rejects extra or missing keys, wrong
    // types, non-minimal integers and any other second way of writing the same note.
    if (encodeCanonicalNote(content) != canonical)
        return std::nullopt;
    return content;
}

QByteArray noteHash(const QByteArray &canonical, const QByteArray &signature)
{
    ensureSodiumInitialised();
    QByteArray hash(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(canonical.constData()), static_cast<unsigned long long>(canonical.size()));
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(signature.constData()), static_cast<unsigned long long>(signature.size()));
    crypto_generichash_final(&state, reinterpret_cast<unsigned char *>(hash.data()), crypto_generichash_BYTES);
    return hash;
}

SignedNote signNoteContent(const SignedNoteContent &content, const SecureBytes &secretKey)
{
    ensureSodiumInitialised();
    SignedNote note;
    note.content = content;
    note.canonical = encodeCanonicalNote(content);
    note.signature.resize(crypto_sign_BYTES);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(note.signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(note.canonical.constData()),
                         static_cast<unsigned long long>(note.canonical.size()), secretKey.data());
    note.hash = noteHash(note.canonical, note.signature);
    return note;
}

QStringList differingFields(const SignedNoteContent &a, const SignedNoteContent &b)
{
    QStringList fields;
    const auto check = [&fields](bool same, const char *name) {
        if (!same)
            fields << QString::fromLatin1(name);
    };
    check(a.id == b.id, "id");
    check(a.reviewId == b.reviewId, "review");
    check(a.engagementId == b.engagementId, "engagement");
    check(a.kind == b.kind, "kind");
    check(a.text == b.text, "text");
    check(a.evidenceAsked == b.evidenceAsked, "evidence_asked");
    check(a.evidenceGiven == b.evidenceGiven, "evidence_given");
    check(a.amendsHash == b.amendsHash, "amends");
    check(a.createdAt == b.createdAt, "created_at");
    check(a.signedAt == b.signedAt, "signed_at");
    check(a.authorKey == b.authorKey, "public_key");
    check(a.sequence == b.sequence, "sequence");
    check(a.previousHash == b.previousHash, "previous_hash");
    return fields;
}

} // namespace fieldnotes
