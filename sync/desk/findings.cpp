#include "findings.h"

#include "deskengagements.h"
#include "notestore.h"
#include "signednotejson.h"
#include "sqlitedatabase.h"
#include "syncencoding.h"
#include "vault.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace fieldnotes::sync {

namespace {
const QString requiredSourcesKey = QStringLiteral("desk-required-sources:");


QJsonObject excerptJson(const Excerpt &excerpt)
{
    return QJsonObject{{QStringLiteral("note"), toHex(excerpt.noteHash)},
                       {QStringLiteral("start"), excerpt.start},
                       {QStringLiteral("end"), excerpt.end}};
}

/// Judges a finding by its support, as the methodology asks: enough independent sources, and
/// more than hearsay.
void weigh(Finding &finding, const QList<Source> &sources, int requiredSources)
{
    QSet<QString> seen;
    int verified = 0;
    int corroborating = 0;
    int unplaced = 0;
    for (const Support &support : std::as_const(finding.support)) {
        if (!support.verified) {
            ++finding.unverifiedSupport;
            continue;
        }
        ++verified;
        if (support.corroborates())
            ++corroborating;
        if (support.source.isEmpty())
            ++unplaced;
        else
            seen.insert(support.source);
    }
    for (const Source &source : sources)
        if (seen.contains(source.id))
            finding.sources << source.id;
    finding.hearsayOnly = verified > 0 && corroborating == 0;
    finding.substantiated = finding.sources.size() >= requiredSources && !finding.hearsayOnly;
    if (finding.substantiated)
        return;
    if (verified == 0)
        finding.shortfalls << QStringLiteral("no verified note supports it yet");
    else if (finding.sources.size() < requiredSources)
        finding.shortfalls << QStringLiteral("supported from %1 of the %2 independent sources it needs%3")
                                  .arg(finding.sources.size())
                                  .arg(requiredSources)
                                  .arg(finding.sources.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(finding.sources.join(QStringLiteral(", "))));
    if (finding.hearsayOnly)
        finding.shortfalls << QStringLiteral("only statements where no example or evidence was given");
    if (unplaced > 0)
        finding.shortfalls << QStringLiteral("%1 supporting note(s) have no source: set their engagement's source").arg(unplaced);
}
} // namespace

QString findingKindName(FindingKind kind)
{
    return kind == FindingKind::GoodPractice ? QStringLiteral("good-practice") : QStringLiteral("area-for-development");
}

std::optional<FindingKind> findingKindFromName(const QString &name)
{
    if (name == QLatin1String("good-practice"))
        return FindingKind::GoodPractice;
    if (name == QLatin1String("area-for-development"))
        return FindingKind::AreaForDevelopment;
    return std::nullopt;
}

QList<QByteArray> Triangulation::notesIn(const Finding &finding, const QString &sourceId) const
{
    QList<QByteArray> notes;
    for (const Support &support : finding.support)
        if (support.verified && support.source == sourceId && !notes.contains(support.excerpt.noteHash))
            notes << support.excerpt.noteHash;
    return notes;
}

EvidenceDesk::EvidenceDesk(Vault &vault, QString reviewId) : m_vault(vault), m_reviewId(std::move(reviewId)) {}

Result<int> EvidenceDesk::requiredSources()
{
    auto rows = queryList<QString>(
        m_vault.database(), "SELECT value FROM settings WHERE key = ?1", [&](SqlStatement &s) { s.bind(1, requiredSourcesKey + m_reviewId); },
        [](const SqlStatement &row) { return row.text(0); });
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? defaultRequiredSources : rows->front().toInt();
}

