#include "notelistmodel.h"

#include "nameguard.h"
#include "notestore.h"
#include "settingsstore.h"
#include "syncstore.h"
#include "vaultsession.h"

#include <QLocale>

namespace fieldnotes::ui {

NoteListModel::NoteListModel(QObject *parent) : KeyedListModel(parent) {}

int NoteListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

void NoteListModel::setSession(VaultSession *session)
{
    if (session == m_session)
        return;
    followSession(m_session, session, this, &NoteListModel::reload);
    if (m_session) {
        connect(m_session, &VaultSession::notesChanged, this, &NoteListModel::updateNotes);
        connect(m_session, &VaultSession::syncChanged, this, &NoteListModel::refreshRows);
        connect(m_session, &VaultSession::watchedNamesChanged, this, &NoteListModel::refreshRows);
        connect(m_session, &VaultSession::memberNameChanged, this, [this] { emitForAllRows({SignedByRole}); });
    }
    emit sessionChanged();
    reload();
}

void NoteListModel::setEngagementId(const QString &id)
{
    if (id == m_engagementId)
        return;
    m_engagementId = id;
    emit engagementIdChanged();
    reload();
}

void NoteListModel::setHeldNoteId(const QString &id)
{
    if (id == m_heldNoteId)
        return;
    m_heldNoteId = id;
    if (m_held)
        insertInOrder(*std::exchange(m_held, std::nullopt));
    const int row = rowOfKey(m_rows, id, keyOf);
    if (row >= 0) {
        m_held = m_rows.at(row);
        removeRowAt(m_rows, row);
    }
    emit heldNoteIdChanged();
}

void NoteListModel::holdFrom(QList<NoteRow> &rows)
{
    m_held.reset();
    const auto held = std::find_if(rows.begin(), rows.end(), [this](const NoteRow &row) { return row.note.id == m_heldNoteId; });
    if (held == rows.end())
        return;
    m_held = *held;
    rows.erase(held);
}

void NoteListModel::insertInOrder(NoteRow row)
{
    qsizetype position = m_rows.size();
    while (position > 0 && m_rows.at(position - 1).note.createdAt > row.note.createdAt)
        --position;
    insertRowAt(m_rows, int(position), std::move(row));
}

void NoteListModel::emitCountsIfChanged()
{
    const std::pair<int, int> counts{draftCount(), flaggedDraftCount()};
    if (counts == m_countsShown)
        return;
    m_countsShown = counts;
    emit countsChanged();
}

NoteRow NoteListModel::rowFor(const Note &note, const QStringList &watched) const
{
    NoteRow row{note, {}, {}, {}, {}};
    if (!note.isSigned())
        for (const SuspectedName &name : findSuspectedNames(note.text, watched))
            row.suspectedNames << name.word;
    return row;
}

QList<NoteRow> NoteListModel::readRows()
{
    QList<NoteRow> rows;
    if (!m_session || !m_session->vault() || m_engagementId.isEmpty())
        return rows;
    NoteFilter filter;
    filter.engagementId = m_engagementId;
    if (m_signedObservationsOnly) {
        filter.kind = NoteKind::Observation;
        filter.state = NoteState::Signed;
    }
    auto notes = m_session->vault()->store().notes(filter);
    if (!notes) {
        m_session->reportError(notes.error());
        return rows;
    }
    auto syncStates = sync::SyncStore(*m_session->vault()).noteSyncStates();
    if (!syncStates)
        m_session->reportError(syncStates.error());
    const QStringList watched = m_session->watchedNames();
    QHash<QByteArray, QString> textByHash;
    QHash<QByteArray, QStringList> correctionsByHash;
    for (const Note &note : std::as_const(*notes)) {
        if (note.isSigned())
            textByHash.insert(note.hash, note.text);
        if (note.isSigned() && !note.amendsHash.isEmpty())
            correctionsByHash[note.amendsHash] << note.text;
    }
    rows.reserve(notes->size());
    for (const Note &note : std::as_const(*notes)) {
        NoteRow row = rowFor(note, watched);
        row.amendsText = textByHash.value(note.amendsHash);
        row.correctedBy = correctionsByHash.value(note.hash);
        row.syncState = syncStates ? syncStates->value(note.id) : QString();
        rows << row;
    }
    return rows;
}

bool NoteListModel::shown(const Note &note) const
{
    return !m_signedObservationsOnly || (note.kind == NoteKind::Observation && note.isSigned());
}

void NoteListModel::setSignedObservationsOnly(bool only)
{
    if (only == m_signedObservationsOnly)
        return;
    m_signedObservationsOnly = only;
    emit engagementIdChanged();
    reload();
}

void NoteListModel::reload()
{
    QList<NoteRow> rows = readRows();
    holdFrom(rows);
    resetRows(m_rows, std::move(rows));
    emitCountsIfChanged();
}

void NoteListModel::refreshRows()
{
    QList<NoteRow> rows = readRows();
    holdFrom(rows);
    updateRows(m_rows, std::move(rows), keyOf, changedRoles);
    emitCountsIfChanged();
}

// One note at a time, as it is written: its row alone changes, arrives or goes.
void NoteListModel::updateNotes(const QStringList &noteIds)
{
    if (!m_session || !m_session->vault() || m_engagementId.isEmpty())
        return;
    NoteStore &store = m_session->vault()->store();
    for (const QString &id : noteIds) {
        const bool held = id == m_heldNoteId;
        const int row = held ? -1 : rowOfKey(m_rows, id, keyOf);
        auto note = store.note(id);
        if (!note || note->engagementId != m_engagementId || !shown(*note)) {
            if (!note && note.error().code != ErrorCode::NotFound)
                m_session->reportError(note.error());
            else if (held)
                m_held.reset();
            else if (row >= 0)
                removeRowAt(m_rows, row);
            continue;
        }
        NoteRow next = rowFor(*note, m_session->watchedNames());
        if (!note->amendsHash.isEmpty())
            for (const NoteRow &other : std::as_const(m_rows))
                if (other.note.isSigned() && other.note.hash == note->amendsHash)
                    next.amendsText = other.note.text;
        if (held) {
            if (m_held)
                next.syncState = m_held->syncState;
            m_held = std::move(next);
            continue;
        }
        if (row >= 0) {
            next.syncState = m_rows.at(row).syncState; // changes only with a sync
            changeRow(m_rows, row, std::move(next), changedRoles);
            continue;
        }
        insertInOrder(std::move(next));
    }
    emitCountsIfChanged();
}

void NoteListModel::emitForAllRows(const QList<int> &roles)
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), roles);
}

