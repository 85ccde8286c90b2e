#include "deskreview.h"

#include "deskengagements.h"
#include "notestore.h"
#include "sqlitedatabase.h"
#include "syncencoding.h"
#include "vault.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace fieldnotes::sync {

namespace {

QJsonObject evidenceJson(const DeskReview &review)
{
    QJsonObject criteria;
    for (auto found = review.evidence.cbegin(); found != review.evidence.cend(); ++found)
        criteria.insert(found.key(), found.value());
    return QJsonObject{{QStringLiteral("criteria"), criteria}, {QStringLiteral("lines_of_enquiry"), QJsonArray::fromStringList(review.linesOfEnquiry)}};
}

Result<DeskReview> deskReviewFromParts(const QString &priorityId, const QString &rag, const QJsonObject &evidence, const QString &updatedAt)
{
    DeskReview review{priorityId, rag, {}, {}, updatedAt};
    const QJsonObject criteria = evidence.value(QStringLiteral("criteria")).toObject();
    for (auto found = criteria.begin(); found != criteria.end(); ++found)
        review.evidence.insert(found.key(), found.value().toString());
    for (const QJsonValue &line : evidence.value(QStringLiteral("lines_of_enquiry")).toArray())
        review.linesOfEnquiry << line.toString();
    return review;
}

Result<void> checkDeskReview(const DeskReview &review)
{
    if (review.rag != QLatin1String("red") && review.rag != QLatin1String("amber") && review.rag != QLatin1String("green"))
        return invalid(QStringLiteral("priority %1: the RAG rating is red, amber or green, not \"%2\"").arg(review.priorityId, review.rag));
    QStringList known;
    for (const DeskCriterion &criterion : deskCriteria())
        known << criterion.id;
    for (auto found = review.evidence.cbegin(); found != review.evidence.cend(); ++found)
        if (!known.contains(found.key()))
            return invalid(QStringLiteral("priority %1: \"%2\" is not a desk-top review criterion; they are %3")
                               .arg(review.priorityId, found.key(), known.join(QStringLiteral(", "))));
    return {};
}
} // namespace

const QList<DeskCriterion> &deskCriteria()
{
    static const QList<DeskCriterion> criteria{
        {QStringLiteral("targets"), QStringLiteral("Progress against targets")},
        {QStringLiteral("comparators"), QStringLiteral("Comparative performance to statistical neighbours and national averages")},
        {QStringLiteral("trend"), QStringLiteral("Trends over the last 3 years")},
        {QStringLiteral("quartile"), QStringLiteral("Quartile position")},
        {QStringLiteral("geography"), QStringLiteral("Comparative geographical data")},
        {QStringLiteral("local-measures"), QStringLiteral("Progress against local measures identified on the Big Plan")},
        {QStringLiteral("monitoring"), QStringLiteral("Commentary on progress in quarterly monitoring reports and their RAG ratings")},
    };
    return criteria;
}

Result<QList<DeskReview>> deskReviews(Vault &vault, const QString &reviewId)
{
    auto rows = queryList<std::optional<DeskReview>>(
        vault.database(),
        "SELECT d.priority_id, d.rag, d.evidence, d.updated_at FROM desk_reviews d JOIN priorities p ON p.id = d.priority_id"
        " WHERE p.review_id = ?1 ORDER BY p.position",
        [&](SqlStatement &s) { s.bind(1, reviewId); },
        [](const SqlStatement &row) -> std::optional<DeskReview> {
            auto evidence = parseJsonObject(row.text(2).toUtf8());
            if (!evidence)
                return std::nullopt;
            auto review = deskReviewFromParts(row.text(0), row.text(1), *evidence, row.text(3));
            return review ? std::optional(*review) : std::nullopt;
        });
    if (!rows)
        return rows.error();
    QList<DeskReview> reviews;
    for (const auto &review : std::as_const(*rows)) {
        if (!review)
            return Error{ErrorCode::VaultDamaged, QStringLiteral("a desk-top review in the vault is not readable")};
        reviews << *review;
    }
    return reviews;
}

namespace {
Result<void> writeDeskReview(Vault &vault, const DeskReview &review)
{
    auto save = vault.database().prepare("INSERT INTO desk_reviews (priority_id, rag, evidence, updated_at) VALUES (?1, ?2, ?3, ?4)"
                                         " ON CONFLICT (priority_id) DO UPDATE SET rag = excluded.rag, evidence = excluded.evidence,"
                                         " updated_at = excluded.updated_at");
    if (!save)
        return save.error();
    save->bind(1, review.priorityId).bind(2, review.rag).bind(3, QString::fromUtf8(canonicalJson(evidenceJson(review)))).bind(4, review.updatedAt);
    return save->run();
}
} // namespace

