#include "notestore.h"

#include "searchsnippet.h"
#include "settingsstore.h"
#include "sqlitedatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUuid>

namespace fieldnotes {

namespace {
constexpr auto noteColumns =
    "n.id, n.engagement_id, n.kind, n.text, n.evidence_asked, n.evidence_given, n.amends_hash, n.created_at, "
    "n.updated_at, n.signed_at, n.sequence, n.hash, n.content_removed_at, n.evidence_answered, n.signer_role, n.signer_label";

QByteArray noteQuery(const char *tail)
{
    return QByteArray("SELECT ") + noteColumns + " FROM notes n " + tail;
}

Note readNote(const SqlStatement &row, int first = 0)
{
    Note note;
    note.id = row.text(first);
    note.engagementId = row.text(first + 1);
    note.kind = noteKindFromName(row.text(first + 2)).value_or(NoteKind::Observation);
    note.text = row.text(first + 3);
    note.evidenceAsked = row.integer(first + 4) != 0;
    note.evidenceGiven = row.integer(first + 5) != 0;
    note.evidenceAnswered = row.integer(first + 13) != 0;
    note.amendsHash = row.blob(first + 6);
    note.createdAt = parseCanonicalTimestamp(row.text(first + 7));
    note.updatedAt = parseCanonicalTimestamp(row.text(first + 8));
    if (!row.isNull(first + 9)) {
        note.state = NoteState::Signed;
        note.signedAt = parseCanonicalTimestamp(row.text(first + 9));
        note.sequence = row.integer(first + 10);
        note.hash = row.blob(first + 11);
        note.signerRole = row.text(first + 14);
        note.signerLabel = row.text(first + 15);
        if (!row.isNull(first + 12))
            note.contentRemovedAt = parseCanonicalTimestamp(row.text(first + 12));
    }
    return note;
}

QString stringListJson(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList stringListFromJson(const QString &json)
{
    QStringList list;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array())
        list << value.toString();
    return list;
}

QString participantsJson(const QList<ParticipantGroup> &groups)
{
    QJsonArray array;
    for (const ParticipantGroup &group : groups)
        array.append(QJsonObject{{QStringLiteral("role"), group.role}, {QStringLiteral("count"), group.count}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<ParticipantGroup> participantsFromJson(const QString &json)
{
    QList<ParticipantGroup> groups;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array())
        groups << ParticipantGroup{value[QLatin1String("role")].toString(), value[QLatin1String("count")].toInt()};
    return groups;
}

Engagement readEngagement(const SqlStatement &row)
{
    Engagement engagement;
    engagement.id = row.text(0);
    engagement.reviewId = row.text(1);
    engagement.priorityId = row.text(2);
    engagement.kind = engagementKindFromName(row.text(3)).value_or(EngagementKind::Meeting);
    engagement.title = row.text(4);
    engagement.scheduledStart = parseCanonicalTimestamp(row.text(5));
    engagement.agreedMinutes = static_cast<int>(row.integer(6));
    engagement.introducer = row.text(7);
    engagement.noteTaker = row.text(8);
    engagement.participants = participantsFromJson(row.text(9));
    engagement.followUpOf = row.text(10);
    engagement.outsideProgramme = row.integer(11) != 0;
    return engagement;
}

constexpr auto engagementColumns =
    "SELECT id, review_id, priority_id, kind, title, scheduled_start, agreed_minutes, introducer, note_taker, "
    "participants, follow_up_of, outside_programme FROM engagements ";

Priority readPriority(const SqlStatement &row)
{
    return Priority{row.text(0), row.text(1), row.text(2), stringListFromJson(row.text(3)), stringListFromJson(row.text(4))};
}

Error notFound(const char *what, const QString &id)
{
    return Error{ErrorCode::NotFound, QStringLiteral("no %1 with id %2").arg(QLatin1String(what), id)};
}

// The row whose id is bound to the statement's only parameter, read by read(), or NotFound.
template <typename T, typename Reader>
Result<T> queryOne(SqliteDatabase &database, const QByteArray &sql, const QString &id, const char *what, Reader read)
{
    auto statement = database.prepare(sql);
    if (!statement)
        return statement.error();
    statement->bind(1, id);
    auto row = statement->next();
    if (!row)
        return row.error();
    if (!*row)
        return notFound(what, id);
    return T(read(*statement));
}

constexpr auto priorityColumns = "SELECT id, review_id, title, lines_of_enquiry, suggested_questions FROM priorities ";

// Filters shared by notes() and search(): bound as ?1..?5 in both queries. An engagement's notes
// are read through the index on engagement_id, which "?1 IS NULL OR ..." would rule out (a scan
// of every note, 150 ms at 20,000, each time an engagement page opens).
QByteArray filterClause(const NoteFilter &filter)
{
    return (filter.engagementId.isEmpty() ? QByteArray(" AND ?1 IS NULL") : QByteArray(" AND n.engagement_id = ?1"))
        + " AND (?2 IS NULL OR n.engagement_id IN (SELECT id FROM engagements WHERE priority_id = ?2))"
          " AND (?3 IS NULL OR n.kind = ?3)"
          " AND (?4 IS NULL OR (n.signature IS NOT NULL) = ?4)";
}

void bindFilter(SqlStatement &statement, const NoteFilter &filter)
{
    statement.bindNullable(1, filter.engagementId);
    statement.bindNullable(2, filter.priorityId);
    statement.bindNullable(3, filter.kind ? noteKindName(*filter.kind) : QString());
    if (filter.state)
        statement.bind(4, *filter.state == NoteState::Signed);
    else
        statement.bindNull(4);
}
} // namespace

NoteStore::NoteStore(SqliteDatabase &database, const DeviceIdentity &identity, Clock clock)
    : m_database(database), m_identity(identity), m_clock(std::move(clock))
{
}

QString NoteStore::newId() const
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString NoteStore::now() const
{
    return canonicalTimestamp(m_clock());
}

// ---- reviews, priorities, engagements ----

Result<Review> NoteStore::addReview(Review review)
{
    if (review.title.trimmed().isEmpty() || !review.startDate.isValid() || !review.endDate.isValid() || review.endDate < review.startDate)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("a review needs a title and a start date on or before its end date")};
    if (review.id.isEmpty())
        review.id = newId();
    auto statement = m_database.prepare("INSERT INTO reviews (id, title, start_date, end_date, created_at) VALUES (?, ?, ?, ?, ?)");
    if (!statement)
        return statement.error();
    statement->bind(1, review.id).bind(2, review.title).bind(3, review.startDate.toString(Qt::ISODate))
        .bind(4, review.endDate.toString(Qt::ISODate)).bind(5, now());
    if (auto done = statement->run(); !done)
        return done.error();
    return review;
}

Result<QList<Review>> NoteStore::reviews()
{
    return queryList<Review>(m_database, "SELECT id, title, start_date, end_date FROM reviews ORDER BY start_date, created_at",
                             [](SqlStatement &) {}, [](const SqlStatement &row) {
                                 return Review{row.text(0), row.text(1), QDate::fromString(row.text(2), Qt::ISODate),
                                               QDate::fromString(row.text(3), Qt::ISODate)};
                             });
}

Result<Priority> NoteStore::addPriority(Priority priority)
{
    if (priority.title.trimmed().isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("a priority needs a title")};
    if (priority.id.isEmpty())
        priority.id = newId();
    auto statement = m_database.prepare(
        "INSERT INTO priorities (id, review_id, position, title, lines_of_enquiry, suggested_questions) "
        "VALUES (?1, ?2, (SELECT count(*) FROM priorities WHERE review_id = ?2), ?3, ?4, ?5)");
    if (!statement)
        return statement.error();
    statement->bind(1, priority.id).bind(2, priority.reviewId).bind(3, priority.title)
        .bind(4, stringListJson(priority.linesOfEnquiry)).bind(5, stringListJson(priority.suggestedQuestions));
    if (auto done = statement->run(); !done) {
        if (done.error().code == ErrorCode::InvalidArgument)
            return notFound("review", priority.reviewId);
        return done.error();
    }
    return priority;
}

Result<Priority> NoteStore::priority(const QString &id)
{
    return queryOne<Priority>(m_database, QByteArray(priorityColumns) + "WHERE id = ?", id, "priority", readPriority);
}

Result<QList<Priority>> NoteStore::priorities(const QString &reviewId)
{
    return queryList<Priority>(m_database, QByteArray(priorityColumns) + "WHERE review_id = ? ORDER BY position",
                               [&reviewId](SqlStatement &statement) { statement.bind(1, reviewId); }, readPriority);
}

Result<Engagement> NoteStore::addEngagement(Engagement engagement)
{
    if (engagement.id.isEmpty())
        engagement.id = newId();
    if (engagement.agreedMinutes <= 0 || !engagement.scheduledStart.isValid())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("an engagement needs a start time and an agreed duration in minutes")};
    if (engagement.reviewId.isEmpty()) {
        auto owner = priority(engagement.priorityId);
        if (!owner)
            return owner.error();
        engagement.reviewId = owner->reviewId;
    }
    auto statement = m_database.prepare(
        "INSERT INTO engagements (id, review_id, priority_id, kind, title, scheduled_start, agreed_minutes, introducer, "
        "note_taker, participants, follow_up_of, outside_programme) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!statement)
        return statement.error();
    statement->bind(1, engagement.id).bind(2, engagement.reviewId)
        .bindNullable(3, engagement.priorityId)
        .bind(4, engagementKindName(engagement.kind)).bind(5, engagement.title)
        .bind(6, canonicalTimestamp(engagement.scheduledStart)).bind(7, engagement.agreedMinutes)
        .bind(8, engagement.introducer).bind(9, engagement.noteTaker).bind(10, participantsJson(engagement.participants))
        .bindNullable(11, engagement.followUpOf).bind(12, engagement.outsideProgramme);
    if (auto done = statement->run(); !done)
        return done.error();
    return engagement;
}

Result<void> NoteStore::updateEngagement(const Engagement &engagement)
{
    if (engagement.agreedMinutes <= 0 || !engagement.scheduledStart.isValid())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("an engagement needs a start time and an agreed duration in minutes")};
    auto statement = m_database.prepare(
        "UPDATE engagements SET priority_id = ?2, kind = ?3, title = ?4, scheduled_start = ?5, agreed_minutes = ?6, "
        "introducer = ?7, note_taker = ?8, participants = ?9 WHERE id = ?1");
    if (!statement)
        return statement.error();
    statement->bind(1, engagement.id).bindNullable(2, engagement.priorityId)
        .bind(3, engagementKindName(engagement.kind)).bind(4, engagement.title)
        .bind(5, canonicalTimestamp(engagement.scheduledStart)).bind(6, engagement.agreedMinutes)
        .bind(7, engagement.introducer).bind(8, engagement.noteTaker).bind(9, participantsJson(engagement.participants));
    if (auto done = statement->run(); !done)
        return done.error();
    if (m_database.changes() == 0)
        return notFound("engagement", engagement.id);
    return {};
}

Result<Engagement> NoteStore::engagement(const QString &id)
{
    return queryOne<Engagement>(m_database, QByteArray(engagementColumns) + "WHERE id = ?", id, "engagement", readEngagement);
}

Result<QList<Engagement>> NoteStore::engagements(const QString &reviewId)
{
    return queryList<Engagement>(m_database, QByteArray(engagementColumns) + "WHERE review_id = ? ORDER BY scheduled_start",
                                 [&reviewId](SqlStatement &statement) { statement.bind(1, reviewId); }, readEngagement);
}

Result<void> NoteStore::deleteEngagement(const QString &id)
{
    auto transaction = SqlTransaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    auto holds = m_database.prepare("SELECT (SELECT count(*) FROM notes WHERE engagement_id = ?1), "
                                    "(SELECT count(*) FROM engagements WHERE follow_up_of = ?1)");
    if (!holds)
        return holds.error();
    holds->bind(1, id);
    if (auto row = holds->next(); !row)
        return row.error();
    if (holds->integer(0) > 0)
        return Error{ErrorCode::Immutable, QStringLiteral("an engagement with notes is kept: its notes are evidence")};
    if (holds->integer(1) > 0)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("a follow-up continues this engagement: delete the follow-up first")};
    for (const char *sql : {"DELETE FROM checklist_marks WHERE engagement_id = ?", "DELETE FROM engagement_progress WHERE engagement_id = ?",
                            "DELETE FROM engagements WHERE id = ?"}) {
        auto statement = m_database.prepare(sql);
        if (!statement)
            return statement.error();
        statement->bind(1, id);
        if (auto done = statement->run(); !done)
            return done;
    }
    if (m_database.changes() == 0)
        return notFound("engagement", id);
    m_reviewOfEngagement.remove(id);
    return transaction->commit();
}

