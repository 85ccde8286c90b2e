#include "vaultschema.h"

#include "signednotejson.h"
#include "sqlitedatabase.h"

#include <QJsonDocument>

#include <algorithm>
#include <array>

namespace fieldnotes {

namespace {
// Version 1: the review, its programme, and notes (drafts and signed) with full-text search.
const char *const schemaVersion1 = R"sql(
CREATE TABLE reviews (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE priorities (
    id TEXT PRIMARY KEY,
    review_id TEXT NOT NULL REFERENCES reviews(id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    lines_of_enquiry TEXT NOT NULL DEFAULT '[]',
    suggested_questions TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE engagements (
    id TEXT PRIMARY KEY,
    review_id TEXT NOT NULL REFERENCES reviews(id),
    priority_id TEXT REFERENCES priorities(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    scheduled_start TEXT NOT NULL,
    agreed_minutes INTEGER NOT NULL CHECK (agreed_minutes > 0),
    introducer TEXT NOT NULL DEFAULT '',
    note_taker TEXT NOT NULL DEFAULT '',
    participants TEXT NOT NULL DEFAULT '[]',
    follow_up_of TEXT REFERENCES engagements(id)
);
CREATE TABLE notes (
    local_id INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    engagement_id TEXT NOT NULL REFERENCES engagements(id),
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    evidence_asked INTEGER NOT NULL DEFAULT 0,
    evidence_given INTEGER NOT NULL DEFAULT 0,
    amends_hash BLOB REFERENCES notes(hash),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    signed_at TEXT,
    author_key BLOB,
    sequence INTEGER,
    previous_hash BLOB,
    canonical BLOB,
    signature BLOB,
    hash BLOB UNIQUE,
    UNIQUE (author_key, sequence),
    CHECK ((signature IS NULL) = (canonical IS NULL) AND (signature IS NULL) = (hash IS NULL)
           AND (signature IS NULL) = (sequence IS NULL) AND (signature IS NULL) = (author_key IS NULL))
);
CREATE INDEX notes_by_engagement ON notes(engagement_id);
-- Signing sets hash, a parent key of amends_hash: without this index every signature scans the table.
CREATE INDEX notes_by_amended_hash ON notes(amends_hash);
-- Signed notes are evidence: not even raw SQL may change or remove them.
CREATE TRIGGER signed_notes_are_immutable_on_update BEFORE UPDATE ON notes WHEN OLD.signature IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed notes are immutable'); END;
CREATE TRIGGER signed_notes_are_immutable_on_delete BEFORE DELETE ON notes WHEN OLD.signature IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed notes are immutable'); END;

CREATE VIRTUAL TABLE notes_fts USING fts5(
    text, content='notes', content_rowid='local_id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER notes_fts_after_insert AFTER INSERT ON notes
BEGIN INSERT INTO notes_fts(rowid, text) VALUES (new.local_id, new.text); END;
CREATE TRIGGER notes_fts_after_delete AFTER DELETE ON notes
BEGIN INSERT INTO notes_fts(notes_fts, rowid, text) VALUES ('delete', old.local_id, old.text); END;
CREATE TRIGGER notes_fts_after_update AFTER UPDATE OF text ON notes
BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, text) VALUES ('delete', old.local_id, old.text);
    INSERT INTO notes_fts(rowid, text) VALUES (new.local_id, new.text);
END;
)sql";

// Version 2: what happened in an engagement besides notes (checklists ticked or skipped with a
// reason, questions covered), this user's settings, and names to watch for in notes.
const char *const schemaVersion2 = R"sql(
CREATE TABLE checklist_marks (
    engagement_id TEXT NOT NULL REFERENCES engagements(id),
    checklist TEXT NOT NULL,
    item TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('ticked', 'skipped')),
    reason TEXT NOT NULL DEFAULT '',
    marked_at TEXT NOT NULL,
    PRIMARY KEY (engagement_id, checklist, item),
    CHECK (state = 'ticked' OR length(trim(reason)) > 0)
);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE watched_names (
    review_id TEXT NOT NULL REFERENCES reviews(id),
    name TEXT NOT NULL,
    PRIMARY KEY (review_id, name)
);
)sql";

// Version 3: sync. A device's enrolment in a review (at most one), its copy of the signed
// roster, and its outbox of sealed envelopes (built once, so a retry sends the same bytes). A team
// leader's review keys, and the notes collected from the archive with their verdicts.
const char *const schemaVersion3 = R"sql(
CREATE TABLE enrolment (
    review_id TEXT PRIMARY KEY,
    archive_url TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    leader_key BLOB NOT NULL,
    leader_box_key BLOB NOT NULL,
    role TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('requested', 'enrolled', 'revoked')),
    retention_days INTEGER NOT NULL DEFAULT -1
);
CREATE TABLE roster_entries (
    review_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    entry TEXT NOT NULL,
    PRIMARY KEY (review_id, sequence)
);
CREATE TABLE outbox (
    note_id TEXT PRIMARY KEY REFERENCES notes(id),
    review_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    urgent INTEGER NOT NULL DEFAULT 0,
    envelope TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'delivered', 'collected')),
    receipt TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    queued_at TEXT NOT NULL,
    delivered_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_by_state ON outbox(state, urgent DESC, sequence);
CREATE TABLE review_keys (
    review_id TEXT PRIMARY KEY REFERENCES reviews(id),
    signing_public BLOB NOT NULL,
    signing_secret BLOB NOT NULL,
    box_public BLOB NOT NULL,
    box_secret BLOB NOT NULL,
    archive_url TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    archive_key BLOB NOT NULL
);
CREATE TABLE collected_notes (
    hash BLOB PRIMARY KEY,
    review_id TEXT NOT NULL,
    author_key BLOB NOT NULL,
    sequence INTEGER NOT NULL,
    note TEXT NOT NULL,
    verdict TEXT NOT NULL,
    collected_at TEXT NOT NULL
);
CREATE INDEX collected_by_author ON collected_notes(review_id, author_key, sequence);
)sql";

