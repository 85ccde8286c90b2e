#include "observationcontroller.h"

#include "draftwriter.h"
#include "notestore.h"

namespace fieldnotes::ui {

ObservationController::ObservationController(QObject *parent) : QObject(parent) {}

void ObservationController::setSession(VaultSession *session)
{
    if (session == m_session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &VaultSession::draftWritten, this, &ObservationController::onDraftWritten);
    emit sessionChanged();
}

void ObservationController::setEngagementId(const QString &id)
{
    if (id == m_engagementId)
        return;
    m_engagementId = id;
    m_draftId.clear();
    emit engagementIdChanged();
}

QString &ObservationController::answerText(Answer answer)
{
    return answer == Saw ? m_saw : answer == Good ? m_good : m_better;
}

void ObservationController::takeTypedAnswer(Answer answer, const QString &text)
{
    QString &current = answerText(answer);
    if (text == current)
        return;
    current = text;
    answerChanged(answer);
    save();
}

void ObservationController::replaceAnswer(Answer answer, const QString &text)
{
    if (text == answerText(answer))
        return;
    takeTypedAnswer(answer, text);
    emit answersReplaced();
}

void ObservationController::setSaw(const QString &text)
{
    replaceAnswer(Saw, text);
}

void ObservationController::setGood(const QString &text)
{
    replaceAnswer(Good, text);
}

void ObservationController::setBetter(const QString &text)
{
    replaceAnswer(Better, text);
}

void ObservationController::answerChanged(Answer answer)
{
    const auto changed = answer == Saw ? &ObservationController::sawChanged
                       : answer == Good ? &ObservationController::goodChanged : &ObservationController::betterChanged;
    emit (this->*changed)();
    if (const bool canSign = !m_saw.trimmed().isEmpty(); canSign != m_canSign) {
        m_canSign = canSign;
        emit canSignChanged();
    }
    QStringList names;
    if (m_session)
        names = m_session->suspectedNames(m_saw + QLatin1Char('\n') + m_good + QLatin1Char('\n') + m_better);
    if (names != m_suspectedNames) {
        m_suspectedNames = std::move(names);
        emit suspectedNamesChanged();
    }
}

void ObservationController::setRating(int rating)
{
    rating = qBound(0, rating, 3);
    if (rating == m_rating)
        return;
    m_rating = rating;
    emit ratingChanged();
    save();
}

void ObservationController::setSaved(bool saved)
{
    if (saved == m_saved)
        return;
    m_saved = saved;
    emit savedChanged();
}

QString ObservationController::composedText() const
{
    QStringList parts;
    const auto add = [&parts](const QString &question, const QString &answer) {
        if (!answer.trimmed().isEmpty())
            parts << question + QLatin1Char('\n') + answer.trimmed();
    };
    add(tr("What did I see?"), m_saw);
    add(tr("What was good?"), m_good);
    add(tr("What could be better?"), m_better);
    static const char *const faces[] = {"", "☹ not good", "😐 OK", "☺ good"};
    if (m_rating > 0)
        parts << tr("How it felt: %1").arg(QString::fromUtf8(faces[m_rating]));
    return parts.join(QStringLiteral("\n\n"));
}

void ObservationController::save()
{
    setSaved(false);
    if (!m_session || !m_session->vault() || m_engagementId.isEmpty() || composedText().isEmpty())
        return;
    if (m_draftId.isEmpty())
        m_draftId = DraftWriter::newDraftId();
    Note draft;
    draft.id = m_draftId;
    draft.engagementId = m_engagementId;
    draft.kind = NoteKind::Observation;
    draft.text = composedText();
    m_submitted = m_session->vault()->drafts().submit(draft);
}

void ObservationController::onDraftWritten(const QString &draftId, quint64 revision)
{
    if (draftId == m_draftId && revision == m_submitted)
        setSaved(true);
}

bool ObservationController::lockIn()
{
    if (!m_session || !m_session->vault() || !canSign())
        return false;
    if (m_draftId.isEmpty())
        save();
    // What is on screen is written before it is signed.
    if (!m_session->flushDrafts())
        return false;
    auto signedNote = m_session->vault()->store().signDraft(m_draftId);
    if (!signedNote) {
        m_session->reportError(signedNote.error());
        return false;
    }
    const QString signedId = m_draftId;
    m_draftId.clear();
    for (const Answer answer : {Saw, Good, Better}) {
        answerText(answer).clear();
        answerChanged(answer);
    }
    m_rating = 0;
    emit ratingChanged();
    setSaved(true);
    emit answersReplaced();
    emit signedObservation();
    m_session->markNotesSigned({signedId});
    return true;
}

} // namespace fieldnotes::ui