Result<QDateTime> NoteStore::startEngagement(const QString &id)
{
    if (auto owner = reviewOfEngagement(id); !owner)
        return owner.error();
    auto insert = m_database.prepare("INSERT INTO engagement_progress (engagement_id, started_at) VALUES (?, ?) "
                                     "ON CONFLICT (engagement_id) DO NOTHING");
    if (!insert)
        return insert.error();
    insert->bind(1, id).bind(2, now());
    if (auto done = insert->run(); !done)
        return done.error();
    auto progress = engagementProgress(id);
    if (!progress)
        return progress.error();
    return progress->startedAt;
}

Result<void> NoteStore::setEngagementFinished(const QString &id, bool finished)
{
    auto update = m_database.prepare("UPDATE engagement_progress SET finished_at = ?2 WHERE engagement_id = ?1");
    if (!update)
        return update.error();
    update->bind(1, id);
    if (finished)
        update->bind(2, now());
    else
        update->bindNullable(2, QString());
    if (auto done = update->run(); !done)
        return done;
    if (m_database.changes() == 0)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("engagement %1 has not started").arg(id)};
    return {};
}

namespace {
// Counts from the indexes alone (all notes, and the partial index of drafts).
constexpr auto progressQuery =
    "SELECT e.id, p.started_at, p.finished_at, "
    "(SELECT count(*) FROM notes d WHERE d.engagement_id = e.id AND d.signature IS NULL), "
    "(SELECT count(*) FROM notes n WHERE n.engagement_id = e.id) "
    "FROM engagements e LEFT JOIN engagement_progress p ON p.engagement_id = e.id ";

EngagementProgress readProgress(const SqlStatement &row)
{
    EngagementProgress progress;
    if (!row.isNull(1))
        progress.startedAt = parseCanonicalTimestamp(row.text(1));
    if (!row.isNull(2))
        progress.finishedAt = parseCanonicalTimestamp(row.text(2));
    progress.drafts = int(row.integer(3));
    progress.signedNotes = int(row.integer(4)) - progress.drafts;
    return progress;
}
} // namespace

