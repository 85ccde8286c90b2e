#pragma once

#include "error.h"

#include <QJsonObject>

namespace fieldnotes {
class NoteStore;
}

namespace fieldnotes::sync {

/// The review set-up a leader publishes (the review, its priorities with their questions, the
/// programme) and a device imports after enrolment, keeping the leader's ids so notes name them.
Result<QJsonObject> exportReviewSetup(NoteStore &store, const QString &reviewId);
Result<void> importReviewSetup(NoteStore &store, const QJsonObject &setup);
/// What the team leader signs for a set-up.
QByteArray setupSignedBytes(const QJsonObject &setup);

} // namespace fieldnotes::sync
