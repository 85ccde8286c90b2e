#include "signednote.h"

#include "sodiumruntime.h"

#include <QCborStreamReader>

#include <sodium.h>

#include <algorithm>
#include <array>
#include <span>
#include <limits>

namespace fieldnotes {

namespace {
const QString typeName = QStringLiteral("fieldnotes/note");

// CBOR major types (RFC 8949 section 3.1).
enum Major : quint8 { Unsigned = 0, Bytes = 2, Text = 3, Map = 5 };

// The shortest head for a major type and argument, as deterministic encoding requires.
void appendHead(QByteArray &out, Major major, quint64 value)
{
    const auto type = char(major << 5);
    if (value < 24) {
        out.append(char(type | char(value)));
        return;
    }
    int bytes = value <= 0xff ? 1 : value <= 0xffff ? 2 : value <= 0xffffffffu ? 4 : 8;
    out.append(char(type | char(bytes == 1 ? 24 : bytes == 2 ? 25 : bytes == 4 ? 26 : 27)));
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8)
        out.append(char((value >> shift) & 0xff));
}

void appendText(QByteArray &out, QLatin1String text)
{
    appendHead(out, Text, quint64(text.size()));
    out.append(text.data(), text.size());
}

void appendText(QByteArray &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    appendHead(out, Text, quint64(utf8.size()));
    out.append(utf8);
}

void appendBytes(QByteArray &out, const QByteArray &bytes)
{
    appendHead(out, Bytes, quint64(bytes.size()));
    out.append(bytes);
}

void appendBool(QByteArray &out, bool value)
{
    out.append(char(value ? 0xf5 : 0xf4));
}

void appendTwoDigits(QByteArray &out, int value)
{
    out.append(char('0' + value / 10)).append(char('0' + value % 10));
}

// The keys in core deterministic order: shorter encodings first, then bytewise.
constexpr std::array<const char *, 15> keyOrderV1{"v", "id", "seq", "kind", "prev", "text", "type", "amends", "author",
                                                  "review", "signed", "created", "engagement", "evidence_asked",
                                                  "evidence_given"};
constexpr std::array<const char *, 17> keyOrderV2{"v", "id", "seq", "kind", "prev", "text", "type", "amends", "author",
                                                  "review", "signed", "created", "engagement", "signer_role",
                                                  "signer_label", "evidence_asked", "evidence_given"};

std::span<const char *const> keysOf(int version)
{
    if (version == 1)
        return keyOrderV1;
    if (version == 2)
        return keyOrderV2;
    return {};
}
} // namespace

QString canonicalTimestamp(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    if (!date.isValid() || date.year() < 0 || date.year() > 9999)
        return {};
    QByteArray out;
    out.reserve(24);
    appendTwoDigits(out, date.year() / 100);
    appendTwoDigits(out, date.year() % 100);
    out.append('-');
    appendTwoDigits(out, date.month());
    out.append('-');
    appendTwoDigits(out, date.day());
    out.append('T');
    appendTwoDigits(out, clock.hour());
    out.append(':');
    appendTwoDigits(out, clock.minute());
    out.append(':');
    appendTwoDigits(out, clock.second());
    out.append('.');
    out.append(char('0' + clock.msec() / 100));
    appendTwoDigits(out, clock.msec() % 100);
    out.append('Z');
    return QString::fromLatin1(out);
}

QDateTime parseCanonicalTimestamp(const QString &text)
{
    // Exactly YYYY-MM-DDTHH:MM:SS.mmmZ; anything else is not a canonical time.
    static constexpr char pattern[] = "dddd-dd-ddTdd:dd:dd.dddZ";
    if (text.size() != 24)
        return {};
    for (int i = 0; i < 24; ++i) {
        const char16_t c = text.at(i).unicode();
        if (pattern[i] == 'd' ? (c < u'0' || c > u'9') : c != char16_t(pattern[i]))
            return {};
    }
    const auto number = [&text](int from, int digits) {
        int value = 0;
        for (int i = from; i < from + digits; ++i)
            value = value * 10 + (text.at(i).unicode() - u'0');
        return value;
    };
    const QDate date(number(0, 4), number(5, 2), number(8, 2));
    const QTime clock(number(11, 2), number(14, 2), number(17, 2), number(20, 3));
    if (!date.isValid() || !clock.isValid())
        return {};
    return QDateTime(date, clock, Qt::UTC);
}

