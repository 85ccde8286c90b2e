#include "checklistcontroller.h"

#include "checkliststore.h"
#include "notestore.h"
#include "vaultsession.h"

namespace fieldnotes::ui {

ChecklistController::ChecklistController(QObject *parent) : QAbstractListModel(parent) {}

QString ChecklistController::checklistName(Kind kind)
{
    switch (kind) {
    case Opening:
        return QStringLiteral("opening");
    case Questions:
        return QStringLiteral("questions");
    case Closing:
        return QStringLiteral("closing");
    }
    return {};
}

QList<ChecklistController::Item> ChecklistController::pointsFor(Kind kind) const
{
    const auto item = [](const char *key, const QString &text) { return Item{QString::fromLatin1(key), text, QStringLiteral("pending"), {}}; };
    switch (kind) {
    case Opening:
        return {
            item("not-an-inspection", tr("The review is not an inspection: it is a supportive but challenging process to help the Trust celebrate its strengths and find its own areas for improvement.")),
            item("at-trusts-request", tr("The team is here at the request of the Trust; it is not imposed on the partners.")),
            item("critical-friends", tr("Team members are acting as critical friends, looking at both strengths and areas for further consideration.")),
            item("views-gathered-widely", tr("The views of a range of people, inside and outside the Trust, are being gathered.")),
            item("openness", tr("The process depends on people being open and honest about what is working and what needs to be addressed.")),
            item("non-attributable", tr("Everything the team hears is absolutely non-attributable to individuals.")),
        };
    case Closing:
        return {
            item("questions-or-concerns", tr("Asked whether they have any questions they would like to ask, or any concerns they would like to raise.")),
            item("thanked", tr("Thanked them for their time and, where it was so, for their openness and honesty.")),
        };
    case Questions: {
        QList<Item> items;
        if (m_session && m_session->vault() && !m_engagementId.isEmpty()) {
            NoteStore &store = m_session->vault()->store();
            auto engagement = store.engagement(m_engagementId);
            if (engagement && !engagement->priorityId.isEmpty()) {
                if (auto priority = store.priority(engagement->priorityId)) {
                    for (qsizetype i = 0; i < priority->suggestedQuestions.size(); ++i)
                        items << Item{QStringLiteral("suggested-%1").arg(i + 1), priority->suggestedQuestions.at(i), QStringLiteral("pending"), {}};
                }
            }
        }
        items << item("differently", tr("Is there anything that needs to be done differently to improve the rate of progress and outcomes?"))
              << item("objectives", tr("Are the objectives and actions the right ones to achieve the priority?"))
              << item("people-engaged", tr("Are all the people and agencies you need involved engaged?"))
              << item("capacity", tr("Are there any financial or capacity issues that affect the ability to deliver this priority?"))
              << item("links", tr("Does this work relate to other projects, developments or groups? If not, should it?"))
              << item("year-two", tr("What is the proposed action for year 2?"));
        return items;
    }
    }
    return {};
}

void ChecklistController::setSession(VaultSession *session)
{
    if (session == m_session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &VaultSession::stateChanged, this, &ChecklistController::reload);
    emit sessionChanged();
    reload();
}

void ChecklistController::setEngagementId(const QString &id)
{
    if (id == m_engagementId)
        return;
    m_engagementId = id;
    emit engagementIdChanged();
    reload();
}

void ChecklistController::setKind(Kind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    emit kindChanged();
    reload();
}

void ChecklistController::reload()
{
    beginResetModel();
    m_items = pointsFor(m_kind);
    if (m_session && m_session->vault() && !m_engagementId.isEmpty()) {
        auto marks = m_session->vault()->checklists().marks(m_engagementId, checklistName(m_kind));
        if (marks) {
            for (const ChecklistMark &mark : *marks) {
                for (Item &item : m_items) {
                    if (item.key == mark.item) {
                        item.state = mark.ticked ? QStringLiteral("ticked") : QStringLiteral("skipped");
                        item.reason = mark.reason;
                    }
                }
            }
        }
    }
    endResetModel();
    emit progressChanged();
}

int ChecklistController::pendingCount() const
{
    return int(std::count_if(m_items.cbegin(), m_items.cend(), [](const Item &item) { return item.state == QLatin1String("pending"); }));
}

int ChecklistController::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant ChecklistController::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item &item = m_items.at(index.row());
    switch (role) {
    case KeyRole:
        return item.key;
    case Qt::DisplayRole:
    case TextRole:
        return item.text;
    case StateRole:
        return item.state;
    case ReasonRole:
        return item.reason;
    default:
        return {};
    }
}

QHash<int, QByteArray> ChecklistController::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KeyRole, "key");
    names.insert(TextRole, "text");
    names.insert(StateRole, "mark");
    names.insert(ReasonRole, "reason");
    return names;
}

bool ChecklistController::tick(int row)
{
    if (row < 0 || row >= m_items.size() || !m_session || !m_session->vault())
        return false;
    auto marked = m_session->vault()->checklists().tick(m_engagementId, checklistName(m_kind), m_items[row].key);
    if (!marked) {
        m_session->reportError(marked.error());
        return false;
    }
    m_items[row].state = QStringLiteral("ticked");
    m_items[row].reason.clear();
    emit dataChanged(index(row), index(row));
    emit progressChanged();
    return true;
}

bool ChecklistController::skip(int row, const QString &reason)
{
    if (row < 0 || row >= m_items.size() || !m_session || !m_session->vault())
        return false;
    auto marked = m_session->vault()->checklists().skip(m_engagementId, checklistName(m_kind), m_items[row].key, reason);
    if (!marked) {
        m_session->reportError(marked.error());
        return false;
    }
    m_items[row].state = QStringLiteral("skipped");
    m_items[row].reason = marked->reason;
    emit dataChanged(index(row), index(row));
    emit progressChanged();
    return true;
}

bool ChecklistController::undo(int row)
{
    if (row < 0 || row >= m_items.size() || !m_session || !m_session->vault())
        return false;
    if (auto cleared = m_session->vault()->checklists().clear(m_engagementId, checklistName(m_kind), m_items[row].key); !cleared) {
        m_session->reportError(cleared.error());
        return false;
    }
    m_items[row].state = QStringLiteral("pending");
    m_items[row].reason.clear();
    emit dataChanged(index(row), index(row));
    emit progressChanged();
    return true;
}

} // namespace fieldnotes::ui