// Version 4: one receipt per batch (kept once in `receipts`, named by each delivered note), and
// retention. Once the team leader has collected a note (their signed word), a device
// may remove the note's content after the period the leader set: the text and signed bytes go,
// the hash, signature and chain position stay, so the author's chain still verifies. The trigger
// allows that one change and nothing else, and only for a note the leader has collected.
const char *const schemaVersion4 = R"sql(
ALTER TABLE notes ADD COLUMN content_removed_at TEXT;
ALTER TABLE outbox ADD COLUMN collected_at TEXT NOT NULL DEFAULT '';
CREATE TABLE receipts (
    id INTEGER PRIMARY KEY,
    body TEXT NOT NULL
);
ALTER TABLE outbox ADD COLUMN receipt_id INTEGER REFERENCES receipts(id);
DROP TRIGGER signed_notes_are_immutable_on_update;
CREATE TRIGGER signed_notes_are_immutable_on_update BEFORE UPDATE ON notes WHEN OLD.signature IS NOT NULL
    AND NOT (OLD.content_removed_at IS NULL AND NEW.content_removed_at IS NOT NULL
             AND NEW.text = '' AND NEW.canonical = X''
             AND NEW.local_id = OLD.local_id AND NEW.id = OLD.id AND NEW.engagement_id = OLD.engagement_id
             AND NEW.kind = OLD.kind AND NEW.evidence_asked = OLD.evidence_asked
             AND NEW.evidence_given = OLD.evidence_given AND NEW.amends_hash IS OLD.amends_hash
             AND NEW.created_at = OLD.created_at AND NEW.updated_at = OLD.updated_at
             AND NEW.signed_at = OLD.signed_at AND NEW.author_key = OLD.author_key
             AND NEW.sequence = OLD.sequence AND NEW.previous_hash IS OLD.previous_hash
             AND NEW.signature = OLD.signature AND NEW.hash = OLD.hash
             AND EXISTS (SELECT 1 FROM outbox WHERE outbox.note_id = OLD.id AND outbox.state = 'collected'))
BEGIN SELECT RAISE(ABORT, 'signed notes are immutable'); END;
)sql";