QList<int> NoteListModel::changedRoles(const NoteRow &before, const NoteRow &after)
{
    const Note &a = before.note;
    const Note &b = after.note;
    QList<int> roles;
    if (a.kind != b.kind)
        roles << KindRole << KindLabelRole;
    if (a.text != b.text)
        roles << TextRole << Qt::DisplayRole;
    if (a.isSigned() != b.isSigned())
        roles << StateRole << SignedByRole;
    if (a.signedAt != b.signedAt)
        roles << SignedAtRole;
    if (a.sequence != b.sequence)
        roles << SequenceRole;
    if (before.amendsText != after.amendsText)
        roles << AmendsTextRole;
    if (before.suspectedNames != after.suspectedNames)
        roles << SuspectedNamesRole;
    if (a.evidenceAsked != b.evidenceAsked || a.evidenceGiven != b.evidenceGiven || a.evidenceAnswered != b.evidenceAnswered)
        roles << EvidenceRole;
    if (before.correctedBy != after.correctedBy)
        roles << CorrectedByRole;
    if (before.syncState != after.syncState)
        roles << SyncStateRole;
    if (a.contentRemovedAt != b.contentRemovedAt)
        roles << ContentRemovedAtRole;
    return roles;
}

QString NoteListModel::kindLabel(NoteKind kind)
{
    switch (kind) {
    case NoteKind::Statement:
        return tr("Statement");
    case NoteKind::Evidence:
        return tr("Evidence");
    case NoteKind::GoodPractice:
        return tr("Good practice");
    case NoteKind::AreaForDevelopment:
        return tr("Area for development");
    case NoteKind::Concern:
        return tr("Safeguarding concern");
    case NoteKind::Observation:
        return tr("Observation");
    case NoteKind::Amendment:
        return tr("Correction");
    }
    return {};
}

int NoteListModel::draftCount() const
{
    const auto isDraft = [](const NoteRow &row) { return !row.note.isSigned(); };
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), isDraft)) + (m_held && isDraft(*m_held) ? 1 : 0);
}

int NoteListModel::flaggedDraftCount() const
{
    const auto isFlagged = [](const NoteRow &row) { return !row.suspectedNames.isEmpty(); };
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), isFlagged)) + (m_held && isFlagged(*m_held) ? 1 : 0);
}

QVariant NoteListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NoteRow &row = m_rows.at(index.row());
    switch (role) {
    case NoteIdRole:
        return row.note.id;
    case KindRole:
        return noteKindName(row.note.kind);
    case KindLabelRole:
        return kindLabel(row.note.kind);
    case SignedByRole:
        // Who signed, as written into the note when it was signed; a note of the first format
        // does not say, and then nor does this.
        if (!row.note.isSigned() || !m_session)
            return QString();
        return !row.note.signerLabel.isEmpty() ? row.note.signerLabel : m_session->roleLabel(row.note.signerRole);
    case Qt::DisplayRole:
    case TextRole:
        return row.note.text;
    case SyncStateRole:
        return row.syncState;
    case ContentRemovedAtRole:
        return row.note.contentRemovedAt.isValid() ? row.note.contentRemovedAt.toLocalTime().toString(QStringLiteral("ddd d MMM")) : QString();
    case StateRole:
        return row.note.isSigned() ? QStringLiteral("signed") : QStringLiteral("draft");
    case SignedAtRole:
        return row.note.isSigned() ? row.note.signedAt.toLocalTime().toString(QStringLiteral("ddd d MMM, HH:mm")) : QString();
    case SequenceRole:
        return row.note.sequence;
    case AmendsTextRole:
        return row.amendsText;
    case SuspectedNamesRole:
        // A signed note keeps its flag; found only for the rows in sight, not for all at load.
        return row.note.isSigned() && m_session ? m_session->suspectedNames(row.note.text) : row.suspectedNames;
    case CorrectedByRole:
        return row.correctedBy;
    case EvidenceRole:
        return evidenceName(row.note);
    default:
        return {};
    }
}

