#pragma once

#include "notekind.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace fieldnotes {

enum class NoteState { Draft, Signed };

/// A note as the store holds it: a draft that may still change, or a signed, read-only record.
struct Note {
    QString id;
    QString engagementId;
    NoteKind kind = NoteKind::Observation;
    QString text;
    bool evidenceAsked = false;
    bool evidenceGiven = false;
    bool evidenceAnswered = false; // a draft's evidence question answered (asked or not); signed notes carry the answer
    QByteArray amendsHash; // for amendments: the hash of the signed note this corrects
    QDateTime createdAt;   // UTC
    QDateTime updatedAt;   // UTC
    NoteState state = NoteState::Draft;
    // Set once signed:
    QDateTime signedAt;
    qint64 sequence = 0;
    QByteArray hash;
    QString signerRole;  // as signed (format 2); empty for notes of format 1
    QString signerLabel;
    // Set when the content was removed from this device after the team leader collected it.
    QDateTime contentRemovedAt;

    bool isSigned() const { return state == NoteState::Signed; }
};

} // namespace fieldnotes
