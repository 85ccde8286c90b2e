#pragma once

#include "error.h"

#include <QByteArray>
#include <QString>

namespace fieldnotes {
class Vault;
}

namespace fieldnotes::sync {

/// Every collected note of the review as CSV (RFC 4180: UTF-8, CRLF, quoted where needed), one
/// row per note: its hash, priority, engagement, source, kind, the tablet's role, when it was
/// signed, the evidence flags, whether it verified, and the findings that rest on it. Never its
/// text (the evidence bundle and the REFI-QDA export carry that), never a tablet's label.
/// Fields a spreadsheet would run as a formula are written with a leading apostrophe.
Result<QByteArray> collectedNotesCsv(Vault &vault, const QString &reviewId);

} // namespace fieldnotes::sync