QHash<int, QByteArray> NoteListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NoteIdRole, "noteId");
    names.insert(KindRole, "kind");
    names.insert(KindLabelRole, "kindLabel");
    names.insert(SignedByRole, "signedBy");
    names.insert(TextRole, "text");
    names.insert(StateRole, "noteState");
    names.insert(SyncStateRole, "syncState");
    names.insert(ContentRemovedAtRole, "contentRemovedAt");
    names.insert(SignedAtRole, "signedAt");
    names.insert(SequenceRole, "sequence");
    names.insert(AmendsTextRole, "amendsText");
    names.insert(SuspectedNamesRole, "suspectedNames");
    names.insert(EvidenceRole, "evidence");
    names.insert(CorrectedByRole, "correctedBy");
    return names;
}

QString NoteListModel::evidenceName(const Note &note)
{
    if (note.evidenceGiven)
        return QStringLiteral("given");
    if (note.evidenceAsked)
        return QStringLiteral("asked");
    if (note.evidenceAnswered && note.kind == NoteKind::Statement)
        return QStringLiteral("not-asked");
    return {};
}

QVariantList NoteListModel::drafts()
{
    if (!m_session || !m_session->vault() || !m_session->flushDrafts())
        return {};
    NoteFilter filter;
    filter.engagementId = m_engagementId;
    filter.state = NoteState::Draft;
    auto drafts = m_session->vault()->store().notes(filter);
    if (!drafts) {
        m_session->reportError(drafts.error());
        return {};
    }
    const QStringList watched = m_session->watchedNames();
    QVariantList list;
    for (const Note &draft : std::as_const(*drafts)) {
        if (draft.text.trimmed().isEmpty())
            continue; // an editor opened and left empty: nothing to sign
        QString problem;
        if (draft.kind == NoteKind::Statement && !draft.evidenceAnswered)
            problem = tr("Say whether an example or evidence was asked for (or that it was not).");
        list << QVariantMap{{QStringLiteral("noteId"), draft.id},
                            {QStringLiteral("kind"), noteKindName(draft.kind)},
                            {QStringLiteral("kindLabel"), kindLabel(draft.kind)},
                            {QStringLiteral("text"), draft.text},
                            {QStringLiteral("evidence"), evidenceName(draft)},
                            {QStringLiteral("signable"), problem.isEmpty()},
                            {QStringLiteral("problem"), problem},
                            {QStringLiteral("suspectedNames"), rowFor(draft, watched).suspectedNames}};
    }
    return list;
}

int NoteListModel::signDrafts(const QString &passphrase, const QStringList &noteIds)
{
    // What is being typed is written first: a note is signed with the text on screen.
    if (!m_session || !m_session->vault() || noteIds.isEmpty() || !m_session->confirmPassphrase(passphrase) || !m_session->flushDrafts())
        return 0;
    QStringList signedIds;
    for (const QString &id : noteIds) {
        auto draft = m_session->vault()->store().note(id);
        if (draft && (draft->engagementId != m_engagementId || draft->isSigned()))
            continue; // only this engagement's drafts, each once
        auto signedNote = draft ? m_session->vault()->store().signDraft(id) : Result<SignedNote>(draft.error());
        if (!signedNote) {
            m_session->reportError(signedNote.error());
            break;
        }
        signedIds << id;
    }
    m_session->markNotesSigned(signedIds);
    return int(signedIds.size());
}

bool NoteListModel::amend(const QString &noteId, const QString &correction)
{
    if (!m_session || !m_session->vault())
        return false;
    auto amendment = m_session->vault()->store().amend(noteId, correction);
    if (!amendment) {
        m_session->reportError(amendment.error());
        return false;
    }
    m_session->markNotesSigned({amendment->content.id});
    return true;
}

bool NoteListModel::deleteDraft(const QString &noteId)
{
    // A write still pending would bring the draft back.
    if (!m_session || !m_session->vault() || !m_session->flushDrafts())
        return false;
    if (auto removed = m_session->vault()->store().deleteDraft(noteId); !removed) {
        m_session->reportError(removed.error());
        return false;
    }
    m_session->markNotesChanged({noteId});
    return true;
}

} // namespace fieldnotes::ui
