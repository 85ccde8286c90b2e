#include "demoreview.h"

#include "notestore.h"

#include <QTimeZone>

namespace fieldnotes {

namespace {
struct DemoPriority {
    const char *title;
    QStringList lines;
    QStringList questions;
};

struct DemoSlot {
    int day;     // 0 = Monday
    int hour;
    int minute;
    int minutes;
    EngagementKind kind;
    int priority;
    const char *title;
    QList<ParticipantGroup> participants;
};
} // namespace

QDate mondayOfThisWeek()
{
    const QDate today = QDate::currentDate();
    return today.addDays(1 - today.dayOfWeek());
}

Result<Review> seedDemoReview(NoteStore &store, const QDate &monday)
{
    // Ids fixed by the week, so that a demo tablet and a demo team leader set up in the same week
    // hold the same review and can sync it to each other.
    const QString prefix = QStringLiteral("demo-") + monday.toString(Qt::ISODate);
    auto review = store.addReview(Review{prefix, QStringLiteral("Children and Young People's Plan review (demo)"), monday, monday.addDays(4)});
    if (!review)
        return review.error();

    const QList<DemoPriority> priorities{
        {"Improving school attendance",
         {QStringLiteral("Progress against attendance targets"), QStringLiteral("Support for persistently absent pupils")},
         {QStringLiteral("What has made the biggest difference to attendance this year?"),
          QStringLiteral("Can you give an example of a pupil whose attendance improved, and why?")}},
        {"Emotional wellbeing and mental health",
         {QStringLiteral("Waiting times for support"), QStringLiteral("Joint working between schools and health")},
         {QStringLiteral("How do young people find out where to get help?"),
          QStringLiteral("What evidence shows that early support is working?")}},
        {"Safe and healthy lifestyles",
         {QStringLiteral("Reach of youth services"), QStringLiteral("Views of children and young people")},
         {QStringLiteral("Which activities do young people value most?"),
          QStringLiteral("Who is not being reached, and what is being done about it?")}},
    };
    QList<QString> priorityIds;
    for (const DemoPriority &priority : priorities) {
        auto added = store.addPriority(Priority{prefix + QStringLiteral("-priority-%1").arg(priorityIds.size() + 1), review->id,
                                                QString::fromLatin1(priority.title), priority.lines, priority.questions});
        if (!added)
            return added.error();
        priorityIds << added->id;
    }

    const QList<DemoSlot> programme{
        {0, 9, 30, 60, EngagementKind::Meeting, 0, "Lead officers: attendance", {{QStringLiteral("lead officer"), 3}}},
        {0, 14, 0, 45, EngagementKind::Interview, 1, "Head of emotional health service", {{QStringLiteral("service manager"), 1}}},
        {1, 10, 0, 90, EngagementKind::FocusGroup, 2, "Young people's focus group", {{QStringLiteral("young person"), 8}, {QStringLiteral("youth worker"), 1}}},
        {1, 15, 30, 45, EngagementKind::Interview, 0, "Parents and carers", {{QStringLiteral("parent or carer"), 2}}},
        {2, 9, 0, 120, EngagementKind::Visit, 2, "Visit to a youth centre", {{QStringLiteral("staff member"), 4}}},
        {2, 13, 30, 60, EngagementKind::Observation, 1, "Young Inspectors: school drop-in", {{QStringLiteral("pupil"), 12}}},
        {3, 11, 0, 60, EngagementKind::FocusGroup, 1, "School and health practitioners", {{QStringLiteral("practitioner"), 6}}},
        {4, 10, 0, 60, EngagementKind::Meeting, 0, "Feedback to the Trust's Chair", {{QStringLiteral("board member"), 1}}},
    };
    for (const DemoSlot &slot : programme) {
        Engagement engagement;
        engagement.id = prefix + QStringLiteral("-engagement-%1").arg(&slot - programme.data() + 1);
        engagement.reviewId = review->id;
        engagement.priorityId = priorityIds.at(slot.priority);
        engagement.kind = slot.kind;
        engagement.title = QString::fromLatin1(slot.title);
        engagement.scheduledStart = QDateTime(monday.addDays(slot.day), QTime(slot.hour, slot.minute), QTimeZone::systemTimeZone()).toUTC();
        engagement.agreedMinutes = slot.minutes;
        engagement.introducer = QStringLiteral("Reviewer A");
        engagement.noteTaker = QStringLiteral("Reviewer B");
        engagement.participants = slot.participants;
        if (auto added = store.addEngagement(engagement); !added)
            return added.error();
    }
    return review;
}

} // namespace fieldnotes
