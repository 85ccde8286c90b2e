#pragma once

#include "clock.h"
#include "deviceidentity.h"
#include "engagement.h"
#include "error.h"
#include "note.h"
#include "priority.h"
#include "review.h"
#include "signednote.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace fieldnotes {

class SqliteDatabase;

/// Narrows a list of notes or search hits; empty members match everything.
struct NoteFilter {
    QString engagementId;
    QString priorityId;
    std::optional<NoteKind> kind;
    std::optional<NoteState> state;
};

/// How far an engagement has got: its clock's real start and stop (wall time, so a lock, a restart
/// or a page left and opened again never restarts it) and its notes.
struct EngagementProgress {
    QDateTime startedAt;  // UTC; invalid until the opening points are done
    QDateTime finishedAt; // UTC; set once the closing points are done and every note is signed
    int drafts = 0;
    int signedNotes = 0;

    friend bool operator==(const EngagementProgress &, const EngagementProgress &) = default;
};

/// One full-text search result, best first.
struct SearchHit {
    Note note;
    QString snippet; // note text around the match, matches wrapped in the caller's markers
    double rank = 0; // FTS5 bm25: lower is better
};

/// The review, its programme and its notes inside an open vault. Every write is one transaction
/// that has reached the disk when the call returns.
class NoteStore
{
public:
    /// Who signs, as written into each note signed from now on.
    struct Signer {
        QString role;  // reviewer, team-leader, young-inspector
        QString label; // the member's name, or empty
    };

    NoteStore(SqliteDatabase &database, const DeviceIdentity &identity, Clock clock);

    /// Until set, the role and member name kept in this vault's settings.
    void setSigner(const Signer &signer) { m_signer = signer; }

    Result<Review> addReview(Review review);
    Result<QList<Review>> reviews();

    Result<Priority> addPriority(Priority priority);
    Result<Priority> priority(const QString &id);
    Result<QList<Priority>> priorities(const QString &reviewId);

    Result<Engagement> addEngagement(Engagement engagement);
    Result<void> updateEngagement(const Engagement &engagement);
    Result<Engagement> engagement(const QString &id);
    Result<QList<Engagement>> engagements(const QString &reviewId);
    /// Removes an engagement that holds no notes and that no follow-up continues, with its checklist marks.
    Result<void> deleteEngagement(const QString &id);
    /// Starts an engagement's clock now unless it has started; returns when it started.
    Result<QDateTime> startEngagement(const QString &id);
    /// Stops (finished) or restarts the clock's stop; its start is kept either way.
    Result<void> setEngagementFinished(const QString &id, bool finished);
    Result<EngagementProgress> engagementProgress(const QString &id);
    /// Every engagement of a review that has started or holds notes, by engagement id.
    Result<QHash<QString, EngagementProgress>> programmeProgress(const QString &reviewId);

    /// Stores a new draft; id and times are assigned when empty.
    Result<Note> createDraft(Note draft);
    /// Replaces a draft's kind, text and evidence answers; refused for signed notes.
    Result<Note> updateDraft(const Note &draft);
    /// Removes a draft; refused for signed notes.
    Result<void> deleteDraft(const QString &id);
    /// Signs a draft: it gets this device's next sequence number and the previous note's hash.
    Result<SignedNote> signDraft(const QString &id);
    /// Saves and signs new notes in one transaction (a concern signed at once, or bulk import).
    Result<QList<SignedNote>> createAndSign(const QList<Note> &notes);
    /// Writes and signs an amendment to a signed note in one step; both notes remain.
    Result<SignedNote> amend(const QString &signedNoteId, const QString &correction);

    Result<Note> note(const QString &id);
    Result<QList<Note>> notes(const NoteFilter &filter = {});
    /// This vault's signed notes, by author then sequence number.
    Result<QList<SignedNote>> signedNotes();
    Result<SignedNote> signedNote(const QString &id);

    /// Ranked full-text search over drafts and signed notes.
    Result<QList<SearchHit>> search(const QString &query, const NoteFilter &filter = {},
                                    const QString &openMark = QStringLiteral("["),
                                    const QString &closeMark = QStringLiteral("]"));

private:
    QString newId() const;
    QString now() const;
    Result<QString> reviewOfEngagement(const QString &engagementId);
    Result<Note> prepareNewNote(Note draft);
    Result<SignedNote> sealInsideTransaction(const Note &draft);

    SqliteDatabase &m_database;
    const DeviceIdentity &m_identity;
    Clock m_clock;
    QHash<QString, QString> m_reviewOfEngagement; // an engagement never moves to another review
    std::optional<Signer> m_signer;
    Signer signer();
};

} // namespace fieldnotes
