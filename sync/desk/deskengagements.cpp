#include "deskengagements.h"

#include "engagementrecord.h"
#include "notestore.h"
#include "sqlitedatabase.h"
#include "syncencoding.h"
#include "vault.h"

#include <QJsonDocument>

#include <algorithm>

namespace fieldnotes::sync {

Result<QList<Source>> reviewSources(Vault &vault, const QString &reviewId)
{
    auto rows = queryList<Source>(
        vault.database(), "SELECT id, label, role_words FROM review_sources WHERE review_id = ?1 ORDER BY position",
        [&](SqlStatement &s) { s.bind(1, reviewId); },
        [](const SqlStatement &row) {
            QStringList words;
            for (const QJsonValue &word : QJsonDocument::fromJson(row.text(2).toUtf8()).array())
                words << word.toString();
            return Source{row.text(0), row.text(1), words};
        });
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? defaultSources() : *rows;
}

Result<QList<DeskEngagement>> deskEngagements(Vault &vault, const QString &reviewId)
{
    auto sources = reviewSources(vault, reviewId);
    if (!sources)
        return sources.error();
    auto programme = vault.store().engagements(reviewId);
    if (!programme)
        return programme.error();
    QHash<QString, DeskEngagement> byId;
    for (const Engagement &engagement : std::as_const(*programme))
        byId.insert(engagement.id, DeskEngagement{engagement, {}, 0, {}, {}});

    // Oldest first, so the latest record of each engagement is the one left standing.
    auto records = queryList<QString>(
        vault.database(), "SELECT record FROM collected_engagements WHERE review_id = ?1 ORDER BY recorded_at, hash",
        [&](SqlStatement &s) { s.bind(1, reviewId); }, [](const SqlStatement &row) { return row.text(0); });
    if (!records)
        return records.error();
    for (const QString &json : std::as_const(*records)) {
        auto object = parseJsonObject(json.toUtf8());
        if (!object)
            return Error{ErrorCode::VaultDamaged, QStringLiteral("a collected engagement record is not readable: ") + object.error().message};
        // Verified when collected and immutable since; checked again because the desk rests on it.
        auto record = EngagementRecord::fromJson(*object);
        if (!record)
            return Error{ErrorCode::VaultDamaged, QStringLiteral("a collected engagement record no longer verifies: ") + record.error().message};
        DeskEngagement &placed = byId[record->engagement.id];
        const int seen = placed.records;
        placed = DeskEngagement{record->engagement, record->deviceKey, seen + 1, {}, {}};
    }

    auto corrections = queryList<std::pair<QString, QString>>(
        vault.database(), "SELECT engagement_id, source_id FROM engagement_sources WHERE review_id = ?1",
        [&](SqlStatement &s) { s.bind(1, reviewId); }, [](const SqlStatement &row) { return std::pair{row.text(0), row.text(1)}; });
    if (!corrections)
        return corrections.error();
    QList<DeskEngagement> placed;
    for (DeskEngagement &engagement : byId) {
        engagement.derivedSource = derivedSource(*sources, engagement.engagement);
        placed << engagement;
    }
    for (const auto &[engagementId, sourceId] : std::as_const(*corrections))
        for (DeskEngagement &engagement : placed)
            if (engagement.engagement.id == engagementId)
                engagement.correctedSource = sourceId;
    std::sort(placed.begin(), placed.end(), [](const DeskEngagement &a, const DeskEngagement &b) {
        return std::pair(a.engagement.scheduledStart, a.engagement.id) < std::pair(b.engagement.scheduledStart, b.engagement.id);
    });
    return placed;
}

} // namespace fieldnotes::sync