Result<void> EvidenceDesk::setRequiredSources(int sources, const QString &by)
{
    auto known = reviewSources(m_vault, m_reviewId);
    if (!known)
        return known.error();
    if (sources < 1 || sources > known->size())
        return invalid(QStringLiteral("a finding needs between 1 and %1 independent sources (this review has %1)").arg(known->size()));
    auto current = requiredSources();
    if (!current)
        return current.error();
    auto transaction = SqlTransaction::begin(m_vault.database());
    if (!transaction)
        return transaction.error();
    auto save = m_vault.database().prepare("INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!save)
        return save.error();
    save->bind(1, requiredSourcesKey + m_reviewId).bind(2, QString::number(sources));
    if (auto saved = save->run(); !saved)
        return saved;
    if (auto recorded = recordDeskChange(m_vault, m_reviewId, by, QStringLiteral("setting:required-sources"), QStringLiteral("changed"),
                                         QJsonObject{{QStringLiteral("from"), *current}, {QStringLiteral("to"), sources}});
        !recorded)
        return recorded;
    return transaction->commit();
}

Result<void> EvidenceDesk::requirePriority(const QString &priorityId)
{
    auto priorities = m_vault.store().priorities(m_reviewId);
    if (!priorities)
        return priorities.error();
    QStringList ids;
    for (const Priority &priority : std::as_const(*priorities))
        ids << priority.id;
    if (!ids.contains(priorityId))
        return invalid(QStringLiteral("this review has no priority \"%1\"; its priorities are %2").arg(priorityId, ids.join(QStringLiteral(", "))));
    return {};
}

Result<QString> EvidenceDesk::nextId(const char *table, QChar letter)
{
    auto ids = queryList<QString>(
        m_vault.database(), QByteArray("SELECT id FROM ") + table + " WHERE review_id = ?1", [&](SqlStatement &s) { s.bind(1, m_reviewId); },
        [](const SqlStatement &row) { return row.text(0); });
    if (!ids)
        return ids.error();
    int highest = 0;
    for (const QString &id : std::as_const(*ids))
        highest = std::max(highest, id.mid(1).toInt());
    return QString(QString(letter) + QString::number(highest + 1));
}

Result<QString> EvidenceDesk::addFinding(const QString &priorityId, FindingKind kind, const QString &statement, const QString &by)
{
    const QString text = statement.trimmed();
    if (text.isEmpty())
        return invalid(QStringLiteral("a finding needs a statement"));
    if (auto known = requirePriority(priorityId); !known)
        return known.error();
    auto transaction = SqlTransaction::begin(m_vault.database());
    if (!transaction)
        return transaction.error();
    auto id = nextId("findings", QLatin1Char('F'));
    if (!id)
        return id.error();
    auto insert = m_vault.database().prepare(
        "INSERT INTO findings (review_id, id, priority_id, kind, statement, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert)
        return insert.error();
    insert->bind(1, m_reviewId).bind(2, *id).bind(3, priorityId).bind(4, findingKindName(kind)).bind(5, text)
        .bind(6, canonicalTimestamp(m_vault.clock()()));
    if (auto done = insert->run(); !done)
        return done.error();
    if (auto recorded = recordDeskChange(m_vault, m_reviewId, by, QStringLiteral("finding:") + *id, QStringLiteral("added"),
                                         QJsonObject{{QStringLiteral("priority"), priorityId},
                                                     {QStringLiteral("kind"), findingKindName(kind)},
                                                     {QStringLiteral("statement"), text}});
        !recorded)
        return recorded.error();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return *id;
}

Result<void> EvidenceDesk::editFinding(const QString &findingId, std::optional<FindingKind> kind, std::optional<QString> statement,
                                       const QString &by)
{
    if (statement && statement->trimmed().isEmpty())
        return invalid(QStringLiteral("a finding needs a statement"));
    auto current = queryList<std::pair<QString, QString>>(
        m_vault.database(), "SELECT kind, statement FROM findings WHERE review_id = ?1 AND id = ?2",
        [&](SqlStatement &s) { s.bind(1, m_reviewId).bind(2, findingId); },
        [](const SqlStatement &row) { return std::pair(row.text(0), row.text(1)); });
    if (!current)
        return current.error();
    if (current->isEmpty())
        return Error{ErrorCode::NotFound, QStringLiteral("this review has no finding %1").arg(findingId)};
    const auto &[oldKind, oldStatement] = current->front();
    const QString newKind = kind ? findingKindName(*kind) : oldKind;
    const QString newStatement = statement ? statement->trimmed() : oldStatement;
    if (newKind == oldKind && newStatement == oldStatement)
        return {};
    auto transaction = SqlTransaction::begin(m_vault.database());
    if (!transaction)
        return transaction.error();
    auto update = m_vault.database().prepare("UPDATE findings SET kind = ?3, statement = ?4 WHERE review_id = ?1 AND id = ?2");
    if (!update)
        return update.error();
    update->bind(1, m_reviewId).bind(2, findingId).bind(3, newKind).bind(4, newStatement);
    if (auto done = update->run(); !done)
        return done;
    if (auto recorded = recordDeskChange(m_vault, m_reviewId, by, QStringLiteral("finding:") + findingId, QStringLiteral("edited"),
                                         QJsonObject{{QStringLiteral("from"), QJsonObject{{QStringLiteral("kind"), oldKind},
                                                                                          {QStringLiteral("statement"), oldStatement}}},
                                                     {QStringLiteral("to"), QJsonObject{{QStringLiteral("kind"), newKind},
                                                                                        {QStringLiteral("statement"), newStatement}}}});
        !recorded)
        return recorded;
    return transaction->commit();
}

Result<QByteArray> EvidenceDesk::collectedNoteNamed(const QString &hex)
{
    static const QRegularExpression hexPattern(QStringLiteral("^[0-9a-f]{8,64}$"));
    const QString wanted = hex.trimmed().toLower();
    if (!hexPattern.match(wanted).hasMatch())
        return invalid(QStringLiteral("name a note by its hash in hex (at least 8 characters), as leader notes shows it"));
    auto matches = queryList<QByteArray>(
        m_vault.database(), "SELECT hash FROM collected_notes WHERE review_id = ?1 AND hex(hash) LIKE ?2 LIMIT 2",
        [&](SqlStatement &s) { s.bind(1, m_reviewId).bind(2, wanted.toUpper() + QLatin1Char('%')); },
        [](const SqlStatement &row) { return row.blob(0); });
    if (!matches)
        return matches.error();
    if (matches->isEmpty())
        return Error{ErrorCode::NotFound, QStringLiteral("the leader collected no note %1 in this review").arg(wanted)};
    if (matches->size() > 1)
        return invalid(QStringLiteral("more than one collected note starts %1: give more of its hash").arg(wanted));
    return matches->front();
}

Result<Excerpt> EvidenceDesk::link(const QString &findingId, Excerpt excerpt, const QString &by)
{
    auto finding = queryList<qint64>(
        m_vault.database(), "SELECT 1 FROM findings WHERE review_id = ?1 AND id = ?2",
        [&](SqlStatement &s) { s.bind(1, m_reviewId).bind(2, findingId); }, [](const SqlStatement &row) { return row.integer(0); });
    if (!finding)
        return finding.error();
    if (finding->isEmpty())
        return Error{ErrorCode::NotFound, QStringLiteral("this review has no finding %1").arg(findingId)};
    auto notes = queryList<QString>(
        m_vault.database(), "SELECT note FROM collected_notes WHERE review_id = ?1 AND hash = ?2",
        [&](SqlStatement &s) { s.bind(1, m_reviewId).bindBlob(2, excerpt.noteHash); }, [](const SqlStatement &row) { return row.text(0); });
    if (!notes)
        return notes.error();
    if (notes->isEmpty())
        return Error{ErrorCode::NotFound, QStringLiteral("the leader collected no note %1 in this review").arg(toHex(excerpt.noteHash))};
    auto object = parseJsonObject(notes->front().toUtf8());
    if (!object)
        return object.error();
    auto note = signedNoteFromJson(*object);
    if (!note)
        return note.error();
    const qint64 length = note->content.text.toUcs4().size();
    if (excerpt.end < 0) {
        excerpt.start = 0;
        excerpt.end = length;
    }
    if (length == 0)
        return invalid(QStringLiteral("note %1 holds no signed text to cite").arg(toHex(excerpt.noteHash).left(16)));
    if (excerpt.start < 0 || excerpt.end <= excerpt.start || excerpt.end > length)
        return invalid(QStringLiteral("the excerpt %1-%2 is outside note %3's signed text, which is %4 characters (Unicode code points) long: "
                                      "give 0 <= from < to <= %4")
                           .arg(excerpt.start)
                           .arg(excerpt.end)
                           .arg(toHex(excerpt.noteHash).left(16))
                           .arg(length));
    auto transaction = SqlTransaction::begin(m_vault.database());
    if (!transaction)
        return transaction.error();
    auto insert = m_vault.database().prepare(
        "INSERT INTO finding_links (review_id, finding_id, note_hash, range_start, range_end, linked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
        "ON CONFLICT DO NOTHING");
    if (!insert)
        return insert.error();
    insert->bind(1, m_reviewId).bind(2, findingId).bindBlob(3, excerpt.noteHash).bind(4, excerpt.start).bind(5, excerpt.end)
        .bind(6, canonicalTimestamp(m_vault.clock()()));
    if (auto done = insert->run(); !done)
        return done.error();
    if (m_vault.database().changes() == 0)
        return invalid(QStringLiteral("finding %1 already rests on that excerpt").arg(findingId));
    if (auto recorded = recordDeskChange(m_vault, m_reviewId, by, QStringLiteral("finding:") + findingId, QStringLiteral("linked"),
                                         excerptJson(excerpt));
        !recorded)
        return recorded.error();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return excerpt;
}

Result<int> EvidenceDesk::unlink(const QString &findingId, const Excerpt &excerpt, const QString &by)
{
    const bool wholeNote = excerpt.end < 0;
    auto linked = queryList<Excerpt>(
        m_vault.database(),
        "SELECT note_hash, range_start, range_end FROM finding_links WHERE review_id = ?1 AND finding_id = ?2 AND note_hash = ?3"
        " AND (?4 OR (range_start = ?5 AND range_end = ?6)) ORDER BY rowid",
        [&](SqlStatement &s) {
            s.bind(1, m_reviewId).bind(2, findingId).bindBlob(3, excerpt.noteHash).bind(4, wholeNote).bind(5, excerpt.start).bind(6, excerpt.end);
        },
        [](const SqlStatement &row) { return Excerpt{row.blob(0), row.integer(1), row.integer(2)}; });
    if (!linked)
        return linked.error();
    if (linked->isEmpty())
        return Error{ErrorCode::NotFound, QStringLiteral("finding %1 does not rest on that %2").arg(findingId, wholeNote ? QStringLiteral("note") : QStringLiteral("excerpt"))};
    auto transaction = SqlTransaction::begin(m_vault.database());
    if (!transaction)
        return transaction.error();
    for (const Excerpt &gone : std::as_const(*linked)) {
        auto remove = m_vault.database().prepare(
            "DELETE FROM finding_links WHERE review_id = ?1 AND finding_id = ?2 AND note_hash = ?3 AND range_start = ?4 AND range_end = ?5");
        if (!remove)
            return remove.error();
        remove->bind(1, m_reviewId).bind(2, findingId).bindBlob(3, gone.noteHash).bind(4, gone.start).bind(5, gone.end);
        if (auto done = remove->run(); !done)
            return done.error();
        if (auto recorded = recordDeskChange(m_vault, m_reviewId, by, QStringLiteral("finding:") + findingId, QStringLiteral("unlinked"),
                                             excerptJson(gone));
            !recorded)
            return recorded.error();
    }
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return int(linked->size());
}

Result<QHash<QString, QList<Support>>> EvidenceDesk::supportByFinding()
{
    auto sources = reviewSources(m_vault, m_reviewId);
    if (!sources)
        return sources.error();
    auto engagements = deskEngagements(m_vault, m_reviewId);
    if (!engagements)
        return engagements.error();
    QHash<QString, QString> engagementSource;
    for (const DeskEngagement &placed : std::as_const(*engagements))
        engagementSource.insert(placed.engagement.id, placed.source());

    auto statement = m_vault.database().prepare(
        "SELECT l.finding_id, l.note_hash, l.range_start, l.range_end, l.linked_at, c.note, c.verdict"
        " FROM finding_links l JOIN collected_notes c ON c.hash = l.note_hash WHERE l.review_id = ?1 ORDER BY l.rowid");
    if (!statement)
        return statement.error();
    statement->bind(1, m_reviewId);
    QHash<QString, QList<Support>> byFinding;
    QHash<QByteArray, SignedNoteContent> notes; // each linked note parsed once
    for (;;) {
        auto row = statement->next();
        if (!row)
            return row.error();
        if (!*row)
            break;
        Support support;
        support.excerpt = Excerpt{statement->blob(1), statement->integer(2), statement->integer(3)};
        support.linkedAt = statement->text(4);
        support.verified = statement->text(6) == QLatin1String("valid");
        auto found = notes.find(support.excerpt.noteHash);
        if (found == notes.end()) {
            auto object = parseJsonObject(statement->text(5).toUtf8());
            if (!object)
                return Error{ErrorCode::VaultDamaged, QStringLiteral("a collected note is not readable: ") + object.error().message};
            auto note = signedNoteFromJson(*object);
            if (!note)
                return note.error();
            found = notes.insert(support.excerpt.noteHash, note->content);
        }
        const SignedNoteContent &content = *found;
        support.kind = content.kind;
        support.engagementId = content.engagementId;
        support.evidenceGiven = content.evidenceGiven;
        support.source = noteSource(*sources, content.kind, engagementSource.value(content.engagementId));
        const QList<uint> codePoints = content.text.toUcs4();
        support.words = QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()) + support.excerpt.start,
                                          support.excerpt.end - support.excerpt.start);
        byFinding[statement->text(0)] << support;
    }
    return byFinding;
}

