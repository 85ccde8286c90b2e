#include "deskengagements.h"

#include "engagementrecord.h"
#include "notestore.h"
#include "signednote.h"
#include "sqlitedatabase.h"
#include "syncencoding.h"
#include "vault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace fieldnotes::sync {

DeskConnection::DeskConnection(Vault &vault) : database(vault.database()), store(vault.store()) {}

Result<QList<Source>> reviewSources(DeskConnection desk, const QString &reviewId)
{
    auto rows = queryList<Source>(
        desk.database, "SELECT id, label, role_words FROM review_sources WHERE review_id = ?1 ORDER BY position",
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

Result<QList<DeskEngagement>> deskEngagements(DeskConnection desk, const QString &reviewId)
{
    auto sources = reviewSources(desk, reviewId);
    if (!sources)
        return sources.error();
    auto programme = desk.store.engagements(reviewId);
    if (!programme)
        return programme.error();
    QHash<QString, DeskEngagement> byId;
    for (const Engagement &engagement : std::as_const(*programme))
        byId.insert(engagement.id, DeskEngagement{engagement, {}, 0, {}, {}});

    // Oldest first, so the latest record of each engagement is the one left standing.
    auto records = queryList<QString>(
        desk.database, "SELECT record FROM collected_engagements WHERE review_id = ?1 ORDER BY recorded_at, hash",
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
        desk.database, "SELECT engagement_id, source_id FROM engagement_sources WHERE review_id = ?1",
        [&](SqlStatement &s) { s.bind(1, reviewId); }, [](const SqlStatement &row) { return std::pair{row.text(0), row.text(1)}; });
    if (!corrections)
        return corrections.error();
    for (const auto &[engagementId, sourceId] : std::as_const(*corrections))
        if (const auto found = byId.find(engagementId); found != byId.end())
            found->correctedSource = sourceId;
    QList<DeskEngagement> placed;
    for (DeskEngagement &engagement : byId) {
        engagement.derivedSource = derivedSource(*sources, engagement.engagement);
        placed << engagement;
    }
    std::sort(placed.begin(), placed.end(), [](const DeskEngagement &a, const DeskEngagement &b) {
        return std::pair(a.engagement.scheduledStart, a.engagement.id) < std::pair(b.engagement.scheduledStart, b.engagement.id);
    });
    return placed;
}

namespace {
// The correction names a row of review_sources; a review still on the methodology's list gets
// that list written out first, so the correction has something to name.
Result<void> writeSourcesIfDefault(Vault &vault, const QString &reviewId, const QList<Source> &sources)
{
    auto stored = queryList<qint64>(
        vault.database(), "SELECT 1 FROM review_sources WHERE review_id = ?1 LIMIT 1", [&](SqlStatement &s) { s.bind(1, reviewId); },
        [](const SqlStatement &row) { return row.integer(0); });
    if (!stored)
        return stored.error();
    if (!stored->isEmpty())
        return {};
    return replaceReviewSources(vault, reviewId, sources);
}
} // namespace

Result<void> replaceReviewSources(Vault &vault, const QString &reviewId, const QList<Source> &sources)
{
    QStringList ids;
    for (qsizetype i = 0; i < sources.size(); ++i) {
        auto upsert = vault.database().prepare(
            "INSERT INTO review_sources (review_id, id, position, label, role_words) VALUES (?1, ?2, ?3, ?4, ?5)"
            " ON CONFLICT (review_id, id) DO UPDATE SET position = excluded.position, label = excluded.label, role_words = excluded.role_words");
        if (!upsert)
            return upsert.error();
        upsert->bind(1, reviewId).bind(2, sources.at(i).id).bind(3, qint64(i)).bind(4, sources.at(i).label)
            .bind(5, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(sources.at(i).roleWords)).toJson(QJsonDocument::Compact)));
        if (auto done = upsert->run(); !done)
            return done;
        ids << sources.at(i).id;
    }
    auto dropped = vault.database().prepare("DELETE FROM review_sources WHERE review_id = ?1 AND id NOT IN (SELECT value FROM json_each(?2))");
    if (!dropped)
        return dropped.error();
    dropped->bind(1, reviewId).bind(2, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact)));
    if (auto done = dropped->run(); !done)
        return Error{done.error().code, QStringLiteral("a source the leader placed an engagement under cannot be dropped: ") + done.error().message};
    return {};
}

Result<void> addReviewSource(Vault &vault, const QString &reviewId, const Source &source, const QString &by)
{
    static const QRegularExpression id(QStringLiteral("^[a-z0-9][a-z0-9-]{0,39}$"));
    if (!id.match(source.id).hasMatch())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("a source's id is 1 to 40 lower-case letters, digits and hyphens, e.g. \"youth-workers\"")};
    if (source.label.trimmed().isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("a source needs a label, e.g. \"Youth workers\"")};
    auto sources = reviewSources(vault, reviewId);
    if (!sources)
        return sources.error();
    for (const Source &existing : std::as_const(*sources))
        if (existing.id == source.id)
            return Error{ErrorCode::InvalidArgument, QStringLiteral("this review already has a source \"%1\" (%2)").arg(source.id, existing.label)};
    QList<Source> next = *sources;
    next << Source{source.id, source.label.trimmed(), source.roleWords};
    auto transaction = SqlTransaction::begin(vault.database());
    if (!transaction)
        return transaction.error();
    if (auto replaced = replaceReviewSources(vault, reviewId, next); !replaced)
        return replaced;
    if (auto recorded = recordDeskChange(vault, reviewId, by, QStringLiteral("source:") + source.id, QStringLiteral("added"),
                                         QJsonObject{{QStringLiteral("label"), source.label.trimmed()},
                                                     {QStringLiteral("role_words"), QJsonArray::fromStringList(source.roleWords)}});
        !recorded)
        return recorded;
    return transaction->commit();
}

