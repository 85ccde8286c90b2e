#include "signednotejson.h"

#include <QRegularExpression>

namespace fieldnotes {

namespace {
QString base64(const QByteArray &bytes) { return QString::fromLatin1(bytes.toBase64()); }
QString hex(const QByteArray &bytes) { return QString::fromLatin1(bytes.toHex()); }
} // namespace

QJsonObject signedNoteToJson(const SignedNote &note)
{
    const SignedNoteContent &c = note.content;
    QJsonObject object{
        {QStringLiteral("id"), c.id},
        {QStringLiteral("review"), c.reviewId},
        {QStringLiteral("engagement"), c.engagementId},
        {QStringLiteral("kind"), noteKindName(c.kind)},
        {QStringLiteral("text"), c.text},
        {QStringLiteral("evidence_asked"), c.evidenceAsked},
        {QStringLiteral("evidence_given"), c.evidenceGiven},
        {QStringLiteral("amends"), hex(c.amendsHash)},
        {QStringLiteral("created_at"), canonicalTimestamp(c.createdAt)},
        {QStringLiteral("signed_at"), canonicalTimestamp(c.signedAt)},
        {QStringLiteral("sequence"), c.sequence},
        {QStringLiteral("previous_hash"), hex(c.previousHash)},
        {QStringLiteral("hash"), hex(note.hash)},
        {QStringLiteral("public_key"), base64(c.authorKey)},
        {QStringLiteral("signature"), base64(note.signature)},
        {QStringLiteral("canonical"), base64(note.canonical)},
    };
    if (c.formatVersion >= 2) {
        object.insert(QStringLiteral("signer_role"), c.signerRole);
        object.insert(QStringLiteral("signer_label"), c.signerLabel);
    }
    if (note.contentRemoved())
        object.insert(QStringLiteral("content_removed_at"), canonicalTimestamp(note.contentRemovedAt));
    return object;
}

Result<SignedNote> signedNoteFromJson(const QJsonObject &object)
{
    QStringList bad;
    const auto text = [&](const char *key) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (!value.isString())
            bad << QString::fromLatin1(key);
        return value.toString();
    };
    const auto flag = [&](const char *key) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (!value.isBool())
            bad << QString::fromLatin1(key);
        return value.toBool();
    };
    const auto fromBase64 = [&](const char *key) {
        const QByteArray encoded = text(key).toLatin1();
        const auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
        if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok || decoded.decoded.toBase64() != encoded)
            bad << QString::fromLatin1(key);
        return decoded.decoded;
    };
    const auto fromHex = [&](const char *key) {
        const QString value = text(key);
        static const QRegularExpression hexDigits(QStringLiteral("^([0-9a-f]{2})*$"));
        if (!hexDigits.match(value).hasMatch())
            bad << QString::fromLatin1(key);
        return QByteArray::fromHex(value.toLatin1());
    };

    SignedNote note;
    SignedNoteContent &c = note.content;
    c.id = text("id");
    c.reviewId = text("review");
    c.engagementId = text("engagement");
    const auto kind = noteKindFromName(text("kind"));
    if (!kind)
        bad << QStringLiteral("kind");
    c.kind = kind.value_or(NoteKind::Observation);
    c.text = text("text");
    c.evidenceAsked = flag("evidence_asked");
    c.evidenceGiven = flag("evidence_given");
    // Version 2 notes say who signed; a note without those fields is of version 1.
    c.formatVersion = object.contains(QLatin1String("signer_role")) ? 2 : 1;
    if (c.formatVersion == 2) {
        c.signerRole = text("signer_role");
        c.signerLabel = text("signer_label");
    }
    c.amendsHash = fromHex("amends");
    c.createdAt = parseCanonicalTimestamp(text("created_at"));
    c.signedAt = parseCanonicalTimestamp(text("signed_at"));
    if (!c.createdAt.isValid() || !c.signedAt.isValid())
        bad << QStringLiteral("created_at/signed_at");
    const QJsonValue sequence = object.value(QLatin1String("sequence"));
    if (!sequence.isDouble() || sequence.toDouble() != double(sequence.toInteger()))
        bad << QStringLiteral("sequence");
    c.sequence = sequence.toInteger();
    c.previousHash = fromHex("previous_hash");
    note.hash = fromHex("hash");
    c.authorKey = fromBase64("public_key");
    note.signature = fromBase64("signature");
    note.canonical = fromBase64("canonical");
    if (object.contains(QLatin1String("content_removed_at"))) {
        note.contentRemovedAt = parseCanonicalTimestamp(text("content_removed_at"));
        if (!note.contentRemovedAt.isValid() || !note.canonical.isEmpty() || !c.text.isEmpty())
            bad << QStringLiteral("content_removed_at");
    }
    if (!bad.isEmpty())
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("missing or malformed fields: %1").arg(bad.join(QStringLiteral(", ")))};
    return note;
}

} // namespace fieldnotes