Result<QList<Finding>> EvidenceDesk::findings(const QString &priorityId)
{
    auto sources = reviewSources(m_vault, m_reviewId);
    if (!sources)
        return sources.error();
    auto required = requiredSources();
    if (!required)
        return required.error();
    auto support = supportByFinding();
    if (!support)
        return support.error();
    auto rows = queryList<Finding>(
        m_vault.database(),
        "SELECT f.id, f.priority_id, f.kind, f.statement, f.created_at FROM findings f LEFT JOIN priorities p ON p.id = f.priority_id"
        " WHERE f.review_id = ?1 AND (?2 = '' OR f.priority_id = ?2) ORDER BY p.position, CAST(substr(f.id, 2) AS INTEGER)",
        [&](SqlStatement &s) { s.bind(1, m_reviewId).bind(2, priorityId); },
        [](const SqlStatement &row) {
            Finding finding;
            finding.id = row.text(0);
            finding.priorityId = row.text(1);
            finding.kind = findingKindFromName(row.text(2)).value_or(FindingKind::AreaForDevelopment);
            finding.statement = row.text(3);
            finding.createdAt = row.text(4);
            return finding;
        });
    if (!rows)
        return rows.error();
    for (Finding &finding : *rows) {
        finding.support = support->value(finding.id);
        weigh(finding, *sources, *required);
    }
    return *rows;
}

