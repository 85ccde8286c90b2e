#include "engagementlistmodel.h"

#include "deskreview.h"
#include "notestore.h"
#include "vaultsession.h"

#include <QLocale>
#include <QRegularExpression>

namespace fieldnotes::ui {

EngagementListModel::EngagementListModel(QObject *parent) : KeyedListModel(parent) {}

int EngagementListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

void EngagementListModel::setSession(VaultSession *session)
{
    if (session == m_session)
        return;
    followSession(m_session, session, this, &EngagementListModel::reload);
    if (m_session)
        connect(m_session, &VaultSession::programmeChanged, this, &EngagementListModel::refresh);
    emit sessionChanged();
    reload();
}

void EngagementListModel::reload()
{
    resetRows(m_rows, readProgramme());
    emit prioritiesChanged();
}

// An engagement added or edited changes its own row (or moves it to its new time).
void EngagementListModel::refresh()
{
    updateRows(m_rows, readProgramme(), keyOf, changedRoles);
    emit prioritiesChanged();
}

QList<int> EngagementListModel::changedRoles(const Engagement &before, const Engagement &after)
{
    if (before == after) // priorities are only ever added, so a title never changes under a row
        return {};
    QList<int> roles;
    for (int role = EngagementIdRole; role <= KindLabelRole; ++role)
        roles << role;
    return roles << Qt::DisplayRole;
}

QList<Engagement> EngagementListModel::readProgramme()
{
    QList<Engagement> programme;
    m_priorityTitles.clear();
    m_priorities.clear();
    if (m_session && m_session->vault() && !m_session->reviewId().isEmpty()) {
        NoteStore &store = m_session->vault()->store();
        if (auto list = store.engagements(m_session->reviewId()))
            programme = *list;
        else
            m_session->reportError(list.error());
        QHash<QString, sync::DeskReview> deskReviews;
        if (auto reviews = sync::deskReviews(*m_session->vault(), m_session->reviewId())) {
            for (const sync::DeskReview &review : std::as_const(*reviews))
                deskReviews.insert(review.priorityId, review);
        } else {
            m_session->reportError(reviews.error());
        }
        if (auto priorities = store.priorities(m_session->reviewId())) {
            for (const Priority &priority : *priorities) {
                m_priorityTitles.insert(priority.id, priority.title);
                const sync::DeskReview review = deskReviews.value(priority.id);
                QVariantList evidence;
                for (const sync::DeskCriterion &criterion : sync::deskCriteria())
                    if (review.evidence.contains(criterion.id))
                        evidence << QVariantMap{{QStringLiteral("criterion"), criterion.label},
                                                {QStringLiteral("text"), review.evidence.value(criterion.id)}};
                m_priorities << QVariantMap{{QStringLiteral("id"), priority.id},
                                            {QStringLiteral("title"), priority.title},
                                            {QStringLiteral("questions"), priority.suggestedQuestions},
                                            {QStringLiteral("rag"), review.rag},
                                            {QStringLiteral("evidence"), evidence},
                                            {QStringLiteral("linesOfEnquiry"), review.linesOfEnquiry.isEmpty() ? priority.linesOfEnquiry
                                                                                                               : review.linesOfEnquiry}};
            }
        }
    }
    return programme;
}

QString EngagementListModel::kindLabel(EngagementKind kind)
{
    switch (kind) {
    case EngagementKind::Interview:
        return tr("Interview");
    case EngagementKind::FocusGroup:
        return tr("Focus group");
    case EngagementKind::Meeting:
        return tr("Meeting");
    case EngagementKind::Visit:
        return tr("Visit");
    case EngagementKind::Observation:
        return tr("Observation");
    }
    return {};
}

QVariantList EngagementListModel::priorities() const
{
    return m_priorities;
}

QVariantMap EngagementListModel::priorityOf(const QString &engagementId) const
{
    const int row = rowOf(engagementId);
    if (row < 0)
        return {};
    const QString priorityId = m_rows.at(row).priorityId;
    for (const QVariant &priority : m_priorities)
        if (priority.toMap().value(QStringLiteral("id")).toString() == priorityId)
            return priority.toMap();
    return {};
}

QVariantList EngagementListModel::engagementChoices() const
{
    QVariantList choices;
    for (const Engagement &engagement : m_rows)
        choices << QVariantMap{{QStringLiteral("id"), engagement.id},
                               {QStringLiteral("title"), engagement.title.isEmpty() ? kindLabel(engagement.kind) : engagement.title}};
    return choices;
}

QVariantList EngagementListModel::kindChoices()
{
    QVariantList choices;
    for (const QString &name : engagementKindNames())
        choices << QVariantMap{{QStringLiteral("kind"), name}, {QStringLiteral("label"), kindLabel(*engagementKindFromName(name))}};
    return choices;
}

QVariant EngagementListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Engagement &engagement = m_rows.at(index.row());
    const QDateTime local = engagement.scheduledStart.toLocalTime();
    switch (role) {
    case EngagementIdRole:
        return engagement.id;
    case Qt::DisplayRole:
    case TitleRole:
        return engagement.title;
    case KindRole:
        return engagementKindName(engagement.kind);
    case KindLabelRole:
        return kindLabel(engagement.kind);
    case PriorityIdRole:
        return engagement.priorityId;
    case PriorityTitleRole:
        return m_priorityTitles.value(engagement.priorityId);
    case StartRole:
        return engagement.scheduledStart;
    case DayRole:
        return QLocale().toString(local.date(), QStringLiteral("dddd d MMMM"));
    case TimeRole:
        return local.time().toString(QStringLiteral("HH:mm"));
    case MinutesRole:
        return engagement.agreedMinutes;
    case IntroducerRole:
        return engagement.introducer;
    case NoteTakerRole:
        return engagement.noteTaker;
    case ParticipantsRole: {
        QStringList parts;
        for (const ParticipantGroup &group : engagement.participants)
            parts << QStringLiteral("%1 × %2").arg(group.count).arg(group.role);
        return parts.join(QStringLiteral(", "));
    }
    case FollowUpOfRole:
        return engagement.followUpOf;
    default:
        return {};
    }
}

