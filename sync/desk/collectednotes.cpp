#include "collectednotes.h"

#include "deskengagements.h"
#include "notestore.h"

#include "rosterentry.h"
#include "searchsnippet.h"
#include "signednotejson.h"
#include "sqlitedatabase.h"
#include "syncstore.h"

#include <QJsonDocument>

namespace fieldnotes::sync {

namespace {
// Every parameter is always bound; an empty one matches everything. The tablet and the verdict
// are in collected_notes beside the signed JSON: a filter that needs neither never reads those
// rows, so the clause names them only when asked to.
QByteArray filterClause(bool onNotes)
{
    return QByteArray(" WHERE i.review_id = ?1 AND (?2 = '' OR i.engagement_id = ?2) AND (?3 = '' OR i.kind = ?3)")
        + (onNotes ? " AND (length(?4) = 0 OR c.author_key = ?4) AND (?5 < 0 OR (c.verdict = 'valid') = ?5)" : "")
        + " AND (?6 = '' OR coalesce(p.priority_id, '') = ?6) AND (?7 = '' OR coalesce(p.source, '') = ?7)";
}

bool filtersOnNotes(const CollectedFilter &filter)
{
    return !filter.authorKey.isEmpty() || filter.verified.has_value();
}

const QByteArray selectedColumns = "SELECT c.note, c.verdict, c.collected_at, coalesce(p.priority_id, ''), coalesce(p.source, '')";
const QByteArray placementJoin =
    " LEFT JOIN temp.desk_placement p ON p.engagement_id = i.engagement_id AND p.kind = i.kind";

void bindFilter(SqlStatement &statement, const QString &reviewId, const CollectedFilter &filter)
{
    statement.bind(1, reviewId)
        .bind(2, filter.engagementId)
        .bind(3, filter.kind ? noteKindName(*filter.kind) : QString())
        .bindBlob(4, filter.authorKey.isNull() ? QByteArray("") : filter.authorKey)
        .bind(5, filter.verified ? qint64(*filter.verified ? 1 : 0) : qint64(-1))
        .bind(6, filter.priorityId)
        .bind(7, filter.sourceId);
}

QByteArray orderTerms(CollectedOrder order)
{
    switch (order) {
    case CollectedOrder::Newest:
        return "i.signed_at DESC, i.id DESC";
    case CollectedOrder::Priority:
        // The review's order of priorities, unplaced notes last; newest first within each.
        return "p.priority_position IS NULL, p.priority_position, i.signed_at DESC, i.id DESC";
    case CollectedOrder::Source:
        return "p.source_position IS NULL, p.source_position, i.signed_at DESC, i.id DESC";
    case CollectedOrder::Engagement:
        // The programme's order where the leader has the engagement, then by id; oldest note first.
        return "e.scheduled_start IS NULL, e.scheduled_start, i.engagement_id, i.signed_at, i.id";
    case CollectedOrder::Kind:
        return "i.kind, i.signed_at DESC, i.id DESC";
    case CollectedOrder::Tablet:
        return "c.author_key, c.sequence";
    }
    return {};
}

// The signed JSON is the costly part of a row (the largest column, decrypted and parsed): the
// rows are chosen and ordered on the small columns first, and only those shown are read whole.
const QByteArray readChosen = selectedColumns
    + " FROM chosen CROSS JOIN collected_index i ON i.id = chosen.id CROSS JOIN collected_notes c ON c.hash = i.hash" + placementJoin;
} // namespace

std::optional<CollectedOrder> collectedOrderFromName(const QString &name)
{
    if (name == QLatin1String("newest"))
        return CollectedOrder::Newest;
    if (name == QLatin1String("priority"))
        return CollectedOrder::Priority;
    if (name == QLatin1String("source"))
        return CollectedOrder::Source;
    if (name == QLatin1String("engagement"))
        return CollectedOrder::Engagement;
    if (name == QLatin1String("kind"))
        return CollectedOrder::Kind;
    if (name == QLatin1String("tablet"))
        return CollectedOrder::Tablet;
    return std::nullopt;
}

CollectedNotes::CollectedNotes(DeskConnection desk, QString reviewId) : m_desk(desk), m_reviewId(std::move(reviewId)) {}

Result<void> CollectedNotes::loadTablets()
{
    if (m_tablets)
        return {};
    auto entries = rosterEntries(m_desk.database, m_reviewId);
    if (!entries)
        return entries.error();
    QHash<QByteArray, Tablet> tablets;
    for (const RosterEntry &entry : std::as_const(*entries))
        if (entry.type == RosterEntry::Type::Member)
            tablets.insert(entry.deviceKey, Tablet{entry.role, entry.label});
    m_tablets = std::move(tablets);
    return {};
}

Result<void> CollectedNotes::placeNotes()
{
    if (m_placed)
        return {};
    auto sources = reviewSources(m_desk, m_reviewId);
    if (!sources)
        return sources.error();
    auto engagements = deskEngagements(m_desk, m_reviewId);
    if (!engagements)
        return engagements.error();
    auto priorities = m_desk.store.priorities(m_reviewId);
    if (!priorities)
        return priorities.error();
    QHash<QString, qint64> priorityPosition;
    for (const Priority &priority : std::as_const(*priorities))
        priorityPosition.insert(priority.id, priorityPosition.size());
    QHash<QString, qint64> sourcePosition;
    for (const Source &source : std::as_const(*sources))
        sourcePosition.insert(source.id, sourcePosition.size());

    // TEMP tables live in memory here (SQLITE_TEMP_STORE=3): nothing placed reaches a file.
    SqliteDatabase &database = m_desk.database;
    if (auto made = database.exec("CREATE TEMP TABLE IF NOT EXISTS desk_placement (engagement_id TEXT NOT NULL, kind TEXT NOT NULL,"
                                  " priority_id TEXT, priority_position INTEGER, source TEXT, source_position INTEGER,"
                                  " PRIMARY KEY (engagement_id, kind)) WITHOUT ROWID");
        !made)
        return made;
    // No transaction: BEGIN IMMEDIATE would take the vault's write lock for what only touches memory.
    if (auto cleared = database.exec("DELETE FROM temp.desk_placement"); !cleared)
        return cleared;
    auto insert = database.prepare("INSERT INTO temp.desk_placement VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert)
        return insert.error();
    const auto nullableInteger = [](SqlStatement &statement, int index, const QHash<QString, qint64> &positions, const QString &key) {
        if (const auto found = positions.find(key); found != positions.end())
            statement.bind(index, *found);
        else
            statement.bindNull(index);
    };
    for (const DeskEngagement &placed : std::as_const(*engagements)) {
        for (const QString &kindName : noteKindNames()) {
            const QString source = noteSource(*sources, *noteKindFromName(kindName), placed.source());
            insert->reset();
            insert->bind(1, placed.engagement.id).bind(2, kindName).bindNullable(3, placed.engagement.priorityId).bindNullable(5, source);
            nullableInteger(*insert, 4, priorityPosition, placed.engagement.priorityId);
            nullableInteger(*insert, 6, sourcePosition, source);
            if (auto done = insert->run(); !done)
                return done;
        }
    }

    // Corrections are few: all of them, once, to show beside the notes they correct.
    m_amendments.clear();
    auto amendments = database.prepare("SELECT c.note FROM collected_index i JOIN collected_notes c ON c.hash = i.hash"
                                       " WHERE i.review_id = ?1 AND i.kind = 'amendment' ORDER BY i.signed_at, i.id");
    if (!amendments)
        return amendments.error();
    amendments->bind(1, m_reviewId);
    for (;;) {
        auto row = amendments->next();
        if (!row)
            return row.error();
        if (!*row)
            break;
        auto object = QJsonDocument::fromJson(amendments->text(0).toUtf8()).object();
        auto amendment = signedNoteFromJson(object);
        if (!amendment)
            return amendment.error();
        m_amendments[amendment->content.amendsHash] << CollectedAmendment{amendment->hash, amendment->content.text, amendment->content.signedAt};
    }
    m_placed = true;
    return {};
}

Result<CollectedNoteView> CollectedNotes::viewOf(const QString &json, const QString &verdict, const QString &collectedAt)
{
    QJsonParseError parsed{};
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &parsed);
    if (parsed.error != QJsonParseError::NoError || !document.isObject())
        return Error{ErrorCode::VaultDamaged, QStringLiteral("a collected note in the vault is not readable JSON: %1").arg(parsed.errorString())};
    auto note = signedNoteFromJson(document.object());
    if (!note)
        return note.error();
    CollectedNoteView view;
    view.note = std::move(*note);
    view.verdict = verdict;
    view.collectedAt = collectedAt;
    const Tablet tablet = m_tablets->value(view.note.content.authorKey);
    view.tabletRole = tablet.role;
    view.tabletLabel = tablet.label;
    return view;
}

Result<QList<CollectedNoteView>> CollectedNotes::viewsOf(SqlStatement &statement,
                                                         const std::function<void(CollectedNoteView &, const SqlStatement &)> &complete)
{
    QList<CollectedNoteView> views;
    for (;;) {
        auto row = statement.next();
        if (!row)
            return row.error();
        if (!*row)
            return views;
        auto view = viewOf(statement.text(0), statement.text(1), statement.text(2));
        if (!view)
            return view.error();
        view->priorityId = statement.text(3);
        view->source = statement.text(4);
        view->amendments = m_amendments.value(view->note.hash);
        complete(*view, statement);
        views << std::move(*view);
    }
}

Result<QList<CollectedNoteView>> CollectedNotes::list(const CollectedFilter &filter, CollectedOrder order, int limit)
{
    if (auto loaded = loadTablets(); !loaded)
        return loaded.error();
    if (auto placed = placeNotes(); !placed)
        return placed.error();
    const bool onNotes = filtersOnNotes(filter) || order == CollectedOrder::Tablet;
    auto statement = m_desk.database.prepare(
        "WITH chosen AS MATERIALIZED (SELECT i.id AS id, row_number() OVER (ORDER BY " + orderTerms(order) + ") AS position"
        " FROM collected_index i" + (onNotes ? " JOIN collected_notes c ON c.hash = i.hash" : "")
        + " LEFT JOIN engagements e ON e.id = i.engagement_id" + placementJoin + filterClause(onNotes) + " ORDER BY position LIMIT ?9) "
        + readChosen + " ORDER BY chosen.position");
    if (!statement)
        return statement.error();
    bindFilter(*statement, m_reviewId, filter);
    statement->bind(9, qint64(limit));
    return viewsOf(*statement, [](CollectedNoteView &, const SqlStatement &) {});
}

Result<int> CollectedNotes::count(const CollectedFilter &filter)
{
    if (auto placed = placeNotes(); !placed)
        return placed.error();
    const bool onNotes = filtersOnNotes(filter);
    auto statement = m_desk.database.prepare("SELECT count(*) FROM collected_index i" + QByteArray(onNotes ? " JOIN collected_notes c ON c.hash = i.hash" : "")
                                             + placementJoin + filterClause(onNotes));
    if (!statement)
        return statement.error();
    bindFilter(*statement, m_reviewId, filter);
    auto row = statement->next();
    if (!row)
        return row.error();
    return int(statement->integer(0));
}

Result<QList<CollectedNoteView>> CollectedNotes::search(const QString &query, const CollectedFilter &filter, const QString &openMark,
                                                        const QString &closeMark)
{
    const SearchTerms terms(query);
    if (terms.isEmpty())
        return QList<CollectedNoteView>();
    if (auto loaded = loadTablets(); !loaded)
        return loaded.error();
    if (auto placed = placeNotes(); !placed)
        return placed.error();
    // CROSS JOIN keeps the full-text index the outer loop: as an inner one, FTS5 would run the
    // whole MATCH again for every collected note the filter lets through. The best 200 are
    // ranked on the small columns, then read whole.
    const bool onNotes = filtersOnNotes(filter);
    auto statement = m_desk.database.prepare(
        "WITH chosen AS MATERIALIZED (SELECT i.id AS id, bm25(collected_fts) AS position FROM collected_fts"
        " CROSS JOIN collected_index i ON i.id = collected_fts.rowid" + QByteArray(onNotes ? " CROSS JOIN collected_notes c ON c.hash = i.hash" : "")
        + placementJoin + filterClause(onNotes) + " AND collected_fts MATCH ?8 ORDER BY position LIMIT 200) "
        + readChosen.left(selectedColumns.size()) + ", chosen.position" + readChosen.mid(selectedColumns.size()) + " ORDER BY chosen.position");
    if (!statement)
        return statement.error();
    bindFilter(*statement, m_reviewId, filter);
    statement->bind(8, terms.matchExpression());
    return viewsOf(*statement, [&](CollectedNoteView &view, const SqlStatement &row) {
        view.rank = row.real(5);
        view.snippet = terms.snippet(view.note.content.text, openMark, closeMark);
    });
}

Result<QList<QByteArray>> CollectedNotes::tabletsNamed(const QString &name)
{
    if (auto loaded = loadTablets(); !loaded)
        return loaded.error();
    QList<QByteArray> keys;
    const QString wanted = name.trimmed();
    for (auto tablet = m_tablets->cbegin(); tablet != m_tablets->cend(); ++tablet)
        if (tablet->label.compare(wanted, Qt::CaseInsensitive) == 0 || tablet->role == wanted
            || (wanted.size() >= 4 && QString::fromLatin1(tablet.key().toHex()).startsWith(wanted.toLower())))
            keys << tablet.key();
    return keys;
}

} // namespace fieldnotes::sync
