#include "engagementlistmodel.h"

#include "deskreview.h"
#include "notestore.h"
#include "vaultsession.h"

#include <QLocale>
#include <QRegularExpression>

namespace fieldnotes::ui {

EngagementListModel::EngagementListModel(QObject *parent) : KeyedListModel(parent)
{
    m_progressPending.setSingleShot(true);
    m_progressPending.setInterval(300);
    connect(&m_progressPending, &QTimer::timeout, this, &EngagementListModel::refreshProgress);
}

int EngagementListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

void EngagementListModel::setSession(VaultSession *session)
{
    if (session == m_session)
        return;
    followSession(m_session, session, this, &EngagementListModel::reload);
    if (m_session) {
        connect(m_session, &VaultSession::programmeChanged, this, &EngagementListModel::refresh);
        // Notes change an engagement's state: its row's state roles, from the indexes alone.
        connect(m_session, &VaultSession::notesChanged, &m_progressPending, qOverload<>(&QTimer::start));
    }
    emit sessionChanged();
    reload();
}

void EngagementListModel::setYoungInspectorVisits(bool only)
{
    if (only == m_youngInspectorVisits)
        return;
    m_youngInspectorVisits = only;
    emit youngInspectorVisitsChanged();
    reload();
}

void EngagementListModel::reload()
{
    resetRows(m_rows, readProgramme());
    emit prioritiesChanged();
    ++m_revision;
    emit revisionChanged();
}

// An engagement added or edited changes its own row (or moves it to its new time).
void EngagementListModel::refresh()
{
    updateRows(m_rows, readProgramme(), keyOf, changedRoles);
    emit prioritiesChanged();
    ++m_revision;
    emit revisionChanged();
}

void EngagementListModel::refreshProgress()
{
    const QHash<QString, EngagementProgress> progress = readProgress();
    bool changed = false;
    for (int row = 0; row < int(m_rows.size()); ++row) {
        if (m_rows.at(row).progress == progress.value(m_rows.at(row).engagement.id))
            continue;
        Row next = m_rows.at(row);
        next.progress = progress.value(next.engagement.id);
        changeRow(m_rows, row, std::move(next), changedRoles);
        changed = true;
    }
    if (changed) {
        ++m_revision;
        emit revisionChanged();
    }
}

QList<int> EngagementListModel::changedRoles(const Row &before, const Row &after)
{
    QList<int> roles;
    if (before.engagement != after.engagement) { // priorities are only ever added, so a title never changes under a row
        for (int role = EngagementIdRole; role <= KindLabelRole; ++role)
            roles << role;
        roles << Qt::DisplayRole;
    }
    if (before.progress != after.progress)
        roles << StateRole << StateLabelRole << DraftCountRole << SignedCountRole;
    return roles;
}

QHash<QString, EngagementProgress> EngagementListModel::readProgress()
{
    if (!m_session || !m_session->vault() || m_session->reviewId().isEmpty())
        return {};
    auto progress = m_session->vault()->store().programmeProgress(m_session->reviewId());
    if (!progress) {
        m_session->reportError(progress.error());
        return {};
    }
    return *progress;
}

QString EngagementListModel::stateName(const EngagementProgress &progress)
{
    if (progress.drafts > 0)
        return QStringLiteral("waiting");
    if (progress.finishedAt.isValid())
        return QStringLiteral("done");
    if (progress.startedAt.isValid() || progress.signedNotes > 0)
        return QStringLiteral("running");
    return QStringLiteral("not-started");
}

QString EngagementListModel::stateLabel(const EngagementProgress &progress)
{
    const QString state = stateName(progress);
    if (state == QLatin1String("waiting"))
        return tr("%n note(s) waiting to be signed", nullptr, progress.drafts);
    if (state == QLatin1String("done"))
        return tr("Done: %n note(s) signed", nullptr, progress.signedNotes);
    if (state == QLatin1String("running"))
        return progress.startedAt.isValid()
            ? tr("Started at %1").arg(progress.startedAt.toLocalTime().time().toString(QStringLiteral("HH:mm")))
            : tr("%n note(s) signed", nullptr, progress.signedNotes);
    return tr("Not started");
}

QList<EngagementListModel::Row> EngagementListModel::readProgramme()
{
    QList<Row> programme;
    m_priorityTitles.clear();
    m_priorities.clear();
    if (m_session && m_session->vault() && !m_session->reviewId().isEmpty()) {
        NoteStore &store = m_session->vault()->store();
        const QHash<QString, EngagementProgress> progress = readProgress();
        if (auto list = store.engagements(m_session->reviewId())) {
            for (const Engagement &engagement : std::as_const(*list)) {
                if (engagement.outsideProgramme)
                    continue; // where concerns raised between sessions are kept: not a slot in the week
                if (m_youngInspectorVisits && engagement.kind != EngagementKind::Visit && engagement.kind != EngagementKind::FocusGroup
                    && engagement.kind != EngagementKind::Observation)
                    continue;
                programme << Row{engagement, progress.value(engagement.id)};
            }
        } else {
            m_session->reportError(list.error());
        }
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

QString EngagementListModel::shownTitle(const Engagement &engagement)
{
    return engagement.title.isEmpty() ? kindLabel(engagement.kind) : engagement.title;
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
    const QString priorityId = m_rows.at(row).engagement.priorityId;
    for (const QVariant &priority : m_priorities)
        if (priority.toMap().value(QStringLiteral("id")).toString() == priorityId)
            return priority.toMap();
    return {};
}

QVariantList EngagementListModel::engagementChoices() const
{
    QVariantList choices;
    for (const auto &[engagement, progress] : m_rows)
        choices << QVariantMap{{QStringLiteral("id"), engagement.id},
                               {QStringLiteral("title"), shownTitle(engagement)}};
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
    const auto &[engagement, progress] = m_rows.at(index.row());
    const QDateTime local = engagement.scheduledStart.toLocalTime();
    switch (role) {
    case StateRole:
        return stateName(progress);
    case StateLabelRole:
        return stateLabel(progress);
    case DraftCountRole:
        return progress.drafts;
    case SignedCountRole:
        return progress.signedNotes;
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
    names.insert(StateRole, "progressState");
    names.insert(StateLabelRole, "stateLabel");
    names.insert(DraftCountRole, "draftCount");
    names.insert(SignedCountRole, "signedCount");
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

QString EngagementListModel::arrangeFollowUp(const QString &engagementId, const QDateTime &start)
{
    if (!m_session || !m_session->vault())
        return {};
    NoteStore &store = m_session->vault()->store();
    auto original = store.engagement(engagementId);
    if (!original) {
        m_session->reportError(original.error());
        return {};
    }
    const QDateTime when = (start.isValid() ? start : original->scheduledStart.addDays(1)).toUTC();
    for (const auto &[engagement, progress] : std::as_const(m_rows))
        if (engagement.followUpOf == engagementId && engagement.scheduledStart == when)
            return engagement.id; // asked twice: the one already arranged
    Engagement followUp = *original;
    followUp.id.clear();
    followUp.followUpOf = original->id;
    followUp.scheduledStart = when;
    followUp.title = tr("Follow-up: %1").arg(shownTitle(*original));
    auto added = store.addEngagement(followUp);
    if (!added) {
        m_session->reportError(added.error());
        return {};
    }
    m_session->markProgrammeChanged();
    return added->id;
}

QString EngagementListModel::problemWith(const QString &title, const QString &participants) const
{
    QString error;
    const QList<ParticipantGroup> groups = parseParticipants(participants, &error);
    if (!error.isEmpty())
        return error;
    QStringList names = m_session ? m_session->suspectedNames(title) : QStringList();
    for (const ParticipantGroup &group : groups)
        if (m_session)
            names << m_session->suspectedNames(group.role);
    if (!names.isEmpty())
        return tr("\"%1\" may be a person's name: describe people by their role, never by name.").arg(names.first());
    return {};
}

QDateTime EngagementListModel::followUpStart(const QString &engagementId) const
{
    QDateTime earliest;
    for (const auto &[engagement, progress] : m_rows)
        if (engagement.followUpOf == engagementId && (!earliest.isValid() || engagement.scheduledStart < earliest))
            earliest = engagement.scheduledStart;
    return earliest;
}

bool EngagementListModel::remove(const QString &engagementId)
{
    if (!m_session || !m_session->vault())
        return false;
    if (auto removed = m_session->vault()->store().deleteEngagement(engagementId); !removed) {
        m_session->reportError(removed.error());
        return false;
    }
    m_session->markProgrammeChanged();
    return true;
}

QVariantMap EngagementListModel::get(const QString &engagementId) const
{
    const int row = rowOf(engagementId);
    if (row < 0)
        return {};
    const auto &[engagement, progress] = m_rows.at(row);
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
            {QStringLiteral("participants"), participants.join(QLatin1Char('\n'))},
            {QStringLiteral("state"), stateName(progress)},
            {QStringLiteral("draftCount"), progress.drafts},
            {QStringLiteral("signedCount"), progress.signedNotes}};
}

int EngagementListModel::rowOf(const QString &engagementId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].engagement.id == engagementId)
            return int(i);
    return -1;
}

} // namespace fieldnotes::ui
