#pragma once

#include "engagementkind.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace fieldnotes {

/// Who took part, by role and head count only: the methodology makes everything non-attributable.
struct ParticipantGroup {
    QString role;
    int count = 0;

    friend bool operator==(const ParticipantGroup &, const ParticipantGroup &) = default;
};

/// One slot in the review week's programme: an interview, focus group, meeting, visit or observation.
struct Engagement {
    QString id;
    QString reviewId;
    QString priorityId;
    EngagementKind kind = EngagementKind::Interview;
    QString title;
    QDateTime scheduledStart; // UTC
    int agreedMinutes = 0;
    QString introducer;       // team member who opens and sets the scene
    QString noteTaker;        // team member who takes notes
    QList<ParticipantGroup> participants;
    QString followUpOf;       // engagement this one continues, if any
    bool outsideProgramme = false; // holds what was noted between sessions (concerns): not a slot in the week

    friend bool operator==(const Engagement &, const Engagement &) = default;
};

} // namespace fieldnotes