// Version 5: evidence that holds against a hostile archive. A device keeps the team leader's
// signed collected statements it acted on, so a note whose content it removed can still be shown
// to be one the leader holds (by hash). A team leader keeps the invitations it made, so that it
// approves only a join that proves it holds one of them, and each at most once.
const char *const schemaVersion5 = R"sql(
CREATE TABLE collected_statements (
    id INTEGER PRIMARY KEY,
    body TEXT NOT NULL
);
CREATE TABLE invites (
    token_hash BLOB PRIMARY KEY,
    review_id TEXT NOT NULL,
    token BLOB NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_by BLOB
);
)sql";

// Version 6: the team leader reads what was collected. Beside each collected note's signed JSON
// (which stays the record), what the desk filters and searches on: its engagement, kind, signing
// time and text, with full-text search. A note whose content a device removed is collected with
// its text, so the text here is the signed text.
const char *const schemaVersion6 = R"sql(
CREATE TABLE collected_index (
    id INTEGER PRIMARY KEY,
    hash BLOB NOT NULL UNIQUE REFERENCES collected_notes(hash),
    review_id TEXT NOT NULL,
    engagement_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX collected_index_by_signing ON collected_index(review_id, signed_at);
CREATE VIRTUAL TABLE collected_fts USING fts5(
    text, content='collected_index', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER collected_fts_after_insert AFTER INSERT ON collected_index
BEGIN INSERT INTO collected_fts(rowid, text) VALUES (new.id, new.text); END;
CREATE TRIGGER collected_fts_after_delete AFTER DELETE ON collected_index
BEGIN INSERT INTO collected_fts(collected_fts, rowid, text) VALUES ('delete', old.id, old.text); END;
CREATE TRIGGER collected_index_is_immutable BEFORE UPDATE ON collected_index
BEGIN SELECT RAISE(ABORT, 'the collected index follows signed notes and does not change'); END;
)sql";

// Version 7: the team leader's evidence desk. A collected note's verdict is the verifier's,
// renewed at each collection, beside what collection itself flagged. Engagement records tablets signed (immutable, as
// received); the review's sources and the leader's correction of an engagement's source;
// findings per priority with the excerpts of collected notes that support them, and
// recommendations citing findings; the desk-top review of each priority; signed follow-ups of
// concerns. Every change to the desk is written to desk_history in the same transaction, and the
// history, like every signed record, can be neither changed nor removed.
const char *const schemaVersion7 = R"sql(
ALTER TABLE collected_notes ADD COLUMN collection_flags TEXT NOT NULL DEFAULT '';
UPDATE collected_notes SET collection_flags = CASE verdict WHEN 'valid' THEN '' ELSE verdict END;
CREATE TABLE collected_engagements (
    hash BLOB PRIMARY KEY,
    review_id TEXT NOT NULL,
    engagement_id TEXT NOT NULL,
    device_key BLOB NOT NULL,
    recorded_at TEXT NOT NULL,
    record TEXT NOT NULL,
    collected_at TEXT NOT NULL
);
CREATE INDEX collected_engagements_by_engagement ON collected_engagements(review_id, engagement_id, recorded_at);
CREATE TRIGGER collected_engagements_are_immutable_on_update BEFORE UPDATE ON collected_engagements
BEGIN SELECT RAISE(ABORT, 'signed engagement records are immutable'); END;
CREATE TRIGGER collected_engagements_are_immutable_on_delete BEFORE DELETE ON collected_engagements
BEGIN SELECT RAISE(ABORT, 'signed engagement records are immutable'); END;
CREATE TABLE review_sources (
    review_id TEXT NOT NULL REFERENCES reviews(id),
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    role_words TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (review_id, id)
);
CREATE TABLE engagement_sources (
    review_id TEXT NOT NULL,
    engagement_id TEXT NOT NULL,
    source_id TEXT NOT NULL,
    PRIMARY KEY (review_id, engagement_id),
    FOREIGN KEY (review_id, source_id) REFERENCES review_sources(review_id, id)
);
CREATE TABLE findings (
    review_id TEXT NOT NULL REFERENCES reviews(id),
    id TEXT NOT NULL,
    priority_id TEXT NOT NULL REFERENCES priorities(id),
    kind TEXT NOT NULL CHECK (kind IN ('good-practice', 'area-for-development')),
    statement TEXT NOT NULL CHECK (length(trim(statement)) > 0),
    created_at TEXT NOT NULL,
    PRIMARY KEY (review_id, id)
);
CREATE TABLE finding_links (
    review_id TEXT NOT NULL,
    finding_id TEXT NOT NULL,
    note_hash BLOB NOT NULL REFERENCES collected_notes(hash),
    range_start INTEGER NOT NULL,
    range_end INTEGER NOT NULL,
    linked_at TEXT NOT NULL,
    PRIMARY KEY (review_id, finding_id, note_hash, range_start, range_end),
    FOREIGN KEY (review_id, finding_id) REFERENCES findings(review_id, id),
    CHECK (0 <= range_start AND range_start < range_end)
);
CREATE INDEX finding_links_by_note ON finding_links(note_hash);
CREATE TABLE recommendations (
    review_id TEXT NOT NULL REFERENCES reviews(id),
    id TEXT NOT NULL,
    priority_id TEXT NOT NULL REFERENCES priorities(id),
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    created_at TEXT NOT NULL,
    PRIMARY KEY (review_id, id)
);
CREATE TABLE recommendation_findings (
    review_id TEXT NOT NULL,
    recommendation_id TEXT NOT NULL,
    finding_id TEXT NOT NULL,
    PRIMARY KEY (review_id, recommendation_id, finding_id),
    FOREIGN KEY (review_id, recommendation_id) REFERENCES recommendations(review_id, id),
    FOREIGN KEY (review_id, finding_id) REFERENCES findings(review_id, id)
);
CREATE TABLE desk_reviews (
    priority_id TEXT PRIMARY KEY REFERENCES priorities(id),
    rag TEXT NOT NULL CHECK (rag IN ('red', 'amber', 'green')),
    evidence TEXT NOT NULL DEFAULT '{}',
    updated_at TEXT NOT NULL
);
CREATE TABLE concern_followups (
    hash BLOB PRIMARY KEY,
    review_id TEXT NOT NULL,
    note_hash BLOB NOT NULL REFERENCES collected_notes(hash),
    signed_at TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX concern_followups_by_note ON concern_followups(note_hash, signed_at);
CREATE TRIGGER concern_followups_are_immutable_on_update BEFORE UPDATE ON concern_followups
BEGIN SELECT RAISE(ABORT, 'signed follow-ups are immutable'); END;
CREATE TRIGGER concern_followups_are_immutable_on_delete BEFORE DELETE ON concern_followups
BEGIN SELECT RAISE(ABORT, 'signed follow-ups are immutable'); END;
CREATE TABLE desk_history (
    id INTEGER PRIMARY KEY,
    review_id TEXT NOT NULL,
    at TEXT NOT NULL,
    by TEXT NOT NULL,
    subject TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX desk_history_by_subject ON desk_history(review_id, subject, id);
CREATE TRIGGER desk_history_is_immutable_on_update BEFORE UPDATE ON desk_history
BEGIN SELECT RAISE(ABORT, 'the desk history is kept as written'); END;
CREATE TRIGGER desk_history_is_immutable_on_delete BEFORE DELETE ON desk_history
BEGIN SELECT RAISE(ABORT, 'the desk history is kept as written'); END;
)sql";

// Version 8: a collected note is the signed note the desk's findings rest on: only the verdict on
// it changes (renewed at each collection), never the note, and it is never removed.
const char *const schemaVersion8 = R"sql(
CREATE TRIGGER collected_notes_are_immutable_on_update
BEFORE UPDATE OF hash, review_id, author_key, sequence, note, collected_at, collection_flags ON collected_notes
BEGIN SELECT RAISE(ABORT, 'a collected note is kept as signed'); END;
CREATE TRIGGER collected_notes_are_immutable_on_delete BEFORE DELETE ON collected_notes
BEGIN SELECT RAISE(ABORT, 'a collected note is kept as signed'); END;
)sql";

// Version 9: an engagement as a session that survives a lock or a restart: when its clock really
// started and stopped (wall time), and whether a draft's evidence question was answered; a
// partial index makes an engagement's drafts countable from the index alone. The engagement that
// holds concerns raised between sessions is marked as outside the programme. Who signed a note
// (signed-note format 2) is kept beside it for display.
const char *const schemaVersion9 = R"sql(
CREATE TABLE engagement_progress (
    engagement_id TEXT PRIMARY KEY REFERENCES engagements(id),
    started_at TEXT NOT NULL,
    finished_at TEXT
);
ALTER TABLE notes ADD COLUMN evidence_answered INTEGER NOT NULL DEFAULT 0;
ALTER TABLE engagements ADD COLUMN outside_programme INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notes ADD COLUMN signer_role TEXT;
ALTER TABLE notes ADD COLUMN signer_label TEXT;
UPDATE engagements SET outside_programme = 1 WHERE title = 'Concerns raised outside a session' AND kind = 'meeting';
CREATE INDEX notes_drafts_by_engagement ON notes(engagement_id) WHERE signature IS NULL;
)sql";

