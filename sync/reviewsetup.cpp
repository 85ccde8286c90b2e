#include "reviewsetup.h"

#include "engagementrecord.h"
#include "notestore.h"
#include "signednote.h"
#include "syncencoding.h"

#include <QJsonArray>
#include <QSet>

namespace fieldnotes::sync {

namespace {
QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toStrings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}
} // namespace

Result<QJsonObject> exportReviewSetup(NoteStore &store, const QString &reviewId)
{
    auto reviews = store.reviews();
    if (!reviews)
        return reviews.error();
    const auto review = std::find_if(reviews->begin(), reviews->end(), [&](const Review &r) { return r.id == reviewId; });
    if (review == reviews->end())
        return Error{ErrorCode::NotFound, QStringLiteral("no review %1 in this vault").arg(reviewId)};
    auto priorities = store.priorities(reviewId);
    if (!priorities)
        return priorities.error();
    auto engagements = store.engagements(reviewId);
    if (!engagements)
        return engagements.error();
    QJsonArray priorityList;
    for (const Priority &priority : *priorities)
        priorityList << QJsonObject{{QStringLiteral("id"), priority.id},
                                    {QStringLiteral("title"), priority.title},
                                    {QStringLiteral("lines_of_enquiry"), toArray(priority.linesOfEnquiry)},
                                    {QStringLiteral("questions"), toArray(priority.suggestedQuestions)}};
    QJsonArray engagementList;
    for (const Engagement &engagement : *engagements)
        engagementList << engagementToJson(engagement);
    return QJsonObject{{QStringLiteral("review"),
                        QJsonObject{{QStringLiteral("id"), review->id},
                                    {QStringLiteral("title"), review->title},
                                    {QStringLiteral("start"), review->startDate.toString(Qt::ISODate)},
                                    {QStringLiteral("end"), review->endDate.toString(Qt::ISODate)}}},
                       {QStringLiteral("priorities"), priorityList},
                       {QStringLiteral("engagements"), engagementList}};
}

QByteArray setupSignedBytes(const QJsonObject &setup)
{
    return "fieldnotes-setup-v1\n" + canonicalJson(setup);
}

Result<void> importReviewSetup(NoteStore &store, const QJsonObject &setup)
{
    const QJsonObject reviewObject = setup.value(QStringLiteral("review")).toObject();
    Review review{reviewObject.value(QStringLiteral("id")).toString(), reviewObject.value(QStringLiteral("title")).toString(),
                  QDate::fromString(reviewObject.value(QStringLiteral("start")).toString(), Qt::ISODate),
                  QDate::fromString(reviewObject.value(QStringLiteral("end")).toString(), Qt::ISODate)};
    if (review.id.isEmpty())
        return invalid(QStringLiteral("the review set-up names no review"));
    auto reviews = store.reviews();
    if (!reviews)
        return reviews.error();
    if (std::none_of(reviews->begin(), reviews->end(), [&](const Review &r) { return r.id == review.id; })) {
        if (auto added = store.addReview(review); !added)
            return added.error();
    }
    auto priorities = store.priorities(review.id);
    if (!priorities)
        return priorities.error();
    QSet<QString> known;
    for (const Priority &priority : *priorities)
        known.insert(priority.id);
    for (const QJsonValue &value : setup.value(QStringLiteral("priorities")).toArray()) {
        const QJsonObject object = value.toObject();
        Priority priority{object.value(QStringLiteral("id")).toString(), review.id, object.value(QStringLiteral("title")).toString(),
                          toStrings(object.value(QStringLiteral("lines_of_enquiry"))), toStrings(object.value(QStringLiteral("questions")))};
        if (known.contains(priority.id))
            continue;
        if (auto added = store.addPriority(priority); !added)
            return added.error();
    }
    auto engagements = store.engagements(review.id);
    if (!engagements)
        return engagements.error();
    known.clear();
    for (const Engagement &engagement : *engagements)
        known.insert(engagement.id);
    for (const QJsonValue &value : setup.value(QStringLiteral("engagements")).toArray()) {
        auto engagement = engagementFromJson(value.toObject(), review.id);
        if (!engagement)
            return Error{engagement.error().code, QStringLiteral("the review set-up: ") + engagement.error().message};
        if (known.contains(engagement->id))
            continue;
        if (!known.contains(engagement->followUpOf))
            engagement->followUpOf.clear();
        if (auto added = store.addEngagement(*engagement); !added)
            return added.error();
        known.insert(engagement->id);
    }
    return {};
}

} // namespace fieldnotes::sync