Result<void> saveDeskReview(Vault &vault, const QString &reviewId, DeskReview review, const QString &by)
{
    auto priorities = vault.store().priorities(reviewId);
    if (!priorities)
        return priorities.error();
    if (std::none_of(priorities->cbegin(), priorities->cend(), [&](const Priority &p) { return p.id == review.priorityId; }))
        return Error{ErrorCode::NotFound, QStringLiteral("this review has no priority %1").arg(review.priorityId)};
    for (auto found = review.evidence.begin(); found != review.evidence.end();) {
        *found = found->trimmed();
        found = found->isEmpty() ? review.evidence.erase(found) : std::next(found);
    }
    QStringList lines;
    for (const QString &line : std::as_const(review.linesOfEnquiry))
        if (!line.trimmed().isEmpty())
            lines << line.trimmed();
    review.linesOfEnquiry = lines;
    if (auto checked = checkDeskReview(review); !checked)
        return checked;
    review.updatedAt = canonicalTimestamp(vault.clock()());
    auto transaction = SqlTransaction::begin(vault.database());
    if (!transaction)
        return transaction.error();
    if (auto saved = writeDeskReview(vault, review); !saved)
        return saved;
    QJsonObject detail = evidenceJson(review);
    detail.insert(QStringLiteral("rag"), review.rag);
    if (auto recorded = recordDeskChange(vault, reviewId, by, QStringLiteral("priority:") + review.priorityId, QStringLiteral("desk-top review"), detail);
        !recorded)
        return recorded;
    return transaction->commit();
}

QJsonArray deskReviewsToJson(const QList<DeskReview> &reviews)
{
    QJsonArray array;
    for (const DeskReview &review : reviews) {
        QJsonObject object = evidenceJson(review);
        object.insert(QStringLiteral("priority"), review.priorityId);
        object.insert(QStringLiteral("rag"), review.rag);
        object.insert(QStringLiteral("updated_at"), review.updatedAt);
        array << object;
    }
    return array;
}

Result<QList<DeskReview>> deskReviewsFromJson(const QJsonArray &array)
{
    QList<DeskReview> reviews;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        auto review = deskReviewFromParts(object.value(QStringLiteral("priority")).toString(), object.value(QStringLiteral("rag")).toString(),
                                          object, object.value(QStringLiteral("updated_at")).toString());
        if (!review)
            return review.error();
        if (review->priorityId.isEmpty())
            return invalid(QStringLiteral("a desk-top review names no priority"));
        if (auto checked = checkDeskReview(*review); !checked)
            return checked.error();
        reviews << *review;
    }
    return reviews;
}

Result<void> importDeskSetup(Vault &vault, const QString &reviewId, const QJsonObject &setup)
{
    auto reviews = deskReviewsFromJson(setup.value(QStringLiteral("desk_reviews")).toArray());
    if (!reviews)
        return Error{reviews.error().code, QStringLiteral("the review set-up: ") + reviews.error().message};
    QString sourceError;
    const auto sources = sourcesFromJson(setup.value(QStringLiteral("sources")).toArray(), &sourceError);
    if (!sources)
        return invalid(QStringLiteral("the review set-up: ") + sourceError);
    auto priorities = vault.store().priorities(reviewId);
    if (!priorities)
        return priorities.error();
    auto transaction = SqlTransaction::begin(vault.database());
    if (!transaction)
        return transaction.error();
    auto clear = vault.database().prepare("DELETE FROM desk_reviews WHERE priority_id IN (SELECT id FROM priorities WHERE review_id = ?1)");
    if (!clear)
        return clear.error();
    clear->bind(1, reviewId);
    if (auto cleared = clear->run(); !cleared)
        return cleared;
    for (const DeskReview &review : std::as_const(*reviews)) {
        if (std::none_of(priorities->cbegin(), priorities->cend(), [&](const Priority &p) { return p.id == review.priorityId; }))
            return invalid(QStringLiteral("the review set-up: a desk-top review of priority %1, which it does not have").arg(review.priorityId));
        if (auto saved = writeDeskReview(vault, review); !saved)
            return saved;
    }
    if (!sources->isEmpty()) {
        if (auto replaced = replaceReviewSources(vault, reviewId, *sources); !replaced)
            return replaced;
    }
    return transaction->commit();
}

} // namespace fieldnotes::sync
