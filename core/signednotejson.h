#pragma once

#include "error.h"
#include "signednote.h"

#include <QJsonObject>

namespace fieldnotes {

/// One line of `fieldnotes-cli export`: the signed bytes, signature and hash, plus readable fields.
QJsonObject signedNoteToJson(const SignedNote &note);
/// Reads what signedNoteToJson wrote; refuses missing fields or bad encodings with a clear error.
Result<SignedNote> signedNoteFromJson(const QJsonObject &object);

} // namespace fieldnotes