Result<EngagementProgress> NoteStore::engagementProgress(const QString &id)
{
    return queryOne<EngagementProgress>(m_database, QByteArray(progressQuery) + "WHERE e.id = ?", id, "engagement", readProgress);
}

Result<QHash<QString, EngagementProgress>> NoteStore::programmeProgress(const QString &reviewId)
{
    auto rows = queryList<std::pair<QString, EngagementProgress>>(
        m_database, QByteArray(progressQuery) + "WHERE e.review_id = ?", [&reviewId](SqlStatement &statement) { statement.bind(1, reviewId); },
        [](const SqlStatement &row) { return std::pair{row.text(0), readProgress(row)}; });
    if (!rows)
        return rows.error();
    QHash<QString, EngagementProgress> progress;
    for (const auto &[id, one] : std::as_const(*rows))
        if (one.startedAt.isValid() || one.drafts + one.signedNotes > 0)
            progress.insert(id, one);
    return progress;
}

NoteStore::Signer NoteStore::signer()
{
    if (m_signer)
        return *m_signer;
    SettingsStore settings(m_database);
    auto role = settings.value(QStringLiteral("role"), QStringLiteral("reviewer"));
    auto label = settings.value(QStringLiteral("member-name"));
    return Signer{role ? *role : QStringLiteral("reviewer"), label ? *label : QString()};
}

