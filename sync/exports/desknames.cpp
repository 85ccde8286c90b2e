#include "desknames.h"

#include "notestore.h"
#include "vault.h"

namespace fieldnotes::sync {

Error whileReading(const char *what, const Error &error)
{
    return Error{error.code, QStringLiteral("%1: %2").arg(QLatin1String(what), error.message)};
}

Result<DeskNames> deskNames(Vault &vault, const QString &reviewId)
{
    DeskNames names;
    auto reviews = vault.store().reviews();
    if (!reviews)
        return whileReading("the review", reviews.error());
    const auto review = std::find_if(reviews->cbegin(), reviews->cend(), [&](const Review &r) { return r.id == reviewId; });
    if (review == reviews->cend())
        return Error{ErrorCode::NotFound, QStringLiteral("there is no review %1").arg(reviewId)};
    names.review = *review;
    auto priorities = vault.store().priorities(reviewId);
    if (!priorities)
        return whileReading("the priorities", priorities.error());
    names.priorities = std::move(*priorities);
    auto sources = reviewSources(vault, reviewId);
    if (!sources)
        return whileReading("the sources", sources.error());
    names.sources = std::move(*sources);
    auto engagements = deskEngagements(vault, reviewId);
    if (!engagements)
        return whileReading("the engagements", engagements.error());
    names.engagements = std::move(*engagements);
    for (const Priority &priority : std::as_const(names.priorities))
        names.m_priorityTitle.insert(priority.id, priority.title);
    for (const Source &source : std::as_const(names.sources))
        names.m_sourceLabel.insert(source.id, source.label);
    for (const DeskEngagement &placed : std::as_const(names.engagements))
        names.m_engagementTitle.insert(placed.engagement.id, placed.engagement.title);
    return names;
}

} // namespace fieldnotes::sync
