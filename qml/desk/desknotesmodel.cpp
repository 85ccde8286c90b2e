#include "desknotesmodel.h"

#include "concernfollowups.h"
#include "deskengagements.h"
#include "deskreader.h"
#include "notelistmodel.h"
#include "notestore.h"
#include "searchmodel.h"
#include "syncstore.h"

namespace fieldnotes::ui {

namespace {
QString evidenceWords(const SignedNoteContent &note)
{
    if (!note.evidenceAsked)
        return note.kind == NoteKind::Statement ? DeskNotesModel::tr("No example or evidence was asked for") : QString();
    return note.evidenceGiven ? DeskNotesModel::tr("Example or evidence asked for and given")
                              : DeskNotesModel::tr("Example or evidence asked for; none given");
}

QString followUpWords(const sync::ConcernFollowUp &followUp)
{
    QStringList parts{DeskNotesModel::tr("Seen %1 by %2").arg(followUp.seenAt.toLocalTime().toString(QStringLiteral("ddd d MMM HH:mm")), followUp.by)};
    if (!followUp.raisedWith.isEmpty())
        parts << DeskNotesModel::tr("raised with %1").arg(followUp.raisedWith);
    if (!followUp.decision.isEmpty())
        parts << DeskNotesModel::tr("decision: %1").arg(followUp.decision);
    return parts.join(QStringLiteral("; "));
}
} // namespace

DeskNotesModel::DeskNotesModel(QObject *parent) : KeyedListModel(parent) {}

QString DeskNotesModel::roleLabel(const QString &role)
{
    if (role == QLatin1String("reviewer"))
        return tr("Reviewer");
    if (role == QLatin1String("young-inspector"))
        return tr("Young Inspector");
    if (role == QLatin1String("team-leader"))
        return tr("Team leader");
    if (role == QLatin1String("deputy-leader"))
        return tr("Deputy team leader");
    return role;
}

DeskNotesModel::~DeskNotesModel() = default;

int DeskNotesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

void DeskNotesModel::setSession(VaultSession *session)
{
    if (session == m_session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    closeReader();
    m_session = session;
    if (m_session) {
        connect(m_session, &VaultSession::stateChanged, this, &DeskNotesModel::reopen);
        connect(m_session, &VaultSession::reviewChanged, this, &DeskNotesModel::reopen);
        connect(m_session, &VaultSession::aboutToLock, this, &DeskNotesModel::closeReader);
        connect(m_session, &VaultSession::syncChanged, this, &DeskNotesModel::refresh);
        connect(m_session, &VaultSession::programmeChanged, this, &DeskNotesModel::refresh);
        connect(m_session, &VaultSession::deskChanged, this, &DeskNotesModel::refresh);
    }
    emit sessionChanged();
    reopen();
}

void DeskNotesModel::closeReader()
{
    // Its connection must close before the vault does; an answer still queued names a request
    // that is no longer awaited.
    m_reader.reset();
    setRequest(0);
}

void DeskNotesModel::reopen()
{
    closeReader();
    resetRows(m_rows, {});
    m_total = 0;
    m_wanted = pageSize;
    emit countChanged();
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault || m_session->reviewId().isEmpty())
        return;
    // Only the leader's vault holds collected notes (and the key their follow-ups are signed with).
    if (auto keys = sync::SyncStore(*vault).reviewKeys(m_session->reviewId()); !keys || !*keys)
        return;
    m_reader = std::make_unique<sync::DeskReader>(*vault, m_session->reviewId());
    connect(m_reader.get(), &sync::DeskReader::notesRead, this, &DeskNotesModel::showNotes);
    connect(m_reader.get(), &sync::DeskReader::failed, this, &DeskNotesModel::readFailed);
    readLabels();
    read();
}

void DeskNotesModel::refresh()
{
    if (!m_reader)
        return;
    m_reader->placementChanged();
    readLabels();
    read();
}

void DeskNotesModel::readLabels()
{
    Vault *vault = m_session ? m_session->vault() : nullptr;
    if (!vault || !m_reader)
        return;
    const QString reviewId = m_session->reviewId();
    m_priorityTitles.clear();
    m_sourceLabels.clear();
    m_engagementTitles.clear();
    m_followUps.clear();
    if (auto priorities = vault->store().priorities(reviewId)) {
        for (const Priority &priority : std::as_const(*priorities))
            m_priorityTitles.insert(priority.id, priority.title);
    } else {
        m_session->reportError(priorities.error());
    }
    if (auto sources = sync::reviewSources(*vault, reviewId)) {
        for (const sync::Source &source : std::as_const(*sources))
            m_sourceLabels.insert(source.id, source.label);
    } else {
        m_session->reportError(sources.error());
    }
    if (auto engagements = sync::deskEngagements(*vault, reviewId)) {
        for (const sync::DeskEngagement &placed : std::as_const(*engagements))
            m_engagementTitles.insert(placed.engagement.id, placed.engagement.title);
    } else {
        m_session->reportError(engagements.error());
    }
    if (auto followUps = sync::concernFollowUps(*vault, reviewId)) {
        for (const sync::ConcernFollowUp &followUp : std::as_const(*followUps)) // oldest first: the latest stays
            m_followUps.insert(followUp.noteHash, followUpWords(followUp));
    } else {
        m_session->reportError(followUps.error());
    }
}

void DeskNotesModel::setRequest(quint64 request)
{
    const bool wasBusy = isBusy();
    m_request = request;
    if (wasBusy != isBusy())
        emit busyChanged();
}

void DeskNotesModel::read()
{
    if (!m_reader)
        return;
    const auto order = sync::collectedOrderFromName(m_order);
    setRequest(m_reader->read(this, m_query, m_filter, order.value_or(sync::CollectedOrder::Newest), m_wanted, snippetOpenMark, snippetCloseMark));
}

void DeskNotesModel::filterChanged()
{
    m_wanted = pageSize; // other notes: from the top again
    emit filtersChanged();
    read();
}

bool DeskNotesModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_reader && !isBusy() && m_rows.size() < m_total && m_rows.size() >= m_wanted;
}

void DeskNotesModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_wanted += pageSize;
    read();
}

void DeskNotesModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    filterChanged();
}

void DeskNotesModel::setOrder(const QString &order)
{
    if (order == m_order || !sync::collectedOrderFromName(order))
        return;
    m_order = order;
    filterChanged();
}

void DeskNotesModel::setPriorityId(const QString &id)
{
    if (id == m_filter.priorityId)
        return;
    m_filter.priorityId = id;
    filterChanged();
}

void DeskNotesModel::setSourceId(const QString &id)
{
    if (id == m_filter.sourceId)
        return;
    m_filter.sourceId = id;
    filterChanged();
}

void DeskNotesModel::setEngagementId(const QString &id)
{
    if (id == m_filter.engagementId)
        return;
    m_filter.engagementId = id;
    filterChanged();
}

QString DeskNotesModel::kind() const
{
    return m_filter.kind ? noteKindName(*m_filter.kind) : QString();
}

void DeskNotesModel::setKind(const QString &kind)
{
    const std::optional<NoteKind> next = noteKindFromName(kind);
    if (next == m_filter.kind)
        return;
    m_filter.kind = next;
    filterChanged();
}

void DeskNotesModel::setTablet(const QString &hex)
{
    const QByteArray key = QByteArray::fromHex(hex.toLatin1());
    if (key == m_filter.authorKey)
        return;
    m_filter.authorKey = key;
    filterChanged();
}

QString DeskNotesModel::verdict() const
{
    if (!m_filter.verified)
        return {};
    return *m_filter.verified ? QStringLiteral("verified") : QStringLiteral("problem");
}

void DeskNotesModel::setVerdict(const QString &verdict)
{
    std::optional<bool> next;
    if (verdict == QLatin1String("verified"))
        next = true;
    else if (verdict == QLatin1String("problem"))
        next = false;
    if (next == m_filter.verified)
        return;
    m_filter.verified = next;
    filterChanged();
}

int DeskNotesModel::awaitingFollowUp() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Row &row) { return row.view.note.content.kind == NoteKind::Concern && row.followUp.isEmpty(); }));
}

void DeskNotesModel::showNotes(const QObject *requester, quint64 request, const QList<sync::CollectedNoteView> &notes, int total)
{
    if (requester != this || request != m_request)
        return; // an answer to a request made over since
    QList<Row> rows;
    rows.reserve(notes.size());
    for (const sync::CollectedNoteView &view : notes)
        rows << Row{view, m_followUps.value(view.note.hash)};
    updateRows(m_rows, rows, keyOf, changedRoles);
    m_total = total;
    setRequest(0);
    emit countChanged();
}

void DeskNotesModel::readFailed(const QObject *requester, quint64 request, const QString &message)
{
    if (requester != this || request != m_request)
        return;
    setRequest(0);
    emit m_session->errorOccurred(message);
}