QHash<int, QByteArray> EngagementListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(EngagementIdRole, "engagementId");
    names.insert(TitleRole, "title");
    names.insert(KindRole, "kind");
    names.insert(KindLabelRole, "kindLabel");
    names.insert(PriorityIdRole, "priorityId");
    names.insert(PriorityTitleRole, "priorityTitle");
    names.insert(StartRole, "start");
    names.insert(DayRole, "day");
    names.insert(TimeRole, "time");
    names.insert(MinutesRole, "minutes");
    names.insert(IntroducerRole, "introducer");
    names.insert(NoteTakerRole, "noteTaker");
    names.insert(ParticipantsRole, "participants");
    names.insert(FollowUpOfRole, "followUpOf");
    return names;
}

QList<ParticipantGroup> EngagementListModel::parseParticipants(const QString &lines, QString *error)
{
    QList<ParticipantGroup> groups;
    for (const QString &line : lines.split(QRegularExpression(QStringLiteral("[\\n,]")), Qt::SkipEmptyParts)) {
        const qsizetype equals = line.lastIndexOf(QLatin1Char('='));
        bool ok = false;
        const int count = equals > 0 ? line.mid(equals + 1).trimmed().toInt(&ok) : 0;
        if (!ok || count <= 0 || line.left(equals).trimmed().isEmpty()) {
            *error = tr("Write participants as role = number, e.g. \"young person = 6\"; no names.");
            return {};
        }
        groups << ParticipantGroup{line.left(equals).trimmed(), count};
    }
    return groups;
}

QString EngagementListModel::save(const QString &id, const QString &kind, const QString &priorityId, const QDateTime &start, int minutes,
                                  const QString &title, const QString &introducer, const QString &noteTaker, const QString &participants)
{
    if (!m_session || !m_session->vault())
        return {};
    QString error;
    Engagement engagement;
    engagement.id = id;
    engagement.reviewId = m_session->reviewId();
    engagement.priorityId = priorityId;
    engagement.kind = engagementKindFromName(kind).value_or(EngagementKind::Interview);
    engagement.scheduledStart = start.toUTC();
    engagement.agreedMinutes = minutes;
    engagement.title = title.trimmed();
    engagement.introducer = introducer.trimmed();
    engagement.noteTaker = noteTaker.trimmed();
    engagement.participants = parseParticipants(participants, &error);
    if (!error.isEmpty()) {
        emit m_session->errorOccurred(error);
        return {};
    }
    NoteStore &store = m_session->vault()->store();
    if (id.isEmpty()) {
        auto added = store.addEngagement(engagement);
        if (!added) {
            m_session->reportError(added.error());
            return {};
        }
        engagement.id = added->id;
    } else {
        auto existing = store.engagement(id);
        if (existing)
            engagement.followUpOf = existing->followUpOf;
        if (auto updated = store.updateEngagement(engagement); !updated) {
            m_session->reportError(updated.error());
            return {};
        }
    }
    m_session->markProgrammeChanged();
    return engagement.id;
}

QString EngagementListModel::arrangeFollowUp(const QString &engagementId)
{
    if (!m_session || !m_session->vault())
        return {};
    NoteStore &store = m_session->vault()->store();
    auto original = store.engagement(engagementId);
    if (!original) {
        m_session->reportError(original.error());
        return {};
    }
    Engagement followUp = *original;
    followUp.id.clear();
    followUp.followUpOf = original->id;
    followUp.scheduledStart = original->scheduledStart.addDays(1);
    followUp.title = tr("Follow-up: %1").arg(original->title.isEmpty() ? engagementKindName(original->kind) : original->title);
    auto added = store.addEngagement(followUp);
    if (!added) {
        m_session->reportError(added.error());
        return {};
    }
    m_session->markProgrammeChanged();
    return added->id;
}

QVariantMap EngagementListModel::get(const QString &engagementId) const
{
    const int row = rowOf(engagementId);
    if (row < 0)
        return {};
    const Engagement &engagement = m_rows.at(row);
    QStringList participants;
    for (const ParticipantGroup &group : engagement.participants)
        participants << QStringLiteral("%1 = %2").arg(group.role).arg(group.count);
    return {{QStringLiteral("title"), engagement.title},
            {QStringLiteral("kind"), engagementKindName(engagement.kind)},
            {QStringLiteral("priorityId"), engagement.priorityId},
            {QStringLiteral("start"), engagement.scheduledStart.toLocalTime()},
            {QStringLiteral("minutes"), engagement.agreedMinutes},
            {QStringLiteral("introducer"), engagement.introducer},
            {QStringLiteral("noteTaker"), engagement.noteTaker},
            {QStringLiteral("participants"), participants.join(QLatin1Char('\n'))}};
}

int EngagementListModel::rowOf(const QString &engagementId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == engagementId)
            return int(i);
    return -1;
}

} // namespace fieldnotes::ui
