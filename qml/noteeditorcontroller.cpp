#include "noteeditorcontroller.h"

#include "draftwriter.h"
#include "notestore.h"
#include "settingsstore.h"
#include "vaultsession.h"

#include <algorithm>

namespace fieldnotes::ui {

NoteEditorController::NoteEditorController(QObject *parent) : QObject(parent) {}

void NoteEditorController::setSession(VaultSession *session)
{
    if (session == m_session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &VaultSession::aboutToLock, this, &NoteEditorController::forgetText);
        connect(m_session, &VaultSession::draftWritten, this, &NoteEditorController::onDraftWritten);
        // Signed (from "Review and sign" or anywhere): the editor starts the next note; a note
        // left unsigned stays in the editor.
        connect(m_session, &VaultSession::notesSigned, this, [this](const QStringList &ids) {
            if (!m_draftId.isEmpty() && ids.contains(m_draftId))
                startNew();
        });
        connect(m_session, &VaultSession::stateChanged, this, [this] {
            if (m_session->state() == VaultSession::Unlocked)
                restoreText();
        });
    }
    emit sessionChanged();
}

namespace {
QString editorKey(const QString &engagementId)
{
    return QStringLiteral("editor.draft.") + engagementId;
}
} // namespace

void NoteEditorController::setEngagementId(const QString &id)
{
    if (id == m_engagementId)
        return;
    m_engagementId = id;
    emit engagementIdChanged();
    clearFields();
    m_draftId = rememberedDraft();
    emit draftChanged();
    if (m_draftId.isEmpty())
        textWasSet(); // the field lets go of the last engagement's text
    else
        restoreText();
}

QString NoteEditorController::rememberedDraft() const
{
    if (!m_session || !m_session->vault() || m_engagementId.isEmpty())
        return {};
    auto draftId = m_session->vault()->settings().value(editorKey(m_engagementId));
    return draftId ? *draftId : QString();
}

void NoteEditorController::rememberDraft()
{
    if (!m_session || !m_session->vault() || m_engagementId.isEmpty())
        return;
    if (auto saved = m_session->vault()->settings().setValue(editorKey(m_engagementId), m_draftId); !saved)
        m_session->reportError(saved.error());
}

void NoteEditorController::setSaved(bool saved)
{
    if (saved == m_saved)
        return;
    m_saved = saved;
    emit savedChanged();
}

void NoteEditorController::setText(const QString &text)
{
    changeText(text, TextSource::Replaced);
}

void NoteEditorController::takeTypedText(const QString &text)
{
    changeText(text, TextSource::Typed);
}

void NoteEditorController::changeText(const QString &text, TextSource source)
{
    if (text == m_text)
        return;
    const bool neededAnswer = needsEvidenceAnswer();
    m_text = text;
    textWasSet(source);
    if (needsEvidenceAnswer() != neededAnswer) // it depends on whether there is any text
        emit evidenceChanged();
    save();
}

void NoteEditorController::setKind(const QString &kind)
{
    if (kind == m_kind || !noteKindFromName(kind))
        return;
    m_kind = kind;
    emit kindChanged();
    emit evidenceChanged();
    save();
}

bool NoteEditorController::needsEvidenceAnswer() const
{
    return m_kind == QLatin1String("statement") && !m_blank && !m_evidenceAnswered;
}

QStringList NoteEditorController::suspectedNames() const
{
    return m_suspectedNames;
}

void NoteEditorController::textWasSet(TextSource source)
{
    emit textChanged();
    if (source == TextSource::Replaced)
        emit textReplaced();
    if (const bool blank = std::all_of(m_text.cbegin(), m_text.cend(), [](QChar c) { return c.isSpace(); }); blank != m_blank) {
        m_blank = blank;
        emit blankChanged();
    }
    QStringList names = m_session ? m_session->suspectedNames(m_text) : QStringList();
    if (names == m_suspectedNames)
        return;
    m_suspectedNames = std::move(names);
    emit suspectedNamesChanged();
}

bool NoteEditorController::answerEvidence(bool asked, bool given)
{
    m_evidenceAsked = asked || given;
    m_evidenceGiven = given;
    m_evidenceAnswered = true;
    emit evidenceChanged();
    return save();
}

bool NoteEditorController::clearEvidenceAnswer()
{
    m_evidenceAsked = m_evidenceGiven = m_evidenceAnswered = false;
    emit evidenceChanged();
    return save();
}

bool NoteEditorController::save()
{
    if (!m_session || !m_session->vault() || m_engagementId.isEmpty())
        return false;
    if (m_draftId.isEmpty() && m_blank)
        return true;
    if (m_draftId.isEmpty()) {
        m_draftId = DraftWriter::newDraftId();
        emit draftChanged();
        rememberDraft(); // once per note, not per keystroke
    }
    Note draft;
    draft.id = m_draftId;
    draft.engagementId = m_engagementId;
    draft.kind = noteKindFromName(m_kind).value_or(NoteKind::Observation);
    draft.text = m_text;
    draft.evidenceAsked = m_evidenceAsked;
    draft.evidenceGiven = m_evidenceGiven;
    draft.evidenceAnswered = m_evidenceAnswered;
    m_submitted = m_session->vault()->drafts().submit(draft);
    setSaved(false);
    return true;
}

void NoteEditorController::onDraftWritten(const QString &draftId, quint64 revision)
{
    // Only the write of the latest submission makes what is on screen durable.
    if (draftId == m_draftId && revision == m_submitted)
        setSaved(true);
}

void NoteEditorController::clearFields()
{
    m_draftId.clear();
    m_text.clear();
    m_kind = QStringLiteral("observation");
    m_evidenceAsked = m_evidenceGiven = m_evidenceAnswered = false;
    m_submitted = 0;
    setSaved(true);
}

void NoteEditorController::startNew()
{
    const bool remembered = !m_draftId.isEmpty();
    clearFields();
    if (remembered)
        rememberDraft();
    emit draftChanged();
    textWasSet();
    emit kindChanged();
    emit evidenceChanged();
}

bool NoteEditorController::edit(const QString &draftId)
{
    if (!m_session || !m_session->vault() || draftId == m_draftId)
        return draftId == m_draftId;
    auto draft = m_session->vault()->store().note(draftId);
    if (!draft) {
        m_session->reportError(draft.error());
        return false;
    }
    if (draft->isSigned() || draft->engagementId != m_engagementId)
        return false;
    m_draftId = draftId;
    m_submitted = 0;
    emit draftChanged();
    rememberDraft();
    restoreText();
    return true;
}

void NoteEditorController::forgetText()
{
    // Every change is already in the encrypted draft; only the draft's id stays in memory.
    m_text.clear();
    textWasSet();
}

void NoteEditorController::restoreText()
{
    if (m_draftId.isEmpty() || !m_session || !m_session->vault())
        return;
    // Locking wrote every submission before the keys went; what comes back is durable.
    auto draft = m_session->vault()->store().note(m_draftId);
    if (!draft && draft.error().code != ErrorCode::NotFound) {
        m_session->reportError(draft.error());
        return;
    }
    if (!draft || draft->isSigned()) { // signed or deleted meanwhile
        startNew();
        return;
    }
    m_text = draft->text;
    m_kind = noteKindName(draft->kind);
    m_evidenceAsked = draft->evidenceAsked;
    m_evidenceGiven = draft->evidenceGiven;
    m_evidenceAnswered = draft->evidenceAnswered;
    setSaved(true);
    textWasSet();
    emit kindChanged();
    emit evidenceChanged();
}

} // namespace fieldnotes::ui
