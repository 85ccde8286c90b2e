#pragma once

#include "error.h"
#include "securebytes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace fieldnotes::sync {

/// BLAKE2b-256, the hash every sync format uses.
QByteArray blake2b256(const QByteArray &bytes);
QByteArray sha256(const QByteArray &bytes);
/// The one JSON form that is signed: compact, keys sorted (QJsonObject keeps them sorted).
QByteArray canonicalJson(const QJsonObject &object);
QString toHex(const QByteArray &bytes);
/// Lower-case hex (toHex's form, the only one accepted) of exactly expectedSize bytes (any size when expectedSize < 0).
std::optional<QByteArray> fromHex(const QString &text, int expectedSize = -1);
/// Padded standard base64 in the one form toBase64 writes (no stray characters, no set trailing bits).
std::optional<QByteArray> fromBase64(const QString &text);
/// A JSON object from bytes that must be valid UTF-8; the error says what is wrong.
Result<QJsonObject> parseJsonObject(const QByteArray &bytes);

/// Ed25519 over message with a 64-byte libsodium secret key.
QByteArray signDetached(const QByteArray &message, const SecureBytes &secretKey);
bool verifyDetached(const QByteArray &signature, const QByteArray &message, const QByteArray &publicKey);

Error invalid(const QString &message);

} // namespace fieldnotes::sync
