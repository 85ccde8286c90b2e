#pragma once

#include "error.h"
#include "notekind.h"
#include "sources.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fieldnotes {
class Vault;
}

namespace fieldnotes::sync {

enum class FindingKind { GoodPractice, AreaForDevelopment };
QString findingKindName(FindingKind kind); // good-practice, area-for-development
std::optional<FindingKind> findingKindFromName(const QString &name);

/// Part of a collected note's signed text: [start, end) in Unicode code points, so that anyone
/// can cut the same words out of the signed bytes in any language.
struct Excerpt {
    QByteArray noteHash;
    qint64 start = 0;
    qint64 end = 0;

    friend bool operator==(const Excerpt &, const Excerpt &) = default;
};

/// A note a finding rests on, as the desk weighs it.
struct Support {
    Excerpt excerpt;
    QString words;        // the excerpt's text
    QString linkedAt;
    NoteKind kind = NoteKind::Statement;
    QString engagementId;
    QString source;       // where the desk places the note; empty when it cannot
    bool verified = false;
    bool evidenceGiven = false;

    /// More than someone's word: a document, something seen, or a statement backed by an
    /// example or evidence given there and then.
    bool corroborates() const { return kind == NoteKind::Evidence || kind == NoteKind::Observation || evidenceGiven; }
};

/// A finding per priority with what it rests on and the desk's judgement of it.
struct Finding {
    QString id; // F1, F2, ...
    QString priorityId;
    FindingKind kind = FindingKind::AreaForDevelopment;
    QString statement;
    QString createdAt;
    QList<Support> support;

    QStringList sources;        // distinct sources of the verified support, in the review's order
    int unverifiedSupport = 0;  // linked notes that did not verify: never counted
    bool hearsayOnly = false;   // verified support, none of which corroborates
    bool substantiated = false; // enough independent sources, and not hearsay alone
    QStringList shortfalls;     // why it is not yet substantiated, for people
};

struct Recommendation {
    QString id; // R1, R2, ...
    QString priorityId;
    QString text;
    QString createdAt;
    QStringList findingIds;
    QStringList unsubstantiatedFindings; // the cited findings not yet substantiated

    bool flagged() const { return !unsubstantiatedFindings.isEmpty(); }
};

/// One priority's triangulation: sources across, findings down, the verified supporting notes
/// of each finding from each source.
struct Triangulation {
    QString priorityId;
    QString priorityTitle;
    QList<Source> sources;
    QList<Finding> findings;

    QList<QByteArray> notesIn(const Finding &finding, const QString &sourceId) const;
};

/// The leader's analysis of one review: findings, the excerpts of signed notes they rest on,
/// recommendations citing findings, and triangulation. Every change is written, with who made
/// it, to the desk's immutable history in the same transaction; a supporting note itself is
/// the signed note and never changes.
class EvidenceDesk
{
public:
    EvidenceDesk(Vault &vault, QString reviewId);

    static constexpr int defaultRequiredSources = 2;
    /// How many independent sources a finding needs (a review setting).
    Result<int> requiredSources();
    Result<void> setRequiredSources(int sources, const QString &by);

    /// Returns the new finding's id.
    Result<QString> addFinding(const QString &priorityId, FindingKind kind, const QString &statement, const QString &by);
    Result<void> editFinding(const QString &findingId, std::optional<FindingKind> kind, std::optional<QString> statement,
                             const QString &by);
    /// Links an excerpt of a collected note (end < 0: the whole text). Refuses a range outside
    /// the signed text and a note the leader never collected.
    Result<Excerpt> link(const QString &findingId, Excerpt excerpt, const QString &by);
    /// Unlinks the excerpt, or every excerpt of the note when end < 0; returns how many.
    Result<int> unlink(const QString &findingId, const Excerpt &excerpt, const QString &by);
    Result<QList<Finding>> findings(const QString &priorityId = {});

    /// Returns the new recommendation's id; it must cite at least one finding.
    Result<QString> addRecommendation(const QString &priorityId, const QString &text, const QStringList &findingIds, const QString &by);
    Result<QList<Recommendation>> recommendations(const QString &priorityId = {});

    /// Every priority's triangulation, or one.
    Result<QList<Triangulation>> triangulation(const QString &priorityId = {});

    /// A collected note of this review named by its hash in hex, or by enough of its start to
    /// name one note (at least 8 characters).
    Result<QByteArray> collectedNoteNamed(const QString &hex);

private:
    Result<void> requirePriority(const QString &priorityId);
    Result<QString> nextId(const char *table, QChar letter);
    Result<QHash<QString, QList<Support>>> supportByFinding();

    Vault &m_vault;
    QString m_reviewId;
};

} // namespace fieldnotes::sync
