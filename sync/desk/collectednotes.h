#pragma once

#include "deskengagements.h"
#include "error.h"
#include "notekind.h"
#include "signednote.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace fieldnotes {
class SqlStatement;
class Vault;
}

namespace fieldnotes::sync {

/// Narrows the collected notes of a review; empty members match everything.
struct CollectedFilter {
    QString engagementId;
    QString priorityId;            // by the engagement the desk places the note in
    QString sourceId;              // as the desk places the note (deskengagements.h, noteSource)
    std::optional<NoteKind> kind;
    QByteArray authorKey;          // one tablet
    std::optional<bool> verified;  // true: the verdict was "valid"; false: any problem
};

enum class CollectedOrder { Newest, Priority, Engagement, Source, Kind, Tablet };

/// A signed correction of a collected note, collected too.
struct CollectedAmendment {
    QByteArray hash;
    QString text;
    QDateTime signedAt;
};

/// One collected note as the team leader reads it: the signed note, the verdict on it when it
/// was collected, and the tablet that signed it as the signed roster names it (role and label).
struct CollectedNoteView {
    SignedNote note;
    QString verdict;
    QString collectedAt;
    QString tabletRole;
    QString tabletLabel;
    QString priorityId; // where the desk places it; empty when its engagement is unknown here
    QString source;
    QString snippet; // search results: the text around the words found, marked
    double rank = 0; // search results: bm25, lower is better
    QList<CollectedAmendment> amendments; // the collected corrections of this note, oldest first

    bool verified() const { return verdict == QLatin1String("valid"); }
};

/// What the team leader collected for a review, read from the leader's vault: listed by a filter
/// in an order, or searched (ranked, with marked snippets) like the tablet's own notes.
class CollectedNotes
{
public:
    CollectedNotes(DeskConnection desk, QString reviewId);

    /// The first `limit` in that order (all of them when negative).
    Result<QList<CollectedNoteView>> list(const CollectedFilter &filter = {}, CollectedOrder order = CollectedOrder::Newest, int limit = -1);
    /// How many the filter lets through.
    Result<int> count(const CollectedFilter &filter = {});
    /// The best 200 matches, best first.
    Result<QList<CollectedNoteView>> search(const QString &query, const CollectedFilter &filter = {},
                                            const QString &openMark = QStringLiteral("["), const QString &closeMark = QStringLiteral("]"));
    /// The tablets on the review's roster whose role or label is `name`, or whose key starts
    /// with it in hex: how a leader names a tablet on the command line.
    Result<QList<QByteArray>> tabletsNamed(const QString &name);

private:
    struct Tablet {
        QString role;
        QString label;
    };
    Result<void> loadTablets();
    /// Fills this connection's in-memory desk_placement table: for every engagement the desk
    /// knows and every note kind, the priority and source a note of that kind is placed under.
    Result<void> placeNotes();
    Result<CollectedNoteView> viewOf(const QString &json, const QString &verdict, const QString &collectedAt);
    /// Every row of a prepared list or search (note, verdict, collected at, then the rest), each
    /// finished by complete().
    Result<QList<CollectedNoteView>> viewsOf(SqlStatement &statement,
                                             const std::function<void(CollectedNoteView &, const SqlStatement &)> &complete);

    DeskConnection m_desk;
    QString m_reviewId;
    std::optional<QHash<QByteArray, Tablet>> m_tablets;
    QHash<QByteArray, QList<CollectedAmendment>> m_amendments; // by the hash of the note corrected
    bool m_placed = false;
};

/// The order's name on the command line (newest, priority, engagement, source, kind, tablet).
std::optional<CollectedOrder> collectedOrderFromName(const QString &name);

} // namespace fieldnotes::sync