QList<int> DeskNotesModel::changedRoles(const Row &before, const Row &after)
{
    QList<int> roles;
    if (before.view.snippet != after.view.snippet)
        roles << TextRole;
    if (before.view.priorityId != after.view.priorityId)
        roles << PriorityIdRole << PriorityTitleRole;
    if (before.view.source != after.view.source)
        roles << SourceRole << SourceLabelRole;
    if (before.view.tabletRole != after.view.tabletRole || before.view.tabletLabel != after.view.tabletLabel)
        roles << AuthorRole;
    if (before.view.verdict != after.view.verdict)
        roles << VerifiedRole << VerdictRole;
    if (before.followUp != after.followUp)
        roles << FollowUpRole;
    if (before.view.amendments.size() != after.view.amendments.size())
        roles << CorrectionsRole;
    return roles;
}

QVariant DeskNotesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const sync::CollectedNoteView &view = row.view;
    const SignedNoteContent &note = view.note.content;
    switch (role) {
    case HashRole:
        return keyOf(row);
    case ShortHashRole:
        return keyOf(row).left(12);
    case Qt::DisplayRole:
    case TextRole:
        if (view.note.contentRemoved())
            return tr("(Text removed from the tablet before collection; only its signature and place remain.)");
        return view.snippet.isEmpty() ? note.text.toHtmlEscaped() : snippetHtml(view.snippet);
    case PlainTextRole:
        return note.text;
    case KindRole:
        return noteKindName(note.kind);
    case KindLabelRole:
        return NoteListModel::kindLabel(note.kind);
    case EngagementIdRole:
        return note.engagementId;
    case EngagementTitleRole:
        return m_engagementTitles.value(note.engagementId, tr("Engagement not known to the desk"));
    case PriorityIdRole:
        return view.priorityId;
    case PriorityTitleRole:
        return m_priorityTitles.value(view.priorityId);
    case SourceRole:
        return view.source;
    case SourceLabelRole:
        return m_sourceLabels.value(view.source, view.source);
    case AuthorRole:
        if (view.tabletRole.isEmpty())
            return tr("a tablet not on the roster");
        return view.tabletLabel.isEmpty() ? roleLabel(view.tabletRole) : tr("%1, %2").arg(roleLabel(view.tabletRole), view.tabletLabel);
    case SignedAtRole:
        return note.signedAt.toLocalTime().toString(QStringLiteral("ddd d MMM HH:mm"));
    case EvidenceRole:
        return evidenceWords(note);
    case AmendsRole:
        return QString::fromLatin1(note.amendsHash.toHex().left(12));
    case VerifiedRole:
        return view.verified();
    case VerdictRole:
        return view.verified() ? tr("Verified") : tr("Problem: %1").arg(view.verdict);
    case FollowUpRole:
        return row.followUp;
    case CorrectionsRole: {
        QStringList lines;
        for (const sync::CollectedAmendment &amendment : view.amendments)
            lines << tr("Corrected %1: “%2”").arg(amendment.signedAt.toLocalTime().toString(QStringLiteral("ddd d MMM HH:mm")), amendment.text);
        return lines.join(QLatin1Char('\n'));
    }
    default:
        return {};
    }
}

QVariantMap DeskNotesModel::get(int row) const
{
    QVariantMap values;
    if (row < 0 || row >= m_rows.size())
        return values;
    const QHash<int, QByteArray> names = roleNames();
    for (auto name = names.cbegin(); name != names.cend(); ++name)
        values.insert(QString::fromLatin1(name.value()), data(index(row), name.key()));
    return values;
}

QHash<int, QByteArray> DeskNotesModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},
            {HashRole, "hash"},
            {ShortHashRole, "shortHash"},
            {TextRole, "richText"},
            {PlainTextRole, "plainText"},
            {KindRole, "kind"},
            {KindLabelRole, "kindLabel"},
            {EngagementIdRole, "engagementId"},
            {EngagementTitleRole, "engagementTitle"},
            {PriorityIdRole, "priorityId"},
            {PriorityTitleRole, "priorityTitle"},
            {SourceRole, "source"},
            {SourceLabelRole, "sourceLabel"},
            {AuthorRole, "author"},
            {SignedAtRole, "signedAt"},
            {EvidenceRole, "evidence"},
            {AmendsRole, "amends"},
            {VerifiedRole, "verified"},
            {VerdictRole, "verdict"},
            {FollowUpRole, "followUp"},
            {CorrectionsRole, "corrections"}};
}

} // namespace fieldnotes::ui