Result<void> removeReviewSource(Vault &vault, const QString &reviewId, const QString &sourceId, const QString &by)
{
    if (sourceId == observationSource || sourceId == documentsSource)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("\"%1\" stays: notes are placed there by their kind").arg(sourceId)};
    auto sources = reviewSources(vault, reviewId);
    if (!sources)
        return sources.error();
    QList<Source> next;
    for (const Source &source : std::as_const(*sources))
        if (source.id != sourceId)
            next << source;
    if (next.size() == sources->size())
        return Error{ErrorCode::NotFound, QStringLiteral("this review has no source \"%1\"").arg(sourceId)};
    auto transaction = SqlTransaction::begin(vault.database());
    if (!transaction)
        return transaction.error();
    if (auto replaced = replaceReviewSources(vault, reviewId, next); !replaced)
        return replaced;
    if (auto recorded = recordDeskChange(vault, reviewId, by, QStringLiteral("source:") + sourceId, QStringLiteral("removed"), {}); !recorded)
        return recorded;
    return transaction->commit();
}

Result<void> correctEngagementSource(Vault &vault, const QString &reviewId, const QString &engagementId, const QString &sourceId,
                                     const QString &by)
{
    auto sources = reviewSources(vault, reviewId);
    if (!sources)
        return sources.error();
    QStringList ids;
    for (const Source &source : std::as_const(*sources))
        ids << source.id;
    if (!sourceId.isEmpty() && !ids.contains(sourceId))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("this review has no source \"%1\"; its sources are %2").arg(sourceId, ids.join(QStringLiteral(", ")))};
    auto engagements = deskEngagements(vault, reviewId);
    if (!engagements)
        return engagements.error();
    const auto placed = std::find_if(engagements->cbegin(), engagements->cend(),
                                     [&](const DeskEngagement &engagement) { return engagement.engagement.id == engagementId; });
    if (placed == engagements->cend())
        return Error{ErrorCode::NotFound, QStringLiteral("the desk knows no engagement %1 in this review").arg(engagementId)};
    if (by.trimmed().isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("say who makes the correction")};

    auto transaction = SqlTransaction::begin(vault.database());
    if (!transaction)
        return transaction.error();
    if (auto written = writeSourcesIfDefault(vault, reviewId, *sources); !written)
        return written.error();
    auto change = vault.database().prepare(sourceId.isEmpty()
                                               ? "DELETE FROM engagement_sources WHERE review_id = ?1 AND engagement_id = ?2"
                                               : "INSERT INTO engagement_sources (review_id, engagement_id, source_id) VALUES (?1, ?2, ?3) "
                                                 "ON CONFLICT (review_id, engagement_id) DO UPDATE SET source_id = excluded.source_id");
    if (!change)
        return change.error();
    change->bind(1, reviewId).bind(2, engagementId);
    if (!sourceId.isEmpty())
        change->bind(3, sourceId);
    if (auto done = change->run(); !done)
        return done.error();
    const QJsonObject detail{{QStringLiteral("from"), placed->source()},
                             {QStringLiteral("to"), sourceId.isEmpty() ? placed->derivedSource : sourceId},
                             {QStringLiteral("derived"), placed->derivedSource}};
    if (auto recorded = recordDeskChange(vault, reviewId, by, QStringLiteral("engagement:") + engagementId,
                                         sourceId.isEmpty() ? QStringLiteral("source back to derived") : QStringLiteral("source corrected"), detail);
        !recorded)
        return recorded;
    return transaction->commit();
}

Result<void> recordDeskChange(Vault &vault, const QString &reviewId, const QString &by, const QString &subject, const QString &action,
                              const QJsonObject &detail)
{
    if (by.trimmed().isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("say who makes the change")};
    auto history = vault.database().prepare("INSERT INTO desk_history (review_id, at, by, subject, action, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!history)
        return history.error();
    history->bind(1, reviewId).bind(2, canonicalTimestamp(vault.clock()())).bind(3, by.trimmed()).bind(4, subject).bind(5, action)
        .bind(6, QString::fromUtf8(canonicalJson(detail)));
    return history->run();
}

Result<QList<DeskChange>> deskHistory(Vault &vault, const QString &reviewId, const QString &subject)
{
    return queryList<DeskChange>(
        vault.database(), "SELECT at, by, subject, action, detail FROM desk_history WHERE review_id = ?1 AND (?2 = '' OR subject = ?2) ORDER BY id",
        [&](SqlStatement &s) { s.bind(1, reviewId).bind(2, subject); },
        [](const SqlStatement &row) { return DeskChange{row.text(0), row.text(1), row.text(2), row.text(3), row.text(4)}; });
}

} // namespace fieldnotes::sync