Result<QString> NoteStore::reviewOfEngagement(const QString &engagementId)
{
    if (const auto cached = m_reviewOfEngagement.constFind(engagementId); cached != m_reviewOfEngagement.cend())
        return *cached;
    auto found = engagement(engagementId);
    if (!found)
        return found.error();
    m_reviewOfEngagement.insert(engagementId, found->reviewId);
    return found->reviewId;
}

// ---- notes ----

Result<Note> NoteStore::prepareNewNote(Note draft)
{
    if (draft.id.isEmpty())
        draft.id = newId();
    draft.createdAt = draft.updatedAt = parseCanonicalTimestamp(now());
    draft.state = NoteState::Draft;
    if (auto owner = reviewOfEngagement(draft.engagementId); !owner)
        return owner.error();
    if (!draft.amendsHash.isEmpty() && draft.kind != NoteKind::Amendment)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("only an amendment can refer to another note")};
    return draft;
}

namespace {
Error insertError(const Error &error, const Note &note)
{
    if (error.code == ErrorCode::InvalidArgument && !note.amendsHash.isEmpty())
        return Error{ErrorCode::NotFound, QStringLiteral("the note being amended is not a signed note in this vault")};
    return error;
}

// Columns 1-9 of an INSERT INTO notes: the draft's own fields.
void bindDraftColumns(SqlStatement &statement, const Note &draft)
{
    const QString created = canonicalTimestamp(draft.createdAt);
    statement.bind(1, draft.id).bind(2, draft.engagementId).bind(3, noteKindName(draft.kind)).bind(4, draft.text)
        .bind(5, draft.evidenceAsked).bind(6, draft.evidenceGiven)
        .bindBlob(7, draft.amendsHash.isEmpty() ? QByteArray() : draft.amendsHash).bind(8, created).bind(9, created);
}
} // namespace

