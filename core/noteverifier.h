#pragma once

#include "signednote.h"

#include <QByteArray>
#include <QFlags>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

namespace fieldnotes {

/// What can be wrong with one signed note among others.
enum class NoteProblem {
    BadSignature = 0x01,      // the signature does not hold over the signed bytes
    AlteredContent = 0x02,    // readable fields or the hash differ from what was signed
    BrokenChain = 0x04,       // previous_hash is not the hash of the author's note sequence-1
    MissingSequence = 0x08,   // sequence numbers before this one are absent
    DuplicateSequence = 0x10, // another note from the same author has the same sequence number
    UnknownAuthor = 0x20,     // the author key is not among the trusted keys
    UnvouchedRemoval = 0x40,  // no signed bytes, and no team leader's signed statement for its hash
};
Q_DECLARE_FLAGS(NoteProblems, NoteProblem)
Q_DECLARE_OPERATORS_FOR_FLAGS(NoteProblems)

/// The verdict on one note.
struct NoteVerification {
    QString noteId;
    QByteArray authorKey;
    qint64 sequence = 0;
    NoteProblems problems;
    QStringList alteredFields;   // with AlteredContent: which fields
    QList<qint64> missingBefore; // with MissingSequence: the absent numbers just before this note
    bool contentRemoved = false; // removed on this device after collection, vouched for by the team leader

    bool isValid() const { return !problems; }
    /// One line per problem, for people.
    QStringList describe() const;
};

/// The verdict on a set of notes.
struct VerificationReport {
    QList<NoteVerification> notes; // in the order given
    QHash<QByteArray, QList<qint64>> missingSequences; // per author key

    bool allValid() const;
};

/// Names one note whose content was removed after collection: its author, sequence number and
/// hash, exactly as a team leader's signed collected statement lists them.
QByteArray removalVouchKey(const QByteArray &authorKey, qint64 sequence, const QByteArray &noteHash);

/// Checks signatures, content, per-author chains and sequence numbers. Used by the vault, the
/// archive and the team leader alike; needs nothing but the notes and the keys to trust.
/// A note without its signed bytes (content removed) proves nothing by itself: it is accepted
/// only when vouchedRemovals holds its removalVouchKey, which only a device that kept the team
/// leader's verified statements can supply. Everywhere else it is an UnvouchedRemoval.
VerificationReport verifyNotes(const QList<SignedNote> &notes, const QList<QByteArray> &trustedKeys,
                               const QSet<QByteArray> &vouchedRemovals = {});

} // namespace fieldnotes
