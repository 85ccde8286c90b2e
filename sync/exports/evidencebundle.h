#pragma once

#include "error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace fieldnotes {
class Vault;
}

namespace fieldnotes::sync {

struct BundleSummary {
    QString directory;
    int notes = 0;
    int files = 0; // payload files
    int archivedNotes = 0; // notes whose envelopes the archive may remove, after removeAfter
    QDateTime removeAfter;
};

/// Writes the review's evidence as a BagIt 1.0 bag (RFC 8493) at `directory`, which must not
/// exist: every collected note (signed bytes, signature, readable JSON), the signed roster, the
/// engagements' signed records, findings with their links, every issued report version with its
/// signatures, the consultation, concern follow-ups; SHA-256 and SHA-512 manifests, a SHA-256 tag
/// manifest, and the review key's detached signature over the tag manifest. The bag is built
/// beside `directory` and renamed into place only when whole: a killed write leaves nothing there.
Result<BundleSummary> writeEvidenceBundle(Vault &vault, const QString &reviewId, const QString &directory);

struct BundleCheck {
    QStringList problems; // for people, each naming the file, note or finding concerned
    int notes = 0;
    int files = 0;
    QByteArray reviewKey;
    bool ok() const { return problems.isEmpty(); }
};

/// Checks a bag with nothing but what is in it (and, when given, the review key to expect): every
/// file present and unchanged, the tag manifest's signature, the signed roster, every note's
/// signature and every tablet's chain complete, every finding's notes present, every report
/// version's signatures.
BundleCheck verifyEvidenceBundle(const QString &directory, const QByteArray &expectedReviewKey = {});

} // namespace fieldnotes::sync