Result<Note> NoteStore::createDraft(Note draft)
{
    auto prepared = prepareNewNote(std::move(draft));
    if (!prepared)
        return prepared.error();
    auto statement = m_database.prepare(
        "INSERT INTO notes (id, engagement_id, kind, text, evidence_asked, evidence_given, amends_hash, created_at, updated_at, "
        "evidence_answered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!statement)
        return statement.error();
    bindDraftColumns(*statement, *prepared);
    statement->bind(10, prepared->evidenceAnswered);
    if (auto done = statement->run(); !done)
        return insertError(done.error(), *prepared);
    return prepared;
}

Result<Note> NoteStore::updateDraft(const Note &draft)
{
    auto existing = note(draft.id);
    if (!existing)
        return existing.error();
    if (existing->isSigned())
        return Error{ErrorCode::Immutable, QStringLiteral("note %1 is signed and cannot be changed; write an amendment").arg(draft.id)};
    const QString timestamp = now();
    auto statement = m_database.prepare(
        "UPDATE notes SET kind = ?2, text = ?3, evidence_asked = ?4, evidence_given = ?5, updated_at = ?6, evidence_answered = ?7 "
        "WHERE id = ?1");
    if (!statement)
        return statement.error();
    statement->bind(1, draft.id).bind(2, noteKindName(draft.kind)).bind(3, draft.text).bind(4, draft.evidenceAsked)
        .bind(5, draft.evidenceGiven).bind(6, timestamp).bind(7, draft.evidenceAnswered);
    if (auto done = statement->run(); !done)
        return done.error();
    Note updated = *existing;
    updated.kind = draft.kind;
    updated.text = draft.text;
    updated.evidenceAsked = draft.evidenceAsked;
    updated.evidenceGiven = draft.evidenceGiven;
    updated.evidenceAnswered = draft.evidenceAnswered;
    updated.updatedAt = parseCanonicalTimestamp(timestamp);
    return updated;
}

Result<void> NoteStore::deleteDraft(const QString &id)
{
    auto existing = note(id);
    if (!existing)
        return existing.error();
    if (existing->isSigned())
        return Error{ErrorCode::Immutable, QStringLiteral("note %1 is signed and cannot be deleted").arg(id)};
    auto statement = m_database.prepare("DELETE FROM notes WHERE id = ?");
    if (!statement)
        return statement.error();
    statement->bind(1, id);
    return statement->run();
}

Result<SignedNote> NoteStore::signDraft(const QString &id)
{
    auto transaction = SqlTransaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    auto draft = note(id);
    if (!draft)
        return draft.error();
    if (draft->kind == NoteKind::Statement && !draft->evidenceAnswered && !draft->isSigned())
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("say whether an example or evidence was asked for before this statement is signed")};
    auto signedNote = sealInsideTransaction(*draft);
    if (!signedNote)
        return signedNote.error();
    auto update = m_database.prepare(
        "UPDATE notes SET signed_at = ?2, author_key = ?3, sequence = ?4, previous_hash = ?5, canonical = ?6, "
        "signature = ?7, hash = ?8, signer_role = ?9, signer_label = ?10 WHERE id = ?1");
    if (!update)
        return update.error();
    const SignedNoteContent &content = signedNote->content;
    update->bind(1, id).bind(2, canonicalTimestamp(content.signedAt)).bindBlob(3, content.authorKey).bind(4, content.sequence)
        .bindBlob(5, content.previousHash).bindBlob(6, signedNote->canonical).bindBlob(7, signedNote->signature)
        .bindBlob(8, signedNote->hash).bind(9, content.signerRole).bind(10, content.signerLabel);
    if (auto done = update->run(); !done)
        return done.error();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return signedNote;
}

