#pragma once

#include "signednote.h"

#include <QByteArray>
#include <QFlags>
#include <QHash>
#include <QList>
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
    bool contentRemoved = false; // removed on this device after collection: chain checked, not content

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

/// Checks signatures, content, per-author chains and sequence numbers. Used by the vault, the
/// archive and the team leader alike; needs nothing but the notes and the keys to trust.
VerificationReport verifyNotes(const QList<SignedNote> &notes, const QList<QByteArray> &trustedKeys);

} // namespace fieldnotes