// Version 10: the review report's issued versions, frozen as issued (the exact HTML and PDF bytes
// and the review key's signature over each), and the consultation's responses, kept as recorded.
const char *const schemaVersion10 = R"sql(
CREATE TABLE report_versions (
    review_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    stage TEXT NOT NULL CHECK (stage IN ('preview', 'consultation', 'final')),
    issued_at TEXT NOT NULL,
    issued_by TEXT NOT NULL,
    content TEXT NOT NULL,
    html BLOB NOT NULL,
    html_signature BLOB NOT NULL,
    pdf BLOB NOT NULL,
    pdf_signature BLOB NOT NULL,
    PRIMARY KEY (review_id, version)
);
CREATE TRIGGER report_versions_are_immutable_on_update BEFORE UPDATE ON report_versions
BEGIN SELECT RAISE(ABORT, 'an issued report is kept as issued'); END;
CREATE TRIGGER report_versions_are_immutable_on_delete BEFORE DELETE ON report_versions
BEGIN SELECT RAISE(ABORT, 'an issued report is kept as issued'); END;
CREATE TABLE consultation_responses (
    id INTEGER PRIMARY KEY,
    review_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    finding_id TEXT NOT NULL,
    responder_role TEXT NOT NULL,
    said TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('accepted', 'changed', 'not-accepted')),
    reason TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    FOREIGN KEY (review_id, version) REFERENCES report_versions(review_id, version)
);
CREATE TRIGGER consultation_responses_are_immutable_on_update BEFORE UPDATE ON consultation_responses
BEGIN SELECT RAISE(ABORT, 'a consultation response is kept as recorded'); END;
CREATE TRIGGER consultation_responses_are_immutable_on_delete BEFORE DELETE ON consultation_responses
BEGIN SELECT RAISE(ABORT, 'a consultation response is kept as recorded'); END;
)sql";