Result<QList<SignedNote>> NoteStore::createAndSign(const QList<Note> &notes)
{
    auto transaction = SqlTransaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    QList<SignedNote> signedNotes;
    signedNotes.reserve(notes.size());
    for (const Note &note : notes) {
        auto draft = prepareNewNote(note);
        if (!draft)
            return draft.error();
        auto signedNote = sealInsideTransaction(*draft);
        if (!signedNote)
            return signedNote.error();
        // Written signed in one INSERT: no draft row, no second statement.
        auto insert = m_database.prepare(
            "INSERT INTO notes (id, engagement_id, kind, text, evidence_asked, evidence_given, amends_hash, created_at, "
            "updated_at, signed_at, author_key, sequence, previous_hash, canonical, signature, hash, signer_role, signer_label) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (!insert)
            return insert.error();
        const SignedNoteContent &content = signedNote->content;
        bindDraftColumns(*insert, *draft);
        insert->bind(10, canonicalTimestamp(content.signedAt)).bindBlob(11, content.authorKey).bind(12, content.sequence)
            .bindBlob(13, content.previousHash).bindBlob(14, signedNote->canonical).bindBlob(15, signedNote->signature)
            .bindBlob(16, signedNote->hash).bind(17, content.signerRole).bind(18, content.signerLabel);
        if (auto done = insert->run(); !done)
            return insertError(done.error(), *draft);
        signedNotes << *signedNote;
    }
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return signedNotes;
}

// Signs a draft with this device's next sequence number and the hash of its last signed note,
// read under the write lock that the caller's transaction holds. Writes nothing.
Result<SignedNote> NoteStore::sealInsideTransaction(const Note &draft)
{
    if (draft.isSigned())
        return Error{ErrorCode::Immutable, QStringLiteral("note %1 is already signed").arg(draft.id)};
    if (draft.text.trimmed().isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("an empty note cannot be signed")};
    auto reviewId = reviewOfEngagement(draft.engagementId);
    if (!reviewId)
        return reviewId.error();

    auto last = m_database.prepare("SELECT sequence, hash FROM notes WHERE author_key = ? ORDER BY sequence DESC LIMIT 1");
    if (!last)
        return last.error();
    last->bindBlob(1, m_identity.publicKey);
    auto lastRow = last->next();
    if (!lastRow)
        return lastRow.error();

    SignedNoteContent content;
    content.id = draft.id;
    content.reviewId = *reviewId;
    content.engagementId = draft.engagementId;
    content.kind = draft.kind;
    content.text = draft.text;
    content.evidenceAsked = draft.evidenceAsked;
    content.evidenceGiven = draft.evidenceGiven;
    content.amendsHash = draft.amendsHash.isNull() ? QByteArray("") : draft.amendsHash;
    content.createdAt = draft.createdAt;
    content.signedAt = parseCanonicalTimestamp(now());
    content.authorKey = m_identity.publicKey;
    content.sequence = *lastRow ? last->integer(0) + 1 : 1;
    content.previousHash = *lastRow ? last->blob(1) : QByteArray("");
    const Signer by = signer();
    content.signerRole = by.role;
    content.signerLabel = by.label;
    return signNoteContent(content, m_identity.secretKey);
}

Result<SignedNote> NoteStore::amend(const QString &signedNoteId, const QString &correction)
{
    auto original = note(signedNoteId);
    if (!original)
        return original.error();
    if (!original->isSigned())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("note %1 is a draft: edit it instead of amending it").arg(signedNoteId)};
    Note amendment;
    amendment.engagementId = original->engagementId;
    amendment.kind = NoteKind::Amendment;
    amendment.text = correction;
    amendment.amendsHash = original->hash;
    auto signedAmendment = createAndSign({amendment});
    if (!signedAmendment)
        return signedAmendment.error();
    return signedAmendment->first();
}

Result<Note> NoteStore::note(const QString &id)
{
    return queryOne<Note>(m_database, noteQuery("WHERE n.id = ?"), id, "note", [](const SqlStatement &row) { return readNote(row); });
}

Result<QList<Note>> NoteStore::notes(const NoteFilter &filter)
{
    return queryList<Note>(m_database, noteQuery("WHERE 1") + filterClause(filter) + " ORDER BY n.created_at, n.local_id",
                           [&filter](SqlStatement &statement) { bindFilter(statement, filter); },
                           [](const SqlStatement &row) { return readNote(row); });
}

