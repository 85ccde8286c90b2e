#pragma once

#include "error.h"

#include <QByteArray>
#include <QString>

namespace fieldnotes {
class Vault;
}

namespace fieldnotes::sync {

/// The review as a REFI-QDA project exchange file (.qdpx: a ZIP holding `project.qde` and
/// `sources/`), so that QualCoder, NVivo, ATLAS.ti or MAXQDA users can carry on the analysis:
/// every collected note a text source (its hash in its description), every engagement a case,
/// priority, source, kind, tablet role, signed time and evidence given as variables, every
/// priority a code with its findings as codes under it, and every excerpt a finding rests on a
/// coded PlainTextSelection (positions in Unicode code points, as the desk counts them).
/// GUIDs are derived from the review's own ids, so exporting twice gives the same project.
/// Written atomically to `path`.
Result<void> writeRefiQdaProject(Vault &vault, const QString &reviewId, const QString &path);

/// The project.qde XML alone.
Result<QByteArray> refiQdaProjectXml(Vault &vault, const QString &reviewId, QList<std::pair<QString, QByteArray>> *sources = nullptr);

} // namespace fieldnotes::sync