// Version 11: archive retention. The team leader keeps which envelope carried each collected
// note (the archive names envelopes, never notes), so that once the notes are in an evidence
// bundle the leader can sign which envelopes the archive may remove, and when; and keeps those
// signed statements until the archive has taken them.
const char *const schemaVersion11 = R"sql(
CREATE TABLE collected_envelopes (
    review_id TEXT NOT NULL,
    device_key BLOB NOT NULL,
    sequence INTEGER NOT NULL,
    envelope_hash BLOB NOT NULL,
    note_hash BLOB NOT NULL,
    PRIMARY KEY (review_id, device_key, sequence)
);
CREATE TABLE archive_retention_statements (
    id INTEGER PRIMARY KEY,
    review_id TEXT NOT NULL,
    body TEXT NOT NULL,
    made_at TEXT NOT NULL,
    sent_at TEXT
);
)sql";

// Version 12: a deputy leader. Its review keys row holds the review's key beside its own (empty
// in a team leader's row, where the two are one); the box key it asks to be entered with is kept
// from its join until the roster enters it; an enrolment code says whether it admits a deputy.
const char *const schemaVersion12 = R"sql(
ALTER TABLE review_keys ADD COLUMN review_key BLOB NOT NULL DEFAULT X'';
CREATE TABLE deputy_box_keys (
    review_id TEXT PRIMARY KEY,
    box_public BLOB NOT NULL,
    box_secret BLOB NOT NULL
);
ALTER TABLE invites ADD COLUMN role TEXT NOT NULL DEFAULT '';
)sql";

