#include "notelistmodel.h"

#include "nameguard.h"
#include "notestore.h"
#include "settingsstore.h"
#include "syncstore.h"
#include "vaultsession.h"

#include <QLocale>

namespace fieldnotes::ui {

NoteListModel::NoteListModel(QObject *parent) : QAbstractListModel(parent) {}

void NoteListModel::setSession(VaultSession *session)
{
    if (session == m_session)
        return;
    followSession(m_session, session, this, &NoteListModel::reload);
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

void NoteListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    if (m_session && m_session->vault() && !m_engagementId.isEmpty()) {
        NoteStore &store = m_session->vault()->store();
        NoteFilter filter;
        filter.engagementId = m_engagementId;
        const QStringList watched = m_session->vault()->settings().watchedNames(m_session->reviewId()).value();
        auto syncStates = sync::SyncStore(*m_session->vault()).noteSyncStates();
        if (!syncStates)
            m_session->reportError(syncStates.error());
        if (auto notes = store.notes(filter)) {
            QHash<QByteArray, QString> textByHash;
            for (const Note &note : *notes)
                if (note.isSigned())
                    textByHash.insert(note.hash, note.text);
            for (const Note &note : *notes) {
                QStringList names;
                if (!note.isSigned())
                    for (const SuspectedName &name : findSuspectedNames(note.text, watched))
                        names << name.word;
                m_rows << Row{note, textByHash.value(note.amendsHash), names, syncStates ? syncStates->value(note.id) : QString()};
            }
        } else {
            m_session->reportError(notes.error());
        }
    }
    endResetModel();
    emit countsChanged();
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
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &row) { return !row.note.isSigned(); }));
}

int NoteListModel::flaggedDraftCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &row) { return !row.suspectedNames.isEmpty(); }));
}

int NoteListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant NoteListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case NoteIdRole:
        return row.note.id;
    case KindRole:
        return noteKindName(row.note.kind);
    case KindLabelRole:
        return kindLabel(row.note.kind);
    case SignedByRole:
        // This vault signs only with its own device key, so a signed note here is this member's.
        return row.note.isSigned() && m_session ? m_session->memberName() : QString();
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
        return row.suspectedNames;
    case EvidenceRole:
        return row.note.evidenceGiven ? QStringLiteral("given") : row.note.evidenceAsked ? QStringLiteral("asked") : QString();
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
    return names;
}

int NoteListModel::signDrafts(const QString &passphrase)
{
    if (!m_session || !m_session->vault() || !m_session->confirmPassphrase(passphrase))
        return 0;
    int signedCount = 0;
    for (const Row &row : std::as_const(m_rows)) {
        if (row.note.isSigned() || row.note.text.trimmed().isEmpty())
            continue;
        auto signedNote = m_session->vault()->store().signDraft(row.note.id);
        if (!signedNote) {
            m_session->reportError(signedNote.error());
            break;
        }
        ++signedCount;
    }
    m_session->markChanged();
    return signedCount;
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
    m_session->markChanged();
    return true;
}

bool NoteListModel::deleteDraft(const QString &noteId)
{
    if (!m_session || !m_session->vault())
        return false;
    if (auto removed = m_session->vault()->store().deleteDraft(noteId); !removed) {
        m_session->reportError(removed.error());
        return false;
    }
    m_session->markChanged();
    return true;
}

} // namespace fieldnotes::ui
