#include "collectednotes.h"

#include "rosterentry.h"
#include "searchsnippet.h"
#include "signednotejson.h"
#include "sqlitedatabase.h"
#include "syncstore.h"
#include "vault.h"

#include <QJsonDocument>

namespace fieldnotes::sync {

namespace {
// Every parameter is always bound; an empty one matches everything.
const QByteArray filterClause =
    " WHERE i.review_id = ?1 AND (?2 = '' OR i.engagement_id = ?2) AND (?3 = '' OR i.kind = ?3)"
    " AND (length(?4) = 0 OR c.author_key = ?4) AND (?5 < 0 OR (c.verdict = 'valid') = ?5)";

const QByteArray selectedColumns = "SELECT c.note, c.verdict, c.collected_at";

void bindFilter(SqlStatement &statement, const QString &reviewId, const CollectedFilter &filter)
{
    statement.bind(1, reviewId)
        .bind(2, filter.engagementId)
        .bind(3, filter.kind ? noteKindName(*filter.kind) : QString())
        .bindBlob(4, filter.authorKey.isNull() ? QByteArray("") : filter.authorKey)
        .bind(5, filter.verified ? qint64(*filter.verified ? 1 : 0) : qint64(-1));
}

QByteArray orderClause(CollectedOrder order)
{
    switch (order) {
    case CollectedOrder::Newest:
        return " ORDER BY i.signed_at DESC, i.id DESC";
    case CollectedOrder::Engagement:
        // The programme's order where the leader has the engagement, then by id; oldest note first.
        return " ORDER BY e.scheduled_start IS NULL, e.scheduled_start, i.engagement_id, i.signed_at, i.id";
    case CollectedOrder::Kind:
        return " ORDER BY i.kind, i.signed_at DESC, i.id DESC";
    case CollectedOrder::Tablet:
        return " ORDER BY c.author_key, c.sequence";
    }
    return {};
}
} // namespace

std::optional<CollectedOrder> collectedOrderFromName(const QString &name)
{
    if (name == QLatin1String("newest"))
        return CollectedOrder::Newest;
    if (name == QLatin1String("engagement"))
        return CollectedOrder::Engagement;
    if (name == QLatin1String("kind"))
        return CollectedOrder::Kind;
    if (name == QLatin1String("tablet"))
        return CollectedOrder::Tablet;
    return std::nullopt;
}

CollectedNotes::CollectedNotes(Vault &vault, QString reviewId) : m_vault(vault), m_reviewId(std::move(reviewId)) {}

Result<void> CollectedNotes::loadTablets()
{
    if (m_tablets)
        return {};
    auto entries = SyncStore(m_vault).rosterEntries(m_reviewId);
    if (!entries)
        return entries.error();
    QHash<QByteArray, Tablet> tablets;
    for (const RosterEntry &entry : std::as_const(*entries))
        if (entry.type == RosterEntry::Type::Member)
            tablets.insert(entry.deviceKey, Tablet{entry.role, entry.label});
    m_tablets = std::move(tablets);
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
        complete(*view, statement);
        views << std::move(*view);
    }
}

Result<QList<CollectedNoteView>> CollectedNotes::list(const CollectedFilter &filter, CollectedOrder order)
{
    if (auto loaded = loadTablets(); !loaded)
        return loaded.error();
    auto statement = m_vault.database().prepare(selectedColumns
                                                + " FROM collected_index i JOIN collected_notes c ON c.hash = i.hash"
                                                  " LEFT JOIN engagements e ON e.id = i.engagement_id"
                                                + filterClause + orderClause(order));
    if (!statement)
        return statement.error();
    bindFilter(*statement, m_reviewId, filter);
    return viewsOf(*statement, [](CollectedNoteView &, const SqlStatement &) {});
}

Result<QList<CollectedNoteView>> CollectedNotes::search(const QString &query, const CollectedFilter &filter, const QString &openMark,
                                                        const QString &closeMark)
{
    const SearchTerms terms(query);
    if (terms.isEmpty())
        return QList<CollectedNoteView>();
    if (auto loaded = loadTablets(); !loaded)
        return loaded.error();
    auto statement = m_vault.database().prepare(selectedColumns
                                                + ", bm25(collected_fts) FROM collected_fts"
                                                  " JOIN collected_index i ON i.id = collected_fts.rowid JOIN collected_notes c ON c.hash = i.hash"
                                                + filterClause + " AND collected_fts MATCH ?6 ORDER BY bm25(collected_fts) LIMIT 200");
    if (!statement)
        return statement.error();
    bindFilter(*statement, m_reviewId, filter);
    statement->bind(6, terms.matchExpression());
    return viewsOf(*statement, [&](CollectedNoteView &view, const SqlStatement &row) {
        view.rank = row.real(3);
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