QByteArray encodeCanonicalNote(const SignedNoteContent &content)
{
    QByteArray out;
    const std::span<const char *const> keys = keysOf(content.formatVersion);
    if (keys.empty())
        return out; // no such format: nothing that could verify
    out.reserve(400 + content.text.size() * 3);
    appendHead(out, Map, keys.size());
    for (const char *key : keys) {
        const QLatin1String name(key);
        appendText(out, name);
        if (name == QLatin1String("v")) appendHead(out, Unsigned, quint64(content.formatVersion));
        else if (name == QLatin1String("id")) appendText(out, content.id);
        else if (name == QLatin1String("seq")) appendHead(out, Unsigned, quint64(std::max<qint64>(0, content.sequence)));
        else if (name == QLatin1String("kind")) appendText(out, noteKindName(content.kind));
        else if (name == QLatin1String("prev")) appendBytes(out, content.previousHash);
        else if (name == QLatin1String("text")) appendText(out, content.text);
        else if (name == QLatin1String("type")) appendText(out, typeName);
        else if (name == QLatin1String("amends")) appendBytes(out, content.amendsHash);
        else if (name == QLatin1String("author")) appendBytes(out, content.authorKey);
        else if (name == QLatin1String("review")) appendText(out, content.reviewId);
        else if (name == QLatin1String("signed")) appendText(out, canonicalTimestamp(content.signedAt));
        else if (name == QLatin1String("created")) appendText(out, canonicalTimestamp(content.createdAt));
        else if (name == QLatin1String("engagement")) appendText(out, content.engagementId);
        else if (name == QLatin1String("signer_role")) appendText(out, content.signerRole);
        else if (name == QLatin1String("signer_label")) appendText(out, content.signerLabel);
        else if (name == QLatin1String("evidence_asked")) appendBool(out, content.evidenceAsked);
        else if (name == QLatin1String("evidence_given")) appendBool(out, content.evidenceGiven);
    }
    return out;
}

std::optional<SignedNoteContent> decodeCanonicalNote(const QByteArray &canonical)
{
    // A strict reader: the keys must come in canonical order with the expected types; then the
    // bytes must equal a fresh encoding, which rules out every second way of writing a value.
    QCborStreamReader reader(canonical);
    if (!reader.isMap() || !reader.isLengthKnown())
        return std::nullopt;
    // The number of keys says the version; the "v" inside must agree.
    const int version = reader.length() == keyOrderV1.size() ? 1 : reader.length() == keyOrderV2.size() ? 2 : 0;
    if (version == 0 || !reader.enterContainer())
        return std::nullopt;
    const auto readString = [&reader](QString *text) {
        if (!reader.isString())
            return false;
        QString value;
        auto chunk = reader.readString();
        while (chunk.status == QCborStreamReader::Ok) {
            value += chunk.data;
            chunk = reader.readString();
        }
        *text = value;
        return chunk.status == QCborStreamReader::EndOfString;
    };
    const auto readBytes = [&reader](QByteArray *bytes) {
        if (!reader.isByteArray())
            return false;
        QByteArray value("");
        auto chunk = reader.readByteArray();
        while (chunk.status == QCborStreamReader::Ok) {
            value += chunk.data;
            chunk = reader.readByteArray();
        }
        *bytes = value;
        return chunk.status == QCborStreamReader::EndOfString;
    };
    const auto readBool = [&reader](bool *value) {
        if (!reader.isBool())
            return false;
        *value = reader.toBool();
        return reader.next();
    };
    const auto readUnsigned = [&reader](quint64 *value) {
        if (!reader.isUnsignedInteger())
            return false;
        *value = quint64(reader.toUnsignedInteger());
        return reader.next();
    };

    SignedNoteContent content;
    content.formatVersion = version;
    QString text;
    for (const char *key : keysOf(version)) {
        QString name;
        if (!readString(&name) || name != QLatin1String(key))
            return std::nullopt;
        bool ok = false;
        quint64 number = 0;
        if (name == QLatin1String("v")) ok = readUnsigned(&number) && number == quint64(version);
        else if (name == QLatin1String("id")) ok = readString(&content.id);
        else if (name == QLatin1String("seq")) {
            ok = readUnsigned(&number) && number <= quint64(std::numeric_limits<qint64>::max());
            content.sequence = qint64(number);
        }
        else if (name == QLatin1String("kind")) {
            ok = readString(&text);
            const auto kind = noteKindFromName(text);
            ok = ok && kind.has_value();
            content.kind = kind.value_or(NoteKind::Observation);
        } else if (name == QLatin1String("prev")) ok = readBytes(&content.previousHash);
        else if (name == QLatin1String("text")) ok = readString(&content.text);
        else if (name == QLatin1String("type")) ok = readString(&text) && text == typeName;
        else if (name == QLatin1String("amends")) ok = readBytes(&content.amendsHash);
        else if (name == QLatin1String("author")) ok = readBytes(&content.authorKey);
        else if (name == QLatin1String("review")) ok = readString(&content.reviewId);
        else if (name == QLatin1String("signed")) ok = readString(&text) && (content.signedAt = parseCanonicalTimestamp(text)).isValid();
        else if (name == QLatin1String("created")) ok = readString(&text) && (content.createdAt = parseCanonicalTimestamp(text)).isValid();
        else if (name == QLatin1String("engagement")) ok = readString(&content.engagementId);
        else if (name == QLatin1String("signer_role")) ok = readString(&content.signerRole);
        else if (name == QLatin1String("signer_label")) ok = readString(&content.signerLabel);
        else if (name == QLatin1String("evidence_asked")) ok = readBool(&content.evidenceAsked);
        else if (name == QLatin1String("evidence_given")) ok = readBool(&content.evidenceGiven);
        if (!ok)
            return std::nullopt;
    }
    if (!reader.leaveContainer() || reader.currentOffset() != canonical.size() || reader.lastError() != QCborError::NoError)
        return std::nullopt;
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
    check(a.formatVersion == b.formatVersion, "format");
    check(a.signerRole == b.signerRole, "signer_role");
    check(a.signerLabel == b.signerLabel, "signer_label");
    return fields;
}

} // namespace fieldnotes
