#pragma once

#include "error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace fieldnotes {
class Vault;
}

namespace fieldnotes::sync {

/// One of the methodology's desk-top review criteria (Stage 1).
struct DeskCriterion {
    QString id;    // e.g. "trend"
    QString label; // as the methodology words it
};
const QList<DeskCriterion> &deskCriteria();

/// Stage 1 for one priority: whether it is progressing well (a RAG rating), the desk-top
/// evidence under each criterion, and the key lines of enquiry for the review week. It travels
/// to tablets in the signed set-up, so that reviewers see why a priority is being looked at.
struct DeskReview {
    QString priorityId;
    QString rag;                      // red, amber or green
    QMap<QString, QString> evidence;  // criterion id -> what the desk-top review found
    QStringList linesOfEnquiry;
    QString updatedAt;

    friend bool operator==(const DeskReview &, const DeskReview &) = default;
};

/// The review's desk-top reviews, in the order of its priorities.
Result<QList<DeskReview>> deskReviews(Vault &vault, const QString &reviewId);
/// Saves one priority's (with who, to the desk's history). Refuses an unknown priority, a RAG
/// other than red, amber or green, and evidence under a criterion the methodology lacks.
Result<void> saveDeskReview(Vault &vault, const QString &reviewId, DeskReview review, const QString &by);

/// As the signed set-up carries them.
QJsonArray deskReviewsToJson(const QList<DeskReview> &reviews);
Result<QList<DeskReview>> deskReviewsFromJson(const QJsonArray &array);
/// A tablet's import of the set-up's desk-top reviews and sources: they replace what it had.
Result<void> importDeskSetup(Vault &vault, const QString &reviewId, const QJsonObject &setup);

} // namespace fieldnotes::sync