Result<QString> EvidenceDesk::addRecommendation(const QString &priorityId, const QString &text, const QStringList &findingIds, const QString &by)
{
    const QString recommendation = text.trimmed();
    if (recommendation.isEmpty())
        return invalid(QStringLiteral("a recommendation needs its text"));
    if (findingIds.isEmpty())
        return invalid(QStringLiteral("a recommendation must cite the findings it rests on"));
    if (auto known = requirePriority(priorityId); !known)
        return known.error();
    auto existing = findings();
    if (!existing)
        return existing.error();
    QStringList cited;
    for (const QString &findingId : findingIds) {
        if (std::none_of(existing->cbegin(), existing->cend(), [&](const Finding &f) { return f.id == findingId; }))
            return Error{ErrorCode::NotFound, QStringLiteral("this review has no finding %1 to cite").arg(findingId)};
        if (!cited.contains(findingId))
            cited << findingId;
    }
    auto transaction = SqlTransaction::begin(m_vault.database());
    if (!transaction)
        return transaction.error();
    auto id = nextId("recommendations", QLatin1Char('R'));
    if (!id)
        return id.error();
    auto insert = m_vault.database().prepare("INSERT INTO recommendations (review_id, id, priority_id, text, created_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert)
        return insert.error();
    insert->bind(1, m_reviewId).bind(2, *id).bind(3, priorityId).bind(4, recommendation).bind(5, canonicalTimestamp(m_vault.clock()()));
    if (auto done = insert->run(); !done)
        return done.error();
    for (const QString &findingId : std::as_const(cited)) {
        auto cite = m_vault.database().prepare("INSERT INTO recommendation_findings (review_id, recommendation_id, finding_id) VALUES (?1, ?2, ?3)");
        if (!cite)
            return cite.error();
        cite->bind(1, m_reviewId).bind(2, *id).bind(3, findingId);
        if (auto done = cite->run(); !done)
            return done.error();
    }
    if (auto recorded = recordDeskChange(m_vault, m_reviewId, by, QStringLiteral("recommendation:") + *id, QStringLiteral("added"),
                                         QJsonObject{{QStringLiteral("priority"), priorityId},
                                                     {QStringLiteral("text"), recommendation},
                                                     {QStringLiteral("findings"), QJsonArray::fromStringList(cited)}});
        !recorded)
        return recorded.error();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return *id;
}

Result<QList<Recommendation>> EvidenceDesk::recommendations(const QString &priorityId)
{
    auto all = findings();
    if (!all)
        return all.error();
    QHash<QString, bool> substantiated;
    for (const Finding &finding : std::as_const(*all))
        substantiated.insert(finding.id, finding.substantiated);
    auto rows = queryList<Recommendation>(
        m_vault.database(),
        "SELECT r.id, r.priority_id, r.text, r.created_at FROM recommendations r LEFT JOIN priorities p ON p.id = r.priority_id"
        " WHERE r.review_id = ?1 AND (?2 = '' OR r.priority_id = ?2) ORDER BY p.position, CAST(substr(r.id, 2) AS INTEGER)",
        [&](SqlStatement &s) { s.bind(1, m_reviewId).bind(2, priorityId); },
        [](const SqlStatement &row) { return Recommendation{row.text(0), row.text(1), row.text(2), row.text(3), {}, {}}; });
    if (!rows)
        return rows.error();
    auto citations = queryList<std::pair<QString, QString>>(
        m_vault.database(),
        "SELECT recommendation_id, finding_id FROM recommendation_findings WHERE review_id = ?1 ORDER BY CAST(substr(finding_id, 2) AS INTEGER)",
        [&](SqlStatement &s) { s.bind(1, m_reviewId); }, [](const SqlStatement &row) { return std::pair(row.text(0), row.text(1)); });
    if (!citations)
        return citations.error();
    for (Recommendation &recommendation : *rows)
        for (const auto &[recommendationId, findingId] : std::as_const(*citations))
            if (recommendationId == recommendation.id) {
                recommendation.findingIds << findingId;
                if (!substantiated.value(findingId))
                    recommendation.unsubstantiatedFindings << findingId;
            }
    return *rows;
}

Result<QList<Triangulation>> EvidenceDesk::triangulation(const QString &priorityId)
{
    auto sources = reviewSources(m_vault, m_reviewId);
    if (!sources)
        return sources.error();
    auto priorities = m_vault.store().priorities(m_reviewId);
    if (!priorities)
        return priorities.error();
    if (!priorityId.isEmpty())
        if (auto known = requirePriority(priorityId); !known)
            return known.error();
    auto all = findings(priorityId);
    if (!all)
        return all.error();
    QList<Triangulation> views;
    for (const Priority &priority : std::as_const(*priorities)) {
        if (!priorityId.isEmpty() && priority.id != priorityId)
            continue;
        Triangulation view{priority.id, priority.title, *sources, {}};
        for (const Finding &finding : std::as_const(*all))
            if (finding.priorityId == priority.id)
                view.findings << finding;
        views << view;
    }
    return views;
}

} // namespace fieldnotes::sync
