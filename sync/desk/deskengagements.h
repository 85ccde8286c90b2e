#pragma once

#include "engagement.h"
#include "error.h"
#include "sources.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace fieldnotes {
class Vault;
}

namespace fieldnotes::sync {

/// An engagement as the team leader's desk places it: the latest record a tablet signed for it
/// (by recorded_at), or the leader's own programme when no tablet sent one.
struct DeskEngagement {
    Engagement engagement;
    QByteArray recordedBy;  // the device whose record this is; empty: the leader's programme
    int records = 0;        // how many distinct signed records of it the leader holds
    QString derivedSource;  // from its participants and kind (sources.h)
    QString correctedSource; // the leader's correction, if any

    QString source() const { return correctedSource.isEmpty() ? derivedSource : correctedSource; }
};

/// The review's sources: its set-up's list, or the methodology's when it has none.
Result<QList<Source>> reviewSources(Vault &vault, const QString &reviewId);

/// Every engagement of the review the desk knows, in programme order (start, then id).
Result<QList<DeskEngagement>> deskEngagements(Vault &vault, const QString &reviewId);

} // namespace fieldnotes::sync