Result<void> migrateTo1(SqliteDatabase &database)
{
    return database.exec(schemaVersion1);
}

Result<void> migrateTo2(SqliteDatabase &database)
{
    return database.exec(schemaVersion2);
}

Result<void> migrateTo3(SqliteDatabase &database)
{
    return database.exec(schemaVersion3);
}

Result<void> migrateTo4(SqliteDatabase &database)
{
    return database.exec(schemaVersion4);
}

Result<void> migrateTo5(SqliteDatabase &database)
{
    return database.exec(schemaVersion5);
}

// Notes collected before version 6 are indexed from their signed JSON.
Result<void> migrateTo6(SqliteDatabase &database)
{
    if (auto created = database.exec(schemaVersion6); !created)
        return created;
    auto rows = queryList<std::pair<QString, QString>>(
        database, "SELECT review_id, note FROM collected_notes", [](SqlStatement &) {},
        [](const SqlStatement &row) { return std::pair{row.text(0), row.text(1)}; });
    if (!rows)
        return rows.error();
    for (const auto &[reviewId, json] : std::as_const(*rows)) {
        auto note = signedNoteFromJson(QJsonDocument::fromJson(json.toUtf8()).object());
        if (!note)
            return note.error();
        if (auto indexed = indexCollectedNote(database, reviewId, *note); !indexed)
            return indexed;
    }
    return {};
}

Result<void> migrateTo7(SqliteDatabase &database)
{
    return database.exec(schemaVersion7);
}

Result<void> migrateTo8(SqliteDatabase &database)
{
    return database.exec(schemaVersion8);
}

Result<void> migrateTo9(SqliteDatabase &database)
{
    return database.exec(schemaVersion9);
}

Result<void> migrateTo10(SqliteDatabase &database)
{
    return database.exec(schemaVersion10);
}

Result<void> migrateTo11(SqliteDatabase &database)
{
    return database.exec(schemaVersion11);
}

Result<void> migrateTo12(SqliteDatabase &database)
{
    return database.exec(schemaVersion12);
}

using MigrationStep = Result<void> (*)(SqliteDatabase &);
constexpr std::array<MigrationStep, currentSchemaVersion> migrationSteps{migrateTo1, migrateTo2, migrateTo3, migrateTo4, migrateTo5, migrateTo6, migrateTo7, migrateTo8, migrateTo9, migrateTo10, migrateTo11, migrateTo12};
} // namespace

Result<void> indexCollectedNote(SqliteDatabase &database, const QString &reviewId, const SignedNote &note)
{
    auto statement = database.prepare("INSERT OR IGNORE INTO collected_index (hash, review_id, engagement_id, kind, signed_at, text) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!statement)
        return statement.error();
    statement->bindBlob(1, note.hash).bind(2, reviewId).bind(3, note.content.engagementId).bind(4, noteKindName(note.content.kind))
        .bind(5, canonicalTimestamp(note.content.signedAt)).bind(6, note.content.text);
    return statement->run();
}

Result<void> migrateSchema(SqliteDatabase &database, int targetVersion)
{
    auto version = database.queryInteger("PRAGMA user_version");
    if (!version)
        return version.error();
    for (qint64 target = *version + 1; target <= std::min(targetVersion, currentSchemaVersion); ++target) {
        auto transaction = SqlTransaction::begin(database);
        if (!transaction)
            return transaction.error();
        if (auto step = migrationSteps[static_cast<std::size_t>(target - 1)](database); !step)
            return step.error();
        const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(target);
        if (auto stamped = database.exec(setVersion.constData()); !stamped)
            return stamped.error();
        if (auto committed = transaction->commit(); !committed)
            return committed.error();
    }
    return {};
}

} // namespace fieldnotes
