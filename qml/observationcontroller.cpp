#include "observationcontroller.h"

#include "notestore.h"

namespace fieldnotes::ui {

ObservationController::ObservationController(QObject *parent) : QObject(parent) {}

void ObservationController::setSession(VaultSession *session)
{
    if (session == m_session)
        return;
    m_session = session;
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

void ObservationController::setSaw(const QString &text)
{
    if (text == m_saw)
        return;
    m_saw = text;
    save();
}

void ObservationController::setGood(const QString &text)
{
    if (text == m_good)
        return;
    m_good = text;
    save();
}

void ObservationController::setBetter(const QString &text)
{
    if (text == m_better)
        return;
    m_better = text;
    save();
}

void ObservationController::setRating(int rating)
{
    rating = qBound(0, rating, 3);
    if (rating == m_rating)
        return;
    m_rating = rating;
    save();
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
    m_saved = false;
    emit changed();
    if (!m_session || !m_session->vault() || m_engagementId.isEmpty() || composedText().isEmpty())
        return;
    NoteStore &store = m_session->vault()->store();
    Note draft;
    draft.id = m_draftId;
    draft.engagementId = m_engagementId;
    draft.kind = NoteKind::Observation;
    draft.text = composedText();
    auto written = m_draftId.isEmpty() ? store.createDraft(draft) : store.updateDraft(draft);
    if (!written) {
        m_session->reportError(written.error());
        return;
    }
    m_draftId = written->id;
    m_saved = true;
    emit changed();
    m_session->markChanged();
}

bool ObservationController::sign(const QString &passphrase)
{
    if (!m_session || !m_session->vault() || !canSign())
        return false;
    if (m_draftId.isEmpty() || !m_saved) {
        save();
        if (!m_saved)
            return false;
    }
    if (!m_session->confirmPassphrase(passphrase))
        return false;
    auto signedNote = m_session->vault()->store().signDraft(m_draftId);
    if (!signedNote) {
        m_session->reportError(signedNote.error());
        return false;
    }
    m_draftId.clear();
    m_saw.clear();
    m_good.clear();
    m_better.clear();
    m_rating = 0;
    emit changed();
    emit signedObservation();
    m_session->markChanged();
    return true;
}

} // namespace fieldnotes::ui