namespace {
constexpr auto signedColumns =
    "SELECT n.id, e.review_id, n.engagement_id, n.kind, n.text, n.evidence_asked, n.evidence_given, n.amends_hash, "
    "n.created_at, n.signed_at, n.author_key, n.sequence, n.previous_hash, n.canonical, n.signature, n.hash, "
    "n.content_removed_at, n.signer_role, n.signer_label FROM notes n JOIN engagements e ON e.id = n.engagement_id "
    "WHERE n.signature IS NOT NULL ";

SignedNote readSignedNote(const SqlStatement &row)
{
    SignedNote note;
    SignedNoteContent &content = note.content;
    content.id = row.text(0);
    content.reviewId = row.text(1);
    content.engagementId = row.text(2);
    content.kind = noteKindFromName(row.text(3)).value_or(NoteKind::Observation);
    content.text = row.text(4);
    content.evidenceAsked = row.integer(5) != 0;
    content.evidenceGiven = row.integer(6) != 0;
    content.amendsHash = row.isNull(7) ? QByteArray("") : row.blob(7);
    content.createdAt = parseCanonicalTimestamp(row.text(8));
    content.signedAt = parseCanonicalTimestamp(row.text(9));
    content.authorKey = row.blob(10);
    content.sequence = row.integer(11);
    content.previousHash = row.blob(12);
    note.canonical = row.blob(13);
    note.signature = row.blob(14);
    note.hash = row.blob(15);
    if (!row.isNull(16))
        note.contentRemovedAt = parseCanonicalTimestamp(row.text(16));
    // Notes signed before format 2 have no signer beside them.
    content.formatVersion = row.isNull(17) ? 1 : 2;
    content.signerRole = row.text(17);
    content.signerLabel = row.text(18);
    return note;
}
} // namespace

Result<QList<SignedNote>> NoteStore::signedNotes()
{
    return queryList<SignedNote>(m_database, QByteArray(signedColumns) + "ORDER BY n.author_key, n.sequence", [](SqlStatement &) {},
                                 readSignedNote);
}

Result<SignedNote> NoteStore::signedNote(const QString &id)
{
    return queryOne<SignedNote>(m_database, QByteArray(signedColumns) + "AND n.id = ?", id, "signed note", readSignedNote);
}

Result<QList<SearchHit>> NoteStore::search(const QString &query, const NoteFilter &filter, const QString &openMark,
                                          const QString &closeMark)
{
    const SearchTerms terms(query);
    if (terms.isEmpty())
        return QList<SearchHit>();
    // FTS5 ranks a bare MATCH far faster than one joined to the notes table or asked for its own
    // snippets, so: the best 200 row ids first, then each note by primary key, snippets in C++.
    const bool filtered = !filter.engagementId.isEmpty() || !filter.priorityId.isEmpty() || filter.kind || filter.state;
    auto ranked = m_database.prepare(
        filtered ? QByteArray("SELECT notes_fts.rowid, bm25(notes_fts) FROM notes_fts JOIN notes n ON n.local_id = notes_fts.rowid "
                              "WHERE notes_fts MATCH ?5")
                + filterClause(filter) + " ORDER BY bm25(notes_fts) LIMIT 200"
                 : QByteArray("SELECT rowid, bm25(notes_fts) FROM notes_fts WHERE notes_fts MATCH ?5 ORDER BY bm25(notes_fts) LIMIT 200"));
    if (!ranked)
        return ranked.error();
    if (filtered)
        bindFilter(*ranked, filter);
    ranked->bind(5, terms.matchExpression());
    QList<std::pair<qint64, double>> best;
    for (;;) {
        auto row = ranked->next();
        if (!row)
            return row.error();
        if (!*row)
            break;
        best.append({ranked->integer(0), ranked->real(1)});
    }

    auto byRowId = m_database.prepare(noteQuery("WHERE n.local_id = ?"));
    if (!byRowId)
        return byRowId.error();
    QList<SearchHit> hits;
    hits.reserve(best.size());
    for (const auto &[rowId, rank] : std::as_const(best)) {
        byRowId->bind(1, rowId);
        auto row = byRowId->next();
        if (!row)
            return row.error();
        if (*row) {
            Note note = readNote(*byRowId);
            QString snippet = terms.snippet(note.text, openMark, closeMark);
            hits << SearchHit{std::move(note), std::move(snippet), rank};
        }
        byRowId->reset();
    }
    return hits;
}

} // namespace fieldnotes
